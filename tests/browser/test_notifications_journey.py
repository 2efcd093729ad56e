"""An employee on a phone sees a new notification after their case moves on, and marks it
read from the keyboard (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Site, assert_accessible
from tests.browser.test_journeys import sign_in
from tests.conftest import event_count
from tests.notification_world import propose, submit
from tests.web.conftest import EMPLOYEE, EMPLOYEE_PASSWORD


@pytest.mark.parametrize("web_service", ["sqlite"], indirect=True)
def test_an_employee_sees_a_stage_change_and_marks_it_read(phone: Page, site: Site) -> None:
    service = site.service
    sign_in(phone, site, "siti", EMPLOYEE_PASSWORD)
    inbox_link = phone.get_by_role("navigation").get_by_role("link", name="Notifikasi")
    expect(inbox_link).to_have_text("Notifikasi")

    # The officer proposes a move and submits the file: two notifications for the employee.
    case = submit(service, propose(service, EMPLOYEE))
    service.projector.catch_up()
    phone.reload()
    expect(inbox_link).to_have_text("Notifikasi 2 baru")
    inbox_link.focus()
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(site.url + "/notifikasi")
    expect(phone.get_by_role("heading", name="Notifikasi", exact=True)).to_be_visible()
    expect(phone.get_by_text("2 belum dibaca dari 2 notifikasi.")).to_be_visible()
    newest = phone.locator("li.inbox-item").first
    expect(newest).to_contain_text("Tahap usulan berubah")
    expect(newest).to_contain_text("Diajukan")
    expect(newest.get_by_role("link", name="Buka usulan mutasi")).to_have_attribute(
        "href", f"/saya/kasus/{case.id}"
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(phone, "employee-notifications")

    events = event_count(service)
    mark = newest.get_by_role("button", name="Tandai dibaca")
    mark.focus()
    phone.keyboard.press("Enter")
    expect(phone.get_by_text("1 belum dibaca dari 2 notifikasi.")).to_be_visible()
    expect(inbox_link).to_have_text("Notifikasi 1 baru")
    expect(phone.locator("li.inbox-item").first).to_contain_text("(Sudah dibaca)")
    assert_accessible(phone)
    # Marked in the inbox's own state; the record of events is unchanged.
    read = service.views.query(
        "SELECT COUNT(*) AS n FROM notification_reads WHERE nip = :nip", {"nip": EMPLOYEE.nip}
    )
    assert read[0]["n"] == 1
    assert event_count(service) == events
