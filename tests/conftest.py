"""Fixtures: a running service on SQLite and on PostgreSQL, and an HTTP client for its API."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from argon2 import PasswordHasher

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.api.consistency import MIN_POSITION_HEADER
from asn_graph.application import passwords
from asn_graph.application.clock import FixedClock
from asn_graph.bootstrap import Service, build_service
from asn_graph.domain.actors import Role
from asn_graph.domain.read_scope import NATIONAL_ROLES
from asn_graph.settings import Settings
from tests.world import TODAY, build_organisation

POSTGRES_URL = os.environ.get(
    "ASN_GRAPH_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
SECRET = "test-secret-that-is-long-enough-for-hs256-signing"
LETTER_KEY = "test-key-of-decree-letters-verification-addresses"
BACKENDS = ("sqlite", pytest.param("postgres", marks=pytest.mark.postgres))
FAST_PATHS = Settings.from_env(
    {"ASN_GRAPH_FAST_PATHS": os.environ.get("ASN_GRAPH_TEST_FAST_PATHS", "on")}
).fast_paths
"""Whether the services of the tests serve with the fast paths (scripts/test runs the HTTP and
WebSocket tests both ways)."""


@pytest.fixture(scope="session")
def postgres_available() -> str:
    """PostgreSQL is part of the test environment: if it is down, the run fails."""
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=5):
            pass
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL is required at {POSTGRES_URL}: {error}")
    return POSTGRES_URL


@pytest.fixture
def settings_for(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Any]:
    schemas: list[str] = []

    def make(backend: str) -> Settings:
        if backend == "sqlite":
            return Settings(
                database_url=f"sqlite:///{tmp_path / 'store.sqlite3'}",
                jwt_secret=SECRET,
                letter_key=LETTER_KEY,
                pool_size=4,
                fast_paths=FAST_PATHS,
            )
        url = request.getfixturevalue("postgres_available")
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f"CREATE SCHEMA {schema}")
        schemas.append(schema)
        return Settings(
            database_url=url,
            database_schema=schema,
            jwt_secret=SECRET,
            letter_key=LETTER_KEY,
            pool_size=4,
            fast_paths=FAST_PATHS,
        )

    yield make
    for schema in schemas:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")
            # A rebuild killed part way leaves its staging schema beside the store's.
            connection.execute(f"DROP SCHEMA IF EXISTS {schema}_rebuild CASCADE")


@pytest.fixture(autouse=True, scope="session")
def quick_password_hashes() -> Iterator[None]:
    """Argon2id at its lowest cost while testing: at the production cost a hash or a check
    takes 0.2 s of a core, and the web tests make hundreds of accounts and sign-ins."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
        )
        yield


@pytest.fixture(params=BACKENDS)
def service(request: pytest.FixtureRequest, settings_for: Any) -> Iterator[Service]:
    built = build_service(settings_for(request.param), clock=FixedClock(TODAY))
    yield built
    built.close()


@pytest.fixture
def organised(service: Service) -> Service:
    build_organisation(service.app)
    return service


@pytest.fixture
def tokens() -> TokenService:
    return TokenService(SECRET)


class Api:
    """Sends GraphQL over HTTP as a given caller, reading its own writes: each request asks
    for the log position the store had reached when it was sent."""

    def __init__(
        self, client: httpx.AsyncClient, tokens: TokenService, service: Service | None = None
    ) -> None:
        self.client = client
        self.tokens = tokens
        self.service = service

    def token(
        self,
        role: Role,
        agency: str | None = None,
        nip: str | None = None,
        subject: str | None = None,
    ) -> str:
        """An auditor or integrator named without an agency reads nationally (BKN's oversight)."""
        return self.tokens.mint(
            role=role,
            subject=subject or f"{role.value}-{agency or nip}",
            agency=agency,
            nip=nip,
            national=role in NATIONAL_ROLES and agency is None,
        )

    async def call(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if self.service is not None:
            headers[MIN_POSITION_HEADER] = str(self.service.log.head())
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code in (200, 400), response.text
        body: dict[str, Any] = response.json()
        return body

    async def ok(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None
    ) -> dict[str, Any]:
        body = await self.call(query, variables, token=token)
        assert not body.get("errors"), body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    async def error(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None
    ) -> dict[str, Any]:
        body = await self.call(query, variables, token=token)
        assert body.get("errors"), body
        error: dict[str, Any] = body["errors"][0]
        return error


@pytest.fixture
async def api(organised: Service, tokens: TokenService) -> AsyncIterator[Api]:
    app = create_app(organised, tokens)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        yield Api(client, tokens, organised)


def event_count(service: Service) -> int:
    """Events in the store. Not the log head: PostgreSQL skips ids of rolled-back inserts."""
    return len(service.store.recorder.select_notifications(1, 1_000_000))
