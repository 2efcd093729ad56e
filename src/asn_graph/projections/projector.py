"""Applies the log to read models in batches: many events, one transaction, one position each."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from eventsourcing.utils import resolve_topic

from asn_graph.projections import tracking
from asn_graph.projections.database import Database
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.source import Batch, Envelope, EventLog, Needs

Progress = Callable[[int, int], None]
"""Called with (position reached, log head) after every batch."""


class Projector:
    """Keeps read models of one database up to date with the log.

    Each batch is read once, decoded once, and applied to every read model that has not seen
    it, in a single transaction that also moves each model's tracking row: a crash at any
    moment leaves rows and position in step, so no event is lost or applied twice. Several
    processes may run the same projector; the tracking rows are locked for the batch.
    """

    def __init__(
        self,
        log: EventLog,
        database: Database,
        models: Sequence[ReadModel],
        *,
        batch_size: int = 1000,
        events_per_transaction: int | None = None,
    ) -> None:
        self.log = log
        self.database = database
        self.models = {model.name: model for model in models}
        self.batch_size = batch_size
        self.events_per_transaction = events_per_transaction
        self._lock = threading.Lock()
        self._known: tuple[int, float] = (0, -float("inf"))
        self._topic_needs: dict[str, Needs | None] = {}

    def create_tables(self) -> None:
        """Create what is missing. Tables without a tracking row cannot be trusted (an older
        release, or a crash before the first batch): they are dropped and rebuilt from zero."""
        with self.database.transaction(write=True) as session:
            session.execute(tracking.STATEMENT)
            tracked = tracking.read(session, self.models)
            for model in self.models.values():
                if model.name not in tracked:
                    model.drop_tables(session)
                model.create_tables(session)
                tracking.ensure(session, model.name, model.version)

    def positions(self) -> dict[str, tracking.Tracking]:
        return tracking.read_committed(self.database, self.models)

    def position(self) -> int:
        """The position every read model of this projector has reached, read now."""
        reached = min((t.position for t in self.positions().values()), default=0)
        self._known = (reached, time.monotonic())
        return reached

    def recent_position(self, max_age: float) -> int:
        """A position every read model has reached at least: the latest this process has
        read or committed, if that was less than ``max_age`` seconds ago, else read now.
        Readers that only report what they saw need not ask the database each time."""
        known, at = self._known
        if time.monotonic() - at < max_age:
            return known
        return self.position()

    def _committed(self, position: int) -> None:
        known, _ = self._known
        self._known = (max(known, position), time.monotonic())

    def catch_up(self, *, until: int | None = None, progress: Progress | None = None) -> int:
        """Apply everything recorded so far (or up to ``until``); returns the position reached.

        On a long catch-up the next batch is read and decoded while the database applies the
        current one, so that both the database and this process stay busy.
        """
        with self._lock:
            position = self.position()
            head = self.log.head() if progress is not None else 0
            if until is not None:
                head = min(head, until)
            batch = self._read(position, until)
            if batch.read < self.batch_size:
                if batch.through <= position:
                    return position
                return self._report(self._apply(batch), head, progress)
            with ThreadPoolExecutor(1, thread_name_prefix="log-reader") as reader:
                while batch.through > position:
                    upcoming = reader.submit(self._read, batch.through, until)
                    position = self._report(self._apply(batch), head, progress)
                    head = max(head, position)
                    batch = upcoming.result()
            return position

    @staticmethod
    def _report(position: int, head: int, progress: Progress | None) -> int:
        if progress is not None:
            progress(position, max(head, position))
        return position

    def _read(self, after: int, until: int | None) -> Batch:
        if until is not None and after >= until:
            return Batch([], after, 0)
        batch = self.log.read(after, self.batch_size, self._needs)
        if until is not None and batch.through > until:
            kept = [e for e in batch.envelopes if e.position <= until]
            return Batch(kept, until, batch.read)
        return batch

    def _needs(self, topic: str) -> Needs | None:
        """What the read models of this projector changed by events of ``topic`` take from
        them (``None``: no model is changed, the events are not decoded; a rebuild process
        of a few models skips most of the log)."""
        try:
            return self._topic_needs[topic]
        except KeyError:
            event_type = resolve_topic(topic)
            by_name = [m for m in self.models.values() if m.keeps_topic(topic)]
            readers = [m for m in self.models.values() if m.keeps(event_type) and m not in by_name]
            needs = self._topic_needs[topic] = (
                Needs(
                    event=any(not m.reads_plain_state for m in readers),
                    plain=bool(by_name) or any(m.reads_plain_state for m in readers),
                )
                if readers or by_name
                else None
            )
            return needs

    def _apply(self, batch: Batch) -> int:
        """Applies the batch's events and moves every model to the end of what was read."""
        envelopes = batch.envelopes
        size = self.events_per_transaction or max(len(envelopes), 1)
        # A batch of events nobody keeps is still one transaction: it moves the positions.
        parts = [envelopes[start : start + size] for start in range(0, len(envelopes), size)]
        for part in parts[:-1]:
            self._apply_in_one_transaction(part, part[-1].position)
        self._apply_in_one_transaction(parts[-1] if parts else [], batch.through)
        return batch.through

    def _apply_in_one_transaction(self, envelopes: list[Envelope], last: int) -> None:
        with self.database.transaction(write=True) as session:
            positions = tracking.read(session, self.models, lock=True)
            work = [
                (name, model, [e for e in envelopes if e.position > positions[name].position])
                for name, model in self.models.items()
                if positions[name].position < last
            ]
            # Every model reads what it needs (its own tables) before any writes: then the
            # writes stream to the database while the next models are worked out.
            for _, model, unseen in work:
                if unseen:
                    model.begin(session, unseen)
            for name, model, unseen in work:
                if unseen:
                    for envelope in unseen:
                        model.apply(session, envelope)
                    model.finish(session)
                tracking.advance(session, name, last)
        self._committed(last)
