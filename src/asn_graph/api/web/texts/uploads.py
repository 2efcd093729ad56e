"""The texts of a document's file uploaded from a form (the employee's and the officer's)."""

INDONESIAN = {
    "upload_file": "Berkas (PDF, JPEG atau PNG)",
    "upload_hint": "Paling besar {megabytes} MB.",
    "upload_missing": "Pilih berkas yang akan diunggah.",
    "upload_too_large": "Berkas terlalu besar: paling besar {megabytes} MB.",
    "upload_kind": "Berkas harus berupa PDF, JPEG atau PNG.",
    "upload_empty": "Berkas kosong.",
}

ENGLISH = {
    "upload_file": "File (PDF, JPEG or PNG)",
    "upload_hint": "At most {megabytes} MB.",
    "upload_missing": "Choose a file to upload.",
    "upload_too_large": "The file is too large: at most {megabytes} MB.",
    "upload_kind": "The file must be a PDF, JPEG or PNG.",
    "upload_empty": "The file is empty.",
}
