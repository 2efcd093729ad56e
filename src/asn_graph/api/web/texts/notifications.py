"""The texts of the employee's notifications inbox."""

from __future__ import annotations

INDONESIAN = {
    "notifications_title": "Notifikasi",
    "notifications_unread_badge": "{count} baru",
    "notifications_intro": (
        "Kabar tentang usulan mutasi Anda: perubahan tahap, usulan atau konsultasi yang "
        "menunggu jawaban Anda, SK yang terbit, dan evaluasi yang jatuh tempo."
    ),
    "notifications_unread_summary": "{unread} belum dibaca dari {total} notifikasi.",
    "notifications_none": "Belum ada notifikasi.",
    "notifications_unread": "Belum dibaca",
    "notifications_read": "Sudah dibaca",
    "notifications_mark_read": "Tandai dibaca",
    "notifications_mark_all_read": "Tandai semua dibaca",
    "notifications_case_now": "Usulan mutasi Anda kini berstatus",
    "notifications_step_decided": "Langkah yang diputuskan",
    "notifications_decree_number": "Nomor SK",
    "notifications_plan": "Rencana mutasi",
    "notifications_answer_by": "Jawab paling lambat",
    "notifications_due_on": "Jatuh tempo",
    "notifications_open_case": "Buka usulan mutasi",
    "notifications_next_page": "Notifikasi sebelumnya",
    "notifications_first_page": "Kembali ke notifikasi terbaru",
    "notifications_shown_on": "Tanggal",
    "notifications_refused": "Notifikasi tidak dapat ditandai",
    "notifications_kind": "Pemberitahuan",
    "notifications_status": "Status",
    "notifications_case": "Kasus",
}

ENGLISH = {
    "notifications_title": "Notifications",
    "notifications_unread_badge": "{count} new",
    "notifications_intro": (
        "News of your transfer cases: stage changes, proposals or consultations awaiting "
        "your answer, decrees issued, and evaluations due."
    ),
    "notifications_unread_summary": "{unread} unread of {total} notifications.",
    "notifications_none": "No notifications yet.",
    "notifications_unread": "Unread",
    "notifications_read": "Read",
    "notifications_mark_read": "Mark read",
    "notifications_mark_all_read": "Mark all read",
    "notifications_case_now": "Your transfer case is now",
    "notifications_step_decided": "Step decided",
    "notifications_decree_number": "Decree number",
    "notifications_plan": "Transfer plan",
    "notifications_answer_by": "Answer by",
    "notifications_due_on": "Due on",
    "notifications_open_case": "Open the transfer case",
    "notifications_next_page": "Older notifications",
    "notifications_first_page": "Back to the newest notifications",
    "notifications_shown_on": "Date",
    "notifications_refused": "The notifications could not be marked",
    "notifications_kind": "Notification",
    "notifications_status": "Status",
    "notifications_case": "Case",
}
