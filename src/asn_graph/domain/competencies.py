"""Competencies (kompetensi) as codes of a catalogue, each held or required at a level 1-5.

The ASN competency standard (PermenPANRB 38/2017) names eight managerial competencies and one
socio-cultural competency, each with five levels; technical competencies are set by the agency
for each position, so the catalogue carries a common sample that agencies extend. Records made
before the catalogue held free text: `from_legacy_text` turns such text into the code it names
(by code, name or a known keyword), taken at the lowest level until someone assesses it, and
keeps the rest as a note (the stored event itself is never changed).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from asn_graph.domain.errors import InvalidInput

LOWEST_LEVEL = 1
HIGHEST_LEVEL = 5


class CompetencyKind(Enum):
    TECHNICAL = "TECHNICAL"
    MANAGERIAL = "MANAGERIAL"
    SOCIO_CULTURAL = "SOCIO_CULTURAL"


@dataclass(frozen=True)
class CompetencyDefinition:
    code: str
    kind: CompetencyKind
    name: str


_M, _S, _T = CompetencyKind.MANAGERIAL, CompetencyKind.SOCIO_CULTURAL, CompetencyKind.TECHNICAL

CATALOGUE: tuple[CompetencyDefinition, ...] = (
    CompetencyDefinition("MNJ-INT", _M, "Integritas"),
    CompetencyDefinition("MNJ-KS", _M, "Kerja Sama"),
    CompetencyDefinition("MNJ-KOM", _M, "Komunikasi"),
    CompetencyDefinition("MNJ-OPH", _M, "Orientasi pada Hasil"),
    CompetencyDefinition("MNJ-PP", _M, "Pelayanan Publik"),
    CompetencyDefinition("MNJ-PDO", _M, "Pengembangan Diri dan Orang Lain"),
    CompetencyDefinition("MNJ-MP", _M, "Mengelola Perubahan"),
    CompetencyDefinition("MNJ-PK", _M, "Pengambilan Keputusan"),
    CompetencyDefinition("SK-PB", _S, "Perekat Bangsa"),
    CompetencyDefinition("TEK-KEUDA", _T, "Pengelolaan Keuangan Daerah"),
    CompetencyDefinition("TEK-ANGG", _T, "Penyusunan Anggaran"),
    CompetencyDefinition("TEK-AUDIT", _T, "Pengawasan dan Audit Internal"),
    CompetencyDefinition("TEK-APL", _T, "Pengembangan Aplikasi"),
    CompetencyDefinition("TEK-JAR", _T, "Pengelolaan Jaringan dan Infrastruktur TI"),
    CompetencyDefinition("TEK-DATA", _T, "Pengelolaan Data dan Statistik Sektoral"),
    CompetencyDefinition("TEK-KEP", _T, "Asuhan Keperawatan"),
    CompetencyDefinition("TEK-KEBID", _T, "Pelayanan Kebidanan"),
    CompetencyDefinition("TEK-KLINIS", _T, "Pelayanan Medis"),
    CompetencyDefinition("TEK-KESMAS", _T, "Promosi Kesehatan Masyarakat"),
    CompetencyDefinition("TEK-LLAJ", _T, "Manajemen Lalu Lintas dan Angkutan Jalan"),
    CompetencyDefinition("TEK-KEPEG", _T, "Manajemen Kepegawaian"),
    CompetencyDefinition("TEK-HUK", _T, "Penyusunan Produk Hukum Daerah"),
    CompetencyDefinition("TEK-ADUAN", _T, "Pengelolaan Pengaduan dan Pelayanan Publik"),
    CompetencyDefinition("TEK-ADMDUK", _T, "Administrasi Kependudukan"),
    CompetencyDefinition("TEK-KUR", _T, "Pengembangan Kurikulum"),
    CompetencyDefinition("TEK-AJAR", _T, "Pembelajaran"),
    CompetencyDefinition("TEK-PBJ", _T, "Pengadaan Barang dan Jasa"),
    CompetencyDefinition("TEK-ARSIP", _T, "Pengelolaan Arsip"),
    CompetencyDefinition("TEK-RENC", _T, "Perencanaan Pembangunan Daerah"),
    CompetencyDefinition("TEK-TANI", _T, "Penyuluhan Pertanian"),
    CompetencyDefinition("TEK-ADM", _T, "Administrasi Perkantoran"),
)

_BY_CODE = {definition.code: definition for definition in CATALOGUE}

# Words of free text recorded before the catalogue, and the code each stood for.
_LEGACY_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("keuangan", "TEK-KEUDA"),
    ("finance", "TEK-KEUDA"),
    ("anggaran", "TEK-ANGG"),
    ("budget", "TEK-ANGG"),
    ("audit", "TEK-AUDIT"),
    ("pengawasan", "TEK-AUDIT"),
    ("aplikasi", "TEK-APL"),
    ("informatika", "TEK-APL"),
    ("digital", "TEK-APL"),
    ("jaringan", "TEK-JAR"),
    ("statistik", "TEK-DATA"),
    ("kependudukan", "TEK-ADMDUK"),
    ("civil registration", "TEK-ADMDUK"),
    ("keperawatan", "TEK-KEP"),
    ("kebidanan", "TEK-KEBID"),
    ("kesehatan", "TEK-KESMAS"),
    ("health", "TEK-KESMAS"),
    ("lalu lintas", "TEK-LLAJ"),
    ("transport", "TEK-LLAJ"),
    ("kepegawaian", "TEK-KEPEG"),
    ("personnel", "TEK-KEPEG"),
    ("hukum", "TEK-HUK"),
    ("pengaduan", "TEK-ADUAN"),
    ("kurikulum", "TEK-KUR"),
    ("pendidikan", "TEK-AJAR"),
    ("education", "TEK-AJAR"),
    ("pengadaan", "TEK-PBJ"),
    ("arsip", "TEK-ARSIP"),
    ("archives", "TEK-ARSIP"),
    ("perencanaan", "TEK-RENC"),
    ("planning", "TEK-RENC"),
    ("pertanian", "TEK-TANI"),
    ("agriculture", "TEK-TANI"),
    ("administrasi", "TEK-ADM"),
    ("administration", "TEK-ADM"),
)


def definition_of(code: str) -> CompetencyDefinition | None:
    return _BY_CODE.get(code)


def _checked_level(level: int) -> None:
    if not LOWEST_LEVEL <= level <= HIGHEST_LEVEL:
        raise InvalidInput(
            "competencies.level_out_of_range",
            field="level",
            lowest_level=LOWEST_LEVEL,
            highest_level=HIGHEST_LEVEL,
            level=level,
        )


def _checked_code(code: str) -> None:
    if code not in _BY_CODE:
        raise InvalidInput("competencies.unknown_competency_code", field="competencies", code=code)


@dataclass(frozen=True)
class HeldCompetency:
    """A competency an employee holds, at the level assessed."""

    code: str
    level: int

    def __post_init__(self) -> None:
        _checked_code(self.code)
        _checked_level(self.level)


@dataclass(frozen=True)
class RequiredCompetency:
    """A competency a position asks for, at a minimum level."""

    code: str
    minimum_level: int

    def __post_init__(self) -> None:
        _checked_code(self.code)
        _checked_level(self.minimum_level)


_Item = TypeVar("_Item", HeldCompetency, RequiredCompetency)


def distinct_by_code(items: tuple[_Item, ...]) -> tuple[_Item, ...]:
    """One entry per code, sorted by code; a code given twice is a mistake to report."""
    codes = [item.code for item in items]
    twice = sorted({code for code in codes if codes.count(code) > 1})
    if twice:
        raise InvalidInput(
            "competencies.competency_given_twice", field="competencies", codes=", ".join(twice)
        )
    return tuple(sorted(items, key=lambda item: item.code))


def code_for_legacy_text(text: str) -> str | None:
    """The catalogue code a free-text competency of an earlier record stood for, if any."""
    key = " ".join(text.split()).casefold()
    for definition in CATALOGUE:
        if key in (definition.code.casefold(), definition.name.casefold()):
            return definition.code
    for keyword, code in _LEGACY_KEYWORDS:
        if keyword in key:
            return code
    return None


def from_legacy_text(texts: tuple[str, ...] | list[str]) -> tuple[tuple[str, ...], str]:
    """Codes found in free text of an earlier record (each once, sorted) and the text that
    named none, joined as a note."""
    codes: set[str] = set()
    unmatched: list[str] = []
    for text in texts:
        code = code_for_legacy_text(text)
        if code is None:
            unmatched.append(" ".join(text.split()))
        else:
            codes.add(code)
    return tuple(sorted(codes)), "; ".join(unmatched)
