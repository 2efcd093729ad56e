"""The values of an agency's monthly summary (ringkasan bulanan): the month it covers and its
figures, numbers only."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from asn_graph.domain.errors import InvalidInput

_MONTH = re.compile(r"(\d{4})-(\d{2})")
AS_OF_COUNTING = frozenset(
    {
        "employees_placed",
        "staff_needed",
        "staff_present",
        "shortage",
        "surplus",
        "units_short",
        "cases_overdue",
        "as_of",
    }
)
"""The figures as they stand when counted (the read models keep the present, not the
past), with that moment: the rest count what happened in the month."""


@dataclass(frozen=True, order=True)
class SummaryMonth:
    """A calendar month, written ``YYYY-MM``."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> SummaryMonth:
        found = _MONTH.fullmatch(text.strip())
        if found is None or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 1900:
            raise InvalidInput("monthly_summary.month_format", field="month", month=text)
        return cls(int(found.group(1)), int(found.group(2)))

    @classmethod
    def of(cls, day: date) -> SummaryMonth:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def next(self) -> SummaryMonth:
        return SummaryMonth(self.year + self.month // 12, self.month % 12 + 1)

    @property
    def previous(self) -> SummaryMonth:
        return SummaryMonth(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def is_closed_on(self, today: date) -> bool:
        """Whether the month has ended by ``today`` (a month is closed from its next month's
        first day on)."""
        return self.next.first_day <= today

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class MonthlyFigures:
    """An agency's figures of a month. Those about staffing and the cases overdue are as of
    the moment they were counted, ``as_of`` (the read models keep the present, not the past);
    the others count what happened in the month."""

    employees_placed: int
    """Employees placed in the agency's positions."""
    staff_needed: int
    """Staff its positions need (ABK)."""
    staff_present: int
    """Staff present in its positions (bezetting)."""
    shortage: int
    """Staff short, summed over the positions short of staff (moves in flight counted)."""
    surplus: int
    """Staff beyond need, summed over the positions beyond their need."""
    units_short: int
    """Work units with a position short of staff."""
    cases_overdue: int
    """Cases from or to the agency past their stage's due date (as of ``as_of``)."""
    cases_opened: int
    """Cases from or to the agency opened in the month."""
    cases_opened_by_type: dict[str, int] = field(default_factory=dict)
    """The same, by transfer type (types with none left out)."""
    decrees_issued: int = 0
    """Decrees (SK) of cases from or to the agency recorded in the month."""
    moves_in: int = 0
    """Moves into the agency from another that took effect (TMT) in the month."""
    moves_out: int = 0
    """Moves out of the agency to another that took effect (TMT) in the month."""
    moves_within: int = 0
    """Moves within the agency that took effect (TMT) in the month."""
    cases_rejected: int = 0
    cases_withdrawn: int = 0
    cases_cancelled: int = 0
    cases_expired: int = 0
    average_days_to_decree: float | None = None
    """Average days from opening to decree of the cases decreed in the month (one decimal)."""
    as_of: datetime | None = None
    """When the staffing figures and the cases overdue were counted (none in a summary
    published before the moment was recorded: they are as of its publication)."""

    def as_record(self) -> dict[str, Any]:
        """Plain values, as the store keeps them (the moment as ISO 8601 text)."""
        record = asdict(self)
        record["as_of"] = self.as_of.isoformat() if self.as_of is not None else None
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> MonthlyFigures:
        as_of = record.get("as_of")
        if isinstance(as_of, str):
            record = {**record, "as_of": datetime.fromisoformat(as_of)}
        return cls(**record)

    def activity(self) -> dict[str, Any]:
        """The counts of what happened in the month: they alone tell whether the month
        published again is a correction (the figures as of counting change with time)."""
        return {k: v for k, v in self.as_record().items() if k not in AS_OF_COUNTING}

    def fingerprint(self) -> str:
        """The SHA-256 of the figures as a person is shown them (their moment left out), to
        tell that those published are those that were seen."""
        shown = {k: v for k, v in self.as_record().items() if k != "as_of"}
        return hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()
