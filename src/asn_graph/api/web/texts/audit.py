"""The auditor's pages: the audit trail's search, a case or an employee replayed as of a
moment, the verification of the hash chain."""

INDONESIAN = {
    "audit_nav_trail": "Jejak audit",
    "audit_nav_chain": "Verifikasi rantai",
    "audit_trail_title": "Jejak audit",
    "audit_trail_intro": (
        "Setiap peristiwa yang tercatat, dengan pelaku, waktu, dan hash rantainya. "
        "Saring menurut kasus, pegawai, unit kerja, pelaku, atau periode."
    ),
    "audit_search": "Pencarian",
    "audit_case_id": "Nomor kasus",
    "audit_case_hint": "Pengenal kasus mutasi, mis. 6f1c2a3e-…",
    "audit_nip": "NIP pegawai",
    "audit_nip_hint": "18 angka",
    "audit_unit": "Unit kerja",
    "audit_unit_hint": "Kode instansi/kode unit, mis. 3578/DISKOMINFO",
    "audit_actor": "Pelaku",
    "audit_actor_hint": "Pengenal akun pelaku, mis. budi.bkpsdm",
    "audit_actor_agency": "Instansi pelaku",
    "audit_actor_agency_hint": "Kode instansi, mis. 3578",
    "audit_from": "Dari tanggal",
    "audit_to": "Sampai tanggal",
    "audit_period_hint": "Tanggal menurut zona waktu {zone}, termasuk hari itu",
    "audit_search_button": "Cari",
    "audit_download_csv": "Unduh CSV",
    "audit_results": "Hasil",
    "audit_found": "{count} peristiwa ditemukan.",
    "audit_none_found": "Tidak ada peristiwa yang cocok dengan pencarian ini.",
    "audit_showing": "Menampilkan posisi {first} sampai {last}.",
    "audit_next_page": "Halaman berikutnya",
    "audit_first_page": "Kembali ke halaman pertama",
    "audit_position": "Posisi",
    "audit_moment": "Waktu",
    "audit_kind": "Jenis peristiwa",
    "audit_subject": "Subjek",
    "audit_version": "versi",
    "audit_reason": "Alasan",
    "audit_hash": "Hash",
    "audit_previous_hash": "Hash sebelumnya",
    "audit_no_actor": "(sistem)",
    "audit_replay_case": "Putar ulang kasus ini",
    "audit_replay_employee": "Putar ulang pegawai ini",
    "audit_subject_employee": "pegawai",
    "audit_subject_work-unit": "unit kerja",
    "audit_subject_transfer-case": "kasus mutasi",
    "audit_subject_transfer-plan": "rencana mutasi",
    "audit_subject_agency": "instansi",
    "audit_bad_case_id": "Nomor kasus tidak valid: salin pengenal kasus secara lengkap.",
    "audit_bad_nip": "NIP harus terdiri dari 18 angka.",
    "audit_bad_unit": (
        "Tulis kode instansi dan kode unit dipisah garis miring, mis. 3578/DISKOMINFO."
    ),
    "audit_bad_date": "Tanggal tidak valid.",
    "audit_period_reversed": "Tanggal akhir tidak boleh sebelum tanggal awal.",
    "audit_one_subject": "Isi salah satu saja: nomor kasus, NIP, atau unit kerja.",
    "audit_subject_not_found": (
        "Subjek tidak ditemukan, atau berada di luar cakupan instansi yang dapat Anda audit."
    ),
    "audit_agency_out_of_scope": "Instansi ini di luar cakupan audit Anda.",
    "audit_refused": "Permintaan ditolak oleh sistem",
    "audit_case_title": "Kasus per saat tertentu",
    "audit_employee_title": "Pegawai per saat tertentu",
    "audit_as_of": "Per saat",
    "audit_as_of_hint": "Tanggal dan jam menurut zona waktu {zone}",
    "audit_show": "Tampilkan",
    "audit_bad_moment": "Isi tanggal dan jam yang valid.",
    "audit_case_not_found": (
        "Kasus tidak ditemukan, belum ada pada saat itu, atau berada di luar cakupan Anda."
    ),
    "audit_employee_not_found": (
        "Pegawai tidak ditemukan, belum terdaftar pada saat itu, atau berada di luar cakupan Anda."
    ),
    "audit_version_recorded": "Versi {version}, dicatat pada {moment}",
    "audit_state": "Status",
    "audit_transfer_type": "Jenis mutasi",
    "audit_initiative": "Inisiatif",
    "audit_origin": "Asal",
    "audit_destination": "Tujuan",
    "audit_pending_step": "Langkah berikutnya",
    "audit_approvals": "Persetujuan",
    "audit_step": "Langkah",
    "audit_decision": "Keputusan",
    "audit_approved": "Disetujui",
    "audit_declined": "Ditolak",
    "audit_decided_on": "Tanggal",
    "audit_reference": "Nomor surat",
    "audit_decree": "Surat keputusan",
    "audit_decree_number": "Nomor SK",
    "audit_signed_on": "Tanggal SK",
    "audit_effective_on": "TMT",
    "audit_history": "Riwayat hingga versi ini",
    "audit_trail_of_subject": "Jejak audit subjek ini",
    "audit_status": "Status kepegawaian",
    "audit_placed_since": "Ditempatkan sejak",
    "audit_no_placement": "Tidak ada penempatan",
    "audit_competencies": "Kompetensi",
    "audit_level": "tingkat",
    "audit_chain_title": "Verifikasi rantai hash",
    "audit_chain_intro": (
        "Setiap entri jejak audit memuat hash SHA-256 atas hash sebelumnya dan peristiwa yang "
        "tersimpan. Verifikasi menghitung ulang rantai dari penyimpanan peristiwa dan "
        "membandingkannya dengan jejak audit: peristiwa yang diubah, dihapus, atau disisipkan "
        "memutus rantai."
    ),
    "audit_chain_head": "Kepala rantai saat ini",
    "audit_chain_empty": "Jejak audit masih kosong.",
    "audit_chain_verify": "Verifikasi rantai",
    "audit_chain_continue_legend": "Lanjutkan setelah tautan yang sudah diverifikasi (opsional)",
    "audit_chain_after_position": "Setelah posisi",
    "audit_chain_after_hash": "Hash pada posisi itu",
    "audit_chain_after_hint": "Kosongkan keduanya untuk memverifikasi dari entri pertama",
    "audit_chain_bad_position": "Posisi harus bilangan bulat 1 atau lebih.",
    "audit_chain_bad_hash": "Hash terdiri dari 64 karakter heksadesimal.",
    "audit_chain_both": "Isi posisi dan hash bersama-sama.",
    "audit_chain_result": "Hasil verifikasi",
    "audit_chain_intact": (
        "Rantai utuh: {checked} entri diverifikasi hingga posisi {position}, yaitu kepala rantai."
    ),
    "audit_chain_intact_so_far": (
        "Utuh sejauh ini: {checked} entri diverifikasi hingga posisi {position}. "
        "Rantai berlanjut setelahnya."
    ),
    "audit_chain_started_after": "Verifikasi dimulai setelah posisi {position}.",
    "audit_chain_continue": "Lanjutkan verifikasi setelah posisi {position}",
    "audit_chain_verified_hash": "Hash pada posisi terakhir yang utuh",
    "audit_chain_broken": "Rantai terputus pada posisi {position}.",
    "audit_chain_broken_before": ("{checked} entri sebelumnya utuh (hingga posisi {position})."),
    "audit_chain_problem": "Masalah",
    "audit_chain_problem_INSERTED": (
        "Peristiwa di penyimpanan tidak ada di jejak audit: peristiwa disisipkan."
    ),
    "audit_chain_problem_REMOVED": (
        "Entri jejak audit tidak ada di penyimpanan: peristiwanya dihapus."
    ),
    "audit_chain_problem_ALTERED": (
        "Peristiwa yang tersimpan tidak cocok dengan hash yang dicatat: peristiwa diubah."
    ),
    "audit_chain_problem_ANCHOR_MISSED": (
        "Rantai tidak melewati tautan yang diberikan: riwayat ditulis ulang, "
        "atau posisi dan hash tidak cocok."
    ),
    "audit_chain_subject_hidden": "di luar cakupan Anda",
}

