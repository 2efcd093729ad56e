"""Reads the event log as placement and case changes.

Only the topics that make a change are read. Some facts never change once recorded (a unit's
parent, a case's employee and units, an employee's NIP): they are shared by every reader. What an
aggregate looked like just before an event (the previous placement, the case's state) is followed
by each reader as it reads in log order; on a miss the aggregate is loaded at that version.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import LRUCache

from asn_graph.application.store import StoreApplication
from asn_graph.changes.changes import (
    CaseChange,
    Change,
    Interest,
    PlacementChange,
    PlacementInterest,
    PlanChange,
    PlanInterest,
)
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.employee import Employee
from asn_graph.domain.placement import Placement, unit_id
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_plan import TransferPlan
from asn_graph.domain.transfer_types import TransferType
from asn_graph.domain.work_unit import WorkUnit

K = TypeVar("K")
V = TypeVar("V")


def _topics(event_class: type[Any]) -> Iterator[str]:
    yield event_class.TOPIC
    for subclass in event_class.__subclasses__():
        yield from _topics(subclass)


PLACEMENT_TOPICS = (Employee.Registered.TOPIC, Employee.Placed.TOPIC)
CASE_TOPICS = tuple(sorted(set(_topics(TransferCase.Event)) - {TransferCase.Event.TOPIC}))
PLAN_TOPICS = tuple(sorted(set(_topics(TransferPlan.Event)) - {TransferPlan.Event.TOPIC}))
TOPICS = PLACEMENT_TOPICS + CASE_TOPICS + PLAN_TOPICS


@dataclass(frozen=True)
class CaseFacts:
    nip: str
    transfer_type: TransferType
    origin: Placement
    destination: Placement


class Recent(LRUCache[K, V]):
    """The most recently used entries (thread-safe); older ones are looked up again."""

    def find(self, key: K) -> V | None:
        try:
            return self.get(key)
        except KeyError:
            return None


class StandingFacts:
    """Facts fixed at creation, shared by all readers of one process (thread-safe caches)."""

    def __init__(self, app: StoreApplication, size: int = 100_000) -> None:
        self.app = app
        self._parents: Recent[UUID, tuple[UUID | None]] = Recent(maxsize=size)
        self._cases: Recent[UUID, CaseFacts] = Recent(maxsize=size)
        self._nips: Recent[UUID, str] = Recent(maxsize=size)

    def lineage(self, unit: UUID) -> Iterator[UUID]:
        """The unit and every unit above it."""
        seen: set[UUID] = set()
        current: UUID | None = unit
        while current is not None and current not in seen:
            seen.add(current)
            yield current
            current = self._parent(current)

    def _parent(self, unit: UUID) -> UUID | None:
        known = self._parents.find(unit)
        if known is not None:
            return known[0]
        loaded = self.app.aggregate(unit) if unit in self.app.repository else None
        parent = (
            unit_id(loaded.agency_code, loaded.parent_code)
            if isinstance(loaded, WorkUnit) and loaded.parent_code
            else None
        )
        self._parents.put(unit, (parent,))
        return parent

    def case(self, case_id: UUID) -> CaseFacts | None:
        return self._cases.find(case_id)

    def remember_case(self, case_id: UUID, facts: CaseFacts) -> None:
        self._cases.put(case_id, facts)

    def nip(self, employee_id: UUID) -> str | None:
        return self._nips.find(employee_id)

    def remember_nip(self, employee_id: UUID, nip: str) -> None:
        self._nips.put(employee_id, nip)


@dataclass(frozen=True)
class Page:
    changes: list[Change]
    covered: int
    """Every change up to this log position has been read."""


class ChangeReader:
    """Reads changes in log order. Not shared between threads: one per feed or replay."""

    def __init__(
        self, facts: StandingFacts, topics: tuple[str, ...] = TOPICS, *, tracked: int = 50_000
    ) -> None:
        self.facts = facts
        self.topics = topics
        self.app = facts.app
        self._placements: Recent[UUID, tuple[Placement | None]] = Recent(maxsize=tracked)
        self._states: Recent[UUID, tuple[int, CaseState]] = Recent(maxsize=tracked)

    def read(self, after: int, up_to: int, limit: int) -> Page:
        """The changes in (after, up_to], at most ``limit`` of them."""
        if up_to <= after:
            return Page([], after)
        notifications = self.app.recorder.select_notifications(
            after + 1, limit, stop=up_to, topics=self.topics
        )
        to_domain_event = self.app.mapper.to_domain_event
        changes = [self._change(n.id, to_domain_event(n)) for n in notifications]
        covered = notifications[-1].id if len(notifications) == limit else up_to
        return Page([c for c in changes if c is not None], covered)

    def _change(self, position: int, event: Any) -> Change | None:
        if isinstance(event, Employee.Registered):
            # Read so that a first placement needs no lookup of what came before.
            self.facts.remember_nip(event.originator_id, event.nip)
            self._placements.put(event.originator_id, (None,))
            return None
        if isinstance(event, Employee.Placed):
            return self._placement_change(position, event)
        if isinstance(event, TransferCase.Event):
            return self._case_change(position, event)
        if isinstance(event, TransferPlan.Event):
            return self._plan_change(position, event)
        return None

    def _plan_change(self, position: int, event: TransferPlan.Event) -> PlanChange:
        # Plans change seldom and hold few events: the plan as this event left it is loaded.
        plan = self.app.load_version(
            TransferPlan, event.originator_id, event.originator_version, "transfer plan"
        )
        return PlanChange(
            position=position,
            plan_id=plan.id,
            event=event,
            agency_code=plan.agency_code,
            status=plan.status,
            moves=len(plan.moves),
            unanswered=len(plan.unanswered),
            objections=len(plan.objections),
            launched=len(plan.launched),
        )

    def _placement_change(self, position: int, event: Employee.Placed) -> PlacementChange:
        employee_id = event.originator_id
        record = event.record
        tracked = self._placements.find(employee_id)
        nip = self.facts.nip(employee_id)
        if tracked is None or nip is None:
            before = self.app.load_version(
                Employee, employee_id, event.originator_version - 1, "employee"
            )
            nip = before.nip
            tracked = (before.placements[-1].placement if before.placements else None,)
            self.facts.remember_nip(employee_id, nip)
        previous = tracked[0]
        self._placements.put(employee_id, (record.placement,))
        return PlacementChange(
            position=position,
            recorded_at=event.timestamp,
            employee_id=employee_id,
            nip=nip,
            placement=record.placement,
            previous=previous,
            since=record.since,
            case_id=record.case_id,
            decree_number=record.decree_number,
            actor=event.actor,
            reason=event.reason,
            units=self._lineages(record.placement, previous),
        )

    def _case_change(self, position: int, event: TransferCase.Event) -> CaseChange:
        case_id = event.originator_id
        version = event.originator_version
        facts = self.facts.case(case_id)
        tracked = self._states.find(case_id)
        if isinstance(event, TransferCase.Opened):
            facts = CaseFacts(event.nip, event.transfer_type, event.origin, event.destination)
            opened: TransferCase = event.mutate(None)  # type: ignore[assignment]
            state = opened.state
        elif tracked is not None and tracked[0] == version - 1 and facts is not None:
            state = event.state if isinstance(event, TransferCase.Transitioned) else tracked[1]
        else:
            case = self.app.load_version(TransferCase, case_id, version, "transfer case")
            facts = CaseFacts(case.nip, case.transfer_type, case.origin, case.destination)
            state = case.state
        self.facts.remember_case(case_id, facts)
        self._states.put(case_id, (version, state))
        return CaseChange(
            position=position,
            case_id=case_id,
            event=event,
            state=state,
            transfer_type=facts.transfer_type,
            nip=facts.nip,
            origin=facts.origin,
            destination=facts.destination,
            units=self._lineages(facts.origin, facts.destination),
        )

    def _lineages(self, *placements: Placement | None) -> frozenset[UUID]:
        return frozenset(
            unit
            for placement in placements
            if placement is not None
            for unit in self.facts.lineage(placement.unit_id)
        )


def topics_for(interest: Interest) -> tuple[str, ...]:
    """The topics a replay for ``interest`` needs to read."""
    if isinstance(interest, PlacementInterest):
        return PLACEMENT_TOPICS
    if isinstance(interest, PlanInterest):
        return PLAN_TOPICS
    return CASE_TOPICS
