"""What integrators and dashboards follow: placement, transfer-case and transfer-plan changes, each
at its log position, and the filters a subscriber chooses them by."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from asn_graph.domain.actors import Actor
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.errors import Unavailable
from asn_graph.domain.placement import Placement, unit_id
from asn_graph.domain.plan_records import PlanStatus
from asn_graph.domain.transfer_types import TransferType


@dataclass(frozen=True)
class PlacementChange:
    """An employee took up a position (first placement, transfer, or correction)."""

    position: int
    recorded_at: datetime
    employee_id: UUID
    nip: str
    placement: Placement
    previous: Placement | None
    since: date
    case_id: UUID | None
    decree_number: str | None
    actor: Actor
    reason: str
    units: frozenset[UUID]
    """The new and the previous unit, each with every unit above it."""

    @property
    def placements(self) -> tuple[Placement, ...]:
        return (self.placement, self.previous) if self.previous else (self.placement,)


@dataclass(frozen=True)
class CaseChange:
    """One recorded event of a transfer case, with the case's state after it."""

    position: int
    case_id: UUID
    event: Any
    state: CaseState
    transfer_type: TransferType
    nip: str
    origin: Placement
    destination: Placement
    units: frozenset[UUID]
    """The origin and destination units, each with every unit above it."""

    @property
    def placements(self) -> tuple[Placement, ...]:
        return (self.origin, self.destination)


@dataclass(frozen=True)
class PlanChange:
    """One recorded event of a transfer plan, with the plan's standing after it."""

    position: int
    plan_id: UUID
    event: Any
    agency_code: str
    status: PlanStatus
    moves: int
    unanswered: int
    objections: int
    launched: int


Change = PlacementChange | CaseChange | PlanChange


@dataclass(frozen=True)
class UnitScope:
    """An agency, or one of its units alone or with every unit below it. A change is in scope
    when either of its placements (before and after, origin and destination) is."""

    agency_code: str
    unit_code: str | None = None
    include_sub_units: bool = False

    def covers(self, change: PlacementChange | CaseChange) -> bool:
        if self.unit_code is None:
            return any(p.agency_code == self.agency_code for p in change.placements)
        unit = unit_id(self.agency_code, self.unit_code)
        if self.include_sub_units:
            return unit in change.units
        return any(p.unit_id == unit for p in change.placements)


@dataclass(frozen=True)
class PlacementInterest:
    unit: UnitScope | None = None

    def wants(self, change: Change) -> bool:
        return isinstance(change, PlacementChange) and (
            self.unit is None or self.unit.covers(change)
        )


@dataclass(frozen=True)
class CaseInterest:
    """One case, the cases of a unit, or every case; ``nip`` narrows to one employee's own."""

    case_id: UUID | None = None
    unit: UnitScope | None = None
    nip: str | None = None

    def wants(self, change: Change) -> bool:
        return (
            isinstance(change, CaseChange)
            and (self.case_id is None or change.case_id == self.case_id)
            and (self.unit is None or self.unit.covers(change))
            and (self.nip is None or change.nip == self.nip)
        )


@dataclass(frozen=True)
class PlanInterest:
    """One plan, or the plans of an agency, or every plan."""

    plan_id: UUID | None = None
    agency_code: str | None = None

    def wants(self, change: Change) -> bool:
        return (
            isinstance(change, PlanChange)
            and (self.plan_id is None or change.plan_id == self.plan_id)
            and (self.agency_code is None or change.agency_code == self.agency_code)
        )


Interest = PlacementInterest | CaseInterest | PlanInterest


class FellBehind(Unavailable):
    """The subscriber did not keep up; it may resume after ``resume_after``."""

    def __init__(self, resume_after: int, capacity: int) -> None:
        super().__init__(
            "changes.subscriber_fell_behind", capacity=capacity, resume_after=resume_after
        )
        self.resume_after = resume_after
