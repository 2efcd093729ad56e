"""The reports over HTTP: each read with its criteria through the API's queries, so that its
page, its CSV, its workbook and its PDF (text extracted with pypdf) hold the numbers the
GraphQL queries answer for the same filter; bad criteria are told beside their field in
Indonesian and record nothing; only officers, approvers and auditors read them, within
their scope."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import AsyncIterator, Iterator
from html import unescape
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api, event_count
from tests.outcomes_world import moves_with_outcomes
from tests.web.conftest import (
    EMPLOYEE_PASSWORD,
    OFFICER_PASSWORD,
    sign_in,
    web_store,
)
from tests.web.plan_world import PlanGround, plan_id_of, post_form
from tests.web.plan_world import plan_ground as plan_ground  # the store with the planning world
from tests.web.staffing_world import staff_the_agency

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BALANCES = """
query($agency: String!) {
  workUnits(agencyCode: $agency) { code parentCode }
  unitBalances(agencyCode: $agency) { unitCode needed present deficit surplus gap }
}"""
GAPS = """
query($agency: String!, $kind: GapKind!, $first: Int!) {
  staffingGaps(agencyCode: $agency, kind: $kind, first: $first) { positionCode gap }
}"""
OUTCOMES = """
query($filter: OutcomeFilterInput!) {
  transferOutcomeSummary(filter: $filter) {
    moves improved unchanged declined notYetRated trained trainingHours evaluationsDue
    evaluationsLate
  }
  transferOutcomes(filter: $filter, first: 100) { edges { node { caseId nip } } }
}"""


@pytest.fixture
async def client(web_service: Service, tokens: TokenService) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(web_service, tokens))
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        yield client


@pytest.fixture
def api(client: httpx.AsyncClient, tokens: TokenService, web_service: Service) -> Api:
    return Api(client, tokens, web_service)


def key_figures(page: str) -> dict[str, str]:
    table = page[page.index('<table class="key-figures">') :].split("</table>")[0]
    return {
        unescape(label): value
        for label, value in re.findall(
            r'<tr><th scope="row">([^<]+)</th><td class="number">([^<]+)</td></tr>', table
        )
    }


def pdf_text(response: httpx.Response) -> str:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == PDF
    assert response.content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(response.content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def csv_rows(response: httpx.Response) -> list[list[str]]:
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def workbook(response: httpx.Response) -> dict[str, list[list[Any]]]:
    assert response.headers["content-type"] == XLSX
    book = load_workbook(io.BytesIO(response.content))
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in book.worksheets
    }


async def test_the_staffing_balance_holds_the_apis_numbers_on_the_page_and_in_each_file(
    web_service: Service, client: httpx.AsyncClient, api: Api
) -> None:
    staff_the_agency(web_service)
    await sign_in(client, "budi", OFFICER_PASSWORD)
    index = await client.get("/laporan")
    assert index.status_code == 200
    for slug in ("neraca", "kesenjangan", "hasil-mutasi", "rencana"):
        assert f'href="/laporan/{slug}"' in index.text
    answer = await api.ok(BALANCES, {"agency": "3578"}, token=api.token(Role.OFFICER, "3578"))
    units = {unit["code"]: unit for unit in answer["workUnits"]}
    top = [b for b in answer["unitBalances"] if units[b["unitCode"]]["parentCode"] is None]
    totals = {name: sum(b[name] for b in top) for name in ("needed", "present", "deficit")}
    totals["surplus"] = sum(b["surplus"] for b in top)

    page = await client.get("/laporan/neraca")
    assert page.status_code == 200
    figures = key_figures(page.text)
    assert figures["Kebutuhan pegawai (ABK)"] == str(totals["needed"])
    assert figures["Pegawai yang ada"] == str(totals["present"])
    assert figures["Kekurangan"] == str(totals["deficit"])
    assert figures["Kelebihan"] == str(totals["surplus"])
    assert figures["Unit kerja"] == str(len(units))
    assert 'src="data:image/svg+xml;base64,' in page.text
    assert "Instansi: 3578" in unescape(page.text)

    rows = csv_rows(await client.get("/laporan/neraca?format=csv"))
    assert rows[0][:3] == ["Kode unit", "Unit kerja", "Unit induk"]
    by_code = {row[0]: row for row in rows[1:]}
    for balance in answer["unitBalances"]:
        row = by_code[balance["unitCode"]]
        assert [int(row[4]), int(row[5]), int(row[8]), int(row[9]), int(row[10])] == [
            balance["needed"], balance["present"], balance["deficit"], balance["surplus"],
            balance["gap"],
        ]  # fmt: skip

    sheets = workbook(await client.get("/laporan/neraca?format=xlsx"))
    summary = sheets["Ringkasan"]
    assert ["Kebutuhan pegawai (ABK)", totals["needed"]] in summary
    (table,) = (rows for title, rows in sheets.items() if title != "Ringkasan")
    assert len(table) == len(units) + 1

    text = pdf_text(await client.get("/laporan/neraca?format=pdf"))
    assert "Neraca kebutuhan dan ketersediaan pegawai · 3578" in text
    assert f"Kebutuhan pegawai (ABK) {totals['needed']}" in text
    assert f"Kekurangan {totals['deficit']}" in text
    assert "Bidang Mutasi" in text


async def test_the_largest_gaps_are_the_apis_and_bad_criteria_are_told_beside_their_field(
    web_service: Service, client: httpx.AsyncClient, api: Api
) -> None:
    staff_the_agency(web_service)
    await sign_in(client, "budi", OFFICER_PASSWORD)
    officer = api.token(Role.OFFICER, "3578")
    deficits = await api.ok(GAPS, {"agency": "3578", "kind": "DEFICIT", "first": 2}, token=officer)
    expected = [[gap["positionCode"], str(gap["gap"])] for gap in deficits["staffingGaps"]]

    rows = csv_rows(await client.get("/laporan/kesenjangan?jumlah=2&format=csv"))
    assert [[row[2], row[8]] for row in rows[1:]] == expected
    text = pdf_text(await client.get("/laporan/kesenjangan?jumlah=2&format=pdf"))
    assert "Kekurangan terbesar" in text
    assert "Kelebihan terbesar" in text
    for code, gap in expected:
        assert code in text
        assert gap in text

    events = event_count(web_service)
    wrong = await client.get("/laporan/kesenjangan?jumlah=dua")
    assert wrong.status_code == 400
    assert 'id="jumlah-error">Tulis bilangan bulat dari 1 sampai 200.</p>' in wrong.text
    reversed_period = await client.get("/laporan/hasil-mutasi?dari=2026-12-01&sampai=2026-01-01")
    assert reversed_period.status_code == 400
    assert "Tanggal awal harus sebelum atau sama dengan tanggal akhir." in reversed_period.text
    bad_date = await client.get("/laporan/hasil-mutasi?dari=2026-02-30")
    assert "Tanggal tidak valid; tulis sebagai TTTT-BB-HH" in bad_date.text
    assert (await client.get("/laporan/kesenjangan?jumlah=dua&format=pdf")).status_code == 400
    assert event_count(web_service) == events


@pytest.fixture
def moved_service(settings_for: Any) -> Iterator[Service]:
    """The test organisation with three moves made (``tests.outcomes_world``) into the posts
    the web store's employee would hold, and the web accounts."""
    with web_store(settings_for("sqlite"), with_employee=False) as service:
        moves_with_outcomes(service)
        service.projector.catch_up()
        yield service


