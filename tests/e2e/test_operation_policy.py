"""What a request may run beyond validation, on both fast-path settings: one operation chosen
by name when the document has several, and introspection only as ASN_GRAPH_INTROSPECTION
allows (by default to callers with a token), and without the schema's names suggested in
errors unless introspection is open to anyone."""

from __future__ import annotations

import dataclasses

import pytest

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from asn_graph.settings import Introspection
from tests.conftest import Api, event_count
from tests.e2e.test_bad_input import REGISTER, expect, registration

SCHEMA = "{ __schema { queryType { name } } }"
TYPE_IN_A_FRAGMENT = 'query { ...Probe } fragment Probe on Query { __type(name: "Query") { name } }'


def _introspection(service: Service, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    settings = dataclasses.replace(service.settings, introspection=Introspection(value))
    monkeypatch.setattr(service, "settings", settings)


def _register_twice(first: str, second: str) -> str:
    operation = REGISTER.strip().removeprefix("mutation")
    return f"mutation {first}{operation}\nmutation {second}{operation}"


async def test_several_anonymous_operations_are_refused_and_nothing_runs(
    api: Api, organised: Service
) -> None:
    officer = api.token(Role.OFFICER, "3578")
    variables = {"input": registration("199005172015032001")}
    error = await expect(
        api, organised, "BAD_INPUT", _register_twice("", ""), variables, token=officer
    )
    assert "anonymous operation" in error["message"]


async def test_several_named_operations_need_an_operation_name(
    api: Api, organised: Service
) -> None:
    officer = api.token(Role.OFFICER, "3578")
    variables = {"input": registration("199005172015032001")}
    error = await expect(
        api, organised, "BAD_INPUT", _register_twice("First", "Second"), variables, token=officer
    )
    assert "operationName" in error["message"]


async def test_the_named_operation_of_several_runs(api: Api, organised: Service) -> None:
    officer = api.token(Role.OFFICER, "3578")
    before = event_count(organised)
    response = await api.client.post(
        "/graphql",
        json={
            "query": _register_twice("First", "Second"),
            "operationName": "Second",
            "variables": {"input": registration("199005172015032001")},
        },
        headers={"Authorization": f"Bearer {officer}"},
    )
    body = response.json()
    assert body["data"]["registerEmployee"]["employee"]["nip"] == "199005172015032001", body
    assert event_count(organised) > before


@pytest.mark.parametrize("query", [SCHEMA, TYPE_IN_A_FRAGMENT])
async def test_introspection_without_a_token_is_refused_by_default(
    api: Api, organised: Service, query: str
) -> None:
    error = await api.error(query)
    assert error["extensions"]["code"] == "UNAUTHENTICATED", error
    error = await api.error(query, token="not-a-token")
    assert error["extensions"]["code"] == "UNAUTHENTICATED", error


@pytest.mark.parametrize("query", [SCHEMA, TYPE_IN_A_FRAGMENT])
async def test_introspection_with_a_token_is_answered_by_default(
    api: Api, organised: Service, query: str
) -> None:
    data = await api.ok(query, token=api.token(Role.AUDITOR))
    assert "Query" in str(data)


async def test_the_type_name_is_not_introspection(api: Api, organised: Service) -> None:
    assert await api.ok("{ __typename }") == {"__typename": "Query"}


@pytest.mark.parametrize("query", [SCHEMA, TYPE_IN_A_FRAGMENT])
async def test_introspection_turned_off_is_refused_even_with_a_token(
    api: Api, organised: Service, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    _introspection(organised, monkeypatch, "off")
    error = await api.error(query, token=api.token(Role.AUDITOR))
    assert error["extensions"]["code"] == "BAD_INPUT", error
    assert "introspection is turned off" in error["message"]


async def test_introspection_turned_on_is_answered_without_a_token(
    api: Api, organised: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    _introspection(organised, monkeypatch, "on")
    assert await api.ok(SCHEMA) == {"__schema": {"queryType": {"name": "Query"}}}


MISSPELT = '{ employe(nip: "199005172015032001") { nip } }'


@pytest.mark.parametrize("introspection", ["authenticated", "off"])
async def test_errors_suggest_no_names_unless_introspection_is_on(
    api: Api, organised: Service, monkeypatch: pytest.MonkeyPatch, introspection: str
) -> None:
    _introspection(organised, monkeypatch, introspection)
    officer = api.token(Role.OFFICER, "3578")
    error = await expect(api, organised, "BAD_INPUT", MISSPELT, token=officer)
    assert "employe" in error["message"]
    assert "Did you mean" not in error["message"], error
    misspelt_gender = {"input": {**registration("199005172015032001"), "gender": "FEMAL"}}
    error = await expect(api, organised, "BAD_INPUT", REGISTER, misspelt_gender, token=officer)
    assert "FEMAL" in error["message"]
    assert "Did you mean" not in error["message"], error


async def test_errors_suggest_names_when_introspection_is_on(
    api: Api, organised: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    _introspection(organised, monkeypatch, "on")
    error = await expect(api, organised, "BAD_INPUT", MISSPELT, token=None)
    assert "Did you mean 'employee'" in error["message"], error
    misspelt_gender = {"input": {**registration("199005172015032001"), "gender": "FEMAL"}}
    officer = api.token(Role.OFFICER, "3578")
    error = await expect(api, organised, "BAD_INPUT", REGISTER, misspelt_gender, token=officer)
    assert "Did you mean the enum value 'FEMALE'" in error["message"], error
