"""The SMTP settings of the notifications' e-mail: read from the environment, refused when
malformed, handed to a peer process."""

from __future__ import annotations

import pytest

from asn_graph.settings import Settings, SettingsError, SmtpSecurity, SmtpSettings

FROM = {"ASN_GRAPH_SMTP_FROM": "notifikasi@bkpsdm.example.go.id"}


def test_no_server_no_mail() -> None:
    assert Settings.from_env({}).smtp is None


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        (
            {"ASN_GRAPH_SMTP_URL": "smtp://relay.example.go.id"},
            SmtpSettings("relay.example.go.id", 25, FROM["ASN_GRAPH_SMTP_FROM"]),
        ),
        (
            {
                "ASN_GRAPH_SMTP_URL": "smtp://asn%40bkpsdm:rahasia%2F1@mail.example.go.id:587",
                "ASN_GRAPH_SMTP_STARTTLS": "on",
                "ASN_GRAPH_SMTP_RETRY_SECONDS": "5",
            },
            SmtpSettings(
                "mail.example.go.id",
                587,
                FROM["ASN_GRAPH_SMTP_FROM"],
                SmtpSecurity.STARTTLS,
                "asn@bkpsdm",
                "rahasia/1",
                retry_seconds=5,
            ),
        ),
        (
            {"ASN_GRAPH_SMTP_URL": "smtps://mail.example.go.id"},
            SmtpSettings("mail.example.go.id", 465, FROM["ASN_GRAPH_SMTP_FROM"], SmtpSecurity.TLS),
        ),
    ],
)
def test_the_server_from_its_url(environment: dict[str, str], expected: SmtpSettings) -> None:
    settings = Settings.from_env({**FROM, **environment})
    assert settings.smtp == expected
    assert Settings.from_env(settings.environment_for_peer()).smtp == expected


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"ASN_GRAPH_SMTP_URL": "http://mail.example.go.id", **FROM}, "ASN_GRAPH_SMTP_URL"),
        ({"ASN_GRAPH_SMTP_URL": "smtp://mail.example.go.id"}, "ASN_GRAPH_SMTP_FROM"),
        (
            {
                "ASN_GRAPH_SMTP_URL": "smtps://mail.example.go.id",
                "ASN_GRAPH_SMTP_STARTTLS": "on",
                **FROM,
            },
            "ASN_GRAPH_SMTP_STARTTLS",
        ),
        ({"ASN_GRAPH_SMTP_STARTTLS": "yes"}, "ASN_GRAPH_SMTP_STARTTLS"),
    ],
)
def test_a_malformed_server_is_refused(environment: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(environment)
