"""The officer's dashboard in a real browser on a desktop: the chart with its text
alternative, the unit tree, and from a shortage to its candidates with the keyboard alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Site, assert_accessible
from tests.conftest import event_count
from tests.web.conftest import OFFICER_PASSWORD
from tests.web.staffing_world import staff_the_agency


@pytest.mark.parametrize("web_service", ["sqlite"], indirect=True)
def test_an_officer_reads_the_dashboard_and_follows_a_shortage_to_its_candidates(
    desktop: Page, site: Site
) -> None:
    staff_the_agency(site.service)
    events = event_count(site.service)
    desktop.goto(site.url + "/")
    desktop.get_by_label("Nama pengguna").fill("budi")
    desktop.get_by_label("Kata sandi").fill(OFFICER_PASSWORD)
    desktop.get_by_role("button", name="Masuk").click()
    desktop.get_by_role("navigation", name="Navigasi utama").get_by_role(
        "link", name="Dasbor"
    ).click()
    expect(desktop.get_by_role("heading", name="Dasbor kepegawaian · 3578")).to_be_visible()
    # The chart is an image named by its summary, and its figures are in a table after it.
    chart = desktop.get_by_role("img", name=re.compile("Diagram batang 2 unit kerja teratas"))
    expect(chart).to_be_visible()
    assert chart.evaluate("image => image.naturalWidth") > 300
    assert chart.evaluate("image => image.getBoundingClientRect().width") > 300
    figures = desktop.get_by_role("table", name="Angka diagram")
    expect(figures.get_by_role("row", name="Dinas Komunikasi dan Informatika")).to_contain_text("3")
    tree = desktop.locator(".unit-tree")
    expect(tree.locator("li li")).to_contain_text("Bidang Mutasi (BKPSDM-MUTASI)")
    assert_accessible(desktop, "officer-dashboard")
    # From the largest shortage to its candidates, from the keyboard.
    shortage = desktop.get_by_role(
        "link", name=re.compile(r"^Kandidat\W+Analis Sumber Daya Manusia")
    ).first
    shortage.focus()
    desktop.keyboard.press("Enter")
    expect(desktop.get_by_role("heading", name="Kandidat untuk jabatan · 3578")).to_be_visible()
    expect(desktop.get_by_label("Jabatan")).to_have_value("ANALIS-SDM")
    candidates = desktop.locator("table.candidates tbody tr")
    expect(candidates.first).to_be_visible()
    assert candidates.count() > 1
    expect(desktop.get_by_text("pegawai memenuhi syarat")).to_be_visible()
    assert_accessible(desktop, "officer-candidates")
    # The staffing balance as a report, and its PDF saved.
    desktop.get_by_role("navigation", name="Navigasi utama").get_by_role(
        "link", name="Laporan"
    ).click()
    desktop.get_by_role("link", name="Neraca kebutuhan dan ketersediaan pegawai").click()
    expect(
        desktop.get_by_role("heading", name="Neraca kebutuhan dan ketersediaan pegawai · 3578")
    ).to_be_visible()
    expect(desktop.get_by_role("row", name=re.compile("^Kekurangan"))).to_contain_text("5")
    assert_accessible(desktop, "officer-report")
    with desktop.expect_download() as saved:
        desktop.get_by_role("link", name="PDF", exact=True).click()
    assert saved.value.suggested_filename == "neraca-3578.pdf"
    with open(saved.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert event_count(site.service) == events
