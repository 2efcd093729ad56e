"""The worklist and its evaluations due, the audit trail and the outcomes of moves, as read
from the read models."""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from zoneinfo import ZoneInfo

import strawberry
from strawberry.scalars import JSON

from asn_graph.api.types.common import PlanLink
from asn_graph.api.types.enums import (
    ApprovalStep,
    CaseState,
    DeadlineKind,
    PerformanceRating,
    TransferType,
)
from asn_graph.api.types.mirror import mirror
from asn_graph.domain.stages import days_in_stage, is_overdue
from asn_graph.projections.rows import (
    AuditRow,
    EvaluationDueRow,
    OutcomeRow,
    OutcomeSummary,
    PeriodSummary,
    WorkItemRow,
)


@strawberry.type(description="A case on the worklist: who must act, since when, and by when.")
class WorkItem:
    case_id: strawberry.ID
    nip: str
    employee_name: str | None
    transfer_type: TransferType
    state: CaseState
    origin_agency: str
    origin_unit: str
    destination_agency: str
    destination_unit: str
    pending_step: ApprovalStep | None
    assignee_role: str = strawberry.field(
        description="officer, approver, bkn, governor or minister: who acts next."
    )
    stage_entered_at: datetime
    days_in_stage: int
    days_open: int = strawberry.field(description="Days since the case was opened.")
    deadline: DeadlineKind | None
    due_on: date | None
    overdue: bool
    decree_number: str | None

    @classmethod
    def of(cls, row: WorkItemRow, today: date, zone: ZoneInfo) -> WorkItem:
        entered = datetime.fromisoformat(row.stage_entered_at)
        opened = datetime.fromisoformat(row.opened_at)
        due = date.fromisoformat(row.due_on) if row.due_on else None
        return cls(
            case_id=strawberry.ID(row.id),
            nip=row.nip,
            employee_name=row.employee_name,
            transfer_type=TransferType(row.transfer_type),
            state=CaseState(row.state),
            origin_agency=row.origin_agency,
            origin_unit=row.origin_unit,
            destination_agency=row.destination_agency,
            destination_unit=row.destination_unit,
            pending_step=ApprovalStep(row.pending_step) if row.pending_step else None,
            assignee_role=row.assignee_role or "",
            stage_entered_at=entered,
            days_in_stage=days_in_stage(entered.astimezone(zone).date(), today),
            days_open=max(0, (today - opened.astimezone(zone).date()).days),
            deadline=DeadlineKind(row.deadline) if row.deadline else None,
            due_on=due,
            overdue=is_overdue(due, today),
            decree_number=row.decree_number,
        )


@strawberry.type(
    description="Evaluasi berkala on the worklist: an evaluation the schedule asks of a move "
    "that took effect, not made yet, from the grace period before its due date on."
)
class EvaluationDue:
    case_id: strawberry.ID
    nip: str
    employee_name: str | None
    transfer_type: TransferType
    state: CaseState | None = strawberry.field(description="EFFECTIVE or CLOSED.")
    origin_agency: str
    origin_unit: str
    destination_agency: str = strawberry.field(
        description="The agency that evaluates (the employee's new one)."
    )
    destination_unit: str
    effective_on: date = strawberry.field(description="TMT of the move.")
    months_after: int = strawberry.field(
        description="Which evaluation it is: months after the TMT (6, 12, ...)."
    )
    opens_on: date = strawberry.field(description="From when an evaluation counts for it.")
    due_on: date
    overdue: bool = strawberry.field(description="Late: the due date has passed.")
    days_overdue: int = strawberry.field(description="Days past the due date (0 if not late).")
    plan: PlanLink | None = strawberry.field(
        description="The transfer plan (rencana mutasi) the move came from, if any."
    )

    @classmethod
    def of(cls, row: EvaluationDueRow, today: date) -> EvaluationDue:
        due = date.fromisoformat(row.due_on)
        return cls(
            case_id=strawberry.ID(row.case_id),
            nip=row.nip,
            employee_name=row.employee_name,
            transfer_type=TransferType(row.transfer_type),
            state=CaseState(row.state) if row.state else None,
            origin_agency=row.origin_agency,
            origin_unit=row.origin_unit,
            destination_agency=row.destination_agency,
            destination_unit=row.destination_unit,
            effective_on=date.fromisoformat(row.effective_on),
            months_after=row.months_after,
            opens_on=date.fromisoformat(row.opens_on),
            due_on=due,
            overdue=due < today,
            days_overdue=max(0, (today - due).days),
            plan=PlanLink.of_columns(row.plan_id, row.plan_move),
        )


@strawberry.type(
    description="One entry of the audit trail: an event with who, as whom, when, "
    "why, and its link in the hash chain."
)
class AuditEntry:
    log_position: int
    subject_id: strawberry.ID
    subject_kind: str = strawberry.field(description="employee, work-unit, transfer-case, ...")
    version: int = strawberry.field(description="The subject's version after this event.")
    event_type: str
    recorded_at: datetime
    actor_id: str | None
    actor_role: str | None
    actor_agency: str | None
    actor_nip: str | None
    reason: str
    details: JSON
    previous_hash: str
    entry_hash: str = strawberry.field(
        description="SHA-256 over the previous hash and the stored event."
    )

    @classmethod
    def of(cls, row: AuditRow) -> AuditEntry:
        return cls(
            log_position=row.position,
            subject_id=strawberry.ID(row.originator_id),
            subject_kind=row.aggregate,
            version=row.version,
            event_type=row.event_type,
            recorded_at=datetime.fromisoformat(row.recorded_at),
            actor_id=row.actor_id,
            actor_role=row.actor_role,
            actor_agency=row.actor_agency,
            actor_nip=row.actor_nip,
            reason=row.reason,
            details=json.loads(row.details),
            previous_hash=row.previous_hash,
            entry_hash=row.entry_hash,
        )


