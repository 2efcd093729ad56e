"""Candidate matching over HTTP, on SQLite and PostgreSQL: a position's candidates ranked with
their score's parts, the excluded ones apart with the rule and reason, an employee's
placement options, the filters, and employees found by competency and education. Nothing is
recorded and nobody is held."""

from __future__ import annotations

from typing import Any

import pytest

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api, event_count
from tests.e2e.test_bad_input import expect
from tests.matching_world import Cast, build_cast

CANDIDATES = """
query($agency: String!, $unit: String!, $position: String!, $filter: CandidateFilterInput,
      $first: Int, $after: String, $excludedFirst: Int) {
  candidates(agencyCode: $agency, unitCode: $unit, positionCode: $position, filter: $filter,
             first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    position {
      placement { agencyCode unitCode positionCode } title kind needed present incoming
      outgoing vacancies requiredEducation { level field }
      requiredCompetencies { code minimumLevel }
    }
    edges { node {
      nip name rank placement { unitCode positionCode } eligible
      score { total parts { part weight fraction points }
              competencies { code name required held } }
    } }
    excluded(first: $excludedFirst) {
      totalCount
      edges { node { nip eligible exclusions { rule reason } score { total } } }
    }
  }
}"""
OPTIONS = """
query($nip: String!, $agencies: [String!], $first: Int, $after: String) {
  placementOptions(nip: $nip, agencyCodes: $agencies, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      position { placement { agencyCode unitCode positionCode } title vacancies }
      eligible exclusions { rule reason } score { total parts { part points } }
    } }
  }
}"""
EMPLOYEES = """
query($filter: EmployeeFilterInput) {
  employees(filter: $filter, first: 50) { totalCount edges { node { nip } } }
}"""
ACTIVE_CASE = "query($nip: String!) { employee(nip: $nip) { activeCaseId } }"
DIGITAL = {"agency": "3578", "unit": "DISKOMINFO", "position": "PRAKOM"}


@pytest.fixture
def cast(organised: Service) -> Cast:
    return build_cast(organised.app)


def nips(connection: dict[str, Any]) -> list[str]:
    return [edge["node"]["nip"] for edge in connection["edges"]]


async def test_the_it_expert_ranks_first_for_a_digital_services_post(
    api: Api, organised: Service, cast: Cast
) -> None:
    officer = api.token(Role.OFFICER, "3578")
    before = event_count(organised)

    found = (await api.ok(CANDIDATES, DIGITAL, token=officer))["candidates"]

    position = found["position"]
    assert position["title"] == "Pranata Komputer Ahli Pertama"
    assert (position["needed"], position["present"], position["vacancies"]) == (2, 0, 2)
    assert position["requiredEducation"] == {"level": "S1", "field": "komputer"}
    assert nips(found) == [cast.it_expert.nip, cast.lawyer.nip, cast.manager.nip]
    assert found["totalCount"] == 3
    best = found["edges"][0]["node"]
    assert best["eligible"] is True
    assert best["placement"] == {"unitCode": "BKPSDM", "positionCode": "ANALIS-SDM"}
    assert best["score"]["competencies"] == [
        {"code": "TEK-APL", "name": "Pengembangan Aplikasi", "required": 3, "held": 4},
        {
            "code": "TEK-DATA",
            "name": "Pengelolaan Data dan Statistik Sektoral",
            "required": 2,
            "held": 3,
        },
    ]
    parts = {p["part"]: p for p in best["score"]["parts"]}
    assert list(parts) == [
        "COMPETENCY",
        "EDUCATION",
        "PERFORMANCE",
        "POTENTIAL",
        "TIME_IN_POST",
        "ASKED_FOR",
        "SURPLUS_ORIGIN",
    ]
    assert parts["COMPETENCY"] == {"part": "COMPETENCY", "weight": 35, "fraction": 1, "points": 35}
    assert parts["EDUCATION"]["fraction"] == 1
    assert parts["PERFORMANCE"]["fraction"] == 0.75  # BAIK in both rating years
    assert parts["SURPLUS_ORIGIN"]["points"] == 5  # five analysts where three are needed
    total = sum(p["points"] for p in parts.values())
    assert best["score"]["total"] == pytest.approx(total, abs=0.01)
    lawyer = found["edges"][1]["node"]
    assert {p["part"]: p["fraction"] for p in lawyer["score"]["parts"]}["EDUCATION"] == 0.25

    # Ranking records nothing and holds nobody.
    assert event_count(organised) == before
    held = await api.ok(ACTIVE_CASE, {"nip": cast.it_expert.nip}, token=officer)
    assert held["employee"]["activeCaseId"] is None


