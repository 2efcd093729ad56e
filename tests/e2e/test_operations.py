"""What an operator asks of a running server: is it alive (/healthz), may it take requests
(/readyz), and how is it doing (/metrics)."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api
from tests.e2e.test_bad_input import registration
from tests.world import person, register


async def test_liveness_answers_without_the_database(
    api: Api, organised: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable() -> int:
        raise ConnectionError("the store is down")

    monkeypatch.setattr(organised.log, "head", unreachable)
    alive = await api.client.get("/healthz")
    assert alive.status_code == 200
    body = alive.json()
    assert body["status"] == "ok"
    assert isinstance(body["engine"]["fastPaths"], bool)
    assert all(isinstance(n, int) for n in body["engine"]["fallbacks"].values())

    ready = await api.client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["reason"] == "the event store cannot be read (ConnectionError)"


async def test_ready_when_the_read_models_hold_the_log(api: Api, organised: Service) -> None:
    organised.projector.catch_up()
    response = await api.client.get("/readyz")
    assert response.status_code == 200, response.text
    body = response.json()
    head = organised.log.head()
    assert body["status"] == "ok"
    assert body["logPosition"] == head
    assert body["lag"] == 0
    assert body["maxLag"] == 1000
    assert set(body["readModels"]) == set(organised.projector.positions())
    assert all(model == {"position": head, "lag": 0} for model in body["readModels"].values())


async def test_not_ready_while_the_read_models_lag_beyond_the_bound(
    api: Api, organised: Service
) -> None:
    organised.projector.catch_up()
    organised.settings = replace(organised.settings, ready_max_lag=0)
    assert (await api.client.get("/readyz")).status_code == 200
    # An event recorded while no projection runs (the fixture's server has not started its
    # read side): the read models are one event behind.
    register(organised.app, person("3578", "BKPSDM", 71))
    response = await api.client.get("/readyz")
    assert response.status_code == 503, response.text
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["lag"] >= 1
    assert "events behind the log (at most 0 allowed)" in body["reason"]

    organised.projector.catch_up()
    assert (await api.client.get("/readyz")).status_code == 200


REGISTER = """
mutation Register($input: RegisterEmployeeInput!) {
  registerEmployee(input: $input) { employee { nip } }
}
"""


def _samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def _requests(operation: str, kind: str, outcome: str) -> tuple[str, frozenset[tuple[str, str]]]:
    labels = {"operation": operation, "type": kind, "outcome": outcome}
    return ("asn_graph_requests_total", frozenset(labels.items()))


@pytest.mark.parametrize("fast_paths", [True, False], ids=["fast-paths-on", "fast-paths-off"])
async def test_metrics_count_requests_and_commands_by_outcome(
    organised: Service, tokens: TokenService, fast_paths: bool
) -> None:
    organised.settings = replace(organised.settings, fast_paths=fast_paths, max_body_bytes=4096)
    app = create_app(organised, tokens)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://asn-graph.test"
    ) as client:
        api = Api(client, tokens, organised)
        officer = api.token(Role.OFFICER, "3578")
        await api.ok("query Agencies { agencies { code } }", token=officer)
        await api.ok("{ agencies { code } }", token=officer)
        await api.error("query Agencies { agencies { code } }")
        nip = "199005172015032001"
        await api.ok(REGISTER, {"input": registration(nip)}, token=officer)
        await api.error(REGISTER, {"input": registration(nip)}, token=officer)
        await api.error(REGISTER, {"input": registration("19900517")}, token=officer)
        too_large = {"query": "{ agencies { code } }", "padding": "x" * 5000}
        assert (await client.post("/graphql", json=too_large)).status_code == 413
        not_json = await client.post(
            "/graphql", content=b"{", headers={"content-type": "application/json"}
        )
        assert not_json.status_code == 400
        assert (
            await client.put("/graphql", json={"query": "{ agencies { code } }"})
        ).status_code == 405

        response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    samples = _samples(response.text)
    assert samples[_requests("Agencies", "query", "ok")] == 1
    assert samples[_requests("Agencies", "query", "UNAUTHENTICATED")] == 1
    assert samples[_requests("anonymous", "query", "ok")] == 1
    assert samples[_requests("Register", "mutation", "ok")] == 1
    assert samples[_requests("Register", "mutation", "CONFLICT")] == 1
    assert samples[_requests("Register", "mutation", "BAD_INPUT")] == 1
    commands = "asn_graph_commands_total"
    assert samples[(commands, frozenset({("outcome", "ok")}))] == 1
    assert samples[(commands, frozenset({("outcome", "CONFLICT")}))] == 1
    assert samples[(commands, frozenset({("outcome", "BAD_INPUT")}))] == 1
    assert samples[_requests("unknown", "unknown", "PAYLOAD_TOO_LARGE")] == 1
    assert samples[_requests("unknown", "unknown", "BAD_INPUT")] == 1
    assert samples[_requests("unknown", "unknown", "METHOD_NOT_ALLOWED")] == 1
    latency = frozenset({("operation", "Register"), ("type", "mutation")})
    assert samples[("asn_graph_request_duration_seconds_count", latency)] == 3

    head = organised.log.head()
    assert samples[("asn_graph_event_store_head", frozenset())] == head
    lags = {
        dict(labels)["read_model"]: value
        for (name, labels), value in samples.items()
        if name == "asn_graph_projection_lag_events"
    }
    assert set(lags) == set(organised.projector.positions())
    assert all(lag >= 0 for lag in lags.values())
    assert samples[("asn_graph_subscribers", frozenset())] == 0
    # The documents these requests sent are remembered, with what they hold, both ways.
    assert samples[("asn_graph_document_cache_entries", frozenset())] >= 1
    assert samples[("asn_graph_document_cache_bytes", frozenset())] > 0
    assert samples[("asn_graph_token_cache_entries", frozenset())] >= 1


async def test_each_server_counts_its_own_requests(
    organised: Service, tokens: TokenService
) -> None:
    first, second = create_app(organised, tokens), create_app(organised, tokens)
    officer = tokens.mint(role=Role.OFFICER, subject="officer-3578", agency="3578")
    async with (
        httpx.AsyncClient(transport=httpx.ASGITransport(app=first), base_url="http://a") as one,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=second), base_url="http://b") as two,
    ):
        await Api(one, tokens, organised).ok("query Agencies { agencies { code } }", token=officer)
        counted = _samples((await two.get("/metrics")).text)
    assert _requests("Agencies", "query", "ok") not in counted
