"""The API while its PostgreSQL server is away: every request is answered within the database
timeout (UNAVAILABLE, /readyz 503, /healthz 200), nothing is recorded that was not
acknowledged, and the server and its read models carry on when the database comes back.

Each test runs its own PostgreSQL server (``PrivatePostgres``) and stops or freezes it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.application.clock import FixedClock
from asn_graph.bootstrap import Service, build_service
from asn_graph.domain.actors import Role
from asn_graph.domain.errors import NotFound
from asn_graph.settings import Settings
from tests.conftest import FAST_PATHS, SECRET
from tests.e2e.test_bad_input import registration
from tests.outages.private_postgres import PrivatePostgres
from tests.subscriptions.helpers import PLACEMENTS, ServerThread, Socket
from tests.world import TODAY, build_organisation

pytestmark = pytest.mark.postgres

PATIENCE = 20.0
"""How long the tests' client waits for an answer: far beyond the database timeout (2 s),
far below the minutes a call waited before the calls were bounded."""

REGISTER = """
mutation Register($input: RegisterEmployeeInput!, $key: String) {
  registerEmployee(input: $input, idempotencyKey: $key) { replayed employee { nip } }
}"""
AGENCY_FROM_STORE = '{ agency(code: "3578") { code name } }'
AGENCIES_FROM_READ_MODELS = "{ agencies { code } }"
STAFF_COUNT = '{ employees(filter: {agencyCode: "3578"}) { totalCount } }'


@dataclass
class Deployment:
    database: PrivatePostgres
    service: Service
    server: ServerThread
    client: httpx.AsyncClient
    token: str

    async def graphql(self, query: str, variables: dict[str, Any] | None = None) -> Any:
        response = await self.client.post(
            "/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"Authorization": f"Bearer {self.token}"},
        )
        assert response.status_code == 200, response.text
        return response.json()

    async def register(self, nip: str) -> Any:
        return await self.graphql(REGISTER, {"input": registration(nip), "key": f"register-{nip}"})

    def stored(self, nip: str) -> bool:
        try:
            self.service.store.employee(nip)
        except NotFound:
            return False
        return True

    async def ready(self) -> httpx.Response:
        """/readyz once it answers 200 with the read models holding the whole log (the read
        side catching up after an outage)."""
        for _ in range(200):
            response = await self.client.get("/readyz")
            if response.status_code == 200 and response.json()["lag"] == 0:
                return response
            await asyncio.sleep(0.1)
        raise AssertionError(f"never ready again: {response.text}")

    def stop_serving(self) -> None:
        """Ends the server, waiting for the calls it still runs (a command stuck on the
        database finishes or fails first)."""
        self.server.__exit__()


@pytest.fixture
def database() -> Iterator[PrivatePostgres]:
    server = PrivatePostgres()
    server.start()
    yield server
    server.close()


@pytest.fixture
async def deployment(database: PrivatePostgres) -> AsyncIterator[Deployment]:
    settings = Settings(
        database_url=database.url,
        jwt_secret=SECRET,
        pool_size=4,
        fast_paths=FAST_PATHS,
        database_timeout_seconds=2.0,
        # A frozen server answers nothing: the request's own bound is what answers for it.
        request_timeout_seconds=2.0,
    )
    tokens = TokenService(SECRET)
    token = tokens.mint(role=Role.OFFICER, subject="officer-3578", agency="3578")
    with ExitStack() as stack:
        service = stack.enter_context(build_service(settings, clock=FixedClock(TODAY)))
        build_organisation(service.app)
        server = stack.enter_context(ServerThread(create_app(service, tokens)))
        async with httpx.AsyncClient(base_url=server.http_url, timeout=PATIENCE) as client:
            yield Deployment(database, service, server, client, token)


def _unavailable(body: Any) -> str:
    assert body["data"] is None, body
    [error] = body["errors"]
    assert error["extensions"] == {"code": "UNAVAILABLE"}, error
    assert "Traceback" not in error["message"]
    assert "database" in error["message"]
    message: str = error["message"]
    return message


def new_nip(sequence: int) -> str:
    """A NIP that fits ``registration``'s birth date, appointment and gender."""
    return f"199005172015032{sequence:03d}"


