"""The names a person reads for the domain's codes (states, stages, transfer types, documents,
rules, plan statuses, reasons), in Indonesian and English. Plain data: the pages, the API and
the letters look names up here, so that a state is called the same everywhere. A case's stage
(``asn_graph.domain.stages``) reads in words by ``stage_words``; the messages of errors and
findings are in ``asn_graph.domain.messages``."""

from __future__ import annotations

from enum import Enum

from asn_graph.domain.actors import Role
from asn_graph.domain.case_actions import CaseAction
from asn_graph.domain.case_records import DocumentType
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.matching import ScorePart
from asn_graph.domain.messages import Language, describe
from asn_graph.domain.notifications import NotificationKind
from asn_graph.domain.plan_records import MoveSource, ObjectionReason, PlanStatus
from asn_graph.domain.reference import PerformanceRating, PositionKind
from asn_graph.domain.rules import Rule, Severity
from asn_graph.domain.stages import DeadlineKind, Stage
from asn_graph.domain.transfer_types import (
    ApprovalStep,
    DecisionAuthority,
    Initiative,
    TransferType,
)

# (Indonesian, English) for each member.
_NAMES: dict[Enum, tuple[str, str]] = {
    CaseState.DRAFT: ("Draf", "Draft"),
    CaseState.SUBMITTED: ("Diajukan", "Submitted"),
    CaseState.DOCUMENTS_RETURNED: ("Berkas dikembalikan", "Documents returned"),
    CaseState.IN_APPROVAL: ("Dalam persetujuan", "In approval"),
    CaseState.AWAITING_DECREE: ("Menunggu SK", "Awaiting decree"),
    CaseState.DECREE_ISSUED: ("SK terbit", "Decree issued"),
    CaseState.APPOINTED: ("Dilantik", "Installed"),
    CaseState.EFFECTIVE: ("Berlaku (TMT)", "In effect"),
    CaseState.CLOSED: ("Selesai", "Closed"),
    CaseState.REJECTED: ("Ditolak", "Rejected"),
    CaseState.WITHDRAWN: ("Ditarik", "Withdrawn"),
    CaseState.CANCELLED: ("Dibatalkan", "Cancelled"),
    CaseState.EXPIRED: ("Kedaluwarsa", "Expired"),
    TransferType.WITHIN_AGENCY: ("Mutasi dalam satu instansi", "Within one agency"),
    TransferType.BETWEEN_LOCAL_SAME_PROVINCE: (
        "Antar-kabupaten/kota dalam satu provinsi",
        "Between regencies/cities of one province",
    ),
    TransferType.PROVINCE_LOCAL: (
        "Antara provinsi dan kabupaten/kota",
        "Between a province and a regency/city",
    ),
    TransferType.ACROSS_PROVINCES: ("Antarprovinsi", "Across provinces"),
    TransferType.REGIONAL_CENTRAL: (
        "Antara instansi daerah dan instansi pusat",
        "Between a regional and a central agency",
    ),
    TransferType.BETWEEN_CENTRAL: ("Antarinstansi pusat", "Between central agencies"),
    ApprovalStep.REVIEW_BOARD: (
        "Pertimbangan Baperjakat/TPK",
        "Review board consideration",
    ),
    ApprovalStep.ORIGIN_RELEASE: ("Persetujuan melepas", "Release by the origin"),
    ApprovalStep.DESTINATION_ACCEPTANCE: (
        "Persetujuan menerima",
        "Acceptance by the destination",
    ),
    ApprovalStep.TECHNICAL_REVIEW: ("Pertimbangan teknis BKN", "BKN technical review"),
    Initiative.AGENCY_INTEREST: ("Kepentingan instansi", "Agency interest"),
    Initiative.OWN_REQUEST: ("Atas permintaan sendiri (APS)", "Own request"),
    DocumentType.PNS_STATUS_PROOF: ("Bukti status PNS", "Proof of civil servant status"),
    DocumentType.POSITION_ANALYSIS: (
        "Analisis jabatan dan beban kerja",
        "Position and workload analysis",
    ),
    DocumentType.REQUEST_LETTER: ("Surat permohonan", "Request letter"),
    DocumentType.RECEIVING_PROPOSAL: ("Usulan instansi penerima", "Receiving agency's proposal"),
    DocumentType.RELEASE_APPROVAL: ("Persetujuan melepas", "Release approval"),
    DocumentType.NO_PROCEEDINGS_STATEMENT: (
        "Surat pernyataan tidak sedang menjalani hukuman disiplin atau proses pidana",
        "Statement of no disciplinary or criminal proceedings",
    ),
    DocumentType.LATEST_RANK_DECREE: ("SK pangkat terakhir", "Latest rank decree"),
    DocumentType.PERFORMANCE_RATINGS: (
        "Penilaian kinerja dua tahun terakhir",
        "Performance ratings",
    ),
    DocumentType.NO_STUDY_LEAVE_STATEMENT: (
        "Surat pernyataan tidak sedang tugas belajar",
        "Statement of no study leave",
    ),
    DocumentType.INSPECTORATE_CLEARANCE: ("Surat keterangan Inspektorat", "Inspectorate clearance"),
    Rule.EMPLOYMENT_STATUS: ("Status kepegawaian", "Employment status"),
    Rule.NIP_MISMATCH: ("Kesesuaian NIP", "NIP consistency"),
    Rule.TEN_YEAR_RULE: ("Masa kerja sepuluh tahun", "Ten-year rule"),
    Rule.TENURE_MINIMUM: ("Masa jabatan minimum", "Minimum tenure"),
    Rule.TENURE_MAXIMUM: ("Masa jabatan maksimum", "Maximum tenure"),
    Rule.BLOCKER: ("Hambatan mutasi", "Transfer blocker"),
    Rule.PERFORMANCE: ("Kinerja", "Performance"),
    Rule.DESTINATION_VACANCY: ("Formasi di tujuan", "Vacancy at the destination"),
    Rule.QUALIFICATION: ("Kualifikasi", "Qualification"),
    Rule.APPROVAL_ROUTE: ("Alur persetujuan", "Approval route"),
    Rule.MORATORIUM: ("Moratorium mutasi", "Transfer moratorium"),
    Rule.DECREE_NUMBER_UNIQUE: ("Nomor SK unik", "Unique decree number"),
    Rule.DECREE_EFFECTIVE_DATE: ("TMT SK", "Decree effective date"),
    Rule.ONE_ACTIVE_CASE: ("Satu usulan aktif", "One active case"),
    Rule.DOCUMENTS_INCOMPLETE: ("Kelengkapan berkas", "Complete documents"),
    Rule.HANDOVER_MISSING: ("Serah terima jabatan", "Handover"),
    Rule.SAME_PLACEMENT: ("Penempatan yang sama", "Same placement"),
    Rule.DEADLINE: ("Batas waktu", "Deadline"),
    Rule.EMPLOYEE_OBJECTION: ("Keberatan pegawai", "Employee objection"),
    Rule.SIGNING_AUTHORITY: ("Kewenangan penandatangan", "Signing authority"),
    Rule.OFFICE_TERM: ("Masa jabatan penandatangan", "Office term"),
    Severity.HARD: ("Menghalangi", "Blocking"),
    Severity.WARNING: ("Peringatan", "Warning"),
    PlanStatus.DRAFT: ("Draf", "Draft"),
    PlanStatus.CONSULTING: ("Konsultasi pegawai", "Consulting employees"),
    PlanStatus.APPROVED: ("Disetujui", "Approved"),
    PlanStatus.LAUNCHED: ("Dijalankan", "Launched"),
    PlanStatus.CANCELLED: ("Dibatalkan", "Cancelled"),
    ObjectionReason.FAMILY: ("Keluarga", "Family"),
    ObjectionReason.HEALTH: ("Kesehatan", "Health"),
    ObjectionReason.STUDY: ("Pendidikan", "Study"),
    ObjectionReason.CAREER: ("Karier", "Career"),
    ObjectionReason.OTHER: ("Lainnya", "Other"),
    MoveSource.PROPOSED: ("Diusulkan sistem", "Proposed"),
    MoveSource.ADDED: ("Ditambahkan petugas", "Added by an officer"),
    PositionKind.JPT_UTAMA: ("JPT Utama", "Senior executive, principal"),
    PositionKind.JPT_MADYA: ("JPT Madya", "Senior executive, middle"),
    PositionKind.JPT_PRATAMA: ("JPT Pratama", "Senior executive, primary"),
    PositionKind.ADMINISTRATOR: ("Administrator", "Administrator"),
    PositionKind.PENGAWAS: ("Pengawas", "Supervisor"),
    PositionKind.PELAKSANA: ("Pelaksana", "Clerical staff"),
    PositionKind.AHLI_PERTAMA: ("Fungsional Ahli Pertama", "Expert functional, first"),
    PositionKind.AHLI_MUDA: ("Fungsional Ahli Muda", "Expert functional, junior"),
    PositionKind.AHLI_MADYA: ("Fungsional Ahli Madya", "Expert functional, middle"),
    PositionKind.AHLI_UTAMA: ("Fungsional Ahli Utama", "Expert functional, principal"),
    PositionKind.PEMULA: ("Fungsional Pemula", "Skilled functional, entry"),
    PositionKind.TERAMPIL: ("Fungsional Terampil", "Skilled functional"),
    PositionKind.MAHIR: ("Fungsional Mahir", "Skilled functional, proficient"),
    PositionKind.PENYELIA: ("Fungsional Penyelia", "Skilled functional, supervisor"),
    DeadlineKind.TECHNICAL_REVIEW: ("Batas pertimbangan teknis", "Technical review deadline"),
    DeadlineKind.APPOINTMENT: ("Batas pelantikan", "Appointment deadline"),
    Role.OFFICER: ("Petugas BKPSDM", "Personnel officer"),
    Role.APPROVER: ("Pejabat pembina kepegawaian (PPK)", "Approving official (PPK)"),
    Role.EMPLOYEE: ("Pegawai", "Employee"),
    Role.AUDITOR: ("Auditor", "Auditor"),
    Role.INTEGRATOR: ("Integrator", "Integrator"),
    Role.BKN: ("BKN", "BKN"),
    Role.GOVERNOR: ("Gubernur", "Governor"),
    Role.MINISTER: ("Menteri", "Minister"),
    Role.SYSTEM: ("Sistem", "System"),
    DecisionAuthority.PPK: ("Pejabat pembina kepegawaian (PPK)", "Approving official (PPK)"),
    DecisionAuthority.GOVERNOR: ("Gubernur", "Governor"),
    DecisionAuthority.MINISTER_OF_HOME_AFFAIRS: (
        "Menteri Dalam Negeri",
        "Minister of Home Affairs",
    ),
    DecisionAuthority.HEAD_OF_BKN: ("Kepala BKN", "Head of BKN"),
    PerformanceRating.SANGAT_BAIK: ("Sangat baik", "Outstanding"),
    PerformanceRating.BAIK: ("Baik", "Good"),
    PerformanceRating.BUTUH_PERBAIKAN: ("Butuh perbaikan", "Needs improvement"),
    PerformanceRating.KURANG: ("Kurang", "Poor"),
    PerformanceRating.SANGAT_KURANG: ("Sangat kurang", "Very poor"),
    CaseAction.ATTACH_DOCUMENT: ("Lampirkan dokumen", "Attach a document"),
    CaseAction.SUBMIT: ("Ajukan untuk verifikasi", "Submit for verification"),
    CaseAction.RETURN_DOCUMENTS: ("Kembalikan berkas", "Return the documents"),
    CaseAction.VERIFY_DOCUMENTS: ("Verifikasi berkas", "Verify the documents"),
    CaseAction.REJECT: ("Tolak usulan", "Reject the case"),
    CaseAction.ANSWER_PROPOSAL: ("Jawab usulan", "Answer the proposal"),
    CaseAction.RECORD_REVIEW_BOARD_DECISION: (
        "Catat pertimbangan Baperjakat/TPK",
        "Record the review board's consideration",
    ),
    CaseAction.DECIDE_RELEASE: ("Putuskan persetujuan melepas", "Decide the release"),
    CaseAction.DECIDE_ACCEPTANCE: ("Putuskan persetujuan menerima", "Decide the acceptance"),
    CaseAction.RECORD_TECHNICAL_REVIEW: (
        "Catat pertimbangan teknis BKN",
        "Record BKN's technical review",
    ),
    CaseAction.OVERRIDE_RULE: ("Kecualikan aturan", "Override a rule"),
    CaseAction.ISSUE_DECREE: ("Tetapkan dan tandatangani SK", "Issue and sign the decree"),
    CaseAction.CORRECT_DECREE: ("Ralat SK", "Correct the decree"),
    CaseAction.REVOKE_DECREE: ("Cabut SK", "Revoke the decree"),
    CaseAction.RECORD_INSTALLATION: ("Catat pelantikan", "Record the installation"),
    CaseAction.RECORD_HANDOVER: ("Catat serah terima jabatan", "Record the handover"),
    CaseAction.RECORD_EFFECTIVE: ("Catat berlakunya mutasi (TMT)", "Record the move in effect"),
    CaseAction.RECORD_TRAINING: ("Catat pelatihan", "Record training"),
    CaseAction.RECORD_EVALUATION: ("Catat evaluasi pascamutasi", "Record an evaluation"),
    CaseAction.CLOSE: ("Selesaikan usulan", "Close the case"),
    CaseAction.WITHDRAW: ("Tarik usulan", "Withdraw the case"),
    CaseAction.CANCEL: ("Batalkan usulan", "Cancel the case"),
    CaseAction.EXPIRE: ("Nyatakan kedaluwarsa", "Mark the case expired"),
    NotificationKind.STAGE_CHANGED: ("Tahap usulan berubah", "Stage changed"),
    NotificationKind.PROPOSAL_AWAITING_ANSWER: (
        "Usulan mutasi menunggu jawaban Anda",
        "A transfer proposal awaits your answer",
    ),
    NotificationKind.CONSULTATION_AWAITING_ANSWER: (
        "Konsultasi rencana mutasi menunggu jawaban Anda",
        "A transfer plan consultation awaits your answer",
    ),
    NotificationKind.DECREE_ISSUED: ("SK mutasi terbit", "Transfer decree issued"),
    NotificationKind.DECREE_CORRECTED: ("SK mutasi diralat", "Transfer decree corrected"),
    NotificationKind.EVALUATION_DUE: ("Evaluasi pascamutasi jatuh tempo", "Evaluation due"),
    ScorePart.COMPETENCY: ("Kompetensi", "Competency"),
    ScorePart.EDUCATION: ("Pendidikan", "Education"),
    ScorePart.PERFORMANCE: ("Kinerja", "Performance"),
    ScorePart.POTENTIAL: ("Potensi", "Potential"),
    ScorePart.TIME_IN_POST: ("Lama di jabatan", "Time in post"),
    ScorePart.ASKED_FOR: ("Diminta pegawai", "Asked for by the employee"),
    ScorePart.SURPLUS_ORIGIN: ("Dari jabatan berlebih", "Leaves a post in surplus"),
}
ENUMERATIONS: tuple[type[Enum], ...] = (
    CaseState,
    TransferType,
    ApprovalStep,
    Initiative,
    DocumentType,
    Rule,
    Severity,
    PlanStatus,
    ObjectionReason,
    MoveSource,
    PositionKind,
    DeadlineKind,
    Role,
    DecisionAuthority,
    PerformanceRating,
    CaseAction,
    NotificationKind,
    ScorePart,
)
# By the member's name (as GraphQL spells it) and by its value (as events store it).
_BY_CODE: dict[tuple[str, str], tuple[str, str]] = {
    (type(member).__name__, spelling): names
    for member, names in _NAMES.items()
    for spelling in (member.name, str(member.value))
}


