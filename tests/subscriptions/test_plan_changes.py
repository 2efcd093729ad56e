"""transferPlanChanged: a dashboard follows a plan event by event, with its standing."""

from __future__ import annotations

import asyncio

from asn_graph.application import plan_commands as pc
from asn_graph.domain.actors import Role
from tests.integration.conftest import OFFICER
from tests.planning_world import CITY, PLAN_SCOPE, build_planning_world
from tests.subscriptions.conftest import Served
from tests.subscriptions.helpers import Socket
from tests.world import TODAY

PLANS = """
subscription Plans($id: ID, $agencyCode: String, $after: Int) {
  transferPlanChanged(id: $id, agencyCode: $agencyCode, after: $after) {
    position transferPlanId agencyCode status moves unanswered objections launched
    event { eventType version actor { role } }
  }
}"""


async def test_a_plan_is_followed_with_its_status_and_counts(served: Served) -> None:
    app = served.service.app
    await asyncio.to_thread(build_planning_world, app)
    command = pc.DraftPlan(
        CITY, "Rencana 2027", TODAY, TODAY.replace(year=TODAY.year + 1), PLAN_SCOPE, 2
    )
    plan = (await asyncio.to_thread(app.plans.draft, OFFICER, command)).view
    socket = await Socket.open(served.url, served.token(Role.OFFICER, CITY))
    await socket.acknowledged()
    await socket.subscribe("plan", PLANS, {"id": str(plan.id), "after": 0})
    (drafted,) = await socket.data("transferPlanChanged", 1)
    assert drafted["status"] == "DRAFT"
    assert drafted["event"]["eventType"] == "asn-graph/transfer-plan/drafted"

    await asyncio.to_thread(app.plans.propose, OFFICER, pc.ProposePlan(plan.id))
    opening = pc.OpenPlanConsultation(plan.id, TODAY)
    await asyncio.to_thread(app.plans.open_consultation, OFFICER, opening)

    proposed, consulting = await socket.data("transferPlanChanged", 2)
    assert (proposed["status"], proposed["moves"]) == ("DRAFT", 2)
    assert (consulting["status"], consulting["unanswered"]) == ("CONSULTING", 2)
    assert consulting["event"]["actor"]["role"] == "officer"
    assert proposed["position"] < consulting["position"]
    await socket.close()

    employee = await Socket.open(served.url, served.token(Role.EMPLOYEE, nip="198401012010031001"))
    await employee.acknowledged()
    await employee.subscribe("plan", PLANS, {"id": str(plan.id)})
    refused = await employee.receive()
    assert refused["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    await employee.close()
