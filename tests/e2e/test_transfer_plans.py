"""Transfer plans over HTTP: an officer drafts and proposes, an employee answers their own
consultation, the approver approves, the launch opens the cases; bad input records nothing."""

from __future__ import annotations

import asyncio
from typing import Any

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api
from tests.e2e.test_bad_input import expect
from tests.planning_world import CITY, PLAN_SCOPE, build_planning_world
from tests.world import TODAY

DRAFT = """
mutation($input: DraftTransferPlanInput!) {
  draftTransferPlan(input: $input) { transferPlan { id status title } }
}"""

PLAN_FIELDS = """
  id version status proposals totalScore launched unanswered objections
  totals { surplusBefore deficitBefore surplusAfter deficitAfter }
  units { unitCode name needed presentBefore presentAfter gapBefore gapAfter }
  moves {
    nip name pinned source origin { unitCode } destination { unitCode positionCode }
    score { total parts { part weight points } competencies { code name required held } }
    explanationId explanation(language: EN)
    answer { agrees reason preferences { units { unitCode } } }
    caseId
  }
"""

PROPOSE = (
    "mutation($id: ID!) { proposeTransferPlan(input: {planId: $id}) { transferPlan {"
    + PLAN_FIELDS
    + "} } }"
)
PLAN = "query($id: ID!) { transferPlan(id: $id) {" + PLAN_FIELDS + "} }"
CONSULT = """
mutation($id: ID!, $by: Date!) {
  openTransferPlanConsultation(input: {planId: $id, answerBy: $by}) { transferPlan { status } }
}"""
ANSWER = """
mutation($input: AnswerTransferPlanConsultationInput!) {
  answerTransferPlanConsultation(input: $input) {
    transferPlan { moves { nip answer { agrees } } unanswered }
  }
}"""
APPROVE = """
mutation($id: ID!) { approveTransferPlan(input: {planId: $id}) { transferPlan { status } } }"""
LAUNCH = """
mutation($id: ID!, $size: Int!) {
  launchTransferPlan(input: {planId: $id, batchSize: $size}) {
    transferPlan { status launched moves { nip caseId } }
  }
}"""
MINE = """
{ myTransferPlanConsultations { transferPlanId title status answered destination { unitCode } } }
"""
LIST = """
query($agency: String) {
  transferPlans(agencyCode: $agency) {
    totalCount edges { node { id title status moves launched } }
  }
}"""
CASE = "query($id: ID!) { transferCase(id: $id) { nip state plan { planId move } } }"


def draft_input(**changes: Any) -> dict[str, Any]:
    return {
        "agencyCode": CITY,
        "title": "Rencana mutasi semester I 2027",
        "periodStart": "2027-01-01",
        "periodEnd": "2027-06-30",
        "scope": {"agencyCodes": [CITY], "unitCodes": list(PLAN_SCOPE.unit_codes)},
        "maxMoves": 3,
        **changes,
    }


