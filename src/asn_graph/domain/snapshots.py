"""Snapshots that give an aggregate back exactly as it was.

Stored as JSON, a snapshot's state would lose its tuples (they come back as lists) and the keys
of mappings keyed by years or enums (they come back as text): an aggregate loaded through such a
snapshot would differ from the same aggregate replayed from its events. The state is stored with
both marked, and restored with them."""

from __future__ import annotations

import dataclasses
from typing import Any

from eventsourcing.domain import BaseAggregate, Snapshot
from eventsourcing.utils import register_topic

TUPLE = "__tuple__"
ITEMS = "__items__"


def pack(value: Any) -> Any:
    """``value`` with every tuple, and every mapping with a key that is not plain text,
    spelled so that JSON keeps it."""
    if isinstance(value, tuple):
        return {TUPLE: [pack(item) for item in value]}
    if isinstance(value, dict):
        if all(type(key) is str for key in value):
            return {key: pack(item) for key, item in value.items()}
        return {ITEMS: [[pack(key), pack(item)] for key, item in value.items()]}
    if isinstance(value, list):
        return [pack(item) for item in value]
    return value


def unpack(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1 and TUPLE in value:
            return tuple(unpack(item) for item in value[TUPLE])
        if len(value) == 1 and ITEMS in value:
            return {unpack(key): unpack(item) for key, item in value[ITEMS]}
        return {key: unpack(item) for key, item in value.items()}
    if isinstance(value, list):
        return [unpack(item) for item in value]
    return value


@dataclasses.dataclass(frozen=True)
class ExactSnapshot(Snapshot):
    TOPIC = "asn-graph/snapshot"

    @classmethod
    def take(cls, aggregate: Any) -> ExactSnapshot:
        snapshot: ExactSnapshot = super().take(aggregate)
        object.__setattr__(snapshot, "state", pack(snapshot.state))
        return snapshot

    def mutate(self, _: None) -> BaseAggregate[Any]:
        restored = dataclasses.replace(self, state=unpack(self.state))
        return Snapshot.mutate(restored, None)


register_topic(ExactSnapshot.TOPIC, ExactSnapshot)
