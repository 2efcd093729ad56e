"""Domain values in their plain JSON form, as auditors and the API see them."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from typing import Any
from uuid import UUID

_ALREADY_PLAIN = frozenset({str, int, float, bool, type(None)})


def json_form(value: Any) -> Any:
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
        return {f.name: json_form(getattr(value, f.name)) for f in recorded_fields(value)}
    if isinstance(value, list | tuple):
        return [json_form(v) for v in value]
    if isinstance(value, dict):
        return {str(json_form(k)): json_form(v) for k, v in value.items()}
    return value


def recorded_fields(value: Any) -> list[dataclasses.Field[Any]]:
    """The fields of a value object that events record: a field marked ``recorded: False``
    (a token's read scope on the actor) is who may read, not what happened."""
    return [f for f in dataclasses.fields(value) if f.metadata.get("recorded", True)]
