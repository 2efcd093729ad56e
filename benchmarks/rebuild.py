"""Rebuild throughput: every read model from zero, in batches, against the same events pushed
through one transaction per event (what the library's ProjectionRunner does).

    python -m benchmarks.rebuild --events 200000 [--baseline-sample 20000] [--sqlite]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from asn_graph.bootstrap import Service, build_service
from asn_graph.demo.bulk import grow
from asn_graph.progress import ProgressBar
from asn_graph.projections.rebuild import Rebuild
from benchmarks.common import record, throwaway_store

EVENTS_PER_EMPLOYEE = 6.5


def _timed_rebuild(service: Service, events_per_transaction: int | None, until: int) -> float:
    models = service.models()
    rebuild = Rebuild(
        service.log,
        service.staging(),
        models,
        batch_size=2000,
        events_per_transaction=events_per_transaction,
        until=until,
    )
    label = "batched" if events_per_transaction is None else "one event per transaction"
    bar = ProgressBar(f"{label:>26}")
    started = time.perf_counter()
    rebuild.run(restart=True, progress=bar)
    elapsed = time.perf_counter() - started
    bar.done()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument(
        "--baseline-sample", type=int, default=None, help="events for the baseline (default all)"
    )
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    arguments = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="asn-graph-bench-"))
    with throwaway_store(arguments.sqlite, workdir) as settings, build_service(settings) as service:
        started = time.perf_counter()
        bar = ProgressBar("generating employees")
        head = grow(service, int(arguments.events / EVENTS_PER_EMPLOYEE) + 1, progress=bar)
        bar.done()
        generated = time.perf_counter() - started
        print(f"store: {head:,} events written in {generated:.1f} s", file=sys.stderr)

        batched = _timed_rebuild(service, None, head)
        sample = min(arguments.baseline_sample or head, head)
        single = _timed_rebuild(service, 1, sample)
        batched_rate = head / batched
        single_rate = sample / single
        ratio = batched_rate / single_rate
        result = {
            "scenario": "rebuild all read models",
            "database": "sqlite" if arguments.sqlite else "postgresql",
            "events": head,
            "figure_events_per_s": round(batched_rate),
            "baseline": "one event per transaction",
            "baseline_events": sample,
            "baseline_events_per_s": round(single_rate),
            "ratio": round(ratio, 1),
            "target_ratio": 10,
            "meets_target": ratio >= 10,
        }
        record("rebuild", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
