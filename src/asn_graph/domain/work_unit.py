"""Work unit (unit organisasi, unor) with its positions (peta jabatan) and workload (ABK)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from eventsourcing.domain import Aggregate

from asn_graph.domain.actors import Actor
from asn_graph.domain.audited import AuditedAggregate
from asn_graph.domain.errors import InvalidInput, NotFound
from asn_graph.domain.placement import unit_id
from asn_graph.domain.reference import Education, PositionKind

MINUTES_PER_HOUR = 60
MAX_POSITION_GRADE = 17


@dataclass(frozen=True)
class WorkloadItem:
    """One task of a position: how often it happens a year and the norm time it takes."""

    task: str
    annual_volume: int
    norm_minutes: int

    def __post_init__(self) -> None:
        if self.annual_volume < 0 or self.norm_minutes <= 0:
            raise InvalidInput(
                "workload needs a non-negative volume and a positive norm time", field="workload"
            )

    @property
    def minutes(self) -> int:
        return self.annual_volume * self.norm_minutes


@dataclass(frozen=True)
class Workload:
    """Analisis beban kerja (ABK) of one position, under one effective-hours standard."""

    items: tuple[WorkloadItem, ...]
    effective_hours_per_year: int

    @property
    def staff_needed(self) -> int:
        """Sum of volume x norm time over effective time, rounded to whole people."""
        total_minutes = sum(item.minutes for item in self.items)
        if total_minutes == 0:
            return 0
        exact = Decimal(total_minutes) / (self.effective_hours_per_year * MINUTES_PER_HOUR)
        return max(1, math.floor(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)))


@dataclass(frozen=True)
class Position:
    """A position (jabatan) in a unit, with what it asks of the person holding it."""

    code: str
    title: str
    kind: PositionKind
    grade: int
    required_education: Education | None
    required_competencies: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.code.strip() or not self.title.strip():
            raise InvalidInput("a position needs a code and a title", field="code")
        if not 1 <= self.grade <= MAX_POSITION_GRADE:
            raise InvalidInput(
                f"position class (kelas jabatan) must be 1..{MAX_POSITION_GRADE}", field="grade"
            )


class WorkUnit(AuditedAggregate):
    TOPIC = "asn-graph/work-unit"

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/work-unit/event"
        actor: Actor
        reason: str

    class Registered(Event, Aggregate.Created):
        TOPIC = "asn-graph/work-unit/registered"
        agency_code: str
        code: str
        name: str
        parent_code: str | None

    class PositionEstablished(Event):
        TOPIC = "asn-graph/work-unit/position-established"
        position: Position

        def apply(self, unit: WorkUnit) -> None:
            unit.positions[self.position.code] = self.position

    class WorkloadAssessed(Event):
        TOPIC = "asn-graph/work-unit/workload-assessed"
        position_code: str
        workload: Workload

        def apply(self, unit: WorkUnit) -> None:
            unit.workloads[self.position_code] = self.workload

    def __init__(
        self, *, agency_code: str, code: str, name: str, parent_code: str | None, **_: Any
    ) -> None:
        self.agency_code = agency_code
        self.code = code
        self.name = name
        self.parent_code = parent_code
        self.positions: dict[str, Position] = {}
        self.workloads: dict[str, Workload] = {}

    @classmethod
    def register(
        cls, *, agency_code: str, code: str, name: str, parent_code: str | None, actor: Actor
    ) -> WorkUnit:
        code = code.strip().upper()
        if not code or not name.strip():
            raise InvalidInput("a work unit needs a code and a name", field="code")
        if parent_code is not None and parent_code.strip().upper() == code:
            raise InvalidInput("a work unit cannot be its own parent", field="parentCode")
        return cls._create(
            cls.Registered,
            id=unit_id(agency_code, code),
            agency_code=agency_code,
            code=code,
            name=name.strip(),
            parent_code=parent_code.strip().upper() if parent_code else None,
            actor=actor,
            reason="",
        )

    def establish_position(self, position: Position, actor: Actor) -> None:
        if position.code in self.positions:
            raise InvalidInput(
                f"position {position.code} already exists in unit {self.code}", field="code"
            )
        self._record(self.PositionEstablished, actor, position=position)

    def assess_workload(self, position_code: str, workload: Workload, actor: Actor) -> None:
        self.position(position_code)
        self._record(self.WorkloadAssessed, actor, position_code=position_code, workload=workload)

    def position(self, position_code: str) -> Position:
        try:
            return self.positions[position_code]
        except KeyError:
            raise NotFound(f"unit {self.code} has no position {position_code}") from None

    def staff_needed(self, position_code: str) -> int:
        workload = self.workloads.get(position_code)
        return workload.staff_needed if workload else 0
