"""A chart as a page shows it: the SVG drawing (drawn off the event loop, kept for the next
reader of the same figures) as the source of an image whose text alternative is the chart's
description; the page lists the same figures in a table after it (``templates/charts.html``)."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool

from asn_graph.reports.charts import Chart


@dataclass(frozen=True)
class ChartImage:
    chart: Chart
    source: str
    """A ``data:`` address: the page needs no second request, and no script."""

    def rows(self) -> list[tuple[str, list[int]]]:
        """Each category with its value in each series (and the mark last, when drawn)."""
        series = [*self.chart.series, *((self.chart.marks,) if self.chart.marks else ())]
        return [
            (category, [s.values[index] for s in series])
            for index, category in enumerate(self.chart.categories)
        ]

    def headers(self) -> list[str]:
        marks = (self.chart.marks.label,) if self.chart.marks else ()
        return [*(series.label for series in self.chart.series), *marks]


async def chart_image(chart: Chart) -> ChartImage:
    drawing = await run_in_threadpool(chart.svg)
    return ChartImage(chart, "data:image/svg+xml;base64," + base64.b64encode(drawing).decode())
