"""The texts of the officer's import pages: choosing and uploading a file, the check's preview,
the progress and the summary of an import."""

from __future__ import annotations

INDONESIAN = {
    "imports_title": "Impor data",
    "imports_intro": (
        "Masukkan data instansi dari berkas CSV atau XLSX: ekspor SIASN atau templat asn-graph. "
        "Berkas diperiksa lebih dahulu tanpa mencatat apa pun; Anda melihat apa yang akan "
        "dicatat dan baris yang ditolak, lalu mengonfirmasi impor. Setiap fakta dicatat atas "
        "nama Anda, dengan nama berkas dan SHA-256-nya sebagai alasan."
    ),
    "imports_order": (
        "Urutan impor: unit kerja, peta jabatan, beban kerja, pegawai, lalu predikat kinerja."
    ),
    "imports_kind": "Jenis data",
    "imports_kind_units": "Unit kerja (unor)",
    "imports_kind_positions": "Peta jabatan",
    "imports_kind_workload": "Beban kerja (ABK)",
    "imports_kind_employees": "Pegawai (ekspor SIASN atau templat)",
    "imports_kind_ratings": "Predikat kinerja (SKP)",
    "imports_templates_heading": "Templat dan contoh",
    "imports_templates_intro": (
        "Templat berisi kolom yang dibaca asn-graph; contoh berisi kolom yang sama dengan "
        "beberapa baris isian. Pegawai juga dapat diimpor langsung dari ekspor SIASN."
    ),
    "imports_template": "Templat",
    "imports_sample": "Contoh",
    "imports_file": "Berkas CSV atau XLSX",
    "imports_file_hint": (
        "Paling besar {megabytes} MB. CSV dipisahkan koma, titik koma, atau tab, dalam UTF-8; "
        "XLSX dibaca dari lembar pertama. Judul kolom boleh huruf besar atau kecil."
    ),
    "imports_check": "Periksa berkas",
    "imports_form_has_errors": "Berkas belum dapat diperiksa. Perbaiki isian yang ditandai.",
    "imports_latest_job": "Pekerjaan impor terakhir",
    "imports_open_job": "Lihat pekerjaan impor",
    "imports_error_kind": "Pilih jenis data yang diimpor.",
    "imports_error_file_missing": "Pilih berkas yang diimpor.",
    "imports_error_file_too_large": "Berkas terlalu besar: paling besar {megabytes} MB.",
    "imports_error_file_kind": (
        "Hanya berkas CSV (teks UTF-8) atau XLSX yang dapat diimpor. Simpan lembar kerja "
        "sebagai CSV UTF-8 atau buku kerja Excel (.xlsx)."
    ),
    "imports_error_file_empty": "Berkas kosong.",
    "imports_error_running": (
        "Pekerjaan impor lain instansi ini sedang berjalan. Tunggu sampai selesai."
    ),
    "imports_error_not_checked": (
        "Berkas ini tidak (lagi) menunggu konfirmasi: mungkin petugas lain telah mengunggah "
        "berkas lain. Periksa hasil di bawah ini."
    ),
    "imports_error_not_stopped": "Pekerjaan impor ini tidak terhenti; tidak perlu diulang.",
    "imports_error_outage": (
        "Basis data tidak dapat dihubungi selama impor. Baris yang sudah dicatat tetap "
        "tercatat; mulai lagi untuk melanjutkan."
    ),
    "imports_error_unreadable": (
        "Berkas tidak dapat dibaca sebagai CSV atau XLSX. Simpan ulang dari aplikasi lembar "
        "kerja lalu unggah lagi."
    ),
    "imports_error_unexpected": (
        "Impor berhenti karena kesalahan di server. Baris yang sudah dicatat tetap tercatat; "
        "mulai lagi, dan bila terulang hubungi pengelola sistem."
    ),
    "imports_job_title": "Pekerjaan impor",
    "imports_job_file": "Berkas",
    "imports_job_kind": "Jenis data",
    "imports_job_officer": "Petugas",
    "imports_job_status": "Keadaan",
    "imports_status_checking": "Sedang diperiksa (tanpa mencatat)",
    "imports_status_importing": "Sedang diimpor",
    "imports_status_checked": "Selesai diperiksa, menunggu konfirmasi",
    "imports_status_imported": "Selesai diimpor",
    "imports_status_failed": "Gagal",
    "imports_status_interrupted": "Terhenti",
    "imports_progress": "Kemajuan",
    "imports_progress_rows": "{done} dari {total} baris",
    "imports_progress_counting": "Menghitung baris berkas …",
    "imports_rate": "{rate} baris per detik",
    "imports_time_left": "Perkiraan sisa waktu: {minutes} menit {seconds} detik",
    "imports_refreshes": "Halaman ini diperbarui sendiri setiap {seconds} detik.",
    "imports_refresh_now": "Perbarui",
    "imports_interrupted": (
        "Impor ini terhenti karena server dimulai ulang (atau berhenti) saat impor berjalan, "
        "setelah {done} baris. Baris yang sudah dicatat tetap tercatat. Mulai lagi untuk "
        "menyelesaikannya: baris yang sudah diimpor tidak dicatat dua kali."
    ),
    "imports_interrupted_check": (
        "Pemeriksaan ini terhenti karena server dimulai ulang (atau berhenti). Mulai lagi "
        "untuk menyelesaikannya; pemeriksaan tidak mencatat apa pun."
    ),
    "imports_start_again": "Mulai lagi",
    "imports_missing_columns": "Kolom wajib yang tidak ada",
    "imports_upload_corrected": "Unggah berkas yang sudah diperbaiki",
    "imports_preview_heading": "Hasil pemeriksaan (belum ada yang dicatat)",
    "imports_summary_heading": "Ringkasan impor",
    "imports_rows_read": "Baris dibaca",
    "imports_rows_valid": "Baris sah",
    "imports_will_record": "Akan dicatat baru",
    "imports_recorded": "Dicatat baru",
    "imports_will_change": "Akan berubah",
    "imports_changed": "Berubah",
    "imports_unchanged": "Tidak berubah",
    "imports_rejected": "Ditolak",
    "imports_changes_heading_preview": "Yang akan dicatat, menurut jenis perubahan",
    "imports_changes_heading": "Yang dicatat, menurut jenis perubahan",
    "imports_change": "Jenis perubahan",
    "imports_count": "Jumlah",
    "imports_change_RegisterWorkUnit": "Unit kerja didaftarkan",
    "imports_change_EstablishPosition": "Jabatan ditetapkan di peta jabatan",
    "imports_change_AssessWorkload": "Analisis beban kerja dicatat",
    "imports_change_RegisterEmployee": "Pegawai didaftarkan",
    "imports_change_ChangeRank": "Perubahan golongan",
    "imports_change_RecordQualifications": "Perubahan pendidikan",
    "imports_change_CorrectPlacement": "Koreksi penempatan",
    "imports_change_RatePerformance": "Predikat kinerja dicatat",
    "imports_unknown_columns": "Kolom tidak dikenal (diabaikan)",
    "imports_none": "tidak ada",
    "imports_rejections_heading": "Baris yang ditolak",
    "imports_rejections_intro": (
        "Baris ini menunggu perbaikan; baris lain tetap dapat diimpor. Perbaiki berkas lalu "
        "impor lagi: baris yang sudah tercatat tidak dicatat dua kali."
    ),
    "imports_rejections_more": (
        "Ditampilkan {shown} dari {total} baris ditolak; semuanya ada di unduhan."
    ),
    "imports_row": "Baris",
    "imports_column": "Kolom",
    "imports_value": "Nilai",
    "imports_reason": "Alasan",
    "imports_download_report": "Unduh baris yang ditolak (CSV)",
    "imports_absent": (
        "{count} data yang tercatat tidak disebut dalam berkas ini (tidak dihapus):"
    ),
    "imports_confirm_intro": (
        "Impor mencatat {count} baris sah atas nama Anda; baris yang ditolak tidak dicatat."
    ),
    "imports_confirm": "Konfirmasi impor",
    "imports_nothing_to_record": "Tidak ada yang perlu dicatat dari berkas ini.",
    "imports_done_notice": "Impor selesai.",
    "imports_new_file": "Impor berkas lain",
}

