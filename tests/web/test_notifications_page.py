"""The notifications page (``/notifikasi``) over HTTP: the inbox in Indonesian with the case's
link, the unread count in the navigation, marking one and all read, refusals."""

from __future__ import annotations

import re

import httpx

from asn_graph.bootstrap import Service
from tests.conftest import event_count
from tests.notification_world import approve, propose, submit
from tests.web.conftest import (
    EMPLOYEE,
    EMPLOYEE_PASSWORD,
    OFFICER_PASSWORD,
    sign_in,
)


def mark_token(page: str) -> str:
    """The token of the page's own mark-read form (not the header's forms')."""
    found = re.search(
        r'action="/notifikasi/baca">\s*<input type="hidden" name="csrf_token" value="([^"]+)"',
        page,
    )
    assert found is not None, page
    return found.group(1)


def nav_link(page: str) -> str:
    found = re.search(r'<a href="/notifikasi"[^>]*>(.*?)</a>', page, re.S)
    assert found is not None, page
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


async def test_the_inbox_shows_each_stage_with_its_case_and_marks_read(
    browser_client: httpx.AsyncClient, web_service: Service
) -> None:
    case = approve(web_service, submit(web_service, propose(web_service, EMPLOYEE)))
    web_service.projector.catch_up()
    await sign_in(browser_client, "siti", EMPLOYEE_PASSWORD)
    home = await browser_client.get("/", follow_redirects=True)
    assert nav_link(home.text) == "Notifikasi 4 baru"

    page = await browser_client.get("/notifikasi")
    assert page.status_code == 200
    assert nav_link(page.text) == "Notifikasi 4 baru"
    assert "4 belum dibaca dari 4 notifikasi." in page.text
    assert "Usulan mutasi menunggu jawaban Anda" in page.text
    assert "Menunggu SK" in page.text
    assert "Pertimbangan Baperjakat/TPK" in page.text
    assert page.text.count(f'href="/saya/kasus/{case.id}"') == 4  # the employee's case page
    first_id = re.search(r'name="id" value="(\d+)"', page.text)
    assert first_id is not None

    before = event_count(web_service)
    marked = await browser_client.post(
        "/notifikasi/baca", data={"csrf_token": mark_token(page.text), "id": first_id.group(1)}
    )
    assert marked.status_code == 303
    assert marked.headers["location"] == "/notifikasi"
    page = await browser_client.get("/notifikasi")
    assert "3 belum dibaca dari 4 notifikasi." in page.text
    assert nav_link(page.text) == "Notifikasi 3 baru"

    everything = await browser_client.post(
        "/notifikasi/baca", data={"csrf_token": mark_token(page.text), "all": "1"}
    )
    assert everything.status_code == 303
    page = await browser_client.get("/notifikasi")
    assert "0 belum dibaca dari 4 notifikasi." in page.text
    assert nav_link(page.text) == "Notifikasi"
    assert 'name="id"' not in page.text
    assert event_count(web_service) == before

    english = await browser_client.get("/notifikasi", headers={"Accept-Language": "en"})
    assert "Awaiting decree" in english.text
    assert "0 unread of 4 notifications." in english.text


async def test_a_bad_mark_is_refused_on_the_page_and_marks_nothing(
    browser_client: httpx.AsyncClient, web_service: Service
) -> None:
    submit(web_service, propose(web_service, EMPLOYEE))
    web_service.projector.catch_up()
    await sign_in(browser_client, "siti", EMPLOYEE_PASSWORD)
    page = await browser_client.get("/notifikasi")
    refused = await browser_client.post(
        "/notifikasi/baca", data={"csrf_token": mark_token(page.text), "id": "bukan-nomor"}
    )
    assert refused.status_code == 200
    assert "Notifikasi tidak dapat ditandai (BAD_INPUT)" in refused.text
    assert "2 belum dibaca dari 2 notifikasi." in refused.text
    forged = await browser_client.post("/notifikasi/baca", data={"all": "1"})
    assert forged.status_code == 403
    page = await browser_client.get("/notifikasi")
    assert "2 belum dibaca dari 2 notifikasi." in page.text


async def test_the_inbox_is_an_employees_page(
    browser_client: httpx.AsyncClient, web_service: Service
) -> None:
    signed_out = await browser_client.get("/notifikasi")
    assert signed_out.status_code == 303
    assert signed_out.headers["location"] == "/masuk"
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    home = await browser_client.get("/")
    assert 'href="/notifikasi"' not in home.text
    refused = await browser_client.get("/notifikasi")
    assert refused.status_code == 403
