"""An import: every row of a file read, checked and recorded through the application's use
cases, as the importing officer, each fact's reason naming the file by its SHA-256. Rows that
cannot be taken are reported and wait for correction; the others go in. Recording what a row
says when it is already recorded records nothing, so an import killed part way is resumed by
running it again, and a corrected or newer file records only what changed."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from eventsourcing.persistence import IntegrityError

from asn_graph.application.commands import Command
from asn_graph.application.results import Changes
from asn_graph.application.store import StoreApplication
from asn_graph.domain.actors import Actor
from asn_graph.domain.errors import DomainError
from asn_graph.domain.messages import Message
from asn_graph.onboarding.rejections import Rejection, RowRejected
from asn_graph.onboarding.summary import ImportSummary, MissingColumns, Outcome
from asn_graph.onboarding.tables import Row, header_of, rows_of, sha256_of

Progress = Callable[[int, int], None]
"""Called with the rows done and the rows in all."""


@dataclass(frozen=True)
class Step:
    """One command to record for a row, and the use case that records it."""

    use_case: Any
    command: Command

    def record(self, actor: Actor, dry_run: bool) -> None:
        if dry_run:
            self.decide(actor)
        else:
            self.use_case(actor, self.command)

    def decide(self, actor: Actor) -> Changes[Any]:
        """The use case's decision alone: every check it makes, nothing saved."""
        decided: Changes[Any] = self.use_case.decide(self.use_case.group, actor, self.command)
        return decided

    @property
    def store(self) -> StoreApplication:
        store: StoreApplication = self.use_case.group.store
        return store


@dataclass(frozen=True)
class Plan:
    """What recording a row takes: nothing (unchanged), a first record, or changes."""

    outcome: Outcome
    steps: Sequence[Step] = ()
    key: str | None = None
    """What identifies the row's subject in the file (a NIP, a unit code): twice is refused."""
    touches: str | None = None
    """The one record its single step changes (a NIP), when rows touching different
    records may be saved together: their decisions do not depend on one another."""

    @property
    def batchable(self) -> bool:
        return self.touches is not None and len(self.steps) == 1


class Deferred(Exception):
    """The row needs another row of the file recorded first (a unit's parent unit): it is
    tried again after the others, and reported with ``rejection`` if it never can be."""

    def __init__(self, rejection: Rejection) -> None:
        super().__init__(rejection.reason)
        self.rejection = rejection


class RowKind(Protocol):
    """One kind of file (units, positions, workload, employees, ratings)."""

    name: str

    def header_problems(self, header: Sequence[str]) -> tuple[list[str], list[str]]:
        """The facts no column provides (fatal), and the columns not known (reported)."""
        ...

    def entries(self, rows: Iterator[Row]) -> Iterator[list[Row]]:
        """The rows taken together: one by one, or the rows of one subject (a position's
        tasks of a workload assessment)."""
        ...

    def plan(self, entry: list[Row], reason: str) -> Plan:
        """What to record for the entry, or ``RowRejected`` / ``Deferred``."""
        ...

    def reading(self) -> AbstractContextManager[None]:
        """Held while the file is imported (records only read, kept for the import)."""
        ...

    def absent(self, keys: set[str]) -> list[str]:
        """What the store holds of this kind that the file does not name (reported, never
        deleted)."""
        ...


def one_by_one(rows: Iterator[Row]) -> Iterator[list[Row]]:
    return ([row] for row in rows)


def nothing_kept() -> AbstractContextManager[None]:
    return nullcontext()


def reason_for(kind: str, path: Path, sha256: str, entry: list[Row]) -> str:
    first, last = entry[0].number, entry[-1].number
    rows = f"baris {first}" if first == last else f"baris {first}-{last}"
    return f"impor {kind} dari berkas {path.name} (sha256:{sha256}), {rows}"


def count_rows(path: Path) -> int:
    return sum(1 for _ in rows_of(path))


def run_import(
    kind: RowKind,
    path: Path,
    actor: Actor,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    batch_size: int = 1,
) -> ImportSummary:
    """Imports ``path``. With ``batch_size`` above 1, rows whose records are new or
    independent are decided one by one and saved ``batch_size`` to a transaction (a batch
    refused as a whole, by a write racing it, is recorded again row by row)."""
    header = header_of(path)
    missing, unknown = kind.header_problems(header)
    if missing:
        raise MissingColumns(path.name, missing)
    total = count_rows(path) if progress is not None else 0
    sha256 = sha256_of(path)
    summary = ImportSummary(kind.name, path.name, sha256, dry_run, unknown)
    attempt = _Attempt(kind, actor, dry_run, summary, batch_size)
    with kind.reading():
        _import_rows(kind, path, attempt, progress, total)
    summary.rejections.sort(key=lambda rejection: rejection.row)
    summary.absent = kind.absent(set(attempt.seen))
    return summary


