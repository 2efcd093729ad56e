"""Scenario 1, commands: transfer-case mutations over GraphQL from concurrent clients against
the same use cases called in-process from as many threads, on the same store and CPU.

Each client (or thread) takes its own employees in turn through one cycle: open a case for a
move within the agency, attach three documents, withdraw it (five commands), then the next."""

from __future__ import annotations

import dataclasses
import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from asn_graph.application.commands import AttachDocument, OpenCase, WithdrawCase
from asn_graph.bootstrap import build_service
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_records import DocumentEvidence, DocumentType
from asn_graph.domain.placement import Placement
from asn_graph.domain.transfer_types import Initiative
from benchmarks.load import Client, LoadResult, rounds_of, run_load
from benchmarks.processes import SERVER_CPUS, asn_graph_server, client_cpus, pinned
from benchmarks.report import Outcome, Target
from benchmarks.stores import BenchStore

CLIENTS = 8
DOCUMENTS = (
    DocumentType.POSITION_ANALYSIS,
    DocumentType.LATEST_RANK_DECREE,
    DocumentType.PERFORMANCE_RATINGS,
)
REASON = "Pemerataan pegawai berdasarkan analisis beban kerja"
ISSUED_ON = date(2026, 1, 5)
CASE_FIELDS = "position transferCase { id state }"
OPEN = (
    "mutation($input: OpenTransferCaseInput!) { openTransferCase(input: $input) { "
    + CASE_FIELDS
    + " } }"
)
ATTACH = (
    "mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { "
    + CASE_FIELDS
    + " } }"
)
WITHDRAW = (
    "mutation($input: CaseReasonInput!) { withdrawTransferCase(input: $input) { "
    + CASE_FIELDS
    + " } }"
)


@dataclass(frozen=True)
class Workload:
    """Who moves where: employees of one agency, each with a destination in another unit."""

    agency: str
    moves: list[tuple[str, Placement]]

    def for_client(self, number: int) -> list[tuple[str, Placement]]:
        return self.moves[number::CLIENTS]


def workload(store: BenchStore, per_client: int = 60) -> Workload:
    views = store.service.views
    agency = views.query(
        "SELECT agency_code, COUNT(*) AS n FROM directory_employees "
        "GROUP BY agency_code ORDER BY n DESC, agency_code LIMIT 1"
    )[0]["agency_code"]
    people = views.query(
        "SELECT nip, unit_code FROM directory_employees WHERE agency_code = :agency "
        "AND active_case_id IS NULL ORDER BY nip LIMIT :limit",
        {"agency": agency, "limit": per_client * CLIENTS},
    )
    positions = views.query(
        "SELECT unit_code, code FROM directory_positions WHERE agency_code = :agency "
        "ORDER BY unit_code, code",
        {"agency": agency},
    )
    moves = []
    for index, person in enumerate(people):
        elsewhere = [p for p in positions if p["unit_code"] != person["unit_code"]]
        chosen = elsewhere[index % len(elsewhere)]
        moves.append((person["nip"], Placement(agency, chosen["unit_code"], chosen["code"])))
    return Workload(agency, moves)


def digest(case_id: str, document: DocumentType) -> str:
    return hashlib.sha256(f"{case_id}:{document.value}".encode()).hexdigest()


