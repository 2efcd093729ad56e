"""What a transfer plan (rencana mutasi) holds besides its moves: its scope and the answers of
the employees consulted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from asn_graph.domain.errors import InvalidInput
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
            raise InvalidInput("a plan needs at least one agency in scope", field="agencyCodes")


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
