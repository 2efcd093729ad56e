"""Rows of the case register: the stints of cases in their stages, and the register's counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class StageStintRow(NamedTuple):
    """A stint of a case in one stage; ``left_at`` is None while the case is in it."""

    case_id: str
    seq: int
    state: str
    pending_step: str | None
    entered_at: str
    entered_day: int
    left_at: str | None
    left_day: int | None


@dataclass(frozen=True)
class StageDays:
    """The stints of the counted cases in one stage (a state, and in approval the step
    awaited), with their days: left stints to the day they were left, open ones to today."""

    state: str
    pending_step: str | None
    stints: int
    open_stints: int
    average_days: float
    max_days: int


@dataclass(frozen=True)
class CaseCounts:
    """The case register in numbers, over the cases of one filter."""

    cases: int
    by_state: dict[str, int]
    by_transfer_type: dict[str, int]
    overdue: int
    """Open cases whose stage is past its due date today (as the worklist flags them)."""
    stages: list[StageDays]
