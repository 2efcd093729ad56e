"""Aggregate base whose events all say who acted and why."""

from __future__ import annotations

from typing import Any

from eventsourcing.domain import Aggregate

from asn_graph.domain.actors import Actor
from asn_graph.domain.snapshots import ExactSnapshot


class AuditedAggregate(Aggregate):
    """Every event of a subclass carries ``actor`` and ``reason`` (the time is the event's own)."""

    Snapshot = ExactSnapshot

    def _record(
        self, event_class: type[Aggregate.Event], actor: Actor, reason: str = "", **fields: Any
    ) -> None:
        self.trigger_event(event_class, actor=actor, reason=reason.strip(), **fields)