ENGLISH = {
    "audit_nav_trail": "Audit trail",
    "audit_nav_chain": "Chain verification",
    "audit_trail_title": "Audit trail",
    "audit_trail_intro": (
        "Every recorded event, with who acted, when, and its link in the hash chain. "
        "Filter by case, employee, work unit, actor or period."
    ),
    "audit_search": "Search",
    "audit_case_id": "Case number",
    "audit_case_hint": "The transfer case's id, e.g. 6f1c2a3e-…",
    "audit_nip": "Employee NIP",
    "audit_nip_hint": "18 digits",
    "audit_unit": "Work unit",
    "audit_unit_hint": "Agency code/unit code, e.g. 3578/DISKOMINFO",
    "audit_actor": "Actor",
    "audit_actor_hint": "The actor's account id, e.g. budi.bkpsdm",
    "audit_actor_agency": "Actor's agency",
    "audit_actor_agency_hint": "Agency code, e.g. 3578",
    "audit_from": "From day",
    "audit_to": "Until day",
    "audit_period_hint": "Days in the {zone} time zone, that day included",
    "audit_search_button": "Search",
    "audit_download_csv": "Download CSV",
    "audit_results": "Results",
    "audit_found": "{count} events found.",
    "audit_none_found": "No event matches this search.",
    "audit_showing": "Showing positions {first} to {last}.",
    "audit_next_page": "Next page",
    "audit_first_page": "Back to the first page",
    "audit_position": "Position",
    "audit_moment": "Moment",
    "audit_kind": "Event type",
    "audit_subject": "Subject",
    "audit_version": "version",
    "audit_reason": "Reason",
    "audit_hash": "Hash",
    "audit_previous_hash": "Previous hash",
    "audit_no_actor": "(system)",
    "audit_replay_case": "Replay this case",
    "audit_replay_employee": "Replay this employee",
    "audit_subject_employee": "employee",
    "audit_subject_work-unit": "work unit",
    "audit_subject_transfer-case": "transfer case",
    "audit_subject_transfer-plan": "transfer plan",
    "audit_subject_agency": "agency",
    "audit_bad_case_id": "Not a case number: copy the case's id in full.",
    "audit_bad_nip": "A NIP is 18 digits.",
    "audit_bad_unit": "Write the agency code and the unit code with a slash, e.g. 3578/DISKOMINFO.",
    "audit_bad_date": "Not a valid day.",
    "audit_period_reversed": "The last day cannot come before the first.",
    "audit_one_subject": "Fill in only one of: case number, NIP, work unit.",
    "audit_subject_not_found": "Subject not found, or outside the agencies you audit.",
    "audit_agency_out_of_scope": "This agency is outside your audit scope.",
    "audit_refused": "The system refused the request",
    "audit_case_title": "Case as of a moment",
    "audit_employee_title": "Employee as of a moment",
    "audit_as_of": "As of",
    "audit_as_of_hint": "Date and time in the {zone} time zone",
    "audit_show": "Show",
    "audit_bad_moment": "Enter a valid date and time.",
    "audit_case_not_found": "Case not found, not yet opened at that moment, or outside your scope.",
    "audit_employee_not_found": (
        "Employee not found, not yet registered at that moment, or outside your scope."
    ),
    "audit_version_recorded": "Version {version}, recorded at {moment}",
    "audit_state": "State",
    "audit_transfer_type": "Transfer type",
    "audit_initiative": "Initiative",
    "audit_origin": "Origin",
    "audit_destination": "Destination",
    "audit_pending_step": "Next step",
    "audit_approvals": "Approvals",
    "audit_step": "Step",
    "audit_decision": "Decision",
    "audit_approved": "Approved",
    "audit_declined": "Declined",
    "audit_decided_on": "Date",
    "audit_reference": "Letter number",
    "audit_decree": "Decree",
    "audit_decree_number": "Decree number",
    "audit_signed_on": "Decree date",
    "audit_effective_on": "Effective from (TMT)",
    "audit_history": "History up to this version",
    "audit_trail_of_subject": "This subject's audit trail",
    "audit_status": "Employment status",
    "audit_placed_since": "Placed since",
    "audit_no_placement": "No placement",
    "audit_competencies": "Competencies",
    "audit_level": "level",
    "audit_chain_title": "Hash chain verification",
    "audit_chain_intro": (
        "Each audit trail entry carries a SHA-256 over the previous hash and the stored event. "
        "Verification recomputes the chain from the event store and compares it with the "
        "audit trail: an altered, removed or inserted event breaks the chain."
    ),
    "audit_chain_head": "Current head of the chain",
    "audit_chain_empty": "The audit trail is still empty.",
    "audit_chain_verify": "Verify the chain",
    "audit_chain_continue_legend": "Continue after a link verified earlier (optional)",
    "audit_chain_after_position": "After position",
    "audit_chain_after_hash": "Hash at that position",
    "audit_chain_after_hint": "Leave both empty to verify from the first entry",
    "audit_chain_bad_position": "A position is a whole number, 1 or more.",
    "audit_chain_bad_hash": "A hash is 64 hexadecimal characters.",
    "audit_chain_both": "Fill in the position and the hash together.",
    "audit_chain_result": "Verification result",
    "audit_chain_intact": (
        "The chain is intact: {checked} entries verified up to position {position}, "
        "the head of the chain."
    ),
    "audit_chain_intact_so_far": (
        "Intact so far: {checked} entries verified up to position {position}. "
        "The chain goes on after it."
    ),
    "audit_chain_started_after": "Verification started after position {position}.",
    "audit_chain_continue": "Continue verifying after position {position}",
    "audit_chain_verified_hash": "Hash at the last intact position",
    "audit_chain_broken": "The chain is broken at position {position}.",
    "audit_chain_broken_before": (
        "{checked} entries before it are intact (up to position {position})."
    ),
    "audit_chain_problem": "Problem",
    "audit_chain_problem_INSERTED": (
        "An event in the store is not in the audit trail: it was inserted."
    ),
    "audit_chain_problem_REMOVED": (
        "An entry of the audit trail is not in the store: its event was removed."
    ),
    "audit_chain_problem_ALTERED": (
        "The stored event does not match the hash recorded for it: it was altered."
    ),
    "audit_chain_problem_ANCHOR_MISSED": (
        "The chain does not pass through the link given: the history was rewritten, "
        "or the position and hash do not match."
    ),
    "audit_chain_subject_hidden": "outside your scope",
}
