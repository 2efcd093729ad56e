"""An employee row, in SIASN's export layout or in asn-graph's own template, read into the
facts of a registration. Columns are found by name, in any order and any case; the birth date,
gender and appointment month a NIP encodes fill the columns a sheet leaves out, and must agree
with those it has."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from asn_graph.application.commands import RegisterEmployee
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.messages import Message
from asn_graph.domain.nip import Nip
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import Education
from asn_graph.onboarding.cells import (
    date_of,
    education_level_of,
    gender_of,
    rank_of,
    status_of,
    study_field_of,
)
from asn_graph.onboarding.directory import AgencyDirectory, spelled
from asn_graph.onboarding.row_reader import (
    REQUIRED_MISSING,
    Columns,
    RowReader,
    missing_columns,
    unknown_columns,
)
from asn_graph.onboarding.tables import Row

T = TypeVar("T")

# Each fact and the columns it may come from, asn-graph's template's name first.
COLUMNS: Columns = {
    "nip": ("nip", "nip_baru"),
    "name": ("nama",),
    "front_title": ("gelar_depan",),
    "back_title": ("gelar_belakang",),
    "birth_date": ("tanggal_lahir", "tgl_lahir"),
    "gender": ("jenis_kelamin",),
    "status": ("jenis_pegawai", "jenis_pegawai_nama", "status_pegawai"),
    "rank": ("golongan", "gol_akhir_nama", "gol_akhir"),
    "rank_since": ("tmt_golongan",),
    "appointed_on": ("tmt_cpns",),
    "unit_code": ("unit_kode", "unor_id"),
    "unit_name": ("unit_nama", "unor_nama"),
    "position_code": ("jabatan_kode",),
    "position_title": ("jabatan_nama", "jabatan"),
    "placed_since": ("tmt_jabatan",),
    "education_level": ("tingkat_pendidikan", "tingkat_pendidikan_nama"),
    "education_field": ("pendidikan", "pendidikan_nama"),
}
# Columns of SIASN's export that an import recognises but does not record.
RECOGNISED: frozenset[str] = frozenset(
    {
        "pns_id",
        "nip_lama",
        "tempat_lahir_nama",
        "tempat_lahir",
        "agama_nama",
        "email",
        "email_gov",
        "nomor_hp",
        "nomor_telepon",
        "alamat",
        "npwp_nomor",
        "bpjs",
        "nik",
        "jenis_kawin_nama",
        "status_cpns_pns",
        "tmt_pns",
        "kedudukan_hukum_nama",
        "jenis_jabatan_nama",
        "eselon_nama",
        "tahun_lulus",
        "masa_kerja_tahun",
        "masa_kerja_bulan",
        "instansi_induk_nama",
        "instansi_kerja_nama",
        "satuan_kerja_induk_nama",
        "satuan_kerja_kerja_nama",
        "lokasi_kerja_nama",
        "kpkn_nama",
        "unor_induk_nama",
        "is_valid_nik",
    }
)
TEMPLATE_HEADER = (
    "nip",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tanggal_lahir",
    "jenis_kelamin",
    "jenis_pegawai",
    "golongan",
    "tmt_golongan",
    "tmt_cpns",
    "unit_kode",
    "unit_nama",
    "jabatan_kode",
    "jabatan_nama",
    "tmt_jabatan",
    "tingkat_pendidikan",
    "pendidikan",
)
REQUIRED = ("nip", "name", "rank", "status", "placed_since", "education_level")
BIRTH_DATE = Message("import.fact.birth_date")
GENDER = Message("import.fact.gender")


def employee_header_problems(header: Sequence[str]) -> tuple[list[str], list[str]]:
    """The facts no column provides, and the columns not known."""
    lacking = missing_columns(header, COLUMNS, REQUIRED)
    present = set(header)
    if not present & (set(COLUMNS["unit_code"]) | set(COLUMNS["unit_name"])):
        lacking.append("unit_kode")
    if not present & (set(COLUMNS["position_code"]) | set(COLUMNS["position_title"])):
        lacking.append("jabatan_kode")
    return lacking, unknown_columns(header, COLUMNS, RECOGNISED)


@dataclass(frozen=True)
class EmployeeFacts:
    """What a row says of an employee: their registration, and since when they hold their
    rank (for a later change of rank)."""

    row: int
    registration: RegisterEmployee
    rank_since: date | None


def employee_facts(
    row: Row, agency_code: str, directory: AgencyDirectory, today: date
) -> EmployeeFacts:
    """The row's facts, or ``RowRejected`` with every reason the row cannot be taken."""
    reader = RowReader(row, COLUMNS)
    nip = _nip(reader, today)
    name = _name(reader)
    status = reader.read("status", status_of, required=True)
    rank = reader.read("rank", rank_of, required=True)
    rank_since = reader.read("rank_since", date_of)
    placed_since = reader.read("placed_since", date_of, required=True)
    level = reader.read("education_level", education_level_of, required=True)
    field_of_study = study_field_of(reader.text("education_field"))
    birth_date = reader.read("birth_date", date_of)
    gender = reader.read("gender", gender_of)
    appointed_on = reader.read("appointed_on", date_of)
    placement = _placement(reader, agency_code, directory)
    if nip is not None:
        birth_date = _agreeing(reader, "birth_date", birth_date, nip.birth_date, BIRTH_DATE)
        gender = _agreeing(reader, "gender", gender, nip.gender, GENDER)
        year, month = nip.appointment_year_month
        if appointed_on is None:
            appointed_on = date(year, month, 1)
        elif (appointed_on.year, appointed_on.month) != (year, month):
            reader.reject(
                reader.column("appointed_on") or "tmt_cpns",
                appointed_on.isoformat(),
                Message("import.appointment_against_nip", {"month": month, "year": year}),
            )
    for fact, day in (("placed_since", placed_since), ("rank_since", rank_since)):
        if day is not None and day > today:
            reader.reject(
                reader.column(fact) or fact, day.isoformat(), Message("import.date_in_future")
            )
    if placed_since is not None and appointed_on is not None and placed_since < appointed_on:
        reader.reject(
            reader.column("placed_since") or "tmt_jabatan",
            placed_since.isoformat(),
            Message("import.placed_before_appointed"),
        )
    reader.refuse_if_rejected()
    assert nip is not None
    assert name
    assert status
    assert rank
    assert placed_since
    assert level
    assert birth_date is not None
    assert gender is not None
    assert appointed_on is not None
    assert placement is not None
    registration = RegisterEmployee(
        nip=nip.value,
        name=name,
        birth_date=birth_date,
        gender=gender,
        status=status,
        rank=rank,
        education=Education(level, field_of_study),
        competencies=(),
        appointed_on=appointed_on,
        placement=placement,
        placed_since=placed_since,
    )
    return EmployeeFacts(row.number, registration, rank_since)


