"""The catalogue of messages: each key's template in Indonesian and in English.

Plain data, read through ``asn_graph.domain.messages`` (``describe``). A key is
``<module>.<what>``, named after the module that raises it; a template names its parameters
in braces, as ``str.format`` does, and both languages name the same ones (a test holds them,
and holds every key a raise site uses to this catalogue). Keep the English wording: it is
what API clients and the logs have always read.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# key: (Indonesian, English)
_ENTRIES: dict[str, tuple[str, str]] = {
    # agencies
    "agencies.agency_already_registered": (
        "instansi {code} sudah terdaftar",
        "agency {code} is already registered",
    ),
    # agency
    "agency.agency_needs_code_name": (
        "instansi memerlukan kode dan nama",
        "an agency needs a code and a name",
    ),
    "agency.moratorium_cannot_end_before_starts": (
        "moratorium tidak dapat berakhir sebelum dimulai",
        "a moratorium cannot end before it starts",
    ),
    "agency.moratorium_needs_legal_basis": (
        "moratorium memerlukan dasar hukumnya",
        "a moratorium needs its legal basis",
    ),
    "agency.regional_agency_needs_province_code": (
        "instansi daerah memerlukan kode provinsinya",
        "a regional agency needs its province code",
    ),
    # auth
    "auth.authorization_must_bearer_token": (
        "authorization harus berbentuk 'Bearer <token>'",
        "authorization must be 'Bearer <token>'",
    ),
    "auth.bkn_token_names_office": (
        "token bkn menyebut kantornya: {central_bkn} atau sebuah Kanreg (KANREG-VI)",
        "a bkn token names its office: {central_bkn} or a Kanreg (KANREG-VI)",
    ),
    "auth.employee_token_names_employee_nip": (
        "token pegawai menyebut NIP pegawai tersebut",
        "an employee token names the employee's NIP",
    ),
    "auth.governor_token_names_province_two": (
        "token gubernur menyebut kode provinsi dua digit",
        "a governor token names the province's two-digit code",
    ),
    "auth.minister_token_office": (
        "token menteri bertindak untuk {home_affairs}",
        "a minister token acts for {home_affairs}",
    ),
    "auth.national_scope_granted_only_auditors": (
        "cakupan nasional hanya diberikan kepada auditor dan integrator, bukan kepada {role}",
        "national scope is granted only to auditors and integrators, not to a {role}",
    ),
    "auth.system_role_not_issued_callers": (
        "peran sistem tidak diberikan kepada pemanggil",
        "the system role is not issued to callers",
    ),
    "auth.token_claims_are_not_valid": (
        "klaim token tidak sah: {error}",
        "the token's claims are not valid: {error}",
    ),
    "auth.token_has_expired": (
        "token sudah kedaluwarsa",
        "the token has expired",
    ),
    "auth.token_lives_at_most_hours": (
        "token berlaku paling lama {hours:g} jam",
        "a token lives at most {hours:g} hours",
    ),
    "auth.token_lives_longer_than_hours": (
        "token berlaku lebih lama dari {hours:g} jam yang diizinkan: mintalah token baru",
        "the token lives longer than the {hours:g} hours a token may: ask for a new one",
    ),
    "auth.token_names_agency_acts": (
        "token {role} menyebut instansi tempat ia bertindak",
        "a {role} token names the agency it acts for",
    ),
    "auth.token_names_agency_reads_grants": (
        "token {role} menyebut instansi yang dibacanya, atau memberi cakupan nasional",
        "a {role} token names the agency it reads, or grants national scope",
    ),
    "auth.token_needs_subject": (
        "token memerlukan subjek",
        "a token needs a subject",
    ),
    "auth.token_not_valid": (
        "token tidak sah: {error}",
        "the token is not valid: {error}",
    ),
    "auth.token_scope_not_one_this": (
        "cakupan token {scope!r} tidak diberikan oleh layanan ini",
        "the token's scope {scope!r} is not one this service grants",
    ),
    "auth.use_authorization_bearer_token": (
        "gunakan 'Authorization: Bearer <token>'",
        "use 'Authorization: Bearer <token>'",
    ),
    # authority
    "authority.acting_may_act_only": (
        "{role} yang bertindak untuk {agency} hanya boleh bertindak untuk {agencies}",
        "{role} acting for {agency} may act only for {agencies}",
    ),
    "authority.employee_may_act_only_their": (
        "pegawai hanya boleh bertindak atas NIP-nya sendiri",
        "an employee may act only on their own NIP",
    ),
    "authority.employee_may_only_request_transfer": (
        "pegawai hanya boleh mengajukan mutasi atas permintaan sendiri",
        "an employee may only request a transfer on their own initiative",
    ),
    "authority.no_agency": (
        "tanpa instansi",
        "no agency",
    ),
    "authority.no_office": (
        "tanpa kantor",
        "no office",
    ),
    "authority.role_may_not_do_this": (
        "peran {role} tidak boleh melakukan ini (diperlukan {allowed})",
        "role {role} may not do this (needs {allowed})",
    ),
    # blocking
    "blocking.no_answer_from_database_within": (
        (
            "basis data tidak menjawab dalam {timeout:g} detik. Perintah yang belum mulai "
            "menulis tidak akan dicatat kemudian; ulangi dengan idempotencyKey yang sama untuk "
            "memastikannya"
        ),
        (
            "no answer from the database within {timeout:g} s (basis data tidak menjawab). A "
            "command that had not begun its write is not recorded later; retry with the same "
            "idempotencyKey to be sure"
        ),
    ),
    # bootstrap
    "bootstrap.read_models_are_at_log": (
        (
            "model baca berada di posisi log {position}, di belakang {requested}; apakah "
            "pekerja proyeksi berjalan? Coba lagi sebentar lagi."
        ),
        (
            "the read models are at log position {position}, behind {requested}; is the "
            "projection worker running? Retry shortly."
        ),
    ),
    # candidate_index
    "candidate_index.agency_not_found": (
        "instansi {codes} tidak ditemukan",
        "agency {codes} not found",
    ),
    "candidate_index.employee_has_no_current_placement": (
        "pegawai {nip} tidak memiliki penempatan saat ini untuk dipindahkan",
        "employee {nip} has no current placement to move from",
    ),
    "candidate_index.position_not_found": (
        "jabatan {destination} tidak ditemukan",
        "position {destination} not found",
    ),
    "candidate_index.unknown_education_family": (
        "rumpun pendidikan {education_family!r} tidak dikenal",
        "unknown education family {education_family!r}",
    ),
    # case_records
    "case_records.case_opened_from_plan_names": (
        "usulan yang dibuka dari rencana menyebut mutasi dalam rencana itu",
        "a case opened from a plan names the plan's move",
    ),
    "case_records.decree_needs": (
        "SK memerlukan {field_name}",
        "a decree needs its {field_name}",
    ),
    "case_records.document_needs_issuer": (
        "dokumen memerlukan penerbitnya",
        "a document needs its issuer",
    ),
    "case_records.document_needs_number": (
        "dokumen memerlukan nomornya",
        "a document needs its number",
    ),
    "case_records.handover_names_successor_acting_official": (
        "serah terima menyebut pengganti atau pelaksana tugas (Plt.)",
        "a handover names a successor or an acting official (Plt.)",
    ),
    "case_records.plan_move_given_with_plan": (
        "mutasi dalam rencana diberikan bersama rencananya",
        "a plan's move is given with its plan",
    ),
    "case_records.sha256_must_64_lowercase_hex": (
        "sha256 harus berupa 64 digit heksadesimal huruf kecil",
        "sha256 must be 64 lowercase hex digits",
    ),
    "case_records.training_hours_must_positive": (
        "jam pelatihan harus positif",
        "training hours must be positive",
    ),
    # cases
    "cases.decree_number_was_already_used": (
        "nomor SK {number} sudah dipakai oleh {issuer}",
        "decree number {number} was already used by {issuer}",
    ),
    "cases.employee_has_no_current_placement": (
        "pegawai {nip} tidak memiliki penempatan saat ini untuk dipindahkan",
        "employee {nip} has no current placement to move from",
    ),
    "cases.only_employee_requests_transfer_themselves": (
        "hanya pegawai yang mengajukan mutasi untuk dirinya sendiri",
        "only an employee requests a transfer for themselves",
    ),
    # changes
    "changes.subscriber_fell_behind": (
        (
            "pelanggan tertinggal lebih dari {capacity} perubahan dan ditutup; berlangganan "
            "lagi dengan after: {resume_after} untuk menerima sisanya"
        ),
        (
            "the subscriber fell more than {capacity} changes behind and was closed; subscribe "
            "again with after: {resume_after} to receive the rest"
        ),
    ),
    # common
    "common.unknown_education_family_see_fieldsofstudy": (
        "rumpun pendidikan {text!r} tidak dikenal; lihat fieldsOfStudy",
        "unknown education family {text!r}; see fieldsOfStudy",
    ),
    # competencies
    "competencies.competency_given_twice": (
        "kompetensi diberikan dua kali: {codes}",
        "competency given twice: {codes}",
    ),
    "competencies.level_out_of_range": (
        "level kompetensi adalah {lowest_level}..{highest_level}, diberikan {level}",
        "a competency level is {lowest_level}..{highest_level}, got {level}",
    ),
    "competencies.unknown_competency_code": (
        "kode kompetensi {code!r} tidak dikenal",
        "unknown competency code {code!r}",
    ),
    # consistency
    "consistency.must_log_position_whole_number": (
        "{min_position_header} harus berupa posisi log (bilangan bulat), bukan {value!r}",
        "{min_position_header} must be a log position (a whole number), not {value!r}",
    ),
    # context
    "context.employee_may_read_only_their": (
        "pegawai hanya boleh membaca datanya sendiri",
        "an employee may read only their own records",
    ),
    "context.sign_send_authorization_bearer_token": (
        "masuk terlebih dahulu: kirim 'Authorization: Bearer <token>'",
        "sign in: send 'Authorization: Bearer <token>'",
    ),
    # deadline
    "deadline.database_cannot_be_reached": (
        "basis data tidak dapat dihubungi; coba lagi sebentar lagi",
        (
            "the database cannot be reached now; retry shortly (basis data tidak dapat "
            "dihubungi; coba lagi sebentar lagi)"
        ),
    ),
    "deadline.database_did_not_answer_within": (
        (
            "basis data tidak menjawab dalam {seconds:g} detik; tidak ada yang dicatat dari "
            "permintaan ini: coba lagi sebentar lagi"
        ),
        (
            "the database did not answer within {seconds:g} s; nothing of this request was "
            "recorded: retry shortly (basis data tidak menjawab; tidak ada yang dicatat)"
        ),
    ),
    # decree_letters
    "decree_letters.file_larger_than_any_decree": (
        "berkas lebih besar dari surat keputusan mana pun",
        "the file is larger than any decree letter",
    ),
    "decree_letters.send_letter_as_file_field": (
        "kirim surat sebagai isian berkas 'pdf'",
        "send the letter as the file field 'pdf'",
    ),
    "decree_letters.transfer_case_not_found": (
        "usulan mutasi {text} tidak ditemukan",
        "transfer case {text} not found",
    ),
    # eligibility
    "eligibility.blocker": (
        "{kind} sejak {since} ({reference})",
        "{kind} since {since} ({reference})",
    ),
    "eligibility.competencies_short": (
        "kompetensi di bawah level yang diminta (dimiliki/diminta): {competencies}",
        "competencies below the level asked (held/required): {competencies}",
    ),
    "eligibility.education_short": (
        (
            "jabatan meminta {required_level} {required_field}; pegawai memiliki {held_level} "
            "{held_field}"
        ),
        (
            "position asks for {required_level} {required_field}; employee has {held_level} "
            "{held_field}"
        ),
    ),
    "eligibility.moratorium": (
        "pejabat tidak boleh diganti selama moratorium: {basis}",
        "officials may not be replaced during a moratorium: {basis}",
    ),
    "eligibility.no_rating": (
        "tidak ada penilaian kinerja untuk tahun {year}",
        "no performance rating for {year}",
    ),
    "eligibility.no_vacancy": (
        (
            "jabatan tujuan tidak memiliki formasi kosong: dibutuhkan {needed}, ada {present}, "
            "masuk {incoming}, keluar {outgoing}"
        ),
        (
            "destination position has no vacancy: needed {needed}, present {present}, incoming "
            "{incoming}, outgoing {outgoing}"
        ),
    ),
    "eligibility.pppk_cannot_move": (
        "pegawai PPPK tidak dapat pindah ke instansi lain",
        "a PPPK employee cannot move to another agency",
    ),
    "eligibility.rating_below_minimum": (
        "penilaian {rating} pada tahun {year} di bawah {minimum}",
        "rating {rating} in {year} is below {minimum}",
    ),
    "eligibility.ten_year_rule": (
        (
            "mutasi atas permintaan sendiri ke instansi lain memerlukan masa kerja {years} "
            "tahun sejak pengangkatan; baru {served_years} tahun {served_months} bulan"
        ),
        (
            "own-request moves to another agency need {years} years since appointment; served "
            "{served_years} years {served_months} months"
        ),
    ),
    "eligibility.tenure_below_minimum": (
        "{months} bulan dalam jabatan, minimum {minimum} bulan",
        "{months} months in post, the minimum is {minimum}",
    ),
    "eligibility.tenure_beyond_maximum": (
        "{months} bulan dalam jabatan, melewati maksimum {maximum} bulan: rotasi sudah terlambat",
        "{months} months in post, beyond the maximum of {maximum}: rotation is overdue",
    ),
    # employee
    "employee.blocker_needs_reference": (
        "hambatan memerlukan nomor rujukannya",
        "a blocker needs its reference",
    ),
    "employee.employee_already_has_active_transfer": (
        "pegawai {nip} sudah memiliki usulan mutasi aktif {active_case_id}",
        "employee {nip} already has an active transfer case {active_case_id}",
    ),
    "employee.employee_needs_name": (
        "pegawai memerlukan nama",
        "an employee needs a name",
    ),
    "employee.nip_does_not_match_given": (
        "NIP {nip} tidak sesuai dengan {mismatches} yang diberikan",
        "NIP {nip} does not match the {mismatches} given",
    ),
    "employee.no_active_blocker_to_lift": (
        "tidak ada {kind} aktif untuk dicabut",
        "no active {kind} to lift",
    ),
    "employee.placement_cannot_start_before_current": (
        "penempatan tidak dapat dimulai sebelum penempatan saat ini",
        "a placement cannot start before the current one",
    ),
    "employee.rating_year_must_lie_between": (
        "tahun penilaian harus di antara pengangkatan dan hari ini, diberikan {year}",
        "a rating year must lie between appointment and today, got {year}",
    ),
    "employee.talent_year_must_lie_between": (
        "tahun penilaian potensi harus di antara pengangkatan dan hari ini, diberikan {year}",
        "a talent year must lie between appointment and today, got {year}",
    ),
    # employees
    "employees.employee_with_nip_already_registered": (
        "pegawai dengan NIP {nip} sudah terdaftar",
        "an employee with NIP {nip} is already registered",
    ),
    "employees.placement_cannot_start_before_appointment": (
        "penempatan tidak dapat dimulai sebelum pengangkatan",
        "a placement cannot start before appointment",
    ),
    # facts
    "facts.no_decree_letter": (
        "tidak ada surat keputusan {case_id}/{version}",
        "no decree letter {case_id}/{version}",
    ),
    # hub
    "hub.change_feed_not_running_retry": (
        "umpan perubahan tidak berjalan; coba lagi sebentar lagi",
        "the change feed is not running; retry shortly",
    ),
    "hub.cursor_beyond_end_log": (
        "kursor {after} melewati akhir log ({head})",
        "the cursor {after} is beyond the end of the log ({head})",
    ),
    "hub.cursor_log_position_never_negative": (
        "kursor adalah posisi log, tidak pernah negatif",
        "a cursor is a log position, never negative",
    ),
    # identifiers
    "identifiers.not_valid_id": (
        "{label} bukan id yang sah: {value!r}",
        "{label} is not a valid id: {value!r}",
    ),
    # identity_provider
    "identity_provider.keys_unavailable": (
        "kunci penyedia identitas tidak dapat dibaca sekarang: {failure}",
        "{failure}",
    ),
    "identity_provider.no_keys_identity_provider_yet": (
        "belum ada kunci dari penyedia identitas",
        "no keys of the identity provider yet",
    ),
    "identity_provider.token_claim_grants_asn_graph": (
        "klaim {role_claim} token memberikan {grants} dari asn-graph",
        "the token's {role_claim} claim grants {grants} of asn-graph",
    ),
    "identity_provider.token_claims_are_not_valid": (
        "klaim token tidak sah: {message}",
        "the token's claims are not valid: {message}",
    ),
    "identity_provider.token_does_not_name_signing": (
        "token tidak menyebut kunci penandatangannya (kid)",
        "the token does not name its signing key (kid)",
    ),
    "identity_provider.token_has_no_naming_caller": (
        "token tidak memiliki {subject_claim} yang menyebut pemanggil",
        "the token has no {subject_claim} naming the caller",
    ),
    "identity_provider.token_iat_claim_not_time": (
        "klaim iat token bukan waktu",
        "the token's iat claim is not a time",
    ),
    "identity_provider.token_not_valid": (
        "token tidak sah: {description}",
        "the token is not valid: {description}",
    ),
    "identity_provider.token_signed_with_key_that": (
        "token ditandatangani dengan kunci ({key_id}) yang tidak diterbitkan oleh {issuer}",
        "the token is signed with a key ({key_id}) that {issuer} does not publish",
    ),
    # letters
    "letters.no_decree_letter_has_this": (
        "tidak ada surat keputusan dengan alamat verifikasi ini",
        "no decree letter has this verification address",
    ),
    "letters.transfer_case_has_no_decree": (
        "usulan mutasi {case_id} tidak memiliki surat keputusan yang berlaku",
        "transfer case {case_id} has no decree letter in force",
    ),
    # local_account
    "local_account.system_role_not_given_accounts": (
        "peran sistem tidak diberikan kepada akun",
        "the system role is not given to accounts",
    ),
    "local_account.username_form": (
        (
            "nama pengguna terdiri atas 2 sampai 64 huruf, angka, titik, tanda hubung, atau "
            "garis bawah"
        ),
        "a username of 2 to 64 letters, digits, dots, dashes or underscores",
    ),
    # local_accounts
    "local_accounts.account_not_found": (
        "akun tidak ditemukan",
        "account not found",
    ),
    "local_accounts.local_accounts_are_managed_by": (
        "akun lokal dikelola oleh operator (asn-graph users)",
        "local accounts are managed by the operator (asn-graph users)",
    ),
    "local_accounts.password_length": (
        "kata sandi terdiri atas {shortest_password} sampai {longest_password} karakter",
        "a password of {shortest_password} to {longest_password} characters",
    ),
    "local_accounts.username_taken": (
        "nama pengguna {username} sudah dipakai",
        "the username {username} is taken",
    ),
    # matching
    "matching.does_not_read_agency": (
        "{role} tidak membaca instansi {agency_code}",
        "{role} does not read agency {agency_code}",
    ),
    "matching.employee_not_found": (
        "pegawai {nip} tidak ditemukan",
        "employee {nip} not found",
    ),
    # moments
    "moments.at_needs_time_zone_offset": (
        "'at' memerlukan selisih zona waktu, mis. +07:00",
        "'at' needs a time zone offset, e.g. +07:00",
    ),
    "moments.give_either_at_date_time": (
        "berikan 'at' (tanggal dan waktu) atau 'version', tidak keduanya",
        "give either 'at' (a date-time) or 'version', not both",
    ),
    "moments.versions_start_at_1": (
        "versi dimulai dari 1",
        "versions start at 1",
    ),
    # nip
    "nip.gender_digit": (
        "NIP {candidate}: digit jenis kelamin harus 1 atau 2",
        "NIP {candidate}: gender digit must be 1 or 2",
    ),
    "nip.length": (
        "NIP harus {nip_length} digit, diberikan {text!r}",
        "NIP must be {nip_length} digits, got {text!r}",
    ),
    "nip.nip_appointment_before_age": (
        "NIP {candidate}: pengangkatan sebelum usia {minimum_age_at_appointment} tahun",
        "NIP {candidate}: appointment before age {minimum_age_at_appointment}",
    ),
    "nip.nip_has_appointment_future": (
        "NIP {candidate} memiliki pengangkatan di masa depan",
        "NIP {candidate} has an appointment in the future",
    ),
    "nip.nip_has_no_plausible_appointment": (
        "NIP {candidate} tidak memiliki bulan pengangkatan yang masuk akal",
        "NIP {candidate} has no plausible appointment month",
    ),
    "nip.nip_has_no_real_birth": (
        "NIP {digits} tidak memiliki tanggal lahir yang nyata",
        "NIP {digits} has no real birth date",
    ),
    # office_terms
    "office_terms.decree_needs_signatory": (
        "SK memerlukan penandatangannya",
        "a decree needs its signatory",
    ),
    # offices
    "offices.nobody_registered_office": (
        "tidak ada yang terdaftar pada jabatan {authority} untuk {jurisdiction}",
        "nobody is registered in the office of {authority} for {jurisdiction}",
    ),
    # operation_policy
    "operation_policy.introspection_needs_token": (
        "introspeksi memerlukan token yang sah: kirim 'Authorization: Bearer <token>'",
        "introspection needs a valid token: send 'Authorization: Bearer <token>'",
    ),
    # optimiser
    "optimiser.destination_may_receive_vacancies_but": (
        (
            "tujuan {destination} dapat menerima {room} (formasi kosongnya) tetapi {count} "
            "mutasi yang dikunci menuju ke sana: {pins_listed}"
        ),
        (
            "destination {destination} may receive {room} (its vacancies) but {count} pinned "
            "moves go to it: {pins_listed}"
        ),
    ),
    "optimiser.employee_pinned_destinations_moves_once": (
        (
            "pegawai {employee} dikunci ke {count} tujuan, padahal hanya pindah sekali: "
            "{pins_listed}"
        ),
        "employee {employee} is pinned to {count} destinations, and moves once: {pins_listed}",
    ),
    "optimiser.origin_may_let_go_surplus": (
        (
            "asal {origin} dapat melepas {room} (kelebihannya) tetapi {count} mutasi yang "
            "dikunci meninggalkannya: {pins_listed}"
        ),
        (
            "origin {origin} may let {room} go (its surplus) but {count} pinned moves leave it: "
            "{pins_listed}"
        ),
    ),
    "optimiser.pinned_moves_are_not_among": (
        "mutasi yang dikunci tidak termasuk calon mutasi: {pins_listed}",
        "pinned moves are not among the candidate moves: {pins_listed}",
    ),
    "optimiser.plan_may_hold_moves_but": (
        "rencana dapat memuat {max_moves} mutasi tetapi {count} dikunci: {pins_listed}",
        "the plan may hold {max_moves} moves but {count} are pinned: {pins_listed}",
    ),
    # organisation
    "organisation.staff_agency_are_outside_your": (
        "pegawai instansi {agency_code} di luar cakupan Anda",
        "the staff of agency {agency_code} are outside your scope",
    ),
    # pagination
    "pagination.cursor_not_one_this_list": (
        "kursor tidak berasal dari daftar ini",
        "the cursor is not one this list gave out",
    ),
    "pagination.first_out_of_range": (
        "'first' harus di antara 1 dan {max_page}",
        "'first' must be between 1 and {max_page}",
    ),
    # plan_proposal
    "plan_proposal.no_plan_satisfies_constraints": (
        "tidak ada rencana yang memenuhi batasan: {error}",
        "no plan satisfies the constraints: {error}",
    ),
    "plan_proposal.position_has_no_kind": (
        "jabatan {position} tidak memiliki jenis",
        "position {position} has no kind",
    ),
    "plan_proposal.records_changed_while_plan_was": (
        "data {nip} berubah selama rencana disusun; susun ulang",
        "the records of {nip} changed while the plan was proposed; propose again",
    ),
    # plan_records
    "plan_records.plan_needs_at_least_one": (
        "rencana memerlukan setidaknya satu instansi dalam cakupan",
        "a plan needs at least one agency in scope",
    ),
    # plans
    "plans.agency_outside_what_plan_may": (
        "instansi {code} di luar cakupan yang boleh dicakup rencana {code2}",
        "agency {code} is outside what a plan of {code2} may cover",
    ),
    "plans.employee_has_no_move_this": (
        "pegawai {nip} tidak memiliki mutasi dalam rencana ini",
        "employee {nip} has no move in this plan",
    ),
    "plans.employee_may_read_only_plan": (
        "pegawai hanya boleh membaca rencana yang meminta pendapatnya atas suatu mutasi",
        "an employee may read only a plan that consults them on a move",
    ),
    "plans.launch_batch_size": (
        "satu kelompok pelaksanaan memuat 1 sampai {max_launch_batch} mutasi",
        "a launch batch has 1 to {max_launch_batch} moves",
    ),
    "plans.move_excluded": (
        "{reasons}",
        "{reasons}",
    ),
    "plans.moving_would_leave_short_staff": (
        "memindahkan {nip} akan membuat {position} kekurangan pegawai",
        "moving {nip} would leave {position} short of staff",
    ),
    "plans.no_longer_where_plan_would": (
        "{nip} tidak lagi berada di {position}, tempat asal mutasi dalam rencana",
        "{nip} is no longer in {position}, where the plan would move them from",
    ),
    "plans.only_employee_concerned_answers_plan": (
        "hanya pegawai yang bersangkutan yang menjawab konsultasi rencana",
        "only the employee concerned answers a plan's consultation",
    ),
    "plans.only_employee_has_consultations_their": (
        "hanya pegawai yang memiliki konsultasi sendiri",
        "only an employee has consultations of their own",
    ),
    "plans.position_has_no_room_left": (
        "jabatan {position} tidak memiliki tempat tersisa untuk rencana ini",
        "position {position} has no room left for this plan",
    ),
    "plans.unit_not_plan_agencies": (
        "unit {unit_code} tidak termasuk instansi rencana",
        "unit {unit_code} is not in the plan's agencies",
    ),
    "plans.versions_plan_are_staff_auditors": (
        "versi rencana hanya untuk petugas dan auditor",
        "the versions of a plan are for staff and auditors",
    ),
    # positions
    "positions.position_class_range": (
        "kelas jabatan harus 1..{max_position_grade}",
        "position class (kelas jabatan) must be 1..{max_position_grade}",
    ),
    "positions.position_needs_code_title": (
        "jabatan memerlukan kode dan nama jabatan",
        "a position needs a code and a title",
    ),
    "positions.workload_needs_non_negative_volume": (
        "beban kerja memerlukan volume tidak negatif dan waktu norma positif",
        "workload needs a non-negative volume and a positive norm time",
    ),
    # rate_limit
    "rate_limit.more_than_minute_retry": (
        "lebih dari {allowance} {what} per menit: coba lagi dalam {wait:.1f} detik",
        "more than {allowance} {what} a minute: retry in {wait:.1f} s",
    ),
    # read_models
    "read_models.date_time_needs_time_zone": (
        "tanggal dan waktu memerlukan selisih zona waktu, mis. +07:00",
        "a date-time needs a time zone offset, e.g. +07:00",
    ),
    "read_models.first_out_of_range": (
        "'first' harus di antara 1 dan {max_gaps}",
        "'first' must be between 1 and {max_gaps}",
    ),
    "read_models.period_ends_after_starts": (
        "periode berakhir setelah dimulai",
        "the period ends after it starts",
    ),
    "read_models.subject_not_found": (
        "subjek {subject} tidak ditemukan",
        "subject {subject} not found",
    ),
    "read_models.work_unit_not_found": (
        "unit kerja {agency}/{unit} tidak ditemukan",
        "work unit {agency}/{unit} not found",
    ),
    # read_scope
    "read_scope.employee_reads_their_own_records": (
        "pegawai membaca datanya sendiri, dan pemanggil ini tidak menyebut NIP",
        "an employee reads their own records, and this caller names no NIP",
    ),
    "read_scope.not_office_bkn_this_service": (
        "{office} bukan kantor BKN yang dikenal layanan ini",
        "{office} is not an office of BKN this service knows",
    ),
    "read_scope.reads_agency_this_caller_names": (
        "{role} membaca untuk satu instansi, dan pemanggil ini tidak menyebut instansi",
        "a {role} reads for an agency, and this caller names none",
    ),
    "read_scope.role_has_no_read_scope": (
        "peran {role} tidak memiliki cakupan baca",
        "role {role} has no read scope",
    ),
    # records
    "records.employees_read_their_own_record": (
        "pegawai membaca datanya sendiri dengan 'employee(nip:)'",
        "employees read their own record with 'employee(nip:)'",
    ),
    "records.opened_until_before_opened_from": (
        "periode pembukaan usulan berakhir ({until}) sebelum dimulai ({start})",
        "the period of opening ends ({until}) before it starts ({start})",
    ),
    # regulators
    "regulators.does_not_serve_province_regional": (
        (
            "{agency} tidak melayani provinsi {provinces}: kantor regional BKN untuk provinsi "
            "itu yang meninjau mutasi ini"
        ),
        (
            "{agency} does not serve province {provinces}: the regional office of BKN for the "
            "province reviews this move"
        ),
    ),
    "regulators.office_is_fixed": (
        "jabatan {authority} adalah {fixed}",
        "the office of {authority} is {fixed}",
    ),
    "regulators.office_named_by_agency_code": (
        "jabatan {authority} disebut dengan kode instansinya",
        "the office of {authority} is named by its agency's code",
    ),
    "regulators.office_named_by_province_code": (
        "jabatan {authority} disebut dengan kode provinsinya",
        "the office of {authority} is named by its province's code",
    ),
    "regulators.officer_needed": (
        "peran {role} tidak boleh melakukan ini (diperlukan petugas)",
        "role {role} may not do this (needs officer)",
    ),
    "regulators.province_code_has_two_digits": (
        "kode provinsi terdiri atas dua digit",
        "a province code has two digits",
    ),
    "regulators.register_kept_by_own_agency": (
        (
            "daftar {authority} untuk {jurisdiction} dikelola oleh instansinya sendiri, bukan "
            "oleh {agency}"
        ),
        (
            "the register of {authority} for {jurisdiction} is kept by its own agency, not by "
            "{agency}"
        ),
    ),
    "regulators.role_needed": (
        "peran {role} tidak boleh melakukan ini (diperlukan {role2})",
        "role {role} may not do this (needs {role2})",
    ),
    "regulators.technical_review_this_route_bkn": (
        "pertimbangan teknis alur ini adalah wewenang kantor pusat BKN, bukan {agency}",
        "the technical review of this route is BKN's central office's, not {agency}'s",
    ),
    "regulators.this_decree_decided_by_not": (
        (
            "SK ini ditetapkan oleh {authority} untuk {jurisdiction}, bukan oleh {role} yang "
            "bertindak untuk {office}"
        ),
        (
            "this decree is decided by {authority} for {jurisdiction}, not by a {role} acting "
            "for {office}"
        ),
    ),
    # revocation_list
    "revocation_list.revoked_tokens_cannot_read_from": (
        (
            "daftar token yang dicabut tidak dapat dibaca dari penyimpanan sekarang; coba lagi "
            "sebentar lagi"
        ),
        "the revoked tokens cannot be read from the store now; retry shortly",
    ),
    "revocation_list.revoked_tokens_have_not_been": (
        (
            "daftar token yang dicabut belum dibaca dari penyimpanan selama {unread:.0f} detik; "
            "coba lagi sebentar lagi"
        ),
        "the revoked tokens have not been read from the store for {unread:.0f} s; retry shortly",
    ),
    "revocation_list.token_has_been_revoked_ask": (
        "token sudah dicabut: mintalah token baru",
        "the token has been revoked: ask for a new one",
    ),
    "revocation_list.tokens_this_caller_issued_before": (
        (
            "token pemanggil ini yang diterbitkan sebelum pencabutan sudah dicabut: mintalah "
            "token baru"
        ),
        "the tokens of this caller issued before their revocation are revoked: ask for a new one",
    ),
    # rules
    "rules.finding_of_rule": (
        "{rule}: {finding}",
        "{rule}: {finding}",
    ),
    # scoping
    "scoping.employee_not_found": (
        "pegawai {label} tidak ditemukan",
        "employee {label} not found",
    ),
    "scoping.employee_reads_only_their_own": (
        "pegawai hanya membaca datanya sendiri",
        "an employee reads only their own records",
    ),
    "scoping.name_agency_one": (
        "sebutkan instansinya, salah satu dari {agencies}",
        "name the agency, one of {agencies}",
    ),
    "scoping.name_agency_one_province": (
        "sebutkan instansinya: salah satu di provinsi {provinces}",
        "name the agency: one of province {provinces}",
    ),
    "scoping.reads_elsewhere": (
        "{role} membaca {reads}, bukan {code}",
        "{role} reads {reads}, not {code}",
    ),
    "scoping.subjectid_not_id": (
        "subjectId bukan id",
        "subjectId is not an id",
    ),
    "scoping.transfer_case_not_found": (
        "usulan mutasi {id} tidak ditemukan",
        "transfer case {id} not found",
    ),
    "scoping.transfer_plan_not_found": (
        "rencana mutasi {id} tidak ditemukan",
        "transfer plan {id} not found",
    ),
    # signing
    "signing.did_not_hold_office_by": (
        (
            "{who} tidak memegang jabatan {office} pada {signed_on} menurut daftar pejabat "
            "penandatangan"
        ),
        (
            "{who} did not hold the office of {office} on {signed_on} by the register of "
            "signing offices"
        ),
    ),
    "signing.held_office_as_who_does": (
        (
            "{who} memegang jabatan {office} pada {signed_on} sebagai {capacity}, yang tidak "
            "menandatangani SK mutasi"
        ),
        (
            "{who} held the office of {office} on {signed_on} as {capacity}, who does not sign "
            "a transfer decree"
        ),
    ),
    # signing_office
    "signing_office.acting_term_too_long": (
        (
            "masa jabatan pelaksana paling lama {max_days} hari; masa yang lebih panjang adalah "
            "pengangkatan baru"
        ),
        "an acting term lasts at most {max_days} days; a longer spell is a new appointment",
    ),
    "signing_office.acting_terms_overlap": (
        "masa jabatan pelaksana bertumpang tindih: {clash}",
        "acting terms overlap: {clash}",
    ),
    "signing_office.appointment_names_decree_order_sk": (
        "pengangkatan menyebut SK atau surat perintahnya",
        "an appointment names its decree or order (SK / surat perintah)",
    ),
    "signing_office.appointment_names_holder": (
        "pengangkatan menyebut pemegang jabatannya",
        "an appointment names its holder",
    ),
    "signing_office.ending_term_needs_reason": (
        "mengakhiri masa jabatan memerlukan alasan",
        "ending a term needs a reason",
    ),
    "signing_office.has_no_term": (
        "{authority} {jurisdiction} tidak memiliki masa jabatan {number}",
        "{authority} {jurisdiction} has no term {number}",
    ),
    "signing_office.named_open_term": (
        (
            "masa jabatan {number}, {holder} ({capacity}) sejak {starts_on} sampai ada "
            "ketentuan lain"
        ),
        "term {number}, {holder} ({capacity}) from {starts_on} until further notice",
    ),
    "signing_office.named_term": (
        "masa jabatan {number}, {holder} ({capacity}) dari {starts_on} sampai {ends_on}",
        "term {number}, {holder} ({capacity}) from {starts_on} until {ends_on}",
    ),
    "signing_office.office_held_in_period": (
        "jabatan itu sudah dipegang pada periode tersebut: {clash}",
        "the office is held in that period: {clash}",
    ),
    "signing_office.plh_within_definitive_term": (
        "Plh. menggantikan pejabat definitif dalam masa jabatannya",
        "a Plh. stands in for a definitive holder within their term",
    ),
    "signing_office.plt_while_vacant": (
        "Plt. diangkat selama jabatan kosong; {clash}",
        "a Plt. is appointed while the office is vacant; {clash}",
    ),
    "signing_office.term_cannot_end_before_starts": (
        "masa jabatan tidak dapat berakhir sebelum dimulai",
        "a term cannot end before it starts",
    ),
    "signing_office.term_ends_longer_term_new": (
        (
            "masa jabatan {number} berakhir pada {ends_on}; masa jabatan yang lebih panjang "
            "adalah pengangkatan baru"
        ),
        "term {number} ends on {ends_on}; a longer term is a new appointment",
    ),
    "signing_office.term_states_end_at_most": (
        "masa jabatan {capacity} menyebut akhirnya (paling lama {max_days} hari)",
        "a {capacity} term states its end (at most {max_days} days)",
    ),
    # stages
    "stages.acted_on_by": (
        "{stage}; ditangani {assignee}",
        "{stage}; {assignee} acts next",
    ),
    "stages.due_on": (
        "{stage}, paling lambat {due_on}",
        "{stage}, by {due_on}",
    ),
    "stages.waiting_for_step": (
        "{state}: {step}",
        "{state}: {step}",
    ),
    # store
    "store.has_no_version": (
        "{label} tidak memiliki versi {version}",
        "{label} has no version {version}",
    ),
    "store.idempotency_key_length": (
        "kunci idempotensi terdiri atas 1 sampai {max_idempotency_key} karakter",
        "an idempotency key has 1 to {max_idempotency_key} characters",
    ),
    "store.idempotency_key_was_already_used": (
        "kunci idempotensi {key_name!r} sudah dipakai untuk permintaan lain",
        "idempotency key {key_name!r} was already used for a different request",
    ),
    "store.not_found": (
        "{label} tidak ditemukan",
        "{label} not found",
    ),
    "store.record_was_changed_by_another": (
        "data diubah oleh permintaan lain pada saat yang sama; muat ulang dan coba lagi",
        "the record was changed by another request at the same time; reload it and try again",
    ),
    "store.role_read_only": (
        "peran {role} hanya dapat membaca",
        "role {role} is read-only",
    ),
    # subscriptions
    "subscriptions.unitcode_needs_agencycode_belongs": (
        "unitCode memerlukan agencyCode tempat unit itu berada",
        "unitCode needs the agencyCode it belongs to",
    ),
    # time_travel
    "time_travel.did_not_exist_yet_at": (
        "{label} belum ada pada {moment}",
        "the {label} did not exist yet at {moment}",
    ),
    # token_revocations
    "token_revocations.revocations_were_changed_by_others": (
        "pencabutan terus diubah oleh pihak lain; coba lagi",
        "the revocations were changed by others all along; try again",
    ),
    "token_revocations.text_length": (
        "{field_name} terdiri atas 1 sampai {longest_name} karakter",
        "a {field_name} of 1 to {longest_name} characters",
    ),
    "token_revocations.tokens_are_revoked_by_operator": (
        "token dicabut oleh operator (asn-graph revoke)",
        "tokens are revoked by the operator (asn-graph revoke)",
    ),
    # transfer_case
    "transfer_case.action.answer_the_proposal_of": (
        "menjawab usulan",
        "answer the proposal of",
    ),
    "transfer_case.action.attach_a_document_to": (
        "melampirkan dokumen pada",
        "attach a document to",
    ),
    "transfer_case.action.cancel": (
        "membatalkan",
        "cancel",
    ),
    "transfer_case.action.close": (
        "menutup",
        "close",
    ),
    "transfer_case.action.correct_the_decree_of": (
        "meralat SK",
        "correct the decree of",
    ),
    "transfer_case.action.decide_on": (
        "memutuskan",
        "decide on",
    ),
    "transfer_case.action.evaluate": (
        "mengevaluasi",
        "evaluate",
    ),
    "transfer_case.action.expire": (
        "mengakhiri karena kedaluwarsa",
        "expire",
    ),
    "transfer_case.action.install_the_employee_of": (
        "melantik pegawai pada",
        "install the employee of",
    ),
    "transfer_case.action.issue_a_decree_for": (
        "menerbitkan SK untuk",
        "issue a decree for",
    ),
    "transfer_case.action.make_effective": (
        "memberlakukan",
        "make effective",
    ),
    "transfer_case.action.record_the_handover_of": (
        "mencatat serah terima pada",
        "record the handover of",
    ),
    "transfer_case.action.record_training_for": (
        "mencatat pelatihan untuk",
        "record training for",
    ),
    "transfer_case.action.reject": (
        "menolak",
        "reject",
    ),
    "transfer_case.action.return_the_documents_of": (
        "mengembalikan berkas",
        "return the documents of",
    ),
    "transfer_case.action.revoke_the_decree_of": (
        "mencabut SK",
        "revoke the decree of",
    ),
    "transfer_case.action.submit": (
        "mengajukan",
        "submit",
    ),
    "transfer_case.action.verify_the_documents_of": (
        "memverifikasi berkas",
        "verify the documents of",
    ),
    "transfer_case.action.withdraw": (
        "menarik",
        "withdraw",
    ),
    "transfer_case.blocked_by_findings": (
        "{findings}",
        "{findings}",
    ),
    "transfer_case.case_closes_after_post_transfer": (
        "usulan ditutup setelah evaluasi pascamutasi",
        "a case closes after its post-transfer evaluation",
    ),
    "transfer_case.case_takes_no_override": (
        "usulan berstatus {state} tidak menerima pengecualian",
        "a {state} case takes no override",
    ),
    "transfer_case.correction_cannot_change_deciding_authority": (
        "ralat tidak dapat mengubah pejabat yang menetapkan",
        "a correction cannot change the deciding authority",
    ),
    "transfer_case.correction_keeps_decree_number_issuer": (
        "ralat mempertahankan nomor dan penerbit SK; cabut SK itu untuk menerbitkan yang lain",
        "a correction keeps the decree's number and issuer; revoke it to issue another",
    ),
    "transfer_case.decision_needs_letter_minutes_number": (
        "keputusan memerlukan nomor surat atau berita acaranya",
        "a decision needs its letter or minutes number",
    ),
    "transfer_case.decree_takes_effect_tmt_not": (
        "SK berlaku (TMT) pada {effective_on}, tidak sebelumnya",
        "the decree takes effect (TMT) on {effective_on}, not before",
    ),
    "transfer_case.destination_employee_current_position": (
        "tujuan adalah jabatan pegawai saat ini",
        "the destination is the employee's current position",
    ),
    "transfer_case.documents_missing": (
        "berkas belum lengkap: {documents}",
        "documents missing: {documents}",
    ),
    "transfer_case.employee_objected_in_plan": (
        "pegawai menyatakan keberatan dalam konsultasi rencana",
        "the employee objected in the plan's consultation",
    ),
    "transfer_case.employee_objects": (
        "pegawai keberatan: {reason}",
        "the employee objects: {reason}",
    ),
    "transfer_case.evaluation_follows_move": (
        "evaluasi dilakukan setelah perpindahan",
        "an evaluation follows the move",
    ),
    "transfer_case.installation_cannot_precede_decree": (
        "pelantikan tidak dapat mendahului SK",
        "installation cannot precede the decree",
    ),
    "transfer_case.installed_late": (
        "dilantik {late} hari kerja setelah SK; batas waktunya {deadline} hari kerja",
        "installed {late} working days after the decree; the deadline is {deadline}",
    ),
    "transfer_case.no_step": (
        "tidak ada langkah",
        "no step",
    ),
    "transfer_case.not_in_state": (
        "tidak dapat {action} usulan berstatus {state}",
        "cannot {action} a case in state {state}",
    ),
    "transfer_case.old_post_has_not_been": (
        "jabatan lama belum diserahterimakan",
        "the old post has not been handed over",
    ),
    "transfer_case.only_agency_initiated_proposal_asks": (
        "hanya usulan atas kepentingan instansi yang meminta jawaban",
        "only an agency-initiated proposal asks for an answer",
    ),
    "transfer_case.override_names_authority": (
        "pengecualian menyebut dasar kewenangannya (mis. surat Menteri)",
        "an override names its authority (e.g. the Minister's letter)",
    ),
    "transfer_case.route_transfer_expects_now_not": (
        "alur mutasi {transfer_type} menunggu {pending} sekarang, bukan {step}",
        "the route of a {transfer_type} transfer expects {pending} now, not {step}",
    ),
    "transfer_case.rule_cannot_overridden": (
        "aturan {rule} tidak dapat dikecualikan",
        "rule {rule} cannot be overridden",
    ),
    "transfer_case.this_step_needs_reason": (
        "langkah ini memerlukan alasan",
        "this step needs a reason",
    ),
    "transfer_case.tmt_before_decree_date": (
        "TMT {effective_on} sebelum tanggal SK {signed_on}",
        "TMT {effective_on} is before the decree date {signed_on}",
    ),
    "transfer_case.transfer_case_states_reason": (
        "usulan mutasi menyebut alasannya",
        "a transfer case states its reason",
    ),
    "transfer_case.transfer_decided_by_not": (
        "mutasi {transfer_type} ditetapkan oleh {expected}, bukan {authority}",
        "a {transfer_type} transfer is decided by {expected}, not {authority}",
    ),
    # transfer_plan
    "transfer_plan.action.answer_the_consultation_of": (
        "menjawab konsultasi",
        "answer the consultation of",
    ),
    "transfer_plan.action.approve": (
        "menyetujui",
        "approve",
    ),
    "transfer_plan.action.cancel": (
        "membatalkan",
        "cancel",
    ),
    "transfer_plan.action.change": (
        "mengubah",
        "change",
    ),
    "transfer_plan.action.launch": (
        "melaksanakan",
        "launch",
    ),
    "transfer_plan.action.open_the_consultation_of": (
        "membuka konsultasi",
        "open the consultation of",
    ),
    "transfer_plan.action.return": (
        "mengembalikan",
        "return",
    ),
    "transfer_plan.answer_about_another_move_than": (
        "jawaban itu tentang mutasi lain dari yang kini diusulkan rencana",
        "the answer is about another move than the one the plan now proposes",
    ),
    "transfer_plan.answers_cannot_due_past": (
        "batas waktu jawaban tidak dapat di masa lalu",
        "the answers cannot be due in the past",
    ),
    "transfer_plan.employee_already_has_move_this": (
        "pegawai {nip} sudah memiliki mutasi dalam rencana ini",
        "employee {nip} already has a move in this plan",
    ),
    "transfer_plan.employee_excluded_from_this_plan": (
        "pegawai {nip} dikecualikan dari rencana ini",
        "employee {nip} is excluded from this plan",
    ),
    "transfer_plan.employees_have_not_been_heard": (
        "{count} pegawai belum didengar pendapatnya: {nips}",
        "{count} employees have not been heard yet: {nips}",
    ),
    "transfer_plan.launch_covers_moves_plan_not": (
        "pelaksanaan mencakup mutasi rencana yang belum dilaksanakan sebelumnya",
        "a launch covers moves of the plan not launched before",
    ),
    "transfer_plan.max_moves_at_least_one": (
        "jumlah maksimum mutasi paling sedikit 1",
        "the maximum number of moves is at least 1",
    ),
    "transfer_plan.moves_go_beyond_plan_maximum": (
        (
            "{count} mutasi melebihi maksimum rencana sebanyak {max_moves}: lepaskan kunci "
            "beberapa mutasi atau naikkan maksimumnya"
        ),
        (
            "{count} moves go beyond the plan's maximum of {max_moves}: unpin some moves or "
            "raise the maximum"
        ),
    ),
    "transfer_plan.not_in_status": (
        "tidak dapat {action} rencana yang berstatus {status}",
        "cannot {action} a plan that is {status}",
    ),
    "transfer_plan.objection_needs_reason_category": (
        "keberatan memerlukan kategori alasannya",
        "an objection needs its reason category",
    ),
    "transfer_plan.plan_already_holds_maximum_moves": (
        "rencana sudah memuat maksimum {max_moves} mutasi",
        "the plan already holds its maximum of {max_moves} moves",
    ),
    "transfer_plan.plan_must_neither_fill_nor": (
        "rencana tidak boleh mengisi atau mengosongkan jabatan yang dikecualikan",
        "the plan must neither fill nor empty an excluded position",
    ),
    "transfer_plan.plan_needs_title": (
        "rencana memerlukan judul",
        "a plan needs a title",
    ),
    "transfer_plan.plan_period_cannot_end_before": (
        "periode rencana tidak dapat berakhir sebelum dimulai",
        "a plan's period cannot end before it starts",
    ),
    "transfer_plan.plan_some_whose_moves_were": (
        "rencana yang sebagian mutasinya sudah dilaksanakan tidak dapat dibatalkan",
        "a plan some of whose moves were launched cannot be cancelled",
    ),
    "transfer_plan.plan_without_moves_has_no": (
        "rencana tanpa mutasi tidak memiliki pegawai untuk dimintai pendapat",
        "a plan without moves has no one to consult",
    ),
    "transfer_plan.plan_without_moves_has_nothing": (
        "rencana tanpa mutasi tidak memiliki apa pun untuk disetujui",
        "a plan without moves has nothing to approve",
    ),
    "transfer_plan.proposal_must_keep_every_pinned": (
        "usulan harus mempertahankan setiap mutasi yang dikunci; usulan ini melewatkan {lost}",
        "a proposal must keep every pinned move; it leaves out {lost}",
    ),
    "transfer_plan.reason_required": (
        "alasan wajib diisi",
        "a reason is required",
    ),
    # work_unit
    "work_unit.position_already_exists_unit": (
        "jabatan {code} sudah ada di unit {code2}",
        "position {code} already exists in unit {code2}",
    ),
    "work_unit.unit_has_no_position": (
        "unit {code} tidak memiliki jabatan {position_code}",
        "unit {code} has no position {position_code}",
    ),
    "work_unit.work_unit_cannot_own_parent": (
        "unit kerja tidak dapat menjadi induknya sendiri",
        "a work unit cannot be its own parent",
    ),
    "work_unit.work_unit_needs_code_name": (
        "unit kerja memerlukan kode dan nama",
        "a work unit needs a code and a name",
    ),
    # work_units
    "work_units.work_unit_already_registered": (
        "unit kerja {code}/{code2} sudah terdaftar",
        "work unit {code}/{code2} is already registered",
    ),
    "work_units.workload_assessment_lists_at_least": (
        "analisis beban kerja memuat setidaknya satu tugas",
        "a workload assessment lists at least one task",
    ),
    # onboarding, notifications, sign-in through the provider, decree letters, the audit pages
    "identity_provider.id_token_not_for_this_sign_in": (
        "token ID tidak diterbitkan untuk proses masuk ini (nonce)",
        "the ID token was not issued for this sign-in (nonce)",
    ),
    "identity_provider.discovery_unavailable": (
        "penyedia identitas {issuer} tidak dapat dibaca sekarang: {failure}",
        "the identity provider {issuer} {failure}",
    ),
    "provider_sign_in.provider_failed": (
        "penyedia identitas {issuer} gagal: {error}",
        "the identity provider {issuer} failed: {error}",
    ),
    "provider_sign_in.provider_answered_http": (
        "penyedia identitas menjawab HTTP {status}",
        "the identity provider answered HTTP {status}",
    ),
    "notifications.at_most_at_once": (
        "paling banyak {most} notifikasi sekaligus",
        "at most {most} notifications at once",
    ),
    "notifications.not_an_id": (
        "bukan id notifikasi",
        "not the id of a notification",
    ),
    "notifications.name_ids_or_all": (
        "sebutkan notifikasi di 'ids', atau minta 'all'",
        "name the notifications in 'ids', or ask for 'all'",
    ),
    "notifications.only_employees": (
        "hanya pegawai yang memiliki notifikasi sendiri",
        "only an employee has notifications of their own",
    ),
    "read_models.name_one_subject": (
        "sebutkan satu subjek saja: subjectId, nip, atau unit",
        "name one subject: subjectId, nip or unit",
    ),
    "read_models.chain_first_between": (
        "'first' harus antara 1 dan {most}",
        "'first' must be between 1 and {most}",
    ),
    "read_models.work_unit_needs_agency_and_code": (
        "unit kerja memerlukan kode instansi dan kode unitnya",
        "a work unit needs its agency and its code",
    ),
    "read_models.log_position_at_least_one": (
        "posisi log paling kecil 1",
        "a log position is 1 or more",
    ),
    "decree_letters.changed_by_others": (
        "surat SK terus diubah oleh pihak lain; coba lagi",
        "the decree letters were changed by others all along; try again",
    ),
    "decree_letters.sha256_format": (
        "SHA-256 terdiri atas 64 digit heksadesimal huruf kecil",
        "a SHA-256 of 64 lowercase hexadecimal digits",
    ),
    "decree_letters.version_recorded_with_other_sha256": (
        "surat versi {version} sudah tercatat dengan SHA-256 lain",
        "the letter of version {version} is recorded with another SHA-256",
    ),
    "employees.transfer_under_way": (
        "pegawai {nip} sedang dalam proses mutasi; SK mutasinya yang akan menempatkannya",
        "employee {nip} has a transfer under way; its decree will place them",
    ),
    "employees.placement_correction_needs_reason": (
        "koreksi penempatan memerlukan alasan",
        "a placement correction needs its reason",
    ),
    "local_account.email_address": (
        "alamat surel seperti nama@instansi.go.id",
        "an e-mail address such as nama@instansi.go.id",
    ),
    "demo_accounts.no_employee": (
        "data demo tidak memiliki pegawai di {agency}",
        "the demo data has no employee in {agency}",
    ),
    "imports.officer_of_an_agency": (
        "impor dilakukan oleh petugas suatu instansi",
        "an import is made by an officer of an agency",
    ),
    "imports.not_an_active_officer": (
        "akun {username} bukan akun petugas yang aktif",
        "account {username} is not an active officer's account",
    ),
    "imports.account_acts_for": (
        "akun {username} bertindak untuk {agency}, bukan {asked}",
        "account {username} acts for {agency}, not {asked}",
    ),
    "imports.only_csv_or_xlsx": (
        "berkas {file}: hanya CSV atau XLSX yang dapat diimpor",
        "file {file}: only CSV or XLSX files can be imported",
    ),
    "imports.file_empty": (
        "berkas {file} kosong",
        "file {file} is empty",
    ),
    "imports.missing_columns": (
        "berkas {file} tidak memiliki kolom wajib: {columns}",
        "file {file} lacks the columns every row needs: {columns}",
    ),
    # import: why a row of an imported file is not taken (the onboarding's readers); the
    # officer who corrects the file reads the Indonesian, as SIASN's exports are written.
    "import.required": (
        "wajib diisi",
        "required",
    ),
    "import.date_not_recognised": (
        "tanggal {value} tidak mungkin atau tidak dikenali (contoh: 31-12-1985)",
        "date {value} is impossible or not recognised (e.g. 31-12-1985)",
    ),
    "import.gender_not_recognised": (
        "jenis kelamin {value} tidak dikenali (L/P, Pria/Wanita, M/F)",
        "gender {value} is not recognised (L/P, Pria/Wanita, M/F)",
    ),
    "import.status_not_recognised": (
        "jenis pegawai {value} tidak dikenali (PNS, CPNS atau PPPK)",
        "employment status {value} is not recognised (PNS, CPNS or PPPK)",
    ),
    "import.rank_not_recognised": (
        "golongan {value} tidak dikenali (contoh: III/a)",
        "rank {value} is not recognised (e.g. III/a)",
    ),
    "import.education_level_not_recognised": (
        "tingkat pendidikan {value} tidak dikenali (SD … S3)",
        "education level {value} is not recognised (SD … S3)",
    ),
    "import.rating_not_recognised": (
        "predikat kinerja {value} tidak dikenali (Sangat Baik, Baik, Butuh Perbaikan, "
        "Kurang, Sangat Kurang)",
        "performance rating {value} is not recognised (Sangat Baik, Baik, Butuh Perbaikan, "
        "Kurang, Sangat Kurang)",
    ),
    "import.year_not_recognised": (
        "tahun {value} tidak dikenali (contoh: 2025)",
        "year {value} is not recognised (e.g. 2025)",
    ),
    "import.position_kind_not_recognised": (
        "jenis jabatan {value} tidak dikenali (JPT Pratama, Administrator, Pengawas, "
        "Pelaksana, Ahli Pertama … Ahli Utama, Pemula … Penyelia)",
        "position kind {value} is not recognised (JPT Pratama, Administrator, Pengawas, "
        "Pelaksana, Ahli Pertama … Ahli Utama, Pemula … Penyelia)",
    ),
    "import.not_a_whole_number": (
        "{label} {value} bukan bilangan bulat ≥ {least}",
        "{label} {value} is not a whole number ≥ {least}",
    ),
    "import.nip_not_valid": (
        "NIP tidak sah (18 angka: tanggal lahir, TMT CPNS, jenis kelamin, nomor urut)",
        "NIP not valid (18 digits: birth date, TMT CPNS, gender, serial number)",
    ),
    "import.nip_not_valid_digits": (
        "NIP tidak sah (18 angka)",
        "NIP not valid (18 digits)",
    ),
    "import.against_nip": (
        "{fact} tidak sesuai dengan NIP",
        "{fact} does not match the NIP",
    ),
    "import.appointment_against_nip": (
        "TMT CPNS tidak sesuai dengan NIP ({month:02d}-{year})",
        "TMT CPNS (appointment) does not match the NIP ({month:02d}-{year})",
    ),
    "import.date_in_future": (
        "tanggal di masa depan",
        "date in the future",
    ),
    "import.placed_before_appointed": (
        "TMT jabatan sebelum TMT CPNS",
        "TMT jabatan (placement) before TMT CPNS (appointment)",
    ),
    "import.unit_name_not_unique": (
        "nama unit kerja tidak unik; isi kode unit",
        "the work unit's name is not unique; fill in the unit's code",
    ),
    "import.unit_not_found": (
        "unit kerja tidak ditemukan di instansi {agency}",
        "work unit not found in agency {agency}",
    ),
    "import.position_not_found": (
        "jabatan tidak ditemukan di unit {unit}",
        "position not found in unit {unit}",
    ),
    "import.position_title_not_unique": (
        "nama jabatan tidak unik di unit ini; isi kode jabatan",
        "the position's title is not unique in this unit; fill in the position's code",
    ),
    "import.parent_unit_not_found": (
        "unit induk tidak ditemukan (di instansi maupun di berkas ini)",
        "parent unit not found (neither in the agency nor in this file)",
    ),
    "import.unit_recorded_otherwise": (
        "unit {code} sudah terdaftar dengan data berbeda (tercatat: {recorded})",
        "unit {code} is already registered with other data (recorded: {recorded})",
    ),
    "import.position_recorded_otherwise": (
        "jabatan {code} sudah terdaftar di unit {unit} dengan {facts} berbeda",
        "position {code} is already registered in unit {unit} with a different {facts}",
    ),
    "import.employee_not_registered": (
        "pegawai belum terdaftar",
        "employee not registered",
    ),
    "import.employee_of_another_agency": (
        "pegawai bukan pegawai instansi ini",
        "not an employee of this agency",
    ),
    "import.nip_in_another_agency": (
        "NIP sudah terdaftar di instansi lain ({agency})",
        "NIP already registered in another agency ({agency})",
    ),
    "import.nip_recorded_otherwise": (
        "NIP sudah terdaftar dengan data berbeda (tercatat: {recorded})",
        "NIP already registered with other data (recorded: {recorded})",
    ),
    "import.twice_in_file": (
        "ganda di berkas ini (sama dengan baris {row})",
        "twice in this file (the same as row {row})",
    ),
    # import: the facts a reason names
    "import.fact.birth_date": ("tanggal lahir", "birth date"),
    "import.fact.gender": ("jenis kelamin", "gender"),
    "import.fact.position_grade": ("kelas jabatan", "position grade"),
    "import.fact.volume": ("volume", "volume"),
    "import.fact.time_norm": ("norma waktu", "time norm"),
    "import.fact.title": ("nama", "title"),
    "import.fact.kind": ("jenis", "kind"),
    "import.fact.grade": ("kelas", "grade"),
    "import.fact.education": ("pendidikan", "education"),
    "monthly_summary.month_format": (
        "bulan {month} tidak valid: tulis sebagai TTTT-BB, misalnya 2026-10",
        "month {month} is not valid: write it as YYYY-MM, e.g. 2026-10",
    ),
    "monthly_summary.month_not_closed": (
        "bulan {month} belum berakhir: ringkasan hanya diterbitkan untuk bulan yang sudah "
        "ditutup (paling akhir {last_closed})",
        "month {month} has not ended: a summary is published only for a closed month "
        "(the latest is {last_closed})",
    ),
    "monthly_summary.correction_needs_reason": (
        "angka ringkasan {month} berbeda dari yang sudah diterbitkan: koreksi memerlukan alasannya",
        "the figures of {month} differ from those published: a correction needs its reason",
    ),
    "monthly_summary.figures_changed": (
        "angka ringkasan {month} berubah sejak ditampilkan: periksa angka yang baru lalu "
        "terbitkan lagi",
        "the figures of {month} changed since they were shown: check the new figures, then "
        "publish again",
    ),
    "monthly_summary.agency_not_known": (
        "instansi {agency} tidak dikenal",
        "agency {agency} is not known",
    ),
    "monthly_summary.not_published": (
        "ringkasan bulan {month} instansi {agency} belum diterbitkan",
        "the summary of {month} of agency {agency} has not been published",
    ),
}
CATALOGUE: Mapping[str, tuple[str, str]] = MappingProxyType(_ENTRIES)
