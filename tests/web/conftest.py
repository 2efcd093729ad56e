"""The web application over HTTP against the ASGI app, on SQLite and PostgreSQL: a store with
the test organisation, an employee and local accounts for them and for an officer."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService, actor_of
from asn_graph.application.clock import Clock, FixedClock
from asn_graph.bootstrap import Service, build_service
from asn_graph.domain.actors import SYSTEM_ACTOR, Role
from asn_graph.settings import Settings
from tests.conftest import BACKENDS
from tests.world import TODAY, Person, build_organisation, person, register

EMPLOYEE = person("3578", "DISKOMINFO", 1)
EMPLOYEE_PASSWORD = "kata-sandi-siti-2026"
OFFICER_PASSWORD = "kata-sandi-budi-2026"
FAILED_SIGNINS_PER_MINUTE = 3


def add_accounts(service: Service, employee: Person) -> None:
    accounts = service.app.local_accounts
    claims = actor_of("siti", Role.EMPLOYEE, None, employee.nip)
    accounts.add(SYSTEM_ACTOR, claims, EMPLOYEE_PASSWORD, "pegawai DISKOMINFO")
    officer = actor_of("budi", Role.OFFICER, "3578", None)
    accounts.add(SYSTEM_ACTOR, officer, OFFICER_PASSWORD, "petugas BKPSDM")


BOTH_STORES = pytest.mark.parametrize("web_service", BACKENDS, indirect=True)
"""For the journeys that run on PostgreSQL too. The pages are tested on SQLite: what they read
and write goes through the GraphQL API, whose every operation is tested on both stores."""


@contextmanager
def web_store(
    settings: Settings, clock: Clock | None = None, *, with_employee: bool = True
) -> Iterator[Service]:
    """The pages' world on ``settings``: the test organisation, its employee (unless
    ``with_employee`` is false: their post left free) and the accounts of
    ``add_accounts``."""
    service = build_service(settings, clock=clock or FixedClock(TODAY))
    try:
        build_organisation(service.app)
        if with_employee:
            register(service.app, EMPLOYEE)
        add_accounts(service, EMPLOYEE)
        yield service
    finally:
        service.close()


@pytest.fixture(params=("sqlite",))
def web_service(
    request: pytest.FixtureRequest, settings_for: Any, tmp_path: Path
) -> Iterator[Service]:
    # The uploaded documents are kept in the test's own directory.
    settings = dataclasses.replace(
        settings_for(request.param),
        data_dir=tmp_path,
        failed_signins_per_minute=FAILED_SIGNINS_PER_MINUTE,
    )
    with web_store(settings) as service:
        yield service


@pytest.fixture
async def browser_client(
    web_service: Service, tokens: TokenService
) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client keeping cookies, as a browser does."""
    transport = httpx.ASGITransport(app=create_app(web_service, tokens))
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        yield client


def form_token(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found is not None, page
    return found.group(1)


async def sign_in(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    page = await client.get("/masuk")
    return await client.post(
        "/masuk",
        data={"csrf_token": form_token(page.text), "username": username, "password": password},
    )
