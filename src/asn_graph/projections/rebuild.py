"""Rebuilding read models from zero beside the live ones, resumable, then swapping them in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from asn_graph.projections import tracking
from asn_graph.projections.collector import paced_for_bulk
from asn_graph.projections.database import Database
from asn_graph.projections.projector import Progress, Projector
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.source import EventLog
from asn_graph.projections.staging import Staging


@dataclass(frozen=True)
class RebuildResult:
    models: tuple[str, ...]
    resumed_from: int
    position: int


ShareOut = Callable[[list[list[str]], int, Progress | None], None]
"""Brings each group of read models (by name) in the staging area up to a log position, the
groups side by side; reports the position all of them have reached."""


class Rebuild:
    """Builds ``models`` in a staging area until they reach the head of the log, makes the
    indexes only queries use (in the staging area if the tables move from there as they are,
    else the promotion makes them after copying), then swaps them in, in one transaction.
    Killed part way, the next run goes on from the staged position, unless ``restart`` is
    asked or the staged rows were made by other code.

    With ``share_out`` and ``shares`` > 1 the models are split into that many groups of about
    equal work, projected side by side (each group reads the log itself): read models are
    independent, each with its own tables and position."""

    def __init__(
        self,
        log: EventLog,
        staging: Staging,
        models: Sequence[ReadModel],
        *,
        batch_size: int = 2000,
        events_per_transaction: int | None = None,
        until: int | None = None,
        shares: int = 1,
        share_out: ShareOut | None = None,
    ) -> None:
        self.log = log
        self.staging = staging
        self.models = list(models)
        self.batch_size = batch_size
        self.events_per_transaction = events_per_transaction
        self.until = until
        self.shares = shares
        self.share_out = share_out

    def run(
        self,
        *,
        restart: bool = False,
        progress: Progress | None = None,
        before_swap: Callable[[], None] | None = None,
    ) -> RebuildResult:
        database = self.staging.open()
        self._prepare(database, restart)
        projector = Projector(
            self.log,
            database,
            self.models,
            batch_size=self.batch_size,
            events_per_transaction=self.events_per_transaction,
        )
        resumed_from = projector.position()
        groups = share(self.models, self.shares)
        while True:
            target = self.until or self.log.head()
            if self.share_out is not None and len(groups) > 1:
                self.share_out([[m.name for m in group] for group in groups], target, progress)
                position = projector.position()
            else:
                with paced_for_bulk():
                    position = projector.catch_up(until=self.until, progress=progress)
            if position >= target:
                break
        if self.staging.indexes_move:
            with database.transaction(write=True) as session:
                for model in self.models:
                    model.create_indexes(session)
        if before_swap is not None:
            before_swap()
        self.staging.promote(self.models)
        return RebuildResult(tuple(m.name for m in self.models), resumed_from, position)

    def _prepare(self, database: Database, restart: bool) -> None:
        with database.transaction(write=True) as session:
            session.execute(tracking.STATEMENT)
            staged = tracking.read(session, [m.name for m in self.models])
            for model in self.models:
                earlier = staged.get(model.name)
                if restart or (earlier is not None and earlier.version != model.version):
                    model.drop_tables(session)
                    session.execute(
                        f"DELETE FROM {tracking.TABLE} WHERE name = :name",  # noqa: S608
                        {"name": model.name},
                    )
                model.create_tables(session, indexes=False)
                tracking.ensure(session, model.name, model.version)


def share(models: Sequence[ReadModel], shares: int) -> list[list[ReadModel]]:
    """At most ``shares`` groups of models with about the same work each: the heaviest model
    first, each to the group with the least work so far."""
    groups: list[list[ReadModel]] = [[] for _ in range(max(1, min(shares, len(models))))]
    work = [0] * len(groups)
    for model in sorted(models, key=lambda m: -m.weight):
        lightest = work.index(min(work))
        groups[lightest].append(model)
        work[lightest] += model.weight
    return [group for group in groups if group]
