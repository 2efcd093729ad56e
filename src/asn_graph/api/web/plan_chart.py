"""The geometry of a plan's staffing chart: per unit, a bar for the staff present before the
plan and one for after it, and a mark at the staff the unit needs (ABK), all on one scale. The
template draws it as SVG; the table beside it carries the same numbers for every reader."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

LABEL_WIDTH = 190
BAR_SPACE = 380
ROW_HEIGHT = 44
BAR_HEIGHT = 14
TOP = 30


@dataclass(frozen=True)
class ChartRow:
    name: str
    y: int
    before: int
    after: int
    needed: int
    before_width: float
    after_width: float
    needed_x: float


@dataclass(frozen=True)
class BalanceChart:
    rows: tuple[ChartRow, ...]
    width: int
    height: int
    bars_x: int
    bar_height: int


def balance_chart(units: Sequence[dict[str, Any]]) -> BalanceChart:
    largest = max(
        (max(unit["needed"], unit["presentBefore"], unit["presentAfter"]) for unit in units),
        default=0,
    )
    scale = BAR_SPACE / largest if largest else 0.0
    rows = tuple(
        ChartRow(
            name=unit["name"] or unit["unitCode"],
            y=TOP + index * ROW_HEIGHT,
            before=unit["presentBefore"],
            after=unit["presentAfter"],
            needed=unit["needed"],
            before_width=round(unit["presentBefore"] * scale, 1),
            after_width=round(unit["presentAfter"] * scale, 1),
            needed_x=round(LABEL_WIDTH + unit["needed"] * scale, 1),
        )
        for index, unit in enumerate(units)
    )
    return BalanceChart(
        rows=rows,
        width=LABEL_WIDTH + BAR_SPACE + 20,
        height=TOP + len(rows) * ROW_HEIGHT + 10,
        bars_x=LABEL_WIDTH,
        bar_height=BAR_HEIGHT,
    )
