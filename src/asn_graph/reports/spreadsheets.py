"""Tables as files a spreadsheet opens: CSV (the standard library's ``csv``, UTF-8 with a byte
order mark) and XLSX (openpyxl, written row by row). A cell a spreadsheet would take for a
formula is written as text: a downloaded file never runs anything in the reader's
spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.drawing.image import Image

from asn_graph.reports.model import Cell, Report

SHEET_TITLE_LENGTH = 31
"""The most characters Excel admits in a sheet's name."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for cells in rows:
        writer.writerow(
            ["'" + c if isinstance(c, str) and c.startswith(_FORMULA_START) else c for c in cells]
        )
    # With the byte order mark, spreadsheets read the file as UTF-8 (names, Indonesian texts).
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(title: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """One sheet named ``title`` holding the table."""
    workbook = Workbook(write_only=True)
    _table_sheet(workbook, title, headers, rows)
    return _saved(workbook)


def report_csv(report: Report) -> bytes:
    """The report's main table (its other tables and charts are in the PDF and the
    workbook)."""
    table = report.main_table
    if table is None:
        return csv_bytes([figure.label for figure in report.key_figures], [
            [figure.value for figure in report.key_figures]
        ])  # fmt: skip
    return csv_bytes(table.headers, table.rows)


def report_xlsx(report: Report, summary_title: str) -> bytes:
    """A summary sheet (title, criteria, figures, the charts as pictures), then a sheet per
    table."""
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = _sheet_title(summary_title)
    for line in (report.title, *report.criteria, report.read_at_label):
        _append(summary, [line])
    summary.append([])
    for figure in report.key_figures:
        _append(summary, [figure.label, figure.value])
    row = summary.max_row + 2
    for chart in report.charts:
        picture = Image(io.BytesIO(chart.png()))
        # The PNG is drawn at 150 dpi; shown at screen size in the sheet.
        picture.width, picture.height = picture.width * 96 // 150, picture.height * 96 // 150
        summary.add_image(picture, f"A{row}")
        row += picture.height // 20 + 2
    summary.column_dimensions["A"].width = 48
    for table in report.tables:
        sheet = workbook.create_sheet(_sheet_title(table.title))
        _append(sheet, table.headers)
        for index, cells in enumerate(table.rows):
            values = list(cells)
            if table.indents and isinstance(values[0], str):
                values[0] = "  " * table.indent(index) + values[0]
            _append(sheet, values)
    return _saved(workbook)


def file_stem(name: str) -> str:
    """A file name any system keeps as it is: letters, digits, dots, dashes."""
    return re.sub(r"[^A-Za-z0-9.-]+", "-", name).strip("-.") or "daftar"


def _table_sheet(
    workbook: Workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]
) -> None:
    sheet = workbook.create_sheet(title=_sheet_title(title))
    sheet.append(list(headers))
    for cells in rows:
        sheet.append([_write_only_cell(sheet, cell) for cell in cells])


def _write_only_cell(sheet: Any, value: Cell) -> Any:
    value = _storable(value)
    if isinstance(value, str) and value.startswith("="):
        # openpyxl writes a text starting with "=" as a formula; this one stays text.
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        return cell
    return value


def _storable(value: Cell) -> Cell:
    """The value without the control characters a workbook cannot hold (a line tabulation
    pasted from a word processor into a name or a reason)."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _append(sheet: Any, values: Sequence[Cell]) -> None:
    sheet.append([_storable(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def _sheet_title(title: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "-", title)[:SHEET_TITLE_LENGTH] or "Sheet"


def _saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
