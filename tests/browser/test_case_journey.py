"""An officer and the approving official take an employee's request through its route to
the decree on a desktop, in Chromium: the worklist, the case page's forms (one from the
keyboard alone, one slip answered beside its field), the approver's decisions, the decree
letter downloaded, and the public verification page confirming it."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from playwright.sync_api import Page, expect

from asn_graph.domain.case_state import CaseState
from tests.browser.conftest import Site, assert_accessible
from tests.conftest import event_count
from tests.web.casework_world import APPROVER_PASSWORD
from tests.web.casework_world import submitted_case as submitted_case
from tests.web.conftest import BOTH_STORES, EMPLOYEE, OFFICER_PASSWORD

DECREE_NUMBER = "821.2/17/BKPSDM/2026"
SIGNATORY = "Wali Kota Surabaya"


def sign_in(page: Page, site: Site, username: str, password: str) -> None:
    page.goto(site.url + "/masuk")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    # Each person's home: the home page, or an employee's own page.
    expect(page.locator(".signin-state")).to_contain_text(username)


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_text("Belum masuk")).to_be_visible()


@BOTH_STORES
def test_an_officer_and_the_approver_take_a_request_to_its_decree_and_the_letter_verifies(
    desktop: Page, site: Site, submitted_case: UUID, tmp_path: Path
) -> None:
    service = site.service
    case_page = f"{site.url}/kasus/{submitted_case}"

    # The officer finds the request on the worklist and verifies its documents, from the
    # keyboard alone.
    sign_in(desktop, site, "budi", OFFICER_PASSWORD)
    desktop.get_by_role("navigation", name="Navigasi utama").get_by_role(
        "link", name="Antrean kerja"
    ).click()
    expect(desktop.get_by_role("heading", name="Antrean kerja")).to_be_visible()
    row = desktop.get_by_role("row").filter(has_text=EMPLOYEE.name)
    expect(row).to_contain_text("Diajukan")
    expect(row).to_contain_text("Petugas BKPSDM")
    assert_accessible(desktop, "officer-worklist")
    row.get_by_role("link", name=EMPLOYEE.name).click()
    expect(desktop).to_have_url(case_page)
    expect(desktop.get_by_role("heading", name="Tindakan berikutnya")).to_be_visible()
    expect(desktop.get_by_role("link", name="Unduh berkas Surat permohonan")).to_have_attribute(
        "href", "/berkas/" + "ab" * 32 + "?kasus=" + case_page.rsplit("/", 1)[1]
    )
    assert_accessible(desktop, "officer-case-page")
    verify = desktop.locator("#form-verify_documents").get_by_role("button")
    verify.focus()
    desktop.keyboard.press("Enter")
    expect(desktop.get_by_role("status")).to_have_text("Tercatat: Verifikasi berkas.")
    expect(desktop.locator("dl.facts").first).to_contain_text("Dalam persetujuan")
    assert service.app.cases.get(submitted_case).state is CaseState.IN_APPROVAL
    sign_out(desktop)

    # The approver finds it among the decisions awaiting them and records the review board.
    sign_in(desktop, site, "ani", APPROVER_PASSWORD)
    desktop.get_by_role("link", name="Keputusan menunggu").click()
    decision = desktop.get_by_role("article").filter(has_text=EMPLOYEE.name)
    expect(decision).to_contain_text("Temuan pemeriksaan aturan")
    assert_accessible(desktop, "approver-decisions")
    decision.get_by_role("link", name="Catat pertimbangan Baperjakat/TPK").click()
    board = desktop.locator("#form-record_review_board_decision")
    board.get_by_label("Keputusan", exact=True).select_option("yes")
    board.get_by_label("Tanggal keputusan").fill("2026-11-20")
    board.get_by_label("Nomor surat atau berita acara").fill("BA/7/BAPERJAKAT/2026")
    board.get_by_role("button").click()
    expect(desktop.get_by_role("status")).to_have_text(
        "Tercatat: Catat pertimbangan Baperjakat/TPK."
    )
    expect(desktop.locator("dl.facts").first).to_contain_text("Menunggu SK")

    # The decree: left without its signatory, it is asked for beside the field and nothing
    # is recorded; then signed.
    decree = desktop.locator("#form-issue_decree")
    decree.get_by_label("Nomor SK").fill(DECREE_NUMBER)
    decree.get_by_label("Instansi penerbit").fill("Pemerintah Kota Surabaya")
    decree.get_by_label("Tanggal SK").fill("2026-11-23")
    decree.get_by_label("TMT (terhitung mulai tanggal)").fill("2026-12-01")
    events = event_count(service)
    # The browser's own check of a required field would stop the form: a person whose
    # browser lets it through is answered by the server.
    decree.evaluate("form => form.noValidate = true")
    decree.get_by_role("button").click()
    decree = desktop.locator("#form-issue_decree")
    signatory = decree.get_by_label("Pejabat penandatangan", exact=True)
    expect(signatory).to_have_attribute("aria-invalid", "true")
    expect(desktop.locator("#issue_decree-signatory-error")).to_have_text("Wajib diisi.")
    expect(decree.get_by_label("Nomor SK")).to_have_value(DECREE_NUMBER)
    assert event_count(service) == events
    assert_accessible(desktop)
    signatory.fill(SIGNATORY)
    decree.get_by_role("button").click()
    expect(desktop.get_by_role("status")).to_have_text("Tercatat: Tetapkan dan tandatangani SK.")
    expect(desktop.locator("dl.facts").first).to_contain_text("SK terbit")
    recorded = service.app.cases.get(submitted_case)
    assert recorded.state is CaseState.DECREE_ISSUED
    assert recorded.decree is not None
    assert recorded.decree.number == DECREE_NUMBER
    last = service.app.history(submitted_case)[-1]
    assert last.actor is not None
    assert (last.actor.id, last.actor.role.value) == ("ani", "approver")
    assert_accessible(desktop)

    # The letter downloads, and the public verification page confirms it.
    with desktop.expect_download() as downloading:
        desktop.get_by_role("link", name="Unduh SK (PDF)").click()
    letter = tmp_path / "sk.pdf"
    downloading.value.save_as(letter)
    assert letter.read_bytes().startswith(b"%PDF")
    address = desktop.get_by_role("link", name="Halaman verifikasi SK").get_attribute("href")
    assert address is not None
    assert "/verifikasi/sk/" in address
    desktop.goto(site.url + address[address.index("/verifikasi/sk/") :])
    expect(desktop.get_by_role("heading", name="Verifikasi Surat Keputusan Mutasi")).to_be_visible()
    expect(desktop.get_by_text(DECREE_NUMBER)).to_be_visible()
    desktop.get_by_label("Berkas PDF surat keputusan").set_input_files(letter)
    desktop.get_by_role("button", name="Periksa").click()
    expect(desktop.get_by_role("status")).to_contain_text("ASLI")
    assert_accessible(desktop, "decree-verification")
