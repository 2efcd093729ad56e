"""Bounded work per request: the server's memory and liveness under a flood of large,
distinct documents sent without a token.

``asn-graph serve`` runs on an empty SQLite store. Three attacks are sent in turn, four at a
time, while ``/healthz`` is asked every 10 ms:

- ``10 MB bodies``: distinct bodies of about 10 MB (refused with 413 before they are read);
- ``250 KB documents``: distinct documents just under the body limit, near the token limit
  with long names (refused for their length before they are parsed);
- ``token-limit documents``: distinct documents of 4,990 tokens, short enough to be parsed
  (on the documents' thread) and validated, too large to be remembered;
- ``2,400-token documents``: distinct documents small enough to be remembered, which fill
  the remembered documents to their bound in bytes.

Each attack reports the server's peak resident memory beside its memory at rest (target
under 150 MB), and ``/healthz``'s p99 beside its p99 at rest measured in the same run
(target under 100 ms); the memory after the attacks is in the details.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event as EventType
from pathlib import Path

import httpx
import orjson

from asn_graph.api.limits import MAX_TOKENS
from benchmarks.common import percentile, throwaway_store
from benchmarks.processes import Server, asn_graph_server, client_cpus, pinned
from benchmarks.report import Outcome, Target

MEMORY_TARGET_MB = 150
HEALTHZ_TARGET_MS = 100
SENDERS = 4
HEALTHZ_EVERY_S = 0.01
UNREAD_ABOVE = 1_000_000
"""Bodies larger than this are sent on a connection of their own (see ``_post_whole``)."""


@dataclass(frozen=True)
class Attack:
    name: str
    count: int
    body: Callable[[int], bytes]


def _document(tag: str, fields: int, name_length: int) -> str:
    """A document of ``3 * fields + 2`` tokens, distinct by ``tag``."""
    padding = "x" * max(0, name_length - len(tag) - 8)
    aliases = " ".join(f"{tag}{padding}{n:07d}: __typename" for n in range(fields))
    return "{ " + aliases + " }"


def _request(query: str) -> bytes:
    return orjson.dumps({"query": query})


def attacks(scale: int) -> tuple[Attack, ...]:
    near_limit = (MAX_TOKENS - 10) // 3
    return (
        Attack("10 MB bodies", 30, lambda n: _request(f"# {n}\n" + " " * 10_000_000)),
        Attack(
            "250 KB documents",
            60 * scale,
            lambda n: _request(_document(f"a{n}_", near_limit, 135)),
        ),
        Attack(
            "token-limit documents",
            30 * scale,
            lambda n: _request(_document(f"t{n}_", near_limit, 12)),
        ),
        Attack(
            "2,400-token documents",
            40 * scale,
            lambda n: _request(_document(f"r{n}_", 800, 12)),
        ),
    )


@dataclass
class Measured:
    peak_mb: float
    healthz_p99_ms: float
    healthz_median_ms: float
    statuses: dict[str, int]


def _poll_healthz(base_url: str, stop: EventType, results: Connection) -> None:
    """In a process of its own, so that building and sending the attack's bodies does not
    delay the polls."""
    latencies = []
    with httpx.Client(base_url=base_url, timeout=30) as client:
        while not stop.is_set():
            started = time.perf_counter()
            response = client.get("/healthz")
            latencies.append(time.perf_counter() - started)
            response.raise_for_status()
            time.sleep(HEALTHZ_EVERY_S)
    results.send(latencies)


@contextmanager
def _polling_healthz(base_url: str) -> Iterator[list[float]]:
    """``/healthz``'s latencies during the block, in seconds (filled when it ends)."""
    processes = multiprocessing.get_context("spawn")
    stop = processes.Event()
    receiving, sending = processes.Pipe(duplex=False)
    poller = processes.Process(target=_poll_healthz, args=(base_url, stop, sending))
    poller.start()
    latencies: list[float] = []
    try:
        yield latencies
    finally:
        stop.set()
        latencies.extend(receiving.recv())
        poller.join()


