"""A full case of every transfer type, proposal to closing, over HTTP on both databases."""

from __future__ import annotations

import pytest

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api
from tests.e2e import operations as op
from tests.e2e.scenario import (
    approve_route,
    complete_file,
    decree_and_move,
    evaluate_and_close,
    open_case,
    placement,
)
from tests.world import person, register

MOVES = [
    ("WITHIN_AGENCY", "3578", ("3578", "DISKOMINFO")),
    ("BETWEEN_LOCAL_SAME_PROVINCE", "3578", ("3515", "BKPSDM")),
    ("PROVINCE_LOCAL", "3578", ("35", "BKPSDM")),
    ("ACROSS_PROVINCES", "3578", ("3372", "BKPSDM")),
    ("REGIONAL_CENTRAL", "3578", ("BKN", "BKPSDM")),
    ("BETWEEN_CENTRAL", "KEMENDAGRI", ("BKN", "DISKOMINFO")),
]


@pytest.mark.parametrize(("transfer_type", "origin", "destination"), MOVES)
async def test_a_case_goes_from_proposal_to_effective_placement(
    api: Api,
    organised: Service,
    transfer_type: str,
    origin: str,
    destination: tuple[str, str],
) -> None:
    employee = person(origin, "BKPSDM", 7)
    register(organised.app, employee)
    target = placement(*destination, "ANALIS-SDM")

    case = await open_case(api, employee.nip, origin, target)
    assert case["transferType"] == transfer_type
    assert case["state"] == "DRAFT"
    await complete_file(api, case, origin)
    await approve_route(api, case)
    decree = await decree_and_move(api, case, f"821/{transfer_type}/2026")
    assert decree["decree"]["number"] == f"821/{transfer_type}/2026"

    reader = api.token(Role.AUDITOR, subject="inspektorat-1")
    moved = (await api.ok(op.EMPLOYEE, {"nip": employee.nip}, token=reader))["employee"]
    assert moved["placement"] == target
    assert moved["activeCaseId"] is None
    latest = moved["placementHistory"][-1]
    assert latest["since"] == "2026-11-16"
    assert latest["decreeNumber"] == f"821/{transfer_type}/2026"
    assert latest["handedOverTo"] == "Plt. Kepala Subbagian Kepegawaian"
    assert latest["caseId"] == case["id"]
    assert moved["placementHistory"][0]["placement"]["agencyCode"] == origin

    await evaluate_and_close(api, case)
    full = (await api.ok(op.CASE, {"id": case["id"]}, token=reader))["transferCase"]
    assert full["state"] == "CLOSED"
    assert [a["step"] for a in full["approvals"]] == case["route"]
    assert full["evaluations"] == [{"rating": "BAIK", "evaluatedOn": "2026-11-22"}]
    assert full["evaluationSchedule"] == [
        {"dueOn": "2027-05-16", "evaluatedOn": None, "overdue": False},
        {"dueOn": "2027-11-16", "evaluatedOn": None, "overdue": False},
    ]
    history = full["history"]
    assert history[0]["eventType"] == "asn-graph/transfer-case/opened"
    assert history[0]["actor"] == {"id": f"officer-{origin}", "role": "officer", "agency": origin}
    assert history[-1]["eventType"] == "asn-graph/transfer-case/closed"
    assert [h["version"] for h in history] == list(range(1, len(history) + 1))
    assert all(h["actor"]["id"] != "asn-graph" for h in history)


async def test_an_employee_requests_a_transfer_and_follows_its_status(
    api: Api, organised: Service
) -> None:
    employee = person("3578", "BKPSDM", 11)
    register(organised.app, employee)
    own = api.token(Role.EMPLOYEE, nip=employee.nip)
    data = await api.ok(
        """mutation($input: RequestTransferInput!) {
             requestTransfer(input: $input) { transferCase { id initiative state nip } } }""",
        {
            "input": {
                "destination": placement("3578", "DISKOMINFO", "ANALIS-SDM"),
                "reason": "Ingin mengembangkan kompetensi di bidang digital",
            }
        },
        token=own,
    )
    case = data["requestTransfer"]["transferCase"]
    assert case["initiative"] == "OWN_REQUEST"
    assert case["nip"] == employee.nip
    mine = await api.ok("{ transferCases { totalCount edges { node { id state } } } }", token=own)
    assert mine["transferCases"]["totalCount"] == 1
    assert mine["transferCases"]["edges"][0]["node"] == {"id": case["id"], "state": "DRAFT"}


async def test_an_objection_is_recorded_as_a_warning(api: Api, organised: Service) -> None:
    employee = person("3578", "BKPSDM", 12)
    register(organised.app, employee)
    case = await open_case(api, employee.nip, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
    data = await api.ok(
        """mutation($input: AnswerProposalInput!) {
             answerProposal(input: $input) { transferCase { warnings { rule message } } } }""",
        {
            "input": {
                "caseId": case["id"],
                "agrees": False,
                "preferences": ["DINKES"],
                "reason": "Sedang merawat orang tua",
            }
        },
        token=api.token(Role.EMPLOYEE, nip=employee.nip),
    )
    warnings = data["answerProposal"]["transferCase"]["warnings"]
    assert {
        "rule": "EMPLOYEE_OBJECTION",
        "message": "the employee objects: Sedang merawat orang tua",
    } in warnings
