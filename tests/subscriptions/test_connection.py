"""Connection: the token in connection_init, allowed origins, keep-alive, the legacy protocol."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus

from asn_graph.domain.actors import Role
from tests.subscriptions.conftest import Served
from tests.subscriptions.helpers import LEGACY_WS, PLACEMENTS, Socket, hire


@pytest.mark.parametrize(
    "token", [None, "not-a-token"], ids=["without a token", "with a bad token"]
)
async def test_connection_init_without_a_valid_token_is_refused(
    served: Served, token: str | None
) -> None:
    socket = await Socket.open(served.url, token)
    with pytest.raises(ConnectionClosed) as closed:
        await socket.receive()
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4403


async def test_the_token_may_come_as_a_header_of_the_handshake(served: Served) -> None:
    from websockets.asyncio.client import connect

    token = served.token(Role.INTEGRATOR)
    async with connect(
        served.url,
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        additional_headers={"Authorization": f"Bearer {token}"},
    ) as connection:
        socket = Socket(connection, "graphql-transport-ws")
        await socket.send({"type": "connection_init"})
        await socket.acknowledged()


async def test_only_allowed_origins_may_open_a_socket(serve: object) -> None:
    served: Served = serve(allowed_origins=("https://sipd.jatimprov.go.id",))  # type: ignore[operator]
    token = served.token(Role.INTEGRATOR)
    with pytest.raises(InvalidStatus) as refused:
        await Socket.open(served.url, token, origin="https://elsewhere.example")
    assert refused.value.response.status_code == 403

    allowed = await Socket.open(served.url, token, origin="https://sipd.jatimprov.go.id")
    await allowed.acknowledged()
    await allowed.close()


async def test_quiet_connections_are_pinged(serve: object) -> None:
    served: Served = serve(keepalive_seconds=1)  # type: ignore[operator]
    socket = await Socket.open(served.url, served.token(Role.INTEGRATOR))
    await socket.acknowledged()
    await socket.subscribe("1", PLACEMENTS)
    assert (await socket.receive(timeout=3, keepalives=True))["type"] == "ping"
    await socket.send({"type": "pong"})
    await socket.close()


async def test_the_legacy_graphql_ws_protocol_streams_changes_with_keep_alives(
    serve: object,
) -> None:
    served: Served = serve(keepalive_seconds=1)  # type: ignore[operator]
    socket = await Socket.open(served.url, served.token(Role.INTEGRATOR), protocol=LEGACY_WS)
    await socket.acknowledged()
    assert (await socket.receive(timeout=3, keepalives=True))["type"] == "ka"
    await socket.subscribe("1", PLACEMENTS, {"agencyCode": "3515"})
    await asyncio.sleep(0.3)
    nips = await asyncio.to_thread(hire, served.service.app, "3515", "BKPSDM", range(1, 3))
    received = await socket.data("placementChanged", 2)
    assert [r["nip"] for r in received] == nips
    await socket.close()


async def test_an_address_past_its_failed_sign_ins_is_refused_before_verifying(
    serve: Callable[..., Served],
) -> None:
    served = serve(failed_signins_per_minute=1)
    for token in ("not-a-token", served.token(Role.INTEGRATOR)):
        socket = await Socket.open(served.url, token)
        with pytest.raises(ConnectionClosed) as closed:
            await socket.receive()
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 4403
