"""The texts of the officer's dashboard, the candidates page and the lists' downloads."""

INDONESIAN = {
    "dashboard_nav": "Dasbor",
    "dashboard_title": "Dasbor kepegawaian",
    "dashboard_intro": (
        "Keseimbangan pegawai instansi {agency}: kebutuhan menurut analisis beban kerja (ABK) "
        "dibandingkan dengan pegawai yang ada, setelah mutasi yang sedang berjalan."
    ),
    "dashboard_agency_choice": "Kode instansi",
    "dashboard_agency_hint": "Misalnya 1272. Anda membaca instansi dalam cakupan Anda.",
    "dashboard_show": "Tampilkan",
    "dashboard_chart_heading": "Kekurangan dan kelebihan per unit kerja",
    "dashboard_report_link": "Neraca pegawai sebagai laporan (PDF, Excel, CSV)",
    "dashboard_chart_summary": (
        "Diagram batang {units} unit kerja teratas. Kekurangan ke kanan, kelebihan ke kiri. "
        "Kekurangan terbesar: {deficit_unit} ({deficit}). Kelebihan terbesar: "
        "{surplus_unit} ({surplus}). Angkanya ada di tabel sesudah diagram."
    ),
    "dashboard_chart_table": "Angka diagram: kekurangan dan kelebihan per unit kerja teratas",
    "dashboard_none": "tidak ada",
    "dashboard_tree_heading": "Pohon unit kerja",
    "dashboard_tree_intro": (
        "Setiap unit dengan jumlah seluruh jabatan di unit itu dan unit di bawahnya."
    ),
    "dashboard_tree_line": (
        "kebutuhan {needed}, ada {present}, kekurangan {deficit}, kelebihan {surplus}, "
        "selisih {gap}"
    ),
    "dashboard_largest_deficits": "Kekurangan pegawai terbesar",
    "dashboard_largest_surpluses": "Kelebihan pegawai terbesar",
    "dashboard_no_deficits": "Tidak ada jabatan yang kekurangan pegawai.",
    "dashboard_no_surpluses": "Tidak ada jabatan yang kelebihan pegawai.",
    "dashboard_see_all": "Lihat semua",
    "dashboard_units_title": "Keseimbangan pegawai per unit kerja",
    "dashboard_deficits_title": "Kekurangan pegawai per jabatan",
    "dashboard_surpluses_title": "Kelebihan pegawai per jabatan",
    "dashboard_back": "Kembali ke dasbor",
    "dashboard_unit_code": "Kode unit",
    "dashboard_unit_name": "Unit kerja",
    "dashboard_parent_code": "Unit induk",
    "dashboard_positions": "Jumlah jabatan",
    "dashboard_position_code": "Kode jabatan",
    "dashboard_position_title": "Jabatan",
    "dashboard_needed": "Kebutuhan",
    "dashboard_present": "Ada",
    "dashboard_incoming": "Akan masuk",
    "dashboard_outgoing": "Akan keluar",
    "dashboard_deficit": "Kekurangan",
    "dashboard_surplus": "Kelebihan",
    "dashboard_gap": "Selisih",
    "dashboard_candidates_link": "Kandidat",
    "dashboard_refused": "Data tidak dapat dimuat",
    "candidates_nav": "Kandidat",
    "candidates_title": "Kandidat untuk jabatan",
    "candidates_intro": (
        "Pilih unit kerja lalu jabatannya untuk melihat pegawai yang memenuhi syarat, "
        "diurutkan menurut skor kecocokan. Tidak ada yang dicatat dan tidak ada pegawai yang "
        "ditahan."
    ),
    "candidates_unit": "Unit kerja",
    "candidates_position": "Jabatan",
    "candidates_choose_unit": "Pilih unit kerja",
    "candidates_choose_position": "Pilih jabatan",
    "candidates_unit_first": "Pilih unit kerja dahulu, lalu tekan Tampilkan.",
    "candidates_show": "Tampilkan",
    "candidates_unknown_unit": "Unit kerja ini tidak ada di instansi {agency}.",
    "candidates_unknown_position": "Jabatan ini tidak ada di unit kerja yang dipilih.",
    "candidates_opening": "Lowongan",
    "candidates_vacancies": "Formasi kosong",
    "candidates_found": "{count} pegawai memenuhi syarat.",
    "candidates_none": "Tidak ada pegawai yang memenuhi syarat untuk jabatan ini.",
    "candidates_list": "Kandidat, skor tertinggi dahulu",
    "candidates_explained": (
        "Skor adalah jumlah poin setiap unsur; poin = bobot unsur kali nilai pegawai (0 sampai "
        "1). Bobot: {weights}."
    ),
    "candidates_order": "No.",
    "candidates_nip": "NIP",
    "candidates_name": "Nama",
    "candidates_grade": "Golongan",
    "candidates_placement": "Penempatan sekarang",
    "candidates_score": "Skor",
    "candidates_competencies": "Kompetensi (dimiliki/diminta)",
    "candidates_next": "Halaman berikutnya",
    "candidates_first": "Halaman pertama",
    "candidates_pages": "Halaman kandidat",
    "download_heading": "Unduh daftar ini",
    "download_csv": "CSV",
    "download_xlsx": "Excel (XLSX)",
    "download_all_rows": "Berkas berisi semua baris, bukan hanya yang tampil.",
}

