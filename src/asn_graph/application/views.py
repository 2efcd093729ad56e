"""What the application answers with: immutable views of its records, never the aggregates.

Views hold primitives and domain value objects. They are made from aggregates in one place
(``application.to_view``) behind the boundary, so that callers (the GraphQL API, the command
line, the demo generator) see the same facts and cannot change a record by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar
from uuid import UUID

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_actions import CaseAction
from asn_graph.domain.case_records import (
    Approval,
    Decree,
    DocumentEvidence,
    DocumentType,
    Evaluation,
    Handover,
    Override,
    PlanLink,
    ProposalAnswer,
    ScheduledEvaluation,
    Training,
)
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.competencies import HeldCompetency, RequiredCompetency
from asn_graph.domain.employee_records import Blocker, PlacementRecord
from asn_graph.domain.moratorium import Moratorium
from asn_graph.domain.nip import Gender
from asn_graph.domain.office_terms import Office, Term
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import (
    AgencyKind,
    Education,
    EmploymentStatus,
    PerformanceRating,
    PositionKind,
    Rank,
)
from asn_graph.domain.rules import Finding
from asn_graph.domain.talent import Potential
from asn_graph.domain.transfer_types import (
    ApprovalStep,
    DecisionAuthority,
    Initiative,
    TransferType,
)

V = TypeVar("V", covariant=True)


@dataclass(frozen=True)
class Recorded(Generic[V]):
    """What a command did: where it landed in the log, and its subject afterwards."""

    position: int
    """The event log's position after the write (for a replay: the log's head)."""
    replayed: bool
    """True when a retry with the same idempotency key was answered with the first result."""
    view: V
    """The subject as the command left it; for a replay, as it is now."""


@dataclass(frozen=True)
class AgencyView:
    code: str
    name: str
    kind: AgencyKind
    province_code: str
    moratoria: tuple[Moratorium, ...]


@dataclass(frozen=True)
class OfficeView:
    """A signing office and its register of terms, oldest first."""

    office: Office
    terms: tuple[Term, ...]

    def holders_on(self, day: date) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if term.covers(day))


@dataclass(frozen=True)
class PositionView:
    code: str
    title: str
    kind: PositionKind
    grade: int
    required_education: Education | None
    required_competencies: tuple[RequiredCompetency, ...]
    staff_needed: int
    """Staff needed by the workload analysis (ABK); 0 before any analysis."""
    workload_hours: int
    effective_hours_per_year: int | None
    """The effective-hours standard of the last analysis, if there is one."""


@dataclass(frozen=True)
class WorkUnitView:
    agency_code: str
    code: str
    name: str
    parent_code: str | None
    positions: tuple[PositionView, ...]


@dataclass(frozen=True)
class EmployeeView:
    id: UUID
    nip: str
    name: str
    birth_date: date
    gender: Gender
    status: EmploymentStatus
    rank: Rank
    education: Education
    competencies: tuple[HeldCompetency, ...]
    competency_note: str
    appointed_on: date
    placement: Placement | None
    placed_since: date | None
    active_case_id: UUID | None
    placements: tuple[PlacementRecord, ...]
    """Riwayat penempatan, oldest first."""
    ratings: tuple[tuple[int, PerformanceRating], ...]
    """SKP ratings by year, oldest first."""
    talent: tuple[TalentRecord, ...]
    """Potential by year with the nine-box it gives with that year's rating, oldest first."""
    blockers: tuple[Blocker, ...]


@dataclass(frozen=True)
class TalentRecord:
    year: int
    potential: Potential
    rating: PerformanceRating | None
    box: int | None
    """The nine-box (1-9) of that year; None without a rating for the year."""


@dataclass(frozen=True)
class CaseView:
    id: UUID
    employee_id: UUID
    nip: str
    transfer_type: TransferType
    initiative: Initiative
    state: CaseState
    origin: Placement
    destination: Placement
    route: tuple[ApprovalStep, ...]
    decree_authority: DecisionAuthority
    pending_step: ApprovalStep | None
    documents: tuple[DocumentEvidence, ...]
    missing_documents: tuple[DocumentType, ...]
    """Checklist documents of this case's type (by policy) not attached yet, by name."""
    approvals: tuple[Approval, ...]
    findings: tuple[Finding, ...]
    warnings: tuple[Finding, ...]
    overrides: tuple[Override, ...]
    proposal_answer: ProposalAnswer | None
    decree: Decree | None
    installed_on: date | None
    handover: Handover | None
    effective_on: date | None
    trainings: tuple[Training, ...]
    evaluations: tuple[Evaluation, ...]
    """Evaluasi berkala, oldest first."""
    evaluation_schedule: tuple[ScheduledEvaluation, ...]
    """The evaluations the agency's schedule asks of the move, as of today."""
    plan: PlanLink | None
    """The transfer plan (rencana mutasi) the case was opened from, if any."""
    next_actions: tuple[CaseAction, ...]
    """The actions the route and the state admit now, whoever may take them."""

    @property
    def evaluation(self) -> Evaluation | None:
        """The latest evaluation."""
        return self.evaluations[-1] if self.evaluations else None


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded event of a subject, as plain values for auditors."""

    version: int
    event_type: str
    recorded_at: datetime
    actor: Actor | None
    reason: str
    details: dict[str, Any]


@dataclass(frozen=True)
class Past(Generic[V]):
    """A subject as it stood at a version, and when that version was recorded."""

    view: V
    version: int
    recorded_at: datetime


@dataclass(frozen=True)
class LocalAccountView:
    """A local account as the operator sees it (never its password or hash)."""

    username: str
    role: Role
    agency: str | None
    nip: str | None
    national: bool
    disabled: bool
    email: str | None = None


@dataclass(frozen=True)
class Revocations:
    """The revocations recorded after a version of the register, up to ``version``."""

    version: int
    tokens: tuple[tuple[str, int], ...] = ()
    """Token id and when it was revoked (seconds since the epoch)."""
    subjects: tuple[tuple[str, int], ...] = ()
    """Subject and the moment before which its tokens were issued (seconds since the epoch)."""
