"""Importing employees from SIASN's export layout, on SQLite and PostgreSQL: good rows are
recorded as the officer with the file named in the reason, bad rows are reported with their
row, column, value and reason, a dry run records nothing, running a file again records only
what changed, and a killed import resumes to the same store as an uninterrupted one."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.reference import EducationLevel, Rank
from asn_graph.onboarding.employees import EmployeeRows
from asn_graph.onboarding.importer import run_import
from asn_graph.onboarding.summary import ImportSummary, MissingColumns, Outcome
from asn_graph.onboarding.tables import sha256_of
from tests.onboarding.sheets import (
    CLERK_TITLE,
    SIASN_HEADER,
    siasn_row,
    staff,
    write_csv,
    write_xlsx,
)
from tests.world import person, register

OFFICER = Actor("budi", Role.OFFICER, "3578")


def imported(
    service: Service, path: Path, *, dry_run: bool = False, **options: Any
) -> ImportSummary:
    service.up_to_date()
    rows = EmployeeRows(service.app, service.views, "3578")
    return run_import(rows, path, OFFICER, dry_run=dry_run, **options)


def events_of(service: Service, nip: str) -> list[Any]:
    employee_id = service.app.employees.id_of(nip)
    return list(service.store.repository.event_store.get(employee_id))


def test_good_rows_are_recorded_as_the_officer_with_the_file_in_the_reason(
    organised: Service, tmp_path: Path
) -> None:
    people = staff(3)
    rows = [
        siasn_row(people[0]),
        siasn_row(people[1], GELAR_DEPAN="Dr.", GELAR_BELAKANG="S.Kom., M.T."),
        siasn_row(people[2], title=CLERK_TITLE.upper(), rank="Penata Muda, III/a"),
    ]
    path = write_csv(tmp_path / "siasn.csv", rows)
    summary = imported(organised, path)
    assert summary.counts[Outcome.RECORDED] == 3
    assert summary.rejections == []
    assert summary.unknown_columns == ["warna_favorit"]
    assert organised.app.employees.get(people[1].nip).name == f"Dr. {people[1].name}, S.Kom., M.T."
    clerk = organised.app.employees.get(people[2].nip)
    assert clerk.rank is Rank.III_A
    assert clerk.placement is not None
    assert clerk.placement.position_code == "PENGADMINISTRASI"
    events = events_of(organised, people[0].nip)
    assert {event.actor for event in events} == {OFFICER}
    assert all(sha256_of(path) in event.reason for event in events)
    assert all("baris 2" in event.reason for event in events)


def test_every_kind_of_bad_row_is_reported_and_the_good_ones_go_in(
    organised: Service, tmp_path: Path
) -> None:
    good, known, *others = staff(8)
    register(organised.app, known)
    rows = [
        siasn_row(good),  # row 2
        siasn_row(others[0], NIP_BARU="19840101201003200X"),  # 3: invalid NIP
        siasn_row(others[1], rank="VI/z"),  # 4: unknown rank
        siasn_row(others[2], unit="DINAS-HANTU"),  # 5: unit not found
        siasn_row(others[3], placed_since="31-02-2021"),  # 6: impossible date
        siasn_row(good),  # 7: NIP twice in the file
        siasn_row(known, NAMA="Orang Lain"),  # 8: registered with other data
        siasn_row(others[4], TANGGAL_LAHIR="01-01-1970"),  # 9: birth date against the NIP
    ]
    path = write_csv(tmp_path / "siasn.csv", rows)
    head = organised.log.head()
    summary = imported(organised, path)
    assert summary.counts[Outcome.RECORDED] == 1
    assert summary.counts[Outcome.REJECTED] == 7
    reasons = {(r.row, r.column): r for r in summary.rejections}
    assert "NIP tidak sah" in reasons[(3, "nip_baru")].reason
    assert reasons[(4, "gol_akhir_nama")].value == "VI/z"
    assert "golongan" in reasons[(4, "gol_akhir_nama")].reason
    assert "unit kerja tidak ditemukan" in reasons[(5, "unor_id")].reason
    assert "tanggal 31-02-2021 tidak mungkin" in reasons[(6, "tmt_jabatan")].reason
    assert "baris 2" in reasons[(7, "")].reason
    assert "sudah terdaftar dengan data berbeda" in reasons[(8, "nama")].reason
    assert "tidak sesuai dengan NIP" in reasons[(9, "tanggal_lahir")].reason
    assert organised.log.head() > head
    organised.up_to_date()
    assert organised.app.employees.get(good.nip).nip == good.nip


def test_a_dry_run_checks_everything_and_records_nothing(
    organised: Service, tmp_path: Path
) -> None:
    people = staff(3)
    rows = [siasn_row(people[0]), siasn_row(people[1], rank="?"), siasn_row(people[2])]
    path = write_csv(tmp_path / "siasn.csv", rows)
    head = organised.log.head()
    checked = imported(organised, path, dry_run=True)
    assert organised.log.head() == head
    assert checked.counts[Outcome.RECORDED] == 2
    assert [r.row for r in checked.rejections] == [3]
    done = imported(organised, path)
    assert done.counts == checked.counts
    assert done.rejections == checked.rejections


def test_a_file_imported_again_records_only_what_changed(
    organised: Service, tmp_path: Path
) -> None:
    people = staff(4)
    first = write_csv(tmp_path / "januari.csv", [siasn_row(who) for who in people])
    imported(organised, first)
    head = organised.log.head()
    again = imported(organised, first)
    assert organised.log.head() == head
    assert again.counts[Outcome.UNCHANGED] == 4
    assert again.changes == Counter()
    newer = [
        siasn_row(people[0], rank="III/c", TMT_GOLONGAN="01-10-2026"),
        siasn_row(people[1], education=("S-2", "S-2 Administrasi Publik")),
        siasn_row(people[2], title=CLERK_TITLE, placed_since="02-02-2026"),
    ]  # people[3] is not in the newer file
    later = imported(organised, write_csv(tmp_path / "november.csv", newer))
    assert later.counts[Outcome.CHANGED] == 3
    assert later.changes == Counter(ChangeRank=1, RecordQualifications=1, CorrectPlacement=1)
    assert later.absent == [f"{people[3].nip} {people[3].name}"]
    organised.up_to_date()
    kinds = [type(event).__name__ for event in events_of(organised, people[0].nip)]
    assert kinds[-1] == "RankChanged"
    assert organised.app.employees.get(people[1].nip).education.level is EducationLevel.S2
    moved = organised.app.employees.get(people[2].nip).placement
    assert moved is not None
    assert moved.position_code == "PENGADMINISTRASI"
    assert organised.app.employees.get(people[3].nip).nip == people[3].nip  # never deleted


def test_an_xlsx_file_imports_as_its_csv_does(organised: Service, tmp_path: Path) -> None:
    people = staff(3)
    rows = [siasn_row(who) for who in people] + [siasn_row(person("3578", "X", 9), rank="?")]
    summary = imported(organised, write_xlsx(tmp_path / "siasn.xlsx", rows))
    assert summary.counts[Outcome.RECORDED] == 3
    assert {r.row for r in summary.rejections} == {5}


def test_a_file_without_a_needed_column_imports_nothing(organised: Service, tmp_path: Path) -> None:
    header = [column for column in SIASN_HEADER if column != "GOL_AKHIR_NAMA"]
    rows = [
        [
            cell
            for column, cell in zip(SIASN_HEADER, siasn_row(who), strict=True)
            if column != "GOL_AKHIR_NAMA"
        ]
        for who in staff(2)
    ]
    head = organised.log.head()
    with pytest.raises(MissingColumns, match="golongan"):
        imported(organised, write_csv(tmp_path / "siasn.csv", rows, header))
    assert organised.log.head() == head


def test_saving_rows_in_batches_records_what_row_by_row_records(
    organised: Service, tmp_path: Path
) -> None:
    people = staff(9)
    rows = [siasn_row(who) for who in people[:6]] + [
        siasn_row(people[6], rank="?"),
        siasn_row(people[0]),
        siasn_row(people[7]),
    ]
    path = write_csv(tmp_path / "siasn.csv", rows)
    batched = imported(organised, path, batch_size=4)
    assert batched.counts[Outcome.RECORDED] == 7
    assert [(r.row, r.column) for r in batched.rejections] == [(8, "gol_akhir_nama"), (9, "")]
    recorded = Counter(
        (type(event).__name__, event.reason.rsplit(",", 1)[1])
        for who in people[:6] + people[7:8]
        for event in events_of(organised, who.nip)
    )
    assert recorded == Counter(
        {("Registered", f" baris {n}"): 1 for n in (*range(2, 8), 10)}
        | {("Placed", f" baris {n}"): 1 for n in (*range(2, 8), 10)}
    )


def test_a_batch_another_writer_raced_is_recorded_row_by_row(
    organised: Service, tmp_path: Path
) -> None:
    people = staff(5)
    path = write_csv(tmp_path / "siasn.csv", [siasn_row(who) for who in people])

    def another_officer_registers_the_third(done: int, total: int) -> None:
        if done == 3:  # decided, waiting in its batch: registered meanwhile by another path
            register(organised.app, people[2])

    summary = imported(organised, path, batch_size=10, progress=another_officer_registers_the_third)
    assert summary.rejections == []
    assert summary.counts[Outcome.RECORDED] == 4
    assert summary.counts[Outcome.UNCHANGED] == 1
    assert all("siasn.csv" not in event.reason for event in events_of(organised, people[2].nip))


class Killed(Exception):
    pass


def test_a_killed_import_resumes_to_the_store_an_uninterrupted_one_makes(
    organised: Service, tmp_path: Path
) -> None:
    people = staff(12)
    path = write_csv(tmp_path / "siasn.csv", [siasn_row(who) for who in people])

    def kill_after_five(done: int, total: int) -> None:
        if done == 5:
            raise Killed

    with pytest.raises(Killed):
        imported(organised, path, progress=kill_after_five)
    resumed = imported(organised, path)
    assert resumed.counts[Outcome.UNCHANGED] == 5
    assert resumed.counts[Outcome.RECORDED] == 7
    recorded = Counter(
        type(event).__name__ for who in people for event in events_of(organised, who.nip)
    )
    assert recorded == Counter({"Registered": 12, "Placed": 12})
