"""transferCaseChanged: one case or a unit's cases; who may follow what."""

from __future__ import annotations

import asyncio

from asn_graph.domain.actors import Role
from tests.e2e.scenario import complete_file, open_case, placement
from tests.subscriptions.conftest import Served
from tests.subscriptions.helpers import CASES, PLACEMENTS, Socket, hire, http_api


async def test_a_case_is_followed_event_by_event_with_its_state(served: Served) -> None:
    (nip,) = await asyncio.to_thread(hire, served.service.app, "3578", "BKPSDM", range(1, 2))
    async with http_api(served) as api:
        case = await open_case(api, nip, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
        employee = await Socket.open(served.url, served.token(Role.EMPLOYEE, nip=nip))
        unit = await Socket.open(served.url, served.token(Role.OFFICER, "3578"))
        await employee.acknowledged()
        await unit.acknowledged()
        # The employee resumes from before the case was opened: the opening comes from the store.
        await employee.subscribe("own", CASES, {"id": case["id"], "after": 0})
        await unit.subscribe("unit", CASES, {"agencyCode": "3578", "unitCode": "DISKOMINFO"})
        (opened,) = await employee.data("transferCaseChanged", 1)
        assert opened["state"] == "DRAFT"
        assert opened["event"]["eventType"] == "asn-graph/transfer-case/opened"
        assert opened["event"]["version"] == 1
        await asyncio.sleep(0.3)

        await complete_file(api, case, "3578")

    documents = len(case["missingDocuments"])
    for socket, field in ((employee, "own"), (unit, "unit")):
        changes = await socket.data("transferCaseChanged", documents + 2)
        assert [c["state"] for c in changes] == ["DRAFT"] * documents + [
            "SUBMITTED",
            "IN_APPROVAL",
        ], field
        assert [c["event"]["version"] for c in changes] == list(range(2, documents + 4))
        assert all(c["transferCaseId"] == case["id"] for c in changes)
        assert changes[0]["destination"] == {"agencyCode": "3578", "unitCode": "DISKOMINFO"}
        assert changes[-1]["event"]["actor"]["role"] == "officer"
        positions = [c["position"] for c in changes]
        assert positions == sorted(positions)
        await socket.close()


async def test_employees_follow_only_their_own_cases(served: Served) -> None:
    mine, other = await asyncio.to_thread(hire, served.service.app, "3578", "BKPSDM", range(1, 3))
    async with http_api(served) as api:
        theirs = await open_case(api, other, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
        socket = await Socket.open(served.url, served.token(Role.EMPLOYEE, nip=mine))
        await socket.acknowledged()
        await socket.subscribe("a", CASES, {"id": theirs["id"]})
        refused = await socket.receive()
        assert refused["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert await socket.receive() == {"id": "a", "type": "complete"}
        await socket.subscribe("b", PLACEMENTS)
        refused = await socket.receive()
        assert refused["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        await socket.receive()

        # Without an id, an employee hears of their own cases only.
        await socket.subscribe("c", CASES, {"after": 0})
        own = await open_case(api, mine, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
        (opened,) = await socket.data("transferCaseChanged", 1)
        assert opened["transferCaseId"] == own["id"]
        assert opened["nip"] == mine
        await socket.close()


async def test_approvers_may_not_subscribe_and_unknown_cases_are_not_found(
    served: Served,
) -> None:
    socket = await Socket.open(served.url, served.token(Role.APPROVER, "3578"))
    await socket.acknowledged()
    await socket.subscribe("1", PLACEMENTS)
    message = await socket.receive()
    assert message["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    await socket.receive()
    await socket.close()

    socket = await Socket.open(served.url, served.token(Role.INTEGRATOR))
    await socket.acknowledged()
    await socket.subscribe("2", CASES, {"id": "00000000-0000-0000-0000-000000000001"})
    message = await socket.receive()
    assert message["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    await socket.close()
