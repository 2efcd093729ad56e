"""Date arithmetic the rules need: whole months between dates, working days."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

SATURDAY = 5


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return months


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def working_days_between(start: date, end: date) -> int:
    """Working days (Monday to Friday) after ``start`` up to and including ``end``."""
    if end <= start:
        return 0
    full_weeks, remainder = divmod((end - start).days, 7)
    days = full_weeks * 5
    cursor = start
    for _ in range(remainder):
        cursor += timedelta(days=1)
        if cursor.weekday() < SATURDAY:
            days += 1
    return days


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days (Monday to Friday) after ``start``."""
    cursor = start
    remaining = days
    while remaining > 0:
        cursor += timedelta(days=1)
        if cursor.weekday() < SATURDAY:
            remaining -= 1
    return cursor