async def test_excluded_employees_are_listed_apart_with_the_rule_and_reason(
    api: Api, organised: Service, cast: Cast
) -> None:
    auditor = api.token(Role.AUDITOR)
    everyone = {
        "filter": {
            "units": [
                {"agencyCode": "3578", "unitCode": "BKPSDM"},
                {"agencyCode": "3578", "unitCode": "DISKOMINFO"},
            ]
        }
    }
    found = (await api.ok(CANDIDATES, {**DIGITAL, **everyone}, token=auditor))["candidates"]
    excluded = {
        edge["node"]["nip"]: [(e["rule"], e["reason"]) for e in edge["node"]["exclusions"]]
        for edge in found["excluded"]["edges"]
    }
    assert found["excluded"]["totalCount"] == 4
    assert all(edge["node"]["eligible"] is False for edge in found["excluded"]["edges"])
    [(rule, reason)] = excluded[cast.in_case.nip]
    assert rule == "ONE_ACTIVE_CASE"
    assert "already has an active transfer case" in reason
    assert excluded[cast.blocked.nip] == [
        ("BLOCKER", "DISCIPLINARY_PROCEEDINGS since 2026-09-01 (800/12/INSP/2026)")
    ]
    assert excluded[cast.weak.nip] == [
        ("PERFORMANCE", "rating BUTUH_PERBAIKAN in 2024 is below BAIK"),
        ("PERFORMANCE", "rating BUTUH_PERBAIKAN in 2025 is below BAIK"),
    ]
    assert excluded[cast.newcomer.nip] == [
        ("TENURE_MINIMUM", "10 months in post, the minimum is 24")
    ]
    assert set(nips(found)) == {p.nip for p in cast.eligible}


async def test_candidates_come_a_page_at_a_time(api: Api, cast: Cast) -> None:
    integrator = api.token(Role.INTEGRATOR)
    first = (await api.ok(CANDIDATES, {**DIGITAL, "first": 2}, token=integrator))["candidates"]
    assert first["pageInfo"]["hasNextPage"] is True
    after = {**DIGITAL, "first": 2, "after": first["pageInfo"]["endCursor"]}
    rest = (await api.ok(CANDIDATES, after, token=integrator))["candidates"]
    assert nips(first) + nips(rest) == [cast.it_expert.nip, cast.lawyer.nip, cast.manager.nip]
    assert rest["pageInfo"]["hasNextPage"] is False


@pytest.mark.parametrize(
    ("filter_", "expected"),
    [
        ({"competencies": [{"code": "tek-apl", "minimumLevel": 3}]}, ["it_expert"]),
        ({"educationFamily": "Hukum"}, ["lawyer"]),
        ({"minimumRating": "SANGAT_BAIK"}, ["lawyer"]),
        ({"surplusOnly": True}, ["it_expert", "lawyer", "manager"]),
        ({"units": [{"agencyCode": "3578", "unitCode": "DISKOMINFO"}]}, []),
    ],
)
async def test_filters_choose_whom_to_rank(
    api: Api, cast: Cast, filter_: dict[str, Any], expected: list[str]
) -> None:
    officer = api.token(Role.APPROVER, "3578")
    found = (await api.ok(CANDIDATES, {**DIGITAL, "filter": filter_}, token=officer))["candidates"]
    assert nips(found) == [getattr(cast, name).nip for name in expected]


async def test_employees_of_other_agencies_of_the_province_can_be_ranked(
    api: Api, cast: Cast
) -> None:
    # Another agency's employees are outside a city officer's scope: BKN's oversight ranks them.
    province = {**DIGITAL, "filter": {"agencyCodes": ["3578", "3515"]}, "excludedFirst": 50}
    refused = await api.error(CANDIDATES, province, token=api.token(Role.OFFICER, "3578"))
    assert refused["extensions"]["code"] == "FORBIDDEN"
    found = (await api.ok(CANDIDATES, province, token=api.token(Role.AUDITOR)))["candidates"]
    excluded = {
        edge["node"]["nip"]: edge["node"]["exclusions"] for edge in found["excluded"]["edges"]
    }
    assert excluded[cast.contract_elsewhere.nip] == [
        {"rule": "EMPLOYMENT_STATUS", "reason": "a PPPK employee cannot move to another agency"}
    ]


