"""Revoking tokens: one by its id or a subject's all, recorded in the store by the command
line and honoured by the API over HTTP and WebSocket."""

from __future__ import annotations

import dataclasses
import getpass
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import jwt
import pytest
from starlette.testclient import TestClient

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.application.clock import FixedClock
from asn_graph.bootstrap import Service, build_service
from asn_graph.cli import main
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Forbidden, InvalidInput
from asn_graph.domain.token_revocations import REVOCATIONS_ID
from tests.conftest import BACKENDS, Api, event_count
from tests.world import TODAY, build_organisation

ME = "{ me { id role } }"


@pytest.fixture(params=BACKENDS)
def revoking(request: pytest.FixtureRequest, settings_for: Any) -> Iterator[Service]:
    """A service whose API reads the revocations again at every request."""
    settings = dataclasses.replace(settings_for(request.param), revocation_seconds=0)
    with build_service(settings, clock=FixedClock(TODAY)) as service:
        build_organisation(service.app)
        yield service


@pytest.fixture
async def revoking_api(revoking: Service, tokens: TokenService) -> AsyncIterator[Api]:
    transport = httpx.ASGITransport(app=create_app(revoking, tokens))
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        yield Api(client, tokens, revoking)


@pytest.fixture
def operator_environment(revoking: Service, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line of an operator on the same store."""
    for name, value in revoking.settings.environment_for_peer().items():
        if name.startswith("ASN_GRAPH_"):
            monkeypatch.setenv(name, value)


def token_id(token: str) -> str:
    return str(jwt.decode(token, options={"verify_signature": False})["jti"])


@pytest.mark.usefixtures("operator_environment")
async def test_a_token_revoked_by_its_id_is_refused_and_the_others_still_work(
    revoking_api: Api, revoking: Service, capsys: pytest.CaptureFixture[str]
) -> None:
    stolen = revoking_api.token(Role.AUDITOR, subject="bpk.auditor")
    other = revoking_api.token(Role.AUDITOR, subject="bpk.auditor")
    assert (await revoking_api.ok(ME, token=stolen))["me"]["id"] == "bpk.auditor"

    revoked = ["revoke", "--token-id", token_id(stolen), "--reason", "laptop lost"]
    assert main(revoked) == 0
    assert "revoked token" in capsys.readouterr().out

    error = await revoking_api.error(ME, token=stolen)
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert "revoked" in error["message"]
    assert (await revoking_api.ok(ME, token=other))["me"]["id"] == "bpk.auditor"
    recorded = revoking.app.history(REVOCATIONS_ID)
    assert recorded[-1].event_type == "asn-graph/token-revocations/token-revoked"
    assert recorded[-1].reason == "laptop lost"
    assert recorded[-1].actor == Actor(getpass.getuser(), Role.SYSTEM)


@pytest.mark.usefixtures("operator_environment")
async def test_a_subjects_tokens_issued_until_its_revocation_are_refused(
    revoking_api: Api, revoking: Service, tokens: TokenService
) -> None:
    first = revoking_api.token(Role.OFFICER, "1272", subject="budi.bkpsdm")
    second = revoking_api.token(Role.OFFICER, "1272", subject="budi.bkpsdm")
    colleague = revoking_api.token(Role.OFFICER, "1272", subject="sari.bkpsdm")
    assert main(["revoke", "--subject", "budi.bkpsdm", "--reason", "moved to BKN"]) == 0
    for token in (first, second):
        error = await revoking_api.error(ME, token=token)
        assert error["extensions"]["code"] == "UNAUTHENTICATED"
        assert "revoked" in error["message"]
    assert (await revoking_api.ok(ME, token=colleague))["me"]["id"] == "sari.bkpsdm"
    issued_before = revoking.app.revocations.since(0).subjects
    assert [subject for subject, _ in issued_before] == ["budi.bkpsdm"]


@pytest.mark.usefixtures("operator_environment")
def test_a_revoked_token_cannot_open_a_websocket(revoking: Service, tokens: TokenService) -> None:
    token = tokens.mint(role=Role.INTEGRATOR, subject="simpeg-sync", national=True)
    assert main(["revoke", "--token-id", token_id(token), "--reason", "leaked"]) == 0
    with (
        TestClient(create_app(revoking, tokens)) as client,
        client.websocket_connect(
            "/graphql",
            subprotocols=["graphql-transport-ws"],
            headers={"Authorization": f"Bearer {token}"},
        ) as socket,
    ):
        socket.send_json({"type": "connection_init"})
        assert socket.receive()["code"] == 4403


@pytest.mark.usefixtures("operator_environment")
def test_a_malformed_revocation_is_refused_and_records_nothing(
    revoking: Service, capsys: pytest.CaptureFixture[str]
) -> None:
    before = event_count(revoking)
    assert main(["revoke", "--token-id", "   ", "--reason", "typo"]) == 2
    assert "tokenId" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["revoke", "--token-id", "a", "--subject", "b", "--reason", "both"])
    with pytest.raises(InvalidInput):
        revoking.app.revocations.revoke_subject(Actor("ops", Role.SYSTEM), "x" * 201)
    # Only the operator revokes: a caller of the API holds no system role.
    with pytest.raises(Forbidden):
        revoking.app.revocations.revoke_token(Actor("budi", Role.OFFICER, "1272"), "abc")
    assert event_count(revoking) == before


async def test_a_process_that_cannot_read_the_revocations_lets_no_token_through(
    revoking_api: Api, revoking: Service
) -> None:
    token = revoking_api.token(Role.AUDITOR, subject="bpk.auditor")
    assert (await revoking_api.ok(ME, token=token))["me"]["id"] == "bpk.auditor"
    revoking.store.close()
    # Asking for no log position: the test cannot read the closed store either.
    error = await Api(revoking_api.client, revoking_api.tokens).error(ME, token=token)
    assert error["extensions"]["code"] == "UNAVAILABLE"
    assert "revoked tokens cannot be read" in error["message"]
