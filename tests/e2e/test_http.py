"""The HTTP envelope of GraphQL: JSON bodies with or without a charset, GET queries, and
malformed requests answered 400 before anything runs."""

from __future__ import annotations

import json

import pytest

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api, event_count

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
    assert words in response.text
    assert event_count(organised) == before
