"""Keeps a projection up to date by reading the application's log in batches."""

from __future__ import annotations

import threading
from typing import Any, Protocol

from eventsourcing.application import Application


class Projection(Protocol):
    name: str

    def position(self) -> int: ...

    def apply(self, events: list[tuple[int, Any]]) -> int: ...


class Projector:
    """Pulls notifications after the projection's position and applies them batch by batch."""

    def __init__(self, app: Application[Any], projection: Projection, batch_size: int = 500):
        self.app = app
        self.projection = projection
        self.batch_size = batch_size
        self._lock = threading.Lock()

    def catch_up(self) -> int:
        with self._lock:
            position = self.projection.position()
            while True:
                notifications = self.app.recorder.select_notifications(
                    position + 1, self.batch_size
                )
                if not notifications:
                    return position
                batch = [(n.id, self.app.mapper.to_domain_event(n)) for n in notifications]
                position = self.projection.apply(batch)