async def test_placement_options_are_positions_with_room_best_first(
    api: Api, organised: Service, cast: Cast
) -> None:
    before = event_count(organised)
    own = api.token(Role.EMPLOYEE, nip=cast.it_expert.nip)
    found = (await api.ok(OPTIONS, {"nip": cast.it_expert.nip}, token=own))["placementOptions"]
    options = [edge["node"] for edge in found["edges"]]
    by_code = {option["position"]["placement"]["positionCode"]: option for option in options}
    assert set(by_code) == {"PRAKOM", "KASI-APTIKA", "PENGADMINISTRASI"}
    assert all(option["position"]["vacancies"] > 0 for option in options)
    totals = [option["score"]["total"] for option in options]
    assert totals == sorted(totals, reverse=True)
    # Their own post is full of analysts; the programmer's post fits them as well as any
    # (the clerks' posts ask for nothing), the section head's needs MNJ-PK they lack.
    assert by_code["PRAKOM"]["score"]["total"] == totals[0]
    assert by_code["KASI-APTIKA"]["score"]["total"] < totals[0]
    assert all(option["eligible"] for option in options)
    assert found["totalCount"] == len(options)

    officer = api.token(Role.OFFICER, "3578")
    first = await api.ok(OPTIONS, {"nip": cast.it_expert.nip, "first": 1}, token=officer)
    page = first["placementOptions"]
    rest = await api.ok(
        OPTIONS,
        {"nip": cast.it_expert.nip, "first": 50, "after": page["pageInfo"]["endCursor"]},
        token=officer,
    )
    assert [e["node"] for e in page["edges"] + rest["placementOptions"]["edges"]] == options

    blocked = (await api.ok(OPTIONS, {"nip": cast.blocked.nip}, token=officer))["placementOptions"]
    assert blocked["edges"]
    assert all(
        [e["rule"] for e in edge["node"]["exclusions"]] == ["BLOCKER"] for edge in blocked["edges"]
    )
    assert event_count(organised) == before


async def test_employees_are_found_by_competency_and_education(api: Api, cast: Cast) -> None:
    officer = api.token(Role.OFFICER, "3578")

    async def found(filter_: dict[str, Any]) -> list[str]:
        return nips((await api.ok(EMPLOYEES, {"filter": filter_}, token=officer))["employees"])

    assert await found({"competencies": [{"code": "TEK-APL", "minimumLevel": 4}]}) == [
        cast.it_expert.nip
    ]
    assert await found({"competencies": [{"code": "TEK-APL", "minimumLevel": 5}]}) == []
    assert await found({"educationFamily": "komputer"}) == [cast.it_expert.nip]
    assert await found({"educationFamily": "hukum", "minimumEducationLevel": "S1"}) == [
        cast.lawyer.nip
    ]
    assert await found({"minimumEducationLevel": "S2"}) == []
    managers = await found(
        {"competencies": [{"code": "TEK-KEPEG", "minimumLevel": 3}], "agencyCode": "3578"}
    )
    assert set(managers) == {
        p.nip for p in (cast.manager, cast.in_case, cast.blocked, cast.weak, cast.newcomer)
    }


async def test_bad_questions_get_typed_errors(api: Api, organised: Service, cast: Cast) -> None:
    officer = api.token(Role.OFFICER, "3578")
    nowhere = {**DIGITAL, "position": "NOPE"}
    await expect(api, organised, "NOT_FOUND", CANDIDATES, nowhere, token=officer)
    error = await expect(
        api, organised, "BAD_INPUT", CANDIDATES, {**DIGITAL, "first": 500}, token=officer
    )
    assert error["extensions"]["field"] == "first"
    unknown = {"competencies": [{"code": "TEK-NGODING", "minimumLevel": 3}]}
    await expect(
        api, organised, "BAD_INPUT", CANDIDATES, {**DIGITAL, "filter": unknown}, token=officer
    )
    await expect(api, organised, "BAD_INPUT", EMPLOYEES, {"filter": unknown}, token=officer)
    too_high = {"competencies": [{"code": "TEK-APL", "minimumLevel": 6}]}
    await expect(api, organised, "BAD_INPUT", EMPLOYEES, {"filter": too_high}, token=officer)
    family = {"educationFamily": "astrologi"}
    error = await expect(
        api, organised, "BAD_INPUT", CANDIDATES, {**DIGITAL, "filter": family}, token=officer
    )
    assert error["extensions"]["field"] == "educationFamily"
    await expect(
        api, organised, "BAD_INPUT", CANDIDATES, {**DIGITAL, "after": "bm9wZQ=="}, token=officer
    )
    await expect(api, organised, "BAD_INPUT", OPTIONS, {"nip": "12ab"}, token=officer)
    await expect(api, organised, "NOT_FOUND", OPTIONS, {"nip": "199901012020011009"}, token=officer)


async def test_who_may_ask(api: Api, organised: Service, cast: Cast) -> None:
    own = api.token(Role.EMPLOYEE, nip=cast.it_expert.nip)
    await expect(api, organised, "FORBIDDEN", CANDIDATES, DIGITAL, token=own)
    await expect(api, organised, "FORBIDDEN", OPTIONS, {"nip": cast.lawyer.nip}, token=own)
    elsewhere = api.token(Role.OFFICER, "3515")
    await expect(api, organised, "FORBIDDEN", CANDIDATES, DIGITAL, token=elsewhere)
    # Another agency's employee is answered as if unknown.
    await expect(api, organised, "NOT_FOUND", OPTIONS, {"nip": cast.it_expert.nip}, token=elsewhere)
    await expect(api, organised, "UNAUTHENTICATED", CANDIDATES, DIGITAL, token=None)
    auditor = api.token(Role.AUDITOR)
    assert (await api.ok(OPTIONS, {"nip": cast.it_expert.nip}, token=auditor))["placementOptions"]