def _nip(reader: RowReader, today: date) -> Nip | None:
    column = reader.column("nip")
    if column is None:
        reader.reject("nip", "", REQUIRED_MISSING)
        return None
    value = str(reader.row.cells[column])
    try:
        return Nip.parse(value.lstrip("'"), today=today)
    except InvalidInput:
        reader.reject(column, value, Message("import.nip_not_valid"))
        return None


def _name(reader: RowReader) -> str | None:
    name = reader.text("name")
    if not name:
        reader.reject(COLUMNS["name"][0], "", REQUIRED_MISSING)
        return None
    front, back = reader.text("front_title"), reader.text("back_title")
    full = f"{front} {name}".strip() if front and front != "-" else name
    return f"{full}, {back}" if back and back != "-" else full


def _agreeing(reader: RowReader, fact: str, given: T | None, encoded: T, label: Message) -> T:
    if given is not None and given != encoded:
        against = Message("import.against_nip", {"fact": label})
        reader.reject(reader.column(fact) or fact, str(reader.raw(fact)), against)
    return encoded


def _placement(reader: RowReader, agency_code: str, directory: AgencyDirectory) -> Placement | None:
    unit = None
    code = reader.text("unit_code")
    name = reader.text("unit_name")
    if code:
        unit = directory.units_by_code.get(code) or directory.units_by_code.get(code.upper())
    if unit is None and name:
        found = directory.units_by_name.get(spelled(name), [])
        if len(found) > 1:
            reader.reject(
                reader.column("unit_name") or "unit_nama",
                name,
                Message("import.unit_name_not_unique"),
            )
            return None
        unit = directory.units_by_code.get(found[0]) if found else None
    if unit is None:
        column = reader.column("unit_code") if code else reader.column("unit_name")
        reader.reject(
            column or "unit_kode",
            code or name,
            Message("import.unit_not_found", {"agency": agency_code}),
        )
        return None
    position_code = reader.text("position_code")
    title = reader.text("position_title")
    if position_code:
        if position_code not in unit.positions_by_code:
            reader.reject(
                reader.column("position_code") or "jabatan_kode",
                position_code,
                Message("import.position_not_found", {"unit": unit.code}),
            )
            return None
        return Placement(agency_code, unit.code, position_code)
    matches = unit.positions_by_title.get(spelled(title), []) if title else []
    if len(matches) != 1:
        reason = (
            Message("import.position_not_found", {"unit": unit.code})
            if not matches
            else Message("import.position_title_not_unique")
        )
        reader.reject(reader.column("position_title") or "jabatan_nama", title, reason)
        return None
    return Placement(agency_code, unit.code, matches[0])
