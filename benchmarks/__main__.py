"""The benchmark suite: every scenario against its baseline measured in the same run, on
PostgreSQL and SQLite, printed as a table and written to benchmarks/results/.

    python -m benchmarks [--quick] [--database postgresql|sqlite|both] [--only NAME ...]

Scenarios: commands, reads, time-travel, pages (the web application's pages' server time and
weight, on the store of 100k employees), growth (with memory at the largest size), rebuild,
planning (candidate ranking and a plan's starting point, on SQLite stores of its own),
bounded (memory and /healthz under a flood of large documents, on an empty SQLite store) and
imports (employees imported from a SIASN file against the bulk generator, on stores of its own).
``--quick`` runs small stores and short windows (under two minutes) to check the suite and
see the ratios move; the full run generates stores of 10k, 100k and 1M employees and takes
about half an hour a database on two cores (it prints its estimate first).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import (
    bounded,
    commands,
    growth,
    imports,
    pages,
    planning,
    reads,
    rebuild,
    time_travel,
)
from benchmarks.common import machine
from benchmarks.processes import asn_graph_server
from benchmarks.report import Report, summary_line
from benchmarks.stores import bench_store

SCENARIOS = (
    "commands",
    "reads",
    "time-travel",
    "pages",
    "growth",
    "rebuild",
    "planning",
    "bounded",
    "imports",
)
ON_SHARED_STORES = frozenset(SCENARIOS) - {"planning", "bounded", "imports"}
"""Scenarios measured on the stores grown for each database (planning grows its own, bounded
needs none)."""


@dataclass(frozen=True)
class Plan:
    name: str
    sizes: tuple[int, ...]
    seconds: float
    rebuild_events: int
    rebuild_sample: int
    estimate_minutes: int
    planning_sizes: tuple[int, int]
    bounded_scale: int
    pages_employees: int
    pages_requests: int
    imported: int


QUICK = Plan(
    "quick", (3_000, 6_000), 1.5, 1_000_000, 1_000, 2, (1_000, 10_000), 1, 6_000, 60, 3_000
)
FULL = Plan(
    "full",
    (10_000, 100_000, 1_000_000),
    10.0,
    1_000_000,
    20_000,
    30,
    (10_000, 100_000),
    4,
    100_000,
    300,
    100_000,
)


def run_database(database: str, plan: Plan, only: set[str], report: Report, workdir: Path) -> None:
    base, *larger = plan.sizes
    with bench_store(database, workdir, plan.sizes[-1]) as store:
        store.grow_to(base)
        # Growth reads cases by id: the commands scenario leaves its (withdrawn) cases.
        if "commands" in only or "growth" in only:
            for outcome in commands.run(store, plan.seconds):
                if "commands" in only:
                    report.add(outcome)
        if "reads" in only:
            for outcome in reads.run(store, plan.seconds):
                report.add(outcome)
        if "time-travel" in only:
            for outcome in time_travel.run(store, plan.seconds):
                report.add(outcome)
        if "pages" in only:
            # On the store of 100k employees (growth then starts from it: its steps are
            # the sizes above the base, which a grown store only reaches sooner).
            store.grow_to(max(store.employees, plan.pages_employees))
            for outcome in pages.run(store, plan.pages_requests):
                report.add(outcome)
        if "growth" in only:
            with growth.reference_store(database, workdir, base, plan.sizes[-1]) as reference:
                steps = []
                for size in larger:
                    store.grow_to(size)
                    if size != plan.sizes[-1]:
                        with asn_graph_server(store.settings, store.workdir) as server:
                            grown = growth.Running(store, server)
                            steps.append(growth.step(reference, grown, plan.seconds))
                last, memory = growth.memory(reference, store, plan.seconds)
            for outcome in growth.outcomes(database, [*steps, last]):
                report.add(outcome)
            report.add(memory)
        if "rebuild" in only:
            # Over the largest store, also when growth did not grow it.
            store.grow_to(plan.sizes[-1])
            # The last scenario on this store: its read models are not brought back after.
            rebuilt = rebuild.run(store, plan.rebuild_events, plan.rebuild_sample, restore=False)
            for outcome in rebuilt:
                report.add(outcome)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small stores, short windows")
    parser.add_argument("--database", choices=("postgresql", "sqlite", "both"), default="both")
    parser.add_argument("--only", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    parser.add_argument(
        "--fast-paths",
        choices=("on", "off"),
        default=os.environ.get("ASN_GRAPH_FAST_PATHS", "on"),
        help="serve asn-graph with its fast paths, or with the libraries' general paths only",
    )
    arguments = parser.parse_args()
    os.environ["ASN_GRAPH_FAST_PATHS"] = arguments.fast_paths
    plan = QUICK if arguments.quick else FULL
    databases = ["postgresql", "sqlite"] if arguments.database == "both" else [arguments.database]
    report = Report(plan.name)
    host = machine()
    print(
        f"asn-graph benchmarks, {plan.name} run: {', '.join(databases)}; "
        f"{host['cpu']}, {host['cpus']} CPUs. Expect about "
        f"{plan.estimate_minutes * len(databases)} minutes.",
        file=sys.stderr,
    )
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="asn-graph-bench-"))
    only = set(arguments.only)
    if only & ON_SHARED_STORES:
        for database in databases:
            run_database(database, plan, only, report, workdir)
    if "planning" in only:
        for outcome in planning.run(plan.planning_sizes, workdir):
            report.add(outcome)
    if "bounded" in only:
        for outcome in bounded.run(workdir, plan.bounded_scale, plan.seconds):
            report.add(outcome)
    if "imports" in only:
        for database in databases:
            for outcome in imports.run(database, plan.imported, workdir):
                report.add(outcome)
    elapsed = time.perf_counter() - started
    report.notes.append(f"fast paths {arguments.fast_paths}; took {elapsed / 60:.1f} minutes")
    path = report.write()
    print()
    print(report.table())
    print(f"\n{summary_line(report.outcomes)}; took {elapsed / 60:.1f} minutes; written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
