"""An import: every row of a file read, checked and recorded through the application's use
cases, as the importing officer, each fact's reason naming the file by its SHA-256. Rows that
cannot be taken are reported and wait for correction; the others go in. Recording what a row
says when it is already recorded records nothing, so an import killed part way is resumed by
running it again, and a corrected or newer file records only what changed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from asn_graph.application.commands import Command
from asn_graph.domain.actors import Actor
from asn_graph.domain.errors import DomainError
from asn_graph.onboarding.rejections import Rejection, RowRejected
from asn_graph.onboarding.tables import Row, header_of, rows_of, sha256_of

Progress = Callable[[int, int], None]
"""Called with the rows done and the rows in all."""


class Outcome(Enum):
    RECORDED = "RECORDED"
    """New: registered, established."""
    CHANGED = "CHANGED"
    """Known, and the file says something new of it."""
    UNCHANGED = "UNCHANGED"
    REJECTED = "REJECTED"


@dataclass(frozen=True)
class Step:
    """One command to record for a row, and the use case that records it."""

    use_case: Any
    command: Command

    def record(self, actor: Actor, dry_run: bool) -> None:
        if dry_run:
            # The use case's decision alone: every check it makes, nothing saved.
            self.use_case.decide(self.use_case.group, actor, self.command)
        else:
            self.use_case(actor, self.command)


@dataclass(frozen=True)
class Plan:
    """What recording a row takes: nothing (unchanged), a first record, or changes."""

    outcome: Outcome
    steps: Sequence[Step] = ()
    key: str | None = None
    """What identifies the row's subject in the file (a NIP, a unit code): twice is refused."""


class RowKind(Protocol):
    """One kind of file (units, positions, workload, employees, ratings)."""

    name: str

    def header_problems(self, header: Sequence[str]) -> tuple[list[str], list[str]]:
        """The facts no column provides (fatal), and the columns not known (reported)."""
        ...

    def plan(self, row: Row, reason: str) -> Plan:
        """What to record for ``row``, or ``RowRejected``."""
        ...

    def absent(self, keys: set[str]) -> list[str]:
        """What the store holds of this kind that the file does not name (reported, never
        deleted)."""
        ...


@dataclass
class ImportSummary:
    kind: str
    file_name: str
    sha256: str
    dry_run: bool
    unknown_columns: list[str]
    rows: int = 0
    counts: dict[Outcome, int] = field(default_factory=lambda: dict.fromkeys(Outcome, 0))
    rejections: list[Rejection] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)

    @property
    def rejected_rows(self) -> int:
        return self.counts[Outcome.REJECTED]


class MissingColumns(DomainError):
    """The file lacks a column every row needs: nothing is imported."""

    def __init__(self, file_name: str, missing: Sequence[str]) -> None:
        super().__init__(f"berkas {file_name} tidak memiliki kolom wajib: {', '.join(missing)}")
        self.missing = tuple(missing)


def reason_for(kind: str, path: Path, sha256: str, row: int) -> str:
    return f"impor {kind} dari berkas {path.name} (sha256:{sha256}), baris {row}"


def count_rows(path: Path) -> int:
    return sum(1 for _ in rows_of(path))


def run_import(
    kind: RowKind,
    path: Path,
    actor: Actor,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    header = header_of(path)
    total = count_rows(path) if progress is not None else 0
    missing, unknown = kind.header_problems(header)
    if missing:
        raise MissingColumns(path.name, missing)
    sha256 = sha256_of(path)
    summary = ImportSummary(kind.name, path.name, sha256, dry_run, unknown)
    seen: dict[str, int] = {}
    for row in rows_of(path):
        summary.rows += 1
        outcome = _import_row(
            kind,
            row,
            actor,
            reason_for(kind.name, path, sha256, row.number),
            seen,
            dry_run,
            summary.rejections,
        )
        summary.counts[outcome] += 1
        if progress is not None:
            progress(summary.rows, total)
    summary.absent = kind.absent(set(seen))
    return summary


def _import_row(
    kind: RowKind,
    row: Row,
    actor: Actor,
    reason: str,
    seen: dict[str, int],
    dry_run: bool,
    rejections: list[Rejection],
) -> Outcome:
    try:
        plan = kind.plan(row, reason)
        if plan.key is not None:
            if plan.key in seen:
                raise RowRejected(
                    [
                        Rejection(
                            row.number,
                            "",
                            plan.key,
                            f"ganda di berkas ini (sama dengan baris {seen[plan.key]})",
                        )
                    ]
                )
            seen[plan.key] = row.number
        for step in plan.steps:
            step.record(actor, dry_run)
    except RowRejected as rejected:
        rejections.extend(rejected.rejections)
        return Outcome.REJECTED
    except DomainError as refused:
        rejections.append(
            Rejection(row.number, getattr(refused, "field", None) or "", "", refused.message)
        )
        return Outcome.REJECTED
    return plan.outcome
