"""An aggregate's recorded events, as plain values for auditors and the API."""

from __future__ import annotations

import dataclasses
from typing import Any

from asn_graph.application.views import HistoryEntry
from asn_graph.plain import plain

_BASE_FIELDS = {
    "originator_id",
    "originator_version",
    "timestamp",
    "originator_topic",
    "actor",
    "reason",
}


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
