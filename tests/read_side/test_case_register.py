"""The case register over GraphQL on both databases: each case's stage and the stints of
every stage it went through (closed cases included), the period a case was opened in, the
register's counts, and the moves of a period with their decrees."""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import httpx

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.application import commands as c
from asn_graph.application.clock import FixedClock
from asn_graph.bootstrap import Service, build_service
from asn_graph.documents import package_documents
from asn_graph.domain.actors import Role
from asn_graph.domain.case_records import Decree, DocumentEvidence, Evaluation, Handover
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import PerformanceRating
from asn_graph.domain.transfer_types import ApprovalStep, DecisionAuthority, Initiative
from asn_graph.projections.rebuild import Rebuild
from tests.conftest import Api, event_count
from tests.e2e.scenario import approve_route, complete_file, open_case, placement
from tests.integration.conftest import APPROVER, OFFICER
from tests.world import person, register

REGISTER = """
query($filter: CaseFilterInput, $first: Int, $after: String) {
  transferCases(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id state employeeName daysInStage dueOn overdue closedAt
      stage { state pendingStep assigneeRole daysInStage dueOn overdue }
      stages { state pendingStep enteredAt leftAt days } } }
  }
}"""
COUNTS = """
query($filter: CaseFilterInput) {
  transferCaseCounts(filter: $filter) {
    cases overdue byState { state cases } byTransferType { transferType cases }
    stages { state pendingStep stints openStints averageDays maxDays }
  }
}"""
MOVES = """
query($filter: OutcomeFilterInput) {
  transferOutcomes(filter: $filter) {
    totalCount
    edges { node { caseId nip employeeName decreeNumber decreeSignedOn effectiveOn
                   originUnit destinationUnit } }
  }
}"""
DESTINATION = Placement("3578", "DISKOMINFO", "ANALIS-SDM")
TMT = date(2026, 11, 2)


def _opened(service: Service, sequence: int) -> UUID:
    who = person("3578", "BKPSDM", sequence)
    register(service.app, who)
    opening = c.OpenCase(who.nip, DESTINATION, Initiative.AGENCY_INTEREST, "Pemerataan pegawai")
    return service.app.cases.open(OFFICER, opening).view.id


def _closed_after_a_return(
    service: Service, sequence: int, *, corrected_on: date | None = None
) -> UUID:
    """A case within the agency, its file returned once, moved, evaluated and closed; its
    decree corrected (ralat) to be signed ``corrected_on``, if given."""
    cases = service.app.cases
    case_id = _opened(service, sequence)
    missing = cases.get(case_id).missing_documents
    for number, kind in enumerate(missing, start=1):
        digest = hashlib.sha256(f"{case_id}:{kind.value}".encode()).hexdigest()
        document = DocumentEvidence(kind, f"800/{number}", date(2026, 9, 1), "BKD", digest)
        cases.attach_document(OFFICER, c.AttachDocument(case_id, document))
    cases.submit(OFFICER, c.SubmitCase(case_id))
    cases.return_documents(OFFICER, c.ReturnDocuments(case_id, "Tanda tangan kurang"))
    cases.submit(OFFICER, c.SubmitCase(case_id))
    cases.verify_documents(OFFICER, c.VerifyDocuments(case_id))
    signed = TMT - timedelta(days=14)
    decision = c.DecideStep(case_id, ApprovalStep.REVIEW_BOARD, True, signed, "BA/1", "")
    cases.decide_step(APPROVER, decision)
    handover = Handover(None, "Plt. Kasubbag", signed, "Diserahkan")
    cases.record_handover(OFFICER, c.RecordHandover(case_id, handover))
    decree = Decree(
        f"821/{sequence}/2026",
        "Wali Kota Surabaya",
        DecisionAuthority.PPK,
        signed,
        "Wali Kota Surabaya",
        TMT,
    )
    cases.issue_decree(APPROVER, c.IssueDecree(case_id, decree))
    if corrected_on is not None:
        ralat = replace(decree, signed_on=corrected_on)
        cases.correct_decree(APPROVER, c.CorrectDecree(case_id, ralat, "Tanggal SK salah ketik"))
    cases.record_installation(OFFICER, c.RecordInstallation(case_id, signed + timedelta(days=1)))
    cases.take_effect(OFFICER, c.TakeEffect(case_id))
    evaluation = Evaluation(PerformanceRating.BAIK, date(2026, 11, 20), "Adaptasi baik")
    cases.record_evaluation(OFFICER, c.RecordEvaluation(case_id, evaluation))
    cases.close(OFFICER, c.CloseCase(case_id))
    return case_id


