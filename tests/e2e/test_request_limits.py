"""Bounded work per request: a body over the limit is refused with 413 before it is read
whole, as a GraphQL error with its code, and records nothing; a document too long or of too
many tokens is refused and never remembered, the remembered ones stay within their bytes and
long ones are parsed off the event loop; commands and bad tokens are rate-limited."""

from __future__ import annotations

import dataclasses
import threading
import uuid
from collections.abc import AsyncIterator

import httpx
import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from asn_graph.api import remembered_documents
from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.api.limits import (
    DOCUMENT_MAX_BYTES,
    DOCUMENT_MEMORY_BYTES,
    INLINE_PARSE_CHARACTERS,
    MAX_DOCUMENT_CHARACTERS,
    MAX_TOKENS,
)
from asn_graph.api.remembered_documents import in_turn
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


@pytest.fixture(params=[True, False], ids=["fast-paths-on", "fast-paths-off"])
async def either_path(
    organised: Service, tokens: TokenService, request: pytest.FixtureRequest
) -> AsyncIterator[Api]:
    settings = dataclasses.replace(organised.settings, fast_paths=request.param)
    app = create_app(dataclasses.replace(organised, settings=settings), tokens)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        yield Api(client, tokens, organised)


def _aliases(count: int, tag: str) -> str:
    """A document of ``3 * count + 2`` tokens, distinct by its tag."""
    return "{ " + " ".join(f"{tag}{n}: __typename" for n in range(count)) + " }"


async def test_a_document_refused_for_its_length_or_tokens_is_never_remembered(
    either_path: Api,
) -> None:
    officer = either_path.token(Role.OFFICER, "3578")
    before = remembered_documents.memory()
    too_long = "{ __typename }" + " " * MAX_DOCUMENT_CHARACTERS
    error = await either_path.error(too_long, token=officer)
    assert error["extensions"]["code"] == "BAD_INPUT"
    assert f"longer than {MAX_DOCUMENT_CHARACTERS} characters" in error["message"]
    too_many = _aliases(MAX_TOKENS // 3 + 1, "refused")
    assert len(too_many) < MAX_DOCUMENT_CHARACTERS
    error = await either_path.error(too_many, token=officer)
    assert error["extensions"]["code"] == "BAD_INPUT"
    assert f"more than {MAX_TOKENS} tokens" in error["message"]
    assert remembered_documents.memory() == before

    # A distinct document (the memory is the process's: other tests sent theirs).
    await either_path.ok(_aliases(3, f"kept{uuid.uuid4().hex}_"), token=officer)
    assert remembered_documents.memory()["entries"] == before["entries"] + 1


async def test_the_remembered_documents_stay_within_their_bytes(either_path: Api) -> None:
    officer = either_path.token(Role.OFFICER, "3578")
    tag = uuid.uuid4().hex
    # Each of 2,402 tokens (refused by validation for its aliases, but parsed and
    # remembered): about 1 MB each, more than the bound holds together.
    for sent in range(12):
        error = await either_path.error(_aliases(800, f"d{tag}{sent}_"), token=officer)
        assert error["extensions"]["code"] == "BAD_INPUT"
    memory = remembered_documents.memory()
    assert DOCUMENT_MEMORY_BYTES - DOCUMENT_MAX_BYTES < memory["bytes"] <= DOCUMENT_MEMORY_BYTES
    # One near the token limit would hold more than a document may: it is not remembered.
    error = await either_path.error(_aliases(MAX_TOKENS // 3 - 1, f"n{tag}_"), token=officer)
    assert error["extensions"]["code"] == "BAD_INPUT"
    assert remembered_documents.memory() == memory
    metrics = text_string_to_metric_families((await either_path.client.get("/metrics")).text)
    reported = {family.name: family.samples[0].value for family in metrics if family.samples}
    assert reported["asn_graph_document_cache_bytes"] == memory["bytes"]
    assert reported["asn_graph_document_cache_entries"] == memory["entries"]


async def test_a_long_document_is_parsed_off_the_event_loop() -> None:
    here = threading.current_thread().name
    short = await in_turn("{ __typename }", lambda: threading.current_thread().name)
    long = await in_turn(
        " " * (INLINE_PARSE_CHARACTERS + 1), lambda: threading.current_thread().name
    )
    assert short == here
    assert long.startswith("asn-graph-documents")


async def test_an_address_sending_bad_tokens_is_refused_before_verifying(
    organised: Service, tokens: TokenService
) -> None:
    settings = dataclasses.replace(organised.settings, failed_signins_per_minute=2)
    app = create_app(dataclasses.replace(organised, settings=settings), tokens)

    def client_at(address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 40_000))
        return httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test")

    async with client_at("10.0.0.1") as guessing, client_at("10.0.0.2") as other:
        api, elsewhere = Api(guessing, tokens, organised), Api(other, tokens, organised)
        for _ in range(2):
            error = await api.error("{ me { id } }", token="not-a-token")
            assert error["extensions"]["code"] == "UNAUTHENTICATED"
        error = await api.error("{ me { id } }", token="not-a-token")
        assert error["extensions"]["code"] == "RATE_LIMITED"
        assert 0 < error["extensions"]["retryAfterSeconds"] <= 30

        officer = api.token(Role.OFFICER, "3578")
        before = event_count(organised)
        variables = {"input": registration("199005172015032001")}
        limited = await api.error(REGISTER, variables, token=officer)
        assert limited["extensions"]["code"] == "RATE_LIMITED", "not even verified"
        assert event_count(organised) == before
        assert await api.ok("{ __typename }") == {"__typename": "Query"}
        mine = await elsewhere.ok("{ me { id } }", token=officer)
        assert mine == {"me": {"id": "officer-3578"}}, "each address has its allowance"
