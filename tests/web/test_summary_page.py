"""The monthly summaries page (``/ringkasan``) over HTTP: what would be published shown first,
published with the form token, the month then listed with its figures and its moments in the
agency's time; a correction needs its reason; figures changed since they were shown are not
published (the page shows them anew); a form without its token and people of other roles are
refused, recording nothing."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from asn_graph.bootstrap import Service
from tests.conftest import event_count
from tests.e2e.summary_world import MovableClock, open_a_case, recorded_month
from tests.web.conftest import (
    EMPLOYEE,
    EMPLOYEE_PASSWORD,
    OFFICER_PASSWORD,
    form_token,
    sign_in,
    web_store,
)
from tests.world import TODAY, person, register

MONTH = "2026-10"
"""The last month that has ended on the world's day (2026-11-23)."""


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def web_service(settings_for: Any, tmp_path: Path, clock: MovableClock) -> Iterator[Service]:
    """The pages' world (SQLite), on a clock a test may move past a month."""
    settings = dataclasses.replace(settings_for("sqlite"), data_dir=tmp_path)
    with web_store(settings, clock) as service:
        yield service


def _publish_form(page: str, month: str = MONTH) -> dict[str, str]:
    found = re.search(r'action="/ringkasan/terbitkan".*?</form>', page, re.S)
    assert found is not None, page
    seen = re.search(r'name="figures_seen" value="([0-9a-f]{64})"', found.group(0))
    assert seen is not None, page
    return {"csrf_token": form_token(found.group(0)), "month": month, "figures_seen": seen[1]}


def _local(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo("Asia/Jakarta")).strftime("%d-%m-%Y %H:%M")


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
    row = web_service.read.summaries.summary("3578", MONTH)
    assert row is not None
    assert row.figures.as_of is not None
    published_at = datetime.fromisoformat(row.published_at)
    assert f"<dd>{_local(published_at)}</dd>" in page.text  # not the UTC ISO text
    assert row.published_at not in page.text
    assert f"Kepegawaian dan usulan terlambat per {_local(row.figures.as_of)}." in page.text

    again = await browser_client.post("/ringkasan/terbitkan", data=_publish_form(page.text))
    assert event_count(web_service) == before + 1
    page = await browser_client.get(again.headers["location"])
    assert "sama dengan yang sudah diterbitkan" in page.text


async def test_a_correction_without_its_reason_is_refused_beside_the_field(
    browser_client: httpx.AsyncClient, web_service: Service, clock: MovableClock
) -> None:
    month = recorded_month()
    clock.day = month.next.first_day
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    page = await browser_client.get("/ringkasan")
    await browser_client.post("/ringkasan/terbitkan", data=_publish_form(page.text, str(month)))
    clock.day = TODAY
    open_a_case(web_service)
    clock.day = month.next.first_day
    web_service.projector.catch_up()
    before = event_count(web_service)

    page = await browser_client.get("/ringkasan")
    assert 'name="reason"' in page.text
    form = _publish_form(page.text, str(month))
    refused = await browser_client.post("/ringkasan/terbitkan", data=form)
    assert refused.status_code == 400
    assert 'aria-invalid="true"' in refused.text
    assert "koreksi memerlukan alasannya" in refused.text
    assert event_count(web_service) == before

    form = {**_publish_form(refused.text, str(month)), "reason": "Usulan dicatat terlambat"}
    corrected = await browser_client.post("/ringkasan/terbitkan", data=form)
    assert corrected.status_code == 303
    assert "versi=2" in corrected.headers["location"]
    assert event_count(web_service) == before + 1


async def test_figures_changed_since_shown_are_shown_anew_not_published(
    browser_client: httpx.AsyncClient, web_service: Service
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    page = await browser_client.get("/ringkasan")
    form = _publish_form(page.text)
    register(web_service.app, person("3578", "BKPSDM", 9))
    web_service.projector.catch_up()
    before = event_count(web_service)

    refused = await browser_client.post("/ringkasan/terbitkan", data=form)
    assert refused.status_code == 409
    assert "berubah sejak ditampilkan" in refused.text
    assert event_count(web_service) == before
    fresh = _publish_form(refused.text)
    assert fresh["figures_seen"] != form["figures_seen"]
    published = await browser_client.post("/ringkasan/terbitkan", data=fresh)
    assert published.status_code == 303
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
