"""The texts of the public page that verifies a decree letter, and of the page shown when the
store cannot be reached."""

INDONESIAN = {
    "verification_title": "Verifikasi Surat Keputusan Mutasi",
    "verification_status": "Status",
    "verification_status_VALID": "Berlaku",
    "verification_status_SUPERSEDED": ("Diralat: digantikan oleh surat keputusan yang lebih baru"),
    "verification_status_REVOKED": "Dicabut",
    "verification_in_force": "Surat keputusan yang berlaku",
    "verification_number": "Nomor",
    "verification_issuer": "Pejabat yang menetapkan",
    "verification_signed_on": "Tanggal ditetapkan",
    "verification_effective_on": "Terhitung mulai tanggal (TMT)",
    "verification_signatory": "Penandatangan",
    "verification_employee": "Nama pegawai (disamarkan)",
    "verification_nip": "NIP (disamarkan)",
    "verification_sha256": "SHA-256 berkas asli",
    "verification_recorded": "dicatat saat surat keputusan ditetapkan",
    "verification_not_recorded": (
        "surat keputusan ini ditetapkan sebelum SHA-256 surat dicatat; dihitung dari surat "
        "yang dibuat ulang dari catatannya"
    ),
    "verification_check_heading": "Hasil pemeriksaan berkas",
    "verification_genuine": "ASLI: berkas yang diunggah sama dengan surat keputusan ini.",
    "verification_not_genuine": (
        "TIDAK ASLI: berkas yang diunggah berbeda dari surat keputusan ini (SHA-256 {sha256})."
    ),
    "verification_genuine_superseded": (
        "Berkas ini asli, tetapi surat keputusan ini sudah diralat: gunakan surat yang berlaku."
    ),
    "verification_upload_heading": "Periksa keaslian berkas PDF",
    "verification_file": "Berkas PDF surat keputusan",
    "verification_check": "Periksa",
    "verification_not_found": (
        "Surat keputusan tidak ditemukan. Periksa kembali alamat verifikasi pada surat."
    ),
    "verification_too_many": (
        "Terlalu banyak permintaan verifikasi dari alamat Anda. Coba lagi dalam satu menit."
    ),
    "verification_bad_file": "Unggah berkas PDF surat keputusan (paling besar 10 MB).",
    "unavailable_title": "Layanan sedang tidak tersedia",
    "unavailable_text": (
        "Basis data asn-graph sedang tidak dapat dihubungi, jadi halaman ini tidak dapat "
        "dimuat. Tidak ada yang berubah. Tunggu sebentar, lalu muat ulang halaman ini."
    ),
    "unavailable_retry": "Muat ulang",
}

ENGLISH = {
    "verification_title": "Verification of a Transfer Decree",
    "verification_status": "Status",
    "verification_status_VALID": "In force",
    "verification_status_SUPERSEDED": "Corrected: superseded by a later decree letter",
    "verification_status_REVOKED": "Revoked",
    "verification_in_force": "The decree letter in force",
    "verification_number": "Number",
    "verification_issuer": "Issued by",
    "verification_signed_on": "Signed on",
    "verification_effective_on": "Effective from (TMT)",
    "verification_signatory": "Signatory",
    "verification_employee": "Employee's name (masked)",
    "verification_nip": "NIP (masked)",
    "verification_sha256": "SHA-256 of the genuine file",
    "verification_recorded": "recorded when the decree was issued",
    "verification_not_recorded": (
        "this decree was issued before letters' SHA-256 were recorded; computed from the "
        "letter made again from its record"
    ),
    "verification_check_heading": "Result of the file check",
    "verification_genuine": "GENUINE: the uploaded file is this decree letter.",
    "verification_not_genuine": (
        "NOT GENUINE: the uploaded file differs from this decree letter (SHA-256 {sha256})."
    ),
    "verification_genuine_superseded": (
        "The file is genuine, but this decree has been corrected: use the letter in force."
    ),
    "verification_upload_heading": "Check a PDF file",
    "verification_file": "The decree letter's PDF file",
    "verification_check": "Check",
    "verification_not_found": (
        "No decree letter was found. Check the verification address printed on the letter."
    ),
    "verification_too_many": (
        "Too many verification requests from your address. Try again in a minute."
    ),
    "verification_bad_file": "Upload the decree letter's PDF file (10 MB at most).",
    "unavailable_title": "Service unavailable",
    "unavailable_text": (
        "asn-graph's database cannot be reached at the moment, so this page cannot be shown. "
        "Nothing was changed. Wait a little, then reload this page."
    ),
    "unavailable_retry": "Reload",
}
