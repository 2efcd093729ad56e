"""``asn-graph users``: the operator adds, lists and disables local accounts in the store."""

from __future__ import annotations

import io
from typing import Any

import pytest

from asn_graph.bootstrap import build_service
from asn_graph.cli import main
from asn_graph.settings import Settings
from tests.conftest import BACKENDS

NIP = "198402022010031002"


@pytest.fixture(params=BACKENDS)
def store_settings(
    request: pytest.FixtureRequest, settings_for: Any, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    settings: Settings = settings_for(request.param)
    for name, value in settings.environment_for_peer().items():
        monkeypatch.setenv(name, value)
    return settings


def users(monkeypatch: pytest.MonkeyPatch, *arguments: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["users", *arguments])


def test_accounts_are_added_listed_and_disabled(
    store_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    added = users(
        monkeypatch,
        "add", "--username", "Siti", "--role", "employee", "--nip", NIP, "--password-stdin",
        stdin="kata-sandi-siti-2026\n",
    )  # fmt: skip
    assert added == 0
    assert capsys.readouterr().out == f"added siti\temployee\t{NIP}\n"
    assert users(monkeypatch, "disable", "--username", "siti", "--reason", "pensiun") == 0
    capsys.readouterr()
    assert users(monkeypatch, "list") == 0
    assert capsys.readouterr().out == f"siti\temployee\t{NIP}\tdisabled\n"
    with build_service(store_settings) as service:
        accounts = service.app.local_accounts
        assert accounts.signed_in("siti", "kata-sandi-siti-2026") is None


def test_claims_are_checked_as_a_tokens_are_and_nothing_is_recorded(
    store_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    without_agency = users(
        monkeypatch, "add", "--username", "budi", "--role", "officer", "--password-stdin",
        stdin="kata-sandi-budi-2026\n",
    )  # fmt: skip
    assert without_agency == 2
    assert "names the agency it acts for" in capsys.readouterr().err
    short_password = users(
        monkeypatch, "add", "--username", "budi", "--role", "officer", "--agency", "1272",
        "--password-stdin", stdin="pendek\n",
    )  # fmt: skip
    assert short_password == 2
    assert "a password of 10 to 1024 characters" in capsys.readouterr().err
    assert users(monkeypatch, "list") == 0
    assert capsys.readouterr().out == ""


def test_a_username_is_taken_once(
    store_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    arguments = ("add", "--username", "budi", "--role", "approver", "--agency", "1272")
    assert users(monkeypatch, *arguments, stdin="kata-sandi-budi-2026\n") == 0
    assert users(monkeypatch, *arguments, stdin="kata-sandi-lain-2026\n") == 2
    assert "the username budi is taken" in capsys.readouterr().err
