"""An aggregate's recorded events, as plain values for auditors and the API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from asn_graph.domain.actors import Actor
from asn_graph.persistence.event_fields import detail_names
from asn_graph.persistence.json_form import json_form


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
        details={name: json_form(getattr(event, name)) for name in detail_names(type(event))},
    )
