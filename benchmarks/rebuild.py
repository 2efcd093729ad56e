"""Scenario 3, rebuild: every read model from zero over the first events of the log, in
batches, against the same events pushed through one transaction per event (a sample of
them), as a projection runner that commits after each event does."""

from __future__ import annotations

import time
from functools import partial

from asn_graph.bootstrap import open_rebuild_store
from asn_graph.cli.progress import ProgressBar
from asn_graph.projections.rebuild import Rebuild
from asn_graph.projections.rebuild_processes import default_shares, in_processes
from benchmarks.report import Outcome, Target
from benchmarks.stores import BenchStore

TARGET_EVENTS_PER_S = 20_000
BATCH = 2000


def _timed(store: BenchStore, events_per_transaction: int | None, until: int) -> float:
    service = store.service
    batched = events_per_transaction is None
    rebuild = Rebuild(
        service.log,
        service.staging(),
        service.models(),
        batch_size=BATCH,
        events_per_transaction=events_per_transaction,
        until=until,
        # As ``asn-graph projections rebuild`` runs it; the baseline in one process.
        shares=default_shares(service.views) if batched else 1,
        share_out=in_processes(partial(open_rebuild_store, store.settings), BATCH),
    )
    label = "batched" if events_per_transaction is None else "one event per transaction"
    bar = ProgressBar(f"{store.database}: rebuild, {label}")
    started = time.perf_counter()
    rebuild.run(restart=True, progress=bar)
    elapsed = time.perf_counter() - started
    bar.done()
    return elapsed


def run(store: BenchStore, events: int, sample: int, *, restore: bool = True) -> list[Outcome]:
    """Rebuilds over the first ``events`` of the log, the baseline over the first ``sample``;
    with ``restore`` the read models are brought back to the head after (millions of events
    at the largest size: not worth it when nothing is measured after)."""
    until = min(events, store.service.log.head())
    sample = min(sample, until)
    batched = until / _timed(store, None, until)
    single = sample / _timed(store, 1, sample)
    if restore:
        store.project()
    # The rebuild's targets are PostgreSQL's (the production store); SQLite's figure is
    # reported beside them for information: its one-event-per-transaction baseline commits
    # to a local file, without a round trip, so the ratio measures something else there.
    targets: tuple[Target, ...] = ()
    if store.database == "postgresql":
        targets = (
            Target.ratio_at_least(10),
            Target.figure_at_least(TARGET_EVENTS_PER_S, "events/s"),
        )
    return [
        Outcome(
            scenario="rebuild",
            database=store.database,
            measure=f"all read models, {until:,} events",
            figure=batched,
            unit="events/s",
            baseline=f"ev/s one per tx ({sample:,})",
            baseline_figure=single,
            targets=targets,
            details={"events": until, "baseline_events": sample},
        )
    ]
