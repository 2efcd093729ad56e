"""A JSON POST of one operation is answered on the short path, with exactly the status, body
and headers the general view gives; everything else is left to the general view."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from starlette.routing import Route

from asn_graph.api.app import AsnGraphQL, create_app
from asn_graph.api.auth import TokenService
from asn_graph.api.consistency import MIN_POSITION_HEADER
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import event_count
from tests.e2e import operations as op
from tests.e2e.test_bad_input import REGISTER, registration
from tests.world import person, register

PLACEMENTS = """
query($filter: PlacementFilterInput!, $first: Int!) {
  placements(filter: $filter, first: $first) {
    edges { cursor node { nip name rank unitCode positionCode since } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


@dataclass
class Paths:
    client: httpx.AsyncClient
    view: AsnGraphQL
    tokens: TokenService
    service: Service
    taken: int = 0

    def bearer(self, role: Role, agency: str | None = "3578") -> dict[str, str]:
        token = self.tokens.mint(role=role, subject=f"{role.value}-test", agency=agency)
        return {"Authorization": f"Bearer {token}"}

    async def both(self, body: bytes, headers: dict[str, str]) -> tuple[bool, httpx.Response]:
        """The answer of each path to the same request; whether the short path took it."""
        headers = {"Content-Type": "application/json", **headers}
        taken_before = self.taken
        short_path = self.view.short_path
        assert short_path is not None
        short = await self.client.post("/graphql", content=body, headers=headers)
        short_path.enabled = False
        try:
            general = await self.client.post("/graphql", content=body, headers=headers)
        finally:
            short_path.enabled = True
        assert short.status_code == general.status_code, (short.text, general.text)
        assert _body(short) == _body(general)
        assert _headers(short) == _headers(general)
        return self.taken > taken_before, short


def _body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except json.JSONDecodeError:
        return response.text


def _headers(response: httpx.Response) -> dict[str, str]:
    assert response.headers["x-request-id"]  # each request's own
    varying = ("date", "content-length", "x-request-id")
    return {k: v for k, v in response.headers.items() if k not in varying}


@pytest.fixture
async def paths(organised: Service, tokens: TokenService) -> AsyncIterator[Paths]:
    # The short path is compared with the general view in either mode of the test run.
    fast = dataclasses.replace(organised.settings, fast_paths=True)
    app = create_app(dataclasses.replace(organised, settings=fast), tokens)
    view = next(
        route.endpoint
        for route in app.routes
        if isinstance(route, Route) and isinstance(route.endpoint, AsnGraphQL)
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        found = Paths(client, view, tokens, organised)
        assert view.short_path is not None
        answer = view.short_path.answer

        async def counted(*args: Any) -> Any:
            response = await answer(*args)
            found.taken += response is not None
            return response

        view.short_path.answer = counted  # type: ignore[method-assign,assignment]
        yield found


def _operation(query: str, variables: dict[str, Any] | None = None, **more: Any) -> bytes:
    return json.dumps({"query": query, "variables": variables, **more}).encode()


async def test_a_list_with_its_read_model_position_is_answered_alike(paths: Paths) -> None:
    for sequence in range(40, 43):
        register(paths.service.app, person("3578", "BKPSDM", sequence))
    headers = {**paths.bearer(Role.AUDITOR), MIN_POSITION_HEADER: str(paths.service.log.head())}
    body = _operation(PLACEMENTS, {"filter": {"agencyCode": "3578"}, "first": 2})
    taken, response = await paths.both(body, headers)
    assert taken
    answer = response.json()
    assert len(answer["data"]["placements"]["edges"]) == 2
    assert answer["extensions"]["readModel"]["caughtUp"] is True


async def test_domain_and_variable_errors_are_described_alike(paths: Paths) -> None:
    auditor = paths.bearer(Role.AUDITOR)
    taken, response = await paths.both(_operation(op.EMPLOYEE, {"nip": "12ab"}), auditor)
    assert taken
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    taken, response = await paths.both(
        _operation(PLACEMENTS, {"filter": {"agencyCode": 3578}, "first": "two"}), auditor
    )
    assert taken
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    assert response.json()["data"] is None
    taken, response = await paths.both(_operation(op.EMPLOYEE, {"nip": "199005172015032001"}), {})
    assert taken
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_refused_mutation_is_answered_alike_and_leaves_no_event(paths: Paths) -> None:
    before = event_count(paths.service)
    variables = {"input": {**registration("199005172015032001"), "birthDate": "1990-05-18"}}
    taken, response = await paths.both(_operation(REGISTER, variables), paths.bearer(Role.OFFICER))
    assert taken
    assert response.json()["errors"][0]["extensions"]["rules"] == ["NIP_MISMATCH"]
    assert event_count(paths.service) == before


async def test_an_unexpected_failure_is_masked_and_logged_alike(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: Any) -> Any:
        raise RuntimeError("connection reset by peer")

    monkeypatch.setattr(paths.service.read.placements, "placements", broken)
    with caplog.at_level(logging.ERROR, logger="asn_graph.api"):
        taken, response = await paths.both(
            _operation(PLACEMENTS, {"filter": {"agencyCode": "3578"}, "first": 2}),
            paths.bearer(Role.AUDITOR),
        )
    assert taken
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "INTERNAL"}
    assert "connection reset" not in response.text
    logged = [r for r in caplog.records if r.exc_info and "connection reset" in str(r.exc_info[1])]
    assert len(logged) == 2  # once by each path


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[]",
        json.dumps([{"query": "{ me { id } }"}]).encode(),
        _operation("{ me { nosuchfield } }"),
        _operation("query A { me { id } } query B { me { role } }"),
        _operation("{ me { id } }", operationName="Missing"),
        _operation("subscription { placementChanged { __typename } }"),
        json.dumps({"variables": {}}).encode(),
        json.dumps({"query": "{ me { id } }", "variables": "x"}).encode(),
    ],
    ids=[
        "not-json",
        "not-an-object",
        "batch",
        "does-not-validate",
        "unnamed-of-two",
        "unknown-name",
        "subscription",
        "no-query",
        "variables-not-an-object",
    ],
)
async def test_everything_else_is_left_to_the_general_view(paths: Paths, body: bytes) -> None:
    taken, _ = await paths.both(body, paths.bearer(Role.AUDITOR))
    assert not taken


@pytest.mark.parametrize(
    "body",
    [
        _operation("{ me { id "),
        _operation("{ " + "me { id } " * 1_700 + "}"),
        _operation("{ me { id } }" + " " * 70_000),
    ],
    ids=["does-not-parse", "too-many-tokens", "too-long"],
)
async def test_a_document_refused_before_it_runs_is_answered_alike(
    paths: Paths, body: bytes
) -> None:
    """Answered by the short path (the general view would parse it again, on the event
    loop), as the general view answers it."""
    taken, response = await paths.both(body, paths.bearer(Role.AUDITOR))
    assert taken
    assert response.status_code == 200
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_INPUT"


async def test_a_named_operation_of_several_is_answered_alike(paths: Paths) -> None:
    body = _operation("query A { me { id } } query B { me { role } }", operationName="B")
    taken, response = await paths.both(body, paths.bearer(Role.AUDITOR))
    assert taken
    assert response.json()["data"] == {"me": {"role": "auditor"}}
