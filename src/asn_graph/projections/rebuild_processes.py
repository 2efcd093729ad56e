"""A rebuild shared out between processes: each projects its group of read models into the
staging area, reading the log itself, so that a rebuild uses more than one core.

Only on PostgreSQL, where several writers work side by side (SQLite has one writer at a
time). A process dies with the one that started it, so that a killed rebuild leaves nothing
running that would move the staged positions behind the next run's back.

Processes are spawned, not forked: each opens the store itself, with an opener the caller
(the composition root) builds and that pickles.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.sharedctypes import Synchronized

from asn_graph.projections.collector import paced_for_bulk
from asn_graph.projections.database import Database
from asn_graph.projections.projector import Progress, Projector
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.rebuild import ShareOut
from asn_graph.projections.source import EventLog
from asn_graph.projections.staging import staging_for

POLL_SECONDS = 0.25
PR_SET_PDEATHSIG = 1


@dataclass
class RebuildStore:
    """What a rebuild process works on: the log, the live read models' database (the staging
    area is found from it), the read models it may be given by name, and how to let go of
    them."""

    log: EventLog
    live: Database
    models: Sequence[ReadModel]
    close: Callable[[], None]


StoreOpener = Callable[[], RebuildStore]
"""Opens the store in a rebuild process; sent to it pickled. It creates no tables or schemas:
the rebuild that started the process did, and catalog changes from processes side by side
collide."""


def default_shares(live: Database) -> int:
    """One process per core on PostgreSQL; one on SQLite."""
    return (os.cpu_count() or 1) if live.dialect == "postgres" else 1


def in_processes(open_store: StoreOpener, batch_size: int) -> ShareOut:
    """Runs each group in a process of its own and waits for all of them."""

    def share_out(groups: list[list[str]], until: int, progress: Progress | None) -> None:
        context = multiprocessing.get_context("spawn")
        reached = [context.Value("q", 0) for _ in groups]
        processes = [
            context.Process(
                target=_project,
                args=(open_store, names, until, batch_size, position, os.getpid()),
                name=f"rebuild-{'+'.join(names)}",
            )
            for names, position in zip(groups, reached, strict=True)
        ]
        for process in processes:
            process.start()
        try:
            while any(process.is_alive() for process in processes):
                if progress is not None:
                    progress(min(position.value for position in reached), until)
                time.sleep(POLL_SECONDS)
        finally:
            for process in processes:
                process.join(timeout=0 if process.is_alive() else None)
                if process.is_alive():
                    process.kill()
                    process.join()
        failed = [p.name for p in processes if p.exitcode != 0]
        if failed:
            raise RuntimeError(f"rebuild processes failed: {', '.join(failed)}")
        if progress is not None:
            progress(min(position.value for position in reached), until)

    return share_out


def _project(
    open_store: StoreOpener,
    names: list[str],
    until: int,
    batch_size: int,
    reached: Synchronized[int],
    parent: int,
) -> None:
    _die_with(parent)
    store = open_store()
    database = staging_for(store.live).attach()
    try:
        models = [m for m in store.models if m.name in names]
        projector = Projector(store.log, database, models, batch_size=batch_size)

        def report(position: int, _head: int) -> None:
            reached.value = position

        with paced_for_bulk():
            while projector.position() < until:
                projector.catch_up(until=until, progress=report)
        reached.value = projector.position()
    finally:
        database.close()
        store.close()


def _die_with(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies (a no-op elsewhere), then make
    sure the parent did not die before the request."""
    with contextlib.suppress(AttributeError, OSError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
