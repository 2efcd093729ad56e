"""A report as a PDF (A4, fpdf2): its title, criteria and the moment it was read, its figures,
its charts (the PNG of the same drawing a web page shows) and its tables, their headings
repeated on every page. The text is set in DejaVu Sans, the charts' own font (shipped with
matplotlib), which covers every character of Indonesian names and texts."""

from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace

from asn_graph.reports.model import Cell, Report, Table

FONT = "DejaVu"
FONT_DIRECTORY = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
WIDE_TABLE_COLUMNS = 7
"""A report with a table of more columns than this is laid out in landscape."""
HEADING_FILL = (228, 232, 238)
ROWS_MEASURED = 200
"""The rows whose texts size the columns."""
LONGEST_UNBROKEN = 36
"""The most characters a column is made wide for; a longer text wraps."""
SHORT_IDENTIFIER = 8
_IDENTIFIER = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
NOTHING = "\N{EN DASH}"
"""An empty cell."""


class _ReportPdf(FPDF):
    def __init__(self, report: Report, page_label: str, orientation: str) -> None:
        super().__init__(orientation=orientation, format="A4")
        self.report = report
        self.page_label = page_label

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 7)
        self.cell(0, 6, f"{self.report.title} · {self.report.read_at_label}", align="L")
        self.set_x(self.l_margin)
        self.cell(0, 6, self.page_label.format(page=self.page_no()), align="R")


def report_pdf(report: Report, page_label: str = "{page}") -> bytes:
    """``page_label``: the footer's page number in the reader's language (``Halaman {page}``)."""
    wide = any(len(table.headers) > WIDE_TABLE_COLUMNS for table in report.tables)
    pdf = _ReportPdf(report, page_label, "L" if wide else "P")
    pdf.add_font(FONT, "", FONT_DIRECTORY / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONT_DIRECTORY / "DejaVuSans-Bold.ttf")
    pdf.set_creation_date(report.read_at)
    pdf.set_producer("asn-graph")
    pdf.set_title(report.title)
    pdf.set_lang("id")
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    pdf.set_font(FONT, "B", 15)
    pdf.multi_cell(0, 8, report.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    for line in (*report.criteria, report.read_at_label):
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if report.key_figures:
        _figures(pdf, report)
    for chart in report.charts:
        pdf.image(io.BytesIO(chart.png()), w=min(pdf.epw, 180), alt_text=chart.description)
        pdf.ln(3)
    for table in report.tables:
        _table(pdf, table)
    return bytes(pdf.output())


def _figures(pdf: FPDF, report: Report) -> None:
    pdf.set_font(FONT, "", 9)
    with pdf.table(
        col_widths=(3, 1),
        width=min(pdf.epw, 140),
        align="LEFT",
        first_row_as_headings=False,
        text_align=("LEFT", "RIGHT"),
    ) as table:
        for figure in report.key_figures:
            row = table.row()
            row.cell(figure.label)
            row.cell(_text(figure.value))
    pdf.ln(4)


def _table(pdf: FPDF, table: Table) -> None:
    if pdf.will_page_break(30):
        pdf.add_page()
    pdf.set_font(FONT, "B", 11)
    pdf.multi_cell(0, 7, table.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 7.5)
    numeric = _numeric_columns(table)
    alignment = tuple(
        "RIGHT" if index in numeric else "LEFT" for index in range(len(table.headers))
    )
    with pdf.table(
        headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL),
        col_widths=_column_widths(table),
        text_align=alignment,
        line_height=4,
        padding=1,
        repeat_headings=1,
    ) as drawn:
        heading = drawn.row()
        for header in table.headers:
            heading.cell(header)
        for index, cells in enumerate(table.rows):
            row = drawn.row()
            for column, cell in enumerate(cells):
                text = _text(cell)
                if column == 0 and table.indents:
                    text = "   " * table.indent(index) + text
                row.cell(text)
    pdf.ln(5)


def _column_widths(table: Table) -> tuple[int, ...]:
    """Shares of the page's width by what each column holds: an identifier (a NIP, a case
    number) is not broken across lines, a long text wraps."""
    widths = [max((len(word) for word in header.split()), default=1) for header in table.headers]
    for cells in table.rows[:ROWS_MEASURED]:
        for index, cell in enumerate(cells):
            widths[index] = max(widths[index], min(len(_text(cell)), LONGEST_UNBROKEN))
    return tuple(max(width, 3) for width in widths)


def _numeric_columns(table: Table) -> set[int]:
    """The columns whose every filled cell is a number."""
    columns = set(range(len(table.headers)))
    for cells in table.rows:
        for index, cell in enumerate(cells):
            if cell is not None and not isinstance(cell, int | float):
                columns.discard(index)
    return columns


def _text(cell: Cell) -> str:
    if cell is None:
        return NOTHING
    if isinstance(cell, str) and _IDENTIFIER.fullmatch(cell):
        # A printed page names a case or a plan by the start of its identifier, as short
        # commit hashes do; the page and the files keep it whole.
        return cell[:SHORT_IDENTIFIER]
    if isinstance(cell, float):
        return f"{cell:.2f}".rstrip("0").rstrip(".")
    return str(cell)
