"""Competencies by catalogue code and level, talent data, and the reference lists, over HTTP."""

from __future__ import annotations

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api
from tests.e2e.test_bad_input import REGISTER, expect, registration
from tests.world import TODAY

EMPLOYEE = """
query($nip: String!) {
  employee(nip: $nip) {
    education { level field family }
    competencies { code kind name level }
    competencyNote
    talent { year potential rating box }
  }
}"""

ASSESS = """
mutation($input: AssessPotentialInput!) {
  assessPotential(input: $input) { employee { talent { year potential box } } }
}"""

RATE = """
mutation($input: RatePerformanceInput!) { ratePerformance(input: $input) { employee { nip } } }
"""

LISTS = "{ competencyCatalogue { code kind name } fieldsOfStudy { field family } }"

NIP = "199005172015032001"


async def test_an_employee_holds_coded_competencies_and_a_nine_box(
    api: Api, organised: Service
) -> None:
    officer = api.token(Role.OFFICER, "3578")
    registration_input = {
        **registration(NIP),
        "education": {"level": "S1", "field": "Sistem Informasi"},
        "competencies": [{"code": "tek-apl", "level": 4}, {"code": "MNJ-KS", "level": 2}],
        "competencyNote": "Sertifikasi jaringan  dasar",
    }
    await api.ok(REGISTER, {"input": registration_input}, token=officer)
    year = TODAY.year - 1
    rating = {"nip": NIP, "year": year, "rating": "SANGAT_BAIK"}
    await api.ok(RATE, {"input": rating}, token=officer)
    assessed = await api.ok(
        ASSESS, {"input": {"nip": NIP, "year": year, "potential": "MENENGAH"}}, token=officer
    )
    assert assessed["assessPotential"]["employee"]["talent"] == [
        {"year": year, "potential": "MENENGAH", "box": 8}
    ]

    employee = (await api.ok(EMPLOYEE, {"nip": NIP}, token=officer))["employee"]

    assert employee["education"] == {
        "level": "S1",
        "field": "Sistem Informasi",
        "family": "komputer",
    }
    assert employee["competencies"] == [
        {"code": "MNJ-KS", "kind": "MANAGERIAL", "name": "Kerja Sama", "level": 2},
        {"code": "TEK-APL", "kind": "TECHNICAL", "name": "Pengembangan Aplikasi", "level": 4},
    ]
    assert employee["competencyNote"] == "Sertifikasi jaringan dasar"
    assert employee["talent"] == [
        {"year": year, "potential": "MENENGAH", "rating": "SANGAT_BAIK", "box": 8}
    ]


async def test_unknown_codes_and_levels_out_of_range_are_bad_input(
    api: Api, organised: Service
) -> None:
    officer = api.token(Role.OFFICER, "3578")
    for competency in ({"code": "TEK-NGODING", "level": 3}, {"code": "TEK-APL", "level": 6}):
        variables = {"input": {**registration(NIP), "competencies": [competency]}}
        await expect(api, organised, "BAD_INPUT", REGISTER, variables, token=officer)
    twice = [{"code": "TEK-APL", "level": 3}, {"code": "TEK-APL", "level": 2}]
    variables = {"input": {**registration(NIP), "competencies": twice}}
    await expect(api, organised, "BAD_INPUT", REGISTER, variables, token=officer)


async def test_the_reference_lists_are_served(api: Api, organised: Service) -> None:
    lists = await api.ok(LISTS, token=api.token(Role.EMPLOYEE, nip=NIP))
    codes = {entry["code"] for entry in lists["competencyCatalogue"]}
    assert {"MNJ-INT", "SK-PB", "TEK-APL"} <= codes
    assert {"field": "Sistem Informasi", "family": "komputer"} in lists["fieldsOfStudy"]
