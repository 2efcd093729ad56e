"""An auditor's journey in a real browser, on SQLite and PostgreSQL: they find a case in the
audit trail, replay it as of its opening, and verify the hash chain, from the keyboard where
it matters; every page visited is clean for axe and for the console."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from asn_graph.projections.rows import AuditFilter
from tests.browser.conftest import DESKTOP, PHONE, Site, assert_accessible
from tests.web.audit_world import AUDITOR_PASSWORD, Audited
from tests.web.audit_world import audited as audited  # the fixture
from tests.web.conftest import BOTH_STORES


@BOTH_STORES
def test_an_auditor_finds_a_case_in_the_trail_and_verifies_the_chain(
    audited: Audited, site: Site, desktop: Page
) -> None:
    page = desktop
    page.goto(site.url + "/")
    page.get_by_label("Nama pengguna").fill("inspektorat")
    page.get_by_label("Kata sandi").fill(AUDITOR_PASSWORD)
    page.get_by_role("button", name="Masuk").click()

    navigation = page.get_by_role("navigation", name="Navigasi utama")
    navigation.get_by_role("link", name="Jejak audit").click()
    expect(page.get_by_role("heading", name="Jejak audit", level=1)).to_be_visible()
    assert_accessible(page)

    # The search is typed and sent from the keyboard alone.
    page.get_by_label("Nomor kasus").fill(audited.case_id)
    page.get_by_label("Nomor kasus").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("2 peristiwa ditemukan.")
    entries = page.locator(".audit-entry")
    expect(entries).to_have_count(2)
    trail = audited.service.read.audit.entries(AuditFilter(originator_id=audited.case_id), 5, None)
    opened, cancelled = trail.rows
    expect(entries.nth(0)).to_contain_text("asn-graph/transfer-case/opened")
    expect(entries.nth(0)).to_contain_text(opened.entry_hash)
    expect(entries.nth(1)).to_contain_text("asn-graph/transfer-case/cancelled")
    expect(entries.nth(1)).to_contain_text(cancelled.entry_hash)
    assert_accessible(page, "auditor-trail")
    # On a phone the hashes wrap: nothing is wider than its screen.
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(DESKTOP)

    # The case as it stood when it was opened.
    entries.nth(0).get_by_role("link", name=audited.case_id).click()
    expect(page.get_by_role("heading", name="Kasus per saat tertentu")).to_be_visible()
    expect(page.get_by_role("heading", name="Versi 1", exact=False)).to_be_visible()
    expect(page.locator("dl.facts").first).to_contain_text("Draf")
    expect(page.locator(".timeline-step")).to_have_count(1)  # the history up to version 1
    assert_accessible(page)

    navigation.get_by_role("link", name="Verifikasi rantai").click()
    expect(page.get_by_role("heading", name="Verifikasi rantai hash")).to_be_visible()
    head = audited.service.read.audit.head()
    assert head is not None
    expect(page.locator("dl.facts")).to_contain_text(head.entry_hash)
    button = page.get_by_role("button", name="Verifikasi rantai")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text(
        f"Rantai utuh: {len(list(audited.service.read.audit.stream(AuditFilter())))} entri "
        f"diverifikasi hingga posisi {head.position}"
    )
    assert_accessible(page, "auditor-chain")
