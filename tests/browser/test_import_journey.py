"""An officer on a phone imports a SIASN export with a bad row: the check shows the rejection
in Indonesian and records nothing, the confirmed import its summary, and the employee is then
read through GraphQL (SQLite)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.browser.conftest import Site, assert_accessible
from tests.browser.test_journeys import sign_in
from tests.conftest import event_count
from tests.onboarding.sheets import siasn_row, staff
from tests.web.conftest import OFFICER_PASSWORD, web_store
from tests.web.test_import_pages import siasn_csv

NEWCOMER, MISTYPED = staff(3)[1:]


@pytest.fixture
def web_service(settings_for: Any, tmp_path: Path) -> Iterator[Service]:
    """The web fixtures' store, with the uploaded files in the test's own directory."""
    settings = dataclasses.replace(settings_for("sqlite"), data_dir=tmp_path)
    with web_store(settings) as service:
        yield service


def test_an_officer_checks_a_siasn_export_and_imports_its_valid_rows(
    phone: Page, site: Site, tokens: TokenService
) -> None:
    service = site.service
    sign_in(phone, site, "budi", OFFICER_PASSWORD)
    phone.get_by_role("navigation").get_by_role("link", name="Impor data").click()
    expect(phone.get_by_role("heading", name="Impor data", exact=True)).to_be_visible()
    assert_accessible(phone, "officer-import")

    events = event_count(service)
    export = siasn_csv([siasn_row(NEWCOMER), siasn_row(MISTYPED, rank="IV/z")])
    phone.get_by_label("Jenis data").select_option("employees")
    phone.get_by_label("Berkas CSV atau XLSX").set_input_files(
        {"name": "siasn-desember.csv", "mimeType": "text/csv", "buffer": export}
    )
    phone.get_by_role("button", name="Periksa berkas").click()
    expect(phone.locator("#job-status")).to_have_text("Selesai diperiksa, menunggu konfirmasi")
    rejected = phone.get_by_role("row").filter(has_text="gol_akhir_nama")
    expect(rejected).to_contain_text("IV/z")
    expect(rejected).to_contain_text("golongan IV/z tidak dikenali")
    expect(phone.get_by_role("link", name="Unduh baris yang ditolak (CSV)")).to_be_visible()
    assert event_count(service) == events  # the check records nothing
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(phone, "officer-import-preview")

    phone.get_by_role("button", name="Konfirmasi impor").click()
    expect(phone.locator("#job-status")).to_have_text("Selesai diimpor")
    expect(phone.get_by_role("status")).to_have_text("Impor selesai.")
    expect(phone.locator("#rejected-count")).to_have_text("1")
    assert_accessible(phone, "officer-import-summary")

    service.projector.catch_up()
    token = tokens.mint(role=Role.OFFICER, subject="budi", agency="3578")
    answer = httpx.post(
        site.url + "/graphql",
        json={
            "query": "query($nip: String!) { employee(nip: $nip) { nip name } }",
            "variables": {"nip": NEWCOMER.nip},
        },
        headers={"Authorization": f"Bearer {token}"},
    ).json()
    assert answer["data"]["employee"] == {"nip": NEWCOMER.nip, "name": NEWCOMER.name}
