"""Subscription latency on PostgreSQL: from a commit to each of N subscribers of a separate
API process (uvicorn, graphql-transport-ws), against the bare LISTEN/NOTIFY wake-up of the same
commits in the same run (the floor any feed built on the database's notifications stands on).

    python -m benchmarks.subscriptions [--subscribers 200] [--writes 40] [--search]

The writer commits one employee registration (with its first placement) at a time, as another
API process would, and every subscriber follows all placements. ``--search`` then raises the
number of subscribers in steps of 100 until the p99 latency passes 100 ms, and reports the
largest count under it.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from websockets.asyncio.client import ClientConnection, connect

from asn_graph.api.auth import TokenService
from asn_graph.application.commands import RegisterEmployee
from asn_graph.bootstrap import Service, build_service
from asn_graph.demo.bulk import grow, positions_of
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.nip import Gender
from asn_graph.domain.reference import Education, EducationLevel, EmploymentStatus, Rank
from asn_graph.settings import Settings
from benchmarks.common import record, summary_ms, throwaway_store
from benchmarks.processes import asn_graph_server

TARGET_P99_S = 0.100
STEP = 100
SUBSCRIPTION = (
    "subscription { placementChanged { position nip placement { agencyCode unitCode "
    "positionCode } previousPlacement { unitCode } since actor { id role } } }"
)


@dataclass
class Writes:
    """When each write committed, by the log positions it took."""

    committed: list[tuple[int, int, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, first: int, last: int, at: float) -> None:
        with self.lock:
            self.committed.append((first, last, at))

    def time_of(self, position: int) -> float | None:
        for first, last, at in self.committed:
            if first <= position <= last:
                return at
        return None


def _write(service: Service, writes: Writes, count: int, interval: float, offset: int) -> None:
    slots = [s.placement for s in positions_of(service)]
    for index in range(count):
        placement = slots[index % len(slots)]
        officer = Actor("bench-writer", Role.OFFICER, agency=placement.agency_code)
        birth = date(1970, 1, 1) + timedelta(days=offset + index)
        before = service.log.head()
        service.app.employees.register(
            officer,
            RegisterEmployee(
                f"{birth:%Y%m%d}201003{Gender.MALE.value}001",
                f"Pegawai Uji {offset + index}",
                birth,
                Gender.MALE,
                EmploymentStatus.PNS,
                Rank.III_A,
                Education(EducationLevel.S1, "Manajemen"),
                (),
                date(2010, 3, 1),
                placement,
                date(2020, 1, 2),
            ),
        )
        committed = time.perf_counter()
        writes.add(before + 1, service.log.head(), committed)
        time.sleep(interval)


async def _subscriber(url: str, token: str, out: list[tuple[int, float]]) -> ClientConnection:
    """Connects, subscribes, and records each change's position and arrival time."""
    connection = await connect(
        url,
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        max_queue=None,
    )
    init = {"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}
    await connection.send(json.dumps(init))
    assert json.loads(await connection.recv())["type"] == "connection_ack"
    subscribe = {"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIPTION}}
    await connection.send(json.dumps(subscribe))

    async def receive() -> None:
        async for raw in connection:
            arrived = time.perf_counter()
            message = json.loads(raw)
            if message["type"] == "next":
                change = message["payload"]["data"]["placementChanged"]
                out.append((change["position"], arrived))
            elif message["type"] == "ping":
                await connection.send('{"type":"pong"}')

    receiving.add(asyncio.get_running_loop().create_task(receive()))
    return connection


receiving: set[asyncio.Task[None]] = set()


async def _bare_listener(
    settings: Settings, channel: str, out: list[float], started: asyncio.Event
) -> None:
    async with await psycopg.AsyncConnection.connect(settings.database_url, autocommit=True) as c:
        await c.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
        started.set()
        async for _ in c.notifies():
            out.append(time.perf_counter())


async def _round(
    url: str,
    token: str,
    settings: Settings,
    service: Service,
    subscribers: int,
    writes_count: int,
    offset: int,
) -> dict[str, Any]:
    received: list[tuple[int, float]] = []
    connections: list[ClientConnection] = []
    for start in range(0, subscribers, 50):
        batch = range(start, min(subscribers, start + 50))
        connections += await asyncio.gather(*(_subscriber(url, token, received) for _ in batch))
    await asyncio.sleep(1.0)  # every subscription has joined the feed

    notified: list[float] = []
    listening = asyncio.Event()
    channel = service.log.channel
    assert channel is not None
    listener = asyncio.create_task(_bare_listener(settings, channel, notified, listening))
    await listening.wait()

    writes = Writes()
    # The measuring client must not pause to collect garbage in the middle of a fan-out.
    gc.collect()
    gc.disable()
    interval = max(0.15, subscribers * 0.0006)
    await asyncio.to_thread(_write, service, writes, writes_count, interval, offset)
    await asyncio.sleep(2.0)
    gc.enable()
    listener.cancel()
    for connection in connections:
        await connection.close()

    latencies = [t - at for position, t in received if (at := writes.time_of(position))]
    expected = writes_count * subscribers
    baseline = []
    for _first, _last, at in writes.committed:
        after = [t for t in notified if t >= at - 0.05]
        if after:
            baseline.append(max(0.0, min(after) - at))
    return {
        "subscribers": subscribers,
        "writes": writes_count,
        "messages": len(latencies),
        "messages_expected": expected,
        **summary_ms(latencies),
        "baseline_bare_listen": summary_ms(baseline),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=200)
    parser.add_argument("--writes", type=int, default=40)
    parser.add_argument(
        "--search", action="store_true", help="find the most subscribers under 100 ms p99"
    )
    parser.add_argument(
        "--projections",
        choices=("inline", "external"),
        default="inline",
        help="whether the API process also runs the projections (the default) or not",
    )
    arguments = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="asn-graph-bench-"))
    with throwaway_store(False, workdir) as settings, build_service(settings) as service:
        grow(service, 500)
        service.projector.catch_up()
        token = TokenService(settings.signing_secret()).mint(
            role=Role.INTEGRATOR, subject="bench", national=True
        )
        with asn_graph_server(settings, workdir, projections=arguments.projections) as server:
            url = f"ws://127.0.0.1:{server.port}/graphql"
            first = asyncio.run(
                _round(url, token, settings, service, arguments.subscribers, arguments.writes, 0)
            )
            result: dict[str, Any] = {
                "scenario": "subscriptions: commit to subscriber, PostgreSQL, another process",
                **first,
                "ratio_p99_to_bare_listen": round(
                    first["p99_ms"] / max(first["baseline_bare_listen"]["p99_ms"], 0.01), 1
                ),
                "target_p99_ms": TARGET_P99_S * 1000,
                "meets_target": first["p99_ms"] < TARGET_P99_S * 1000,
            }
            if arguments.search:
                rounds = []
                count, offset, best = STEP, arguments.writes, 0
                while True:
                    outcome = asyncio.run(_round(url, token, settings, service, count, 20, offset))
                    offset += 20
                    rounds.append(outcome)
                    print(json.dumps(outcome), file=sys.stderr)
                    if (
                        outcome["p99_ms"] >= TARGET_P99_S * 1000
                        or outcome["messages"] < outcome["messages_expected"]
                    ):
                        break
                    best = count
                    count += STEP
                result["search"] = rounds
                result["most_subscribers_under_100ms_p99"] = best
            record("subscriptions", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
