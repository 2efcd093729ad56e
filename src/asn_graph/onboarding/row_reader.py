"""Reading a row's facts by the columns each may come from, collecting every reason the row
cannot be taken rather than stopping at the first, so the officer corrects a row once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TypeVar

from asn_graph.domain.messages import Message
from asn_graph.onboarding.cells import CellError
from asn_graph.onboarding.rejections import Rejection, RowRejected
from asn_graph.onboarding.tables import Row

T = TypeVar("T")
Columns = Mapping[str, tuple[str, ...]]
"""Each fact and the columns it may come from, asn-graph's template's name first."""

REQUIRED_MISSING = Message("import.required")


def unknown_columns(
    header: Iterable[str], columns: Columns, recognised: Iterable[str] = ()
) -> list[str]:
    known = {name for names in columns.values() for name in names} | set(recognised)
    return [name for name in header if name and name not in known]


def missing_columns(header: Iterable[str], columns: Columns, required: Iterable[str]) -> list[str]:
    """The required facts no column of the header provides (by their template names)."""
    present = set(header)
    return [columns[fact][0] for fact in required if not present & set(columns[fact])]


class RowReader:
    def __init__(self, row: Row, columns: Columns) -> None:
        self.row = row
        self.columns = columns
        self.rejections: list[Rejection] = []

    def column(self, fact: str) -> str | None:
        return next((name for name in self.columns[fact] if name in self.row.cells), None)

    def column_named(self, fact: str) -> str:
        """The column the fact was read from, or its template name."""
        return self.column(fact) or self.columns[fact][0]

    def raw(self, fact: str) -> str | date | None:
        column = self.column(fact)
        return self.row.cells[column] if column is not None else None

    def text(self, fact: str, required: bool = False) -> str:
        value = self.raw(fact)
        text = str(value).strip() if value is not None else ""
        if required and not text:
            self.reject(self.columns[fact][0], "", REQUIRED_MISSING)
        return text

    def read(self, fact: str, parse: Callable[[str | date], T], required: bool = False) -> T | None:
        column = self.column(fact)
        if column is None:
            if required:
                self.reject(self.columns[fact][0], "", REQUIRED_MISSING)
            return None
        value = self.row.cells[column]
        try:
            return parse(value)
        except CellError as error:
            self.reject(column, value, error.as_message())
            return None

    def reject(self, column: str, value: str | date, reason: Message) -> None:
        self.rejections.append(Rejection(self.row.number, column, str(value), reason))

    def refuse_if_rejected(self) -> None:
        if self.rejections:
            raise RowRejected(self.rejections)
