"""Reference data of the civil service: ranks, statuses, ratings, position kinds, education."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from asn_graph.domain.fields_of_study import family_of


class EmploymentStatus(Enum):
    """PNS (civil servant) or PPPK (government employee on contract)."""

    PNS = "PNS"
    PPPK = "PPPK"


class Rank(Enum):
    """Pangkat/golongan ruang, from I/a (Juru Muda) to IV/e (Pembina Utama)."""

    I_A = "I/a"
    I_B = "I/b"
    I_C = "I/c"
    I_D = "I/d"
    II_A = "II/a"
    II_B = "II/b"
    II_C = "II/c"
    II_D = "II/d"
    III_A = "III/a"
    III_B = "III/b"
    III_C = "III/c"
    III_D = "III/d"
    IV_A = "IV/a"
    IV_B = "IV/b"
    IV_C = "IV/c"
    IV_D = "IV/d"
    IV_E = "IV/e"

    @property
    def order(self) -> int:
        return list(Rank).index(self) + 1

    @property
    def title(self) -> str:
        return _RANK_TITLES[self]

    @classmethod
    def from_code(cls, code: str) -> Rank:
        return cls(code)


_RANK_TITLES = {
    Rank.I_A: "Juru Muda",
    Rank.I_B: "Juru Muda Tingkat I",
    Rank.I_C: "Juru",
    Rank.I_D: "Juru Tingkat I",
    Rank.II_A: "Pengatur Muda",
    Rank.II_B: "Pengatur Muda Tingkat I",
    Rank.II_C: "Pengatur",
    Rank.II_D: "Pengatur Tingkat I",
    Rank.III_A: "Penata Muda",
    Rank.III_B: "Penata Muda Tingkat I",
    Rank.III_C: "Penata",
    Rank.III_D: "Penata Tingkat I",
    Rank.IV_A: "Pembina",
    Rank.IV_B: "Pembina Tingkat I",
    Rank.IV_C: "Pembina Utama Muda",
    Rank.IV_D: "Pembina Utama Madya",
    Rank.IV_E: "Pembina Utama",
}


class PerformanceRating(Enum):
    """Predikat kinerja (SKP, PermenPANRB 6/2022), best first."""

    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"

    @property
    def score(self) -> int:
        """5 for SANGAT_BAIK down to 1 for SANGAT_KURANG."""
        return _RATING_SCORES[self]

    def at_least(self, threshold: PerformanceRating) -> bool:
        return self.score >= threshold.score


_RATING_SCORES = {
    rating: len(PerformanceRating) - order for order, rating in enumerate(PerformanceRating)
}


class PositionGroup(Enum):
    JPT = "JPT"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    PELAKSANA = "PELAKSANA"
    FUNGSIONAL_KEAHLIAN = "FUNGSIONAL_KEAHLIAN"
    FUNGSIONAL_KETERAMPILAN = "FUNGSIONAL_KETERAMPILAN"


class PositionKind(Enum):
    """Jenis jabatan, with the level where the kind has levels."""

    JPT_UTAMA = "JPT_UTAMA"
    JPT_MADYA = "JPT_MADYA"
    JPT_PRATAMA = "JPT_PRATAMA"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    PELAKSANA = "PELAKSANA"
    AHLI_PERTAMA = "AHLI_PERTAMA"
    AHLI_MUDA = "AHLI_MUDA"
    AHLI_MADYA = "AHLI_MADYA"
    AHLI_UTAMA = "AHLI_UTAMA"
    PEMULA = "PEMULA"
    TERAMPIL = "TERAMPIL"
    MAHIR = "MAHIR"
    PENYELIA = "PENYELIA"

    @property
    def group(self) -> PositionGroup:
        name = self.name
        if name.startswith("JPT"):
            return PositionGroup.JPT
        if name.startswith("AHLI"):
            return PositionGroup.FUNGSIONAL_KEAHLIAN
        if self in (
            PositionKind.PEMULA,
            PositionKind.TERAMPIL,
            PositionKind.MAHIR,
            PositionKind.PENYELIA,
        ):
            return PositionGroup.FUNGSIONAL_KETERAMPILAN
        return PositionGroup(name)

    @property
    def is_official(self) -> bool:
        """Structural posts (pejabat) whose replacement an election moratorium stops."""
        return self.group in (
            PositionGroup.JPT,
            PositionGroup.ADMINISTRATOR,
            PositionGroup.PENGAWAS,
        )


class EducationLevel(Enum):
    """Jenjang pendidikan, lowest first."""

    SD = "SD"
    SMP = "SMP"
    SMA = "SMA"
    D3 = "D3"
    D4 = "D4"
    S1 = "S1"
    S2 = "S2"
    S3 = "S3"

    @property
    def order(self) -> int:
        return list(EducationLevel).index(self)


@dataclass(frozen=True)
class Education:
    """Highest education: level and field of study (e.g. S1 Akuntansi)."""

    level: EducationLevel
    field: str

    def meets(self, required: Education | None) -> bool:
        """At least the level asked for, in the field asked for or one of its family."""
        if required is None:
            return True
        return self.level.order >= required.level.order and self.in_field_of(required)

    def in_field_of(self, required: Education) -> bool:
        """In the field asked for or one of its family (whatever the level); any field when
        none is named."""
        if not required.field or required.field.casefold() in self.field.casefold():
            return True
        family = family_of(required.field)
        return family is not None and family == family_of(self.field)


class BlockerKind(Enum):
    """Conditions that stop a transfer while active."""

    DISCIPLINARY_PROCEEDINGS = "DISCIPLINARY_PROCEEDINGS"
    COURT_PROCEEDINGS = "COURT_PROCEEDINGS"
    STUDY_LEAVE = "STUDY_LEAVE"
    BONDED_SERVICE = "BONDED_SERVICE"
    AUDIT_FINDING = "AUDIT_FINDING"


class AgencyKind(Enum):
    """Instansi: a province, a regency (kabupaten), a city (kota) or a central agency."""

    PROVINCE = "PROVINCE"
    REGENCY = "REGENCY"
    CITY = "CITY"
    CENTRAL = "CENTRAL"

    @property
    def is_regional(self) -> bool:
        return self is not AgencyKind.CENTRAL

    @property
    def is_local(self) -> bool:
        """Kabupaten or kota."""
        return self in (AgencyKind.REGENCY, AgencyKind.CITY)
