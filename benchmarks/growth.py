"""Scenario 5, growth, and scenario 6, memory: the placements list and a case by id as the store
grows (median latency at each size against the smallest), and the API process's resident
memory under read load at the largest size."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from asn_graph.domain.actors import Role
from benchmarks.load import LoadResult, cycle, run_load
from benchmarks.processes import Server, asn_graph_server, client_cpus, pinned
from benchmarks.reads import PLACEMENTS, busiest_unit
from benchmarks.report import Outcome, Target
from benchmarks.stores import BenchStore

CASE = (
    "query($id: ID!) { transferCase(id: $id) { id state transferType nip "
    "origin { unitCode positionCode } destination { unitCode positionCode } pendingStep } }"
)
MEMORY_LIMIT_MB = 300


@dataclass(frozen=True)
class Point:
    employees: int
    events: int
    placements: LoadResult
    case_by_id: LoadResult


def _requests(store: BenchStore) -> list[dict[str, Any]]:
    agency, unit, _ = busiest_unit(store)
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
    return [placements] + [{"query": CASE, "variables": {"id": i}} for i in case_ids]


def measure(store: BenchStore, seconds: float, server: Server) -> Point:
    """Median latencies, one client at a time, on a running server."""
    token = store.token(Role.INTEGRATOR)
    placements, *cases = _requests(store)
    with pinned(client_cpus()):
        listed = run_load(server.port, cycle([placements], token), clients=1, seconds=seconds)
        found = run_load(server.port, cycle(cases, token), clients=1, seconds=seconds)
    return Point(store.employees, store.service.log.head(), listed, found)


def point(store: BenchStore, seconds: float) -> Point:
    with asn_graph_server(store.settings, store.workdir) as server:
        return measure(store, seconds, server)


def memory(store: BenchStore, seconds: float) -> tuple[Point, Outcome]:
    """The largest point, measured while the server's memory is watched; then eight clients
    reading placements and cases for ``seconds`` more."""
    token = store.token(Role.INTEGRATOR)
    with asn_graph_server(store.settings, store.workdir) as server:
        idle_mb = server.rss_kb() / 1024
        with server.watching_memory():
            measured = measure(store, seconds, server)
            with pinned(client_cpus()):
                loaded = run_load(
                    server.port, cycle(_requests(store), token), clients=8, seconds=seconds
                )
        peak_mb = server.peak_rss_kb / 1024
    return measured, Outcome(
        scenario="memory",
        database=store.database,
        measure=f"API RSS, {store.employees:,} employees",
        figure=peak_mb,
        unit="MB peak",
        baseline="MB idle after start",
        baseline_figure=idle_mb,
        targets=(Target.figure_below(MEMORY_LIMIT_MB, "MB"),),
        details={"read_load": loaded.summary(), "events": store.service.log.head()},
        higher_is_better=False,
    )


PICKS: tuple[tuple[str, Callable[[Point], LoadResult]], ...] = (
    ("placements", lambda p: p.placements),
    ("case by id", lambda p: p.case_by_id),
)


def outcomes(store: BenchStore, points: list[Point]) -> list[Outcome]:
    first, last = points[0], points[-1]
    details = {
        "points": [
            {
                "employees": p.employees,
                "events": p.events,
                "placements": p.placements.summary(),
                "case_by_id": p.case_by_id.summary(),
            }
            for p in points
        ]
    }
    span = f"{first.employees // 1000:,}k to {last.employees // 1000:,}k"
    return [
        Outcome(
            scenario="growth",
            database=store.database,
            measure=f"{name} p50, {span}",
            figure=pick(last).percentile_ms(0.5),
            unit="ms",
            baseline=f"ms at {first.employees:,}",
            baseline_figure=pick(first).percentile_ms(0.5),
            targets=(Target.ratio_below(1.5),),
            details=details,
            higher_is_better=False,
        )
        for name, pick in PICKS
    ]
