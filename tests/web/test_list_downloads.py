"""The lists of the plan builder, the employee's cases and the notifications downloaded as
CSV or XLSX: the file opens, its headers are in the reader's language (Indonesian unless
asked otherwise), its codes are named, and its rows are those of the page."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

from asn_graph.api.web import downloads
from asn_graph.bootstrap import Service
from tests.notification_world import approve, propose, submit
from tests.web.conftest import EMPLOYEE, EMPLOYEE_PASSWORD, OFFICER_PASSWORD, sign_in
from tests.web.plan_world import PlanGround, plan_id_of, post_form
from tests.web.plan_world import plan_ground as plan_ground  # the store with the planning world

ENGLISH = {"Accept-Language": "en"}
DRAFT = {
    "title": "Rencana mutasi semester I 2027",
    "period-start": "2027-01-01",
    "period-end": "2027-06-30",
    "scope-agencies": "3578",
    "scope-units": "BIDANG-TIK, DINKES, DISHUB",
    "max-moves": "3",
}


def csv_rows(answer: httpx.Response) -> list[list[str]]:
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.headers["content-disposition"].startswith("attachment")
    return list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))


def xlsx_rows(answer: httpx.Response) -> list[list[Any]]:
    assert answer.status_code == 200, answer.text
    sheet = load_workbook(io.BytesIO(answer.content), read_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


async def drafted(client: httpx.AsyncClient, title: str) -> str:
    answer = await post_form(client, "/rencana", "/rencana", {**DRAFT, "title": title})
    assert answer.status_code == 303, answer.text
    return plan_id_of(answer.headers["location"])


async def test_the_plans_and_a_plan_s_moves_download_as_on_their_pages(
    browser_client: httpx.AsyncClient, plan_ground: PlanGround, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = plan_ground.world
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    first = await drafted(browser_client, "Rencana pertama")
    await drafted(browser_client, "Rencana kedua")
    plan_ground.service.projector.catch_up()
    monkeypatch.setattr(downloads, "PAGE_SIZE", 1)  # the file follows every page of plans
    page = await browser_client.get("/rencana")
    assert 'href="/rencana?format=csv"' in page.text
    header, *plans = csv_rows(await browser_client.get("/rencana", params={"format": "csv"}))
    assert header == [
        "Rencana",
        "Status",
        "Periode mulai",
        "Periode selesai",
        "Jumlah mutasi",
        "Sudah dijalankan",
    ]
    assert sorted(row[0] for row in plans) == ["Rencana kedua", "Rencana pertama"]
    assert {row[1] for row in plans} == {"Draf"}

    proposed = await post_form(browser_client, f"/rencana/{first}", f"/rencana/{first}/usulkan", {})
    assert proposed.status_code == 303
    plan_page = await browser_client.get(proposed.headers["location"])
    assert "format=csv" in plan_page.text
    header, *moves = csv_rows(
        await browser_client.get(f"/rencana/{first}", params={"format": "csv"})
    )
    assert header[:4] == ["NIP", "Pegawai", "Dari", "Ke"]
    shown = {staff.nip for staff in (world.nurse, world.midwife, world.programmer)}
    assert {row[0] for row in moves} == shown
    assert all(row[0] in plan_page.text and row[3] in plan_page.text for row in moves)
    assert {row[header.index("Asal usulan")] for row in moves} == {"Diusulkan sistem"}
    assert {row[header.index("Jawaban pegawai")] for row in moves} == {"Belum menjawab"}

    english = xlsx_rows(
        await browser_client.get(f"/rencana/{first}", params={"format": "xlsx"}, headers=ENGLISH)
    )
    assert english[0][:4] == ["NIP", "Employee", "From", "To"]
    assert len(english) == len(moves) + 1


async def test_the_employee_s_cases_and_notifications_download_as_on_their_pages(
    browser_client: httpx.AsyncClient, web_service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = approve(web_service, submit(web_service, propose(web_service, EMPLOYEE)))
    web_service.projector.catch_up()
    await sign_in(browser_client, "siti", EMPLOYEE_PASSWORD)

    mine = await browser_client.get("/saya")
    assert 'href="/saya?format=csv"' in mine.text
    header, *cases = csv_rows(await browser_client.get("/saya", params={"format": "csv"}))
    assert header[:3] == ["Kasus", "Tahap", "Prakarsa"]
    (row,) = cases  # the one case the page lists
    assert row[:4] == [
        str(case.id),
        "Menunggu SK",
        "Kepentingan instansi",
        "Mutasi dalam satu instansi",
    ]
    assert row[4] == "3578 / BKPSDM / ANALIS-SDM"
    english = xlsx_rows(await browser_client.get("/saya?format=xlsx", headers=ENGLISH))
    assert english[0][:3] == ["Case", "Stage", "Initiative"]
    assert english[1][1] == "Awaiting decree"

    monkeypatch.setattr(downloads, "PAGE_SIZE", 1)  # the file follows every page of the inbox
    inbox = await browser_client.get("/notifikasi")
    assert 'href="/notifikasi?format=csv"' in inbox.text
    header, *notes = csv_rows(await browser_client.get("/notifikasi", params={"format": "csv"}))
    assert header[:4] == ["Tanggal", "Pemberitahuan", "Status", "Kasus"]
    assert len(notes) == 4  # as many as the page lists
    assert {row[2] for row in notes} == {"Belum dibaca"}
    assert {row[3] for row in notes} == {str(case.id)}
    assert "Usulan mutasi menunggu jawaban Anda" in {row[1] for row in notes}
    english = xlsx_rows(await browser_client.get("/notifikasi?format=xlsx", headers=ENGLISH))
    assert english[0][:3] == ["Date", "Notification", "Status"]
    assert {row[2] for row in english[1:]} == {"Unread"}
