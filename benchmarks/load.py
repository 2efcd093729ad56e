"""A closed-loop HTTP load generator: N clients, each on its own keep-alive connection, each
sending its next request when the previous answer arrived. Written on asyncio streams rather
than an HTTP library so that the client's own cost stays small beside the server's."""

from __future__ import annotations

import asyncio
import gc
import json
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from benchmarks.common import percentile


class ResponseError(RuntimeError):
    """The server answered, but not with what the benchmark asked for."""


@dataclass
class Tally:
    """Every request's latency, and when the measured window is open."""

    latencies: list[float] = field(default_factory=list)
    measuring: bool = False
    stopping: bool = False

    @property
    def requests(self) -> int:
        return len(self.latencies)


class Client:
    """One keep-alive connection speaking just enough HTTP/1.1 for JSON over POST."""

    def __init__(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, tally: Tally
    ) -> None:
        self.reader = reader
        self.writer = writer
        self.host = host
        self.tally = tally

    @classmethod
    async def connect(cls, host: str, port: int, tally: Tally) -> Client:
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer, f"{host}:{port}", tally)

    async def post(
        self, path: str, payload: bytes, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        return await self.request("POST", path, payload, headers)

    async def request(
        self, method: str, path: str, payload: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}"]
        if payload:
            head += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
        head += [f"{name}: {value}" for name, value in (headers or {}).items()]
        request = ("\r\n".join(head) + "\r\n\r\n").encode() + payload
        started = time.perf_counter()
        self.writer.write(request)
        status, body = await self._response()
        if self.tally.measuring:
            self.tally.latencies.append(time.perf_counter() - started)
        return status, body

    async def post_json(
        self, path: str, document: dict[str, Any], headers: dict[str, str] | None = None
    ) -> Any:
        status, body = await self.post(path, json.dumps(document).encode(), headers)
        if status != 200:
            raise ResponseError(f"HTTP {status}: {body[:300]!r}")
        return json.loads(body)

    async def graphql(self, document: dict[str, Any], token: str) -> dict[str, Any]:
        """POSTs a GraphQL document to /graphql with a bearer token; its data, or an error
        when the answer has errors."""
        answer = await self.post_json("/graphql", document, {"Authorization": f"Bearer {token}"})
        if answer.get("errors"):
            raise ResponseError(str(answer["errors"])[:500])
        data: dict[str, Any] = answer["data"]
        return data

    async def _response(self) -> tuple[int, bytes]:
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        fields = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                fields[name.strip().lower()] = value.strip()
        if "content-length" in fields:
            return status, await self.reader.readexactly(int(fields["content-length"]))
        if fields.get("transfer-encoding", "").lower() == "chunked":
            return status, await self._chunked()
        raise ResponseError(f"a response without a length: {head!r}")

    async def _chunked(self) -> bytes:
        body = bytearray()
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")
                return bytes(body)
            body += await self.reader.readexactly(size)
            await self.reader.readexactly(2)

    async def close(self) -> None:
        self.writer.close()
        await self.writer.wait_closed()


Session = Callable[[Client, int], Coroutine[Any, Any, None]]
"""What one client does, given its number, until ``client.tally.stopping`` is set."""


@dataclass(frozen=True)
class LoadResult:
    requests: int
    seconds: float
    latencies: list[float]

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    def percentile_ms(self, fraction: float) -> float:
        return percentile(self.latencies, fraction) * 1000

    @classmethod
    def joined(cls, parts: list[LoadResult]) -> LoadResult:
        """The windows of ``parts`` taken as one measurement."""
        return cls(
            sum(part.requests for part in parts),
            sum(part.seconds for part in parts),
            [latency for part in parts for latency in part.latencies],
        )

    def summary(self) -> dict[str, float]:
        return {
            "requests": self.requests,
            "requests_per_s": round(self.per_second, 1),
            "p50_ms": round(self.percentile_ms(0.5), 2),
            "p99_ms": round(self.percentile_ms(0.99), 2),
        }


async def _drive(
    host: str, port: int, clients: int, session: Session, warmup: float, seconds: float
) -> LoadResult:
    tally = Tally()
    connections = [await Client.connect(host, port, tally) for _ in range(clients)]
    tasks = [asyncio.create_task(session(c, n)) for n, c in enumerate(connections)]
    try:
        await _sleep_unless_failed(tasks, warmup)
        # The client's collector must not pause in the middle of a measured window.
        gc.collect()
        gc.disable()
        tally.measuring = True
        started = time.perf_counter()
        await _sleep_unless_failed(tasks, seconds)
        tally.measuring = False
        elapsed = time.perf_counter() - started
        measured = list(tally.latencies)
        tally.stopping = True
        await asyncio.gather(*tasks)
    finally:
        gc.enable()
        for task in tasks:
            task.cancel()
        for connection in connections:
            await connection.close()
    return LoadResult(len(measured), elapsed, measured)


async def _sleep_unless_failed(tasks: list[asyncio.Task[None]], seconds: float) -> None:
    done, _ = await asyncio.wait(tasks, timeout=seconds, return_when=asyncio.FIRST_EXCEPTION)
    for task in done:
        task.result()


def run_load(
    port: int,
    session: Session,
    *,
    clients: int,
    seconds: float,
    warmup: float | None = None,
    host: str = "127.0.0.1",
) -> LoadResult:
    """``clients`` sessions against ``host:port``: requests/s and latency of the measured
    window (after ``warmup``, by default half the window up to two seconds)."""
    lead = min(2.0, seconds / 2) if warmup is None else warmup
    return asyncio.run(_drive(host, port, clients, session, lead, seconds))


ROUND_SECONDS = 2.5
"""How long each side of a comparison is measured in one turn."""


def rounds_of(seconds: float) -> tuple[int, float]:
    """How many turns make ``seconds`` of measurement, and how long each turn is."""
    rounds = max(1, round(seconds / ROUND_SECONDS))
    return rounds, seconds / rounds


def interleaved(
    targets: dict[str, tuple[int, Session]], *, clients: int, seconds: float
) -> dict[str, LoadResult]:
    """Each target (a port and what its clients do) loaded in turn, in rounds of
    ``ROUND_SECONDS``, ``seconds`` in all each. On a shared machine a slow spell then falls on
    every target alike, not on whichever happened to be measured during it."""
    rounds, measured = rounds_of(seconds)
    parts: dict[str, list[LoadResult]] = {name: [] for name in targets}
    for turn in range(rounds):
        # The first turn warms each server up as one long window would; later ones only
        # fill the connections again.
        warmup = min(2.0, seconds / 2) if turn == 0 else measured / 4
        for name, (port, session) in targets.items():
            parts[name].append(
                run_load(port, session, clients=clients, seconds=measured, warmup=warmup)
            )
    return {name: LoadResult.joined(results) for name, results in parts.items()}


def repeat(
    method: str,
    path: str,
    payload: dict[str, Any] | None,
    headers: dict[str, str],
    check: Callable[[Any], None],
) -> Session:
    """A session that sends the same request again and again, checking every answer."""
    body = b"" if payload is None else json.dumps(payload).encode()

    async def session(client: Client, _: int) -> None:
        while not client.tally.stopping:
            status, answer = await client.request(method, path, body, headers)
            if status != 200:
                raise ResponseError(f"HTTP {status}: {answer[:300]!r}")
            check(json.loads(answer))

    return session


def cycle(documents: list[dict[str, Any]], token: str) -> Session:
    """A session that sends GraphQL ``documents`` in turn, again and again, and fails on any
    answer with errors."""

    async def session(client: Client, _: int) -> None:
        turn = 0
        while not client.tally.stopping:
            await client.graphql(documents[turn % len(documents)], token)
            turn += 1

    return session
