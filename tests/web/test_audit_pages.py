"""The auditor's pages over HTTP: the trail searched by case, employee, unit, actor and period,
paged and downloaded as CSV; a case and an employee replayed as of a moment; the hash chain
verified, intact, in stretches and tampered; and nobody but auditors let in."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from asn_graph.api.web import audit
from asn_graph.projections.rows import AuditFilter
from tests.conftest import event_count
from tests.read_side.test_tamper_evidence import alter_rating, rating_position
from tests.web.audit_world import (
    AUDITOR_PASSWORD,
    CANCELLING_REASON,
    OPENING_REASON,
    Audited,
)
from tests.web.audit_world import audited as audited  # the fixture
from tests.web.conftest import EMPLOYEE, OFFICER_PASSWORD, sign_in

ZONE = ZoneInfo("Asia/Jakarta")
ON_SQLITE = pytest.mark.parametrize("web_service", ["sqlite"], indirect=True)


async def _auditor(client: httpx.AsyncClient, username: str = "inspektorat") -> None:
    signed_in = await sign_in(client, username, AUDITOR_PASSWORD)
    assert signed_in.status_code == 303


def _positions(page: str) -> list[int]:
    return [int(found) for found in re.findall(r'class="audit-position">#(\d+)<', page)]


async def test_an_auditor_finds_a_case_in_the_trail_with_each_entry_and_its_hash(
    browser_client: httpx.AsyncClient, audited: Audited
) -> None:
    await _auditor(browser_client)
    home = await browser_client.get("/")
    assert 'href="/audit"' in home.text
    assert 'href="/audit/rantai"' in home.text

    page = await browser_client.get("/audit", params={"kasus": audited.case_id})
    assert page.status_code == 200
    stored = audited.service.read.audit.entries(
        AuditFilter(originator_id=audited.case_id), 50, None
    )
    assert _positions(page.text) == [row.position for row in stored.rows]
    assert "2 peristiwa ditemukan." in page.text
    for row in stored.rows:
        assert row.entry_hash in page.text
        assert f'href="/audit/kasus/{audited.case_id}?versi={row.version}"' in page.text
    assert "asn-graph/transfer-case/opened" in page.text
    assert "asn-graph/transfer-case/cancelled" in page.text
    assert "budi (Petugas" in page.text
    assert "3578" in page.text
    assert CANCELLING_REASON in page.text
    assert f'href="/audit/kasus/{audited.case_id}">Putar ulang kasus ini' in page.text


async def test_the_trail_by_employee_by_unit_by_actor_and_by_period(
    browser_client: httpx.AsyncClient, audited: Audited
) -> None:
    await _auditor(browser_client)
    by_nip = await browser_client.get("/audit", params={"nip": EMPLOYEE.nip})
    assert "asn-graph/employee/registered" in by_nip.text
    assert "asn-graph/employee/rank-changed" in by_nip.text
    assert "transfer-case/opened" not in by_nip.text
    assert f'href="/audit/pegawai/{EMPLOYEE.nip}?versi=1"' in by_nip.text

    by_unit = await browser_client.get("/audit", params={"unit": "3578/diskominfo"})
    assert "unit kerja" in by_unit.text
    assert "asn-graph/work-unit/" in by_unit.text
    assert "asn-graph/employee/" not in by_unit.text

    today = datetime.now(ZONE).date()
    by_actor = await browser_client.get(
        "/audit", params={"aktor": "budi", "dari": str(today), "sampai": str(today)}
    )
    actions = audited.service.read.audit.entries(AuditFilter(actor_id="budi"), 50, None).rows
    assert _positions(by_actor.text) == [row.position for row in actions]
    tomorrow = today + timedelta(days=1)
    later = await browser_client.get("/audit", params={"aktor": "budi", "dari": str(tomorrow)})
    assert "Tidak ada peristiwa yang cocok dengan pencarian ini." in later.text

    by_agency = await browser_client.get("/audit", params={"instansi": "3578"})
    agency = audited.service.read.audit.entries(AuditFilter(actor_agencies=("3578",)), 50, None)
    assert _positions(by_agency.text) == [row.position for row in agency.rows]
    assert len(agency.rows) > len(actions)  # the approver cancelled the case


async def test_the_trail_is_paged_and_its_search_kept_from_page_to_page(
    browser_client: httpx.AsyncClient, audited: Audited
) -> None:
    await _auditor(browser_client)
    first = await browser_client.get("/audit", params={"cari": "1"})
    shown = _positions(first.text)
    assert len(shown) == audit.ENTRIES_PER_PAGE
    assert shown == sorted(shown)
    found = re.search(r'href="/audit\?([^"]*setelah=[^"]*)">Halaman berikutnya', first.text)
    assert found is not None
    second = await browser_client.get("/audit?" + found.group(1).replace("&amp;", "&"))
    assert _positions(second.text)[0] > shown[-1]
    assert "Kembali ke halaman pertama" in second.text


async def test_the_search_downloads_as_csv_with_formulas_kept_as_text(
    browser_client: httpx.AsyncClient, audited: Audited
) -> None:
    await _auditor(browser_client)
    page = await browser_client.get("/audit", params={"kasus": audited.case_id})
    assert f"kasus={audited.case_id}&amp;cari=1&amp;format=csv" in page.text
    download = await browser_client.get(
        "/audit", params={"kasus": audited.case_id, "format": "csv"}
    )
    assert download.status_code == 200
    assert download.headers["content-type"] == "text/csv; charset=utf-8"
    assert "attachment" in download.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(download.text)))
    stored = audited.service.read.audit.entries(
        AuditFilter(originator_id=audited.case_id), 50, None
    )
    assert [int(row["logPosition"]) for row in rows] == [r.position for r in stored.rows]
    assert [row["entryHash"] for row in rows] == [r.entry_hash for r in stored.rows]
    assert rows[0]["reason"] == "'" + OPENING_REASON
    assert rows[1]["reason"] == CANCELLING_REASON
    assert rows[0]["actorId"] == "budi"


async def test_a_whole_trail_download_reads_every_page(
    browser_client: httpx.AsyncClient, audited: Audited, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit, "CSV_PAGE", 7)
    await _auditor(browser_client)
    download = await browser_client.get("/audit", params={"cari": "1", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(download.text)))
    head = audited.service.read.audit.head()
    assert head is not None
    assert len(rows) == len(list(audited.service.read.audit.stream(AuditFilter())))
    assert rows[-1]["entryHash"] == head.entry_hash


@pytest.mark.parametrize(
    ("asked", "field", "message"),
    [
        ({"nip": "12345"}, "nip", "NIP harus terdiri dari 18 angka."),
        ({"kasus": "bukan-nomor"}, "kasus", "Nomor kasus tidak valid"),
        ({"unit": "DISKOMINFO"}, "unit", "dipisah garis miring"),
        ({"dari": "2026-11-20", "sampai": "2026-11-19"}, "sampai", "tidak boleh sebelum"),
        ({"dari": "20-11-2026"}, "dari", "Tanggal tidak valid."),
        ({"nip": EMPLOYEE.nip, "unit": "3578/BKPSDM"}, "unit", "Isi salah satu saja"),
    ],
)
@ON_SQLITE
async def test_bad_search_input_is_told_beside_its_field_in_indonesian(
    browser_client: httpx.AsyncClient,
    audited: Audited,
    asked: dict[str, str],
    field: str,
    message: str,
) -> None:
    await _auditor(browser_client)
    events = event_count(audited.service)
    page = await browser_client.get("/audit", params=asked)
    assert page.status_code == 200
    error = re.search(rf'<p class="field-error" id="{field}-error">([^<]*)</p>', page.text)
    assert error is not None, page.text
    assert message in error.group(1)
    assert f'aria-describedby="{field}-hint {field}-error"' in page.text
    assert "audit-entries" not in page.text
    assert event_count(audited.service) == events


async def test_an_agency_auditor_is_told_a_subject_out_of_scope_is_not_found(
    browser_client: httpx.AsyncClient, audited: Audited
) -> None:
    await _auditor(browser_client, "itda.surakarta")
    page = await browser_client.get("/audit", params={"nip": EMPLOYEE.nip})
    assert page.status_code == 200
    assert "Subjek tidak ditemukan" in page.text
    assert EMPLOYEE.name not in page.text
    other = await browser_client.get("/audit", params={"instansi": "3578"})
    assert "Instansi ini di luar cakupan audit Anda." in other.text
    replay = await browser_client.get(f"/audit/kasus/{audited.case_id}")
    assert "Kasus tidak ditemukan" in replay.text
    assert "asn-graph/transfer-case/opened" not in replay.text


async def test_a_case_is_replayed_as_of_a_version_and_of_a_moment(
    browser_client: httpx.AsyncClient, audited: Audited
) -> None:
    await _auditor(browser_client)
    opened = await browser_client.get(f"/audit/kasus/{audited.case_id}", params={"versi": "1"})
    assert opened.status_code == 200
    assert "Versi 1, dicatat pada" in opened.text
    assert "Draf" in opened.text
    assert "Dibatalkan" not in opened.text
    assert "asn-graph/transfer-case/cancelled" not in opened.text

    now = await browser_client.get(f"/audit/kasus/{audited.case_id}")
    assert "Versi 2" in now.text
    assert f'href="/audit/pegawai/{EMPLOYEE.nip}?per=' in now.text
    assert "Dibatalkan" in now.text
    assert 'type="datetime-local"' in now.text

    before = (datetime.now(ZONE) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    too_early = await browser_client.get(f"/audit/kasus/{audited.case_id}", params={"per": before})
    assert "Kasus tidak ditemukan, belum ada pada saat itu" in too_early.text
    assert "Versi" not in too_early.text

    later = (datetime.now(ZONE) + timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%S")
    as_of = await browser_client.get(f"/audit/kasus/{audited.case_id}", params={"per": later})
    assert "Versi 2" in as_of.text

    bad = await browser_client.get(f"/audit/kasus/{audited.case_id}", params={"per": "kemarin"})
    assert '<p class="field-error" id="per-error">Isi tanggal dan jam yang valid.</p>' in bad.text


async def test_an_employee_is_replayed_as_of_a_version_and_of_a_moment(
    browser_client: httpx.AsyncClient, audited: Audited
) -> None:
    await _auditor(browser_client)
    registered = await browser_client.get(f"/audit/pegawai/{EMPLOYEE.nip}", params={"versi": "1"})
    assert "Versi 1" in registered.text
    assert EMPLOYEE.name in registered.text
    assert "(III_B)" in registered.text
    assert "(III_C)" not in registered.text
    now = await browser_client.get(f"/audit/pegawai/{EMPLOYEE.nip}")
    assert "(III_C)" in now.text
    assert "3578 / DISKOMINFO / ANALIS-SDM" in now.text
    unknown = await browser_client.get("/audit/pegawai/199001012015031999")
    assert "Pegawai tidak ditemukan" in unknown.text


async def test_the_chain_is_verified_up_to_its_head(
    browser_client: httpx.AsyncClient, audited: Audited
) -> None:
    await _auditor(browser_client)
    head = audited.service.read.audit.head()
    assert head is not None
    page = await browser_client.get("/audit/rantai")
    assert head.entry_hash in page.text
    assert "Hasil verifikasi" not in page.text
    verified = await browser_client.get("/audit/rantai", params={"periksa": "1"})
    checked = len(list(audited.service.read.audit.stream(AuditFilter())))
    assert (
        f"Rantai utuh: {checked} entri diverifikasi hingga posisi {head.position}" in verified.text
    )


async def test_a_long_chain_is_verified_in_stretches(
    browser_client: httpx.AsyncClient, audited: Audited, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit, "CHAIN_STRETCH", 10)
    await _auditor(browser_client)
    first = await browser_client.get("/audit/rantai", params={"periksa": "1"})
    tenth = audited.service.read.audit.entries(AuditFilter(), 10, None).rows[-1]
    assert f"Utuh sejauh ini: 10 entri diverifikasi hingga posisi {tenth.position}." in first.text
    found = re.search(r'href="/audit/rantai\?([^"]+)">Lanjutkan verifikasi', first.text)
    assert found is not None
    query = found.group(1).replace("&amp;", "&")
    assert f"posisi={tenth.position}" in query
    assert f"hash={tenth.entry_hash}" in query
    second = await browser_client.get("/audit/rantai?" + query)
    assert f"Verifikasi dimulai setelah posisi {tenth.position}." in second.text
    assert "10 entri diverifikasi" in second.text

    forged = await browser_client.get(
        "/audit/rantai", params={"periksa": "1", "posisi": tenth.position, "hash": "a" * 64}
    )
    assert f"Rantai terputus pada posisi {tenth.position}." in forged.text
    assert "Rantai tidak melewati tautan yang diberikan" in forged.text


@pytest.mark.parametrize(
    ("asked", "field", "message"),
    [
        ({"posisi": "nol", "hash": "a" * 64}, "posisi", "Posisi harus bilangan bulat"),
        ({"posisi": "3", "hash": "xyz"}, "hash", "64 karakter heksadesimal"),
        ({"posisi": "3"}, "hash", "Isi posisi dan hash bersama-sama."),
    ],
)
@ON_SQLITE
async def test_a_bad_link_to_continue_after_is_told_beside_its_field(
    browser_client: httpx.AsyncClient,
    audited: Audited,
    asked: dict[str, str],
    field: str,
    message: str,
) -> None:
    await _auditor(browser_client)
    page = await browser_client.get("/audit/rantai", params={"periksa": "1", **asked})
    error = re.search(rf'<p class="field-error" id="{field}-error">([^<]*)</p>', page.text)
    assert error is not None, page.text
    assert message in error.group(1)
    assert "Hasil verifikasi" not in page.text


async def test_a_tampered_event_is_shown_as_the_broken_link(
    browser_client: httpx.AsyncClient, audited: Audited
) -> None:
    altered = rating_position(audited.service)
    alter_rating(audited.service, altered)
    await _auditor(browser_client)
    page = await browser_client.get("/audit/rantai", params={"periksa": "1"})
    assert f"Rantai terputus pada posisi {altered}." in page.text
    assert "Peristiwa yang tersimpan tidak cocok dengan hash yang dicatat" in page.text
    assert "asn-graph/employee/performance-rated" in page.text
    intact = [r for r in audited.service.read.audit.stream(AuditFilter()) if r.position < altered]
    assert f"{len(intact)} entri sebelumnya utuh (hingga posisi {intact[-1].position})" in page.text


async def test_nobody_but_auditors_reaches_the_audit_pages(
    browser_client: httpx.AsyncClient, audited: Audited
) -> None:
    paths = ("/audit", f"/audit/kasus/{audited.case_id}", f"/audit/pegawai/{EMPLOYEE.nip}")
    for path in (*paths, "/audit/rantai"):
        anonymous = await browser_client.get(path)
        assert anonymous.status_code == 303
        assert anonymous.headers["location"] == "/masuk"
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    home = await browser_client.get("/")
    assert 'href="/audit"' not in home.text
    for path in (*paths, "/audit/rantai"):
        refused = await browser_client.get(path, params={"kasus": audited.case_id})
        assert refused.status_code == 403
        assert "Halaman ini bukan untuk peran Anda." in refused.text
        assert "audit-entries" not in refused.text


@ON_SQLITE
async def test_the_audit_pages_read_in_english_when_chosen(
    browser_client: httpx.AsyncClient, audited: Audited
) -> None:
    await _auditor(browser_client)
    english = {"Accept-Language": "en"}
    trail = await browser_client.get("/audit", params={"kasus": audited.case_id}, headers=english)
    assert "<h1>Audit trail</h1>" in trail.text
    assert "2 events found." in trail.text
    replay = await browser_client.get(
        f"/audit/kasus/{audited.case_id}", params={"versi": "1"}, headers=english
    )
    assert "Version 1, recorded at" in replay.text
    assert "Draft" in replay.text
    chain = await browser_client.get("/audit/rantai", params={"periksa": "1"}, headers=english)
    assert "The chain is intact:" in chain.text
