"""An officer on a phone reads what the last month's summary would publish and publishes it
(SQLite: what the page reads and writes goes through the API, tested on both stores)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Site, assert_accessible
from tests.browser.test_journeys import sign_in
from tests.conftest import event_count
from tests.web.conftest import OFFICER_PASSWORD


@pytest.mark.parametrize("web_service", ["sqlite"], indirect=True)
def test_an_officer_publishes_the_last_months_summary(phone: Page, site: Site) -> None:
    sign_in(phone, site, "budi", OFFICER_PASSWORD)
    phone.get_by_role("navigation").get_by_role("link", name="Ringkasan bulanan").click()
    expect(phone).to_have_url(site.url + "/ringkasan")
    expect(phone.get_by_role("heading", name="Terbitkan ringkasan 2026-10")).to_be_visible()
    expect(phone.get_by_role("row", name="Kebutuhan pegawai (ABK) 8")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(phone, "officer-monthly-summary")

    events = event_count(site.service)
    phone.get_by_role("button", name="Terbitkan ringkasan").click()
    expect(phone.get_by_role("status")).to_have_text("Ringkasan 2026-10 diterbitkan (versi 1).")
    expect(phone.get_by_role("heading", name="Bulan 2026-10")).to_be_visible()
    assert event_count(site.service) == events + 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(phone)
