"""The officer's import pages over HTTP (SQLite): a file uploaded and checked (the dry run
records nothing), its rejected rows on the page and as CSV, the import confirmed as a job of
the server, the summary; a refused file or a person who is not an officer records nothing;
an import its server stopped is told as interrupted and finished by starting it again."""

from __future__ import annotations

import csv
import dataclasses
import fcntl
import io
import json
import logging
import os
import re
import threading
import time
import zipfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import Workbook

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.api.web.import_jobs import ImportJob, ImportJobs, JobRunning, JobState
from asn_graph.api.web.messages import LANGUAGE_COOKIE
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Actor, Role
from asn_graph.onboarding.kinds import sample
from tests.conftest import event_count
from tests.onboarding.sheets import SIASN_HEADER, siasn_row, staff
from tests.web.conftest import (
    EMPLOYEE_PASSWORD,
    OFFICER_PASSWORD,
    form_token,
    sign_in,
    web_store,
)

MAX_FILE_BYTES = 8 * 1024
PEOPLE = staff(4)[1:]  # the first of the unit is the web fixtures' employee


def siasn_csv(rows: list[list[str]], header: list[str] = SIASN_HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


GOOD_AND_BAD = siasn_csv(
    [siasn_row(PEOPLE[0]), siasn_row(PEOPLE[1], rank="X/x"), siasn_row(PEOPLE[2])]
)


@pytest.fixture
def import_service(settings_for: Any, tmp_path: Path) -> Iterator[Service]:
    settings = dataclasses.replace(
        settings_for("sqlite"),
        data_dir=tmp_path,
        max_file_bytes=MAX_FILE_BYTES,
        failed_signins_per_minute=0,
    )
    with web_store(settings) as service:
        yield service


@pytest.fixture
async def officer(
    import_service: Service, tokens: TokenService
) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(import_service, tokens))
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        await sign_in(client, "budi", OFFICER_PASSWORD)
        yield client


async def upload(
    client: httpx.AsyncClient, content: bytes, name: str = "siasn.csv", kind: str = "employees"
) -> httpx.Response:
    form = await client.get("/impor")
    assert form.status_code == 200
    return await client.post(
        "/impor",
        data={"csrf_token": form_token(form.text), "kind": kind},
        files={"file": (name, content, "application/octet-stream")},
    )


async def confirm(client: httpx.AsyncClient, page: str) -> httpx.Response:
    sha256 = re.search(r'name="sha256" value="([0-9a-f]{64})"', page)
    assert sha256 is not None, page
    return await client.post(
        "/impor/konfirmasi",
        data={"csrf_token": form_token(page), "sha256": sha256.group(1), "kind": "employees"},
        follow_redirects=True,
    )


def error_of(page: str, field: str) -> str:
    found = re.search(rf'<p class="field-error" id="{field}-error">([^<]+)</p>', page)
    assert found is not None, page
    return found.group(1)


def job_file(service: Service) -> Path:
    return service.settings.files_path / "imports" / "agencies" / "3578" / "job.json"


async def test_a_file_is_checked_then_its_valid_rows_imported_as_the_officer(
    officer: httpx.AsyncClient, import_service: Service
) -> None:
    head = event_count(import_service)
    checked = await upload(officer, GOOD_AND_BAD, "pegawai januari.csv")
    assert checked.status_code == 303
    assert checked.headers["location"] == "/impor/pekerjaan"
    preview = await officer.get("/impor/pekerjaan")
    page = preview.text
    assert "Selesai diperiksa, menunggu konfirmasi" in page
    assert "http-equiv" not in page  # done: the page no longer refreshes itself
    assert "Hasil pemeriksaan (belum ada yang dicatat)" in page
    assert re.search(r"Akan dicatat baru</dt><dd>2<", page)
    assert re.search(r'id="rejected-count">1<', page)
    assert "Pegawai didaftarkan</th><td>2<" in page
    assert "(diabaikan)</dt><dd><code>warna_favorit</code></dd>" in page
    assert "<td>3</td><td>gol_akhir_nama</td><td>X/x</td>" in page
    assert "tidak dikenali" in page  # the reason, in Indonesian
    assert event_count(import_service) == head  # the check records nothing
    report = await officer.get("/impor/ditolak.csv")
    assert report.headers["content-type"].startswith("text/csv")
    assert "pegawai%20januari.ditolak.csv" in report.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(report.text)))
    assert rows[0] == ["baris", "kolom", "nilai", "alasan"]
    assert rows[1][:3] == ["3", "gol_akhir_nama", "X/x"]

    done = await confirm(officer, page)
    assert "Selesai diimpor" in done.text
    assert re.search(r"Dicatat baru</dt><dd>2<", done.text)
    assert "<td>3</td><td>gol_akhir_nama</td>" in done.text  # still waiting for correction
    assert event_count(import_service) > head
    import_service.up_to_date()
    registered = import_service.app.employees.get(PEOPLE[0].nip)
    first: Any = next(iter(import_service.store.repository.event_store.get(registered.id)))
    assert first.actor.id == "budi"
    assert "pegawai januari.csv (sha256:" in first.reason
    # The form sent again imports nothing a second time: the job is no longer a check.
    again = await confirm(officer, page)
    assert "tidak (lagi) menunggu konfirmasi" in again.text


