"""An employee's journey in a real browser on a phone-sized window: signing in, requesting a
transfer with a PDF document, and following the case as a timeline (SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from uuid import UUID

import pytest
from playwright.sync_api import FilePayload, Page, expect

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from tests.browser.conftest import Site, assert_accessible
from tests.browser.test_journeys import sign_in
from tests.subscriptions.helpers import ServerThread
from tests.web.conftest import EMPLOYEE, EMPLOYEE_PASSWORD
from tests.web.employee_fixtures import PDF, propose_transfer
from tests.web.employee_fixtures import employee_service as employee_service


@pytest.fixture
def employee_site(employee_service: Service, tokens: TokenService) -> Iterator[Site]:
    with ServerThread(create_app(employee_service, tokens)) as server:
        yield Site(server.http_url, employee_service)


def test_an_employee_requests_a_transfer_with_a_pdf_and_follows_its_timeline(
    phone: Page, employee_site: Site
) -> None:
    site = employee_site
    sign_in(phone, site, "siti", EMPLOYEE_PASSWORD)
    phone.get_by_role("navigation").get_by_role("link", name="Ajukan mutasi").click()
    expect(
        phone.get_by_role("heading", name="Ajukan mutasi (atas permintaan sendiri)")
    ).to_be_visible()
    assert_accessible(phone, "employee-request")

    phone.get_by_label("Jabatan tujuan").select_option("3578|BKPSDM|ANALIS-SDM")
    phone.get_by_label("Alasan permohonan").fill("Mengembangkan karier di bidang kepegawaian")
    phone.get_by_label("Nomor surat").fill("001/PMH/XI/2026")
    phone.get_by_label("Tanggal surat").fill("2026-11-20")
    phone.get_by_label("Penerbit surat").fill(EMPLOYEE.name)
    phone.get_by_label("Berkas (PDF, JPEG atau PNG)").set_input_files(
        files=FilePayload(name="permohonan.pdf", mimeType="application/pdf", buffer=PDF)
    )
    send = phone.get_by_role("button", name="Kirim permohonan")
    send.focus()
    phone.keyboard.press("Enter")

    expect(phone.get_by_role("heading", name="Usulan mutasi saya")).to_be_visible()
    expect(phone.locator(".stage")).to_contain_text("Draf")
    expect(phone.locator(".stage")).to_contain_text("Petugas BKPSDM")
    timeline = phone.locator(".timeline-step")
    expect(timeline).to_have_count(2)
    expect(timeline.nth(0)).to_contain_text("Usulan dibuka")
    expect(timeline.nth(0)).to_contain_text("Mengembangkan karier di bidang kepegawaian")
    expect(timeline.nth(1)).to_contain_text("Dokumen dilampirkan")
    expect(phone.locator(".documents")).to_contain_text("Surat permohonan")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    assert_accessible(phone, "employee-case-timeline")

    case_id = phone.url.rsplit("/", 1)[-1]
    (document,) = site.service.app.cases.get(UUID(case_id)).documents
    assert document.sha256 == hashlib.sha256(PDF).hexdigest()

    phone.get_by_role("link", name="Data dan usulan saya").click()
    expect(phone.locator(".case-card")).to_contain_text("Draf")
    assert_accessible(phone)


@pytest.mark.parametrize("employee_service", ["sqlite"], indirect=True)
def test_an_employee_answers_a_proposal_with_the_keyboard_alone(
    phone: Page, employee_site: Site
) -> None:
    site = employee_site
    case_id = propose_transfer(site.service)
    sign_in(phone, site, "siti", EMPLOYEE_PASSWORD)
    phone.goto(f"{site.url}/saya/kasus/{case_id}")
    expect(phone.get_by_text("Instansi menunggu jawaban Anda.")).to_be_visible()
    assert_accessible(phone)

    disagree = phone.get_by_label("Tidak setuju")
    disagree.focus()
    phone.keyboard.press("Space")
    expect(disagree).to_be_checked()
    phone.keyboard.press("Tab")
    expect(phone.get_by_label("Alasan", exact=True)).to_be_focused()
    phone.keyboard.type("Sedang merawat orang tua di Surabaya")
    phone.keyboard.press("Tab")
    phone.keyboard.type("3578/DISKOMINFO")
    phone.keyboard.press("Tab")
    expect(phone.get_by_role("button", name="Kirim jawaban")).to_be_focused()
    phone.keyboard.press("Enter")

    expect(phone.get_by_text("Jawaban Anda saat ini: Tidak setuju.")).to_be_visible()
    expect(phone.locator(".timeline-step").last).to_contain_text("Pegawai menjawab usulan")
    answer = site.service.app.cases.get(UUID(case_id)).proposal_answer
    assert answer is not None
    assert (answer.agrees, answer.preferences) == (False, ("3578/DISKOMINFO",))
    assert_accessible(phone)
