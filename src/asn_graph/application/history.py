"""An aggregate's recorded events, as plain values for auditors and the API."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any
from uuid import UUID

from asn_graph.domain.actors import Actor

_ALREADY_PLAIN = frozenset({str, int, float, bool, type(None)})
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
    return HistoryEntry(
        version=event.originator_version,
        event_type=type(event).TOPIC,
        recorded_at=event.timestamp,
        actor=getattr(event, "actor", None),
        reason=getattr(event, "reason", None) or "",
        details={name: plain(getattr(event, name)) for name in detail_names(type(event))},
    )


_DETAIL_NAMES: dict[type[Any], tuple[str, ...]] = {}


def detail_names(event_type: type[Any]) -> tuple[str, ...]:
    """The event's own fields (all but who, when, why and which aggregate), once per class:
    the audit trail asks for them for every event of the log."""
    names = _DETAIL_NAMES.get(event_type)
    if names is None:
        names = _DETAIL_NAMES[event_type] = tuple(
            f.name for f in dataclasses.fields(event_type) if f.name not in _BASE_FIELDS
        )
    return names


def plain(value: Any) -> Any:
    """JSON-ready form of a domain value: enums by value, dates as ISO text, objects as dicts."""
    if type(value) in _ALREADY_PLAIN:
        return value
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
