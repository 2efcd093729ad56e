"""Any list a page shows, downloaded as a file: CSV (the standard library's ``csv``) or XLSX
(openpyxl), its headers in the reader's language, with every row the API gives (followed page
by page through its cursors up to ``MAX_ROWS``), not only the page on screen.

How a list page offers its downloads (the worklist, the audit trail, ...):

1. Describe the list once as a ``Listing``: the file's name and its ``Column`` s, each with
   the text key of its header (in ``texts/``; or a domain code named by ``names.py`` with
   ``kind=``) and how a row (a node of the GraphQL answer) gives its cell: a cell holding a
   domain code is named in the reader's language with ``names=`` (its kind in ``names.py``),
   one holding the key of a text (yes or no, read or unread) with ``worded=True``. The
   page's HTML table can show the same columns: ``listing.headers(language)`` and
   ``column.cell(row, language)`` (``templates/listing.html`` renders a whole list page from
   a ``Listing``).
2. In the page's route, before rendering the page::

       wanted = download_format(request)  # ?format=csv or ?format=xlsx; None: the page
       if wanted is not None:
           rows = await every_node(
               frame.page_data, request, actor, "Worklist", variables, "worklist"
           )
           return await download(request, WORKLIST, rows, wanted, f"antrean-{actor.agency}")

   ``every_node`` runs a package document whose connection field takes ``$first: Int!`` and
   ``$after: String`` and selects ``pageInfo { hasNextPage endCursor }`` and
   ``edges { node { ... } }``; a list read whole in one operation passes its rows directly.
3. Link to the files from the page with the macro of ``templates/downloads.html``:
   ``{% from "downloads.html" import downloads with context %}``
   ``{{ downloads(request.url) }}`` (the same
   address with ``format=csv`` and ``format=xlsx``).

Cells that a spreadsheet would take for a formula (text starting with ``=``, ``+``, ``-``,
``@``) are written as text: a downloaded list never runs anything in the reader's
spreadsheet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from asn_graph.api.web.messages import MESSAGES, Language, language_of
from asn_graph.api.web.page_data import PageData
from asn_graph.domain.actors import Actor
from asn_graph.domain.names import name_of_code
from asn_graph.reports.model import Cell
from asn_graph.reports.spreadsheets import csv_bytes, file_stem, xlsx_bytes

MAX_ROWS = 10_000
"""The most rows a file holds: a download is a bounded read, like any page."""
PAGE_SIZE = 200
"""Rows asked per operation while following a list's cursors (the API's largest page)."""
FORMAT_PARAMETER = "format"

Row = Mapping[str, Any]
Codes = tuple[str, ...]
"""Several domain codes in one cell (a case's actions), named one by one."""


class FileFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"

    @property
    def media_type(self) -> str:
        if self is FileFormat.CSV:
            return "text/csv; charset=utf-8"
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Column:
    """A column of a list: its header (a text key, or with ``kind`` a domain code whose name
    ``names.py`` gives), its cell from a row, and on the page a link from a row."""

    header: str
    value: Callable[[Row], Cell | Codes]
    kind: str | None = None
    link: Callable[[Row], str | None] | None = None
    names: str | None = None
    """The kind (in ``names.py``) of the domain code the cell holds, named for the reader."""
    worded: bool = False
    """The cell holds the key of a text, written in the reader's language."""

    def title(self, language: Language) -> str:
        if self.kind is not None:
            return name_of_code(self.kind, self.header, language is Language.INDONESIAN)
        return MESSAGES[language][self.header]

    def cell(self, row: Row, language: Language = Language.INDONESIAN) -> Cell:
        value = self.value(row)
        indonesian = language is Language.INDONESIAN
        if isinstance(value, tuple):
            kind = self.names or ""
            return ", ".join(name_of_code(kind, code, indonesian) for code in value)
        if value is None or value == "":
            return value
        if self.names is not None:
            return name_of_code(self.names, str(value), indonesian)
        if self.worded:
            return MESSAGES[language][str(value)]
        return value

    def href(self, row: Row) -> str | None:
        return self.link(row) if self.link is not None else None


@dataclass(frozen=True)
class Listing:
    """A list as pages and files show it: ``name`` is the file's name (without its
    extension) and the sheet's title."""

    name: str
    columns: Sequence[Column]

    def headers(self, language: Language) -> list[str]:
        return [column.title(language) for column in self.columns]

    def cells(self, row: Row, language: Language = Language.INDONESIAN) -> list[Cell]:
        return [column.cell(row, language) for column in self.columns]


def value_of(name: str) -> Callable[[Row], Cell]:
    """A cell that is a field of the row (``"placement.unitCode"`` reaches into an object)."""
    path = name.split(".")

    def value(row: Row) -> Cell:
        found: Any = row
        for key in path:
            if found is None:
                return None
            found = found.get(key)
        return found  # type: ignore[no-any-return]

    return value


def place_of(name: str) -> Callable[[Row], Cell]:
    """A cell that is a placement of the row (``agencyCode / unitCode / positionCode``)."""
    placement = value_of(name)

    def place(row: Row) -> Cell:
        found: Any = placement(row)
        if not found:
            return None
        return placement_text(
            found.get("agencyCode"), found.get("unitCode"), found.get("positionCode")
        )

    return place


def placement_text(agency: str | None, unit: str | None, position: str | None = None) -> str:
    """A placement as lists and reports write it: ``3578 / DISKOMINFO / ANALIS-SDM``."""
    return " / ".join(part for part in (agency, unit, position) if part)


def download_format(request: Request) -> FileFormat | None:
    """The file the request asks for (``?format=csv`` or ``?format=xlsx``); None for the
    page itself (also for a format we do not write)."""
    asked = request.query_params.get(FORMAT_PARAMETER, "").strip().lower()
    try:
        return FileFormat(asked) if asked else None
    except ValueError:
        return None


async def every_node(
    page_data: PageData,
    request: Request,
    actor: Actor,
    document: str,
    variables: dict[str, Any],
    connection: str,
    limit: int = MAX_ROWS,
) -> list[Row]:
    """The nodes of the connection ``connection`` of the package document ``document``,
    every page of it (``PAGE_SIZE`` at a time) up to ``limit`` rows, as the person reads them
    (a refusal raises ``PageDataRefused``)."""
    rows: list[Row] = []
    after: str | None = None
    while True:
        size = min(PAGE_SIZE, limit - len(rows))
        data = await page_data.run(
            request, actor, document, {**variables, "first": size, "after": after}
        )
        page = data[connection]
        rows.extend(edge["node"] for edge in page["edges"])
        if len(rows) >= limit or not page["pageInfo"]["hasNextPage"]:
            return rows[:limit]
        after = page["pageInfo"]["endCursor"]


async def download(
    request: Request,
    listing: Listing,
    rows: Sequence[Row],
    wanted: FileFormat,
    name: str | None = None,
) -> Response:
    """The rows as a file to save (at most ``MAX_ROWS``), headers in the request's
    language; ``name`` (default the listing's) without its extension. The file is written off
    the event loop."""
    language = language_of(request)
    headers = listing.headers(language)
    table = [listing.cells(row, language) for row in rows[:MAX_ROWS]]
    stem = file_stem(name or listing.name)
    if wanted is FileFormat.CSV:
        body = await run_in_threadpool(csv_bytes, headers, table)
    else:
        body = await run_in_threadpool(xlsx_bytes, stem, headers, table)
    return file_response(body, stem, wanted.value, wanted.media_type)


def file_response(body: bytes, name: str, extension: str, media_type: str) -> Response:
    """A file to save, named ``name.extension``: a list or a report depends on the person and
    the moment, so it is never kept by a shared cache."""
    return Response(
        body,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{file_stem(name)}.{extension}"',
            "Cache-Control": "no-store",
            "Vary": "Accept-Language, Cookie",
        },
    )
