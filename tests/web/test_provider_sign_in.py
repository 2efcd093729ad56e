"""Signing in through the agency's identity provider over HTTP: the authorization code flow with
PKCE, state and nonce, against the provider the tests serve on 127.0.0.1."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.api.web.provider_sign_in import FLOW_COOKIE
from asn_graph.bootstrap import Service
from asn_graph.settings import Settings
from tests.conftest import event_count
from tests.identity_provider import CLIENT_ID, IdentityProviderServer
from tests.web.conftest import EMPLOYEE, form_token
from tests.web.provider_sign_in import PROVIDER_NAME, idp, signing_in_through

__all__ = ["idp"]

SITE = "http://asn-graph.test"
CALLBACK = SITE + "/masuk/penyedia/kembali"


@pytest.fixture
async def client(
    web_service: Service, idp: IdentityProviderServer, tokens: TokenService
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(signing_in_through(web_service, idp, SITE), tokens)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=SITE) as browser:
        yield browser


async def leave_for_provider(client: httpx.AsyncClient) -> str:
    """Starts a sign-in; answers where the provider sends the browser back."""
    started = await client.get("/masuk/penyedia")
    assert started.status_code == 303
    async with httpx.AsyncClient() as outside:
        at_provider = await outside.get(started.headers["location"])
    assert at_provider.status_code == 302
    back = at_provider.headers["location"]
    assert back.startswith(CALLBACK)
    return back


async def test_the_sign_in_page_offers_the_provider(client: httpx.AsyncClient) -> None:
    page = await client.get("/masuk")
    assert page.status_code == 200
    assert f'href="/masuk/penyedia">Masuk dengan {PROVIDER_NAME}</a>' in page.text
    # The local accounts still sign in (the operator's own, or where the provider is down).
    assert 'name="password"' in page.text


async def test_an_employee_signs_in_through_the_provider_with_pkce_state_and_nonce(
    client: httpx.AsyncClient, idp: IdentityProviderServer, web_service: Service
) -> None:
    events = event_count(web_service)
    back = await leave_for_provider(client)
    asked = idp.authorizations[-1]
    assert asked["client_id"] == CLIENT_ID
    assert asked["redirect_uri"] == CALLBACK
    assert asked["scope"] == "openid profile"
    assert asked["code_challenge_method"] == "S256"
    assert len(asked["state"]) >= 32
    assert len(asked["nonce"]) >= 32

    answer = await client.get(back)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/"
    # The code was exchanged with the verifier whose challenge went to the provider.
    exchange = idp.exchanges[-1]
    digest = hashlib.sha256(exchange["code_verifier"].encode()).digest()
    assert base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == asked["code_challenge"]
    assert exchange["basic_client"] == CLIENT_ID
    assert exchange["redirect_uri"] == CALLBACK

    home = await client.get("/", follow_redirects=True)
    assert home.status_code == 200
    assert "siti.sso" in home.text
    assert EMPLOYEE.name in home.text
    assert EMPLOYEE.nip in home.text
    # The session is the same as a local one: the API reads it as the same person.
    me = await client.post(
        "/graphql",
        json={"query": "{ me { id role nip } }"},
        headers={"Authorization": f"Bearer {client.cookies['asn_graph_session']}"},
    )
    assert me.json()["data"]["me"] == {"id": "siti.sso", "role": "employee", "nip": EMPLOYEE.nip}
    assert event_count(web_service) == events


async def test_a_callback_whose_state_is_not_the_flows_is_refused(
    client: httpx.AsyncClient, idp: IdentityProviderServer
) -> None:
    back = await leave_for_provider(client)
    code = parse_qs(urlparse(back).query)["code"][0]
    forged = await client.get("/masuk/penyedia/kembali", params={"code": code, "state": "x" * 43})
    assert forged.status_code == 400
    assert "Proses masuk ini sudah kedaluwarsa" in forged.text
    assert "asn_graph_session" not in client.cookies
    assert idp.exchanges == []  # the code was not even spent


async def test_a_callback_without_the_flows_cookie_is_refused(
    client: httpx.AsyncClient, idp: IdentityProviderServer, tokens: TokenService
) -> None:
    # Someone else's code and state, sent to a browser that never left for the provider
    # (signing a victim in as the attacker).
    back = await leave_for_provider(client)
    client.cookies.delete(FLOW_COOKIE, path="/masuk/penyedia")
    refused = await client.get(back)
    assert refused.status_code == 400
    assert "asn_graph_session" not in client.cookies


async def test_an_id_token_for_another_sign_in_is_refused_by_its_nonce(
    client: httpx.AsyncClient, idp: IdentityProviderServer
) -> None:
    idp.id_token_changes = {"nonce": "a-nonce-of-another-sign-in"}
    refused = await client.get(await leave_for_provider(client))
    assert refused.status_code == 403
    assert "tidak memberi akses" in refused.text
    assert "asn_graph_session" not in client.cookies


async def test_an_id_token_for_another_client_is_refused(
    client: httpx.AsyncClient, idp: IdentityProviderServer
) -> None:
    idp.id_token_changes = {"aud": "another-application"}
    refused = await client.get(await leave_for_provider(client))
    assert refused.status_code == 403
    assert "asn_graph_session" not in client.cookies


async def test_a_person_without_a_role_of_asn_graph_is_told_so(
    client: httpx.AsyncClient, idp: IdentityProviderServer
) -> None:
    idp.person = {"preferred_username": "tamu", "realm_access": {"roles": ["offline_access"]}}
    refused = await client.get(await leave_for_provider(client))
    assert refused.status_code == 403
    assert "Akun Anda di penyedia identitas tidak memberi akses" in refused.text


async def test_a_code_the_provider_will_not_exchange_asks_to_sign_in_again(
    client: httpx.AsyncClient, idp: IdentityProviderServer, caplog: pytest.LogCaptureFixture
) -> None:
    back = await leave_for_provider(client)
    idp.expire_codes()  # at the provider, while the person was on their way back
    refused = await client.get(back)
    assert refused.status_code == 400
    assert "Silakan masuk lagi" in refused.text
    assert "invalid_grant" in caplog.text
    assert "asn_graph_session" not in client.cookies


async def test_a_flow_serves_once(client: httpx.AsyncClient) -> None:
    back = await leave_for_provider(client)
    assert (await client.get(back)).status_code == 303
    await client.post(
        "/keluar",
        data={"csrf_token": form_token((await client.get("/", follow_redirects=True)).text)},
    )
    again = await client.get(back)
    assert again.status_code == 400


async def test_a_provider_that_cannot_be_reached_is_told_in_indonesian(
    web_service: Service, tokens: TokenService
) -> None:
    with IdentityProviderServer() as gone:
        service = signing_in_through(web_service, gone, SITE)
    app = create_app(service, tokens)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=SITE) as c:
        answer = await c.get("/masuk/penyedia")
    assert answer.status_code == 503
    assert "Penyedia identitas tidak dapat dihubungi" in answer.text


async def test_without_a_client_id_there_is_no_provider_sign_in(
    browser_client: httpx.AsyncClient,
) -> None:
    assert "/masuk/penyedia" not in (await browser_client.get("/masuk")).text
    assert (await browser_client.get("/masuk/penyedia")).status_code == 404


def test_the_client_settings_are_read_and_reach_a_peer() -> None:
    settings = Settings.from_env(
        {
            "ASN_GRAPH_OIDC_ISSUER": "https://sso.pemkot.go.id/realms/bkpsdm",
            "ASN_GRAPH_OIDC_CLIENT_ID": "asn-graph-web",
            "ASN_GRAPH_OIDC_CLIENT_SECRET": "rahasia",
            "ASN_GRAPH_OIDC_REDIRECT_URL": "https://asn.pemkot.go.id/masuk/penyedia/kembali",
            "ASN_GRAPH_OIDC_NAME": "SSO Pemkot",
        }
    )
    provider = settings.identity_provider
    assert provider is not None
    assert provider.signs_in_people
    assert provider.name == "SSO Pemkot"
    assert Settings.from_env(settings.environment_for_peer()).identity_provider == provider
    with pytest.raises(ValueError, match="ASN_GRAPH_OIDC_REDIRECT_URL"):
        Settings.from_env(
            {
                "ASN_GRAPH_OIDC_ISSUER": "https://sso.pemkot.go.id",
                "ASN_GRAPH_OIDC_REDIRECT_URL": "http://asn.pemkot.go.id/kembali",
            }
        )
