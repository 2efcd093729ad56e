"""Recomputes the audit chain from the event store and compares it with the audit trail: the
whole chain, or a bounded stretch of it continuing from a link verified earlier."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any
from uuid import UUID

from asn_graph.projections.audit_chain import GENESIS, link
from asn_graph.projections.interface import AuditReads
from asn_graph.projections.rows import AuditFilter, AuditRow


class ChainProblem(Enum):
    """How the store and the trail part: what an intruder did to the stored events."""

    INSERTED = "in the store but not in the audit trail: an event was inserted"
    REMOVED = "in the audit trail but not in the store: an event was removed"
    ALTERED = "the stored event does not match the hash recorded for it: it was altered"
    ANCHOR_MISSED = "the chain does not pass through the anchor: the history was rewritten"


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
    kind: ChainProblem

    @property
    def problem(self) -> str:
        return self.kind.value


@dataclass(frozen=True)
class Verification:
    checked: int
    """Entries recomputed and found intact."""
    position: int
    """Where it stopped: the trail's head when it reached it, the last entry checked when the
    limit stopped it first, or the position of the mismatch."""
    head_hash: str
    """The hash of the last intact entry (of the start when none was checked)."""
    mismatch: Mismatch | None
    last_intact: int = 0
    """The position of the last intact entry (of the start when none was checked)."""
    complete: bool = True
    """Whether it reached the trail's head (or a mismatch); false when the limit stopped it."""

    @property
    def intact(self) -> bool:
        return self.mismatch is None


def verify(
    recorder: Any,
    audit: AuditReads,
    anchor: Anchor | None = None,
    batch: int = 2000,
    *,
    start: Anchor | None = None,
    limit: int | None = None,
) -> Verification:
    """Walk the store and the trail side by side in log order; stop at the first difference.

    ``start``: a link verified earlier, to continue after it rather than from the first
    entry: the trail must still hold it. ``limit``: the most entries checked in this call."""
    last = audit.head()
    until = last.position if last is not None else 0
    previous, after = GENESIS, 0
    if start is not None:
        held = audit.entries(AuditFilter(), 1, start.position - 1).rows
        if not held or held[0].position != start.position or held[0].entry_hash != start.entry_hash:
            entry = held[0] if held and held[0].position == start.position else None
            return _failed(0, GENESIS, 0, start.position, entry, ChainProblem.ANCHOR_MISSED)
        previous, after = start.entry_hash, start.position
    trail = _trail(audit, after, batch)
    checked, verified = 0, after
    for notification in _stored(recorder, after + 1, until, batch):
        if limit is not None and checked >= limit:
            return Verification(checked, verified, previous, None, verified, complete=False)
        entry = next(trail, None)
        if entry is None or entry.position > notification.id:
            return _failed(
                checked, previous, verified, notification.id, None, ChainProblem.INSERTED
            )
        if entry.position < notification.id:
            return _failed(checked, previous, verified, entry.position, entry, ChainProblem.REMOVED)
        computed = link(
            previous,
            notification.id,
            UUID(str(notification.originator_id)),
            notification.originator_version,
            notification.topic,
            notification.state,
        )
        if entry.previous_hash != previous or entry.entry_hash != computed:
            return _failed(checked, previous, verified, entry.position, entry, ChainProblem.ALTERED)
        if (
            anchor is not None
            and anchor.position == entry.position
            and anchor.entry_hash != computed
        ):
            return _failed(
                checked, previous, verified, entry.position, entry, ChainProblem.ANCHOR_MISSED
            )
        previous, verified = computed, entry.position
        checked += 1
    leftover = next(trail, None)
    if leftover is not None:
        return _failed(
            checked, previous, verified, leftover.position, leftover, ChainProblem.REMOVED
        )
    return Verification(checked, until, previous, None, verified)


def _trail(audit: AuditReads, after: int, batch: int) -> Iterator[AuditRow]:
    """The trail's entries after the position ``after``, page by page."""
    cursor: int | None = after or None
    while True:
        page = audit.entries(AuditFilter(), batch, cursor)
        yield from page.rows
        if not page.has_next:
            return
        cursor = page.rows[-1].position


def _stored(recorder: Any, start: int, until: int, batch: int) -> Iterator[Any]:
    while start <= until:
        notifications = recorder.select_notifications(start, batch, stop=until)
        if not notifications:
            return
        yield from notifications
        start = notifications[-1].id + 1


def _failed(
    checked: int,
    previous: str,
    verified: int,
    position: int,
    entry: AuditRow | None,
    kind: ChainProblem,
) -> Verification:
    mismatch = Mismatch(
        position=position,
        originator_id=entry.originator_id if entry else None,
        version=entry.version if entry else None,
        event_type=entry.event_type if entry else None,
        kind=kind,
    )
    return Verification(checked, position, previous, mismatch, verified)
