"""``asn-graph users``: the address an account's notifications are mailed to."""

from __future__ import annotations

import pytest

from asn_graph.settings import Settings
from tests.web.test_users_command import NIP, store_settings, users

__all__ = ["store_settings"]


def test_an_accounts_address_is_set_changed_and_cleared(
    store_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    added = users(
        monkeypatch,
        "add", "--username", "siti", "--role", "employee", "--nip", NIP,
        "--email", "siti@pemkot.example.go.id", "--password-stdin",
        stdin="kata-sandi-siti-2026\n",
    )  # fmt: skip
    assert added == 0
    assert capsys.readouterr().out == f"added siti\temployee\t{NIP}\tsiti@pemkot.example.go.id\n"
    changed = users(monkeypatch, "email", "--username", "siti", "--email", "s@example.go.id")
    assert changed == 0
    assert capsys.readouterr().out == f"changed siti\temployee\t{NIP}\ts@example.go.id\n"
    assert users(monkeypatch, "email", "--username", "siti", "--none") == 0
    assert capsys.readouterr().out == f"changed siti\temployee\t{NIP}\n"
    refused = users(monkeypatch, "email", "--username", "siti", "--email", "bukan alamat")
    assert refused != 0
    assert "e-mail address" in capsys.readouterr().err