async def test_an_officer_plans_employees_answer_the_approver_approves_and_cases_open(
    api: Api, organised: Service
) -> None:
    world = await asyncio.to_thread(build_planning_world, organised.app)
    officer = api.token(Role.OFFICER, CITY)
    plan_id = (await api.ok(DRAFT, {"input": draft_input()}, token=officer))["draftTransferPlan"][
        "transferPlan"
    ]["id"]

    plan = (await api.ok(PROPOSE, {"id": plan_id}, token=officer))["proposeTransferPlan"][
        "transferPlan"
    ]

    moves = {move["nip"]: move for move in plan["moves"]}
    nurse = moves[world.nurse.nip]
    assert nurse["destination"] == {"unitCode": "DINKES", "positionCode": "PERAWAT"}
    assert nurse["score"]["competencies"] == [
        {"code": "TEK-KEP", "name": "Asuhan Keperawatan", "required": 2, "held": 3}
    ]
    assert {part["part"] for part in nurse["score"]["parts"]} >= {"COMPETENCY", "EDUCATION"}
    assert "Dinas Kesehatan" in nurse["explanationId"]
    assert nurse["explanation"].startswith(world.nurse.name)
    assert moves[world.programmer.nip]["destination"]["unitCode"] == "BIDANG-TIK"
    assert plan["totals"]["deficitAfter"] < plan["totals"]["deficitBefore"]

    await api.ok(CONSULT, {"id": plan_id, "by": TODAY.isoformat()}, token=officer)
    employee = api.token(Role.EMPLOYEE, nip=world.nurse.nip)
    mine = (await api.ok(MINE, token=employee))["myTransferPlanConsultations"]
    assert [(m["transferPlanId"], m["answered"]) for m in mine] == [(plan_id, False)]
    seen = (await api.ok(PLAN, {"id": plan_id}, token=employee))["transferPlan"]
    assert [move["nip"] for move in seen["moves"]] == [world.nurse.nip]
    assert seen["unanswered"] == []
    for nip in moves:
        answer = {"planId": plan_id, "agrees": True}
        await api.ok(ANSWER, {"input": answer}, token=api.token(Role.EMPLOYEE, nip=nip))
    approver = api.token(Role.APPROVER, CITY)
    approved = await api.ok(APPROVE, {"id": plan_id}, token=approver)
    assert approved["approveTransferPlan"]["transferPlan"]["status"] == "APPROVED"

    first = (await api.ok(LAUNCH, {"id": plan_id, "size": 2}, token=officer))["launchTransferPlan"][
        "transferPlan"
    ]
    assert (first["status"], first["launched"]) == ("APPROVED", 2)
    done = (await api.ok(LAUNCH, {"id": plan_id, "size": 2}, token=officer))["launchTransferPlan"][
        "transferPlan"
    ]
    assert (done["status"], done["launched"]) == ("LAUNCHED", 3)
    progress = "query($id: ID!) { transferPlan(id: $id) { progress { state cases } } }"
    launched = (await api.ok(progress, {"id": plan_id}, token=officer))["transferPlan"]
    assert launched["progress"] == [{"state": "DRAFT", "cases": 3}]
    for move in done["moves"]:
        case = (await api.ok(CASE, {"id": move["caseId"]}, token=officer))["transferCase"]
        assert case == {
            "nip": move["nip"],
            "state": "DRAFT",
            "plan": {"planId": plan_id, "move": move["nip"]},
        }
    listed = (await api.ok(LIST, {"agency": CITY}, token=officer))["transferPlans"]
    assert listed["totalCount"] == 1
    assert listed["edges"][0]["node"] | {"id": None} == {
        "id": None,
        "title": "Rencana mutasi semester I 2027",
        "status": "LAUNCHED",
        "moves": 3,
        "launched": 3,
    }


async def test_an_objection_needs_its_reason_and_others_cannot_answer_for_an_employee(
    api: Api, organised: Service
) -> None:
    world = await asyncio.to_thread(build_planning_world, organised.app)
    officer = api.token(Role.OFFICER, CITY)
    plan_id = (await api.ok(DRAFT, {"input": draft_input()}, token=officer))["draftTransferPlan"][
        "transferPlan"
    ]["id"]
    await api.ok(PROPOSE, {"id": plan_id}, token=officer)
    await api.ok(CONSULT, {"id": plan_id, "by": TODAY.isoformat()}, token=officer)
    nurse = api.token(Role.EMPLOYEE, nip=world.nurse.nip)
    objection = {"input": {"planId": plan_id, "agrees": False}}
    error = await expect(api, organised, "BAD_INPUT", ANSWER, objection, token=nurse)
    assert error["extensions"]["field"] == "reason"
    await expect(api, organised, "FORBIDDEN", ANSWER, objection, token=officer)
    outsider = api.token(Role.EMPLOYEE, nip=world.health_staff.nip)
    await expect(api, organised, "BAD_INPUT", ANSWER, objection, token=outsider)
    await expect(api, organised, "FORBIDDEN", PLAN, {"id": plan_id}, token=outsider)
    with_reason = {
        "input": {
            "planId": plan_id,
            "agrees": False,
            "reason": "FAMILY",
            "preferredUnits": [{"agencyCode": CITY, "unitCode": "BIDANG-TIK"}],
            "note": "Merawat orang tua",
        }
    }
    answered = await api.ok(ANSWER, with_reason, token=nurse)
    assert answered["answerTransferPlanConsultation"]["transferPlan"]["moves"] == [
        {"nip": world.nurse.nip, "answer": {"agrees": False}}
    ]


async def test_bad_plan_input_is_refused_and_records_nothing(api: Api, organised: Service) -> None:
    officer = api.token(Role.OFFICER, CITY)
    backwards = {"input": draft_input(periodEnd="2026-01-01")}
    await expect(api, organised, "BAD_INPUT", DRAFT, backwards, token=officer)
    no_agency = {"input": draft_input(scope={"agencyCodes": []})}
    await expect(api, organised, "BAD_INPUT", DRAFT, no_agency, token=officer)
    zero = {"input": draft_input(maxMoves=0)}
    await expect(api, organised, "BAD_INPUT", DRAFT, zero, token=officer)
    employee = api.token(Role.EMPLOYEE, nip="198401012010031001")
    await expect(api, organised, "FORBIDDEN", DRAFT, {"input": draft_input()}, token=employee)
    await expect(api, organised, "BAD_INPUT", PLAN, {"id": "nope"}, token=officer)
    await expect(
        api,
        organised,
        "NOT_FOUND",
        PLAN,
        {"id": "00000000-0000-4000-8000-000000000000"},
        token=officer,
    )
