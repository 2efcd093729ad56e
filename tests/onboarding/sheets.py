"""Employee files as agencies have them: SIASN's export layout (upper-case headers, titles in
their own columns, dates as dd-mm-yyyy) with good rows and every kind of bad one."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from tests.world import Person, person

SIASN_HEADER = [
    "PNS_ID",
    "NIP_BARU",
    "NAMA",
    "GELAR_DEPAN",
    "GELAR_BELAKANG",
    "TANGGAL_LAHIR",
    "JENIS_KELAMIN",
    "JENIS_PEGAWAI_NAMA",
    "GOL_AKHIR_NAMA",
    "TMT_GOLONGAN",
    "JENIS_JABATAN_NAMA",
    "JABATAN_NAMA",
    "TMT_JABATAN",
    "TINGKAT_PENDIDIKAN_NAMA",
    "PENDIDIKAN_NAMA",
    "TMT_CPNS",
    "UNOR_ID",
    "UNOR_NAMA",
    "WARNA_FAVORIT",
]
ANALYST_TITLE = "Analis Sumber Daya Manusia Aparatur Ahli Pertama"
CLERK_TITLE = "Pengadministrasi Perkantoran"


def siasn_row(
    who: Person,
    *,
    rank: str = "III/b",
    title: str = ANALYST_TITLE,
    unit: str = "DISKOMINFO",
    education: tuple[str, str] = ("S-1/Sarjana", "S-1 Manajemen"),
    placed_since: str = "03-01-2022",
    **overrides: str,
) -> list[str]:
    row = {
        "PNS_ID": f"A5E{who.nip[-6:]}",
        "NIP_BARU": who.nip,
        "NAMA": who.name,
        "GELAR_DEPAN": "",
        "GELAR_BELAKANG": "",
        "TANGGAL_LAHIR": f"{who.birth:%d-%m-%Y}",
        "JENIS_KELAMIN": "M" if who.gender.value == "1" else "F",
        "JENIS_PEGAWAI_NAMA": "PNS",
        "GOL_AKHIR_NAMA": rank,
        "TMT_GOLONGAN": "01-04-2020",
        "JENIS_JABATAN_NAMA": "Jabatan Fungsional",
        "JABATAN_NAMA": title,
        "TMT_JABATAN": placed_since,
        "TINGKAT_PENDIDIKAN_NAMA": education[0],
        "PENDIDIKAN_NAMA": education[1],
        "TMT_CPNS": f"{who.appointed:%d-%m-%Y}",
        "UNOR_ID": unit,
        "UNOR_NAMA": "",
        "WARNA_FAVORIT": "biru",
    }
    row.update(overrides)
    return [row[column] for column in SIASN_HEADER]


def staff(count: int, agency: str = "3578", unit: str = "DISKOMINFO") -> list[Person]:
    return [person(agency, unit, sequence) for sequence in range(1, count + 1)]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = SIASN_HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[str]], header: list[str] = SIASN_HEADER) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        # As a spreadsheet holds them: dates as dates, the NIP as text.
        sheet.append([_typed(column, value) for column, value in zip(header, row, strict=True)])
    workbook.save(path)
    return path


def _typed(column: str, value: str) -> object:
    if column.startswith(("TANGGAL", "TMT")) and value.count("-") == 2:
        day, month, year = (int(part) for part in value.split("-"))
        try:
            return date(year, month, day)
        except ValueError:
            return value
    return value
