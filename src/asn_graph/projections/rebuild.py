"""Rebuilding read models from zero beside the live ones, resumable, then swapping them in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from asn_graph.projections import tracking
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


class Rebuild:
    """Builds ``models`` in a staging area until they reach the head of the log, makes the
    indexes only queries use, then swaps them in, in one transaction. Killed part way, the
    next run goes on from the staged position, unless ``restart`` is asked or the staged rows
    were made by other code."""

    def __init__(
        self,
        log: EventLog,
        staging: Staging,
        models: Sequence[ReadModel],
        *,
        batch_size: int = 2000,
        events_per_transaction: int | None = None,
        until: int | None = None,
    ) -> None:
        self.log = log
        self.staging = staging
        self.models = list(models)
        self.batch_size = batch_size
        self.events_per_transaction = events_per_transaction
        self.until = until

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
        position = resumed_from
        while True:
            position = projector.catch_up(until=self.until, progress=progress)
            if position >= (self.until or self.log.head()):
                break
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
