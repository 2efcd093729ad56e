"""Scenario pages: the web application's pages on the large store, signed in as the people who
read them. Each page's server time (the access record's ``duration_ms``, as the server
measured it from the request's arrival to its last byte) at p50 and p95 over sequential
requests, against a baseline measured in the same run by the same client: the page's own data
read over GraphQL by one POST (the same operation the page runs), and ``/healthz``. Target:
p95 under 100 ms. Also each page's weight: its own stylesheets and scripts, gzip-compressed,
under 150 KB.

Add a page to ``PAGES``: its name, how to find its address on the store (None when the store
has nothing to show it, or the route does not exist), the reader's role, and the GraphQL
operation it reads (the baseline)."""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn_graph.api.web.sessions import SESSION_COOKIE
from asn_graph.application.commands import AttachDocument, OpenCase, SubmitCase, WithdrawCase
from asn_graph.bootstrap import Service, build_service
from asn_graph.documents import package_documents
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_records import DocumentEvidence
from asn_graph.domain.errors import DomainError
from asn_graph.domain.placement import Placement
from asn_graph.domain.transfer_types import Initiative
from asn_graph.projections.staffing_queries import StaffingQueries
from benchmarks.commands import DOCUMENTS, ISSUED_ON, REASON, digest, workload
from benchmarks.common import percentile
from benchmarks.load import Client, ResponseError, Tally
from benchmarks.processes import asn_graph_server, client_cpus, pinned
from benchmarks.report import Outcome, Target
from benchmarks.stores import BenchStore

P95_TARGET_MS = 100.0
WEIGHT_TARGET_KB = 150.0
WARMUP_REQUESTS = 20


@dataclass(frozen=True)
class PageProbe:
    """A page to measure: ``address(store, agency)`` is its path (None: nothing to show);
    ``document`` and ``variables(store, agency)`` the GraphQL read it makes, for the
    baseline."""

    name: str
    role: Role
    address: Callable[[BenchStore, str], str | None]
    document: str
    variables: Callable[[BenchStore, str], dict[str, Any]]


def _dashboard_variables(_: BenchStore, agency: str) -> dict[str, Any]:
    return {"agencyCode": agency, "gaps": 10}


def _a_case(store: BenchStore, agency: str) -> str | None:
    rows = store.service.views.query(
        "SELECT id FROM directory_cases WHERE origin_agency = :agency "
        "OR destination_agency = :agency ORDER BY id LIMIT 1",
        {"agency": agency},
    )
    return f"/kasus/{rows[0]['id']}" if rows else None


def open_a_case(store: BenchStore, agency: str) -> None:
    """A case of the agency with its documents, submitted, for the case page to show (the
    bulk grower writes employees only): opened through the use cases, as an officer does,
    into a position short of staff that admits the employee (the first pair the rules let
    through; a case the rules stop at submission is withdrawn)."""
    if _a_case(store, agency) is not None:
        return
    shortages = StaffingQueries(store.service.views).largest_gaps(agency, False, 20)
    people = [nip for nip, _ in workload(store, per_client=3).moves]
    actor = Actor("bench.officer", Role.OFFICER, agency=agency)
    # A service of this process that projects inline, as the API server does.
    with build_service(dataclasses.replace(store.settings, projections="inline")) as service:
        service.read_side.start()
        for nip, short in itertools.product(people, shortages):
            destination = Placement(agency, short.unit_code, short.position_code)
            if _submitted(service, actor, nip, destination):
                break
        else:
            raise RuntimeError(f"no case of {agency} gets past the rules to be submitted")
    store.service.projector.catch_up()


