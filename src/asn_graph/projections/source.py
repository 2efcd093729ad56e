"""The application's log as a read model sees it: recorded events in log order, each decoded
once, into what the read models reading it take (the domain event, its values in plain form,
or both)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.utils import resolve_topic, retry
from psycopg import InterfaceError, OperationalError
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Identifier

from asn_graph.persistence.json_form import json_form
from asn_graph.persistence.transcodings import StoreTranscoder


class Needs(NamedTuple):
    """What the readers of a topic take from its events."""

    event: bool
    """The decoded domain event."""
    plain: bool
    """The stored state with its values in plain JSON form (no domain objects built)."""


_RECORD_FIELDS = frozenset({"originator_id", "originator_version"})
"""Kept in the stored record's columns, not in its state."""


class Envelope(NamedTuple):
    """One recorded event: its log position, the stored record, and what its readers take
    of it (a tuple: a batch makes thousands)."""

    position: int
    originator_id: UUID
    originator_version: int
    topic: str
    state: bytes
    event: Any
    """The decoded domain event (``None`` if no reader takes it)."""
    subject: str
    """The originator id as text, as the read models store it (made once per event)."""
    plain: dict[str, Any] | None
    """The stored state's values in plain form (``None`` if no reader takes them)."""


class Batch(NamedTuple):
    """Events read from the log: those kept, and how far the reading went (events it did not
    keep included), so that a reader's position moves past what nobody needed."""

    envelopes: list[Envelope]
    through: int
    read: int
    """How many events were read, kept or not."""


Record = tuple[int, Any, int, str, bytes]
"""A recorded event as the log's table holds it: notification id, originator id and version,
topic, stored state."""


@retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
def _select_from_postgres(
    recorder: PostgresApplicationRecorder, after: int, limit: int
) -> list[Record]:
    """The recorder's ``select_notifications`` (and its retries) without a dictionary and a
    notification object per row: reading the log was a sixth of a rebuild process's work."""
    statement = SQL(
        "SELECT notification_id, originator_id, originator_version, topic, state FROM {}.{} "
        "WHERE notification_id > %s ORDER BY notification_id LIMIT %s"
    ).format(Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name))
    with (
        recorder.datastore.get_connection() as connection,
        connection.cursor(row_factory=tuple_row) as cursor,
    ):
        cursor.execute(statement, (after, limit), prepare=True)
        return cursor.fetchall()


class EventLog:
    """Reads the notification log of an application in batches."""

    def __init__(self, app: Application[Any]) -> None:
        self.app = app
        transcoder = app.mapper.transcoder
        if not isinstance(transcoder, StoreTranscoder):
            raise TypeError(f"the log's events are read with StoreTranscoder, not {transcoder!r}")
        self._transcoder = transcoder
        self._class_versions: dict[str, int] = {}

    def head(self) -> int:
        return self.app.recorder.max_notification_id() or 0

    def read(self, after: int, limit: int, needs: Callable[[str], Needs | None]) -> Batch:
        """Up to ``limit`` recorded events after ``after``, each decoded into what ``needs``
        asks for its topic; events it answers ``None`` for are not decoded or returned, only
        counted as read."""
        records = self._select(after, limit)
        to_domain_event = self.app.mapper.to_domain_event
        envelopes = []
        for position, originator_id, version, topic, state in records:
            wanted = needs(topic)
            if wanted is None:
                continue
            if not isinstance(originator_id, UUID):
                originator_id = UUID(str(originator_id))
            stored = StoredEvent(originator_id, version, topic, state)
            envelopes.append(
                Envelope(
                    position=position,
                    originator_id=originator_id,
                    originator_version=version,
                    topic=topic,
                    state=state,
                    event=to_domain_event(stored) if wanted.event else None,
                    subject=str(originator_id),
                    plain=self._plain(stored) if wanted.plain else None,
                )
            )
        return Batch(envelopes, records[-1][0] if records else after, len(records))

    def _select(self, after: int, limit: int) -> Sequence[Record]:
        recorder = self.app.recorder
        if isinstance(recorder, PostgresApplicationRecorder):
            records: list[Record] = _select_from_postgres(recorder, after, limit)
            return records
        return [
            (n.id, n.originator_id, n.originator_version, n.topic, n.state)
            for n in recorder.select_notifications(after + 1, limit)
        ]

    def _plain(self, notification: StoredEvent) -> dict[str, Any]:
        state = notification.state
        mapper = self.app.mapper
        if mapper.cipher:
            state = mapper.cipher.decrypt(state)
        if mapper.compressor:
            state = mapper.compressor.decompress(state)
        plain = self._transcoder.decode_plain(state)
        current = self._class_version(notification.topic)
        if current == 1:
            return plain
        if plain.pop("class_version", 1) == current:
            return plain
        # Stored before its class changed: the upcast event is what was meant.
        event = mapper.to_domain_event(notification)
        return {
            key: json_form(value) for key, value in vars(event).items() if key not in _RECORD_FIELDS
        }

    def _class_version(self, topic: str) -> int:
        """The version of the class stored events of ``topic`` are read as."""
        version = self._class_versions.get(topic)
        if version is None:
            version = self._class_versions[topic] = getattr(
                resolve_topic(topic), "class_version", 1
            )
        return version

    @property
    def channel(self) -> str | None:
        """The PostgreSQL channel the store notifies on each commit, if it has one."""
        name = getattr(self.app.recorder, "channel_name", None)
        return name if isinstance(name, str) else None
