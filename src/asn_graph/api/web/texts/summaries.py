"""The texts of the monthly summaries page (ringkasan bulanan)."""

from __future__ import annotations

INDONESIAN = {
    "summaries_title": "Ringkasan bulanan",
    "summaries_nav": "Ringkasan bulanan",
    "summaries_intro": (
        "Ringkasan bulanan instansi hanya berisi angka, tanpa NIP, nama, atau rincian per "
        "unit. Setelah diterbitkan, ringkasan dapat dibaca siapa saja di alamat publik "
        "instansi; angkanya tidak berubah kecuali dikoreksi dengan alasan."
    ),
    "summaries_public": "Alamat publik",
    "summaries_preview_heading": "Terbitkan ringkasan {month}",
    "summaries_preview_intro": (
        "Angka berikut akan diterbitkan. Kepegawaian dan usulan terlambat dihitung per saat "
        "yang tertera; yang lain menghitung kejadian selama bulan itu."
    ),
    "summaries_preview_published": (
        "Ringkasan {month} sudah diterbitkan (versi {version}). Menerbitkan lagi dengan angka "
        "kejadian bulan itu yang sama tidak mencatat apa pun (angka kepegawaian dan usulan "
        "terlambat yang diterbitkan tetap); angka kejadian yang berbeda dicatat sebagai "
        "koreksi, bersama angka kepegawaian saat ini, dan memerlukan alasan."
    ),
    "summaries_as_of": "Kepegawaian dan usulan terlambat per {moment}.",
    "summaries_reason": "Alasan koreksi",
    "summaries_reason_hint": (
        "Wajib bila angka kejadian bulan itu berbeda dari yang sudah diterbitkan."
    ),
    "summaries_publish": "Terbitkan ringkasan",
    "summaries_published_heading": "Ringkasan yang telah diterbitkan",
    "summaries_none": "Belum ada ringkasan yang diterbitkan.",
    "summaries_month": "Bulan {month}",
    "summaries_version": "Versi",
    "summaries_published_at": "Diterbitkan",
    "summaries_correction_reason": "Alasan",
    "summaries_figure": "Angka",
    "summaries_value": "Nilai",
    "summaries_done": "Ringkasan {month} diterbitkan (versi {version}).",
    "summaries_unchanged": (
        "Angka kejadian {month} sama dengan yang sudah diterbitkan: tidak ada yang dicatat."
    ),
    "figure_employeesPlaced": "Pegawai yang ditempatkan",
    "figure_staffNeeded": "Kebutuhan pegawai (ABK)",
    "figure_staffPresent": "Pegawai yang ada (bezetting)",
    "figure_shortage": "Kekurangan pegawai",
    "figure_surplus": "Kelebihan pegawai",
    "figure_unitsShort": "Unit kerja yang kekurangan pegawai",
    "figure_casesOverdue": "Usulan melewati batas waktu",
    "figure_casesOpened": "Usulan mutasi dibuka",
    "figure_decreesIssued": "SK diterbitkan",
    "figure_movesIn": "Mutasi masuk (TMT)",
    "figure_movesOut": "Mutasi keluar (TMT)",
    "figure_movesWithin": "Mutasi dalam instansi (TMT)",
    "figure_casesRejected": "Usulan ditolak",
    "figure_casesWithdrawn": "Usulan ditarik",
    "figure_casesCancelled": "Usulan dibatalkan",
    "figure_casesExpired": "Usulan kedaluwarsa",
    "figure_averageDaysToDecree": "Rata-rata hari dari usulan dibuka sampai SK",
    "figure_opened_as": "Usulan dibuka: {kind}",
}

ENGLISH = {
    "summaries_title": "Monthly summaries",
    "summaries_nav": "Monthly summaries",
    "summaries_intro": (
        "An agency's monthly summary holds numbers only: no NIP, no name, nothing per unit. "
        "Once published, anyone may read it at the agency's public address; its figures do "
        "not change unless corrected with a reason."
    ),
    "summaries_public": "Public address",
    "summaries_preview_heading": "Publish the summary of {month}",
    "summaries_preview_intro": (
        "These figures would be published. Staffing and overdue cases are counted as of the "
        "moment shown; the others count what happened in the month."
    ),
    "summaries_preview_published": (
        "The summary of {month} is published (version {version}). Publishing it again with "
        "the same counts of the month's activity records nothing (the staffing and overdue "
        "figures published stay); other counts are recorded as a correction, with the "
        "staffing figures of now, and need a reason."
    ),
    "summaries_as_of": "Staffing and overdue cases as of {moment}.",
    "summaries_reason": "Reason for the correction",
    "summaries_reason_hint": (
        "Required when the counts of the month's activity differ from those published."
    ),
    "summaries_publish": "Publish the summary",
    "summaries_published_heading": "Published summaries",
    "summaries_none": "No summary has been published yet.",
    "summaries_month": "Month {month}",
    "summaries_version": "Version",
    "summaries_published_at": "Published",
    "summaries_correction_reason": "Reason",
    "summaries_figure": "Figure",
    "summaries_value": "Value",
    "summaries_done": "The summary of {month} is published (version {version}).",
    "summaries_unchanged": (
        "The activity counts of {month} are those published: nothing was recorded."
    ),
    "figure_employeesPlaced": "Employees placed",
    "figure_staffNeeded": "Staff needed (ABK)",
    "figure_staffPresent": "Staff present",
    "figure_shortage": "Staff short",
    "figure_surplus": "Staff beyond need",
    "figure_unitsShort": "Work units short of staff",
    "figure_casesOverdue": "Cases overdue",
    "figure_casesOpened": "Transfer cases opened",
    "figure_decreesIssued": "Decrees issued",
    "figure_movesIn": "Moves in (TMT)",
    "figure_movesOut": "Moves out (TMT)",
    "figure_movesWithin": "Moves within the agency (TMT)",
    "figure_casesRejected": "Cases rejected",
    "figure_casesWithdrawn": "Cases withdrawn",
    "figure_casesCancelled": "Cases cancelled",
    "figure_casesExpired": "Cases expired",
    "figure_averageDaysToDecree": "Average days from opening to decree",
    "figure_opened_as": "Cases opened: {kind}",
}