def _submitted(service: Service, actor: Actor, nip: str, destination: Placement) -> bool:
    cases = service.app.cases
    opening = OpenCase(nip, destination, Initiative.AGENCY_INTEREST, REASON)
    try:
        case_id = cases.open(actor, opening).view.id
    except DomainError:
        return False
    for number, document in enumerate(DOCUMENTS, start=1):
        evidence = DocumentEvidence(
            document, f"800/{number}/2026", ISSUED_ON, "BKPSDM", digest(str(case_id), document)
        )
        cases.attach_document(actor, AttachDocument(case_id, evidence))
    try:
        cases.submit(actor, SubmitCase(case_id))
    except DomainError:
        cases.withdraw(actor, WithdrawCase(case_id, "Tujuan tidak memenuhi aturan"))
        return False
    return True


def _case_variables(store: BenchStore, agency: str) -> dict[str, Any]:
    address = _a_case(store, agency)
    return {"id": address.rsplit("/", 1)[1] if address else ""}


PAGES: tuple[PageProbe, ...] = (
    PageProbe("/dasbor", Role.OFFICER, lambda _, __: "/dasbor", "Dashboard", _dashboard_variables),
    PageProbe("/kasus/{caseId}", Role.OFFICER, _a_case, "TransferCase", _case_variables),
)


def busiest_agency(store: BenchStore) -> str:
    """The agency with the most employees: the largest dashboard."""
    row = store.service.views.query(
        "SELECT agency_code, COUNT(*) AS n FROM directory_employees "
        "GROUP BY agency_code ORDER BY n DESC, agency_code LIMIT 1"
    )[0]
    return str(row["agency_code"])


def run(store: BenchStore, requests: int) -> list[Outcome]:
    agency = busiest_agency(store)
    open_a_case(store, agency)
    outcomes: list[Outcome] = []
    log = store.workdir / "asn-graph-serve.log"
    with (
        asn_graph_server(store.settings, store.workdir, ASN_GRAPH_LOG_FORMAT="json") as server,
        pinned(client_cpus()),
    ):
        for probe in PAGES:
            address = probe.address(store, agency)
            if address is None:
                print(f"pages: {probe.name} has nothing to show on this store")
                continue
            token = store.token(probe.role, agency)
            measured = asyncio.run(
                _measure(server.port, probe, address, token, store, agency, requests)
            )
            durations = _server_durations(log, measured["paths"])
            outcomes += _outcomes(store, probe, address, agency, measured, durations)
    return outcomes


async def _measure(
    port: int,
    probe: PageProbe,
    address: str,
    token: str,
    store: BenchStore,
    agency: str,
    requests: int,
) -> dict[str, Any]:
    tally = Tally()
    client = await Client.connect("127.0.0.1", port, tally)
    cookie = {"Cookie": f"{SESSION_COOKIE}={token}"}
    graphql = json.dumps(
        {
            "query": package_documents()[probe.document],
            "operationName": probe.document,
            "variables": probe.variables(store, agency),
        }
    ).encode()
    bearer = {"Authorization": f"Bearer {token}"}
    try:
        status, page = await client.request("GET", address, headers=cookie)
        if status == 404:
            return {"missing": True, "paths": {}}
        if status != 200:
            raise ResponseError(f"{address}: HTTP {status}: {page[:300]!r}")
        for _ in range(WARMUP_REQUESTS):
            await client.request("GET", address, headers=cookie)
            await client.post("/graphql", graphql, bearer)
        tally.measuring = True
        client_times: dict[str, list[float]] = {"page": [], "graphql": [], "healthz": []}
        for _ in range(requests):
            # In turn, so that a slow spell of the shared machine falls on all three alike.
            for kind in ("page", "graphql", "healthz"):
                before = len(tally.latencies)
                if kind == "page":
                    status, _body = await client.request("GET", address, headers=cookie)
                elif kind == "graphql":
                    status, _body = await client.post("/graphql", graphql, bearer)
                else:
                    status, _body = await client.request("GET", "/healthz")
                if status != 200:
                    raise ResponseError(f"{kind}: HTTP {status}")
                client_times[kind].append(tally.latencies[before])
        weight = await _weight(client, page.decode())
    finally:
        await client.close()
    return {
        "missing": False,
        "client": client_times,
        "weight": weight,
        "html_gzip_bytes": len(gzip.compress(page)),
        "paths": {"page": address.split("?")[0], "graphql": "/graphql", "healthz": "/healthz"},
    }


