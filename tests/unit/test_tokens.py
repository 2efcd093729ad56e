"""Bearer tokens: checked once, then only their expiry at each use."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pytest

from asn_graph.api.auth import TokenService, Unauthenticated
from asn_graph.domain.actors import Role
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.read_scope import read_scope
from asn_graph.settings import Settings, SettingsError

SECRET = "s" * 40


def test_a_token_once_accepted_is_refused_from_the_second_it_expires(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tokens = TokenService(SECRET)
    issued = datetime.now(UTC)
    token = tokens.mint(
        role=Role.OFFICER, subject="budi", agency="1272", ttl=timedelta(minutes=5), now=issued
    )
    assert tokens.verify(token).agency == "1272"
    expiry = (issued + timedelta(minutes=5)).timestamp()
    monkeypatch.setattr("asn_graph.api.auth.time.time", lambda: expiry - 1)
    assert tokens.verify(token).id == "budi"
    monkeypatch.setattr("asn_graph.api.auth.time.time", lambda: int(expiry))
    with pytest.raises(Unauthenticated, match="expired"):
        tokens.verify(token)


def test_a_token_of_another_secret_is_refused_every_time() -> None:
    forged = TokenService("f" * 40).mint(role=Role.AUDITOR, subject="eve", national=True)
    tokens = TokenService(SECRET)
    for _ in range(2):
        with pytest.raises(Unauthenticated, match="not valid"):
            tokens.verify(forged)


def test_a_token_living_longer_than_allowed_is_neither_minted_nor_accepted() -> None:
    strict = TokenService("s" * 48, max_lifetime=timedelta(hours=8))
    with pytest.raises(InvalidInput, match="at most 8 hours"):
        strict.mint(role=Role.AUDITOR, subject="bpk", national=True, ttl=timedelta(hours=9))
    lenient = TokenService("s" * 48, max_lifetime=timedelta(days=365))
    long_lived = lenient.mint(
        role=Role.AUDITOR, subject="bpk", national=True, ttl=timedelta(days=30)
    )
    with pytest.raises(Unauthenticated, match="lives longer"):
        strict.verify(long_lived)
    assert strict.verify(strict.mint(role=Role.AUDITOR, subject="bpk", national=True)).id == "bpk"


@pytest.mark.parametrize(
    ("content", "mode", "complaint"),
    [
        ("x" * 48, 0o644, "may be read by others"),
        ("x", 0o600, "holds 1 characters"),
        ("", 0o600, "holds 0 characters"),
    ],
)
def test_a_secret_file_that_is_short_or_readable_by_others_is_refused(
    tmp_path: Path, content: str, mode: int, complaint: str
) -> None:
    secret = tmp_path / "secret"
    secret.write_text(content)
    secret.chmod(mode)
    with pytest.raises(SettingsError, match=complaint):
        Settings(secret_file=secret).signing_secret()


def test_a_secret_file_is_made_private_and_read_back(tmp_path: Path) -> None:
    settings = Settings(secret_file=tmp_path / "data" / "secret")
    made = settings.signing_secret()
    assert (tmp_path / "data" / "secret").stat().st_mode & 0o777 == 0o600
    assert settings.signing_secret() == made


def test_national_scope_is_granted_to_auditors_and_integrators_only() -> None:
    tokens = TokenService("s" * 48)
    for role in (Role.AUDITOR, Role.INTEGRATOR):
        actor = tokens.verify(tokens.mint(role=role, subject="bkn", national=True))
        assert actor.national
        assert read_scope(actor).national
    with pytest.raises(InvalidInput, match="national scope is granted only"):
        tokens.mint(role=Role.OFFICER, subject="o", agency="3578", national=True)


def test_an_auditor_reads_an_agency_or_the_nation_and_a_token_naming_neither_is_refused() -> None:
    tokens = TokenService("s" * 48)
    scoped = tokens.verify(tokens.mint(role=Role.AUDITOR, subject="inspektorat", agency="3578"))
    assert read_scope(scoped).agencies == frozenset({"3578"})
    assert not read_scope(scoped).national
    with pytest.raises(InvalidInput, match="names the agency it reads, or grants national"):
        tokens.mint(role=Role.INTEGRATOR, subject="simpeg")
    now = datetime.now(UTC)
    claims = {"sub": "x", "role": "auditor", "aud": "asn-graph", "iss": "asn-graph"}
    refused: list[dict[str, str]] = [
        {},
        {"scope": "galaxy", "agency": "3578"},
        {"scope": "national", "role": "officer", "agency": "3578"},
    ]
    for extra in refused:
        forged = jwt.encode(
            {**claims, **extra, "iat": now, "exp": now + timedelta(hours=1)},
            "s" * 48,
            algorithm="HS256",
        )
        with pytest.raises(Unauthenticated):
            tokens.verify(forged)


@pytest.mark.parametrize(
    ("role", "agency", "acts_for"),
    [
        (Role.BKN, "bkn", "BKN"),
        (Role.BKN, "kanreg-vi", "KANREG-VI"),
        (Role.GOVERNOR, "12", "12"),
        (Role.MINISTER, None, "KEMENDAGRI"),
        (Role.MINISTER, "kemendagri", "KEMENDAGRI"),
    ],
)
def test_a_regulators_token_names_the_office_it_acts_for(
    role: Role, agency: str | None, acts_for: str
) -> None:
    tokens = TokenService(SECRET)
    actor = tokens.verify(tokens.mint(role=role, subject="pejabat", agency=agency))
    assert (actor.role, actor.agency) == (role, acts_for)


@pytest.mark.parametrize(
    ("role", "agency"),
    [
        (Role.BKN, None),
        (Role.BKN, "1272"),
        (Role.GOVERNOR, None),
        (Role.GOVERNOR, "SUMUT"),
        (Role.GOVERNOR, "1272"),
        (Role.MINISTER, "BKN"),
    ],
)
def test_a_regulators_token_without_its_office_is_not_minted(
    role: Role, agency: str | None
) -> None:
    with pytest.raises(InvalidInput) as refused:
        TokenService(SECRET).mint(role=role, subject="pejabat", agency=agency)
    assert refused.value.field == "agency"
