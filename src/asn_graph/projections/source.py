"""The application's log as a read model sees it: recorded events in log order, decoded once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple
from uuid import UUID

from eventsourcing.application import Application


class Envelope(NamedTuple):
    """One recorded event: its log position, the stored record, and the decoded domain event
    (a tuple: a batch makes thousands)."""

    position: int
    originator_id: UUID
    originator_version: int
    topic: str
    state: bytes
    event: Any
    subject: str
    """The originator id as text, as the read models store it (made once per event)."""


class Batch(NamedTuple):
    """Events read from the log: those kept, and how far the reading went (events it did not
    keep included), so that a reader's position moves past what nobody needed."""

    envelopes: list[Envelope]
    through: int
    read: int
    """How many events were read, kept or not."""


class EventLog:
    """Reads the notification log of an application in batches."""

    def __init__(self, app: Application[Any]) -> None:
        self.app = app

    def head(self) -> int:
        return self.app.recorder.max_notification_id() or 0

    def read(self, after: int, limit: int, keeps: Callable[[str], bool] | None = None) -> Batch:
        """Up to ``limit`` recorded events after ``after``; with ``keeps``, only those whose
        topic it keeps are decoded and returned, the others only counted as read."""
        notifications = self.app.recorder.select_notifications(after + 1, limit)
        to_domain_event = self.app.mapper.to_domain_event
        envelopes = []
        for n in notifications:
            if keeps is not None and not keeps(n.topic):
                continue
            originator_id = n.originator_id
            if not isinstance(originator_id, UUID):
                originator_id = UUID(str(originator_id))
            envelopes.append(
                Envelope(
                    position=n.id,
                    originator_id=originator_id,
                    originator_version=n.originator_version,
                    topic=n.topic,
                    state=n.state,
                    event=to_domain_event(n),
                    subject=str(originator_id),
                )
            )
        return Batch(
            envelopes, notifications[-1].id if notifications else after, len(notifications)
        )

    @property
    def channel(self) -> str | None:
        """The PostgreSQL channel the store notifies on each commit, if it has one."""
        name = getattr(self.app.recorder, "channel_name", None)
        return name if isinstance(name, str) else None
