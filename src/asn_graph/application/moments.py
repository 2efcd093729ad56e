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
            raise InvalidInput("give either 'at' (a date-time) or 'version', not both", field="at")
        if self.version is not None and self.version < 1:
            raise InvalidInput("versions start at 1", field="version")
        if self.at is not None and self.at.tzinfo is None:
            raise InvalidInput("'at' needs a time zone offset, e.g. +07:00", field="at")
