"""Election moratoria: periods in which officials may not be replaced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Moratorium:
    """A period in which officials may not be replaced (e.g. around regional elections)."""

    starts_on: date
    ends_on: date
    basis: str

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on
