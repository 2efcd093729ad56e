"""Work unit (unit organisasi, unor) with its positions (peta jabatan) and workload (ABK)."""

from __future__ import annotations

from typing import Any

from eventsourcing.domain import Aggregate

from asn_graph.domain.actors import Actor
from asn_graph.domain.audited import AuditedAggregate
from asn_graph.domain.errors import InvalidInput, NotFound
from asn_graph.domain.placement import unit_id
from asn_graph.domain.positions import Position, Workload


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
        cls,
        *,
        agency_code: str,
        code: str,
        name: str,
        parent_code: str | None,
        actor: Actor,
        reason: str = "",
    ) -> WorkUnit:
        code = code.strip().upper()
        if not code or not name.strip():
            raise InvalidInput("work_unit.work_unit_needs_code_name", field="code")
        if parent_code is not None and parent_code.strip().upper() == code:
            raise InvalidInput("work_unit.work_unit_cannot_own_parent", field="parentCode")
        return cls._create(
            cls.Registered,
            id=unit_id(agency_code, code),
            agency_code=agency_code,
            code=code,
            name=name.strip(),
            parent_code=parent_code.strip().upper() if parent_code else None,
            actor=actor,
            reason=reason.strip(),
        )

    def establish_position(self, position: Position, actor: Actor, reason: str = "") -> None:
        if position.code in self.positions:
            raise InvalidInput(
                "work_unit.position_already_exists_unit",
                field="code",
                code=position.code,
                code2=self.code,
            )
        self._record(self.PositionEstablished, actor, reason, position=position)

    def assess_workload(
        self, position_code: str, workload: Workload, actor: Actor, reason: str = ""
    ) -> None:
        self.position(position_code)
        self._record(
            self.WorkloadAssessed, actor, reason, position_code=position_code, workload=workload
        )

    def position(self, position_code: str) -> Position:
        try:
            return self.positions[position_code]
        except KeyError:
            raise NotFound(
                "work_unit.unit_has_no_position", code=self.code, position_code=position_code
            ) from None

    def staff_needed(self, position_code: str) -> int:
        workload = self.workloads.get(position_code)
        return workload.staff_needed if workload else 0
