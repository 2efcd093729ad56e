"""A case's stage over HTTP (TransferCase.stage): since when, who acts next and by when, as
the worklist reckons it, for the employee following their case as for the officers."""

from __future__ import annotations

from typing import Any

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api
from tests.e2e.scenario import approve_route, complete_file, open_case, placement
from tests.world import person, register

STAGE = """
query Stage($id: ID!) {
  transferCase(id: $id) {
    state
    stage { state pendingStep assigneeRole enteredAt daysInStage deadline dueOn overdue }
    history { recordedAt }
  }
}
"""
WORKLIST = """
query Work($agency: String!) {
  worklist(filter: {agencyCode: $agency}) {
    edges {
      node { caseId pendingStep assigneeRole stageEnteredAt daysInStage deadline dueOn overdue }
    }
  }
}
"""


async def stage_of(api: Api, case_id: str, token: str) -> dict[str, Any]:
    data = await api.ok(STAGE, {"id": case_id}, token=token)
    case: dict[str, Any] = data["transferCase"]
    return case


async def work_item(api: Api, case_id: str, agency: str) -> dict[str, Any]:
    data = await api.ok(WORKLIST, {"agency": agency}, token=api.token(Role.OFFICER, agency))
    items: list[dict[str, Any]] = [
        edge["node"] for edge in data["worklist"]["edges"] if edge["node"]["caseId"] == case_id
    ]
    (item,) = items
    return item


async def test_the_stage_says_who_acts_next_and_by_when_as_the_worklist_does(
    api: Api, organised: Service
) -> None:
    employee = person("3578", "BKPSDM", 11)
    register(organised.app, employee)
    case = await open_case(api, employee.nip, "3578", placement("3515", "BKPSDM", "ANALIS-SDM"))
    own = api.token(Role.EMPLOYEE, nip=employee.nip)

    opened = await stage_of(api, case["id"], own)
    assert opened["stage"]["state"] == "DRAFT"
    assert opened["stage"]["assigneeRole"] == "officer"
    assert opened["stage"]["deadline"] is None
    assert opened["stage"]["enteredAt"] == opened["history"][0]["recordedAt"]

    await complete_file(api, case, "3578")
    await approve_route(api, case, steps=len(case["route"]) - 1)
    waiting = await stage_of(api, case["id"], own)
    stage = waiting["stage"]
    assert stage["pendingStep"] == "TECHNICAL_REVIEW"
    assert stage["assigneeRole"] == "bkn"
    assert stage["deadline"] == "TECHNICAL_REVIEW"
    assert stage["enteredAt"] == waiting["history"][-1]["recordedAt"]
    item = await work_item(api, case["id"], "3578")
    assert stage["enteredAt"] == item["stageEnteredAt"]
    for name in ("pendingStep", "assigneeRole", "daysInStage", "deadline", "dueOn", "overdue"):
        assert stage[name] == item[name], name

    cancelled = await api.ok(
        "mutation W($id: ID!) { cancelTransferCase(input: {caseId: $id, reason: "
        '"Formasi dibatalkan"}) { transferCase { stage { state assigneeRole dueOn } } } }',
        {"id": case["id"]},
        token=api.token(Role.APPROVER, "3578"),
    )
    ended = cancelled["cancelTransferCase"]["transferCase"]["stage"]
    assert ended == {"state": "CANCELLED", "assigneeRole": None, "dueOn": None}
