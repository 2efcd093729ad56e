"""What a transfer plan (rencana mutasi) holds besides its moves: its scope and the answers of
the employees consulted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from uuid import UUID

from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.matching import Score
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import PositionKind


@dataclass(frozen=True, order=True)
class UnitRef:
    agency_code: str
    unit_code: str


@dataclass(frozen=True)
class PlanScope:
    """Where a plan moves people: one agency, or a province with its regencies and cities;
    optionally only some units (with their sub-units) and some destination positions."""

    agency_codes: tuple[str, ...]
    unit_codes: tuple[str, ...] = ()
    """Units in scope, each with its sub-units; empty: every unit of the agencies."""
    position_codes: tuple[str, ...] = ()
    """Destination positions (by code) in scope; empty: every position."""

    def __post_init__(self) -> None:
        if not self.agency_codes:
            raise InvalidInput("plan_records.plan_needs_at_least_one", field="agencyCodes")


class ObjectionReason(Enum):
    """Why an employee objects to a proposed move (alasan keberatan)."""

    FAMILY = "FAMILY"
    HEALTH = "HEALTH"
    STUDY = "STUDY"
    CAREER = "CAREER"
    OTHER = "OTHER"


@dataclass(frozen=True)
class Preferences:
    """Where an employee would rather go: units and kinds of post."""

    units: tuple[UnitRef, ...] = ()
    position_kinds: tuple[PositionKind, ...] = ()

    def admits(self, unit: UnitRef, kind: PositionKind) -> bool:
        """Whether a destination is among the preferences (any, when none is stated)."""
        if not self.units and not self.position_kinds:
            return True
        return unit in self.units or kind in self.position_kinds


@dataclass(frozen=True)
class ConsultationAnswer:
    """An employee's answer to the move a plan proposes them (hasil konsultasi)."""

    agrees: bool
    preferences: Preferences
    reason: ObjectionReason | None
    note: str
    answered_on: date
    destination: Placement
    """The move the employee was asked about: an answer counts for that move only."""


class PlanStatus(Enum):
    DRAFT = "DRAFT"
    """Being drafted: the officer proposes, adjusts and pins moves."""
    CONSULTING = "CONSULTING"
    """The employees in the plan are asked; the officer may still adjust and re-propose."""
    APPROVED = "APPROVED"
    """Approved by the approving official: ready to launch, no longer changed."""
    LAUNCHED = "LAUNCHED"
    """Every move has its transfer case (or the reason it could not be opened)."""
    CANCELLED = "CANCELLED"


class MoveSource(Enum):
    PROPOSED = "PROPOSED"
    """Proposed by the optimiser."""
    ADDED = "ADDED"
    """Added by an officer."""


@dataclass(frozen=True)
class PlannedMove:
    """One move of a plan: who, from where, to where, and the score that chose them. An
    employee has at most one move in a plan, so the NIP names the move."""

    nip: str
    name: str
    origin: Placement
    destination: Placement
    destination_kind: PositionKind
    score: Score
    source: MoveSource
    pinned: bool

    @property
    def origin_unit(self) -> UnitRef:
        return UnitRef(self.origin.agency_code, self.origin.unit_code)

    @property
    def destination_unit(self) -> UnitRef:
        return UnitRef(self.destination.agency_code, self.destination.unit_code)


@dataclass(frozen=True)
class UnitBalance:
    """A unit's staff needed (ABK) and present over its own positions, as a plan found it."""

    agency_code: str
    unit_code: str
    name: str
    needed: int
    present: int

    @property
    def unit(self) -> UnitRef:
        return UnitRef(self.agency_code, self.unit_code)

    @property
    def gap(self) -> int:
        """Positive: staff lacking (deficit); negative: staff beyond need (surplus)."""
        return self.needed - self.present


@dataclass(frozen=True)
class LaunchOutcome:
    """What launching did with one move: the case it opened, or why it could not."""

    nip: str
    case_id: UUID | None
    refusal: str
