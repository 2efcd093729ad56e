"""The identity provider's settings: read from the environment, checked, passed to peers."""

from __future__ import annotations

import pytest

from asn_graph.domain.actors import Role
from asn_graph.settings import ROLE_NAMES, IdentityProviderSettings, Settings, SettingsError


def test_without_an_issuer_only_the_local_tokens_are_accepted() -> None:
    assert Settings.from_env({}).identity_provider is None
    assert Settings.from_env({"ASN_GRAPH_OIDC_AUDIENCE": "x"}).identity_provider is None


def test_the_identity_provider_comes_from_the_environment_and_reaches_a_peer() -> None:
    settings = Settings.from_env(
        {
            "ASN_GRAPH_OIDC_ISSUER": "https://sso.sumut.go.id/realms/bkd/",
            "ASN_GRAPH_OIDC_ROLE_CLAIM": "realm_access.roles",
            "ASN_GRAPH_OIDC_ROLES": "bkd-staff=officer, ppk = Approver",
            "ASN_GRAPH_OIDC_KEYS_MIN_INTERVAL": "0",
            "ASN_GRAPH_REVOCATION_SECONDS": "2",
        }
    )
    assert settings.identity_provider == IdentityProviderSettings(
        issuer="https://sso.sumut.go.id/realms/bkd",
        role_claim="realm_access.roles",
        roles=(("bkd-staff", "officer"), ("ppk", "approver")),
        keys_min_interval_seconds=0,
    )
    assert settings.revocation_seconds == 2
    peer = Settings.from_env(settings.environment_for_peer())
    assert peer.identity_provider == settings.identity_provider
    assert peer.revocation_seconds == 2


@pytest.mark.parametrize(
    ("environment", "complaint"),
    [
        ({"ASN_GRAPH_OIDC_ISSUER": "http://sso.example.org"}, "an https:// URL"),
        ({"ASN_GRAPH_OIDC_ISSUER": "sso.example.org"}, "an https:// URL"),
        (
            {"ASN_GRAPH_OIDC_ISSUER": "https://sso.example.org", "ASN_GRAPH_OIDC_ROLES": "ppk"},
            "<provider's role>=<role>",
        ),
        (
            {"ASN_GRAPH_OIDC_ISSUER": "https://a.example", "ASN_GRAPH_OIDC_ROLES": "x=system"},
            "<provider's role>=<role>",
        ),
        (
            {
                "ASN_GRAPH_OIDC_ISSUER": "https://a.example",
                "ASN_GRAPH_OIDC_ROLES": "x=officer:national",
            },
            "<provider's role>=<role>",
        ),
        (
            {"ASN_GRAPH_OIDC_ISSUER": "https://a.example", "ASN_GRAPH_OIDC_TIMEOUT_SECONDS": "0"},
            "ASN_GRAPH_OIDC_TIMEOUT_SECONDS",
        ),
        ({"ASN_GRAPH_REVOCATION_SECONDS": "soon"}, "ASN_GRAPH_REVOCATION_SECONDS"),
    ],
)
def test_a_malformed_identity_provider_setting_is_refused(
    environment: dict[str, str], complaint: str
) -> None:
    with pytest.raises(SettingsError, match=complaint):
        Settings.from_env(environment)


def test_a_provider_on_this_machine_may_be_plain_http() -> None:
    settings = Settings.from_env({"ASN_GRAPH_OIDC_ISSUER": "http://127.0.0.1:8080/realms/x"})
    assert settings.identity_provider is not None


def test_the_roles_a_provider_may_map_to_are_the_callers_roles() -> None:
    assert set(ROLE_NAMES) == {role.value for role in Role if role is not Role.SYSTEM}