async def _weight(client: Client, html: str) -> dict[str, int]:
    """The page's own stylesheets and scripts, each gzip-compressed, by address."""
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assets += re.findall(r'<script[^>]* src="([^"]+)"', html)
    sizes = {}
    for asset in assets:
        status, body = await client.request("GET", asset)
        if status != 200:
            raise ResponseError(f"{asset}: HTTP {status}")
        sizes[asset] = len(gzip.compress(body))
    return sizes


def _server_durations(log: Path, paths: dict[str, str]) -> dict[str, list[float]]:
    """The access records' durations (ms) of the measured paths, the last of each kind: the
    server's own time for each request (empty when the log holds none)."""
    if not paths:
        return {}
    found: dict[str, list[float]] = {kind: [] for kind in paths}
    wanted = {path: kind for kind, path in paths.items()}
    time.sleep(1.5)  # the access records are written in batches
    for line in log.read_text(errors="replace").splitlines():
        if not line.startswith("{"):
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        access = record.get("access", record)
        kind = wanted.get(str(access.get("path")))
        if kind is not None and access.get("duration_ms") is not None:
            found[kind].append(float(access["duration_ms"]))
    return found


def _outcomes(
    store: BenchStore,
    probe: PageProbe,
    address: str,
    agency: str,
    measured: dict[str, Any],
    server: dict[str, list[float]],
) -> list[Outcome]:
    if measured["missing"]:
        print(f"pages: {probe.name} is not served here (404)")
        return []
    requests = len(measured["client"]["page"])

    def times(kind: str) -> tuple[list[float], str]:
        """Server times of the measured requests when the log has them, else the client's."""
        logged = server.get(kind, [])
        if len(logged) >= requests:
            return logged[-requests:], "server"
        return [t * 1000 for t in measured["client"][kind]], "client"

    page, source = times("page")
    graphql, _ = times("graphql")
    healthz, _ = times("healthz")
    summary = {
        kind: {
            "p50_ms": round(percentile(values, 0.5), 2),
            "p95_ms": round(percentile(values, 0.95), 2),
        }
        for kind, values in (("page", page), ("graphql", graphql), ("healthz", healthz))
    }
    details = {
        "address": address,
        "agency": agency,
        "employees": store.employees,
        "requests": requests,
        "timed_by": source,
        **summary,
        "client_page_p95_ms": round(percentile(measured["client"]["page"], 0.95) * 1000, 2),
    }
    weight_kb = sum(measured["weight"].values()) / 1024
    return [
        Outcome(
            scenario="pages",
            database=store.database,
            measure=f"{probe.name} p95",
            figure=summary["page"]["p95_ms"],
            unit="ms",
            baseline=f"ms p95 GraphQL {probe.document}",
            baseline_figure=summary["graphql"]["p95_ms"],
            targets=(Target.figure_below(P95_TARGET_MS, "ms"),),
            details=details,
            higher_is_better=False,
        ),
        Outcome(
            scenario="pages",
            database=store.database,
            measure=f"{probe.name} p50",
            figure=summary["page"]["p50_ms"],
            unit="ms",
            baseline="ms p50 /healthz",
            baseline_figure=summary["healthz"]["p50_ms"],
            targets=(),
            details=details,
            higher_is_better=False,
        ),
        Outcome(
            scenario="pages",
            database=store.database,
            measure=f"{probe.name} weight",
            figure=round(weight_kb, 1),
            unit="KB gzip",
            baseline="KB gzip HTML itself",
            baseline_figure=round(measured["html_gzip_bytes"] / 1024, 1),
            targets=(Target.figure_below(WEIGHT_TARGET_KB, "KB"),),
            details={"assets_gzip_bytes": measured["weight"], "address": address},
            higher_is_better=False,
        ),
    ]
