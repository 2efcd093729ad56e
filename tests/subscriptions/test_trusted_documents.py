"""Trusted documents over both WebSocket protocols: a subscription named by its hash runs;
with trusted documents required, any other document is refused for its operation and the
connection stays open."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from asn_graph.documents import document_hash, package_documents
from asn_graph.domain.actors import Role
from tests.subscriptions.conftest import Served
from tests.subscriptions.helpers import LEGACY_WS, PLACEMENTS, TRANSPORT_WS, Socket, hire

PLACEMENT_CHANGED = document_hash(package_documents()["PlacementChanged"])


def _operation(protocol: str, operation_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    kind = "subscribe" if protocol == TRANSPORT_WS else "start"
    return {"id": operation_id, "type": kind, "payload": payload}


def _error_code(message: dict[str, Any]) -> str:
    assert message["type"] == "error", message
    payload = message["payload"]
    error = payload[0] if isinstance(payload, list) else payload
    code: str = error["extensions"]["code"]
    return code


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_only_trusted_subscriptions_run_when_required(
    serve: Callable[..., Served], protocol: str
) -> None:
    served = serve(trusted_documents=True)
    head = served.service.log.head()
    nips = await asyncio.to_thread(hire, served.service.app, "3578", "DISKOMINFO", range(1, 3))
    socket = await Socket.open(served.url, served.token(Role.INTEGRATOR), protocol=protocol)
    await socket.acknowledged()

    await socket.send(
        _operation(protocol, "1", {"query": PLACEMENTS, "variables": {"after": head}})
    )
    assert _error_code(await socket.receive()) == "DOCUMENT_NOT_TRUSTED"
    unknown = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}}}
    await socket.send(_operation(protocol, "2", unknown))
    assert _error_code(await socket.receive()) == "PERSISTED_QUERY_NOT_FOUND"

    named = {"documentId": f"sha256:{PLACEMENT_CHANGED}", "variables": {"after": head}}
    await socket.send(_operation(protocol, "3", named))
    received = await socket.data("placementChanged", 2)
    assert [change["nip"] for change in received] == nips
    await socket.close()


async def test_a_persisted_subscription_runs_without_the_requirement(served: Served) -> None:
    head = served.service.log.head()
    nips = await asyncio.to_thread(hire, served.service.app, "3578", "DISKOMINFO", range(1, 2))
    socket = await Socket.open(served.url, served.token(Role.INTEGRATOR))
    await socket.acknowledged()
    persisted = {"version": 1, "sha256Hash": PLACEMENT_CHANGED}
    payload = {"extensions": {"persistedQuery": persisted}, "variables": {"after": head}}
    await socket.send(_operation(TRANSPORT_WS, "1", payload))
    received = await socket.data("placementChanged", 1)
    assert [change["nip"] for change in received] == nips
    await socket.close()
