"""Tokens of an agency's identity provider, verified by discovery and its JWKS, beside the
local ones: against a provider served on 127.0.0.1 by the tests."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import httpx
import jwt as pyjwt
import pytest
from starlette.testclient import TestClient

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Actor, Role
from asn_graph.settings import IdentityProviderSettings
from tests.conftest import SECRET, Api
from tests.identity_provider import IdentityProviderServer, SilentServer, new_key

ME = "{ me { id role agency nip } }"
ROLES = (
    ("bkpsdm-staff", "officer"),
    ("ppk", "approver"),
    ("pegawai", "employee"),
    ("bkn-pengawas", "auditor:national"),
    ("inspektorat", "auditor"),
)

ApiFor = Callable[..., AbstractAsyncContextManager[Api]]


@pytest.fixture
def idp() -> Iterator[IdentityProviderServer]:
    with IdentityProviderServer() as server:
        yield server


def provider_settings(issuer: str, **overrides: Any) -> IdentityProviderSettings:
    chosen: dict[str, Any] = {
        "subject_claim": "preferred_username",
        "role_claim": "realm_access.roles",
        "roles": ROLES,
        "timeout_seconds": 2,
        "keys_min_interval_seconds": 0,
    }
    return IdentityProviderSettings(issuer=issuer, **(chosen | overrides))


def with_provider(service: Service, provider: IdentityProviderSettings) -> Service:
    # The forged tokens the tests send would otherwise spend the address's failed sign-ins.
    settings = dataclasses.replace(
        service.settings,
        identity_provider=provider,
        revocation_seconds=0,
        failed_signins_per_minute=0,
    )
    return dataclasses.replace(service, settings=settings)


@pytest.fixture
def api_for(organised: Service, tokens: TokenService) -> ApiFor:
    @asynccontextmanager
    async def api(issuer: str, **overrides: Any) -> AsyncIterator[Api]:
        service = with_provider(organised, provider_settings(issuer, **overrides))
        transport = httpx.ASGITransport(app=create_app(service, tokens))
        async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as c:
            yield Api(c, tokens, organised)

    return api


@pytest.fixture
async def oidc(api_for: ApiFor, idp: IdentityProviderServer) -> AsyncIterator[Api]:
    async with api_for(idp.issuer) as api:
        yield api


async def refused(api: Api, token: str, code: str = "UNAUTHENTICATED") -> str:
    error = await api.error(ME, token=token)
    assert error["extensions"]["code"] == code, error
    message: str = error["message"]
    return message


@pytest.mark.parametrize("algorithm", ["RS256", "ES256"])
async def test_a_providers_token_answers_as_the_caller_its_claims_map_to(
    oidc: Api, idp: IdentityProviderServer, algorithm: str
) -> None:
    officer = idp.token(algorithm=algorithm)
    assert (await oidc.ok(ME, token=officer))["me"] == {
        "id": "budi.bkpsdm",
        "role": "officer",
        "agency": "1272",
        "nip": None,
    }
    employee = idp.token(
        algorithm=algorithm,
        preferred_username="asn.198403242016042001",
        realm_access={"roles": ["pegawai"]},
        nip="198403242016042001",
    )
    assert (await oidc.ok(ME, token=employee))["me"]["role"] == "employee"
    # The local tokens are accepted beside them.
    local = oidc.token(Role.AUDITOR, subject="bpk")
    assert (await oidc.ok(ME, token=local))["me"]["id"] == "bpk"


async def test_the_role_mapping_grants_national_scope_to_the_auditors_it_names(
    oidc: Api, idp: IdentityProviderServer
) -> None:
    national = idp.token(
        preferred_username="bkn.pengawas", realm_access={"roles": ["bkn-pengawas"]}, agency=None
    )
    assert (await oidc.ok(ME, token=national))["me"]["role"] == "auditor"
    employees = '{ employees(filter: {agencyCode: "3578"}, first: 1) { totalCount } }'
    assert (await oidc.ok(employees, token=national))["employees"]["totalCount"] >= 0
    # An auditor of an agency reads that agency only.
    inspector = idp.token(
        preferred_username="itda", realm_access={"roles": ["inspektorat"]}, agency="3515"
    )
    error = await oidc.error(employees, token=inspector)
    assert error["extensions"]["code"] == "FORBIDDEN", error


async def test_another_issuer_or_audience_is_refused(
    oidc: Api, idp: IdentityProviderServer
) -> None:
    assert "not valid" in await refused(oidc, idp.token(iss="https://sso.example.org/realms/x"))
    assert "aud" in await refused(oidc, idp.token(aud="payroll"))
    # An HS256 token claiming the provider as issuer, signed with the local secret: each
    # verifier takes only its own algorithms.
    confused = pyjwt.encode(
        {
            "iss": idp.issuer,
            "aud": "asn-graph",
            "sub": "x",
            "role": "auditor",
            "iat": int(time.time()),
            "exp": int(time.time()) + 60,
        },
        SECRET,
        algorithm="HS256",
        headers={"kid": idp.keys["RS256"].kid},
    )
    assert "not valid" in await refused(oidc, confused)


async def test_an_expired_or_over_long_token_is_refused(
    oidc: Api, idp: IdentityProviderServer
) -> None:
    expired = idp.token(issued=time.time() - 7200, lifetime=3600)
    assert "expired" in await refused(oidc, expired)
    over_long = idp.token(lifetime=25 * 3600)
    assert "lives longer than the 24 hours" in await refused(oidc, over_long)
    assert "iat" in await refused(oidc, idp.token(iat=None))


async def test_a_token_signed_by_a_key_the_provider_does_not_publish_is_refused(
    api_for: ApiFor, idp: IdentityProviderServer
) -> None:
    async with api_for(idp.issuer, keys_min_interval_seconds=3600) as oidc:
        assert (await oidc.ok(ME, token=idp.token()))["me"]["id"] == "budi.bkpsdm"
        # A key of the attacker's under the kid of the provider's key.
        impostor = new_key("RS256", kid=idp.keys["RS256"].kid)
        assert "not valid" in await refused(oidc, idp.token(key=impostor))
        # Keys of the attacker's under kids of their own, one after another: refused without
        # asking the provider each time.
        for _ in range(20):
            forged = idp.token(algorithm="ES256", key=new_key("ES256"))
            assert "does not publish" in await refused(oidc, forged)
        assert idp.jwks_requests == 1


async def test_after_a_rotation_the_new_key_is_fetched_and_the_removed_one_refused(
    oidc: Api, idp: IdentityProviderServer
) -> None:
    before = idp.token()
    assert (await oidc.ok(ME, token=before))["me"]["id"] == "budi.bkpsdm"
    idp.rotate("RS256")
    after = idp.token()
    assert (await oidc.ok(ME, token=after))["me"]["id"] == "budi.bkpsdm"
    assert idp.jwks_requests == 2
    # Accepted before, and remembered as such: refused now that its key is gone.
    assert "does not publish" in await refused(oidc, before)


async def test_a_provider_that_is_down_or_hangs_is_told_not_waited_for(
    api_for: ApiFor, idp: IdentityProviderServer
) -> None:
    token = idp.token()
    idp.stop()
    async with api_for(idp.issuer) as oidc:
        message = await refused(oidc, token, "UNAVAILABLE")
        assert message.startswith(f"the identity provider {idp.issuer} cannot be reached")
        assert "retry shortly" in message
    with SilentServer() as silent:
        async with api_for(silent.issuer, timeout_seconds=0.2) as oidc:
            hanging = pyjwt.encode(
                {"iss": silent.issuer, "exp": int(time.time()) + 60},
                SECRET,
                headers={"kid": "k"},
            )
            assert "Timeout" in await refused(oidc, hanging, "UNAVAILABLE")


@pytest.mark.parametrize(
    ("claims", "complaint"),
    [
        ({"realm_access": {"roles": ["offline_access"]}}, "grants no role"),
        ({"realm_access": {"roles": ["ppk", "bkpsdm-staff"]}}, "grants several roles"),
        ({"agency": None}, "names the agency"),
        ({"realm_access": {"roles": ["pegawai"]}, "nip": "12345"}, "claims are not valid"),
        ({"preferred_username": None}, "no preferred_username"),
    ],
)
async def test_claims_that_name_no_valid_caller_are_refused(
    oidc: Api, idp: IdentityProviderServer, claims: dict[str, Any], complaint: str
) -> None:
    assert complaint in await refused(oidc, idp.token(**claims))


async def test_a_providers_token_is_revoked_by_its_subject(
    oidc: Api, idp: IdentityProviderServer, organised: Service
) -> None:
    token = idp.token()
    assert (await oidc.ok(ME, token=token))["me"]["id"] == "budi.bkpsdm"
    organised.app.revocations.revoke_subject(Actor("ops", Role.SYSTEM), "budi.bkpsdm", "left")
    assert "revoked" in await refused(oidc, token)


def test_a_providers_token_opens_a_websocket(
    organised: Service, tokens: TokenService, idp: IdentityProviderServer
) -> None:
    service = with_provider(organised, provider_settings(idp.issuer))
    with (
        TestClient(create_app(service, tokens)) as client,
        client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as socket,
    ):
        socket.send_json(
            {
                "type": "connection_init",
                "payload": {"authorization": f"Bearer {idp.token(algorithm='ES256')}"},
            }
        )
        assert socket.receive_json()["type"] == "connection_ack"
        socket.send_json({"id": "1", "type": "subscribe", "payload": {"query": ME}})
        assert socket.receive_json()["payload"]["data"]["me"]["id"] == "budi.bkpsdm"
