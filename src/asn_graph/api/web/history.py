"""A case's history as the pages show it (``templates/case_history.html``): the moment of
each step in the agency's time zone, as a person reads it (to the minute) or as an auditor
does (to the second, with the zone)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

FOR_PEOPLE = "%d-%m-%Y %H:%M"
FOR_AUDITORS = "%Y-%m-%d %H:%M:%S %Z"


def local_moment(recorded_at: str, zone: ZoneInfo, form: str = FOR_PEOPLE) -> str:
    """A recorded moment (ISO 8601) in the time zone ``zone``."""
    return datetime.fromisoformat(recorded_at).astimezone(zone).strftime(form)


def moments(
    history: Iterable[Mapping[str, Any]], zone: ZoneInfo, form: str = FOR_PEOPLE
) -> dict[int, str]:
    """The moment of each step of a case's history, by the step's version."""
    return {step["version"]: local_moment(step["recordedAt"], zone, form) for step in history}
