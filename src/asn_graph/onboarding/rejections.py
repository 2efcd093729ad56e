"""What an import could not take: the row, the column, the value and why (a message of the
catalogue), written as CSV beside the file or shown on screen. The report and the command line
word the reason in Indonesian, for the officer who corrects the file; a page, in its own
language."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from asn_graph.domain.messages import Language, Message

REPORT_HEADER = ("baris", "kolom", "nilai", "alasan")


@dataclass(frozen=True)
class Rejection:
    row: int
    column: str
    value: str
    message: Message

    def text(self, language: Language) -> str:
        return self.message.text(language)

    @property
    def reason(self) -> str:
        """Why, in Indonesian: the officer's language, the report's."""
        return self.text(Language.INDONESIAN)


class RowRejected(Exception):
    """A row cannot be imported; it waits for correction while the others go in."""

    def __init__(self, rejections: list[Rejection]) -> None:
        super().__init__("; ".join(rejection.reason for rejection in rejections))
        self.rejections = rejections


def write_report(path: Path, rejections: Iterable[Rejection]) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(REPORT_HEADER)
        for rejection in rejections:
            writer.writerow((rejection.row, rejection.column, rejection.value, rejection.reason))
