"""Fields of study (program studi) grouped into families (rumpun ilmu): related fields meet
the same requirement, so that an S1 Sistem Informasi is not flagged against a post that asks for
S1 Teknik Informatika. A reference list, extended as agencies need."""

from __future__ import annotations

FIELDS: tuple[tuple[str, str], ...] = (
    ("Teknik Informatika", "komputer"),
    ("Sistem Informasi", "komputer"),
    ("Ilmu Komputer", "komputer"),
    ("Manajemen Informatika", "komputer"),
    ("Teknik Elektro", "teknik"),
    ("Teknik Sipil", "teknik"),
    ("Arsitektur", "teknik"),
    ("Perencanaan Wilayah dan Kota", "teknik"),
    ("Teknik Lingkungan", "teknik"),
    ("Akuntansi", "ekonomi"),
    ("Manajemen", "ekonomi"),
    ("Ilmu Ekonomi", "ekonomi"),
    ("Ekonomi Pembangunan", "ekonomi"),
    ("Perpajakan", "ekonomi"),
    ("Keperawatan", "kesehatan"),
    ("Kebidanan", "kesehatan"),
    ("Kesehatan Masyarakat", "kesehatan"),
    ("Kedokteran", "kesehatan"),
    ("Farmasi", "kesehatan"),
    ("Gizi", "kesehatan"),
    ("Ilmu Hukum", "hukum"),
    ("Ilmu Pemerintahan", "sosial-politik"),
    ("Administrasi Negara", "sosial-politik"),
    ("Administrasi Publik", "sosial-politik"),
    ("Ilmu Komunikasi", "sosial-politik"),
    ("Sosiologi", "sosial-politik"),
    ("Psikologi", "sosial-politik"),
    ("Pendidikan Guru Sekolah Dasar", "pendidikan"),
    ("Manajemen Pendidikan", "pendidikan"),
    ("Pendidikan Matematika", "pendidikan"),
    ("Agribisnis", "pertanian"),
    ("Agroteknologi", "pertanian"),
    ("Peternakan", "pertanian"),
    ("Kehutanan", "pertanian"),
    ("Transportasi", "transportasi"),
    ("Manajemen Transportasi", "transportasi"),
    ("Teknik Lalu Lintas", "transportasi"),
    ("Perpustakaan", "humaniora"),
    ("Kearsipan", "humaniora"),
    ("Sastra Indonesia", "humaniora"),
)
"""Each field of study with its family."""

_FAMILY_OF_FIELD = {field.casefold(): family for field, family in FIELDS}
FAMILIES = frozenset(family for _, family in FIELDS)


def family_of(text: str) -> str | None:
    """The family a field of study (or a family's own name) belongs to; None when neither is
    in the list."""
    key = " ".join(text.split()).casefold()
    if key in FAMILIES:
        return key
    return _FAMILY_OF_FIELD.get(key)
