"""What every answer tells the browser and the caller besides its body: the request's id, the
security headers of pages and JSON answers, and the methods /graphql takes."""

from __future__ import annotations

import dataclasses
import hashlib
import re

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.api.ide import STATIC
from asn_graph.api.security_headers import IDE_POLICY, STRICT_POLICY, SecurityHeaders
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api, event_count
from tests.e2e.test_bad_input import REGISTER, registration

HTML = {"Accept": "text/html"}


def _directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


async def test_graphiql_runs_scripts_and_styles_of_this_origin_only_and_cannot_be_framed(
    api: Api,
) -> None:
    page = await api.client.get("/graphql", headers=HTML)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"] == IDE_POLICY
    policy = _directives(IDE_POLICY)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    # GraphiQL's stylesheet carries its fonts as data: addresses.
    assert policy["font-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert not re.search(r"<script(?![^>]*\ssrc=)", page.text)
    assert "<style" not in page.text
    assert " style=" not in page.text
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"


async def test_graphiql_loads_every_file_from_the_package_cached_for_a_year(api: Api) -> None:
    page = await api.client.get("/graphql", headers=HTML)
    scripts = re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", page.text)
    styles = re.findall(r"<link rel=\"stylesheet\" href=\"([^\"]+)\"", page.text)
    assert len(scripts) == 5
    assert len(styles) == 3
    for address, kind in [*((s, "javascript") for s in scripts), *((s, "css") for s in styles)]:
        assert address.startswith("/graphql/ide/")
        name, version = address.removeprefix("/graphql/ide/").split("?v=")
        asset = await api.client.get(address)
        assert asset.status_code == 200, address
        assert kind in asset.headers["content-type"]
        assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert asset.headers["x-content-type-options"] == "nosniff"
        # The address changes with the file.
        assert hashlib.sha256(asset.content).hexdigest().startswith(version)
        assert (STATIC / name).read_bytes() == asset.content
    licence = await api.client.get("/graphql/ide/licenses/graphiql.LICENSE")
    assert licence.status_code == 200
    assert (await api.client.get("/graphql/ide/nothing.js")).status_code == 404


async def test_without_graphiql_neither_its_page_nor_its_files_are_served(
    organised: Service, tokens: TokenService
) -> None:
    service = dataclasses.replace(
        organised, settings=dataclasses.replace(organised.settings, graphiql=False)
    )
    app = create_app(service, tokens)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://asn-graph.test"
    ) as client:
        assert (await client.get("/graphql", headers=HTML)).status_code == 404
        assert (await client.get("/graphql/ide/asn-graph-ide.js")).status_code == 404


async def test_every_html_page_gets_the_strict_policy_unless_it_brings_its_own() -> None:
    async def page(_: Request) -> HTMLResponse:
        return HTMLResponse("<html><body>later: the web application</body></html>")

    app = Starlette(routes=[Route("/app", page)])
    app.add_middleware(SecurityHeaders)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://asn-graph.test"
    ) as client:
        response = await client.get("/app")
    assert response.headers["content-security-policy"] == STRICT_POLICY
    strict = _directives(STRICT_POLICY)
    assert strict["script-src"] == ["'self'"]
    assert strict["frame-ancestors"] == ["'none'"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


async def test_json_answers_are_not_sniffed_and_carry_no_page_policy(api: Api) -> None:
    for response in (
        await api.client.post("/graphql", json={"query": "{ __typename }"}),
        await api.client.get("/healthz"),
        await api.client.get("/metrics"),
    ):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "content-security-policy" not in response.headers


async def test_every_answer_carries_a_request_id_the_client_may_choose(api: Api) -> None:
    first = await api.client.get("/healthz")
    second = await api.client.post("/graphql", json={"query": "{ __typename }"})
    made = {first.headers["x-request-id"], second.headers["x-request-id"]}
    assert len(made) == 2
    assert all(re.fullmatch(r"[0-9a-f]+-[0-9a-f]+", made_id) for made_id in made)

    chosen = await api.client.get("/healthz", headers={"X-Request-Id": "trace-4bf92f35.7:1"})
    assert chosen.headers["x-request-id"] == "trace-4bf92f35.7:1"
    for insane in ("", "a b", "<script>", "x" * 129, "ü"):
        response = await api.client.get(
            "/healthz", headers={b"X-Request-Id": insane.encode("utf-8")}
        )
        assert response.headers["x-request-id"] not in ("", insane)

    refused = await api.client.post(
        "/graphql", content=b"x" * 300_000, headers={"Content-Type": "application/json"}
    )
    assert refused.status_code == 413
    assert refused.headers["x-request-id"]


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
async def test_other_methods_are_refused_as_graphql_errors_naming_the_allowed_ones(
    api: Api, organised: Service, method: str
) -> None:
    before = event_count(organised)
    response = await api.client.request(
        method,
        "/graphql",
        json={"query": REGISTER, "variables": {"input": registration("199005172015032001")}},
        headers={"Authorization": f"Bearer {api.token(Role.OFFICER, '3578')}"},
    )
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/json"
    assert set(response.headers["allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "POST"}
    body = response.json()
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "METHOD_NOT_ALLOWED"}
    assert error["message"].startswith(f"{method} is not allowed on /graphql; use ")
    assert event_count(organised) == before
