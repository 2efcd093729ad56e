"""Scenario 2, reads: the first 50 current placements of a unit (six fields) over GraphQL,
against the same rows from a plain Starlette JSON endpoint and, on PostgreSQL, from
PostGraphile 4 over the same read-model table; every server on the same CPU allowance,
measured by the same client, each in turn in short rounds."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from asn_graph.domain.actors import Role
from benchmarks.load import ResponseError, interleaved, repeat
from benchmarks.postgraphile import postgraphile
from benchmarks.postgraphile import version as postgraphile_version
from benchmarks.processes import Server, asn_graph_server, client_cpus, free_port, pinned, serve
from benchmarks.report import Outcome, Target
from benchmarks.stores import BenchStore

CLIENTS = 8
PAGE = 50
PLACEMENTS = (
    "query($filter: PlacementFilterInput!) { placements(filter: $filter, first: 50) "
    "{ edges { node { nip name rank unitCode positionCode since } } } }"
)
POSTGRAPHILE_PLACEMENTS = (
    "query($agency: String!, $unit: String!) { allDirectoryEmployees(first: 50, "
    "orderBy: NIP_ASC, condition: {agencyCode: $agency, unitCode: $unit}) "
    "{ nodes { nip name rank unitCode positionCode placedSince } } }"
)


def busiest_unit(store: BenchStore) -> tuple[str, str, int]:
    """The unit with the most people placed directly in it (the fullest first page), and
    how many rows its first page holds."""
    row = store.service.views.query(
        "SELECT agency_code, unit_code, COUNT(*) AS n FROM directory_employees "
        "WHERE unit_code IS NOT NULL GROUP BY agency_code, unit_code "
        "ORDER BY n DESC, agency_code, unit_code LIMIT 1"
    )[0]
    return row["agency_code"], row["unit_code"], min(PAGE, int(row["n"]))


def _rows_of(path: list[str], expected: int) -> Any:
    def check(answer: Any) -> None:
        if answer.get("errors"):
            raise ResponseError(str(answer["errors"])[:500])
        found = answer
        for key in path:
            found = found[key]
        if len(found) != expected:
            raise ResponseError(f"{len(found)} rows, not {expected}")

    return check


@contextmanager
def plain_endpoint(store: BenchStore) -> Iterator[Server]:
    port = free_port()
    with serve(
        [sys.executable, "-m", "benchmarks.plain_endpoint", "--port", str(port)],
        store.settings.environment_for_peer(PYTHONPATH=str(Path(__file__).parent.parent)),
        port=port,
        health_path="/healthz",
        cwd=store.workdir,
        log=store.workdir / "plain-endpoint.log",
    ) as server:
        yield server


def run(store: BenchStore, seconds: float) -> list[Outcome]:
    agency, unit, expected = busiest_unit(store)
    token = store.token(Role.INTEGRATOR)
    headers = {"Authorization": f"Bearer {token}"}
    sessions = {
        "graphql": repeat(
            "POST",
            "/graphql",
            {
                "query": PLACEMENTS,
                "variables": {"filter": {"agencyCode": agency, "unitCode": unit}},
            },
            headers,
            _rows_of(["data", "placements", "edges"], expected),
        ),
        "plain": repeat(
            "GET",
            f"/placements?agency={agency}&unit={unit}",
            None,
            headers,
            _rows_of(["placements"], expected),
        ),
    }
    if store.database == "postgresql":
        sessions["postgraphile"] = repeat(
            "POST",
            "/graphql",
            {"query": POSTGRAPHILE_PLACEMENTS, "variables": {"agency": agency, "unit": unit}},
            {},
            _rows_of(["data", "allDirectoryEmployees", "nodes"], expected),
        )
    with ExitStack() as servers:
        # Every server is up (and idle but for its turn) while the others are measured.
        ports = {
            "graphql": servers.enter_context(asn_graph_server(store.settings, store.workdir)),
            "plain": servers.enter_context(plain_endpoint(store)),
        }
        if "postgraphile" in sessions:
            ports["postgraphile"] = servers.enter_context(
                postgraphile(store.settings, store.workdir)
            )
        with pinned(client_cpus()):
            results = interleaved(
                {name: (ports[name].port, sessions[name]) for name in sessions},
                clients=CLIENTS,
                seconds=seconds,
            )
    graphql = results["graphql"]
    details = {
        "unit": f"{agency}/{unit}",
        "rows": expected,
        "graphql": graphql.summary(),
        "plain": results["plain"].summary(),
    }
    outcomes = [
        Outcome(
            scenario="reads",
            database=store.database,
            measure="placements vs plain JSON",
            figure=graphql.per_second,
            unit="req/s",
            baseline="req/s plain Starlette",
            baseline_figure=results["plain"].per_second,
            targets=(Target.ratio_at_least(0.5),),
            details=details,
        )
    ]
    if "postgraphile" in results:
        other = results["postgraphile"]
        outcomes.append(
            Outcome(
                scenario="reads",
                database=store.database,
                measure="placements vs PostGraphile",
                figure=graphql.per_second,
                unit="req/s",
                baseline=f"req/s PostGraphile {postgraphile_version()}",
                baseline_figure=other.per_second,
                targets=(Target.ratio_at_least(1.0),),
                details={**details, "postgraphile": other.summary()},
            )
        )
    return outcomes
