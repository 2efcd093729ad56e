"""Trusted documents over HTTP, with the fast paths on and off: a document named by its
SHA-256 (Apollo's persisted query, or documentId), the package's own and the allowlist's;
with ASN_GRAPH_TRUSTED_DOCUMENTS on, nothing else runs, and what is refused records nothing."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.api.consistency import MIN_POSITION_HEADER
from asn_graph.bootstrap import Service
from asn_graph.documents import document_hash, package_documents
from asn_graph.domain.actors import Role
from tests.conftest import event_count
from tests.e2e.test_bad_input import REGISTER, registration

ME = package_documents()["Me"]
WORK_UNIT = package_documents()["WorkUnitPositions"]
AGENCIES = "query Agencies { agencies { code } }"

Client = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture(params=[True, False], ids=["fast-paths-on", "fast-paths-off"])
def client_of(organised: Service, tokens: TokenService, request: pytest.FixtureRequest) -> Client:
    """An HTTP client of the app served with the settings given (and the fast paths on or
    off), sending an officer's token."""

    @asynccontextmanager
    async def make(**settings: Any) -> AsyncIterator[httpx.AsyncClient]:
        adjusted = dataclasses.replace(organised.settings, fast_paths=request.param, **settings)
        app = create_app(dataclasses.replace(organised, settings=adjusted), tokens)
        token = tokens.mint(role=Role.OFFICER, subject="officer-3578", agency="3578")
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://asn-graph.test",
            # Reading what the fixture recorded, once the read models hold it.
            headers={
                "Authorization": f"Bearer {token}",
                MIN_POSITION_HEADER: str(organised.log.head()),
            },
        ) as client:
            yield client

    return make


def _persisted(sha256: str, **more: Any) -> dict[str, Any]:
    return {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha256}}, **more}


async def _answer(client: httpx.AsyncClient, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/graphql", json=body)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def _code(answer: dict[str, Any]) -> str:
    (error,) = answer["errors"]
    code: str = error["extensions"]["code"]
    return code


async def test_a_package_document_runs_by_its_hash_either_way(client_of: Client) -> None:
    async with client_of() as client:
        by_hash = await _answer(client, _persisted(document_hash(ME)))
        by_id = await _answer(client, {"documentId": f"sha256:{document_hash(ME)}"})
        as_text = await _answer(client, {"query": ME})
    assert by_hash == by_id == as_text
    assert by_hash["data"]["me"] == {
        "id": "officer-3578",
        "role": "officer",
        "agency": "3578",
        "nip": None,
    }


async def test_only_trusted_documents_run_when_required(
    client_of: Client, organised: Service
) -> None:
    variables = {"agencyCode": "3578", "code": "BKPSDM"}
    async with client_of(trusted_documents=True) as client:
        trusted = await _answer(client, {"query": WORK_UNIT, "variables": variables})
        assert trusted["data"]["workUnit"]["name"]
        named = await _answer(
            client, {"documentId": f"sha256:{document_hash(WORK_UNIT)}", "variables": variables}
        )
        assert named == trusted

        before = event_count(organised)
        refused = await _answer(
            client, {"query": REGISTER, "variables": {"input": registration("19900517")}}
        )
        assert refused["data"] is None
        assert _code(refused) == "DOCUMENT_NOT_TRUSTED"
        assert event_count(organised) == before
        assert _code(await _answer(client, {"query": AGENCIES})) == "DOCUMENT_NOT_TRUSTED"
        # Not even parsed: a text that is not GraphQL is refused alike.
        assert _code(await _answer(client, {"query": "{ me { id "})) == "DOCUMENT_NOT_TRUSTED"
        assert _code(await _answer(client, {"variables": {}})) == "DOCUMENT_NOT_TRUSTED"
        unknown = await _answer(client, _persisted("0" * 64))
        assert _code(unknown) == "PERSISTED_QUERY_NOT_FOUND"


async def test_a_text_sent_with_a_hash_must_be_its_document(client_of: Client) -> None:
    async with client_of() as client:
        answer = await _answer(client, _persisted(document_hash(ME), query=AGENCIES))
        assert _code(answer) == "BAD_INPUT"
        unknown = await _answer(client, {"documentId": "sha256:" + "ab" * 32})
        assert _code(unknown) == "PERSISTED_QUERY_NOT_FOUND"
        assert _code(await _answer(client, {"documentId": 7})) == "BAD_INPUT"
        assert _code(await _answer(client, {"extensions": {"persistedQuery": {}}})) == "BAD_INPUT"


async def test_without_the_requirement_any_text_runs(client_of: Client) -> None:
    async with client_of() as client:
        answer = await _answer(client, {"query": AGENCIES})
    assert len(answer["data"]["agencies"]) == 6


@pytest.mark.parametrize("form", ["plain", "apollo"])
async def test_the_allowlist_adds_its_documents(
    client_of: Client, tmp_path: Path, form: str
) -> None:
    key = document_hash(AGENCIES)
    manifest: Any = {f"sha256:{key}": AGENCIES}
    if form == "apollo":
        manifest = {
            "format": "apollo-persisted-query-manifest",
            "version": 1,
            "operations": [{"id": key, "name": "Agencies", "type": "query", "body": AGENCIES}],
        }
    allowlist = tmp_path / "trusted.json"
    allowlist.write_bytes(orjson.dumps(manifest))
    async with client_of(trusted_documents=True, trusted_documents_file=allowlist) as client:
        as_text = await _answer(client, {"query": AGENCIES})
        by_hash = await _answer(client, _persisted(key))
        by_get = await client.get(
            "/graphql",
            params={"documentId": f"sha256:{key}"},
            headers={"Accept": "application/json"},
        )
        still_trusted = await _answer(client, {"query": ME})
    assert len(as_text["data"]["agencies"]) == 6
    assert by_hash == as_text == by_get.json()
    assert still_trusted["data"]["me"]["role"] == "officer"
