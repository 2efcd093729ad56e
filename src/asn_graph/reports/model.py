"""What a report holds, independent of the file it is written as."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from asn_graph.reports.charts import Chart

Cell = str | int | float | None


@dataclass(frozen=True)
class KeyFigure:
    """A headline number of the report (``label``: its name in the reader's language)."""

    label: str
    value: Cell


@dataclass(frozen=True)
class Table:
    """A table: ``title`` names it (the sheet of a workbook, the heading in a PDF)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    indents: Sequence[int] = ()
    """Per row, how deep its first cell sits in a tree (the unit tree); empty when flat."""

    def indent(self, index: int) -> int:
        return self.indents[index] if index < len(self.indents) else 0


@dataclass(frozen=True)
class Report:
    """A report as the reader sees it: ``title``, the filter it was read with (``criteria``,
    one line each), when it was read, its key figures, charts and tables (the first table is the
    report's main list: the one a CSV file holds)."""

    name: str
    """The file's name without extension (``neraca-pegawai-B01``)."""
    title: str
    criteria: Sequence[str]
    read_at: datetime
    read_at_label: str
    key_figures: Sequence[KeyFigure] = ()
    charts: Sequence[Chart] = ()
    tables: Sequence[Table] = field(default_factory=tuple)

    @property
    def main_table(self) -> Table | None:
        return self.tables[0] if self.tables else None
