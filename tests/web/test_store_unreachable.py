"""When the store cannot be reached during the session check or a page's read, the person is
told so on a page of the application in Indonesian (503, with advice to retry), not given a
server error."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from asn_graph.persistence.deadline import OUTAGE, DatabaseUnavailable
from tests.web.conftest import EMPLOYEE, EMPLOYEE_PASSWORD, sign_in


class Outage:
    """Makes chosen reads of the store fail as an unreachable database does."""

    def __init__(self) -> None:
        self.on = False

    def around(self, read: Callable[..., Any]) -> Callable[..., Any]:
        def maybe_failing(*args: Any, **kwargs: Any) -> Any:
            if self.on:
                raise DatabaseUnavailable(OUTAGE)
            return read(*args, **kwargs)

        return maybe_failing


@dataclasses.dataclass
class Outages:
    session: Outage = dataclasses.field(default_factory=Outage)
    """The revocations a session check reads."""
    read: Outage = dataclasses.field(default_factory=Outage)
    """The employee record the home page reads."""


@pytest.fixture
def outages() -> Outages:
    return Outages()


@pytest.fixture
async def client(
    web_service: Service, tokens: TokenService, outages: Outages, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[httpx.AsyncClient]:
    # Every session check reads the revocations, as a server whose list went stale does.
    service = dataclasses.replace(
        web_service, settings=dataclasses.replace(web_service.settings, revocation_seconds=0)
    )
    app = service.app
    monkeypatch.setattr(app.revocations, "since", outages.session.around(app.revocations.since))
    monkeypatch.setattr(app.employees, "get", outages.read.around(app.employees.get))
    transport = httpx.ASGITransport(app=create_app(service, tokens))
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as c:
        yield c


def assert_outage_page(answer: httpx.Response) -> None:
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == "5"
    assert "Layanan sedang tidak tersedia" in answer.text
    assert "Tunggu sebentar, lalu muat ulang halaman ini" in answer.text
    assert 'class="skip-link"' in answer.text  # the application's own frame


async def test_an_outage_during_the_session_check_shows_a_page_saying_so(
    client: httpx.AsyncClient, outages: Outages
) -> None:
    assert (await sign_in(client, "siti", EMPLOYEE_PASSWORD)).status_code == 303
    outages.session.on = True
    assert_outage_page(await client.get("/", follow_redirects=True))
    assert_outage_page(await client.get("/masuk"))
    outages.session.on = False
    assert (await client.get("/", follow_redirects=True)).status_code == 200


async def test_an_outage_during_a_pages_read_shows_a_page_saying_so(
    client: httpx.AsyncClient, outages: Outages
) -> None:
    assert (await sign_in(client, "siti", EMPLOYEE_PASSWORD)).status_code == 303
    outages.read.on = True
    assert_outage_page(await client.get("/", follow_redirects=True))
    english = await client.get("/", headers={"Accept-Language": "en"}, follow_redirects=True)
    assert english.status_code == 503
    assert "Service unavailable" in english.text
    # The API itself answers as it always has: UNAVAILABLE, in its own words.
    api = await client.post(
        "/graphql",
        json={
            "query": "query($nip: String!) { employee(nip: $nip) { name } }",
            "variables": {"nip": EMPLOYEE.nip},
        },
        headers={"Authorization": f"Bearer {client.cookies['asn_graph_session']}"},
    )
    assert api.json()["errors"][0]["extensions"]["code"] == "UNAVAILABLE"
