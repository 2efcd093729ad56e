"""Fixtures for signing in through an identity provider: the provider the tests serve on
127.0.0.1, and the settings naming this server as its client."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from asn_graph.bootstrap import Service
from asn_graph.settings import IdentityProviderSettings
from tests.identity_provider import CLIENT_ID, CLIENT_SECRET, IdentityProviderServer
from tests.web.conftest import EMPLOYEE

PROVIDER_NAME = "SSO Pemkot"
ROLES = (("pegawai", "employee"), ("bkpsdm-staff", "officer"))
EMPLOYEE_CLAIMS = {
    "preferred_username": "siti.sso",
    "realm_access": {"roles": ["offline_access", "pegawai"]},
    "nip": EMPLOYEE.nip,
}


@pytest.fixture
def idp() -> Iterator[IdentityProviderServer]:
    with IdentityProviderServer() as server:
        server.person = dict(EMPLOYEE_CLAIMS)
        yield server


def signing_in_through(
    service: Service, provider: IdentityProviderServer, public_url: str
) -> Service:
    """``service`` with people signing in through ``provider``, sent back to ``public_url``."""
    settings = dataclasses.replace(
        service.settings,
        public_url=public_url,
        identity_provider=IdentityProviderSettings(
            issuer=provider.issuer,
            subject_claim="preferred_username",
            role_claim="realm_access.roles",
            roles=ROLES,
            timeout_seconds=2,
            keys_min_interval_seconds=0,
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            display_name=PROVIDER_NAME,
        ),
    )
    return dataclasses.replace(service, settings=settings)