async def _post_whole(port: int, body: bytes) -> str:
    """The status line of the answer to a POST whose whole body is sent, read while it is
    still being sent: a server that refuses it unread answers and closes before the upload
    ends, which a client waiting to finish it would take for a broken connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    writer.write(head + body)
    try:
        status = (await asyncio.wait_for(reader.readline(), 60)).decode().split()
    finally:
        writer.transport.abort()
    return status[1] if len(status) > 1 else "no answer"


async def _send(port: int, attack: Attack, statuses: dict[str, int]) -> None:
    numbers = iter(range(attack.count))

    async def sender() -> None:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for number in numbers:
                body = attack.body(number)
                if len(body) > UNREAD_ABOVE:
                    key = await _post_whole(port, body)
                else:
                    response = await client.post(
                        "/graphql", content=body, headers={"Content-Type": "application/json"}
                    )
                    key = str(response.status_code)
                    if response.status_code == 200:
                        errors = response.json().get("errors") or [{}]
                        key += " " + str(errors[0].get("extensions", {}).get("code", "ok"))
                statuses[key] = statuses.get(key, 0) + 1

    await asyncio.gather(*(sender() for _ in range(SENDERS)))


async def _measure(server: Server, attack: Attack | None, seconds: float) -> Measured:
    """``/healthz`` polled during ``attack`` (or for ``seconds`` at rest), memory watched."""
    statuses: dict[str, int] = {}
    server.peak_rss_kb = server.rss_kb()
    with _polling_healthz(server.base_url) as latencies, server.watching_memory(interval=0.02):
        await asyncio.sleep(0.5)  # the poller started
        if attack is None:
            await asyncio.sleep(seconds)
        else:
            await _send(server.port, attack, statuses)
    return Measured(
        peak_mb=server.peak_rss_kb / 1024,
        healthz_p99_ms=percentile(latencies, 0.99) * 1000,
        healthz_median_ms=percentile(latencies, 0.5) * 1000,
        statuses=statuses,
    )


@dataclass
class Run:
    rest: Measured
    rest_mb: float
    attacked: list[tuple[Attack, Measured]]
    after_mb: float


async def _run(server: Server, scale: int, seconds: float) -> Run:
    async with httpx.AsyncClient(base_url=server.base_url) as client:
        for _ in range(20):  # the everyday path warmed up, as a serving process is
            (await client.post("/graphql", json={"query": "{ __typename }"})).raise_for_status()
    rest_mb = server.rss_kb() / 1024
    rest = await _measure(server, None, seconds)
    attacked = [(attack, await _measure(server, attack, seconds)) for attack in attacks(scale)]
    await asyncio.sleep(1.0)
    return Run(rest, rest_mb, attacked, server.rss_kb() / 1024)


def run(workdir: Path, scale: int, seconds: float) -> Iterator[Outcome]:
    """The attacks against one server; ``scale`` multiplies the number of documents sent."""
    folder = workdir / "bounded"
    folder.mkdir(parents=True, exist_ok=True)
    with (
        throwaway_store(True, folder) as settings,
        asn_graph_server(settings, folder) as server,
        pinned(client_cpus()),
    ):
        measured = asyncio.run(_run(server, scale, seconds))
    for attack, under in measured.attacked:
        details = {
            "sent": attack.count,
            "answers": under.statuses,
            "healthz_median_ms": round(under.healthz_median_ms, 2),
            "rss_after_all_attacks_mb": round(measured.after_mb, 1),
            "healthz_at_rest_median_ms": round(measured.rest.healthz_median_ms, 2),
        }
        yield Outcome(
            scenario="bounded",
            database="sqlite",
            measure=f"RSS peak, {attack.name}",
            figure=under.peak_mb,
            unit="MB peak",
            baseline="MB at rest",
            baseline_figure=measured.rest_mb,
            targets=(Target.figure_below(MEMORY_TARGET_MB, "MB"),),
            details=details,
            higher_is_better=False,
        )
        yield Outcome(
            scenario="bounded",
            database="sqlite",
            measure=f"/healthz p99, {attack.name}",
            figure=under.healthz_p99_ms,
            unit="ms",
            baseline="ms p99 at rest",
            baseline_figure=measured.rest.healthz_p99_ms,
            targets=(Target.figure_below(HEALTHZ_TARGET_MS, "ms"),),
            details=details,
            higher_is_better=False,
        )
