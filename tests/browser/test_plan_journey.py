"""A transfer plan's journey in a real browser: an officer builds it on the desktop (draft,
constraints, the optimiser's proposal) and opens the consultation; the employee it moves
answers on a phone (a first try without a required choice is told beside the field and
records nothing); the approver approves it; the officer launches it and its progress shows
the case it opened."""

from __future__ import annotations

from uuid import UUID

from playwright.sync_api import Page, expect

from asn_graph.domain.case_state import CaseState
from asn_graph.domain.plan_records import PlanStatus
from tests.browser.conftest import Site, assert_accessible
from tests.conftest import event_count
from tests.web.conftest import BOTH_STORES, OFFICER_PASSWORD
from tests.web.plan_world import APPROVER_PASSWORD, STAFF_PASSWORD, PlanGround
from tests.web.plan_world import plan_ground as plan_ground  # the store with the planning world

TITLE = "Rencana mutasi tenaga kesehatan 2027"


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


def notice(page: Page, text: str) -> None:
    expect(page.get_by_role("status")).to_have_text(text)


@BOTH_STORES
def test_an_officer_builds_a_plan_the_employee_answers_the_approver_approves_it_is_launched(
    desktop: Page, phone: Page, site: Site, plan_ground: PlanGround
) -> None:
    nurse = plan_ground.world.nurse
    # The officer drafts the plan on the desktop.
    sign_in(desktop, site, "budi", OFFICER_PASSWORD)
    desktop.get_by_role("link", name="Rencana mutasi").click()
    expect(desktop.get_by_role("heading", name="Rencana mutasi", exact=True)).to_be_visible()
    expect(desktop.get_by_text("Belum ada rencana mutasi.")).to_be_visible()
    assert_accessible(desktop)
    desktop.get_by_label("Judul rencana").fill(TITLE)
    desktop.get_by_label("Periode mulai").fill("2027-01-01")
    desktop.get_by_label("Periode selesai").fill("2027-06-30")
    desktop.get_by_label("Unit dalam cakupan").fill("BIDANG-TIK, DINKES, DISHUB")
    desktop.get_by_role("button", name="Buat rencana").click()
    notice(desktop, "Rencana dibuat. Atur batasannya lalu minta usulan sistem.")
    expect(desktop.get_by_role("heading", name=TITLE)).to_be_visible()
    plan_id = UUID(desktop.url.split("/rencana/")[1].split("?")[0])

    # Its constraints: the health and transport offices only, one move at most.
    desktop.get_by_label("Unit dalam cakupan").fill("DINKES, DISHUB")
    desktop.get_by_label("Jumlah mutasi paling banyak").fill("1")
    desktop.get_by_role("button", name="Simpan batasan").click()
    notice(desktop, "Batasan rencana disimpan.")
    expect(desktop.locator("dl.facts").first).to_contain_text("Unit: DINKES, DISHUB")

    # The optimiser's proposal, asked from the keyboard.
    desktop.get_by_role("button", name="Minta usulan").focus()
    desktop.keyboard.press("Enter")
    notice(desktop, "Usulan sistem tercatat.")
    move = desktop.locator("li.plan-move")
    expect(move).to_have_count(1)
    expect(move).to_contain_text(nurse.nip)
    expect(move).to_contain_text("3578 / DINKES / PERAWAT")
    expect(move.locator(".plan-explanation")).to_contain_text("Dinas Kesehatan kekurangan 3")
    # Need, before, out, in, after, gap before, gap after.
    health = desktop.get_by_role("row", name="Dinas Kesehatan").get_by_role("cell")
    expect(health).to_have_text(["4", "1", "0", "1", "2", "3", "2"])
    assert_accessible(desktop, "officer-plan-builder")

    desktop.get_by_label("Batas jawaban pegawai").fill("2026-11-30")
    desktop.get_by_role("button", name="Buka konsultasi").click()
    notice(desktop, "Konsultasi dibuka: pegawai dapat menjawab.")
    expect(desktop.locator("dl.facts").first).to_contain_text("Konsultasi pegawai")
    sign_out(desktop)

    # The nurse answers on a phone.
    sign_in(phone, site, plan_ground.usernames[nurse.nip], STAFF_PASSWORD)
    phone.get_by_role("link", name="Konsultasi mutasi").click()
    consultation = phone.get_by_role("article", name=TITLE)
    expect(consultation).to_contain_text("Belum menjawab")
    assert_accessible(phone)
    consultation.get_by_role("link", name="Jawab").click()
    expect(phone.locator(".plan-explanation")).to_contain_text("Dinas Kesehatan")
    assert_accessible(phone, "employee-consultation")
    events = event_count(site.service)
    phone.get_by_label("Keberatan", exact=True).check()
    phone.get_by_role("button", name="Kirim jawaban").click()
    expect(phone.get_by_label("Alasan keberatan")).to_have_accessible_description(
        "Wajib dipilih bila Anda keberatan. Pilih salah satu pilihan yang tersedia."
    )
    assert event_count(site.service) == events
    assert_accessible(phone)
    phone.get_by_label("Setuju", exact=True).check()
    phone.get_by_label("Dinas Kesehatan (3578/DINKES)").check()
    phone.get_by_role("button", name="Kirim jawaban").press("Enter")
    notice(phone, "Jawaban Anda tercatat.")
    expect(phone.get_by_role("article", name=TITLE)).to_contain_text("Setuju")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(phone)

    # The approver approves.
    sign_in(desktop, site, "ani", APPROVER_PASSWORD)
    desktop.get_by_role("link", name="Rencana mutasi").click()
    desktop.get_by_role("link", name=TITLE).click()
    expect(desktop.locator("li.plan-move")).to_contain_text("Setuju")
    expect(desktop.get_by_role("button", name="Minta usulan")).to_have_count(0)
    assert_accessible(desktop)
    desktop.get_by_role("button", name="Setujui rencana").click()
    notice(desktop, "Rencana disetujui.")
    sign_out(desktop)

    # The officer launches it; the progress shows the case it opened.
    sign_in(desktop, site, "budi", OFFICER_PASSWORD)
    desktop.goto(f"{site.url}/rencana/{plan_id}")
    desktop.get_by_role("button", name="Jalankan rencana").click()
    notice(desktop, "Rencana dijalankan: kasus mutasi dibuka.")
    expect(desktop.get_by_role("row", name="Draf").get_by_role("cell")).to_have_text(["Draf", "1"])
    expect(desktop.locator("li.plan-move")).to_contain_text("Draf")
    assert_accessible(desktop)

    plan = site.service.app.plans.get(plan_id)
    assert plan.status is PlanStatus.LAUNCHED
    (launched,) = plan.moves
    assert launched.answer is not None
    assert launched.answer.agrees
    assert launched.launch is not None
    assert launched.launch.case_id is not None
    case = site.service.app.cases.get(launched.launch.case_id)
    assert (case.nip, case.state) == (nurse.nip, CaseState.DRAFT)
    case_link = desktop.get_by_role("link", name=str(launched.launch.case_id))
    expect(case_link).to_have_attribute("href", f"/kasus/{launched.launch.case_id}")
