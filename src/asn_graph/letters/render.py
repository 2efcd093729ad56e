"""The decree letter as a PDF (A4, Indonesian), rendered with fpdf2 and its QR code with segno.
The bytes depend only on the letter's facts, its verification address and the versions of
fpdf2 and segno (pinned in pyproject.toml for that reason): the document's dates are the
decree's, fpdf2 derives the file identifier from the content, and the QR code is drawn as
vector squares rather than an image."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import segno
from fpdf import FPDF

from asn_graph.domain.office_terms import HolderCapacity
from asn_graph.letters.facts import LetterFacts, Post

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

LEGAL_BASIS = (
    "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
    "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil "
    "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020;",
    "Peraturan Badan Kepegawaian Negara Nomor 5 Tahun 2019 tentang Tata Cara Pelaksanaan Mutasi;",
)

CAPACITY_PREFIX: dict[HolderCapacity | None, str] = {
    HolderCapacity.PLT: "Plt. ",
    HolderCapacity.PLH: "Plh. ",
}
"""As Indonesian practice writes an acting signatory: before the office's name."""


def indonesian_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _latin1(text: str) -> str:
    # The PDF core fonts cover Latin-1, enough for Indonesian; anything beyond shows as "?".
    return text.encode("latin-1", "replace").decode("latin-1")


def render_letter(facts: LetterFacts, verification_url: str) -> bytes:
    decree = facts.decree
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime.combine(decree.signed_on, time(), UTC))
    pdf.set_producer("asn-graph")
    pdf.set_title(_latin1(f"Keputusan {decree.number}"))
    pdf.set_lang("id")
    pdf.set_margins(25, 20, 20)
    pdf.add_page()
    width = pdf.epw

    def line(text: str, size: int = 11, style: str = "", align: str = "L", gap: float = 6) -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(width, gap, _latin1(text), align=align, new_x="LMARGIN", new_y="NEXT")

    line(facts.new_post.agency.upper(), 14, "B", "C", 7)
    line(decree.issuer.upper(), 11, "", "C")
    pdf.line(pdf.l_margin, pdf.get_y() + 2, pdf.l_margin + width, pdf.get_y() + 2)
    pdf.ln(6)
    line(f"KEPUTUSAN {decree.issuer.upper()}", 12, "B", "C")
    line(f"NOMOR {decree.number}", 11, "B", "C")
    if facts.corrected:
        line("(RALAT)", 11, "B", "C")
    line("TENTANG MUTASI PEGAWAI NEGERI SIPIL", 11, "B", "C")
    pdf.ln(4)
    line("Menimbang:", style="B")
    line(
        f"bahwa untuk kepentingan organisasi dan pengembangan karier, Saudara "
        f"{facts.employee_name} perlu dimutasikan dari {facts.old_post.position} pada "
        f"{facts.old_post.unit}, {facts.old_post.agency} ke {facts.new_post.position} pada "
        f"{facts.new_post.unit}, {facts.new_post.agency}, dan bahwa usul mutasi tersebut telah "
        "memenuhi persyaratan sesuai ketentuan peraturan perundang-undangan;"
    )
    line("Mengingat:", style="B")
    for number, basis in enumerate(LEGAL_BASIS, start=1):
        line(f"{number}. {basis}")
    pdf.ln(2)
    line("MEMUTUSKAN:", 11, "B", "C")
    line("Menetapkan:", style="B")
    line("KESATU: Memindahkan Pegawai Negeri Sipil:")
    for label, value in (
        ("Nama", facts.employee_name),
        ("NIP", facts.nip),
        ("Pangkat/golongan ruang", facts.rank),
        ("Jabatan lama", _post_text(facts.old_post)),
        ("Jabatan baru", _post_text(facts.new_post)),
    ):
        pdf.set_font("Helvetica", "", 11)
        pdf.cell(55, 6, _latin1(label))
        pdf.multi_cell(width - 55, 6, _latin1(f": {value}"), new_x="LMARGIN", new_y="NEXT")
    line(
        "KEDUA: Keputusan ini mulai berlaku pada tanggal (TMT) "
        f"{indonesian_date(decree.effective_on)}."
    )
    line(
        "KETIGA: Apabila di kemudian hari terdapat kekeliruan dalam keputusan ini, akan "
        "diadakan perbaikan sebagaimana mestinya."
    )
    pdf.ln(4)
    signature_x = pdf.l_margin + width / 2
    top = pdf.get_y()
    pdf.set_x(signature_x)
    signer = [
        f"Ditetapkan di {facts.new_post.agency}",
        f"pada tanggal {indonesian_date(decree.signed_on)}",
        f"{CAPACITY_PREFIX.get(decree.signatory_capacity, '')}{decree.issuer}",
        "",
        "",
        decree.signatory,
    ]
    if decree.signatory_nip:
        signer.append(f"NIP {decree.signatory_nip}")
    for text in signer:
        pdf.set_x(signature_x)
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(width / 2, 6, _latin1(text), new_x="LMARGIN", new_y="NEXT")
    _draw_qr(pdf, verification_url, pdf.l_margin, top, 35)
    pdf.set_y(max(pdf.get_y(), top + 38) + 4)
    pdf.set_font("Helvetica", "", 8)
    pdf.multi_cell(
        width,
        4,
        _latin1(f"Keaslian surat keputusan ini dapat diperiksa di {verification_url}"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())


def _draw_qr(pdf: FPDF, text: str, x: float, y: float, size: float) -> None:
    """Drawn as vector squares: no image encoder between the matrix and the bytes."""
    matrix = segno.make(text, error="m").matrix
    border = 2
    module = size / (len(matrix) + 2 * border)
    pdf.set_fill_color(0, 0, 0)
    for row, cells in enumerate(matrix):
        for column, dark in enumerate(cells):
            if dark:
                left = x + (column + border) * module
                pdf.rect(left, y + (row + border) * module, module, module, style="F")


def _post_text(post: Post) -> str:
    return f"{post.position}, {post.unit}, {post.agency}"