async def test_a_page_read_in_english_gives_the_reasons_in_english_and_the_report_indonesian(
    officer: httpx.AsyncClient, import_service: Service
) -> None:
    officer.cookies.set(LANGUAGE_COOKIE, "en")
    await upload(officer, GOOD_AND_BAD)
    page = (await officer.get("/impor/pekerjaan")).text
    assert (
        "<td>3</td><td>gol_akhir_nama</td><td>X/x</td>"
        "<td>rank X/x is not recognised (e.g. III/a)</td>"
    ) in page
    officer.cookies.set(LANGUAGE_COOKIE, "id")
    page = (await officer.get("/impor/pekerjaan")).text
    assert "<td>golongan X/x tidak dikenali (contoh: III/a)</td>" in page
    report = await officer.get("/impor/ditolak.csv")
    rows = list(csv.reader(io.StringIO(report.text)))
    assert rows[1] == ["3", "gol_akhir_nama", "X/x", "golongan X/x tidak dikenali (contoh: III/a)"]
    # A job finished before its rows were kept in both languages shows the report's.
    job_file(import_service).with_name("ditolak.jsonl").unlink()
    officer.cookies.set(LANGUAGE_COOKIE, "en")
    page = (await officer.get("/impor/pekerjaan")).text
    assert "<td>golongan X/x tidak dikenali (contoh: III/a)</td>" in page


