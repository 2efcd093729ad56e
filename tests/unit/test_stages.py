"""Who acts next on a case, and the deadlines of Perban BKN 5/2019."""

from __future__ import annotations

from datetime import date

import pytest

from asn_graph.domain.actors import Role
from asn_graph.domain.calendar import add_working_days, working_days_between
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.stages import DeadlineKind, days_in_stage, is_overdue, stage_of
from asn_graph.domain.transfer_types import ApprovalStep, TransferType

POLICY = TransferPolicy()
MONDAY = date(2026, 11, 23)


def test_thirty_working_days_skip_weekends() -> None:
    due = add_working_days(MONDAY, 30)
    assert due == date(2027, 1, 4)
    assert working_days_between(MONDAY, due) == 30


def test_bkn_has_fifteen_days_once_the_technical_review_is_pending() -> None:
    stage = stage_of(CaseState.IN_APPROVAL, TransferType.ACROSS_PROVINCES, 2, MONDAY, POLICY)
    assert stage.pending_step is ApprovalStep.TECHNICAL_REVIEW
    assert stage.deadline is DeadlineKind.TECHNICAL_REVIEW
    assert stage.due_on == date(2026, 12, 8)
    assert stage.assignee is Role.BKN


def test_the_receiving_agency_appoints_within_thirty_working_days_of_the_decree() -> None:
    stage = stage_of(CaseState.DECREE_ISSUED, TransferType.WITHIN_AGENCY, 1, MONDAY, POLICY)
    assert stage.deadline is DeadlineKind.APPOINTMENT
    assert stage.due_on == add_working_days(MONDAY, 30)


@pytest.mark.parametrize(
    ("state", "transfer_type", "approved", "assignee", "step"),
    [
        (CaseState.DRAFT, TransferType.WITHIN_AGENCY, 0, Role.OFFICER, None),
        (
            CaseState.IN_APPROVAL,
            TransferType.WITHIN_AGENCY,
            0,
            Role.APPROVER,
            ApprovalStep.REVIEW_BOARD,
        ),
        (
            CaseState.IN_APPROVAL,
            TransferType.ACROSS_PROVINCES,
            1,
            Role.APPROVER,
            ApprovalStep.DESTINATION_ACCEPTANCE,
        ),
        (CaseState.AWAITING_DECREE, TransferType.WITHIN_AGENCY, 1, Role.APPROVER, None),
        (CaseState.AWAITING_DECREE, TransferType.ACROSS_PROVINCES, 3, Role.MINISTER, None),
        (CaseState.EFFECTIVE, TransferType.WITHIN_AGENCY, 1, Role.OFFICER, None),
        (CaseState.CLOSED, TransferType.WITHIN_AGENCY, 1, None, None),
        (CaseState.REJECTED, TransferType.WITHIN_AGENCY, 0, None, None),
    ],
)
def test_each_stage_names_who_acts(
    state: CaseState,
    transfer_type: TransferType,
    approved: int,
    assignee: Role | None,
    step: ApprovalStep | None,
) -> None:
    stage = stage_of(state, transfer_type, approved, MONDAY, POLICY)
    assert stage.assignee is assignee
    assert stage.pending_step is step


def test_days_in_a_stage_count_calendar_days_and_never_go_below_zero() -> None:
    assert days_in_stage(MONDAY, date(2026, 12, 8)) == 15
    assert days_in_stage(MONDAY, MONDAY) == 0
    assert days_in_stage(MONDAY, date(2026, 11, 20)) == 0


def test_a_stage_is_overdue_only_after_its_due_date() -> None:
    assert not is_overdue(None, MONDAY)
    assert not is_overdue(MONDAY, MONDAY)
    assert is_overdue(MONDAY, date(2026, 11, 24))


def test_a_case_has_ended_once_closed_or_stopped_without_a_move() -> None:
    ended = {state for state in CaseState if state.has_ended}
    assert ended == {
        CaseState.CLOSED,
        CaseState.REJECTED,
        CaseState.WITHDRAWN,
        CaseState.CANCELLED,
        CaseState.EXPIRED,
    }
    assert all(
        stage_of(s, TransferType.WITHIN_AGENCY, 0, MONDAY, POLICY).assignee is None for s in ended
    )
