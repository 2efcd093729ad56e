"""Which fields of a domain event are its own: what it says, apart from who, when, why and
which aggregate, which every event carries."""

from __future__ import annotations

import dataclasses
from typing import Any

_BASE_FIELDS = {
    "originator_id",
    "originator_version",
    "timestamp",
    "originator_topic",
    "actor",
    "reason",
}

_DETAIL_NAMES: dict[type[Any], tuple[str, ...]] = {}


def detail_names(event_type: type[Any]) -> tuple[str, ...]:
    """The event's own fields (all but who, when, why and which aggregate, and those marked
    ``secret``, such as a password's hash), once per class: the audit trail asks for them for
    every event of the log."""
    names = _DETAIL_NAMES.get(event_type)
    if names is None:
        names = _DETAIL_NAMES[event_type] = tuple(
            f.name
            for f in dataclasses.fields(event_type)
            if f.name not in _BASE_FIELDS and not f.metadata.get("secret", False)
        )
    return names
