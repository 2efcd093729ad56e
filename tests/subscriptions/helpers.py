"""A real uvicorn server in a thread, and a plain WebSocket client that speaks both protocols."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection, connect

from asn_graph.application.app import AsnGraph
from asn_graph.application.registers import NipRegister
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.employee import Employee
from asn_graph.domain.employee_records import PlacementRecord
from asn_graph.domain.nip import Nip
from asn_graph.domain.reference import Education, EducationLevel, Rank
from tests.conftest import Api
from tests.e2e.scenario import (
    approve_route,
    complete_file,
    decree_and_move,
    open_case,
    placement,
)
from tests.world import person, register

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"

PLACEMENTS = """
subscription Placements($agencyCode: String, $unitCode: String, $sub: Boolean! = false,
                        $after: Int) {
  placementChanged(agencyCode: $agencyCode, unitCode: $unitCode, includeSubUnits: $sub,
                   after: $after) {
    position nip employeeId since transferCaseId decreeNumber reason recordedAt
    placement { agencyCode unitCode positionCode }
    previousPlacement { agencyCode unitCode positionCode }
    actor { id role }
  }
}"""

CASES = """
subscription Cases($id: ID, $agencyCode: String, $unitCode: String, $after: Int) {
  transferCaseChanged(id: $id, agencyCode: $agencyCode, unitCode: $unitCode, after: $after) {
    position transferCaseId state transferType nip
    origin { agencyCode unitCode } destination { agencyCode unitCode }
    event { version eventType reason actor { id role } }
  }
}"""


class ServerThread:
    """uvicorn serving the app on a free port, in its own thread and event loop."""

    def __init__(self, app: Starlette, **options: Any) -> None:
        config = uvicorn.Config(
            app, host="127.0.0.1", port=0, log_level="warning", lifespan="on", **options
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert self.thread.is_alive(), "the server did not start"
            assert time.monotonic() < deadline, "the server took too long to start"
            time.sleep(0.02)
        return self

    @property
    def port(self) -> int:
        port: int = self.server.servers[0].sockets[0].getsockname()[1]
        return port

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(30)


class Socket:
    """One WebSocket connection speaking graphql-transport-ws (or the legacy graphql-ws)."""

    def __init__(self, connection: ClientConnection, protocol: str) -> None:
        self.connection = connection
        self.protocol = protocol

    @classmethod
    async def open(
        cls,
        url: str,
        token: str | None,
        *,
        protocol: str = TRANSPORT_WS,
        origin: str | None = None,
    ) -> Socket:
        headers = {"Origin": origin} if origin else None
        connection = await connect(
            url,
            subprotocols=[protocol],  # type: ignore[list-item]
            additional_headers=headers,
            open_timeout=10,
        )
        socket = cls(connection, protocol)
        payload = {"authorization": f"Bearer {token}"} if token else {}
        await socket.send({"type": "connection_init", "payload": payload})
        return socket

    async def send(self, message: dict[str, Any]) -> None:
        await self.connection.send(json.dumps(message))

    async def receive(self, timeout: float = 10, *, keepalives: bool = False) -> dict[str, Any]:
        """The next message; pings are answered and skipped unless asked for."""
        while True:
            message: dict[str, Any] = json.loads(
                await asyncio.wait_for(self.connection.recv(), timeout)
            )
            if message["type"] == "ping":
                await self.send({"type": "pong"})
            if keepalives or message["type"] not in ("ping", "ka"):
                return message

    async def acknowledged(self) -> None:
        message = await self.receive()
        assert message["type"] == "connection_ack", message

    async def subscribe(
        self, operation_id: str, query: str, variables: dict[str, Any] | None = None
    ) -> None:
        kind = "subscribe" if self.protocol == TRANSPORT_WS else "start"
        await self.send(
            {
                "id": operation_id,
                "type": kind,
                "payload": {"query": query, "variables": variables or {}},
            }
        )

    async def data(self, field: str, count: int, timeout: float = 15) -> list[dict[str, Any]]:
        """The next ``count`` results of a subscription field."""
        results = []
        for _ in range(count):
            message = await self.receive(timeout)
            assert message["type"] in ("next", "data"), message
            assert not message["payload"].get("errors"), message
            results.append(message["payload"]["data"][field])
        return results

    async def close(self) -> None:
        await self.connection.close()


def hire(app: AsnGraph, agency: str, unit: str, sequences: range) -> list[str]:
    """Registers employees (each with a first placement); returns their NIPs."""
    people = [person(agency, unit, sequence) for sequence in sequences]
    for who in people:
        register(app, who)
    return [who.nip for who in people]


def placed_positions(app: AsnGraph, after: int = 0) -> list[int]:
    """Log positions of every placement after ``after``, read straight from the store."""
    notifications = app.store.recorder.select_notifications(
        after + 1, 1_000_000, topics=[Employee.Placed.TOPIC]
    )
    return [n.id for n in notifications]


@asynccontextmanager
async def http_api(served: Any) -> AsyncIterator[Api]:
    """The served API over real HTTP, as the e2e scenarios drive it."""
    async with httpx.AsyncClient(base_url=served.server.http_url, timeout=30) as client:
        yield Api(client, served.tokens, served.service)


async def move(api: Api, nip: str, agency: str, unit: str, decree: str) -> dict[str, Any]:
    """A whole transfer within ``agency`` to ``unit``, through the API; returns the case."""
    case = await open_case(api, nip, agency, placement(agency, unit, "ANALIS-SDM"))
    await complete_file(api, case, agency)
    await approve_route(api, case)
    await decree_and_move(api, case, decree)
    return case


def hire_together(app: AsnGraph, agency: str, unit: str, sequences: range) -> list[str]:
    """Registers and places employees in one transaction, as a bulk import does."""
    officer = Actor(id="import", role=Role.OFFICER, agency=agency)
    saved: list[Employee | NipRegister] = []
    for who in (person(agency, unit, sequence) for sequence in sequences):
        employee = Employee.register(
            nip=Nip.parse(who.nip),
            name=who.name,
            birth_date=who.birth,
            gender=who.gender,
            status=who.status,
            rank=Rank.III_A,
            education=Education(EducationLevel.S1, "Manajemen"),
            competencies=(),
            appointed_on=who.appointed,
            actor=officer,
        )
        employee.place(PlacementRecord(who.placement, date(2023, 1, 2), None, None, None), officer)
        saved += [employee, NipRegister.claim(who.nip, employee.id)]
    app.store.save(*saved)
    return [e.nip for e in saved if isinstance(e, Employee)]
