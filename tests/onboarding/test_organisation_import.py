"""An agency new to asn-graph brings in its organisation, its employees and their ratings from
asn-graph's own templates (the samples shipped in the package), on SQLite and PostgreSQL; then
files with errors, files run again, units listed before their parents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from asn_graph.application import commands as c
from asn_graph.application.clock import FixedClock
from asn_graph.bootstrap import Service, build_service
from asn_graph.domain.actors import SYSTEM_ACTOR, Actor, Role
from asn_graph.domain.reference import AgencyKind, PerformanceRating
from asn_graph.onboarding.importer import run_import
from asn_graph.onboarding.kinds import KINDS, row_kind, sample
from asn_graph.onboarding.summary import ImportSummary, Outcome
from tests.conftest import BACKENDS
from tests.world import TODAY

OFFICER = Actor("rina", Role.OFFICER, "3578")


@pytest.fixture(params=BACKENDS)
def new_agency(request: pytest.FixtureRequest, settings_for: Any) -> Iterator[Service]:
    service = build_service(settings_for(request.param), clock=FixedClock(TODAY))
    register = c.RegisterAgency("3578", "Pemerintah Kota Surabaya", AgencyKind.CITY, "35")
    service.app.agencies.register(SYSTEM_ACTOR, register)
    yield service
    service.close()


def imported(service: Service, kind: str, path: Path, dry_run: bool = False) -> ImportSummary:
    service.up_to_date()
    rows = row_kind(kind, service.app, service.views, "3578")
    return run_import(rows, path, OFFICER, dry_run=dry_run)


def file_of(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_package_samples_import_cleanly_in_order(new_agency: Service, tmp_path: Path) -> None:
    for kind in KINDS:
        path = tmp_path / f"{kind}.csv"
        path.write_bytes(sample(kind))
        summary = imported(new_agency, kind, path)
        assert summary.rejections == [], kind
        assert summary.unknown_columns == [], kind
        assert summary.counts[Outcome.RECORDED] > 0, kind
    new_agency.up_to_date()
    mutasi = new_agency.app.work_units.get("3578", "BKPSDM-MUTASI")
    assert mutasi.parent_code == "BKPSDM"
    siti = new_agency.app.employees.get("198503122010012001")
    assert siti.name == "Siti Rahmawati, S.Psi."
    assert dict(siti.ratings)[2025] is PerformanceRating.SANGAT_BAIK
    head = new_agency.log.head()
    for kind in KINDS:
        path = tmp_path / f"{kind}.csv"
        again = imported(new_agency, kind, path)
        assert again.rejections == [], kind
        assert again.counts[Outcome.RECORDED] == again.counts[Outcome.CHANGED] == 0, kind
    assert new_agency.log.head() == head


def test_units_may_come_before_their_parents(new_agency: Service, tmp_path: Path) -> None:
    text = (
        "UNOR_ID;NAMA_UNOR;DIATASAN_ID\n"
        "SUB-2;Subbidang Dua;BIDANG\n"
        "BIDANG;Bidang;DINAS\n"
        "DINAS;Dinas;\n"
        "YATIM;Unit Tanpa Induk;TIDAK-ADA\n"
    )
    summary = imported(new_agency, "units", file_of(tmp_path, "unor.csv", text))
    assert summary.counts[Outcome.RECORDED] == 3
    assert [(r.row, r.column, r.value) for r in summary.rejections] == [
        (5, "diatasan_id", "TIDAK-ADA")
    ]
    dry = imported(new_agency, "units", file_of(tmp_path, "unor.csv", text), dry_run=True)
    assert dry.counts[Outcome.UNCHANGED] == 3


def test_bad_positions_workloads_and_ratings_are_reported(
    new_agency: Service, tmp_path: Path
) -> None:
    for kind in ("units", "positions", "employees"):
        path = tmp_path / f"{kind}.csv"
        path.write_bytes(sample(kind))
        imported(new_agency, kind, path)
    positions = imported(
        new_agency,
        "positions",
        file_of(
            tmp_path,
            "jabatan.csv",
            "unit_kode,jabatan_kode,jabatan_nama,jenis_jabatan,kelas_jabatan\n"
            "BKPSDM-MUTASI,BARU,Jabatan Baru,Pelaksana,0\n"
            "BKPSDM-MUTASI,LAIN,Jabatan Lain,Direktur,6\n"
            "ENTAH,X,Jabatan X,Pelaksana,6\n"
            "BKPSDM-MUTASI,ANALIS-SDM,Analis Nama Lain,Ahli Pertama,8\n",
        ),
    )
    reasons = [(r.row, r.column, r.reason) for r in positions.rejections]
    assert reasons[0][:2] == (2, "kelas_jabatan")
    assert reasons[1][:2] == (3, "jenis_jabatan")
    assert reasons[2][:2] == (4, "unit_kode")
    assert "sudah terdaftar" in reasons[3][2]
    workload = imported(
        new_agency,
        "workload",
        file_of(
            tmp_path,
            "abk.csv",
            "unit_kode,jabatan_kode,uraian_tugas,volume,norma_waktu\n"
            "BKPSDM-MUTASI,ANALIS-SDM,Verifikasi usulan mutasi,1000,225\n"
            "DISKOMINFO,PRANATA-KOMPUTER,Pemeliharaan jaringan,banyak,180\n"
            "BKPSDM-MUTASI,ANALIS-SDM,Rekomendasi penempatan,120,300\n",
        ),
    )
    assert workload.counts[Outcome.RECORDED] == 1
    assert [(r.row, r.column) for r in workload.rejections] == [(3, "volume")]
    new_agency.up_to_date()
    analyst = new_agency.app.work_units.get("3578", "BKPSDM-MUTASI")
    assert analyst is not None
    ratings = imported(
        new_agency,
        "ratings",
        file_of(
            tmp_path,
            "skp.csv",
            "nip,tahun,predikat\n"
            "198503122010012001,2025,Baik\n"
            "198503122010012001,2025,Baik\n"
            "199901012020011001,2025,Baik\n"
            "198503122010012001,2025,Luar Biasa\n",
        ),
    )
    assert ratings.counts[Outcome.RECORDED] == 1
    assert [(r.row, r.column) for r in ratings.rejections] == [
        (3, ""),
        (4, "nip"),
        (5, "predikat"),
    ]