ENGLISH = {
    "dashboard_nav": "Dashboard",
    "dashboard_title": "Staffing dashboard",
    "dashboard_intro": (
        "Staffing balance of agency {agency}: the staff needed by the workload analysis (ABK) "
        "against the staff present, after the transfers in flight."
    ),
    "dashboard_agency_choice": "Agency code",
    "dashboard_agency_hint": "For example 1272. You read the agencies in your scope.",
    "dashboard_show": "Show",
    "dashboard_chart_heading": "Shortage and surplus per work unit",
    "dashboard_report_link": "The staffing balance as a report (PDF, Excel, CSV)",
    "dashboard_chart_summary": (
        "Bar chart of {units} top-level work units. Shortages to the right, surpluses to the "
        "left. Largest shortage: {deficit_unit} ({deficit}). Largest surplus: {surplus_unit} "
        "({surplus}). The figures are in the table after the chart."
    ),
    "dashboard_chart_table": "The chart's figures: shortage and surplus per top-level unit",
    "dashboard_none": "none",
    "dashboard_tree_heading": "Work unit tree",
    "dashboard_tree_intro": "Each unit with the sum of every position in it and the units below.",
    "dashboard_tree_line": (
        "needed {needed}, present {present}, shortage {deficit}, surplus {surplus}, gap {gap}"
    ),
    "dashboard_largest_deficits": "Largest staff shortages",
    "dashboard_largest_surpluses": "Largest staff surpluses",
    "dashboard_no_deficits": "No position is short of staff.",
    "dashboard_no_surpluses": "No position has staff beyond its need.",
    "dashboard_see_all": "See all",
    "dashboard_units_title": "Staffing balance per work unit",
    "dashboard_deficits_title": "Staff shortages per position",
    "dashboard_surpluses_title": "Staff surpluses per position",
    "dashboard_back": "Back to the dashboard",
    "dashboard_unit_code": "Unit code",
    "dashboard_unit_name": "Work unit",
    "dashboard_parent_code": "Parent unit",
    "dashboard_positions": "Positions",
    "dashboard_position_code": "Position code",
    "dashboard_position_title": "Position",
    "dashboard_needed": "Needed",
    "dashboard_present": "Present",
    "dashboard_incoming": "Incoming",
    "dashboard_outgoing": "Outgoing",
    "dashboard_deficit": "Shortage",
    "dashboard_surplus": "Surplus",
    "dashboard_gap": "Gap",
    "dashboard_candidates_link": "Candidates",
    "dashboard_refused": "The data could not be loaded",
    "candidates_nav": "Candidates",
    "candidates_title": "Candidates for a position",
    "candidates_intro": (
        "Choose a work unit and then its position to see the eligible employees, ranked by "
        "their match score. Nothing is recorded and nobody is held."
    ),
    "candidates_unit": "Work unit",
    "candidates_position": "Position",
    "candidates_choose_unit": "Choose a work unit",
    "candidates_choose_position": "Choose a position",
    "candidates_unit_first": "Choose the work unit first, then press Show.",
    "candidates_show": "Show",
    "candidates_unknown_unit": "Agency {agency} has no such work unit.",
    "candidates_unknown_position": "The chosen work unit has no such position.",
    "candidates_opening": "Opening",
    "candidates_vacancies": "Vacancies",
    "candidates_found": "{count} employees are eligible.",
    "candidates_none": "No employee is eligible for this position.",
    "candidates_list": "Candidates, highest score first",
    "candidates_explained": (
        "The score is the sum of each part's points; points = the part's weight x the "
        "employee's value (0 to 1). Weights: {weights}."
    ),
    "candidates_order": "No.",
    "candidates_nip": "NIP",
    "candidates_name": "Name",
    "candidates_grade": "Grade",
    "candidates_placement": "Current placement",
    "candidates_score": "Score",
    "candidates_competencies": "Competencies (held/asked)",
    "candidates_next": "Next page",
    "candidates_first": "First page",
    "candidates_pages": "Candidate pages",
    "download_heading": "Download this list",
    "download_csv": "CSV",
    "download_xlsx": "Excel (XLSX)",
    "download_all_rows": "The file holds every row, not only those shown.",
}
