"""Resuming from a cursor: the store, then the live feed, with no gap and no duplicate at the
seam; and a subscriber that falls behind is closed with the cursor to resume from."""

from __future__ import annotations

import asyncio

from asn_graph.domain.actors import Role
from tests.subscriptions.conftest import Served
from tests.subscriptions.helpers import (
    PLACEMENTS,
    Socket,
    hire,
    hire_together,
    placed_positions,
)
from tests.world import person

HIRES = 60


async def _follow(served: Served, cursor: int, last_nip: str, sessions: list[int]) -> list[int]:
    """Follows the agency's placements from ``cursor``, disconnecting after each session's
    count of changes and resuming from the last position received, until ``last_nip``."""
    received: list[int] = []
    for limit in [*sessions, None]:
        socket = await Socket.open(served.url, served.token(Role.INTEGRATOR))
        await socket.acknowledged()
        await socket.subscribe("p", PLACEMENTS, {"agencyCode": "3372", "after": cursor})
        count = 0
        while limit is None or count < limit:
            (change,) = await socket.data("placementChanged", 1, timeout=60)
            received.append(change["position"])
            cursor = change["position"]
            count += 1
            if change["nip"] == last_nip:
                await socket.close()
                return received
        await socket.close()
    return received


async def test_resuming_while_writes_race_the_seam_misses_nothing_and_repeats_nothing(
    served: Served,
) -> None:
    app = served.service.app
    start = served.service.log.head()
    last_nip = person("3372", "BKPSDM", HIRES).nip
    writer = asyncio.create_task(
        asyncio.to_thread(hire, app, "3372", "BKPSDM", range(1, HIRES + 1))
    )
    followers = [
        asyncio.create_task(_follow(served, start, last_nip, sessions))
        for sessions in ([5, 10], [1, 1, 1, 20], [30], [])
    ]
    await asyncio.sleep(0.2)
    followers.append(asyncio.create_task(_follow(served, start, last_nip, [3, 7])))
    await writer
    received = await asyncio.gather(*followers)

    expected = placed_positions(app, start)
    assert len(expected) == HIRES
    for positions in received:
        assert positions == expected


async def test_a_subscriber_that_falls_behind_is_closed_with_its_cursor_and_others_go_on(
    serve: object,
) -> None:
    served: Served = serve(subscriber_buffer=5)  # type: ignore[operator]
    app = served.service.app
    flooded = await Socket.open(served.url, served.token(Role.INTEGRATOR))
    other = await Socket.open(served.url, served.token(Role.INTEGRATOR))
    for socket, agency in ((flooded, "3578"), (other, "3515")):
        await socket.acknowledged()
        await socket.subscribe("p", PLACEMENTS, {"agencyCode": agency})
    await asyncio.sleep(0.3)
    start = served.service.log.head()

    # Twelve placements in one commit: more than the buffer holds before the feed hands them on.
    await asyncio.to_thread(hire_together, app, "3578", "BKPSDM", range(1, 13))
    (elsewhere,) = await asyncio.to_thread(hire, app, "3515", "BKPSDM", range(20, 21))

    message = await flooded.receive()
    error = message["payload"]["errors"][0]
    assert error["extensions"]["code"] == "FELL_BEHIND"
    assert error["extensions"]["resumeAfter"] == start
    assert f"after: {start}" in error["message"]
    assert await flooded.receive() == {"id": "p", "type": "complete"}
    (change,) = await other.data("placementChanged", 1)
    assert change["nip"] == elsewhere

    await flooded.subscribe(
        "again", PLACEMENTS, {"agencyCode": "3578", "after": error["extensions"]["resumeAfter"]}
    )
    resumed = await flooded.data("placementChanged", 12)
    assert [c["position"] for c in resumed] == placed_positions(app, start)[:12]
    await flooded.close()
    await other.close()


async def test_what_was_written_while_nobody_listened_is_read_from_the_store(
    served: Served,
) -> None:
    """With no subscriber the feed reads nothing; the next subscribers still start where
    they asked: "from now" after the quiet writes, or from a cursor before them."""
    app = served.service.app
    start = served.service.log.head()
    await asyncio.to_thread(hire, app, "3372", "BKPSDM", range(1, 4))
    await asyncio.sleep(0.3)

    from_now = await Socket.open(served.url, served.token(Role.INTEGRATOR))
    from_cursor = await Socket.open(served.url, served.token(Role.INTEGRATOR))
    for socket, cursor in ((from_now, None), (from_cursor, start)):
        await socket.acknowledged()
        await socket.subscribe("p", PLACEMENTS, {"agencyCode": "3372", "after": cursor})
    await asyncio.sleep(0.3)
    later = await asyncio.to_thread(hire, app, "3372", "BKPSDM", range(4, 6))

    assert [c["nip"] for c in await from_now.data("placementChanged", 2)] == later
    resumed = await from_cursor.data("placementChanged", 5)
    assert [c["position"] for c in resumed] == placed_positions(app, start)
    await from_now.close()
    await from_cursor.close()
