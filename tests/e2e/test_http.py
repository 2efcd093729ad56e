"""The HTTP envelope of GraphQL: JSON bodies with or without a charset, GET queries, and
malformed requests answered 400 before anything runs, as GraphQL errors with a code."""

from __future__ import annotations

import json

import httpx
import pytest

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api, event_count
from tests.e2e.test_bad_input import REGISTER, registration

QUERY = '{ placements(filter: {agencyCode: "3578"}, first: 1) { pageInfo { hasNextPage } } }'


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/json; charset=utf-8", "Application/JSON"]
)
async def test_a_json_operation_is_answered_with_or_without_a_charset(
    api: Api, organised: Service, content_type: str
) -> None:
    headers = {"Authorization": f"Bearer {api.token(Role.AUDITOR)}", "Content-Type": content_type}
    response = await api.client.post(
        "/graphql", content=json.dumps({"query": QUERY}).encode(), headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"]["placements"]["pageInfo"] == {"hasNextPage": False}


async def test_a_query_may_come_as_get(api: Api, organised: Service) -> None:
    response = await api.client.get(
        "/graphql",
        params={"query": QUERY},
        headers={"Authorization": f"Bearer {api.token(Role.AUDITOR)}"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"]["placements"]["pageInfo"] == {"hasNextPage": False}


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"{not json", "Unable to parse request body as JSON"),
        (b'{"query": 5}', "`query` must be a string"),
        (b'{"query": "{ __typename }", "variables": "x"}', "`variables` must be an object"),
        (b'{"query": "{ __typename }", "extensions": [1]}', "`extensions` must be an object"),
        (b'{"query": "{ __typename }", "variables": [1]}', "`variables` must be an object"),
        (b'"{ __typename }"', "a GraphQL request is a JSON object"),
        (b"42", "a GraphQL request is a JSON object"),
        (b'[{"query": "{ __typename }"}]', "Batching is not enabled"),
        (b'{"variables": {}}', "No GraphQL query found"),
        (
            b'{"query": "query A { __typename } query B { __typename }", "operationName": "C"}',
            'Unknown operation named "C"',
        ),
    ],
)
async def test_a_malformed_request_is_refused_with_400_and_records_nothing(
    api: Api, organised: Service, body: bytes, words: str
) -> None:
    before = event_count(organised)
    response = await api.client.post(
        "/graphql",
        content=body,
        headers={
            "Authorization": f"Bearer {api.token(Role.OFFICER, '3578')}",
            "Content-Type": "application/json",
        },
    )
    assert response.status_code == 400
    assert words in refusal(response)
    assert event_count(organised) == before


def refusal(response: httpx.Response) -> str:
    """The message of a request refused before it ran: a GraphQL answer with one BAD_INPUT
    error and no data, as JSON."""
    assert response.headers["content-type"].startswith("application/json"), response.text
    body = response.json()
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_INPUT", error
    message: str = error["message"]
    return message


async def test_a_body_of_another_media_type_is_refused_as_graphql(
    api: Api, organised: Service
) -> None:
    response = await api.client.post(
        "/graphql", content=b"query={ __typename }", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 400
    assert "Unsupported content type" in refusal(response)


async def test_a_mutation_over_get_is_refused_as_graphql(api: Api, organised: Service) -> None:
    before = event_count(organised)
    response = await api.client.get(
        "/graphql",
        params={
            "query": REGISTER,
            "variables": json.dumps({"input": registration("199005172015032001")}),
        },
        headers={"Authorization": f"Bearer {api.token(Role.OFFICER, '3578')}"},
    )
    assert response.status_code == 400
    assert "mutations are not allowed" in refusal(response)
    assert event_count(organised) == before


async def test_get_variables_that_are_not_an_object_are_refused_as_graphql(
    api: Api, organised: Service
) -> None:
    response = await api.client.get(
        "/graphql", params={"query": "{ __typename }", "variables": "[1]"}
    )
    assert response.status_code == 400
    assert "`variables` must be an object" in refusal(response)
