"""What an import did: rows recorded, changed, unchanged and rejected, with every rejection, the
columns not known and what the store holds that the file no longer names. Plain data, for the
command line and the web application alike."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from asn_graph.domain.errors import DomainError
from asn_graph.onboarding.rejections import Rejection


class Outcome(Enum):
    RECORDED = "RECORDED"
    """New: registered, established."""
    CHANGED = "CHANGED"
    """Known, and the file says something new of it."""
    UNCHANGED = "UNCHANGED"
    REJECTED = "REJECTED"


@dataclass
class ImportSummary:
    kind: str
    file_name: str
    sha256: str
    dry_run: bool
    unknown_columns: list[str]
    rows: int = 0
    counts: dict[Outcome, int] = field(default_factory=lambda: dict.fromkeys(Outcome, 0))
    changes: Counter[str] = field(default_factory=Counter)
    """The facts recorded (or, in a dry run, to record) by the kind of change: the name of
    the command of each (``RegisterEmployee``, ``ChangeRank``, ...)."""
    rejections: list[Rejection] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)

    @property
    def rejected_rows(self) -> int:
        return self.counts[Outcome.REJECTED]


class MissingColumns(DomainError):
    """The file lacks a column every row needs: nothing is imported."""

    def __init__(self, file_name: str, missing: Sequence[str]) -> None:
        super().__init__("imports.missing_columns", file=file_name, columns=", ".join(missing))
        self.missing = tuple(missing)