async def test_an_xlsx_workbook_is_checked_like_a_csv(
    officer: httpx.AsyncClient, import_service: Service
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(SIASN_HEADER)
    sheet.append(siasn_row(PEOPLE[0]))
    content = io.BytesIO()
    workbook.save(content)
    await upload(officer, content.getvalue(), "siasn.xlsx")
    page = (await officer.get("/impor/pekerjaan")).text
    assert "siasn.xlsx" in page
    assert re.search(r"Akan dicatat baru</dt><dd>1<", page)


@pytest.mark.parametrize(
    ("content", "name", "kind", "field", "message"),
    [
        (b"nip;nama\n" + b"1" * MAX_FILE_BYTES, "besar.csv", "employees", "file", "terlalu besar"),
        (b"%PDF-1.4\n\x00\x01binary", "surat.pdf", "employees", "file", "Hanya berkas CSV"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "foto.csv", "employees", "file", "Hanya berkas"),
        (b"", "kosong.csv", "employees", "file", "Pilih berkas"),
        (GOOD_AND_BAD, "siasn.csv", "cuti", "kind", "Pilih jenis data"),
    ],
)
async def test_a_refused_file_is_told_beside_its_field_and_records_nothing(
    officer: httpx.AsyncClient,
    import_service: Service,
    content: bytes,
    name: str,
    kind: str,
    field: str,
    message: str,
) -> None:
    head = event_count(import_service)
    # An empty part with no name is what a browser sends for a file left unchosen.
    refused = await upload(officer, content, name if content else "", kind)
    assert refused.status_code == 200
    assert message in error_of(refused.text, field)
    assert event_count(import_service) == head
    assert not job_file(import_service).exists()


async def test_a_file_lacking_a_required_column_is_told_and_records_nothing(
    officer: httpx.AsyncClient, import_service: Service
) -> None:
    header = [column for column in SIASN_HEADER if column != "GOL_AKHIR_NAMA"]
    row = [
        cell
        for column, cell in zip(SIASN_HEADER, siasn_row(PEOPLE[0]), strict=True)
        if column != "GOL_AKHIR_NAMA"
    ]
    head = event_count(import_service)
    await upload(officer, siasn_csv([row], header))
    page = (await officer.get("/impor/pekerjaan")).text
    assert "Gagal" in page
    assert "tidak memiliki kolom wajib" in page
    assert "<li><code>golongan</code></li>" in page
    assert "Unggah berkas yang sudah diperbaiki" in page
    assert event_count(import_service) == head


async def test_only_an_officer_imports(
    import_service: Service, tokens: TokenService, officer: httpx.AsyncClient
) -> None:
    transport = httpx.ASGITransport(app=create_app(import_service, tokens))
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        await sign_in(client, "siti", EMPLOYEE_PASSWORD)
        home = await client.get("/", follow_redirects=True)
        assert 'href="/impor"' not in home.text
        head = event_count(import_service)
        for path in ("/impor", "/impor/pekerjaan", "/impor/contoh/employees.csv"):
            assert (await client.get(path)).status_code == 403
        sent = await client.post(
            "/impor",
            data={"csrf_token": form_token(home.text), "kind": "employees"},
            files={"file": ("siasn.csv", GOOD_AND_BAD, "text/csv")},
        )
        assert sent.status_code == 403
        assert event_count(import_service) == head
    # An officer's form without its token is refused too.
    assert 'href="/impor"' in (await officer.get("/")).text
    forged = await officer.post(
        "/impor", data={"kind": "employees"}, files={"file": ("siasn.csv", GOOD_AND_BAD)}
    )
    assert forged.status_code == 403
    assert not job_file(import_service).exists()


async def test_the_templates_and_samples_are_the_packages_own(officer: httpx.AsyncClient) -> None:
    page = (await officer.get("/impor")).text
    assert 'href="/impor/contoh/employees.csv"' in page
    full = await officer.get("/impor/contoh/employees.csv")
    assert full.content == sample("employees")
    header = await officer.get("/impor/templat/units.csv")
    assert header.text == "unit_kode,unit_nama,induk_kode\n"
    assert "attachment" in header.headers["content-disposition"]


async def test_an_import_its_server_stopped_is_told_and_finished_when_started_again(
    officer: httpx.AsyncClient, import_service: Service
) -> None:
    await upload(officer, GOOD_AND_BAD)
    page = (await officer.get("/impor/pekerjaan")).text
    await confirm(officer, page)
    recorded = event_count(import_service)
    # As the state file is left by a server stopped while importing (the same pid: a
    # container's process restarted), after its first row was recorded.
    path = job_file(import_service)
    job = json.loads(path.read_text())
    job.update(
        state="running",
        process="a-process-before-the-restart",
        pid=os.getpid(),
        updated_at=time.time(),
        rows_done=1,
        result=None,
    )
    path.write_text(json.dumps(job))
    stopped = await officer.get("/impor/pekerjaan")
    assert "Terhenti" in stopped.text
    assert "setelah 1 baris" in stopped.text
    assert "http-equiv" not in stopped.text  # not shown as running
    again = await officer.post(
        "/impor/ulangi", data={"csrf_token": form_token(stopped.text)}, follow_redirects=True
    )
    assert "Selesai diimpor" in again.text
    assert re.search(r"Tidak berubah</dt><dd>2<", again.text)  # recorded before, not again
    assert event_count(import_service) == recorded


async def test_a_running_import_shows_its_progress_and_refreshes_itself(
    officer: httpx.AsyncClient, import_service: Service
) -> None:
    await upload(officer, GOOD_AND_BAD)
    path = job_file(import_service)
    job = json.loads(path.read_text())
    now = time.time()
    # Another API process, on another host, sharing the directory, 40 s into 1,000 rows.
    job.update(
        state="running",
        dry_run=False,
        process="another-process",
        host="another-host",
        started_at=now - 45,
        counting_done_at=now - 40,
        updated_at=now,
        rows_done=400,
        rows_total=1000,
        result=None,
    )
    path.write_text(json.dumps(job))
    page = (await officer.get("/impor/pekerjaan")).text
    assert '<meta http-equiv="refresh" content="10">' in page
    summary = re.search(r'<p role="status" id="import-summary">(.*?)</p>', page, re.S)
    assert summary is not None, page
    assert " ".join(summary.group(1).split()) == "Sedang diimpor: 400 dari 1000 baris (40%)"
    assert '<a href="/impor/pekerjaan">Perbarui</a>' in page
    assert "10 baris per detik" in page
    assert "1 menit 0 detik" in page
    # Another file waits until it ends.
    refused = await upload(officer, GOOD_AND_BAD, "lagi.csv")
    assert "sedang berjalan" in refused.text
    # Its heartbeat gone quiet, it is told as interrupted.
    job["updated_at"] = now - 120
    path.write_text(json.dumps(job))
    assert "Terhenti" in (await officer.get("/impor/pekerjaan")).text


def _zip_that_is_no_workbook() -> bytes:
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w") as archive:
        archive.writestr("catatan.txt", "bukan lembar kerja")
    return content.getvalue()


async def test_an_xlsx_lacking_a_workbooks_parts_is_told_unreadable(
    officer: httpx.AsyncClient, import_service: Service
) -> None:
    head = event_count(import_service)
    await upload(officer, _zip_that_is_no_workbook(), "siasn.xlsx")
    page = (await officer.get("/impor/pekerjaan")).text
    assert "tidak dapat dibaca sebagai CSV atau XLSX" in page
    assert "Unggah berkas yang sudah diperbaiki" in page
    assert 'action="/impor/ulangi"' not in page  # the file is at fault: no retry
    assert event_count(import_service) == head


async def test_a_fault_of_the_server_is_logged_and_may_be_retried(
    officer: httpx.AsyncClient,
    import_service: Service,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def faulty(*_: object, **__: object) -> None:
        raise KeyError("a bug, not the file")

    monkeypatch.setattr(import_service, "import_file", faulty)
    head = event_count(import_service)
    with caplog.at_level(logging.ERROR, logger="asn_graph.api.web.import_jobs"):
        await upload(officer, GOOD_AND_BAD)
        page = (await officer.get("/impor/pekerjaan")).text
    assert "kesalahan di server" in page
    assert "tidak dapat dibaca" not in page
    assert 'action="/impor/ulangi"' in page
    assert any(record.exc_info and record.exc_info[0] is KeyError for record in caplog.records)
    assert event_count(import_service) == head


def test_a_job_is_started_under_the_agencys_lock_file(import_service: Service) -> None:
    """Two API processes sharing the directory: while one holds the agency's lock file (and
    starts its job), the other waits, then finds that job running and starts none."""
    directory = import_service.settings.files_path / "imports"
    jobs = ImportJobs(directory, import_service, MAX_FILE_BYTES, 1)
    kept = jobs.keep(io.BytesIO(GOOD_AND_BAD))
    officer = Actor("budi", Role.OFFICER, "3578")
    lock_path = directory / "agencies" / "3578" / "job.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    outcome: list[object] = []

    def start() -> None:
        try:
            outcome.append(jobs.start(officer, "employees", kept.sha256, "siasn.csv", True))
        except JobRunning as running:
            outcome.append(running)

    with lock_path.open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        other = threading.Thread(target=start)
        other.start()
        other.join(0.2)
        assert other.is_alive()  # waiting for the lock
        # Meanwhile the holder (another process, alive) starts its job.
        now = time.time()
        running = ImportJob(
            agency="3578",
            kind="employees",
            sha256=kept.sha256,
            file_name="lain.csv",
            dry_run=True,
            officer="budi",
            state=JobState.RUNNING,
            process="another-process",
            host="another-host",
            pid=1,
            started_at=now,
            updated_at=now,
        )
        job_file(import_service).write_text(running.to_json())
        fcntl.flock(held, fcntl.LOCK_UN)
    other.join(5)
    assert len(outcome) == 1
    assert isinstance(outcome[0], JobRunning)
    assert jobs.job("3578") == running
