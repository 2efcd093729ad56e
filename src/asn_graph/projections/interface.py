"""The read models as their readers see them: the questions each answers, as protocols.

The API depends on these, not on the query classes or the database behind them; the
composition root (``bootstrap``) hands it ``catalog.ReadQueries``, which satisfies them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol
from uuid import UUID

from asn_graph.domain.placement import Placement
from asn_graph.domain.positions import PositionCounts
from asn_graph.projections.candidate_rows import CandidateFilter, CandidateRow, Opening, OptionRow
from asn_graph.projections.case_register_rows import CaseCounts, StageStintRow
from asn_graph.projections.rows import (
    AgencyRow,
    AuditFilter,
    AuditRow,
    CaseFilter,
    CaseRow,
    ConsultationRow,
    EmployeeFilter,
    EmployeeRow,
    EvaluationDueFilter,
    EvaluationDueRow,
    NotificationRow,
    OutcomeFilter,
    OutcomeRow,
    OutcomeSummary,
    Page,
    PeriodSummary,
    PlacementFilter,
    PlacementRow,
    PlanFilter,
    PlanRow,
    PositionBalanceRow,
    PublishedSummaryRow,
    StintRow,
    UnitBalanceRow,
    UnitRow,
    UnitStaffing,
    WorkItemRow,
    WorklistFilter,
)


@dataclass(frozen=True)
class Freshness:
    """What a read saw: the position the read models held, what was asked, whether it held."""

    position: int
    requested: int | None
    caught_up: bool


class DirectoryReads(Protocol):
    def agencies(self) -> list[AgencyRow]: ...

    def units(self, agency_code: str) -> list[UnitRow]: ...

    def employees(
        self, where: EmployeeFilter, first: int, after: str | None
    ) -> Page[EmployeeRow]: ...

    def cases(self, where: CaseFilter, first: int, after: int | None) -> Page[CaseRow]: ...

    def states_of_plan(self, plan_id: str) -> dict[str, int]: ...

    def position_counts(
        self, placement: Placement, exclude_case: UUID | None
    ) -> PositionCounts: ...


class CaseRegisterReads(Protocol):
    def stints_of(self, case_ids: Sequence[str]) -> list[StageStintRow]: ...

    def counts(self, where: CaseFilter, today: date) -> CaseCounts: ...


class PlacementReads(Protocol):
    def placements(
        self, where_: PlacementFilter, first: int, after: str | None
    ) -> Page[PlacementRow]: ...

    def stints_of(self, nip: str) -> list[StintRow]: ...

    def movements(
        self,
        agency_code: str,
        unit_code: str,
        include_sub_units: bool,
        first: int,
        after: int | None,
    ) -> Page[StintRow]: ...


class StaffingReads(Protocol):
    def balance(self, agency_code: str, unit_code: str) -> UnitStaffing | None: ...

    def positions(
        self, agency_code: str, unit_code: str, include_sub_units: bool
    ) -> list[PositionBalanceRow]: ...

    def roll_up(self, agency_code: str, unit_codes: list[str]) -> list[UnitBalanceRow]: ...

    def every_unit(self, agency_code: str) -> list[UnitBalanceRow]: ...

    def children(self, agency_code: str, unit_code: str | None) -> list[str]: ...

    def largest_gaps(
        self, agency_code: str, surplus: bool, first: int
    ) -> list[PositionBalanceRow]: ...


class WorklistReads(Protocol):
    def worklist(
        self, filter_: WorklistFilter, first: int, after: tuple[str, int] | None
    ) -> Page[WorkItemRow]: ...

    def evaluations_due(
        self, filter_: EvaluationDueFilter, first: int, after: tuple[str, str, int] | None
    ) -> Page[EvaluationDueRow]: ...


class AuditReads(Protocol):
    def entries(self, filter_: AuditFilter, first: int, after: int | None) -> Page[AuditRow]: ...

    def head(self) -> AuditRow | None: ...


class OutcomeReads(Protocol):
    def moves(self, filter_: OutcomeFilter, first: int, after: int | None) -> Page[OutcomeRow]: ...

    def summary(self, filter_: OutcomeFilter, today: str) -> OutcomeSummary: ...

    def by_period(self, filter_: OutcomeFilter, today: str, period: str) -> list[PeriodSummary]: ...


class PlanReads(Protocol):
    def plans(self, where: PlanFilter, first: int, after: int | None) -> Page[PlanRow]: ...

    def consultations(self, nip: str) -> list[ConsultationRow]: ...


class CandidateRanking(Protocol):
    @property
    def opening(self) -> Opening: ...

    def ranked(self, first: int, after: str | None) -> Page[CandidateRow]: ...

    def excluded(self, first: int, after: str | None) -> Page[CandidateRow]: ...


class CandidateReads(Protocol):
    def rank(self, destination: Placement, where: CandidateFilter) -> CandidateRanking: ...

    def origin_of(self, nip: str) -> Placement: ...

    def placement_options(
        self, nip: str, agency_codes: Sequence[str], first: int, after: str | None
    ) -> Page[OptionRow]: ...


class NotificationReads(Protocol):
    def inbox(
        self,
        nip: str,
        today: str,
        first: int,
        after: tuple[str, int] | None,
        unread_only: bool = False,
    ) -> Page[NotificationRow]: ...

    def unread_count(self, nip: str, today: str) -> int: ...

    def mark_read(self, nip: str, today: str, seqs: Sequence[int] | None, at: str) -> int:
        """Read-model state, not an event (see ``projections.notifications``)."""
        ...


class PublishedSummaryReads(Protocol):
    def summaries(self, agency_code: str) -> list[PublishedSummaryRow]: ...

    def summary(self, agency_code: str, month: str) -> PublishedSummaryRow | None: ...


class ReadModels(Protocol):
    @property
    def directory(self) -> DirectoryReads: ...

    @property
    def case_register(self) -> CaseRegisterReads: ...

    @property
    def placements(self) -> PlacementReads: ...

    @property
    def staffing(self) -> StaffingReads: ...

    @property
    def worklist(self) -> WorklistReads: ...

    @property
    def audit(self) -> AuditReads: ...

    @property
    def outcomes(self) -> OutcomeReads: ...

    @property
    def candidates(self) -> CandidateReads: ...

    @property
    def plans(self) -> PlanReads: ...

    @property
    def notifications(self) -> NotificationReads: ...

    @property
    def summaries(self) -> PublishedSummaryReads: ...
