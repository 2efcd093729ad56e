"""The names a person reads for the kinds of event (by their topic, as the audit trail and the
histories spell them), in Indonesian and English: a case's timeline, its history on the case
page and the audit trail call a step the same."""

from __future__ import annotations

# (Indonesian, English) by topic.
EVENT_NAMES: dict[str, tuple[str, str]] = {
    "asn-graph/transfer-case/opened": ("Usulan dibuka", "Case opened"),
    "asn-graph/transfer-case/document-attached": ("Dokumen dilampirkan", "Document attached"),
    "asn-graph/transfer-case/submitted": ("Usulan diajukan", "Submitted"),
    "asn-graph/transfer-case/documents-returned": ("Berkas dikembalikan", "Documents returned"),
    "asn-graph/transfer-case/documents-verified": ("Berkas diverifikasi", "Documents verified"),
    "asn-graph/transfer-case/proposal-answered": (
        "Pegawai menjawab usulan",
        "The employee answered",
    ),
    "asn-graph/transfer-case/step-decided": (
        "Langkah persetujuan diputuskan",
        "Approval step decided",
    ),
    "asn-graph/transfer-case/rule-overridden": ("Aturan dikecualikan", "Rule overridden"),
    "asn-graph/transfer-case/transitioned": ("Tahap berubah", "Stage changed"),
    "asn-graph/transfer-case/decree-issued": ("SK diterbitkan", "Decree issued"),
    "asn-graph/transfer-case/decree-corrected": ("SK diralat", "Decree corrected"),
    "asn-graph/transfer-case/decree-revoked": ("SK dicabut", "Decree revoked"),
    "asn-graph/transfer-case/installed": ("Pelantikan", "Installed"),
    "asn-graph/transfer-case/handover-recorded": ("Serah terima jabatan", "Handover"),
    "asn-graph/transfer-case/took-effect": ("Mutasi berlaku (TMT)", "Move took effect"),
    "asn-graph/transfer-case/training-recorded": ("Pelatihan dicatat", "Training recorded"),
    "asn-graph/transfer-case/evaluation-recorded": ("Evaluasi dicatat", "Evaluation recorded"),
    "asn-graph/transfer-case/closed": ("Usulan selesai", "Case closed"),
    "asn-graph/transfer-case/rejected": ("Usulan ditolak", "Case rejected"),
    "asn-graph/transfer-case/withdrawn": ("Usulan ditarik", "Case withdrawn"),
    "asn-graph/transfer-case/cancelled": ("Usulan dibatalkan", "Case cancelled"),
    "asn-graph/transfer-case/expired": ("Usulan kedaluwarsa", "Case expired"),
    "asn-graph/employee/registered": ("Pegawai didaftarkan", "Employee registered"),
    "asn-graph/employee/placed": ("Penempatan dicatat", "Placement recorded"),
    "asn-graph/employee/rank-changed": ("Pangkat/golongan berubah", "Rank changed"),
    "asn-graph/employee/qualifications-recorded": (
        "Kualifikasi dicatat",
        "Qualifications recorded",
    ),
    "asn-graph/employee/performance-rated": ("Penilaian kinerja dicatat", "Performance rated"),
    "asn-graph/employee/potential-assessed": ("Potensi dinilai", "Potential assessed"),
    "asn-graph/employee/blocker-recorded": ("Hambatan mutasi dicatat", "Blocker recorded"),
    "asn-graph/employee/blocker-lifted": ("Hambatan mutasi dicabut", "Blocker lifted"),
    "asn-graph/employee/transfer-case-opened": ("Usulan mutasi dibuka", "Transfer case opened"),
    "asn-graph/employee/transfer-case-ended": ("Usulan mutasi berakhir", "Transfer case ended"),
    "asn-graph/agency/registered": ("Instansi didaftarkan", "Agency registered"),
    "asn-graph/agency/moratorium-declared": ("Moratorium ditetapkan", "Moratorium declared"),
    "asn-graph/work-unit/registered": ("Unit kerja didaftarkan", "Work unit registered"),
    "asn-graph/work-unit/position-established": ("Jabatan ditetapkan", "Position established"),
    "asn-graph/work-unit/workload-assessed": ("Beban kerja dianalisis", "Workload assessed"),
    "asn-graph/transfer-plan/drafted": ("Rencana mutasi disusun", "Plan drafted"),
    "asn-graph/transfer-plan/constraints-set": ("Batasan rencana diatur", "Constraints set"),
    "asn-graph/transfer-plan/proposed": ("Usulan rencana dihitung", "Plan proposed"),
    "asn-graph/transfer-plan/move-added": ("Mutasi ditambahkan", "Move added"),
    "asn-graph/transfer-plan/move-removed": ("Mutasi dihapus", "Move removed"),
    "asn-graph/transfer-plan/move-pinned": ("Mutasi dikunci", "Move pinned"),
    "asn-graph/transfer-plan/consultation-opened": ("Konsultasi dibuka", "Consultation opened"),
    "asn-graph/transfer-plan/consultation-answered": (
        "Pegawai menjawab konsultasi",
        "Consultation answered",
    ),
    "asn-graph/transfer-plan/approved": ("Rencana disetujui", "Plan approved"),
    "asn-graph/transfer-plan/returned-for-revision": (
        "Rencana dikembalikan untuk diperbaiki",
        "Plan returned for revision",
    ),
    "asn-graph/transfer-plan/moves-launched": ("Mutasi dijalankan", "Moves launched"),
    "asn-graph/transfer-plan/cancelled": ("Rencana dibatalkan", "Plan cancelled"),
    "asn-graph/signing-office/established": (
        "Jabatan penanda tangan dibentuk",
        "Office established",
    ),
    "asn-graph/signing-office/holder-appointed": ("Pejabat ditunjuk", "Holder appointed"),
    "asn-graph/signing-office/term-ended": ("Masa jabatan berakhir", "Term ended"),
    "asn-graph/local-account/added": ("Akun dibuat", "Account added"),
    "asn-graph/local-account/disabled": ("Akun dinonaktifkan", "Account disabled"),
    "asn-graph/local-account/email-address-set": ("Alamat surel diatur", "E-mail address set"),
    "asn-graph/decree-letter-register/opened": (
        "Register surat SK dibuka",
        "Letter register opened",
    ),
    "asn-graph/decree-letter-register/letter-recorded": (
        "Surat SK dicatat",
        "Decree letter recorded",
    ),
    "asn-graph/monthly-summary/published": (
        "Ringkasan bulanan diterbitkan",
        "Monthly summary published",
    ),
    "asn-graph/monthly-summary/corrected": (
        "Ringkasan bulanan dikoreksi",
        "Monthly summary corrected",
    ),
    "asn-graph/decree-register/claimed": ("Nomor SK dicatat", "Decree number claimed"),
    "asn-graph/nip-register/claimed": ("NIP dicatat", "NIP claimed"),
    "asn-graph/token-revocations/opened": ("Register pencabutan dibuka", "Revocations opened"),
    "asn-graph/token-revocations/token-revoked": ("Sesi dicabut", "Token revoked"),
    "asn-graph/token-revocations/subject-revoked": ("Akses orang dicabut", "Subject revoked"),
}


def event_name(topic: str, indonesian: bool = True) -> str:
    """The name of a kind of event; the topic itself when it names nothing known."""
    names = EVENT_NAMES.get(topic)
    if names is None:
        return topic
    return names[0] if indonesian else names[1]
