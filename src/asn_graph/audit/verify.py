"""Recomputes the audit chain from the event store and compares it with the audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from asn_graph.projections.audit_chain import GENESIS, link
from asn_graph.projections.audit_queries import AuditQueries
from asn_graph.projections.rows import AuditFilter, AuditRow


@dataclass(frozen=True)
class Anchor:
    """A (position, hash) published earlier, e.g. in a signed report: the chain must still
    pass through it, which a trail recomputed from altered events cannot."""

    position: int
    entry_hash: str

    @classmethod
    def parse(cls, text: str) -> Anchor:
        position, _, entry_hash = text.partition(":")
        if not position.isdigit() or len(entry_hash) != len(GENESIS):
            raise ValueError(f"an anchor reads POSITION:SHA256, not {text!r}")
        return cls(int(position), entry_hash)


@dataclass(frozen=True)
class Mismatch:
    position: int
    originator_id: str | None
    version: int | None
    event_type: str | None
    problem: str


@dataclass(frozen=True)
class Verification:
    checked: int
    position: int
    head_hash: str
    mismatch: Mismatch | None

    @property
    def intact(self) -> bool:
        return self.mismatch is None


def verify(
    recorder: Any, audit: AuditQueries, anchor: Anchor | None = None, batch: int = 2000
) -> Verification:
    """Walk the store and the trail side by side in log order; stop at the first difference."""
    trail = audit.stream(AuditFilter(), batch)
    last = audit.head()
    until = last.position if last is not None else 0
    previous = GENESIS
    checked = 0
    for notification in _stored(recorder, until, batch):
        entry = next(trail, None)
        if entry is None or entry.position > notification.id:
            return _failed(
                checked,
                previous,
                notification.id,
                None,
                "in the store but not in the audit trail: an event was inserted",
            )
        if entry.position < notification.id:
            return _failed(
                checked,
                previous,
                entry.position,
                entry,
                "in the audit trail but not in the store: an event was removed",
            )
        computed = link(
            previous,
            notification.id,
            UUID(str(notification.originator_id)),
            notification.originator_version,
            notification.topic,
            notification.state,
        )
        if entry.previous_hash != previous or entry.entry_hash != computed:
            return _failed(
                checked,
                previous,
                entry.position,
                entry,
                "the stored event does not match the hash recorded for it: it was altered",
            )
        if (
            anchor is not None
            and anchor.position == entry.position
            and anchor.entry_hash != computed
        ):
            return _failed(
                checked,
                previous,
                entry.position,
                entry,
                "the chain does not pass through the anchor: the history was rewritten",
            )
        previous = computed
        checked += 1
    leftover = next(trail, None)
    if leftover is not None:
        return _failed(
            checked,
            previous,
            leftover.position,
            leftover,
            "in the audit trail but not in the store: an event was removed",
        )
    return Verification(checked, until, previous, None)


def _stored(recorder: Any, until: int, batch: int) -> Iterator[Any]:
    start = 1
    while start <= until:
        notifications = recorder.select_notifications(start, batch, stop=until)
        if not notifications:
            return
        yield from notifications
        start = notifications[-1].id + 1


def _failed(
    checked: int, previous: str, position: int, entry: AuditRow | None, problem: str
) -> Verification:
    mismatch = Mismatch(
        position=position,
        originator_id=entry.originator_id if entry else None,
        version=entry.version if entry else None,
        event_type=entry.event_type if entry else None,
        problem=problem,
    )
    return Verification(checked, position, previous, mismatch)
