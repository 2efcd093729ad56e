"""``asn-graph serve --demo`` makes a local account for each role and prints them with their
passwords; a restart prints the same ones, kept in the data directory."""

from __future__ import annotations

import dataclasses
import re
import stat
from pathlib import Path
from typing import Any

import pytest

from asn_graph.bootstrap import Service, build_service
from asn_graph.cli import main
from asn_graph.cli.demo_accounts import ACCOUNTS_FILE, demo_accounts
from asn_graph.demo import generator
from asn_graph.domain.actors import SYSTEM_ACTOR
from asn_graph.settings import Settings
from tests.conftest import BACKENDS
from tests.world import build_organisation

SMALL_DEMO = generator.DemoSpec(employees=120, positions=30, cases=12)
ROW = re.compile(r"^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$")


@pytest.fixture(params=BACKENDS)
def store_settings(
    request: pytest.FixtureRequest,
    settings_for: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> Settings:
    # The accounts' file goes to the data directory: the test's own, never the user's.
    settings: Settings = dataclasses.replace(settings_for(request.param), data_dir=tmp_path)
    for name, value in settings.environment_for_peer().items():
        monkeypatch.setenv(name, value)
    return settings


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """``serve`` up to the moment it would listen, with a small demo (the data's size does not
    matter to the accounts)."""
    runs: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: runs.append(options))
    fill_if_empty = generator.fill_if_empty
    monkeypatch.setattr(
        generator, "fill_if_empty", lambda service, spec: fill_if_empty(service, SMALL_DEMO)
    )
    return runs


def printed_accounts(output: str) -> dict[str, tuple[str, str, str, str]]:
    lines = output[output.index("Demo accounts:") :].splitlines()[2:]
    rows = [ROW.match(line) for line in lines]
    return {row[1]: (row[2], row[3], row[4], row[5]) for row in rows if row is not None}


def test_serve_demo_prints_an_account_for_each_role_and_the_same_after_a_restart(
    store_settings: Settings,
    served: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["serve", "--demo", "--port", "8123"]) == 0
    first = capsys.readouterr().out
    assert "sign in at http://127.0.0.1:8123/masuk" in first
    accounts = printed_accounts(first)
    roles = {role for role, *_ in accounts.values()}
    assert roles == {
        "employee",
        "officer",
        "approver",
        "auditor:national",
        "integrator:national",
        "bkn",
        "governor",
        "minister",
    }
    assert accounts["petugas.bkpsdm.1272"][:2] == ("officer", "1272")
    assert accounts["ppk.1272"][:2] == ("approver", "1272")

    assert main(["serve", "--demo", "--port", "8123"]) == 0
    assert printed_accounts(capsys.readouterr().out) == accounts
    assert len(served) == 2

    kept = store_settings.data_dir / ACCOUNTS_FILE
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    with build_service(store_settings) as service:
        # Each check of a password costs a deliberately slow hash: two accounts stand for all.
        for username in ("pegawai.1272", "petugas.bkpsdm.1272"):
            role, _, _, password = accounts[username]
            actor = service.app.local_accounts.signed_in(username, password)
            assert actor is not None, username
            assert actor.role.value == role
        # The employee is one of the demo's own, of Kota Pematangsiantar.
        _, _, nip, _ = accounts["pegawai.1272"]
        placement = service.app.employees.get(nip).placement
        assert placement is not None
        assert placement.agency_code == "1272"
        assert len(service.app.local_accounts.accounts()) == len(accounts)
        service.app.local_accounts.disable(SYSTEM_ACTOR, "menteri", "tidak dipakai")

    # The file lost: the accounts are not made again, and their passwords are not known here.
    kept.unlink()
    assert main(["serve", "--demo"]) == 0
    again = printed_accounts(capsys.readouterr().out)
    assert again.keys() == accounts.keys()
    assert again["menteri"][3] == "(disabled)"
    assert again["auditor"][3] == "(unknown:this-file-was-lost)"


def test_a_store_without_the_demo_data_gets_no_demo_accounts(
    service: Service, tmp_path: Path
) -> None:
    build_organisation(service.app)
    assert demo_accounts(service, tmp_path) == []
    assert service.app.local_accounts.accounts() == []
    assert not (tmp_path / ACCOUNTS_FILE).exists()