def _nodes(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {edge["node"]["id"]: edge["node"] for edge in data["transferCases"]["edges"]}


def _today_in_agency(service: Service) -> date:
    """The day the events of the test are recorded on (their time is the wall clock's)."""
    return datetime.now(ZoneInfo(service.settings.timezone)).date()


async def test_a_closed_case_shows_every_stage_it_went_through(
    api: Api, organised: Service
) -> None:
    case_id = str(_closed_after_a_return(organised, 71))
    officer = api.token(Role.OFFICER, "3578")

    node = _nodes(await api.ok(REGISTER, token=officer))[case_id]

    stints = node["stages"]
    assert [(s["state"], s["pendingStep"]) for s in stints] == [
        ("DRAFT", None),
        ("SUBMITTED", None),
        ("DOCUMENTS_RETURNED", None),
        ("SUBMITTED", None),
        ("IN_APPROVAL", "REVIEW_BOARD"),
        ("AWAITING_DECREE", None),
        ("DECREE_ISSUED", None),
        ("APPOINTED", None),
        ("EFFECTIVE", None),
    ]
    for stint, following in itertools.pairwise(stints):
        assert stint["leftAt"] == following["enteredAt"]
    assert stints[-1]["leftAt"] == node["closedAt"] is not None
    assert all(s["days"] == 0 for s in stints)  # one afternoon's work
    assert node["state"] == node["stage"]["state"] == "CLOSED"
    assert node["stage"]["assigneeRole"] is None
    assert (node["overdue"], node["dueOn"]) == (False, None)


async def test_the_register_of_a_period_counts_the_cases_it_lists(
    api: Api, organised: Service
) -> None:
    closed = str(_closed_after_a_return(organised, 72))
    drafted = str(_opened(organised, 73))
    cancelled = _opened(organised, 74)
    organised.app.cases.cancel(APPROVER, c.CancelCase(cancelled, "Formasi dibatalkan"))
    officer = api.token(Role.OFFICER, "3578")
    today = _today_in_agency(organised).isoformat()
    yesterday = (_today_in_agency(organised) - timedelta(days=1)).isoformat()

    period = {"agencyCode": "3578", "openedFrom": today, "openedUntil": today}
    listed = await api.ok(REGISTER, {"filter": period}, token=officer)
    counts = (await api.ok(COUNTS, {"filter": period}, token=officer))["transferCaseCounts"]
    before = {"openedUntil": yesterday}
    none_before = await api.ok(REGISTER, {"filter": before}, token=officer)
    counted_before = await api.ok(COUNTS, {"filter": before}, token=officer)

    nodes = _nodes(listed)
    assert set(nodes) == {closed, drafted, str(cancelled)}
    assert counts["cases"] == listed["transferCases"]["totalCount"] == 3
    assert {s["state"]: s["cases"] for s in counts["byState"]} == {
        "DRAFT": 1,
        "CLOSED": 1,
        "CANCELLED": 1,
    }
    assert [s["state"] for s in counts["byState"]] == ["DRAFT", "CLOSED", "CANCELLED"]
    assert counts["byTransferType"] == [{"transferType": "WITHIN_AGENCY", "cases": 3}]
    assert counts["overdue"] == sum(node["overdue"] for node in nodes.values()) == 0
    stints = [s for node in nodes.values() for s in node["stages"]]
    assert sum(stage["stints"] for stage in counts["stages"]) == len(stints) == 11
    assert {(s["state"], s["stints"], s["openStints"]) for s in counts["stages"]} >= {
        ("DRAFT", 3, 1),
        ("SUBMITTED", 2, 0),
        ("EFFECTIVE", 1, 0),
    }
    assert nodes[str(cancelled)]["stages"][0]["leftAt"] == nodes[str(cancelled)]["closedAt"]
    assert none_before["transferCases"]["totalCount"] == 0
    assert counted_before["transferCaseCounts"]["cases"] == 0
    assert counted_before["transferCaseCounts"]["stages"] == []


async def test_a_case_past_its_due_date_is_overdue_in_the_list_and_the_counts(
    api: Api, organised: Service, tokens: TokenService
) -> None:
    employee = person("3578", "BKPSDM", 75)
    register(organised.app, employee)
    case = await open_case(api, employee.nip, "3578", placement("3515", "BKPSDM", "ANALIS-SDM"))
    await complete_file(api, case, "3578")
    await approve_route(api, case, steps=2)
    officer = api.token(Role.OFFICER, "3578")
    entered = _today_in_agency(organised)

    later = build_service(organised.settings, clock=FixedClock(entered + timedelta(days=20)))
    try:
        transport = httpx.ASGITransport(app=create_app(later, tokens))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            reader = Api(client, tokens, later)
            listed = await reader.ok(REGISTER, token=officer)
            counts = (await reader.ok(COUNTS, token=officer))["transferCaseCounts"]
    finally:
        later.close()

    node = _nodes(listed)[case["id"]]
    assert node["overdue"] is node["stage"]["overdue"] is True
    assert node["dueOn"] == (entered + timedelta(days=15)).isoformat()
    assert node["daysInStage"] == node["stage"]["daysInStage"] == 20
    assert node["stages"][-1] == {
        **node["stages"][-1],
        "state": "IN_APPROVAL",
        "pendingStep": "TECHNICAL_REVIEW",
        "leftAt": None,
        "days": 20,
    }
    assert counts["overdue"] == 1
    review = next(s for s in counts["stages"] if s["pendingStep"] == "TECHNICAL_REVIEW")
    assert review == {
        "state": "IN_APPROVAL",
        "pendingStep": "TECHNICAL_REVIEW",
        "stints": 1,
        "openStints": 1,
        "averageDays": 20.0,
        "maxDays": 20,
    }


async def test_a_period_that_ends_before_it_starts_is_refused_and_records_nothing(
    api: Api, organised: Service
) -> None:
    officer = api.token(Role.OFFICER, "3578")
    backwards = {"filter": {"openedFrom": "2026-11-10", "openedUntil": "2026-11-09"}}
    before = event_count(organised)
    for query in (REGISTER, COUNTS):
        error = await api.error(query, backwards, token=officer)
        assert error["extensions"]["code"] == "BAD_INPUT"
        assert error["extensions"]["field"] == "filter.openedUntil"
        assert "2026-11-09" in error["message"]
    assert event_count(organised) == before
    indonesian = await api.client.post(
        "/graphql",
        json={"query": COUNTS, "variables": backwards},
        headers={"Authorization": f"Bearer {officer}", "Accept-Language": "id"},
    )
    assert "periode pembukaan usulan" in indonesian.json()["errors"][0]["message"]


async def test_an_officer_of_another_agency_reads_neither_the_cases_nor_their_counts(
    api: Api, organised: Service
) -> None:
    _opened(organised, 76)
    stranger = api.token(Role.OFFICER, "3515")
    named = {"filter": {"agencyCode": "3578"}}

    for query in (REGISTER, COUNTS):
        error = await api.error(query, named, token=stranger)
        assert error["extensions"]["code"] == "FORBIDDEN"
    own = await api.ok(COUNTS, token=stranger)
    assert own["transferCaseCounts"]["cases"] == 0
    assert (await api.ok(REGISTER, token=stranger))["transferCases"]["totalCount"] == 0


async def test_the_moves_of_a_period_name_their_decree_and_employee(
    api: Api, organised: Service
) -> None:
    case_id = str(_closed_after_a_return(organised, 77, corrected_on=TMT - timedelta(days=16)))
    officer = api.token(Role.OFFICER, "3578")
    period = {"effectiveFrom": "2026-11-01", "effectiveUntil": "2026-12-01"}

    moves = await api.ok(MOVES, {"filter": {**period, "unitCode": "DISKOMINFO"}}, token=officer)
    elsewhere = await api.ok(MOVES, {"filter": {**period, "unitCode": "DINKES"}}, token=officer)

    (move,) = [edge["node"] for edge in moves["transferOutcomes"]["edges"]]
    assert move == {
        "caseId": case_id,
        "nip": person("3578", "BKPSDM", 77).nip,
        "employeeName": person("3578", "BKPSDM", 77).name,
        "decreeNumber": "821/77/2026",
        "decreeSignedOn": (TMT - timedelta(days=16)).isoformat(),
        "effectiveOn": TMT.isoformat(),
        "originUnit": "BKPSDM",
        "destinationUnit": "DISKOMINFO",
    }
    assert elsewhere["transferOutcomes"]["totalCount"] == 0


async def test_rebuilt_read_models_give_the_same_register(api: Api, organised: Service) -> None:
    _closed_after_a_return(organised, 78)
    _opened(organised, 79)
    officer = api.token(Role.OFFICER, "3578")

    async def answers() -> list[dict[str, Any]]:
        return [
            await api.ok(REGISTER, token=officer),
            await api.ok(COUNTS, token=officer),
            await api.ok(MOVES, token=officer),
        ]

    incremental = await answers()
    Rebuild(organised.log, organised.staging(), organised.models()).run()
    assert await answers() == incremental


async def test_the_package_documents_page_through_the_register_and_the_moves(
    api: Api, organised: Service
) -> None:
    _closed_after_a_return(organised, 80)
    _closed_after_a_return(organised, 81)
    _opened(organised, 82)
    officer = api.token(Role.OFFICER, "3578")
    documents = package_documents()

    async def every_node(document: str, field: str, filter_: dict[str, Any]) -> list[Any]:
        nodes: list[Any] = []
        after = None
        while True:
            variables = {"filter": filter_, "first": 1, "after": after}
            page = (await api.ok(documents[document], variables, token=officer))[field]
            nodes += [edge["node"] for edge in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                return nodes
            after = page["pageInfo"]["endCursor"]

    register_rows = await every_node("CaseRegister", "transferCases", {"agencyCode": "3578"})
    counts = await api.ok(
        documents["CaseRegisterCounts"], {"filter": {"agencyCode": "3578"}}, token=officer
    )
    moves = await every_node("MovesOfPeriod", "transferOutcomes", {"effectiveFrom": "2026-11-01"})

    assert len(register_rows) == counts["transferCaseCounts"]["cases"] == 3
    stints = sum(len(row["stages"]) for row in register_rows)
    assert stints == sum(s["stints"] for s in counts["transferCaseCounts"]["stages"]) == 19
    assert sorted(move["decreeNumber"] for move in moves) == ["821/80/2026", "821/81/2026"]
