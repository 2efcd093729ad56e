"""Reads: employees by NIP, units with positions and staff, filtered paginated lists."""

from __future__ import annotations

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api
from tests.e2e.scenario import open_case, placement
from tests.world import person, register

EMPLOYEES = """
query($filter: EmployeeFilterInput, $after: String) {
  employees(filter: $filter, first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { nip name rank placement { unitCode } } }
  }
}"""

UNIT = """
query {
  workUnit(agencyCode: "3578", code: "BKPSDM") {
    code name
    positions { code kind staffNeeded workloadHours effectiveHoursPerYear
                staffing { needed present incoming outgoing vacancies } }
    staff { nip }
  }
}"""


async def test_employee_list_pages_by_keyset(api: Api, organised: Service) -> None:
    people = [person("3578", "BKPSDM", n) for n in range(30, 35)]
    for who in people:
        register(organised.app, who)
    register(organised.app, person("3515", "BKPSDM", 36))
    auditor = api.token(Role.AUDITOR, subject="bpk-1")
    seen: list[str] = []
    after = None
    while True:
        data = (
            await api.ok(
                EMPLOYEES, {"filter": {"agencyCode": "3578"}, "after": after}, token=auditor
            )
        )["employees"]
        assert data["totalCount"] == len(people)
        seen += [edge["node"]["nip"] for edge in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
    assert seen == sorted(p.nip for p in people)
    named = await api.ok(EMPLOYEES, {"filter": {"nameContains": "3515 36"}}, token=auditor)
    assert named["employees"]["totalCount"] == 1


async def test_a_unit_shows_positions_workload_and_staffing(api: Api, organised: Service) -> None:
    staff = [person("3578", "BKPSDM", n) for n in (40, 41)]
    for who in staff:
        register(organised.app, who)
    mover = person("3515", "BKPSDM", 42)
    register(organised.app, mover)
    await open_case(api, mover.nip, "3515", placement("3578", "BKPSDM", "ANALIS-SDM"))
    unit = (await api.ok(UNIT, token=api.token(Role.OFFICER, "3578")))["workUnit"]
    analyst = next(p for p in unit["positions"] if p["code"] == "ANALIS-SDM")
    assert analyst["staffNeeded"] == 3
    assert analyst["workloadHours"] == 3750
    assert analyst["effectiveHoursPerYear"] == 1250
    assert analyst["staffing"] == {
        "needed": 3,
        "present": 2,
        "incoming": 1,
        "outgoing": 0,
        "vacancies": 0,
    }
    assert sorted(s["nip"] for s in unit["staff"]) == sorted(p.nip for p in staff)


async def test_the_case_list_filters_by_state_and_agency(api: Api, organised: Service) -> None:
    for n in (50, 51, 52):
        who = person("3578", "BKPSDM", n)
        register(organised.app, who)
        await open_case(api, who.nip, "3578", placement("3515", "DISKOMINFO", "ANALIS-SDM"))
    query = """query($filter: CaseFilterInput) { transferCases(filter: $filter, first: 2) {
                 totalCount pageInfo { hasNextPage } edges { node { state employeeName } } } }"""
    reader = api.token(Role.INTEGRATOR, subject="simpeg-sync")
    drafts = (
        await api.ok(query, {"filter": {"states": ["DRAFT"], "agencyCode": "3515"}}, token=reader)
    )["transferCases"]
    assert drafts["totalCount"] == 3
    assert drafts["pageInfo"]["hasNextPage"] is True
    assert drafts["edges"][0]["node"]["employeeName"].startswith("Pegawai 3578")
    none = await api.ok(query, {"filter": {"states": ["CLOSED"]}}, token=reader)
    assert none["transferCases"]["totalCount"] == 0


async def test_queries_need_a_token_too(api: Api, organised: Service) -> None:
    error = await api.error("{ agencies { code } }")
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    data = await api.ok(
        "{ agencies { code kind } me { role agency } }", token=api.token(Role.OFFICER, "35")
    )
    assert len(data["agencies"]) == 6
    assert data["me"] == {"role": "officer", "agency": "35"}
