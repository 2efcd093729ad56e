"""The monthly summaries page (``/ringkasan``) over HTTP: what would be published shown first,
published with the form token, the month then listed with its figures; a correction needs its
reason; a form without its token and people of other roles are refused, recording nothing."""

from __future__ import annotations

import re

import httpx

from asn_graph.bootstrap import Service
from tests.conftest import event_count
from tests.web.conftest import (
    EMPLOYEE,
    EMPLOYEE_PASSWORD,
    OFFICER_PASSWORD,
    form_token,
    sign_in,
)
from tests.world import person, register

MONTH = "2026-10"
"""The last month that has ended on the world's day (2026-11-23)."""


def _publish_form(page: str) -> dict[str, str]:
    found = re.search(r'action="/ringkasan/terbitkan".*?</form>', page, re.S)
    assert found is not None, page
    return {"csrf_token": form_token(found.group(0)), "month": MONTH}


async def test_an_officer_sees_the_figures_then_publishes_the_month(
    browser_client: httpx.AsyncClient, web_service: Service
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    page = await browser_client.get("/ringkasan")
    assert page.status_code == 200
    assert '<a href="/ringkasan"' in page.text
    assert f"Terbitkan ringkasan {MONTH}" in page.text
    assert "Kebutuhan pegawai (ABK)" in page.text
    assert "Belum ada ringkasan yang diterbitkan." in page.text
    assert EMPLOYEE.nip not in page.text

    before = event_count(web_service)
    published = await browser_client.post("/ringkasan/terbitkan", data=_publish_form(page.text))
    assert published.status_code == 303
    assert event_count(web_service) == before + 1
    web_service.projector.catch_up()
    page = await browser_client.get(published.headers["location"])
    assert f"Ringkasan {MONTH} diterbitkan (versi 1)." in page.text
    assert f"Bulan {MONTH}" in page.text
    assert f'href="/publik/3578/ringkasan/{MONTH}.csv"' in page.text

    again = await browser_client.post("/ringkasan/terbitkan", data=_publish_form(page.text))
    assert event_count(web_service) == before + 1
    page = await browser_client.get(again.headers["location"])
    assert "sama dengan yang sudah diterbitkan" in page.text


async def test_a_correction_without_its_reason_is_refused_beside_the_field(
    browser_client: httpx.AsyncClient, web_service: Service
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    page = await browser_client.get("/ringkasan")
    await browser_client.post("/ringkasan/terbitkan", data=_publish_form(page.text))
    register(web_service.app, person("3578", "BKPSDM", 9))
    web_service.projector.catch_up()
    before = event_count(web_service)

    page = await browser_client.get("/ringkasan")
    assert 'name="reason"' in page.text
    refused = await browser_client.post("/ringkasan/terbitkan", data=_publish_form(page.text))
    assert refused.status_code == 400
    assert 'aria-invalid="true"' in refused.text
    assert "koreksi memerlukan alasannya" in refused.text
    assert event_count(web_service) == before

    form = {**_publish_form(refused.text), "reason": "Pegawai baru dicatat terlambat"}
    corrected = await browser_client.post("/ringkasan/terbitkan", data=form)
    assert corrected.status_code == 303
    assert "versi=2" in corrected.headers["location"]
    assert event_count(web_service) == before + 1


async def test_a_form_without_its_token_is_refused_and_records_nothing(
    browser_client: httpx.AsyncClient, web_service: Service
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    before = event_count(web_service)
    forged = await browser_client.post("/ringkasan/terbitkan", data={"month": MONTH})
    assert forged.status_code == 403
    assert event_count(web_service) == before


async def test_the_page_is_not_an_employees(browser_client: httpx.AsyncClient) -> None:
    await sign_in(browser_client, "siti", EMPLOYEE_PASSWORD)
    assert '<a href="/ringkasan"' not in (await browser_client.get("/")).text
    assert (await browser_client.get("/ringkasan")).status_code == 403
