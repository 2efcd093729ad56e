"""Messages in the language the client asks for, on SQLite and PostgreSQL: English when it asks
for none (what integrators always read), Indonesian for ``Accept-Language: id``; the error's
code, field and rules never change. A finding's words and a candidate's exclusion reasons
follow the same language."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.api.consistency import MIN_POSITION_HEADER
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api, event_count
from tests.e2e import operations as op
from tests.e2e.test_bad_input import REGISTER, registration
from tests.e2e.test_candidates import CANDIDATES, DIGITAL
from tests.matching_world import Cast, build_cast

ENGLISH_NIP_REFUSAL = "NIP must be 18 digits, got '19900517'"
INDONESIAN_NIP_REFUSAL = "NIP harus 18 digit, diberikan '19900517'"


@pytest.fixture
def cast(organised: Service) -> Cast:
    return build_cast(organised.app)


async def answer(
    api: Api,
    query: str,
    variables: dict[str, Any],
    *,
    token: str,
    language: str | None,
) -> dict[str, Any]:
    assert api.service is not None
    headers = {"Authorization": f"Bearer {token}", MIN_POSITION_HEADER: str(api.service.log.head())}
    if language is not None:
        headers["Accept-Language"] = language
    response = await api.client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (None, ENGLISH_NIP_REFUSAL),
        ("en", ENGLISH_NIP_REFUSAL),
        ("en-GB,id;q=0.5", ENGLISH_NIP_REFUSAL),
        ("fr", ENGLISH_NIP_REFUSAL),
        ("id", INDONESIAN_NIP_REFUSAL),
        ("id-ID", INDONESIAN_NIP_REFUSAL),
        ("fr-FR, id;q=0.8, en;q=0.5", INDONESIAN_NIP_REFUSAL),
    ],
)
async def test_a_refusal_is_worded_in_the_language_asked_for_with_the_same_code_and_field(
    api: Api, organised: Service, language: str | None, message: str
) -> None:
    officer = api.token(Role.OFFICER, "3578")
    before = event_count(organised)

    body = await answer(
        api, REGISTER, {"input": registration("19900517")}, token=officer, language=language
    )

    [error] = body["errors"]
    assert error["message"] == message
    assert error["extensions"] == {"code": "BAD_INPUT", "field": "nip"}
    assert event_count(organised) == before


async def test_findings_and_the_refusal_they_cause_read_in_indonesian(
    api: Api, organised: Service, cast: Cast
) -> None:
    officer = api.token(Role.OFFICER, "3578")
    destination = {"agencyCode": "3578", "unitCode": "DISKOMINFO", "positionCode": "PRAKOM"}
    opened = await answer(
        api,
        op.OPEN_CASE,
        {
            "input": {
                "nip": cast.newcomer.nip,
                "destination": destination,
                "initiative": "AGENCY_INTEREST",
                "reason": "Pemerataan pegawai",
            }
        },
        token=officer,
        language="id",
    )
    case = opened["data"]["openTransferCase"]["transferCase"]
    tenure = {
        "rule": "TENURE_MINIMUM",
        "severity": "HARD",
        "message": "10 bulan dalam jabatan, minimum 24 bulan",
    }
    assert tenure in case["findings"]

    in_english = await answer(api, op.CASE, {"id": case["id"]}, token=officer, language=None)
    findings = in_english["data"]["transferCase"]["findings"]
    assert {**tenure, "message": "10 months in post, the minimum is 24"} in findings
    in_indonesian = await answer(api, op.CASE, {"id": case["id"]}, token=officer, language="id")
    assert in_indonesian["data"]["transferCase"]["findings"] == case["findings"]

    before = event_count(organised)
    refusals = {
        language: (
            await answer(api, op.SUBMIT, {"id": case["id"]}, token=officer, language=language)
        )["errors"][0]
        for language in (None, "id")
    }
    assert refusals[None]["extensions"] == refusals["id"]["extensions"]
    assert refusals["id"]["extensions"]["code"] == "RULE_VIOLATION"
    assert "TENURE_MINIMUM" in refusals["id"]["extensions"]["rules"]
    assert "TENURE_MINIMUM: 10 months in post, the minimum is 24" in refusals[None]["message"]
    assert (
        "Masa jabatan minimum: 10 bulan dalam jabatan, minimum 24 bulan"
        in (refusals["id"]["message"])
    )
    assert event_count(organised) == before


async def test_a_candidate_s_exclusion_reasons_read_in_indonesian(api: Api, cast: Cast) -> None:
    auditor = api.token(Role.AUDITOR)
    variables = {
        **DIGITAL,
        "filter": {"units": [{"agencyCode": "3578", "unitCode": "DISKOMINFO"}]},
    }
    body = await answer(api, CANDIDATES, variables, token=auditor, language="id-ID")
    excluded = {
        edge["node"]["nip"]: [(e["rule"], e["reason"]) for e in edge["node"]["exclusions"]]
        for edge in body["data"]["candidates"]["excluded"]["edges"]
    }
    assert excluded[cast.newcomer.nip] == [
        ("TENURE_MINIMUM", "10 bulan dalam jabatan, minimum 24 bulan")
    ]
    assert excluded[cast.weak.nip] == [
        ("PERFORMANCE", "penilaian BUTUH_PERBAIKAN pada tahun 2024 di bawah BAIK"),
        ("PERFORMANCE", "penilaian BUTUH_PERBAIKAN pada tahun 2025 di bawah BAIK"),
    ]


BAD_NIP_QUERY = '{ employee(nip: "12ab") { nip } }'
UNIT_WITHOUT_AGENCY = 'subscription { placementChanged(unitCode: "DISKOMINFO") { nip } }'
OVER_WEBSOCKET = {
    False: ("NIP must be 18 digits, got '12ab'", "unitCode needs the agencyCode it belongs to"),
    True: (
        "NIP harus 18 digit, diberikan '12ab'",
        "unitCode memerlukan agencyCode tempat unit itu berada",
    ),
}


@pytest.mark.parametrize(
    ("headers", "payload", "indonesian"),
    [
        ({}, {}, False),
        ({"Accept-Language": "id-ID"}, {}, True),
        ({}, {"Accept-Language": "id"}, True),
        ({"Accept-Language": "id"}, {"accept-language": "en"}, False),
    ],
)
def test_over_websocket_the_language_comes_from_the_handshake_or_the_connection_init(
    organised: Service,
    tokens: TokenService,
    headers: dict[str, str],
    payload: dict[str, str],
    indonesian: bool,
) -> None:
    token = tokens.mint(role=Role.INTEGRATOR, subject="simpeg-sync", national=True)
    with (
        TestClient(create_app(organised, tokens)) as client,
        client.websocket_connect(
            "/graphql",
            subprotocols=["graphql-transport-ws"],
            headers={"Authorization": f"Bearer {token}", **headers},
        ) as socket,
    ):
        socket.send_json({"type": "connection_init", "payload": payload})
        assert socket.receive_json()["type"] == "connection_ack"
        in_query, in_subscription = OVER_WEBSOCKET[indonesian]
        socket.send_json({"id": "1", "type": "subscribe", "payload": {"query": BAD_NIP_QUERY}})
        answer = socket.receive_json()
        assert answer["type"] == "next", answer
        [error] = answer["payload"]["errors"]
        assert (error["message"], error["extensions"]["code"]) == (in_query, "BAD_INPUT")
        assert socket.receive_json() == {"id": "1", "type": "complete"}
        socket.send_json(
            {"id": "2", "type": "subscribe", "payload": {"query": UNIT_WITHOUT_AGENCY}}
        )
        answer = socket.receive_json()
        errors = answer["payload"] if answer["type"] == "error" else answer["payload"]["errors"]
        assert (errors[0]["message"], errors[0]["extensions"]["code"]) == (
            in_subscription,
            "BAD_INPUT",
        ), answer