def _api_session(workload: Workload, token: str) -> Callable[[Client, int], Any]:
    async def call(client: Client, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        data = await client.graphql({"query": query, "variables": variables}, token)
        result: dict[str, Any] = next(iter(data.values()))
        return result

    async def session(client: Client, number: int) -> None:
        moves = workload.for_client(number)
        turn = 0
        while not client.tally.stopping:
            nip, destination = moves[turn % len(moves)]
            turn += 1
            opened = await call(
                client,
                OPEN,
                {
                    "input": {
                        "nip": nip,
                        "destination": {
                            "agencyCode": destination.agency_code,
                            "unitCode": destination.unit_code,
                            "positionCode": destination.position_code,
                        },
                        "initiative": "AGENCY_INTEREST",
                        "reason": REASON,
                    }
                },
            )
            case_id = opened["transferCase"]["id"]
            for document in DOCUMENTS:
                await call(
                    client,
                    ATTACH,
                    {
                        "input": {
                            "caseId": case_id,
                            "documentType": document.name,
                            "number": f"800/{turn}/2026",
                            "issuedOn": ISSUED_ON.isoformat(),
                            "issuer": "BKPSDM",
                            "sha256": digest(case_id, document),
                        }
                    },
                )
            await call(client, WITHDRAW, {"input": {"caseId": case_id, "reason": "Uji beban"}})

    return session


def _direct(store: BenchStore, workload: Workload, warmup: float, seconds: float) -> LoadResult:
    """The same cycles through the application service, one thread per client, in a
    service of this process that projects inline as the API server does."""
    settings = dataclasses.replace(store.settings, projections="inline")
    actor = Actor("bench.officer", Role.OFFICER, agency=workload.agency)
    latencies: list[float] = []
    measuring = threading.Event()
    stopping = threading.Event()
    failures: list[BaseException] = []
    lock = threading.Lock()

    with pinned(SERVER_CPUS), build_service(settings) as service:
        service.read_side.start()
        app = service.app

        def timed(command: Callable[..., Any], *args: Any) -> Any:
            started = time.perf_counter()
            result = command(*args)
            if measuring.is_set():
                with lock:
                    latencies.append(time.perf_counter() - started)
            return result

        def cycles(number: int) -> None:
            try:
                moves = workload.for_client(number)
                turn = 0
                while not stopping.is_set():
                    nip, destination = moves[turn % len(moves)]
                    turn += 1
                    opening = OpenCase(nip, destination, Initiative.AGENCY_INTEREST, REASON)
                    opened = timed(app.cases.open, actor, opening)
                    case_id: UUID = opened.view.id
                    for document in DOCUMENTS:
                        evidence = DocumentEvidence(
                            document,
                            f"800/{turn}/2026",
                            ISSUED_ON,
                            "BKPSDM",
                            digest(str(case_id), document),
                        )
                        timed(app.cases.attach_document, actor, AttachDocument(case_id, evidence))
                    timed(app.cases.withdraw, actor, WithdrawCase(case_id, "Uji beban"))
            except BaseException as error:
                failures.append(error)
                stopping.set()

        threads = [threading.Thread(target=cycles, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        time.sleep(warmup)
        measuring.set()
        started = time.perf_counter()
        stopping.wait(seconds)
        measuring.clear()
        elapsed = time.perf_counter() - started
        measured = list(latencies)
        stopping.set()
        for thread in threads:
            thread.join()
    if failures:
        raise failures[0]
    return LoadResult(len(measured), elapsed, measured)


def exercise(store: BenchStore, seconds: float) -> None:
    """Cases opened, documented and withdrawn through the application service for
    ``seconds``, as this scenario leaves them in its store, and projected."""
    _direct(store, workload(store), 0.0, seconds)
    store.project()


def run(store: BenchStore, seconds: float) -> list[Outcome]:
    """The API and the direct calls take turns in short rounds, as the reads servers do, so
    that a slow spell of the machine falls on both. Only one side runs at a time: the
    server is stopped while the direct calls write (it would project their events on the
    same CPU), and each side starts with the read models at the head of the log."""
    work = workload(store)
    token = store.token(Role.OFFICER, agency=work.agency)
    rounds, window = rounds_of(seconds)
    warmup = min(2.0, seconds / 2)
    api_parts, direct_parts = [], []
    for _ in range(rounds):
        store.project()
        with asn_graph_server(store.settings, store.workdir) as server, pinned(client_cpus()):
            api_parts.append(
                run_load(
                    server.port,
                    _api_session(work, token),
                    clients=CLIENTS,
                    seconds=window,
                    warmup=warmup,
                )
            )
        store.project()
        direct_parts.append(_direct(store, work, warmup, window))
    store.project()
    api, direct = LoadResult.joined(api_parts), LoadResult.joined(direct_parts)
    return [
        Outcome(
            scenario="commands",
            database=store.database,
            measure="case mutations, 8 clients",
            figure=api.per_second,
            unit="mutations/s",
            baseline="/s direct, 8 threads",
            baseline_figure=direct.per_second,
            targets=(Target.ratio_at_least(0.7),),
            details={"api": api.summary(), "direct": direct.summary()},
        )
    ]
