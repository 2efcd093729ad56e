"""The read models as users query them over GraphQL, on both databases."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.application.clock import FixedClock
from asn_graph.application.commands import ChangeRank, EstablishPosition, RegisterWorkUnit
from asn_graph.bootstrap import Service, build_service
from asn_graph.domain.actors import SYSTEM_ACTOR, Role
from asn_graph.domain.reference import Rank
from tests.conftest import Api, event_count
from tests.e2e.scenario import (
    approve_route,
    complete_file,
    decree_and_move,
    evaluate_and_close,
    open_case,
    placement,
)
from tests.world import ANALYST, TODAY, person, register

PLACEMENTS = """
query($filter: PlacementFilterInput!, $first: Int, $after: String) {
  placements(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { nip unitCode positionCode positionKind rank since decreeNumber caseId } }
  }
}"""
BALANCE = """
query($agency: String!, $unit: String!) {
  staffingBalance(agencyCode: $agency, unitCode: $unit) {
    total { unitCode positions needed present incoming outgoing gap }
    subUnits { unitCode needed present gap }
    positions { positionCode needed present incoming outgoing gap }
  }
}"""


def _position(balance: dict[str, Any], code: str) -> dict[str, Any]:
    return next(p for p in balance["positions"] if p["positionCode"] == code)


async def test_placements_list_current_holders_with_sub_units_and_filters(
    api: Api, organised: Service
) -> None:
    app = organised.app
    app.work_units.register(
        SYSTEM_ACTOR, RegisterWorkUnit("3578", "BKPSDM-MUTASI", "Bidang Mutasi", "BKPSDM")
    )
    app.work_units.establish_position(
        SYSTEM_ACTOR, EstablishPosition("3578", "BKPSDM-MUTASI", ANALYST)
    )
    for sequence in (1, 2):
        register(app, person("3578", "BKPSDM", sequence))
    register(app, person("3578", "BKPSDM-MUTASI", 3))
    register(app, person("3578", "BKPSDM", 4, position="PENGADMINISTRASI"))
    promotion = ChangeRank(
        person("3578", "BKPSDM", 1).nip, Rank.III_C, TODAY, "Kenaikan pangkat reguler"
    )
    app.employees.change_rank(SYSTEM_ACTOR, promotion)
    officer = api.token(Role.OFFICER, "3578")

    unit_only = await api.ok(
        PLACEMENTS, {"filter": {"agencyCode": "3578", "unitCode": "BKPSDM"}}, token=officer
    )
    with_subs = await api.ok(
        PLACEMENTS,
        {"filter": {"agencyCode": "3578", "unitCode": "BKPSDM", "includeSubUnits": True}},
        token=officer,
    )
    analysts = await api.ok(
        PLACEMENTS,
        {"filter": {"agencyCode": "3578", "positionKind": "AHLI_PERTAMA"}},
        token=officer,
    )
    promoted = await api.ok(
        PLACEMENTS, {"filter": {"agencyCode": "3578", "rank": "III_C"}}, token=officer
    )

    assert unit_only["placements"]["totalCount"] == 3
    assert with_subs["placements"]["totalCount"] == 4
    assert {e["node"]["unitCode"] for e in with_subs["placements"]["edges"]} == {
        "BKPSDM",
        "BKPSDM-MUTASI",
    }
    assert analysts["placements"]["totalCount"] == 3
    assert [e["node"]["nip"] for e in promoted["placements"]["edges"]] == [
        person("3578", "BKPSDM", 1).nip
    ]
    first_page = await api.ok(
        PLACEMENTS,
        {"filter": {"agencyCode": "3578", "unitCode": "BKPSDM"}, "first": 2},
        token=officer,
    )
    page = first_page["placements"]
    assert page["pageInfo"]["hasNextPage"] is True
    rest = await api.ok(
        PLACEMENTS,
        {
            "filter": {"agencyCode": "3578", "unitCode": "BKPSDM"},
            "first": 2,
            "after": page["pageInfo"]["endCursor"],
        },
        token=officer,
    )
    nips = [e["node"]["nip"] for e in page["edges"] + rest["placements"]["edges"]]
    assert nips == sorted(nips)
    assert len(set(nips)) == 3


async def test_a_move_shows_in_staffing_history_placements_and_outcomes(
    api: Api, organised: Service
) -> None:
    employee = person("3578", "BKPSDM", 7)
    register(organised.app, employee)
    officer = api.token(Role.OFFICER, "3578")
    before = (await api.ok(BALANCE, {"agency": "3578", "unit": "BKPSDM"}, token=officer))[
        "staffingBalance"
    ]
    assert _position(before, "ANALIS-SDM") == {
        "positionCode": "ANALIS-SDM",
        "needed": 3,
        "present": 1,
        "incoming": 0,
        "outgoing": 0,
        "gap": 2,
    }

    case = await open_case(api, employee.nip, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
    in_flight = (await api.ok(BALANCE, {"agency": "3578", "unit": "BKPSDM"}, token=officer))[
        "staffingBalance"
    ]
    destination = (await api.ok(BALANCE, {"agency": "3578", "unit": "DISKOMINFO"}, token=officer))[
        "staffingBalance"
    ]
    assert _position(in_flight, "ANALIS-SDM")["outgoing"] == 1
    assert _position(in_flight, "ANALIS-SDM")["gap"] == 3
    assert _position(destination, "ANALIS-SDM")["incoming"] == 1
    assert _position(destination, "ANALIS-SDM")["gap"] == 2
    gaps = await api.ok(
        """{ deficits: staffingGaps(agencyCode: "3578") { unitCode positionCode gap }
             surpluses: staffingGaps(agencyCode: "3578", kind: SURPLUS) { gap } }""",
        token=officer,
    )
    deficits = [g["gap"] for g in gaps["deficits"]]
    assert deficits == sorted(deficits, reverse=True)
    assert deficits[0] == 3
    assert {"unitCode": "BKPSDM", "positionCode": "ANALIS-SDM", "gap": 3} in gaps["deficits"]
    assert gaps["surpluses"] == []

    await complete_file(api, case, "3578")
    await approve_route(api, case)
    await decree_and_move(api, case, "821/77/2026")
    await evaluate_and_close(api, case)

    after = (await api.ok(BALANCE, {"agency": "3578", "unit": "DISKOMINFO"}, token=officer))[
        "staffingBalance"
    ]
    assert _position(after, "ANALIS-SDM")["present"] == 1
    assert _position(after, "ANALIS-SDM")["incoming"] == 0
    assert after["total"]["present"] == 1

    placed = await api.ok(
        PLACEMENTS, {"filter": {"agencyCode": "3578", "unitCode": "DISKOMINFO"}}, token=officer
    )
    node = placed["placements"]["edges"][0]["node"]
    assert node["nip"] == employee.nip
    assert node["since"] == "2026-11-16"
    assert node["decreeNumber"] == "821/77/2026"
    assert node["caseId"] == case["id"]

    history = await api.ok(
        """query($nip: String!) { placementHistory(nip: $nip) {
             unitCode since until caseId decreeNumber } }""",
        {"nip": employee.nip},
        token=api.token(Role.EMPLOYEE, nip=employee.nip),
    )
    assert history["placementHistory"] == [
        {
            "unitCode": "BKPSDM",
            "since": "2022-01-03",
            "until": "2026-11-16",
            "caseId": None,
            "decreeNumber": None,
        },
        {
            "unitCode": "DISKOMINFO",
            "since": "2026-11-16",
            "until": None,
            "caseId": case["id"],
            "decreeNumber": "821/77/2026",
        },
    ]
    left = await api.ok(
        """{ unitMovements(agencyCode: "3578", unitCode: "BKPSDM") {
               totalCount edges { node { nip since until } } } }""",
        token=officer,
    )
    assert left["unitMovements"]["edges"][0]["node"] == {
        "nip": employee.nip,
        "since": "2022-01-03",
        "until": "2026-11-16",
    }

    outcomes = await api.ok(
        """{ transferOutcomes(filter: {agencyCode: "3578"}) { totalCount edges { node {
               nip ratingBefore ratingAfter trainings trainingHours evaluationRating } } }
             transferOutcomeSummary(filter: {agencyCode: "3578"}) {
               moves improved notYetRated trained trainingHours evaluated } }""",
        token=api.token(Role.AUDITOR, subject="bpk"),
    )
    assert outcomes["transferOutcomes"]["edges"][0]["node"] == {
        "nip": employee.nip,
        "ratingBefore": "BAIK",
        "ratingAfter": None,
        "trainings": 1,
        "trainingHours": 16,
        "evaluationRating": "BAIK",
    }
    assert outcomes["transferOutcomeSummary"] == {
        "moves": 1,
        "improved": 0,
        "notYetRated": 1,
        "trained": 1,
        "trainingHours": 16,
        "evaluated": 1,
    }


WORKLIST = """
query($filter: WorklistFilterInput) {
  worklist(filter: $filter) {
    totalCount
    edges { node { caseId state pendingStep assigneeRole deadline dueOn overdue daysInStage
                   daysOpen } }
  }
}"""


async def test_the_worklist_says_who_acts_next_and_flags_overdue_cases(
    api: Api, organised: Service, tokens: TokenService
) -> None:
    employee = person("3578", "BKPSDM", 8)
    register(organised.app, employee)
    case = await open_case(api, employee.nip, "3578", placement("3515", "BKPSDM", "ANALIS-SDM"))
    officer = api.token(Role.OFFICER, "3578")
    drafted = (await api.ok(WORKLIST, token=officer))["worklist"]["edges"][0]["node"]
    assert drafted["state"] == "DRAFT"
    assert drafted["assigneeRole"] == "officer"
    assert drafted["deadline"] is None

    await complete_file(api, case, "3578")
    await approve_route(api, case, steps=2)
    waiting = (await api.ok(WORKLIST, {"filter": {"states": ["IN_APPROVAL"]}}, token=officer))[
        "worklist"
    ]["edges"][0]["node"]
    entered = datetime.now(ZoneInfo(organised.settings.timezone)).date()
    assert waiting["pendingStep"] == "TECHNICAL_REVIEW"
    assert waiting["deadline"] == "TECHNICAL_REVIEW"
    assert waiting["dueOn"] == (entered + timedelta(days=15)).isoformat()

    later = build_service(organised.settings, clock=FixedClock(entered + timedelta(days=20)))
    try:
        app = create_app(later, tokens)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            overdue = await Api(client, tokens, later).ok(
                WORKLIST, {"filter": {"overdueOnly": True}}, token=officer
            )
    finally:
        later.close()
    items = overdue["worklist"]["edges"]
    assert [i["node"]["caseId"] for i in items] == [case["id"]]
    assert items[0]["node"]["overdue"] is True
    assert items[0]["node"]["daysInStage"] == 20


AUDIT = """
query($filter: AuditFilterInput, $first: Int) {
  auditTrail(filter: $filter, first: $first) {
    totalCount
    edges { node { logPosition subjectKind version eventType actorId actorRole actorAgency
                   reason details previousHash entryHash recordedAt } }
  }
}"""


async def test_the_audit_trail_of_a_case_names_every_actor_in_log_order(
    api: Api, organised: Service
) -> None:
    employee = person("3578", "BKPSDM", 9)
    register(organised.app, employee)
    case = await open_case(api, employee.nip, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
    await complete_file(api, case, "3578")
    auditor = api.token(Role.AUDITOR, subject="inspektorat-1")

    trail = (await api.ok(AUDIT, {"filter": {"subjectId": case["id"]}}, token=auditor))[
        "auditTrail"
    ]
    entries = [e["node"] for e in trail["edges"]]
    assert trail["totalCount"] == len(entries)
    assert [e["version"] for e in entries] == list(range(1, len(entries) + 1))
    assert entries[0]["eventType"] == "asn-graph/transfer-case/opened"
    assert entries[0]["actorRole"] == "officer"
    assert entries[0]["actorAgency"] == "3578"
    assert entries[0]["reason"] == "Pemerataan pegawai sesuai analisis beban kerja"
    assert entries[0]["details"]["destination"]["unit_code"] == "DISKOMINFO"
    assert entries[-1]["eventType"] == "asn-graph/transfer-case/documents-verified"
    positions = [e["logPosition"] for e in entries]
    assert positions == sorted(positions)

    everything = (await api.ok(AUDIT, {"first": 200}, token=auditor))["auditTrail"]
    chain = [e["node"] for e in everything["edges"]]
    assert chain[0]["previousHash"] == "0" * 64
    assert all(b["previousHash"] == a["entryHash"] for a, b in itertools.pairwise(chain))

    by_actor = (
        await api.ok(
            AUDIT,
            {"filter": {"actorAgency": "3578", "recordedFrom": entries[0]["recordedAt"]}},
            token=auditor,
        )
    )["auditTrail"]
    assert by_actor["totalCount"] >= len(entries)
    assert {e["node"]["actorAgency"] for e in by_actor["edges"]} == {"3578"}

    refused = await api.error(AUDIT, token=api.token(Role.EMPLOYEE, nip=employee.nip))
    assert refused["extensions"]["code"] == "FORBIDDEN"


AS_OF = """
query($id: ID!, $at: DateTime, $version: Int) {
  transferCaseAsOf(id: $id, at: $at, version: $version) {
    version recordedAt transferCase { state }
  }
}"""


async def test_an_auditor_sees_a_case_as_it_was_at_a_moment_or_version(
    api: Api, organised: Service
) -> None:
    employee = person("3578", "BKPSDM", 10)
    register(organised.app, employee)
    before_case = datetime.now(UTC) - timedelta(seconds=1)
    case = await open_case(api, employee.nip, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
    await complete_file(api, case, "3578")
    auditor = api.token(Role.AUDITOR, subject="bpk")

    first = (await api.ok(AS_OF, {"id": case["id"], "version": 1}, token=auditor))[
        "transferCaseAsOf"
    ]
    assert first["transferCase"]["state"] == "DRAFT"
    trail = (await api.ok(AUDIT, {"filter": {"subjectId": case["id"]}}, token=auditor))[
        "auditTrail"
    ]["edges"]
    submitted = next(e["node"] for e in trail if e["node"]["eventType"].endswith("/submitted"))
    at_submission = (
        await api.ok(AS_OF, {"id": case["id"], "at": submitted["recordedAt"]}, token=auditor)
    )["transferCaseAsOf"]
    assert at_submission["version"] == submitted["version"]
    assert at_submission["transferCase"]["state"] == "SUBMITTED"

    too_early = await api.error(
        AS_OF, {"id": case["id"], "at": before_case.isoformat()}, token=auditor
    )
    assert too_early["extensions"]["code"] == "NOT_FOUND"
    both = await api.error(
        AS_OF, {"id": case["id"], "at": submitted["recordedAt"], "version": 2}, token=auditor
    )
    assert both["extensions"]["code"] == "BAD_INPUT"

    employee_then = await api.ok(
        """query($nip: String!) { employeeAsOf(nip: $nip, version: 1) {
             version employee { placement { unitCode } activeCaseId } } }""",
        {"nip": employee.nip},
        token=auditor,
    )
    assert employee_then["employeeAsOf"]["employee"]["activeCaseId"] is None


async def test_a_read_asks_for_its_own_write_and_says_whether_it_got_it(
    organised: Service, tokens: TokenService
) -> None:
    external = build_service(_external(organised), clock=FixedClock(TODAY))
    try:
        app = create_app(external, tokens)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            api = Api(client, tokens)
            officer = api.token(Role.OFFICER, "3578")
            query = '{ placements(filter: {agencyCode: "3578"}) { totalCount } }'
            register(external.app, person("3578", "BKPSDM", 12))
            written = external.log.head()
            external.read_side.projector.catch_up(until=written - 1)

            stale = await client.post(
                "/graphql",
                json={"query": query},
                headers={
                    "Authorization": f"Bearer {officer}",
                    "X-Asn-Graph-Min-Position": str(written),
                },
            )
            assert stale.json()["extensions"]["readModel"] == {
                "position": written - 1,
                "requestedPosition": written,
                "caughtUp": False,
            }
            external.read_side.projector.catch_up()
            fresh = await client.post(
                "/graphql",
                json={"query": query},
                headers={
                    "Authorization": f"Bearer {officer}",
                    "X-Asn-Graph-Min-Position": str(written),
                },
            )
            assert fresh.json()["extensions"]["readModel"]["caughtUp"] is True
            assert fresh.json()["data"]["placements"]["totalCount"] == 1

            before = event_count(external)
            bad = await client.post(
                "/graphql",
                json={"query": query},
                headers={"Authorization": f"Bearer {officer}", "X-Asn-Graph-Min-Position": "soon"},
            )
            assert bad.json()["errors"][0]["extensions"]["code"] == "BAD_INPUT"
            assert event_count(external) == before
    finally:
        external.close()


def _external(service: Service) -> Any:
    from dataclasses import replace

    return replace(service.settings, projections="external", read_wait_ms=100)


async def test_placements_are_for_agency_staff_not_employees(api: Api, organised: Service) -> None:
    employee = person("3578", "BKPSDM", 13)
    register(organised.app, employee)
    before = event_count(organised)
    refused = await api.error(
        '{ placements(filter: {agencyCode: "3578"}) { totalCount } }',
        token=api.token(Role.EMPLOYEE, nip=employee.nip),
    )
    assert refused["extensions"]["code"] == "FORBIDDEN"
    unknown = await api.error(
        '{ staffingBalance(agencyCode: "3578", unitCode: "NOPE") { total { gap } } }',
        token=api.token(Role.OFFICER, "3578"),
    )
    assert unknown["extensions"]["code"] == "NOT_FOUND"
    assert event_count(organised) == before
