"""Signing in through the agency's identity provider in a real browser: from the sign-in page to
the provider and back, signed in as the person the provider named."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from tests.browser.conftest import Site, assert_accessible
from tests.identity_provider import IdentityProviderServer
from tests.subscriptions.helpers import ServerThread
from tests.web.conftest import EMPLOYEE
from tests.web.provider_sign_in import PROVIDER_NAME, idp, signing_in_through

__all__ = ["idp"]


@pytest.fixture
def provider_site(
    web_service: Service, idp: IdentityProviderServer, tokens: TokenService
) -> Iterator[Site]:
    # The server's address is part of its settings (the provider sends people back to it), so
    # its socket is bound before the application is made.
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{listening.getsockname()[1]}"
    app = create_app(signing_in_through(web_service, idp, url), tokens)
    with listening, ServerThread(app, fd=listening.fileno()):
        yield Site(url, web_service)


@pytest.mark.parametrize("web_service", ["sqlite"], indirect=True)
def test_an_employee_signs_in_through_the_agencys_provider(
    phone: Page, provider_site: Site, idp: IdentityProviderServer
) -> None:
    phone.goto(provider_site.url + "/")
    expect(phone).to_have_url(provider_site.url + "/masuk")
    assert_accessible(phone)
    way_in = phone.get_by_role("link", name=f"Masuk dengan {PROVIDER_NAME}")
    way_in.focus()
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(provider_site.url + "/saya")  # an employee's own page
    expect(phone.get_by_role("heading", name="Data dan usulan mutasi saya")).to_be_visible()
    expect(phone.locator(".signin-state")).to_contain_text("siti.sso")
    facts = phone.locator("dl.facts")
    expect(facts).to_contain_text(EMPLOYEE.name)
    expect(facts).to_contain_text(EMPLOYEE.nip)
    assert idp.authorizations[-1]["code_challenge_method"] == "S256"
    assert_accessible(phone)
    phone.get_by_role("button", name="Keluar").click()
    expect(phone).to_have_url(provider_site.url + "/masuk")
