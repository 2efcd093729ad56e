"""Who must act next on a case, and by when: the worklist an officer works through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from asn_graph.domain.actors import Role
from asn_graph.domain.calendar import add_working_days
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.regulators import DECIDING_ROLES
from asn_graph.domain.transfer_types import ApprovalStep, TransferType, route_for


class DeadlineKind(Enum):
    """The deadlines of Perban BKN 5/2019 a case can run against."""

    TECHNICAL_REVIEW = "TECHNICAL_REVIEW"
    APPOINTMENT = "APPOINTMENT"


@dataclass(frozen=True)
class Stage:
    """Where a case stands: its state, the approval step it waits for, who acts, by when."""

    state: CaseState
    pending_step: ApprovalStep | None
    assignee: Role | None
    deadline: DeadlineKind | None
    due_on: date | None


_ASSIGNEES: dict[CaseState, Role] = {
    CaseState.DRAFT: Role.OFFICER,
    CaseState.SUBMITTED: Role.OFFICER,
    CaseState.DOCUMENTS_RETURNED: Role.OFFICER,
    CaseState.DECREE_ISSUED: Role.OFFICER,
    CaseState.APPOINTED: Role.OFFICER,
    CaseState.EFFECTIVE: Role.OFFICER,
}


def days_in_stage(entered_on: date, until: date) -> int:
    """Whole days from the day a stage was entered to ``until`` (today, or the day it was
    left), in the agency's calendar; never negative."""
    return max(0, (until - entered_on).days)


def is_overdue(due_on: date | None, today: date) -> bool:
    """The stage's due date has passed (a stage without one is never overdue)."""
    return due_on is not None and due_on < today


def pending_step(transfer_type: TransferType, approved_steps: int) -> ApprovalStep | None:
    steps = route_for(transfer_type).steps
    return steps[approved_steps] if approved_steps < len(steps) else None


def stage_of(
    state: CaseState,
    transfer_type: TransferType,
    approved_steps: int,
    entered_on: date,
    policy: TransferPolicy,
) -> Stage:
    """The stage a case entered on ``entered_on``; deadlines count from that day."""
    step = pending_step(transfer_type, approved_steps) if state is CaseState.IN_APPROVAL else None
    if step is ApprovalStep.TECHNICAL_REVIEW:
        due = entered_on + timedelta(days=policy.technical_review_days)
        return Stage(state, step, Role.BKN, DeadlineKind.TECHNICAL_REVIEW, due)
    if state is CaseState.DECREE_ISSUED:
        due = add_working_days(entered_on, policy.appointment_working_days)
        return Stage(state, None, Role.OFFICER, DeadlineKind.APPOINTMENT, due)
    if state is CaseState.IN_APPROVAL:
        return Stage(state, step, Role.APPROVER, None, None)
    if state is CaseState.AWAITING_DECREE:
        authority = route_for(transfer_type).decree_authority
        return Stage(state, None, DECIDING_ROLES[authority], None, None)
    return Stage(state, None, _ASSIGNEES.get(state), None, None)
