"""What an operator asks of a running server: is it alive (/healthz), may it take requests
(/readyz), and how is it doing (/metrics)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from asn_graph.bootstrap import Service
from tests.conftest import Api
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