async def test_every_request_is_answered_while_the_database_is_stopped(
    deployment: Deployment,
) -> None:
    assert (await deployment.graphql(AGENCIES_FROM_READ_MODELS))["data"]["agencies"]
    deployment.database.stop()

    alive = await deployment.client.get("/healthz")
    assert alive.status_code == 200
    ready = await deployment.client.get("/readyz")
    assert ready.status_code == 503
    assert "the database is unreachable" in ready.json()["reason"]
    _unavailable(await deployment.graphql(AGENCIES_FROM_READ_MODELS))
    _unavailable(await deployment.graphql(AGENCY_FROM_STORE))
    nip = new_nip(1)
    _unavailable(await deployment.register(nip))

    deployment.database.start()
    assert not deployment.stored(nip)
    await deployment.ready()
    assert (await deployment.graphql(AGENCY_FROM_STORE))["data"]["agency"]["code"] == "3578"
    registered = await deployment.register(nip)
    assert not registered.get("errors"), registered
    assert registered["data"]["registerEmployee"]["replayed"] is False
    assert deployment.stored(nip)


async def test_a_subscription_is_told_the_database_is_away(deployment: Deployment) -> None:
    deployment.database.stop()
    socket = await Socket.open(deployment.server.ws_url, deployment.token)
    await socket.acknowledged()
    await socket.subscribe("1", PLACEMENTS, {"after": 0})
    message = await socket.receive(timeout=PATIENCE)
    await socket.close()
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert [error["extensions"]["code"] for error in errors] == ["UNAVAILABLE"], message


async def test_a_command_given_up_on_a_frozen_server_is_not_recorded_when_it_thaws(
    deployment: Deployment,
) -> None:
    nip = new_nip(2)
    deployment.database.freeze()
    _unavailable(await deployment.graphql(AGENCY_FROM_STORE))
    _unavailable(await deployment.register(nip))
    assert (await deployment.client.get("/healthz")).status_code == 200
    assert (await deployment.client.get("/readyz")).status_code == 503

    deployment.database.thaw()
    # The threads that waited on the frozen server go on now; once the server has finished
    # with them, the command it answered for is still not in the store.
    deployment.stop_serving()
    assert not deployment.stored(nip)


async def test_acknowledged_commands_are_stored_and_refused_ones_only_if_cut_in_commit(
    deployment: Deployment,
) -> None:
    before = (await deployment.graphql(STAFF_COUNT))["data"]["employees"]["totalCount"]
    acknowledged: list[str] = []
    refused: list[str] = []
    restarted = asyncio.Event()

    async def restart() -> None:
        while len(acknowledged) < 5:
            await asyncio.sleep(0.01)
        await asyncio.to_thread(deployment.database.stop)
        while len(refused) < 3:
            await asyncio.sleep(0.01)
        await asyncio.to_thread(deployment.database.start)
        restarted.set()

    async def write() -> None:
        sequence = 0
        while not restarted.is_set() or len(acknowledged) < 15:
            sequence += 1
            nip = new_nip(10 + sequence)
            body = await deployment.register(nip)
            if body.get("errors"):
                _unavailable(body)
                refused.append(nip)
            else:
                acknowledged.append(nip)

    await asyncio.gather(restart(), write())
    assert len(refused) >= 3

    await deployment.ready()
    after = (await deployment.graphql(STAFF_COUNT))["data"]["employees"]["totalCount"]
    deployment.stop_serving()
    stored = [nip for nip in acknowledged + refused if deployment.stored(nip)]
    # Every acknowledged command is stored. A refused one is stored only when the database
    # stopped in the instant of its commit (the commit reached the server, its answer did
    # not): the first one refused, sent as the server went down.
    assert stored[: len(acknowledged)] == acknowledged
    assert stored[len(acknowledged) :] in ([], refused[:1])
    # The read side came through the outage: every stored registration counted once.
    assert after == before + len(stored)
