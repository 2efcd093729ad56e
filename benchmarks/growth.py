"""Scenario 5, growth, and scenario 6, memory: the placements list and a case by id as the store
grows (median latency at each size against a reference store of the smallest size, up beside
it and measured in the same rounds), and the API process's resident memory under read load at
the largest size."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn_graph.domain.actors import Role
from benchmarks import commands
from benchmarks.load import LoadResult, cycle, interleaved, run_load
from benchmarks.processes import Server, asn_graph_server, client_cpus, pinned
from benchmarks.reads import PLACEMENTS, busiest_unit
from benchmarks.report import Outcome, Target
from benchmarks.stores import BenchStore, bench_store

CASE = (
    "query($id: ID!) { transferCase(id: $id) { id state transferType nip "
    "origin { unitCode positionCode } destination { unitCode positionCode } pendingStep } }"
)
MEMORY_LIMIT_MB = 300
CASES_SECONDS = 2.0


@dataclass(frozen=True)
class Point:
    employees: int
    events: int
    placements: LoadResult
    case_by_id: LoadResult

    def summary(self) -> dict[str, Any]:
        return {
            "employees": self.employees,
            "events": self.events,
            "placements": self.placements.summary(),
            "case_by_id": self.case_by_id.summary(),
        }


@dataclass(frozen=True)
class Step:
    """The reference store and a larger one, measured in the same rounds."""

    reference: Point
    grown: Point


@dataclass(frozen=True)
class Running:
    """A store and its server, up for as long as it is measured."""

    store: BenchStore
    server: Server


@contextmanager
def reference_store(
    database: str, workdir: Path, employees: int, expected: int
) -> Iterator[Running]:
    """A second store of ``employees``, generated as the measured store was (the same
    organisation and people, from the same seed), with transfer cases, and its server."""
    with bench_store(database, workdir / "reference", expected) as store:
        store.grow_to(employees)
        commands.exercise(store, CASES_SECONDS)
        with asn_graph_server(store.settings, store.workdir) as server:
            yield Running(store, server)


def _requests(store: BenchStore) -> tuple[int, list[dict[str, Any]]]:
    """How many rows the placements page holds, and the requests: that page, then cases."""
    agency, unit, rows = busiest_unit(store)
    case_ids = [
        row["id"]
        for row in store.service.views.query("SELECT id FROM directory_cases ORDER BY seq LIMIT 20")
    ]
    if not case_ids:
        raise SystemExit("growth needs transfer cases in the store: run 'commands' first")
    placements = {
        "query": PLACEMENTS,
        "variables": {"filter": {"agencyCode": agency, "unitCode": unit}},
    }
    return rows, [placements] + [{"query": CASE, "variables": {"id": i}} for i in case_ids]


def step(reference: Running, grown: Running, seconds: float) -> Step:
    """Median latencies of both stores, one client at a time, each query on each store in
    turn in short rounds: a slow spell of the machine falls on both sizes, and is not
    counted as growth."""
    rows = set()
    targets = {}
    for side, running in (("reference", reference), ("grown", grown)):
        token = running.store.token(Role.INTEGRATOR)
        page, (placements, *cases) = _requests(running.store)
        rows.add(page)
        targets[f"{side} placements"] = (running.server.port, cycle([placements], token))
        targets[f"{side} case"] = (running.server.port, cycle(cases, token))
    if len(rows) > 1:
        raise SystemExit(
            f"growth would compare first pages of {sorted(rows)} rows: "
            "the reference store is too small to fill a page"
        )
    with pinned(client_cpus()):
        results = interleaved(targets, clients=1, seconds=seconds)
    reference_point, grown_point = (
        Point(
            running.store.employees,
            running.store.service.log.head(),
            results[f"{side} placements"],
            results[f"{side} case"],
        )
        for side, running in (("reference", reference), ("grown", grown))
    )
    return Step(reference_point, grown_point)


def memory(reference: Running, grown: BenchStore, seconds: float) -> tuple[Step, Outcome]:
    """The largest step, measured while the grown store's server memory is watched; then
    eight clients reading placements and cases from it for ``seconds`` more."""
    token = grown.token(Role.INTEGRATOR)
    with asn_graph_server(grown.settings, grown.workdir) as server:
        idle_mb = server.rss_kb() / 1024
        with server.watching_memory():
            measured = step(reference, Running(grown, server), seconds)
            with pinned(client_cpus()):
                _, requests = _requests(grown)
                loaded = run_load(server.port, cycle(requests, token), clients=8, seconds=seconds)
        peak_mb = server.peak_rss_kb / 1024
    return measured, Outcome(
        scenario="memory",
        database=grown.database,
        measure=f"API RSS, {grown.employees:,} employees",
        figure=peak_mb,
        unit="MB peak",
        baseline="MB idle after start",
        baseline_figure=idle_mb,
        targets=(Target.figure_below(MEMORY_LIMIT_MB, "MB"),),
        details={"read_load": loaded.summary(), "events": grown.service.log.head()},
        higher_is_better=False,
    )


PICKS: tuple[tuple[str, Callable[[Point], LoadResult]], ...] = (
    ("placements", lambda p: p.placements),
    ("case by id", lambda p: p.case_by_id),
)


def outcomes(database: str, steps: list[Step]) -> list[Outcome]:
    """Growth to the largest size: its median against the reference store's, measured in
    the same rounds."""
    last = steps[-1]
    details = {
        "steps": [{"reference": s.reference.summary(), "grown": s.grown.summary()} for s in steps]
    }
    span = f"{last.reference.employees // 1000:,}k to {last.grown.employees // 1000:,}k"
    return [
        Outcome(
            scenario="growth",
            database=database,
            measure=f"{name} p50, {span}",
            figure=pick(last.grown).percentile_ms(0.5),
            unit="ms",
            baseline=f"ms at {last.reference.employees:,}",
            baseline_figure=pick(last.reference).percentile_ms(0.5),
            targets=(Target.ratio_below(1.5),),
            details=details,
            higher_is_better=False,
        )
        for name, pick in PICKS
    ]
