"""Rows of a CSV or XLSX file, one at a time (memory flat in the file's size), as dictionaries
keyed by the header's column names in lower case; with the file's SHA-256, which the import
records as the source of every fact it writes."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO

from asn_graph.domain.errors import InvalidInput

CSV_DELIMITERS = ",;\t|"
SNIFFED_BYTES = 64 * 1024
HASHED_CHUNK = 1024 * 1024


class UnreadableWorkbook(Exception):
    """An XLSX file lacking a part every workbook has: the file is at fault, not the reader."""


@dataclass(frozen=True)
class Row:
    """A data row: its number as a spreadsheet shows it (the header is row 1) and its cells."""

    number: int
    cells: dict[str, str | date]


def column_name(header: object) -> str:
    """``"NIP_BARU "`` and ``"Nip Baru"`` both name the column ``nip_baru``."""
    return "_".join(str(header or "").strip().lower().split())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(HASHED_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def table_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    raise InvalidInput("imports.only_csv_or_xlsx", field="file", file=path.name)


def header_of(path: Path) -> list[str]:
    rows = _raw_rows(path)
    try:
        return [column_name(cell) for cell in next(rows)]
    except StopIteration:
        raise InvalidInput("imports.file_empty", field="file", file=path.name) from None
    finally:
        rows.close()


def rows_of(path: Path) -> Iterator[Row]:
    """The data rows after the header; rows with every cell empty are skipped."""
    raw = _raw_rows(path)
    try:
        header = [column_name(cell) for cell in next(raw)]
    except StopIteration:
        return
    for number, values in enumerate(raw, start=2):
        cells: dict[str, str | date] = {}
        for name, value in zip(header, values, strict=False):
            if name and (cell := _cell(value)) != "":
                cells[name] = cell
        if cells:
            yield Row(number, cells)


def _cell(value: object) -> str | date:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        # A spreadsheet keeps 197001012000011001 as a float: NIPs are read as text where
        # they can be, and rejected as malformed where they were rounded.
        return str(int(value))
    return str(value).strip()


def _raw_rows(path: Path) -> Generator[list[object]]:
    if table_kind(path) == "csv":
        with path.open("r", encoding="utf-8-sig", newline="") as stream:
            yield from csv.reader(stream, dialect=_dialect(stream))
        return
    yield from _workbook_rows(path)


def _workbook_rows(path: Path) -> Generator[list[object]]:
    """The first sheet's rows. openpyxl tells a part missing from the archive (a ZIP that
    is no workbook) by a ``KeyError``: only its own reading is taken as such."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except KeyError as error:
        raise UnreadableWorkbook(path.name) from error
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        while True:
            try:
                values = next(rows)
            except StopIteration:
                return
            except KeyError as error:
                raise UnreadableWorkbook(path.name) from error
            yield list(values)
    finally:
        workbook.close()


def _dialect(stream: IO[str]) -> type[csv.Dialect] | csv.Dialect:
    sample = stream.read(SNIFFED_BYTES)
    stream.seek(0)
    try:
        return csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=CSV_DELIMITERS)
    except csv.Error:
        return csv.excel


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()
