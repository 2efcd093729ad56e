"""The pages' messages in Indonesian (the default) and English, and the language of a request:
the language cookie, else the browser's ``Accept-Language``, else Indonesian."""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType

from starlette.requests import Request

LANGUAGE_COOKIE = "asn_graph_language"


class Language(StrEnum):
    INDONESIAN = "id"
    ENGLISH = "en"


DEFAULT_LANGUAGE = Language.INDONESIAN

_CATALOGUE: dict[Language, dict[str, str]] = {
    Language.INDONESIAN: {
        "skip_to_content": "Langsung ke isi",
        "product_tagline": "Sistem pencatatan mutasi ASN",
        "language": "Bahasa",
        "switch_language": "Ganti bahasa",
        "signed_out": "Belum masuk",
        "home_title": "Beranda",
        "home_intro": (
            "asn-graph mencatat setiap langkah mutasi Aparatur Sipil Negara: pengajuan, "
            "verifikasi, persetujuan, surat keputusan, dan pelantikan. Setiap langkah tersimpan "
            "sebagai peristiwa yang tidak dapat diubah, dengan siapa, kapan, dan mengapa."
        ),
        "api_heading": "Antarmuka pemrograman",
        "api_text": "Aplikasi lain membaca dan mencatat mutasi melalui GraphQL di",
        "footer": "asn-graph: sistem pencatatan mutasi Aparatur Sipil Negara",
        "refused_title": "Permintaan ditolak",
        "csrf_refused": (
            "Formulir ini kedaluwarsa atau tidak berasal dari halaman ini. "
            "Muat ulang halaman lalu coba lagi."
        ),
        "back_home": "Kembali ke beranda",
        "signed_in_as": "Masuk sebagai",
        "sign_out": "Keluar",
        "sign_in": "Masuk",
        "sign_in_title": "Masuk",
        "username": "Nama pengguna",
        "password": "Kata sandi",
        "wrong_credentials": "Nama pengguna atau kata sandi salah.",
        "too_many_attempts": (
            "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {seconds} detik."
        ),
        "data_refused": "Data tidak dapat dimuat",
        "my_data": "Data saya",
        "name": "Nama",
        "rank": "Pangkat/golongan",
        "placement": "Penempatan",
        "placement_history": "Riwayat penempatan",
        "since": "Sejak",
        "decree": "Nomor SK",
        "largest_gaps": "Kekurangan pegawai terbesar di instansi",
        "unit": "Unit kerja",
        "position": "Jabatan",
        "needed": "Kebutuhan",
        "present": "Ada",
        "gap": "Selisih",
        "no_gaps": "Tidak ada jabatan yang kekurangan pegawai.",
        "role_officer": "petugas BKPSDM",
        "role_approver": "pejabat pembina kepegawaian",
        "role_employee": "pegawai",
        "role_auditor": "auditor",
        "role_integrator": "integrator",
        "role_bkn": "BKN",
        "role_governor": "gubernur",
        "role_minister": "menteri",
        "role_system": "sistem",
    },
    Language.ENGLISH: {
        "skip_to_content": "Skip to content",
        "product_tagline": "System of record for civil servant transfers",
        "language": "Language",
        "switch_language": "Change language",
        "signed_out": "Not signed in",
        "home_title": "Home",
        "home_intro": (
            "asn-graph records every step of a civil servant's transfer: the request, "
            "verification, approvals, the decree and the installation. Each step is kept as an "
            "immutable event, with who acted, when, and why."
        ),
        "api_heading": "Programming interface",
        "api_text": "Other systems read and record transfers through GraphQL at",
        "footer": "asn-graph: the system of record for transfers of Indonesian civil servants",
        "refused_title": "Request refused",
        "csrf_refused": (
            "This form has expired or did not come from this page. Reload the page and try again."
        ),
        "back_home": "Back to the home page",
        "signed_in_as": "Signed in as",
        "sign_out": "Sign out",
        "sign_in": "Sign in",
        "sign_in_title": "Sign in",
        "username": "Username",
        "password": "Password",
        "wrong_credentials": "Wrong username or password.",
        "too_many_attempts": "Too many failed sign-ins. Try again in {seconds} seconds.",
        "data_refused": "The data could not be loaded",
        "my_data": "My data",
        "name": "Name",
        "rank": "Rank",
        "placement": "Placement",
        "placement_history": "Placement history",
        "since": "Since",
        "decree": "Decree number",
        "largest_gaps": "Largest staff shortages in agency",
        "unit": "Work unit",
        "position": "Position",
        "needed": "Needed",
        "present": "Present",
        "gap": "Gap",
        "no_gaps": "No position is short of staff.",
        "role_officer": "personnel officer",
        "role_approver": "approving official",
        "role_employee": "employee",
        "role_auditor": "auditor",
        "role_integrator": "integrator",
        "role_bkn": "BKN",
        "role_governor": "governor",
        "role_minister": "minister",
        "role_system": "system",
    },
}
MESSAGES = MappingProxyType(
    {language: MappingProxyType(texts) for language, texts in _CATALOGUE.items()}
)


def chosen_language(value: str | None) -> Language | None:
    try:
        return Language(value) if value else None
    except ValueError:
        return None


def language_of(request: Request) -> Language:
    chosen = chosen_language(request.cookies.get(LANGUAGE_COOKIE))
    if chosen is not None:
        return chosen
    return accepted_language(request.headers.get("accept-language", ""))


def accepted_language(header: str) -> Language:
    """The most preferred of our languages in an ``Accept-Language`` header (RFC 9110)."""
    ranked: list[tuple[float, int, Language]] = []
    for order, item in enumerate(header.split(",")):
        tag, _, parameters = item.strip().partition(";")
        language = chosen_language(tag.strip().split("-")[0].lower())
        if language is None:
            continue
        ranked.append((-_quality(parameters), order, language))
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


def _quality(parameters: str) -> float:
    name, _, value = parameters.strip().partition("=")
    if name.strip() != "q":
        return 1.0
    try:
        return float(value)
    except ValueError:
        return 0.0
