"""Journeys in a real browser: signing in on a phone, a wrong password, signing out, the
language switch from the keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Site, assert_accessible
from tests.conftest import event_count
from tests.web.conftest import EMPLOYEE, EMPLOYEE_PASSWORD

ON_SQLITE = pytest.mark.parametrize("web_service", ["sqlite"], indirect=True)


def sign_in(page: Page, site: Site, username: str, password: str) -> None:
    page.goto(site.url + "/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()


@ON_SQLITE
def test_an_employee_signs_in_on_a_phone_and_sees_their_data(phone: Page, site: Site) -> None:
    phone.goto(site.url + "/")
    expect(phone).to_have_url(site.url + "/masuk")
    assert_accessible(phone, "sign-in")
    sign_in(phone, site, "siti", EMPLOYEE_PASSWORD)
    expect(phone).to_have_url(site.url + "/saya")  # an employee's home is their own page
    expect(phone.get_by_role("heading", name="Data dan usulan mutasi saya")).to_be_visible()
    facts = phone.locator("dl.facts")
    expect(facts).to_contain_text(EMPLOYEE.name)
    expect(facts).to_contain_text(EMPLOYEE.nip)
    expect(facts).to_contain_text("3578 / DISKOMINFO / ANALIS-SDM")
    expect(phone.get_by_role("heading", name="Riwayat penempatan")).to_be_visible()
    # Nothing wider than the phone's screen but the tables' own scrolling boxes.
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    assert_accessible(phone)


@ON_SQLITE
def test_a_wrong_password_is_told_in_indonesian_and_records_nothing(
    phone: Page, site: Site
) -> None:
    events = event_count(site.service)
    sign_in(phone, site, "siti", "bukan-kata-sandinya")
    expect(phone.get_by_role("alert")).to_have_text("Nama pengguna atau kata sandi salah.")
    expect(phone.get_by_label("Nama pengguna")).to_have_value("siti")
    assert_accessible(phone)
    assert event_count(site.service) == events


@ON_SQLITE
def test_signing_out_returns_to_the_sign_in_page(phone: Page, site: Site) -> None:
    sign_in(phone, site, "siti", EMPLOYEE_PASSWORD)
    phone.get_by_role("button", name="Keluar").click()
    expect(phone).to_have_url(site.url + "/masuk")
    expect(phone.get_by_text("Belum masuk")).to_be_visible()
    phone.goto(site.url + "/")
    expect(phone).to_have_url(site.url + "/masuk")


@ON_SQLITE
def test_the_language_is_switched_to_english_with_the_keyboard_alone(
    desktop: Page, site: Site
) -> None:
    sign_in(desktop, site, "siti", EMPLOYEE_PASSWORD)
    expect(desktop.get_by_role("heading", name="Data dan usulan mutasi saya")).to_be_visible()
    desktop.keyboard.press("Tab")
    expect(desktop.get_by_role("link", name="Langsung ke isi")).to_be_focused()
    choice = desktop.get_by_label("Bahasa")
    while not choice.evaluate("element => element === document.activeElement"):
        desktop.keyboard.press("Tab")
    desktop.keyboard.press("ArrowDown")
    desktop.keyboard.press("Tab")
    expect(desktop.get_by_role("button", name="Ganti bahasa")).to_be_focused()
    desktop.keyboard.press("Enter")
    expect(desktop.get_by_role("heading", name="My data and transfer cases")).to_be_visible()
    expect(desktop.get_by_role("heading", name="My data", exact=True)).to_be_visible()
    expect(desktop.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(desktop)
