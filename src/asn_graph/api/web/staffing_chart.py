"""The dashboard's chart of staff shortage and surplus per work unit, drawn on the server as
SVG (no script): its geometry here, its markup in ``templates/dashboard.html``. Each unit is
a row: its name, then from a middle axis its shortage as a bar to the right and its surplus
as a bar to the left, each with its figure written beside it, so that nothing is told by
colour alone. The page shows the same figures in a table after the chart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

WIDTH = 640
ROW_HEIGHT = 60
LABEL_BASELINE = 20
BAR_TOP = 28
BAR_HEIGHT = 22
FIGURE_ROOM = 56
"""Room at each end for the figure written beside the longest bar."""
LABEL_CHARACTERS = 56


@dataclass(frozen=True)
class ChartRow:
    code: str
    label: str
    deficit: int
    surplus: int
    label_y: float
    bar_y: float
    figure_y: float
    deficit_width: float
    surplus_x: float
    surplus_width: float
    deficit_figure_x: float
    surplus_figure_x: float


@dataclass(frozen=True)
class BalanceChart:
    width: int
    height: int
    axis_x: float
    bar_height: int
    rows: tuple[ChartRow, ...]

    def largest(self, kind: str) -> ChartRow | None:
        """The row of the largest ``"deficit"`` or ``"surplus"``; None when every unit has
        none."""
        best = max(self.rows, key=lambda row: getattr(row, kind), default=None)
        return best if best is not None and getattr(best, kind) > 0 else None


def balance_chart(units: Sequence[Mapping[str, Any]]) -> BalanceChart:
    """The chart of ``units`` (``unitBalances`` rows: unitCode, unitName, deficit, surplus),
    in their order, on one scale for both directions."""
    axis = WIDTH / 2
    reach = axis - FIGURE_ROOM
    largest = max((max(u["deficit"], u["surplus"]) for u in units), default=0)
    scale = reach / largest if largest else 0.0
    rows = []
    for index, unit in enumerate(units):
        top = index * ROW_HEIGHT
        deficit_width = unit["deficit"] * scale
        surplus_width = unit["surplus"] * scale
        rows.append(
            ChartRow(
                code=unit["unitCode"],
                label=_shortened(f"{unit['unitName']} ({unit['unitCode']})"),
                deficit=unit["deficit"],
                surplus=unit["surplus"],
                label_y=top + LABEL_BASELINE,
                bar_y=top + BAR_TOP,
                figure_y=top + BAR_TOP + BAR_HEIGHT - 4,
                deficit_width=round(deficit_width, 1),
                surplus_x=round(axis - surplus_width, 1),
                surplus_width=round(surplus_width, 1),
                deficit_figure_x=round(axis + deficit_width + 4, 1),
                surplus_figure_x=round(axis - surplus_width - 4, 1),
            )
        )
    return BalanceChart(
        width=WIDTH,
        height=max(1, len(rows)) * ROW_HEIGHT,
        axis_x=axis,
        bar_height=BAR_HEIGHT,
        rows=tuple(rows),
    )


def _shortened(label: str) -> str:
    if len(label) <= LABEL_CHARACTERS:
        return label
    return label[: LABEL_CHARACTERS - 1].rstrip() + "…"
