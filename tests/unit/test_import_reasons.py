"""Why an import rejects a row is a message of the catalogue: the same reason reads in
Indonesian as the officer's report always had it, and in English for a page read in English."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import pytest

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.messages import Language
from asn_graph.onboarding.cells import CellError, whole_number_of
from asn_graph.onboarding.directory import AgencyDirectory
from asn_graph.onboarding.employee_rows import employee_facts
from asn_graph.onboarding.importer import Plan, one_by_one, run_import
from asn_graph.onboarding.organisation import POSITION_GRADE
from asn_graph.onboarding.rejections import Rejection, RowRejected
from asn_graph.onboarding.summary import Outcome
from asn_graph.onboarding.tables import Row, column_name
from tests.onboarding.sheets import ANALYST_TITLE, SIASN_HEADER, siasn_row, staff
from tests.world import TODAY

AGENCY = "3578"


def _directory() -> AgencyDirectory:
    directory = AgencyDirectory(AGENCY)
    unit = directory.add_unit("DISKOMINFO", "Dinas Komunikasi dan Informatika")
    directory.add_position(unit, "ANALIS-SDM", ANALYST_TITLE)
    return directory


def _rejections_of(cells: list[str]) -> dict[str, Rejection]:
    row = Row(2, {column_name(name): cell for name, cell in zip(SIASN_HEADER, cells, strict=True)})
    with pytest.raises(RowRejected) as rejected:
        employee_facts(row, AGENCY, _directory(), TODAY)
    return {rejection.column: rejection for rejection in rejected.value.rejections}


def test_a_bad_date_an_unknown_rank_and_an_unknown_unit_read_in_either_language() -> None:
    (who,) = staff(1)
    cells = siasn_row(who, rank="VI/z", unit="DINAS-HANTU", placed_since="31-02-2021")
    rejections = _rejections_of(cells)
    worded = {
        column: (rejection.reason, rejection.text(Language.ENGLISH))
        for column, rejection in rejections.items()
    }
    assert worded == {
        "tmt_jabatan": (
            "tanggal 31-02-2021 tidak mungkin atau tidak dikenali (contoh: 31-12-1985)",
            "date 31-02-2021 is impossible or not recognised (e.g. 31-12-1985)",
        ),
        "gol_akhir_nama": (
            "golongan VI/z tidak dikenali (contoh: III/a)",
            "rank VI/z is not recognised (e.g. III/a)",
        ),
        "unor_id": (
            "unit kerja tidak ditemukan di instansi 3578",
            "work unit not found in agency 3578",
        ),
    }
    assert rejections["tmt_jabatan"].message.key == "import.date_not_recognised"
    assert rejections["tmt_jabatan"].message.params == {"value": "31-02-2021"}


def test_a_fact_named_within_a_reason_is_worded_in_its_language() -> None:
    (who,) = staff(1)
    rejections = _rejections_of(siasn_row(who, TANGGAL_LAHIR="01-01-1970"))
    assert rejections["tanggal_lahir"].reason == "tanggal lahir tidak sesuai dengan NIP"
    assert rejections["tanggal_lahir"].text(Language.ENGLISH) == (
        "birth date does not match the NIP"
    )
    with pytest.raises(CellError) as raised:
        whole_number_of("0", POSITION_GRADE, 1)
    assert raised.value.text(Language.INDONESIAN) == "kelas jabatan 0 bukan bilangan bulat ≥ 1"
    assert raised.value.message == "position grade 0 is not a whole number ≥ 1"


class _ByNip:
    """A kind of file whose rows are known already: each row is its NIP, nothing to record."""

    name = "pegawai"

    def header_problems(self, header: Sequence[str]) -> tuple[list[str], list[str]]:
        return [], []

    def entries(self, rows: Iterator[Row]) -> Iterator[list[Row]]:
        return one_by_one(rows)

    def plan(self, entry: list[Row], reason: str) -> Plan:
        (row,) = entry
        return Plan(Outcome.UNCHANGED, (), str(row.cells["nip"]))

    def reading(self) -> AbstractContextManager[None]:
        return nullcontext()

    def absent(self, keys: set[str]) -> list[str]:
        return []


def test_a_nip_twice_in_the_file_reads_in_either_language(tmp_path: Path) -> None:
    nip = staff(1)[0].nip
    path = tmp_path / "pegawai.csv"
    path.write_text(f"nip\n{nip}\n{nip}\n", encoding="utf-8")
    summary = run_import(_ByNip(), path, Actor("budi", Role.OFFICER, AGENCY))
    (twice,) = summary.rejections
    assert (twice.row, twice.value) == (3, nip)
    assert twice.reason == "ganda di berkas ini (sama dengan baris 2)"
    assert twice.text(Language.ENGLISH) == "twice in this file (the same as row 2)"
