"""What a command returns: the id it acted on, where it landed in the log, the state after."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate


@dataclass(frozen=True)
class Changes:
    """What a use case decided: aggregates with pending events, and its main subject."""

    subject_id: UUID
    aggregates: tuple[Aggregate, ...]
    state: str | None = None


@dataclass(frozen=True)
class CommandResult:
    id: UUID
    position: int
    state: str | None = None
    replayed: bool = False
    events: int = field(default=0)
    subject: Aggregate | None = field(default=None, compare=False, repr=False)
    """The subject as this command saved it; None when an earlier result was replayed."""

    def as_record(self) -> dict[str, Any]:
        return {"id": str(self.id), "state": self.state, "events": self.events}

    @classmethod
    def from_record(cls, record: dict[str, Any], position: int) -> CommandResult:
        return cls(
            id=UUID(record["id"]),
            position=position,
            state=record.get("state"),
            replayed=True,
            events=int(record.get("events", 0)),
        )
