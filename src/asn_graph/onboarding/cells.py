"""Reading one cell as a typed value, or saying why it cannot be read (a message of the
catalogue, worded in Indonesian for the officer, in English for a page read in English). The
spellings accepted are those of SIASN's exports and of spreadsheets kept by hand."""

from __future__ import annotations

import re
from datetime import date, datetime

from asn_graph.domain.errors import DomainError
from asn_graph.domain.messages import Message
from asn_graph.domain.nip import Gender
from asn_graph.domain.reference import (
    EducationLevel,
    EmploymentStatus,
    PerformanceRating,
    PositionKind,
    Rank,
)


class CellError(DomainError):
    """The cell's value cannot be read: its key of the catalogue and parameters say why."""


DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d")


def date_of(value: str | date) -> date:
    if isinstance(value, date):
        return value
    text = value.strip()
    # Some exports append a time: "1985-03-12 00:00:00".
    text = text.split(" ")[0].split("T")[0]
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellError("import.date_not_recognised", value=str(value))


_GENDERS = {
    "1": Gender.MALE,
    "l": Gender.MALE,
    "m": Gender.MALE,
    "laki-laki": Gender.MALE,
    "laki laki": Gender.MALE,
    "pria": Gender.MALE,
    "2": Gender.FEMALE,
    "p": Gender.FEMALE,
    "f": Gender.FEMALE,
    "perempuan": Gender.FEMALE,
    "wanita": Gender.FEMALE,
}


def gender_of(value: str | date) -> Gender:
    found = _GENDERS.get(str(value).strip().lower())
    if found is None:
        raise CellError("import.gender_not_recognised", value=str(value))
    return found


def status_of(value: str | date) -> EmploymentStatus:
    text = str(value).strip().upper()
    if "PPPK" in text or "P3K" in text:
        return EmploymentStatus.PPPK
    # A CPNS is a civil servant on probation: recorded as PNS, as SIASN counts them.
    if text in ("PNS", "CPNS") or text.startswith(("PNS ", "CPNS ")):
        return EmploymentStatus.PNS
    raise CellError("import.status_not_recognised", value=str(value))


_RANK = re.compile(r"\b(IV|III|II|I)\s*[/-]?\s*([a-eA-E])\b")


def rank_of(value: str | date) -> Rank:
    """``III/a``, ``III-a``, ``Penata Muda, III/a`` and ``IIIa`` are the same rank."""
    match = _RANK.search(str(value))
    if match is not None:
        try:
            return Rank(f"{match.group(1)}/{match.group(2).lower()}")
        except ValueError:
            pass
    raise CellError("import.rank_not_recognised", value=str(value))


_LEVELS = (
    ("S3", EducationLevel.S3),
    ("S-3", EducationLevel.S3),
    ("DOKTOR", EducationLevel.S3),
    ("S2", EducationLevel.S2),
    ("S-2", EducationLevel.S2),
    ("MAGISTER", EducationLevel.S2),
    ("S1", EducationLevel.S1),
    ("S-1", EducationLevel.S1),
    ("SARJANA", EducationLevel.S1),
    ("D4", EducationLevel.D4),
    ("D-IV", EducationLevel.D4),
    ("DIV", EducationLevel.D4),
    ("D3", EducationLevel.D3),
    ("D-III", EducationLevel.D3),
    ("DIII", EducationLevel.D3),
    ("SLTA", EducationLevel.SMA),
    ("SMA", EducationLevel.SMA),
    ("SMK", EducationLevel.SMA),
    ("SLTP", EducationLevel.SMP),
    ("SMP", EducationLevel.SMP),
    ("SD", EducationLevel.SD),
)


def education_level_of(value: str | date) -> EducationLevel:
    text = str(value).strip().upper()
    for spelling, level in _LEVELS:
        if re.search(rf"(?<![A-Z0-9-]){re.escape(spelling)}(?![A-Z0-9])", text):
            return level
    raise CellError("import.education_level_not_recognised", value=str(value))


_LEVEL_PREFIX = re.compile(
    r"^\s*(S-?[123]|D-?(?:III|IV|[34])|SLTA|SMA|SMK|SLTP|SMP|SD)\b[\s./-]*", re.I
)


def study_field_of(value: str | date) -> str:
    """``S-1 Teknik Informatika`` studied Teknik Informatika."""
    return _LEVEL_PREFIX.sub("", str(value)).strip()


_RATINGS = {
    "sangat baik": PerformanceRating.SANGAT_BAIK,
    "baik": PerformanceRating.BAIK,
    "butuh perbaikan": PerformanceRating.BUTUH_PERBAIKAN,
    "kurang": PerformanceRating.KURANG,
    "sangat kurang": PerformanceRating.SANGAT_KURANG,
}


def rating_of(value: str | date) -> PerformanceRating:
    text = " ".join(str(value).replace("_", " ").lower().split())
    found = _RATINGS.get(text)
    if found is None:
        raise CellError("import.rating_not_recognised", value=str(value))
    return found


def year_of(value: str | date) -> int:
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}", text):
        raise CellError("import.year_not_recognised", value=str(value))
    return int(text)


_POSITION_KINDS = sorted(PositionKind, key=lambda kind: -len(kind.value))


def position_kind_of(value: str | date) -> PositionKind:
    """``AHLI_PERTAMA``, ``Ahli Pertama`` and ``Jabatan Fungsional Ahli Pertama`` are one kind."""
    text = " ".join(str(value).replace("_", " ").upper().split())
    for kind in _POSITION_KINDS:
        if kind.value.replace("_", " ") in text:
            return kind
    raise CellError("import.position_kind_not_recognised", value=str(value))


def whole_number_of(value: str | date, label: Message, least: int = 0) -> int:
    text = str(value).strip().replace(".", "").replace(",", "")
    if not text.isdigit() or int(text) < least:
        raise CellError("import.not_a_whole_number", label=label, value=str(value), least=least)
    return int(text)