async def test_the_outcomes_of_a_period_are_the_apis_summary_and_moves(
    moved_service: Service, tokens: TokenService
) -> None:
    transport = httpx.ASGITransport(app=create_app(moved_service, tokens))
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        await sign_in(client, "budi", OFFICER_PASSWORD)
        await _read_the_outcomes(client, Api(client, tokens, moved_service))


async def _read_the_outcomes(client: httpx.AsyncClient, api: Api) -> None:
    period = {"agencyCode": "3578", "effectiveFrom": "2026-01-01", "effectiveUntil": "2026-12-31"}
    answer = await api.ok(OUTCOMES, {"filter": period}, token=api.token(Role.OFFICER, "3578"))
    summary = answer["transferOutcomeSummary"]
    assert summary["moves"] == 2  # the move of December 2025 is outside the period

    query = "dari=2026-01-01&sampai=2026-12-31"
    page = await client.get(f"/laporan/hasil-mutasi?{query}")
    assert page.status_code == 200
    figures = key_figures(page.text)
    assert figures["Mutasi"] == str(summary["moves"])
    assert figures["Kinerja membaik"] == str(summary["improved"])
    assert figures["Belum dinilai sesudah mutasi"] == str(summary["notYetRated"])
    assert figures["Evaluasi terlambat"] == str(summary["evaluationsLate"])
    assert "Dari tanggal: 2026-01-01" in page.text

    rows = csv_rows(await client.get(f"/laporan/hasil-mutasi?{query}&format=csv"))
    listed = sorted((row[0], row[1]) for row in rows[1:])
    edges = answer["transferOutcomes"]["edges"]
    assert listed == sorted((e["node"]["caseId"], e["node"]["nip"]) for e in edges)
    text = pdf_text(await client.get(f"/laporan/hasil-mutasi?{query}&format=pdf"))
    assert f"Mutasi {summary['moves']}" in text
    assert f"Evaluasi terlambat {summary['evaluationsLate']}" in text
    for edge in edges:
        assert edge["node"]["nip"] in text
        assert edge["node"]["caseId"][:8] in text  # a printed page names a case by its start


