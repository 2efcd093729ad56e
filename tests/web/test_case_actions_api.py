"""The API says what a case admits next (nextActions) and which of it the caller may take
(allowedActions): the case page offers exactly these."""

from __future__ import annotations

from uuid import UUID

import httpx

from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api
from tests.web.casework_world import submitted_case as submitted_case
from tests.web.conftest import EMPLOYEE

NEXT_ACTIONS = "query($id: ID!) { transferCase(id: $id) { state nextActions allowedActions } }"


async def test_the_api_names_the_next_actions_and_those_the_caller_may_take(
    browser_client: httpx.AsyncClient,
    web_service: Service,
    tokens: TokenService,
    submitted_case: UUID,
) -> None:
    api = Api(browser_client, tokens, web_service)
    variables = {"id": str(submitted_case)}
    officer = api.token(Role.OFFICER, "3578")
    approver = api.token(Role.APPROVER, "3578")
    employee = api.token(Role.EMPLOYEE, nip=EMPLOYEE.nip)
    other_agency = api.token(Role.OFFICER, "3515")
    as_officer = (await api.ok(NEXT_ACTIONS, variables, token=officer))["transferCase"]
    assert as_officer["nextActions"] == [
        "ATTACH_DOCUMENT",
        "RETURN_DOCUMENTS",
        "VERIFY_DOCUMENTS",
        "REJECT",
        "OVERRIDE_RULE",
        "WITHDRAW",
        "CANCEL",
        "EXPIRE",
    ]
    assert as_officer["allowedActions"] == [
        "ATTACH_DOCUMENT",
        "RETURN_DOCUMENTS",
        "VERIFY_DOCUMENTS",
        "REJECT",
        "WITHDRAW",
        "EXPIRE",
    ]
    as_approver = (await api.ok(NEXT_ACTIONS, variables, token=approver))["transferCase"]
    assert "CANCEL" in as_approver["allowedActions"]
    # The requester may add to their file and withdraw; the verification is not theirs.
    as_employee = (await api.ok(NEXT_ACTIONS, variables, token=employee))["transferCase"]
    assert as_employee["allowedActions"] == ["ATTACH_DOCUMENT", "WITHDRAW"]
    outsider = await api.error(NEXT_ACTIONS, variables, token=other_agency)
    assert outsider["extensions"]["code"] == "NOT_FOUND"
