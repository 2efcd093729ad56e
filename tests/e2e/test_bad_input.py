"""Bad input gets a clear, typed error and leaves no event behind, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from graphql import get_introspection_query

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api, event_count
from tests.e2e import operations as op
from tests.e2e.scenario import approve_route, complete_file, open_case, placement
from tests.world import person, register

REGISTER = """
mutation($input: RegisterEmployeeInput!) { registerEmployee(input: $input) { employee { nip } } }
"""


def registration(nip: str) -> dict[str, Any]:
    return {
        "nip": nip,
        "name": "Rina Wijaya",
        "birthDate": "1990-05-17",
        "gender": "FEMALE",
        "status": "PNS",
        "rank": "III_A",
        "education": {"level": "S1", "field": "Akuntansi"},
        "competencies": [{"code": "TEK-KEUDA", "level": 3}],
        "appointedOn": "2015-03-01",
        "placement": placement("3578", "BKPSDM", "ANALIS-SDM"),
        "placedSince": "2015-03-01",
    }


async def expect(
    api: Api,
    service: Service,
    code: str,
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    token: str | None,
) -> dict[str, Any]:
    before = event_count(service)
    error = await api.error(query, variables, token=token)
    assert error["extensions"]["code"] == code, error
    assert error["message"]
    assert event_count(service) == before
    return error


async def test_a_malformed_nip_is_bad_input(api: Api, organised: Service) -> None:
    officer = api.token(Role.OFFICER, "3578")
    error = await expect(
        api, organised, "BAD_INPUT", REGISTER, {"input": registration("19900517")}, token=officer
    )
    assert error["extensions"]["field"] == "nip"
    await expect(
        api,
        organised,
        "BAD_INPUT",
        REGISTER,
        {"input": registration("199013172015032001")},
        token=officer,
    )
    await expect(api, organised, "BAD_INPUT", op.EMPLOYEE, {"nip": "12ab"}, token=officer)


async def test_a_nip_that_contradicts_the_birth_date_is_refused(
    api: Api, organised: Service
) -> None:
    officer = api.token(Role.OFFICER, "3578")
    variables = {"input": {**registration("199005172015032001"), "birthDate": "1990-05-18"}}
    error = await expect(api, organised, "RULE_VIOLATION", REGISTER, variables, token=officer)
    assert error["extensions"]["rules"] == ["NIP_MISMATCH"]


async def test_a_valid_registration_is_recorded_once(api: Api, organised: Service) -> None:
    officer = api.token(Role.OFFICER, "3578")
    data = await api.ok(REGISTER, {"input": registration("199005172015032001")}, token=officer)
    assert data["registerEmployee"]["employee"]["nip"] == "199005172015032001"
    await expect(
        api,
        organised,
        "CONFLICT",
        REGISTER,
        {"input": registration("199005172015032001")},
        token=officer,
    )


async def test_an_unknown_unit_is_not_found(api: Api, organised: Service) -> None:
    employee = person("3578", "BKPSDM", 1)
    register(organised.app, employee)
    variables = {
        "input": {
            "nip": employee.nip,
            "initiative": "AGENCY_INTEREST",
            "destination": placement("3578", "NO-SUCH-UNIT", "ANALIS-SDM"),
            "reason": "Penataan",
        }
    }
    await expect(
        api, organised, "NOT_FOUND", op.OPEN_CASE, variables, token=api.token(Role.OFFICER, "3578")
    )


async def test_an_illegal_transition_is_a_rule_violation(api: Api, organised: Service) -> None:
    employee = person("3578", "BKPSDM", 2)
    register(organised.app, employee)
    case = await open_case(api, employee.nip, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
    error = await expect(
        api,
        organised,
        "RULE_VIOLATION",
        op.VERIFY,
        {"id": case["id"]},
        token=api.token(Role.OFFICER, "3578"),
    )
    assert error["extensions"]["rules"] == ["ILLEGAL_TRANSITION"]
    assert "DRAFT" in error["message"]


async def test_a_decree_number_is_unique_per_issuer(api: Api, organised: Service) -> None:
    cases = []
    for sequence in (3, 4):
        employee = person("3578", "BKPSDM", sequence)
        register(organised.app, employee)
        case = await open_case(
            api, employee.nip, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM")
        )
        await complete_file(api, case, "3578")
        await approve_route(api, case)
        cases.append(case)
    approver = api.token(Role.APPROVER, "3578")
    decree = {
        "number": "821.2/77/436.7/2026",
        "issuer": "Wali Kota Surabaya",
        "authority": "PPK",
        "signedOn": "2026-11-02",
        "signatory": "Wali Kota Surabaya",
        "effectiveOn": "2026-11-16",
    }
    await api.ok(op.ISSUE_DECREE, {"input": {**decree, "caseId": cases[0]["id"]}}, token=approver)
    error = await expect(
        api,
        organised,
        "RULE_VIOLATION",
        op.ISSUE_DECREE,
        {"input": {**decree, "caseId": cases[1]["id"], "issuer": "wali kota  SURABAYA"}},
        token=approver,
    )
    assert error["extensions"]["rules"] == ["DECREE_NUMBER_UNIQUE"]
    error = await expect(
        api,
        organised,
        "RULE_VIOLATION",
        op.ISSUE_DECREE,
        {
            "input": {
                **decree,
                "caseId": cases[1]["id"],
                "number": "821.2/78",
                "effectiveOn": "2026-11-01",
            }
        },
        token=approver,
    )
    assert error["extensions"]["rules"] == ["DECREE_EFFECTIVE_DATE"]


@pytest.mark.parametrize("authorization", ["missing", "expired", "forged", "malformed"])
async def test_a_mutation_needs_a_valid_token(
    api: Api, organised: Service, authorization: str
) -> None:
    tokens = {
        "missing": None,
        "expired": api.tokens.mint(
            role=Role.OFFICER, subject="o", agency="3578", now=datetime.now(UTC) - timedelta(days=2)
        ),
        "forged": api.tokens.mint(role=Role.OFFICER, subject="o", agency="3578") + "x",
        "malformed": "not-a-jwt",
    }
    await expect(
        api,
        organised,
        "UNAUTHENTICATED",
        REGISTER,
        {"input": registration("199005172015032001")},
        token=tokens[authorization],
    )


async def test_an_employee_cannot_act_on_another_nip(api: Api, organised: Service) -> None:
    first, second = person("3578", "BKPSDM", 5), person("3578", "BKPSDM", 6)
    register(organised.app, first)
    register(organised.app, second)
    case = await open_case(api, second.nip, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
    impostor = api.token(Role.EMPLOYEE, nip=first.nip)
    await expect(
        api,
        organised,
        "FORBIDDEN",
        """mutation($input: AnswerProposalInput!) {
                      answerProposal(input: $input) { transferCase { id } } }""",
        {"input": {"caseId": case["id"], "agrees": True}},
        token=impostor,
    )
    await expect(
        api,
        organised,
        "FORBIDDEN",
        op.OPEN_CASE,
        {
            "input": {
                "nip": second.nip,
                "initiative": "OWN_REQUEST",
                "reason": "Pindah",
                "destination": placement("3578", "DISKOMINFO", "PENGADMINISTRASI"),
            }
        },
        token=impostor,
    )
    await expect(api, organised, "FORBIDDEN", op.EMPLOYEE, {"nip": second.nip}, token=impostor)


async def test_an_officer_cannot_act_for_another_agency(api: Api, organised: Service) -> None:
    employee = person("3578", "BKPSDM", 8)
    register(organised.app, employee)
    variables = {
        "input": {
            "nip": employee.nip,
            "initiative": "AGENCY_INTEREST",
            "destination": placement("3578", "DISKOMINFO", "ANALIS-SDM"),
            "reason": "Penataan",
        }
    }
    await expect(
        api, organised, "FORBIDDEN", op.OPEN_CASE, variables, token=api.token(Role.OFFICER, "3372")
    )
    between = await open_case(api, employee.nip, "3578", placement("3515", "BKPSDM", "ANALIS-SDM"))
    await complete_file(api, between, "3578")
    release = {
        "input": {
            "caseId": between["id"],
            "approved": True,
            "decidedOn": "2026-10-10",
            "reference": "800/1",
        }
    }
    await expect(
        api,
        organised,
        "FORBIDDEN",
        op.decide("ORIGIN_RELEASE"),
        release,
        token=api.token(Role.APPROVER, "3515"),
    )
    await expect(
        api,
        organised,
        "RULE_VIOLATION",
        op.decide("DESTINATION_ACCEPTANCE"),
        release,
        token=api.token(Role.APPROVER, "3515"),
    )


async def test_read_only_roles_cannot_write(api: Api, organised: Service) -> None:
    for role in (Role.AUDITOR, Role.INTEGRATOR):
        await expect(
            api,
            organised,
            "FORBIDDEN",
            REGISTER,
            {"input": registration("199005172015032001")},
            token=api.token(role, subject=f"{role.value}-1"),
        )


async def test_malformed_graphql_is_bad_input(api: Api, organised: Service) -> None:
    officer = api.token(Role.OFFICER, "3578")
    await expect(api, organised, "BAD_INPUT", "{ employee(nip: 1) { nip } }", token=officer)
    await expect(api, organised, "BAD_INPUT", "{ nosuchfield }", token=officer)
    await expect(api, organised, "BAD_INPUT", op.CASE, {"id": "not-a-uuid"}, token=officer)
    await expect(
        api,
        organised,
        "BAD_INPUT",
        op.ISSUE_DECREE,
        {"input": {"caseId": "x", "signedOn": "yesterday"}},
        token=officer,
    )


DEEP = "{ employee(nip: $nip) { %s } }"


@pytest.mark.parametrize(
    ("limit", "query"),
    [
        ("syntax", "mutation { registerEmployee(input: "),
        (
            "depth",
            "query($nip: String!) "
            + DEEP % ("transferCases { employee { " * 6 + "nip" + " }" * 12),
        ),
        (
            "introspection depth",
            "query($nip: String!) { __schema { types { "
            + "fields { type { " * 8
            + "name"
            + " } }" * 8
            + " } } }",
        ),
        ("aliases", "{ " + " ".join(f"a{n}: __typename" for n in range(31)) + " }"),
        ("tokens", "{ " + "__typename " * 5001 + "}"),
    ],
)
async def test_documents_beyond_the_limits_are_refused_before_anything_runs(
    api: Api, organised: Service, limit: str, query: str
) -> None:
    officer = api.token(Role.OFFICER, "3578")
    for _ in range(2):  # the second time from the remembered parse and validation
        error = await expect(api, organised, "BAD_INPUT", query, {"nip": "x"}, token=officer)
    words = {
        "syntax": "Syntax Error",
        "depth": "exceeds maximum operation depth",
        "introspection depth": "exceeds maximum operation depth",
        "aliases": "aliases",
        "tokens": "token",
    }
    assert words[limit].lower() in error["message"].lower(), error


async def test_the_standard_introspection_query_passes_its_own_depth_bound(
    api: Api, organised: Service
) -> None:
    """GraphiQL's documentation and completion ask graphql-js's introspection query, which
    nests 14 deep with its chain of ofType: within the bound of the schema's own questions."""
    query = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
    )
    data = await api.ok(query, token=api.token(Role.OFFICER, "3578"))
    assert data["__schema"]["queryType"]["name"] == "Query"
