"""An aggregate's recorded events, as plain values for auditors and the API."""

from __future__ import annotations

from typing import Any

from asn_graph.application.views import HistoryEntry
from asn_graph.persistence.event_fields import detail_names
from asn_graph.persistence.json_form import json_form


def history_entry(event: Any) -> HistoryEntry:
    return HistoryEntry(
        version=event.originator_version,
        event_type=type(event).TOPIC,
        recorded_at=event.timestamp,
        actor=getattr(event, "actor", None),
        reason=getattr(event, "reason", None) or "",
        details={name: json_form(getattr(event, name)) for name in detail_names(type(event))},
    )