async def test_a_plans_report_holds_its_moves_and_balance(
    plan_ground: PlanGround, client: httpx.AsyncClient
) -> None:
    await sign_in(client, "budi", OFFICER_PASSWORD)
    draft = {
        "title": "Rencana mutasi semester I 2027",
        "period-start": "2027-01-01",
        "period-end": "2027-06-30",
        "scope-agencies": "3578",
        "scope-units": "BIDANG-TIK, DINKES, DISHUB",
        "max-moves": "3",
    }
    drafted = await post_form(client, "/rencana", "/rencana", draft)
    plan_id = plan_id_of(drafted.headers["location"])
    proposed = await post_form(
        client, f"/rencana/{plan_id}", f"/rencana/{plan_id}/usulkan", {"propose-reason": ""}
    )
    assert proposed.status_code == 303, proposed.text

    page = await client.get(f"/laporan/rencana?rencana={plan_id}")
    assert page.status_code == 200
    figures = key_figures(page.text)
    assert figures["Usulan perpindahan"] == "3"
    assert figures["Kekurangan sebelum"] == "5"
    assert figures["Kekurangan sesudah"] == "2"
    assert figures["Belum dijawab pegawai"] == "3"  # nobody consulted yet
    world = plan_ground.world
    text = pdf_text(await client.get(f"/laporan/rencana?rencana={plan_id}&format=pdf"))
    assert "Rencana mutasi · Rencana mutasi semester I 2027" in text
    for staff in (world.nurse, world.midwife, world.programmer):
        assert staff.nip in text
    assert "Dinas Kesehatan" in text
    rows = csv_rows(await client.get(f"/laporan/rencana?rencana={plan_id}&format=csv"))
    assert sorted(row[0] for row in rows[1:]) == sorted(
        s.nip for s in (world.nurse, world.midwife, world.programmer)
    )
    assert {row[7] for row in rows[1:]} == {"Belum menjawab"}

    first_visit = await client.get("/laporan/rencana")
    assert first_visit.status_code == 200  # the form, no error yet
    assert "field-error" not in first_visit.text
    unknown = await client.get("/laporan/rencana?rencana=bukan-nomor")
    assert unknown.status_code == 400
    assert 'id="rencana-error"' in unknown.text  # the API's refusal, beside the field


