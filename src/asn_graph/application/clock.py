"""The application's sense of today: business dates are Indonesian (WIB by default)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    def today(self) -> date: ...


@dataclass(frozen=True)
class SystemClock:
    timezone: str = "Asia/Jakarta"

    def today(self) -> date:
        return datetime.now(ZoneInfo(self.timezone)).date()


@dataclass(frozen=True)
class FixedClock:
    day: date

    def today(self) -> date:
        return self.day
