"""Rows of the directory read model, and the filters and pages lists are asked with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Generic, NamedTuple, TypeVar

from asn_graph.domain.monthly_figures import MonthlyFigures
from asn_graph.domain.positions import Staffing

T = TypeVar("T")


class AgencyRow(NamedTuple):
    code: str
    name: str
    kind: str
    province_code: str


class UnitRow(NamedTuple):
    id: str
    agency_code: str
    code: str
    name: str
    parent_code: str | None


class EmployeeRow(NamedTuple):
    id: str
    nip: str
    name: str
    status: str
    rank: str
    agency_code: str | None
    unit_code: str | None
    position_code: str | None
    placed_since: str | None
    decree_number: str | None
    placement_case_id: str | None
    active_case_id: str | None


class CaseRow(NamedTuple):
    id: str
    seq: int
    employee_id: str
    nip: str
    employee_name: str | None
    transfer_type: str
    initiative: str
    state: str
    origin_agency: str
    origin_unit: str
    origin_position: str
    destination_agency: str
    destination_unit: str
    destination_position: str
    opened_at: str
    updated_at: str
    plan_id: str | None
    plan_move: str | None
    pending_step: str | None
    assignee_role: str | None
    stage_entered_at: str
    deadline: str | None
    due_on: str | None
    closed_at: str | None


@dataclass(frozen=True)
class EmployeeFilter:
    agency_codes: tuple[str, ...] = ()
    """Any of these agencies; none named: every agency."""
    unit_code: str | None = None
    position_code: str | None = None
    rank: str | None = None
    status: str | None = None
    name_contains: str | None = None
    competencies: tuple[tuple[str, int], ...] = ()
    """Each competency (code) held at least at the level given (the talent pool's)."""
    education_family: str | None = None
    minimum_education_rank: int | None = None
    """``EducationLevel.order`` of the lowest education level."""


@dataclass(frozen=True)
class CaseFilter:
    states: tuple[str, ...] = ()
    transfer_type: str | None = None
    agency_codes: tuple[str, ...] = ()
    """From or to any of these agencies; none named: every agency."""
    unit_code: str | None = None
    nip: str | None = None
    plan_id: str | None = None
    opened_from: str | None = None
    """Opened on this day or later (ISO date in the agency's calendar)."""
    opened_until: str | None = None
    """Opened on this day or earlier (inclusive)."""


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list; ``count`` counts the rows of all pages when called (a query of
    its own, run only if someone asks)."""

    rows: list[T]
    has_next: bool
    count: Callable[[], int]


@dataclass(frozen=True)
class PlacementFilter:
    agency_code: str
    unit_code: str | None = None
    include_sub_units: bool = False
    position_kind: str | None = None
    rank: str | None = None


class PlacementRow(NamedTuple):
    employee_id: str
    nip: str
    name: str
    rank: str
    agency_code: str
    unit_code: str
    unit_name: str | None
    position_code: str
    position_title: str | None
    position_kind: str | None
    placed_since: str | None
    decree_number: str | None
    placement_case_id: str | None


class PositionBalanceRow(NamedTuple):
    agency_code: str
    unit_code: str
    unit_name: str | None
    position_code: str
    position_title: str
    position_kind: str
    needed: int | None
    present: int
    incoming: int
    outgoing: int

    @property
    def gap(self) -> int:
        """Staff needed minus staff after the moves in flight: positive is a deficit
        (kekurangan), negative a surplus (kelebihan)."""
        return Staffing(self.needed or 0, self.present, self.incoming, self.outgoing).vacancies


class UnitBalanceRow(NamedTuple):
    agency_code: str
    unit_code: str
    unit_name: str
    positions: int
    needed: int
    present: int
    incoming: int
    outgoing: int
    deficit: int
    """Staff missing in the positions of the subtree short of their need, summed."""
    surplus: int
    """Staff beyond need in the positions of the subtree over it, summed."""

    @property
    def gap(self) -> int:
        return Staffing(self.needed, self.present, self.incoming, self.outgoing).vacancies


class UnitStaffing(NamedTuple):
    """A unit's staffing: its total, its sub-units' totals, and its own positions."""

    total: UnitBalanceRow
    sub_units: list[UnitBalanceRow]
    positions: list[PositionBalanceRow]


@dataclass(frozen=True)
class WorklistFilter:
    agency_codes: tuple[str, ...] = ()
    """Any of these agencies; none named: every agency."""
    unit_code: str | None = None
    states: tuple[str, ...] = ()
    transfer_type: str | None = None
    assignee_role: str | None = None
    overdue_on: str | None = None


class WorkItemRow(NamedTuple):
    id: str
    seq: int
    nip: str
    employee_name: str | None
    transfer_type: str
    state: str
    origin_agency: str
    origin_unit: str
    destination_agency: str
    destination_unit: str
    pending_step: str | None
    assignee_role: str | None
    opened_at: str
    stage_entered_at: str
    deadline: str | None
    due_on: str | None
    decree_number: str | None


class StintRow(NamedTuple):
    employee_id: str
    seq: int
    nip: str
    name: str
    agency_code: str
    unit_code: str
    position_code: str
    since: str
    until: str | None
    case_id: str | None
    decree_number: str | None


@dataclass(frozen=True)
class AuditFilter:
    originator_id: str | None = None
    aggregate: str | None = None
    actor_id: str | None = None
    actor_agencies: tuple[str, ...] = ()
    """Actions of the actors of any of these agencies; none named: every actor."""
    recorded_from: str | None = None
    recorded_until: str | None = None


class AuditRow(NamedTuple):
    position: int
    originator_id: str
    aggregate: str
    version: int
    event_type: str
    recorded_at: str
    actor_id: str | None
    actor_role: str | None
    actor_agency: str | None
    actor_nip: str | None
    reason: str
    details: str
    previous_hash: str
    entry_hash: str


@dataclass(frozen=True)
class EvaluationDueFilter:
    """Scheduled evaluations not made whose window has opened by ``today``."""

    today: str
    agency_codes: tuple[str, ...] = ()
    """Moves from or to any of these agencies; none named: every agency."""
    unit_code: str | None = None
    transfer_type: str | None = None
    plan_id: str | None = None
    overdue_only: bool = False


class EvaluationDueRow(NamedTuple):
    case_id: str
    seq: int
    nip: str
    employee_name: str | None
    transfer_type: str
    state: str | None
    origin_agency: str
    origin_unit: str
    destination_agency: str
    destination_unit: str
    effective_on: str
    months_after: int
    opens_on: str
    due_on: str
    plan_id: str | None
    plan_move: str | None


@dataclass(frozen=True)
class OutcomeFilter:
    agency_codes: tuple[str, ...] = ()
    """Any of these agencies; none named: every agency."""
    effective_from: str | None = None
    effective_until: str | None = None
    plan_id: str | None = None
    unit_code: str | None = None
    """Moves from or to a unit of this code."""


class OutcomeRow(NamedTuple):
    case_id: str
    seq: int
    nip: str
    transfer_type: str
    origin_agency: str
    origin_unit: str
    destination_agency: str
    destination_unit: str
    effective_on: str
    rating_before: str | None
    score_before: int | None
    rating_after: str | None
    score_after: int | None
    trainings: int
    training_hours: int
    evaluation_rating: str | None
    evaluated_on: str | None
    evaluation_summary: str | None
    evaluations: int
    plan_id: str | None
    plan_move: str | None
    decree_number: str | None
    decree_signed_on: str | None
    employee_name: str | None


@dataclass(frozen=True)
class OutcomeSummary:
    moves: int
    improved: int
    unchanged: int
    declined: int
    not_yet_rated: int
    trained: int
    training_hours: int
    evaluated: int
    evaluations: int
    """Evaluations recorded (a move may have several)."""
    evaluations_due: int
    """Scheduled evaluations not made whose grace period has begun and whose date has not
    passed."""
    evaluations_late: int
    """Scheduled evaluations not made whose date has passed."""
    average_score_before: float | None
    """Mean SKP score (5 SANGAT_BAIK .. 1 SANGAT_KURANG) of the latest year rated before the
    TMT's year, over the moves rated both before and after."""
    average_score_after: float | None
    """Mean SKP score of the first year rated after the TMT's year, over the same moves."""


@dataclass(frozen=True)
class PeriodSummary:
    """The outcomes of the moves whose TMT falls in one period."""

    period: str
    """``2026``, ``2026-S2``, ``2026-Q3`` or ``2026-07``."""
    starts_on: date
    ends_on: date
    """Exclusive: the first day of the next period."""
    summary: OutcomeSummary


class PlanRow(NamedTuple):
    id: str
    seq: int
    agency_code: str
    title: str
    status: str
    period_start: str
    period_end: str
    answer_by: str | None
    moves: int
    launched: int
    updated_at: str


class ConsultationRow(NamedTuple):
    """A plan that proposes an employee a move, and whether they have answered."""

    plan_id: str
    title: str
    status: str
    answer_by: str | None
    destination_agency: str
    destination_unit: str
    destination_position: str
    answered: int
    agrees: int | None


@dataclass(frozen=True)
class PlanFilter:
    agency_codes: tuple[str, ...] = ()
    """Any of these agencies; none named: every agency."""
    statuses: tuple[str, ...] = ()


class NotificationRow(NamedTuple):
    """One notification of an employee's inbox, and whether they have read it."""

    seq: int
    kind: str
    shown_on: str
    recorded_at: str
    case_id: str | None
    plan_id: str | None
    state: str | None
    step: str | None
    decree_number: str | None
    plan_title: str | None
    due_on: str | None
    is_read: int


class PublishedSummaryRow(NamedTuple):
    agency_code: str
    month: str
    version: int
    """1 for the first publication, one more for each correction."""
    figures: MonthlyFigures
    first_published_at: str
    published_at: str
    """When this version was published (UTC ISO)."""
    reason: str
    """The reason given for this version (a correction's)."""
