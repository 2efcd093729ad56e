"""End to end with a real GraphQL client library (gql over websockets): subscribe, disconnect,
resume from the cursor, and receive exactly what was missed."""

from __future__ import annotations

import asyncio
from typing import Any

from gql import Client, GraphQLRequest
from gql.transport.websockets import WebsocketsTransport

from asn_graph.domain.actors import Role
from tests.subscriptions.conftest import Served
from tests.subscriptions.helpers import PLACEMENTS, hire, placed_positions


def _client(served: Served) -> Client:
    transport = WebsocketsTransport(
        url=served.url,
        init_payload={"authorization": f"Bearer {served.token(Role.INTEGRATOR)}"},
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
        # The protocol has no answer to a client's "complete": gql waits this long for one.
        close_timeout=0.5,
    )
    return Client(transport=transport)


async def _receive(
    served: Served, count: int, after: int | None, while_subscribed: Any = None
) -> list[dict[str, Any]]:
    received: list[dict[str, Any]] = []
    async with _client(served) as session:
        request = GraphQLRequest(PLACEMENTS, variable_values={"agencyCode": "3578", "after": after})
        stream = session.subscribe(request)
        writes = None
        async for result in stream:
            if result is None:
                continue
            received.append(result["placementChanged"])
            if len(received) == count:
                break
            if writes is None and while_subscribed is not None:
                writes = asyncio.create_task(while_subscribed())
        if writes is not None:
            await writes
    return received


async def test_a_client_resumes_from_its_cursor_with_exactly_what_it_missed(
    served: Served,
) -> None:
    app = served.service.app
    start = served.service.log.head()
    await asyncio.to_thread(hire, app, "3578", "BKPSDM", range(1, 4))

    # Connected: three changes (the first from the store), then it goes away.
    first = await _receive(served, 3, start)
    cursor = first[-1]["position"]

    # While it is away, three more placements are recorded.
    missed = await asyncio.to_thread(hire, app, "3578", "DISKOMINFO", range(4, 7))

    # Back, from its cursor: the three it missed, then a live one, and nothing twice.
    async def one_more() -> None:
        await asyncio.to_thread(hire, app, "3578", "BKPSDM", range(7, 8))

    resumed = await _receive(served, 4, cursor, while_subscribed=one_more)
    assert [r["nip"] for r in resumed[:3]] == missed
    positions = [r["position"] for r in first + resumed]
    assert positions == placed_positions(app, start)
