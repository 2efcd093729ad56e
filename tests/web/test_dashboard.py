"""The officer's dashboard, its whole lists and the candidates page over HTTP, with their CSV
and XLSX downloads read back, and who may read them."""

from __future__ import annotations

import base64
import csv
import io
import re
from collections.abc import AsyncIterator
from html import unescape
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from starlette.requests import Request

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.api.web import dashboard, downloads
from asn_graph.api.web.downloads import Column, FileFormat, Listing, download
from asn_graph.bootstrap import Service
from tests.conftest import event_count
from tests.web.conftest import EMPLOYEE_PASSWORD, OFFICER_PASSWORD, sign_in
from tests.web.staffing_world import (
    APPROVER_PASSWORD,
    AUDITOR_PASSWORD,
    staff_the_agency,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
async def client(web_service: Service, tokens: TokenService) -> AsyncIterator[httpx.AsyncClient]:
    staff_the_agency(web_service)
    transport = httpx.ASGITransport(app=create_app(web_service, tokens))
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        yield client


@pytest.fixture
async def officer(client: httpx.AsyncClient) -> httpx.AsyncClient:
    await sign_in(client, "budi", OFFICER_PASSWORD)
    return client


def read_csv(response: httpx.Response) -> list[list[str]]:
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def read_xlsx(response: httpx.Response) -> list[list[Any]]:
    assert response.headers["content-type"] == XLSX
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def text_of(html: str) -> str:
    """The page's text, tags dropped and spaces collapsed."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


async def test_the_dashboard_shows_the_chart_the_tree_and_the_largest_gaps(
    officer: httpx.AsyncClient,
) -> None:
    page = await officer.get("/dasbor")
    assert page.status_code == 200
    html = page.text
    assert '<a href="/dasbor" aria-current="page">Dasbor</a>' in html
    # The chart: one row per top-level unit, its text alternative and the table of its figures.
    chart = re.search(
        r'<img class="chart-image" src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]+)"', html
    )
    assert chart is not None
    drawing = base64.b64decode(chart.group(1)).decode()
    assert "Dinas Komunikasi dan Informatika (DISKOMINFO)" in drawing
    assert "Bidang Mutasi" not in drawing  # the top-level units only
    summary = unescape(chart.group(2))
    assert "Diagram batang 2 unit kerja teratas" in summary
    assert "Kekurangan seluruhnya 5, kelebihan seluruhnya 8." in summary
    assert 'href="/laporan/neraca"' in html  # the same balance as a report
    figures = text_of(html[html.index('<table class="chart-figures"') :].split("</table>")[0])
    assert "Badan Kepegawaian dan Pengembangan SDM (BKPSDM) 2 8" in figures
    assert "Dinas Komunikasi dan Informatika (DISKOMINFO) 3 0" in figures
    # The tree: the sub-unit inside its parent, each with its rolled-up balance.
    tree = html[html.index('<ul class="unit-tree">') :].split("</section>")[0]
    parent = tree.index("Badan Kepegawaian dan Pengembangan SDM (BKPSDM)")
    child = tree.index("Bidang Mutasi (BKPSDM-MUTASI)")
    assert parent < child < tree.index("Dinas Komunikasi dan Informatika (DISKOMINFO)")
    assert "<ul>" in tree[parent:child]
    tree_text = text_of(tree)
    assert "kebutuhan 4, ada 10, kekurangan 2, kelebihan 8, selisih -6" in tree_text, tree_text
    assert "kebutuhan 0, ada 1, kekurangan 0, kelebihan 1, selisih -1" in tree_text
    # The largest gaps, each shortage with its way to the candidates.
    assert "/kandidat?instansi=3578&amp;unit=DISKOMINFO&amp;jabatan=ANALIS-SDM" in html
    surpluses = text_of(html[html.index('id="surpluses-heading"') :])
    assert "Pengadministrasi Perkantoran (PENGADMINISTRASI) 1 8 -7" in surpluses


async def test_an_approver_reads_the_dashboard_and_an_employee_is_refused(
    client: httpx.AsyncClient,
) -> None:
    await sign_in(client, "ppk", APPROVER_PASSWORD)
    assert (await client.get("/dasbor")).status_code == 200
    await client.post("/keluar", data={"csrf_token": client.cookies["asn_graph_csrf"]})
    client.cookies.clear()
    await sign_in(client, "siti", EMPLOYEE_PASSWORD)
    refused = await client.get("/dasbor")
    assert refused.status_code == 403
    assert "Halaman ini bukan untuk peran Anda." in refused.text
    assert 'href="/dasbor"' not in refused.text  # not in the navigation either
    assert (await client.get("/kandidat")).status_code == 403
    assert (await client.get("/dasbor/kekurangan?format=csv")).status_code == 403


async def test_signed_out_the_dashboard_sends_to_the_sign_in_page(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.get("/dasbor")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/masuk"


async def test_another_agency_is_refused_in_the_page(officer: httpx.AsyncClient) -> None:
    refused = await officer.get("/dasbor?instansi=3372")
    assert refused.status_code == 403
    assert "FORBIDDEN" in refused.text
    assert (await officer.get("/dasbor/unit?instansi=3372&format=csv")).status_code == 403


async def test_a_national_auditor_names_the_agency_first(client: httpx.AsyncClient) -> None:
    await sign_in(client, "auditor", AUDITOR_PASSWORD)
    choice = await client.get("/dasbor")
    assert choice.status_code == 200
    assert '<label for="instansi">Kode instansi</label>' in choice.text
    page = await client.get("/dasbor?instansi=3578")
    assert page.status_code == 200
    assert "Dasbor kepegawaian · 3578" in page.text
    assert 'href="/dasbor/unit?instansi=3578"' in page.text


async def test_the_unit_balances_download_as_csv_and_xlsx_in_the_chosen_language(
    officer: httpx.AsyncClient,
) -> None:
    page = await officer.get("/dasbor/unit")
    assert page.status_code == 200
    assert 'href="/dasbor/unit?format=csv"' in page.text
    csv_file = await officer.get("/dasbor/unit?format=csv")
    assert csv_file.headers["content-disposition"] == (
        'attachment; filename="keseimbangan-unit-3578.csv"'
    )
    rows = read_csv(csv_file)
    assert rows[0][:3] == ["Kode unit", "Unit kerja", "Unit induk"]
    assert rows[1:] == [
        [
            "BKPSDM",
            "Badan Kepegawaian dan Pengembangan SDM",
            "",
            "3",
            "4",
            "10",
            "0",
            "0",
            "2",
            "8",
            "-6",
        ],
        ["BKPSDM-MUTASI", "Bidang Mutasi", "BKPSDM", "1", "0", "1", "0", "0", "0", "1", "-1"],
        [
            "DISKOMINFO",
            "Dinas Komunikasi dan Informatika",
            "",
            "2",
            "4",
            "1",
            "0",
            "0",
            "3",
            "0",
            "3",
        ],
    ]
    english = await officer.get("/dasbor/unit?format=xlsx", headers={"Accept-Language": "en"})
    assert english.headers["content-disposition"].endswith('filename="keseimbangan-unit-3578.xlsx"')
    sheet = read_xlsx(english)
    assert sheet[0] == [
        "Unit code",
        "Work unit",
        "Parent unit",
        "Positions",
        "Needed",
        "Present",
        "Incoming",
        "Outgoing",
        "Shortage",
        "Surplus",
        "Gap",
    ]
    assert sheet[2] == ["BKPSDM-MUTASI", "Bidang Mutasi", "BKPSDM", 1, 0, 1, 0, 0, 0, 1, -1]
    assert len(sheet) == 4


async def test_the_gap_lists_show_and_download_every_gap(officer: httpx.AsyncClient) -> None:
    page = await officer.get("/dasbor/kekurangan")
    assert page.status_code == 200
    assert "Kekurangan pegawai per jabatan" in page.text
    assert 'href="/kandidat?instansi=3578&amp;unit=BKPSDM&amp;jabatan=ANALIS-SDM"' in page.text
    deficits = read_csv(await officer.get("/dasbor/kekurangan?format=csv"))
    assert [(row[0], row[2], row[-1]) for row in deficits[1:]] == [
        ("BKPSDM", "ANALIS-SDM", "2"),
        ("DISKOMINFO", "ANALIS-SDM", "2"),
        ("DISKOMINFO", "PENGADMINISTRASI", "1"),
    ]
    surpluses = read_xlsx(await officer.get("/dasbor/kelebihan?format=xlsx"))
    assert surpluses[0][-1] == "Selisih"
    assert surpluses[1:] == [
        [
            "BKPSDM",
            "Badan Kepegawaian dan Pengembangan SDM",
            "PENGADMINISTRASI",
            "Pengadministrasi Perkantoran",
            1,
            8,
            0,
            0,
            -7,
        ]
    ]


async def test_candidates_are_picked_by_unit_then_position(officer: httpx.AsyncClient) -> None:
    first = await officer.get("/kandidat")
    assert first.status_code == 200
    assert '<select id="unit" name="unit" required>' in first.text
    assert 'id="jabatan"' not in first.text
    with_unit = await officer.get("/kandidat?unit=DISKOMINFO")
    assert '<option value="ANALIS-SDM">' in with_unit.text
    unknown = await officer.get("/kandidat?unit=DISKOMINFO&jabatan=TIDAK-ADA")
    assert unknown.status_code == 200
    assert 'aria-invalid="true"' in unknown.text
    assert "Jabatan ini tidak ada di unit kerja yang dipilih." in unknown.text
    no_unit = await officer.get("/kandidat?unit=TIDAK-ADA")
    assert "Unit kerja ini tidak ada di instansi 3578." in no_unit.text
    stale = await officer.get(
        "/kandidat?unit=DISKOMINFO&jabatan=ANALIS-SDM&setelah=bukan-kursor&mulai=21"
    )
    assert stale.status_code == 303
    assert stale.headers["location"] == "/kandidat?unit=DISKOMINFO&jabatan=ANALIS-SDM"


async def test_candidates_with_their_explained_scores_a_page_at_a_time(
    officer: httpx.AsyncClient, web_service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small pages, so that a few candidates fill several, on the page and in the files.
    monkeypatch.setattr(dashboard, "CANDIDATES_PER_PAGE", 3)
    monkeypatch.setattr(downloads, "PAGE_SIZE", 2)
    events = event_count(web_service)
    address: str | None = "/kandidat?unit=DISKOMINFO&jabatan=ANALIS-SDM"
    shown: list[str] = []
    total = 0
    while address is not None:
        page = await officer.get(address)
        assert page.status_code == 200
        html = page.text
        found = re.search(r"(\d+) pegawai memenuhi syarat", html)
        assert found is not None, text_of(html)
        total = int(found.group(1))
        assert "Bobot: Kompetensi 35" in unescape(html)
        headers = re.findall(r'<th scope="col">([^<]+)</th>', html)
        assert headers[:6] == ["No.", "NIP", "Nama", "Golongan", "Penempatan sekarang", "Skor"]
        assert "Lama di jabatan" in headers
        rows = re.findall(r"<tr>\s*<td>(\d+)</td>", html)
        assert 1 <= len(rows) <= 3
        shown += rows
        following = re.search(r'href="(/kandidat\?[^"]*setelah=[^"]+)" rel="next"', html)
        address = unescape(following.group(1)) if following else None
        if shown != rows:
            assert "Halaman pertama" in html
    assert total > 3
    assert shown == [str(n) for n in range(1, total + 1)]
    # Every candidate in the file, not only a page, best first, the parts' points summed.
    rows = read_csv(await officer.get("/kandidat?unit=DISKOMINFO&jabatan=ANALIS-SDM&format=csv"))
    assert rows[0][:6] == ["No.", "NIP", "Nama", "Golongan", "Penempatan sekarang", "Skor"]
    assert len(rows) == 1 + total
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(1, total + 1)]
    assert rows[1][4].startswith("3578/BKPSDM")
    scores = [float(row[5]) for row in rows[1:]]
    assert scores == sorted(scores, reverse=True)
    for row in rows[1:]:
        assert abs(sum(float(cell) for cell in row[6:13] if cell) - float(row[5])) < 0.05
    sheet = read_xlsx(await officer.get("/kandidat?unit=DISKOMINFO&jabatan=ANALIS-SDM&format=xlsx"))
    assert [row[1] for row in sheet[1:]] == [row[1] for row in rows[1:]]
    assert event_count(web_service) == events  # ranking records nothing


async def test_a_download_never_writes_a_formula() -> None:
    listing = Listing("uji", (Column("dashboard_unit_name", lambda row: row["name"]),))
    request = Request({"type": "http", "headers": [], "query_string": b""})
    rows = [{"name": '=HYPERLINK("http://evil")'}, {"name": "-2+3"}, {"name": "Biasa"}]
    as_csv = await download(request, listing, rows, FileFormat.CSV)
    lines = bytes(as_csv.body).decode("utf-8-sig").splitlines()
    assert lines[1:] == ['"\'=HYPERLINK(""http://evil"")"', "'-2+3", "Biasa"]
    as_xlsx = await download(request, listing, rows, FileFormat.XLSX)
    sheet = load_workbook(io.BytesIO(bytes(as_xlsx.body))).worksheets[0]
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value == '=HYPERLINK("http://evil")'