def _import_rows(
    kind: RowKind, path: Path, attempt: _Attempt, progress: Progress | None, total: int
) -> None:
    summary = attempt.summary
    sha256 = summary.sha256
    deferred: list[tuple[list[Row], Deferred]] = []
    for entry in kind.entries(rows_of(path)):
        waiting = attempt.take(entry, reason_for(kind.name, path, sha256, entry))
        if waiting is not None:
            deferred.append((entry, waiting))
        summary.rows += len(entry)
        if progress is not None:
            progress(summary.rows, total)
    attempt.flush()
    while deferred:
        still: list[tuple[list[Row], Deferred]] = []
        for entry, _ in deferred:
            waiting = attempt.take(entry, reason_for(kind.name, path, sha256, entry))
            if waiting is not None:
                still.append((entry, waiting))
        if len(still) == len(deferred):
            for _, waiting in still:
                summary.rejections.append(waiting.rejection)
                summary.counts[Outcome.REJECTED] += 1
            break
        deferred = still
    attempt.flush()


@dataclass(frozen=True)
class _Decided:
    entry: list[Row]
    reason: str
    plan: Plan
    changes: Changes[Any]


class _Attempt:
    def __init__(
        self,
        kind: RowKind,
        actor: Actor,
        dry_run: bool,
        summary: ImportSummary,
        batch_size: int,
    ) -> None:
        self.kind = kind
        self.actor = actor
        self.dry_run = dry_run
        self.summary = summary
        self.batch_size = batch_size
        self.seen: dict[str, int] = {}
        self.batch: list[_Decided] = []
        self.touched: set[str] = set()

    def take(self, entry: list[Row], reason: str) -> Deferred | None:
        """Records the entry (or reports why not); the deferral if it must wait."""
        number = entry[0].number
        try:
            plan = self.kind.plan(entry, reason)
            if plan.key is not None:
                if plan.key in self.seen:
                    twice = Message("import.twice_in_file", {"row": self.seen[plan.key]})
                    raise RowRejected([Rejection(number, "", plan.key, twice)])
                self.seen[plan.key] = number
            if self.batch_size > 1 and not self.dry_run and plan.batchable:
                self._batched(entry, reason, plan)
                return None
            # In file order: what was decided before is saved before.
            self.flush()
            for step in plan.steps:
                step.record(self.actor, self.dry_run)
        except Deferred as waiting:
            return waiting
        except RowRejected as rejected:
            self._rejected(rejected.rejections)
        except DomainError as refused:
            self._refused(number, refused)
        else:
            self._counted(plan)
        return None

    def _batched(self, entry: list[Row], reason: str, plan: Plan) -> None:
        assert plan.touches is not None
        if plan.touches in self.touched:
            self.flush()
        changes = plan.steps[0].decide(self.actor)
        self.batch.append(_Decided(entry, reason, plan, changes))
        self.touched.add(plan.touches)
        if len(self.batch) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        self.touched.clear()
        if not batch:
            return
        pending = [
            aggregate
            for decided in batch
            for aggregate in (decided.changes.subject, *decided.changes.others)
        ]
        try:
            batch[0].plan.steps[0].store.save(*pending)
        except IntegrityError:
            # Another writer changed one of these records meanwhile: each row again, alone,
            # decided on what is recorded now.
            for decided in batch:
                self._again(decided)
            return
        for decided in batch:
            self._counted(decided.plan)

    def _again(self, decided: _Decided) -> None:
        number = decided.entry[0].number
        try:
            plan = self.kind.plan(decided.entry, decided.reason)
            for step in plan.steps:
                step.record(self.actor, self.dry_run)
        except RowRejected as rejected:
            self._rejected(rejected.rejections)
        except DomainError as refused:
            self._refused(number, refused)
        else:
            self._counted(plan)

    def _counted(self, plan: Plan) -> None:
        self.summary.counts[plan.outcome] += 1
        self.summary.changes.update(type(step.command).__name__ for step in plan.steps)

    def _refused(self, number: int, refused: DomainError) -> None:
        column = getattr(refused, "field", None) or ""
        self._rejected([Rejection(number, column, "", refused.as_message())])

    def _rejected(self, rejections: list[Rejection]) -> None:
        self.summary.rejections.extend(rejections)
        self.summary.counts[Outcome.REJECTED] += 1