ENGLISH = {
    "imports_title": "Import records",
    "imports_intro": (
        "Bring the agency's records in from a CSV or XLSX file: a SIASN export or asn-graph's "
        "template. The file is checked first, recording nothing; you see what would be "
        "recorded and the rejected rows, then confirm the import. Every fact is recorded in "
        "your name, with the file's name and SHA-256 as its reason."
    ),
    "imports_order": (
        "Import in this order: work units, position map, workload, employees, then ratings."
    ),
    "imports_kind": "Kind of records",
    "imports_kind_units": "Work units",
    "imports_kind_positions": "Position map",
    "imports_kind_workload": "Workload (ABK)",
    "imports_kind_employees": "Employees (SIASN export or template)",
    "imports_kind_ratings": "Performance ratings (SKP)",
    "imports_templates_heading": "Templates and samples",
    "imports_templates_intro": (
        "A template holds the columns asn-graph reads; a sample the same columns with a few "
        "example rows. Employees may also be imported straight from a SIASN export."
    ),
    "imports_template": "Template",
    "imports_sample": "Sample",
    "imports_file": "CSV or XLSX file",
    "imports_file_hint": (
        "At most {megabytes} MB. CSV separated by commas, semicolons or tabs, in UTF-8; XLSX "
        "is read from its first sheet. Column headers in upper or lower case."
    ),
    "imports_check": "Check the file",
    "imports_form_has_errors": "The file could not be checked yet. Correct the marked fields.",
    "imports_latest_job": "Latest import job",
    "imports_open_job": "Open the import job",
    "imports_error_kind": "Choose the kind of records to import.",
    "imports_error_file_missing": "Choose the file to import.",
    "imports_error_file_too_large": "The file is too large: at most {megabytes} MB.",
    "imports_error_file_kind": (
        "Only CSV (UTF-8 text) or XLSX files can be imported. Save the sheet as CSV UTF-8 or "
        "as an Excel workbook (.xlsx)."
    ),
    "imports_error_file_empty": "The file is empty.",
    "imports_error_running": "Another import job of this agency is running. Wait until it ends.",
    "imports_error_not_checked": (
        "This file is not (or no longer) awaiting confirmation: another officer may have "
        "uploaded another file. See the outcome below."
    ),
    "imports_error_not_stopped": "This import job has not stopped; there is nothing to resume.",
    "imports_error_outage": (
        "The database could not be reached during the import. Rows recorded stay recorded; "
        "start it again to go on."
    ),
    "imports_error_unreadable": (
        "The file cannot be read as CSV or XLSX. Save it again from the spreadsheet "
        "application and upload it again."
    ),
    "imports_error_unexpected": (
        "The import stopped on an error of the server. Rows recorded stay recorded; start it "
        "again, and if it happens again contact the system's operator."
    ),
    "imports_job_title": "Import job",
    "imports_job_file": "File",
    "imports_job_kind": "Kind of records",
    "imports_job_officer": "Officer",
    "imports_job_status": "Status",
    "imports_status_checking": "Being checked (recording nothing)",
    "imports_status_importing": "Being imported",
    "imports_status_checked": "Checked, awaiting confirmation",
    "imports_status_imported": "Imported",
    "imports_status_failed": "Failed",
    "imports_status_interrupted": "Interrupted",
    "imports_progress": "Progress",
    "imports_progress_rows": "{done} of {total} rows",
    "imports_progress_counting": "Counting the file's rows …",
    "imports_rate": "{rate} rows per second",
    "imports_time_left": "Time left, estimated: {minutes} min {seconds} s",
    "imports_refreshes": "This page refreshes itself every {seconds} seconds.",
    "imports_refresh_now": "Refresh now",
    "imports_interrupted": (
        "This import stopped because the server restarted (or stopped) while it ran, after "
        "{done} rows. Rows recorded stay recorded. Start it again to finish it: rows already "
        "imported are not recorded twice."
    ),
    "imports_interrupted_check": (
        "This check stopped because the server restarted (or stopped). Start it again to "
        "finish it; a check records nothing."
    ),
    "imports_start_again": "Start again",
    "imports_missing_columns": "Required columns missing",
    "imports_upload_corrected": "Upload the corrected file",
    "imports_preview_heading": "Outcome of the check (nothing recorded yet)",
    "imports_summary_heading": "Import summary",
    "imports_rows_read": "Rows read",
    "imports_rows_valid": "Valid rows",
    "imports_will_record": "To be recorded as new",
    "imports_recorded": "Recorded as new",
    "imports_will_change": "To change",
    "imports_changed": "Changed",
    "imports_unchanged": "Unchanged",
    "imports_rejected": "Rejected",
    "imports_changes_heading_preview": "What would be recorded, by kind of change",
    "imports_changes_heading": "What was recorded, by kind of change",
    "imports_change": "Kind of change",
    "imports_count": "Count",
    "imports_change_RegisterWorkUnit": "Work unit registered",
    "imports_change_EstablishPosition": "Position established in the position map",
    "imports_change_AssessWorkload": "Workload assessment recorded",
    "imports_change_RegisterEmployee": "Employee registered",
    "imports_change_ChangeRank": "Rank change",
    "imports_change_RecordQualifications": "Qualification change",
    "imports_change_CorrectPlacement": "Placement correction",
    "imports_change_RatePerformance": "Performance rating recorded",
    "imports_unknown_columns": "Unknown columns (ignored)",
    "imports_none": "none",
    "imports_rejections_heading": "Rejected rows",
    "imports_rejections_intro": (
        "These rows wait for correction; the other rows can be imported. Correct the file and "
        "import it again: rows already recorded are not recorded twice."
    ),
    "imports_rejections_more": (
        "{shown} of {total} rejected rows shown; the download has them all."
    ),
    "imports_row": "Row",
    "imports_column": "Column",
    "imports_value": "Value",
    "imports_reason": "Reason",
    "imports_download_report": "Download the rejected rows (CSV, the reasons in Indonesian)",
    "imports_absent": "{count} recorded items are not named in this file (not deleted):",
    "imports_confirm_intro": (
        "The import records {count} valid rows in your name; rejected rows are not recorded."
    ),
    "imports_confirm": "Confirm the import",
    "imports_nothing_to_record": "Nothing in this file needs recording.",
    "imports_done_notice": "The import is done.",
    "imports_new_file": "Import another file",
}
