"""An aggregate's recorded events, as plain values for auditors and the API."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any
from uuid import UUID

from asn_graph.domain.actors import Actor

_BASE_FIELDS = {
    "originator_id",
    "originator_version",
    "timestamp",
    "originator_topic",
    "actor",
    "reason",
}


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    event_type: str
    recorded_at: datetime
    actor: Actor | None
    reason: str
    details: dict[str, Any]


def history_entry(event: Any) -> HistoryEntry:
    fields = {f.name: getattr(event, f.name) for f in dataclasses.fields(event)}
    return HistoryEntry(
        version=event.originator_version,
        event_type=type(event).TOPIC,
        recorded_at=event.timestamp,
        actor=fields.get("actor"),
        reason=fields.get("reason", ""),
        details={k: plain(v) for k, v in fields.items() if k not in _BASE_FIELDS},
    )


def plain(value: Any) -> Any:
    """JSON-ready form of a domain value: enums by value, dates as ISO text, objects as dicts."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    return value
