"""Charts drawn on the server with matplotlib, the same figure written as SVG for a web page
and as PNG for a PDF or a workbook, so that every reader sees the same picture. Each bar has
its figure written beside it and surpluses are hatched as well as coloured: nothing is told by
colour alone, and the page shows the figures again in a table.

A chart is a value (frozen, hashable): the drawings of the charts read most often (the
dashboard's, a plan's) are kept for the next reader of the same figures."""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

import matplotlib

matplotlib.use("Agg")
# Text stays text in the SVG (readable, searchable), and the file is the same for the same
# chart (no random identifiers). Set once: rc_context would change the one global set of
# parameters under a drawing of another thread.
matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "asn-graph"})

from matplotlib.axes import Axes  # noqa: E402  (after the backend is chosen)
from matplotlib.figure import Figure  # noqa: E402

DRAWINGS_KEPT = 64
PNG_DPI = 150
WIDTH_INCHES = 7.5
ROW_INCHES = 0.42
MIN_HEIGHT_INCHES = 1.8
LABEL_CHARACTERS = 48

COLOURS = {
    "deficit": "#b3261e",
    "surplus": "#1b5e9c",
    "before": "#8a8f98",
    "after": "#1b6e3c",
    "count": "#1b5e9c",
}
HATCHES = {"surplus": "//", "before": ".."}
TEXT_COLOUR = "#1f2328"
MINUS = "\N{MINUS SIGN}"


class ChartKind(StrEnum):
    DIVERGING = "diverging"
    """Two series from a middle axis: the first to the right, the second to the left."""
    GROUPED = "grouped"
    """The series side by side for each category, optionally with a mark per category."""


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[int, ...]
    style: str
    """A key of ``COLOURS``: how its bars are drawn."""


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart: one row per category, ``description`` its text alternative."""

    title: str
    description: str
    kind: ChartKind
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    marks: Series | None = None
    """A value per category drawn as a vertical mark on its row (the staff a unit needs)."""
    category_heading: str = ""
    """What the categories are (the heading of their column in a table of the figures)."""

    def svg(self) -> bytes:
        return _drawn(self, "svg")

    def png(self) -> bytes:
        return _drawn(self, "png")


@lru_cache(maxsize=DRAWINGS_KEPT)
def _drawn(chart: Chart, file_format: str) -> bytes:
    figure = _figure(chart)
    buffer = io.BytesIO()
    figure.savefig(
        buffer,
        format=file_format,
        dpi=PNG_DPI,
        metadata={"Date": None} if file_format == "svg" else {"Software": None},
    )
    return buffer.getvalue()


def _figure(chart: Chart) -> Figure:
    rows = max(1, len(chart.categories))
    groups = len(chart.series) if chart.kind is ChartKind.GROUPED else 1
    height = max(MIN_HEIGHT_INCHES, 0.9 + rows * ROW_INCHES * max(1, groups * 0.75))
    figure = Figure(figsize=(WIDTH_INCHES, height), layout="constrained")
    axes = figure.add_subplot()
    labels = [_shortened(category) for category in chart.categories]
    if chart.kind is ChartKind.DIVERGING:
        _diverging(axes, labels, chart)
    else:
        _grouped(axes, labels, chart)
    axes.invert_yaxis()
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(colors=TEXT_COLOUR, labelsize=8)
    if chart.series:
        figure.legend(loc="outside lower center", ncols=3, fontsize=8, frameon=False)
    axes.set_title(chart.title, fontsize=10, color=TEXT_COLOUR, loc="left")
    return figure


def _diverging(axes: Axes, labels: list[str], chart: Chart) -> None:
    right, left = chart.series
    positions = range(len(labels))
    largest = max((*right.values, *left.values, 1))
    axes.barh(positions, right.values, label=right.label, **_bar_style(right.style))
    axes.barh(positions, [-v for v in left.values], label=left.label, **_bar_style(left.style))
    for row, (shortage, surplus) in enumerate(zip(right.values, left.values, strict=True)):
        if shortage:
            _figure_beside(axes, shortage, row, "left", largest, f"+{shortage}")
        if surplus:
            _figure_beside(axes, -surplus, row, "right", largest, f"{MINUS}{surplus}")
    axes.axvline(0, color=TEXT_COLOUR, linewidth=0.8)
    axes.set_xlim(-largest * 1.25, largest * 1.25)
    axes.set_yticks(list(positions), labels)
    axes.xaxis.set_major_formatter(lambda value, _: f"{abs(value):g}")


def _grouped(axes: Axes, labels: list[str], chart: Chart) -> None:
    count = len(chart.series)
    thickness = 0.8 / max(1, count)
    largest = max((v for s in chart.series for v in s.values), default=0)
    if chart.marks is not None:
        largest = max(largest, *chart.marks.values, 0)
    largest = max(largest, 1)
    for index, series in enumerate(chart.series):
        offsets = [row - 0.4 + thickness * (index + 0.5) for row in range(len(labels))]
        axes.barh(
            offsets, series.values, height=thickness, label=series.label,
            **_bar_style(series.style),
        )  # fmt: skip
        for offset, value in zip(offsets, series.values, strict=True):
            _figure_beside(axes, value, offset, "left", largest, str(value), size=7)
    if chart.marks is not None:
        rows = range(len(chart.marks.values))
        axes.vlines(
            chart.marks.values, [row - 0.45 for row in rows], [row + 0.45 for row in rows],
            colors=TEXT_COLOUR, linewidth=2, label=chart.marks.label,
        )  # fmt: skip
    axes.set_xlim(0, largest * 1.2)
    axes.set_yticks(list(range(len(labels))), labels)


def _bar_style(style: str) -> dict[str, Any]:
    return {
        "color": COLOURS[style],
        "hatch": HATCHES.get(style),
        "edgecolor": "white" if style in HATCHES else COLOURS[style],
        "linewidth": 0,
    }


def _figure_beside(
    axes: Axes, value: float, y: float, align: str, largest: float, text: str, size: int = 8
) -> None:
    gap = largest * 0.02 * (1 if value >= 0 else -1)
    axes.text(value + gap, y, text, va="center", ha=align, fontsize=size, color=TEXT_COLOUR)


def _shortened(label: str) -> str:
    if len(label) <= LABEL_CHARACTERS:
        return label
    return label[: LABEL_CHARACTERS - 1].rstrip() + "…"
