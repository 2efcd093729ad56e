"""A moment of a subject's history, as an auditor names it: a date-time or a version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from asn_graph.domain.errors import InvalidInput


@dataclass(frozen=True)
class Moment:
    """Either a date-time or a version of the subject; exactly one."""

    at: datetime | None = None
    version: int | None = None

    def __post_init__(self) -> None:
        if (self.at is None) == (self.version is None):
            raise InvalidInput("moments.give_either_at_date_time", field="at")
        if self.version is not None and self.version < 1:
            raise InvalidInput("moments.versions_start_at_1", field="version")
        if self.at is not None and self.at.tzinfo is None:
            raise InvalidInput("moments.at_needs_time_zone_offset", field="at")