@strawberry.type(description="The outcome of one move that took effect.")
class TransferOutcome:
    case_id: strawberry.ID
    nip: str
    transfer_type: TransferType
    origin_agency: str
    origin_unit: str
    destination_agency: str
    destination_unit: str
    effective_on: date
    rating_before: PerformanceRating | None = strawberry.field(
        description="Latest SKP rating of a year before the move."
    )
    rating_after: PerformanceRating | None = strawberry.field(
        description="First SKP rating of a year after the move."
    )
    trainings: int
    training_hours: int
    evaluation_rating: PerformanceRating | None = strawberry.field(
        description="The latest evaluation's rating."
    )
    evaluated_on: date | None = strawberry.field(description="The latest evaluation's date.")
    evaluation_summary: str | None
    evaluations: int = strawberry.field(description="Evaluations recorded of the move.")
    plan: PlanLink | None = strawberry.field(
        description="The transfer plan (rencana mutasi) the move came from, if any."
    )
    employee_name: str | None
    decree_number: str | None = strawberry.field(
        description="Nomor SK of the decree in force (after any correction)."
    )
    decree_signed_on: date | None = strawberry.field(
        description="Tanggal SK: the day the decree in force was signed."
    )

    @classmethod
    def of(cls, row: OutcomeRow) -> TransferOutcome:
        return cls(
            case_id=strawberry.ID(row.case_id),
            nip=row.nip,
            transfer_type=TransferType(row.transfer_type),
            origin_agency=row.origin_agency,
            origin_unit=row.origin_unit,
            destination_agency=row.destination_agency,
            destination_unit=row.destination_unit,
            effective_on=date.fromisoformat(row.effective_on),
            rating_before=PerformanceRating(row.rating_before) if row.rating_before else None,
            rating_after=PerformanceRating(row.rating_after) if row.rating_after else None,
            trainings=row.trainings,
            training_hours=row.training_hours,
            evaluation_rating=PerformanceRating(row.evaluation_rating)
            if row.evaluation_rating
            else None,
            evaluated_on=date.fromisoformat(row.evaluated_on) if row.evaluated_on else None,
            evaluation_summary=row.evaluation_summary,
            evaluations=row.evaluations,
            plan=PlanLink.of_columns(row.plan_id, row.plan_move),
            employee_name=row.employee_name,
            decree_number=row.decree_number,
            decree_signed_on=date.fromisoformat(row.decree_signed_on)
            if row.decree_signed_on
            else None,
        )


@strawberry.type(description="Evaluasi berkala: how the moves of a period turned out.")
class TransferOutcomeSummary:
    moves: int
    improved: int = strawberry.field(description="Rated better after the move than before.")
    unchanged: int
    declined: int
    not_yet_rated: int = strawberry.field(description="No rating before or after yet.")
    trained: int = strawberry.field(description="Moves followed by at least one training.")
    training_hours: int
    evaluated: int = strawberry.field(description="Moves with a post-transfer evaluation.")
    evaluations: int = strawberry.field(
        description="Evaluations recorded (a move may have several)."
    )
    evaluations_due: int = strawberry.field(
        description="Scheduled evaluations not made yet whose grace period has begun and "
        "whose due date has not passed (as of today)."
    )
    evaluations_late: int = strawberry.field(
        description="Scheduled evaluations not made whose due date has passed (as of today)."
    )
    average_score_before: float | None = strawberry.field(
        description="Mean SKP score (5 SANGAT_BAIK .. 1 SANGAT_KURANG) of the latest year "
        "rated before the TMT's year, over the moves rated both before and after (those "
        "counted as improved, unchanged or declined)."
    )
    average_score_after: float | None = strawberry.field(
        description="Mean SKP score of the first year rated after the TMT's year, over the "
        "same moves."
    )

    @classmethod
    def of(cls, summary: OutcomeSummary) -> TransferOutcomeSummary:
        return mirror(cls, summary)


@strawberry.enum(description="Periods of TMTs the outcomes are grouped by.")
class OutcomePeriod(Enum):
    YEAR = strawberry.enum_value("YEAR", description="Tahun: 2026.")
    SEMESTER = strawberry.enum_value("SEMESTER", description="Semester: 2026-S1, 2026-S2.")
    QUARTER = strawberry.enum_value("QUARTER", description="Triwulan: 2026-Q1 .. 2026-Q4.")
    MONTH = strawberry.enum_value("MONTH", description="Bulan: 2026-01 .. 2026-12.")


@strawberry.type(description="The outcomes of the moves whose TMT falls in one period.")
class TransferOutcomePeriod:
    period: str = strawberry.field(description="2026, 2026-S2, 2026-Q3 or 2026-07.")
    starts_on: date
    ends_on: date = strawberry.field(description="Exclusive: the next period's first day.")
    summary: TransferOutcomeSummary

    @classmethod
    def of(cls, period: PeriodSummary) -> TransferOutcomePeriod:
        return cls(
            period=period.period,
            starts_on=period.starts_on,
            ends_on=period.ends_on,
            summary=TransferOutcomeSummary.of(period.summary),
        )