def name_of(member: Enum, indonesian: bool = True) -> str:
    names = _NAMES[member]
    return names[0] if indonesian else names[1]


def name_of_code(kind: str, code: str, indonesian: bool = True) -> str:
    """The name of ``code`` of the enumeration called ``kind`` (``"CaseState"``, ``"Rule"``…),
    spelled as the API or the events spell it; the code itself when it names nothing known."""
    names = _BY_CODE.get((kind, code))
    if names is None:
        return code
    return names[0] if indonesian else names[1]


def stage_words(stage: Stage, language: Language) -> str:
    """Where a case stands in words: its state, the approval step it waits for, who acts
    next and by when (``Dalam persetujuan: Persetujuan melepas; ditangani Pejabat pembina
    kepegawaian (PPK)``)."""
    indonesian = language is Language.INDONESIAN
    words = name_of(stage.state, indonesian)
    if stage.pending_step is not None:
        words = describe(
            "stages.waiting_for_step",
            {"state": words, "step": name_of(stage.pending_step, indonesian)},
            language,
        )
    if stage.assignee is not None:
        words = describe(
            "stages.acted_on_by",
            {"stage": words, "assignee": name_of(stage.assignee, indonesian)},
            language,
        )
    if stage.due_on is not None:
        words = describe(
            "stages.due_on", {"stage": words, "due_on": stage.due_on.isoformat()}, language
        )
    return words