async def test_reports_are_for_officers_approvers_and_auditors_within_their_scope(
    web_service: Service, client: httpx.AsyncClient
) -> None:
    await sign_in(client, "siti", EMPLOYEE_PASSWORD)
    assert (await client.get("/laporan")).status_code == 403
    assert (await client.get("/laporan/neraca?format=pdf")).status_code == 403
    await client.post("/keluar", data={"csrf_token": client.cookies["asn_graph_csrf"]})
    client.cookies.clear()
    await sign_in(client, "budi", OFFICER_PASSWORD)
    other = await client.get("/laporan/neraca?instansi=3515&format=pdf")
    assert other.status_code == 403
    assert "pdf" not in other.headers["content-type"]
    assert 'id="instansi-error"' in other.text
    assert (await client.get("/laporan/tidak-ada")).status_code == 404


REGISTER = """
query($filter: CaseFilterInput) {
  transferCaseCounts(filter: $filter) { cases overdue byState { state cases } }
  transferCases(filter: $filter, first: 100) { edges { node { id state daysInStage } } }
  transferOutcomes(filter: {agencyCode: "3578"}, first: 100) {
    edges { node { nip decreeNumber effectiveOn } }
  }
}"""


async def test_the_case_register_and_the_moves_of_a_period_are_the_apis(
    moved_service: Service, tokens: TokenService
) -> None:
    transport = httpx.ASGITransport(app=create_app(moved_service, tokens))
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        await sign_in(client, "budi", OFFICER_PASSWORD)
        api = Api(client, tokens, moved_service)
        officer = api.token(Role.OFFICER, "3578")
        answer = await api.ok(REGISTER, {"filter": {"agencyCode": "3578"}}, token=officer)
        counts = answer["transferCaseCounts"]

        page = await client.get("/laporan/register-usulan?status=")
        assert page.status_code == 200
        figures = key_figures(page.text)
        assert figures["Usulan"] == str(counts["cases"])
        assert figures["Terlambat"] == str(counts["overdue"])
        for row in counts["byState"]:
            if row["cases"]:
                assert str(row["cases"]) in figures.values()
        rows = csv_rows(await client.get("/laporan/register-usulan?format=csv"))
        cases = answer["transferCases"]["edges"]
        assert sorted(row[0] for row in rows[1:]) == sorted(e["node"]["id"] for e in cases)
        assert rows[0][:5] == ["Kasus", "NIP", "Nama", "Jenis mutasi", "Status"]
        sheets = workbook(await client.get("/laporan/register-usulan?format=xlsx"))
        assert "Lama per tahap" in sheets
        text = pdf_text(await client.get("/laporan/register-usulan?format=pdf"))
        assert f"Usulan {counts['cases']}" in text
        assert "Lama per tahap" in text

        closed_only = await client.get("/laporan/register-usulan?status=CLOSED&format=csv")
        assert {row[4] for row in csv_rows(closed_only)[1:]} == {"Selesai"}
        wrong = await client.get("/laporan/register-usulan?status=SELESAI")
        assert wrong.status_code == 400
        assert "Pilih salah satu dari daftar." in wrong.text

        period = "dari=2026-01-01&sampai=2026-12-31"
        moves = await client.get(f"/laporan/mutasi-periode?{period}")
        assert moves.status_code == 200
        expected = [
            e["node"]
            for e in answer["transferOutcomes"]["edges"]
            if "2026-01-01" <= e["node"]["effectiveOn"] <= "2026-12-31"
        ]
        assert key_figures(moves.text)["Mutasi"] == str(len(expected))
        listed = csv_rows(await client.get(f"/laporan/mutasi-periode?{period}&format=csv"))
        assert sorted((row[0], row[6]) for row in listed[1:]) == sorted(
            (move["nip"], move["decreeNumber"]) for move in expected
        )
        text = pdf_text(await client.get(f"/laporan/mutasi-periode?{period}&format=pdf"))
        for move in expected:
            assert move["decreeNumber"] in text
