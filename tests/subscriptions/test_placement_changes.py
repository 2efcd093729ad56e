"""placementChanged: live changes in scope, each with its log position as cursor."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from asn_graph.application.commands import EstablishPosition, RegisterWorkUnit
from asn_graph.changes.reader import ChangeReader
from asn_graph.domain.actors import SYSTEM_ACTOR, Role
from tests.conftest import event_count
from tests.subscriptions.conftest import Served
from tests.subscriptions.helpers import (
    PLACEMENTS,
    Socket,
    hire,
    http_api,
    move,
    placed_positions,
)
from tests.world import ANALYST, person, register


async def test_live_placements_of_a_unit_and_its_sub_units(served: Served) -> None:
    app = served.service.app
    app.work_units.register(
        SYSTEM_ACTOR,
        RegisterWorkUnit("3578", "APTIKA", "Bidang Aplikasi Informatika", "DISKOMINFO"),
    )
    app.work_units.establish_position(SYSTEM_ACTOR, EstablishPosition("3578", "APTIKA", ANALYST))
    socket = await Socket.open(served.url, served.token(Role.INTEGRATOR))
    await socket.acknowledged()
    await socket.subscribe(
        "1", PLACEMENTS, {"agencyCode": "3578", "unitCode": "DISKOMINFO", "sub": True}
    )
    await asyncio.sleep(0.3)  # the subscription joins the feed
    head = served.service.log.head()

    in_unit = await asyncio.to_thread(hire, app, "3578", "DISKOMINFO", range(1, 3))
    await asyncio.to_thread(hire, app, "3578", "BKPSDM", range(3, 5))
    await asyncio.to_thread(hire, app, "3515", "DISKOMINFO", range(5, 7))
    sub_unit = person("3578", "APTIKA", 7)
    await asyncio.to_thread(register, app, sub_unit)

    received = await socket.data("placementChanged", 3)
    assert [r["nip"] for r in received] == [*in_unit, sub_unit.nip]
    placed = placed_positions(app, head)
    assert [r["position"] for r in received] == [placed[0], placed[1], placed[-1]]
    first = received[0]
    assert first["placement"] == {
        "agencyCode": "3578",
        "unitCode": "DISKOMINFO",
        "positionCode": "ANALIS-SDM",
    }
    assert first["previousPlacement"] is None
    assert first["actor"]["role"] == "system"
    assert first["since"] == "2022-01-03"
    await socket.close()


async def test_a_move_reaches_subscribers_of_the_unit_left_and_of_the_unit_joined(
    served: Served,
) -> None:
    app = served.service.app
    (nip,) = await asyncio.to_thread(hire, app, "3578", "BKPSDM", range(1, 2))
    left = await Socket.open(served.url, served.token(Role.OFFICER, "3578"))
    joined = await Socket.open(served.url, served.token(Role.AUDITOR))
    for socket, unit in ((left, "BKPSDM"), (joined, "DISKOMINFO")):
        await socket.acknowledged()
        await socket.subscribe("p", PLACEMENTS, {"agencyCode": "3578", "unitCode": unit})
    await asyncio.sleep(0.3)

    async with http_api(served) as api:
        case = await move(api, nip, "3578", "DISKOMINFO", "821/5/2026")
    for socket in (left, joined):
        (change,) = await socket.data("placementChanged", 1)
        assert change["nip"] == nip
        assert change["previousPlacement"]["unitCode"] == "BKPSDM"
        assert change["placement"]["unitCode"] == "DISKOMINFO"
        assert change["transferCaseId"] == case["id"]
        assert change["decreeNumber"] == "821/5/2026"
        assert change["since"] == "2026-11-16"
        await socket.close()


async def test_bad_arguments_get_typed_errors_and_write_nothing(served: Served) -> None:
    before = event_count(served.service)
    socket = await Socket.open(served.url, served.token(Role.INTEGRATOR))
    await socket.acknowledged()
    cases: dict[str, tuple[dict[str, Any], str, str]] = {
        "1": ({"unitCode": "BKPSDM"}, "BAD_INPUT", "agencyCode"),
        "2": ({"after": -1}, "BAD_INPUT", "after"),
        "3": ({"after": served.service.log.head() + 1_000}, "BAD_INPUT", "after"),
    }
    for operation_id, (variables, code, field) in cases.items():
        await socket.subscribe(operation_id, PLACEMENTS, variables)
        message = await socket.receive()
        assert message["id"] == operation_id
        errors = message["payload"]["errors"] if message["type"] == "next" else message["payload"]
        assert errors[0]["extensions"]["code"] == code, errors
        assert errors[0]["extensions"]["field"] == field
        if message["type"] == "next":
            assert await socket.receive() == {"id": operation_id, "type": "complete"}
    await socket.subscribe("4", "subscription { placementChanged { nope } }")
    message = await socket.receive()
    assert message["type"] == "error"
    assert message["payload"][0]["extensions"]["code"] == "BAD_INPUT"
    await socket.close()
    assert event_count(served.service) == before


async def test_a_fault_in_the_feed_is_masked_logged_and_ends_the_subscription(
    served: Served, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def failing_read(*_: object) -> None:
        raise RuntimeError("the store went away mid-read")

    monkeypatch.setattr(ChangeReader, "read", failing_read)
    socket = await Socket.open(served.url, served.token(Role.INTEGRATOR))
    await socket.acknowledged()
    await socket.subscribe("1", PLACEMENTS, {"after": 0})
    message = await socket.receive()
    (error,) = message["payload"]["errors"]
    assert error["extensions"] == {"code": "INTERNAL"}
    assert "store went away" not in error["message"]
    assert await socket.receive() == {"id": "1", "type": "complete"}
    assert any(
        "store went away" in str(record.exc_info[1]) for record in caplog.records if record.exc_info
    )
    await socket.close()
