"""Bounded work per request: a body over the limit is refused with 413 before it is read
whole, as a GraphQL error with its code, and records nothing."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import httpx
import orjson

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api, event_count
from tests.e2e.test_bad_input import REGISTER, registration

LIMIT = 262_144


def _registration_body(padding: int) -> bytes:
    variables = {"input": {**registration("199005172015032001"), "name": "R" * padding}}
    return orjson.dumps({"query": REGISTER, "variables": variables})


async def test_a_body_declared_over_the_limit_is_refused_unread(
    api: Api, organised: Service
) -> None:
    officer = api.token(Role.OFFICER, "3578")
    before = event_count(organised)
    response = await api.client.post(
        "/graphql",
        content=_registration_body(10 * 1024 * 1024),
        headers={"Authorization": f"Bearer {officer}", "Content-Type": "application/json"},
    )

    assert response.status_code == 413
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert str(LIMIT) in error["message"]
    assert event_count(organised) == before


async def test_a_body_sent_in_chunks_is_cut_off_at_the_limit(api: Api, organised: Service) -> None:
    officer = api.token(Role.OFFICER, "3578")
    body = _registration_body(2 * LIMIT)

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 16_384):
            yield body[start : start + 16_384]

    before = event_count(organised)
    response = await api.client.post(
        "/graphql",
        content=chunks(),
        headers={"Authorization": f"Bearer {officer}", "Content-Type": "application/json"},
    )

    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert event_count(organised) == before


async def test_a_body_under_the_limit_is_answered(api: Api, organised: Service) -> None:
    officer = api.token(Role.OFFICER, "3578")
    response = await api.client.post(
        "/graphql",
        content=_registration_body(1000),
        headers={"Authorization": f"Bearer {officer}", "Content-Type": "application/json"},
    )
    assert response.status_code == 200
    assert response.json()["data"]["registerEmployee"]["employee"]["nip"] == ("199005172015032001")


async def test_commands_beyond_the_callers_rate_are_refused_with_when_to_retry(
    organised: Service, tokens: TokenService
) -> None:
    settings = dataclasses.replace(organised.settings, commands_per_minute=2)
    app = create_app(dataclasses.replace(organised, settings=settings), tokens)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        api = Api(client, tokens, organised)
        officer = api.token(Role.OFFICER, "3578", subject="busy-officer")
        variables = {"input": registration("19900517")}
        for _ in range(2):
            error = await api.error(REGISTER, variables, token=officer)
            assert error["extensions"]["code"] == "BAD_INPUT"
        before = event_count(organised)
        limited = await api.error(REGISTER, variables, token=officer)
        assert limited["extensions"]["code"] == "RATE_LIMITED"
        assert 0 < limited["extensions"]["retryAfterSeconds"] <= 30
        assert event_count(organised) == before
        other = api.token(Role.OFFICER, "3578", subject="another-officer")
        error = await api.error(REGISTER, variables, token=other)
        assert error["extensions"]["code"] == "BAD_INPUT", "each caller has an allowance"


async def test_pages_of_the_allowed_origins_may_call_the_api_and_others_may_not(
    organised: Service, tokens: TokenService
) -> None:
    settings = dataclasses.replace(
        organised.settings, allowed_origins=("https://simpeg.example.go.id",)
    )
    app = create_app(dataclasses.replace(organised, settings=settings), tokens)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        preflight = {
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        }
        allowed = await client.options(
            "/graphql", headers={**preflight, "Origin": "https://simpeg.example.go.id"}
        )
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://simpeg.example.go.id"
        other = await client.options(
            "/graphql", headers={**preflight, "Origin": "https://evil.example"}
        )
        assert other.status_code == 400
        assert "access-control-allow-origin" not in other.headers
        answer = await client.post(
            "/graphql",
            json={"query": "{ __typename }"},
            headers={"Origin": "https://simpeg.example.go.id"},
        )
        assert answer.headers["access-control-allow-origin"] == "https://simpeg.example.go.id"
        # The page may read its request's id, and send its own.
        assert answer.headers["access-control-expose-headers"].lower() == "x-request-id"
        assert "x-request-id" in allowed.headers["access-control-allow-headers"].lower()
