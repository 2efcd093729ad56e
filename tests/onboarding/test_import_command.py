"""``asn-graph import employees``: the officer imports a SIASN export from the command line,
sees what was recorded and what was refused, and finds the refused rows in a CSV report."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from asn_graph.api.auth import actor_of
from asn_graph.bootstrap import build_service
from asn_graph.cli import main
from asn_graph.domain.actors import SYSTEM_ACTOR, Role
from asn_graph.settings import Settings
from tests.conftest import BACKENDS
from tests.onboarding.sheets import siasn_row, staff, write_csv
from tests.world import build_organisation


@pytest.fixture(params=BACKENDS)
def store_settings(
    request: pytest.FixtureRequest, settings_for: Any, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    settings: Settings = settings_for(request.param)
    for name, value in settings.environment_for_peer().items():
        monkeypatch.setenv(name, value)
    with build_service(settings) as service:
        build_organisation(service.app)
        officer = actor_of("budi", Role.OFFICER, "3578", None)
        service.app.local_accounts.add(SYSTEM_ACTOR, officer, "kata-sandi-budi-2026")
    return settings


def test_an_officer_imports_a_file_and_gets_the_refused_rows_as_a_report(
    store_settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = staff(3)
    rows = [siasn_row(people[0]), siasn_row(people[1], rank="X/x"), siasn_row(people[2])]
    path = write_csv(tmp_path / "pegawai.csv", rows)
    checked = main(["import", "employees", str(path), "--officer", "budi", "--dry-run"])
    out = capsys.readouterr().out
    assert checked == 1
    assert "akan dicatat" in out
    with build_service(store_settings) as service:
        assert service.app.local_accounts.accounts()  # the store holds the account only
        head = service.log.head()
    status = main(["import", "employees", str(path), "--officer", "budi"])
    out = capsys.readouterr().out
    assert status == 1
    assert "baru dicatat" in out
    assert "golongan X/x tidak dikenali" in out
    with (tmp_path / "pegawai.ditolak.csv").open(encoding="utf-8") as stream:
        report = list(csv.reader(stream))
    assert report[0] == ["baris", "kolom", "nilai", "alasan"]
    assert report[1][:3] == ["3", "gol_akhir_nama", "X/x"]
    with build_service(store_settings) as service:
        assert service.log.head() > head
        service.up_to_date()
        assert service.app.employees.get(people[2].nip).nip == people[2].nip
    again = main(["import", "employees", str(path), "--officer", "budi"])
    assert again == 1  # the refused row still waits for its correction
    assert "tidak berubah" in capsys.readouterr().out


def test_only_an_officers_account_imports(
    store_settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "pegawai.csv", [siasn_row(staff(1)[0])])
    assert main(["import", "employees", str(path), "--officer", "nobody"]) == 2
    assert "--agency" in capsys.readouterr().err
    assert main(["import", "employees", str(path), "--officer", "budi", "--agency", "3515"]) == 2
    assert "acts for 3578" in capsys.readouterr().err
