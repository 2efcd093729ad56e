"""The employee's pages over HTTP: my cases, a transfer request with its document (refusals
beside their fields, nothing recorded), a case's timeline, the answer to a proposal, and the
download of an uploaded document only for those who read its case."""

from __future__ import annotations

import hashlib
import re
from typing import Any
from uuid import UUID

import httpx
import pytest

from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from tests.conftest import Api, event_count
from tests.e2e.scenario import approve_route, complete_file, decree_and_move, open_case, placement
from tests.web.conftest import EMPLOYEE, EMPLOYEE_PASSWORD, OFFICER_PASSWORD, form_token, sign_in
from tests.web.employee_fixtures import (
    COLLEAGUE_PASSWORD,
    MAX_FILE_BYTES,
    PDF,
    PNG,
    propose_transfer,
)
from tests.web.employee_fixtures import employee_client as employee_client
from tests.web.employee_fixtures import employee_service as employee_service

ON_SQLITE = pytest.mark.parametrize("employee_service", ["sqlite"], indirect=True)
DESTINATION = "3578|BKPSDM|ANALIS-SDM"


def request_fields(**changes: str) -> dict[str, str]:
    fields = {
        "destination": DESTINATION,
        "reason": "Mengembangkan karier di bidang kepegawaian",
        "document_type": "REQUEST_LETTER",
        "number": "001/PMH/XI/2026",
        "issued_on": "2026-11-20",
        "issuer": EMPLOYEE.name,
    }
    return {**fields, **changes}


async def post_request(
    client: httpx.AsyncClient,
    file: tuple[str, bytes, str] | None = ("permohonan.pdf", PDF, "application/pdf"),
    **changes: str,
) -> httpx.Response:
    form = await client.get("/saya/ajukan")
    assert form.status_code == 200
    data = {"csrf_token": form_token(form.text), **request_fields(**changes)}
    files = {"document_file": file if file is not None else ("", b"", "application/octet-stream")}
    return await client.post("/saya/ajukan", data=data, files=files)


def error_beside(page: str, field: str) -> str:
    """The message shown beside a field, which the field names with aria-describedby."""
    tied = re.search(rf'id="{field}"[^>]*aria-describedby="[^"]*{field}-error"', page)
    assert tied is not None, f"{field} does not name its error"
    found = re.search(rf'<p class="field-error" id="{field}-error">([^<]+)</p>', page)
    assert found is not None, page
    return found.group(1)


def only_case(service: Service) -> Any:
    cases = service.app.employees.get(EMPLOYEE.nip).active_case_id
    assert cases is not None
    return service.app.cases.get(cases)


async def test_an_employee_requests_a_transfer_with_a_pdf_and_follows_it(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    form = await employee_client.get("/saya/ajukan")
    # The destination is picked from the positions with room, not typed as codes.
    assert f'<option value="{DESTINATION}"' in form.text
    sent = await post_request(employee_client)
    assert sent.status_code == 303, sent.text
    case = only_case(employee_service)
    assert sent.headers["location"] == f"/saya/kasus/{case.id}"
    assert case.initiative.value == "OWN_REQUEST"
    assert case.destination.unit_code == "BKPSDM"
    (document,) = case.documents
    digest = hashlib.sha256(PDF).hexdigest()
    assert (document.document_type.value, document.sha256) == ("REQUEST_LETTER", digest)
    kept = employee_service.settings.files_path / digest[:2] / digest
    assert kept.read_bytes() == PDF

    page = await employee_client.get(sent.headers["location"])
    assert page.status_code == 200
    text = page.text
    assert 'Tahap: <span class="state-badge">Draf</span>' in text
    assert "Petugas BKPSDM" in text  # who acts next
    assert "Usulan dibuka" in text
    assert "Dokumen dilampirkan" in text
    assert "Mengembangkan karier di bidang kepegawaian" in text
    assert "<strong>Surat permohonan</strong>: 001/PMH/XI/2026, 2026-11-20" in text
    assert f'href="/berkas/{digest}?kasus={case.id}"' in text
    assert "SK belum terbit." in text

    mine = await employee_client.get("/saya")
    assert f'href="/saya/kasus/{case.id}"' in mine.text
    assert "Draf" in mine.text

    download = await employee_client.get(f"/berkas/{digest}", params={"kasus": str(case.id)})
    assert download.status_code == 200
    assert download.content == PDF
    assert download.headers["content-type"] == "application/pdf"
    assert download.headers["content-disposition"].startswith("attachment")


async def test_the_same_form_sent_twice_opens_one_case(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    form = await employee_client.get("/saya/ajukan")
    key = re.search(r'name="request_key" value="([0-9a-f]+)"', form.text)
    assert key is not None
    data = {"csrf_token": form_token(form.text), "request_key": key.group(1), **request_fields()}
    files = {"document_file": ("permohonan.pdf", PDF, "application/pdf")}
    first = await employee_client.post("/saya/ajukan", data=data, files=files)
    events = event_count(employee_service)
    again = await employee_client.post("/saya/ajukan", data=data, files=files)
    assert first.headers["location"] == again.headers["location"]
    assert event_count(employee_service) == events


@ON_SQLITE
async def test_bad_input_is_told_beside_each_field_in_indonesian_and_records_nothing(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    events = event_count(employee_service)
    sent = await post_request(
        employee_client, file=None, destination="", reason=" ", number="", issued_on="2026-13-01"
    )
    assert sent.status_code == 200
    page = sent.text
    assert error_beside(page, "destination") == "Pilih jabatan tujuan dari daftar."
    assert error_beside(page, "reason") == "Tuliskan alasan permohonan."
    assert error_beside(page, "number") == "Tuliskan nomor surat."
    assert error_beside(page, "issued_on").startswith("Tuliskan tanggal surat yang sah")
    assert error_beside(page, "document_file") == "Pilih berkas yang akan diunggah."
    # What was entered stays in the form.
    assert f'value="{EMPLOYEE.name}"' in page
    assert event_count(employee_service) == events
    assert list(employee_service.settings.files_path.rglob("*")) == []


@ON_SQLITE
async def test_a_letter_dated_in_the_future_is_refused(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    events = event_count(employee_service)
    sent = await post_request(employee_client, issued_on="2030-01-01")
    assert error_beside(sent.text, "issued_on").startswith("Tuliskan tanggal surat yang sah")
    assert event_count(employee_service) == events


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            ("besar.pdf", b"%PDF-1.7\n" + b"x" * MAX_FILE_BYTES, "application/pdf"),
            "Berkas terlalu besar: paling besar 0,3 MB.",
        ),
        (
            ("surat.pdf", b"<html><body>bukan PDF</body></html>", "application/pdf"),
            "Berkas harus berupa PDF, JPEG atau PNG.",
        ),
    ],
    ids=["too-large", "not-a-pdf"],
)
async def test_a_file_too_large_or_of_another_kind_is_refused_and_records_nothing(
    employee_client: httpx.AsyncClient,
    employee_service: Service,
    file: tuple[str, bytes, str],
    message: str,
) -> None:
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    events = event_count(employee_service)
    sent = await post_request(employee_client, file=file)
    assert sent.status_code == 200
    assert error_beside(sent.text, "document_file") == message
    assert event_count(employee_service) == events
    assert [p for p in employee_service.settings.files_path.rglob("*") if p.is_file()] == []


@ON_SQLITE
async def test_an_upload_may_be_larger_than_a_graphql_request(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    large = b"%PDF-1.7\n" + b"x" * (280 * 1024)
    assert len(large) > employee_service.settings.max_body_bytes
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    sent = await post_request(employee_client, file=("scan.pdf", large, "application/pdf"))
    assert sent.status_code == 303
    graphql = await employee_client.post("/graphql", content=b"{" + b" " * len(large))
    assert graphql.status_code == 413


async def test_a_document_is_served_only_to_whom_reads_its_case(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    await post_request(employee_client, file=("foto.png", PNG, "image/png"))
    case = only_case(employee_service)
    digest = hashlib.sha256(PNG).hexdigest()
    address = f"/berkas/{digest}?kasus={case.id}"
    own = await employee_client.get(address)
    assert (own.status_code, own.headers["content-type"]) == (200, "image/png")

    employee_client.cookies.clear()
    await sign_in(employee_client, "rina", COLLEAGUE_PASSWORD)
    other = await employee_client.get(address)
    assert other.status_code == 404
    assert other.content != PNG
    # Naming a case of their own does not reach a file of another case either.
    assert (await employee_client.get(f"/berkas/{digest}")).status_code == 404

    employee_client.cookies.clear()
    await sign_in(employee_client, "budi", OFFICER_PASSWORD)
    officer = await employee_client.get(address)
    assert (officer.status_code, officer.content) == (200, PNG)

    employee_client.cookies.clear()
    assert (await employee_client.get(address)).status_code == 303  # to the sign-in page


@ON_SQLITE
async def test_another_employees_case_is_not_shown(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    await post_request(employee_client)
    case = only_case(employee_service)
    employee_client.cookies.clear()
    await sign_in(employee_client, "rina", COLLEAGUE_PASSWORD)
    page = await employee_client.get(f"/saya/kasus/{case.id}")
    assert page.status_code == 404
    assert "Usulan ini tidak ditemukan di antara usulan Anda." in page.text
    assert "Mengembangkan karier" not in page.text


async def test_an_employee_answers_a_proposal_with_a_reason_and_preferences(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    case_id = propose_transfer(employee_service)
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    page = await employee_client.get(f"/saya/kasus/{case_id}")
    assert "Instansi menunggu jawaban Anda." in page.text
    events = event_count(employee_service)
    refused = await employee_client.post(
        f"/saya/kasus/{case_id}/jawaban",
        data={"csrf_token": form_token(page.text), "agrees": "tidak", "reason": ""},
    )
    assert refused.status_code == 200
    assert error_beside(refused.text, "reason") == "Tuliskan alasan Anda tidak setuju."
    assert event_count(employee_service) == events

    answered = await employee_client.post(
        f"/saya/kasus/{case_id}/jawaban",
        data={
            "csrf_token": form_token(page.text),
            "agrees": "tidak",
            "reason": "Sedang merawat orang tua di Surabaya",
            "preferences": "3578/DISKOMINFO\n\n3578/BKPSDM/PENGADMINISTRASI\n",
        },
    )
    assert answered.status_code == 303
    view = employee_service.app.cases.get(UUID(case_id))
    assert view.proposal_answer is not None
    assert view.proposal_answer.agrees is False
    assert view.proposal_answer.preferences == ("3578/DISKOMINFO", "3578/BKPSDM/PENGADMINISTRASI")
    shown = await employee_client.get(answered.headers["location"])
    assert "Jawaban Anda saat ini: Tidak setuju." in shown.text
    assert "Pegawai menjawab usulan" in shown.text
    assert "Sedang merawat orang tua di Surabaya" in shown.text


@ON_SQLITE
async def test_the_employee_pages_are_for_employees(
    employee_client: httpx.AsyncClient,
) -> None:
    await sign_in(employee_client, "budi", OFFICER_PASSWORD)
    assert (await employee_client.get("/saya")).status_code == 403
    home = await employee_client.get("/")
    assert 'href="/saya/ajukan"' not in home.text
    employee_client.cookies.clear()
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    home = await employee_client.get("/", follow_redirects=True)
    assert 'href="/saya"' in home.text
    assert 'href="/saya/ajukan"' in home.text


@ON_SQLITE
async def test_another_document_is_added_on_the_case_page(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    sent = await post_request(employee_client)
    page = await employee_client.get(sent.headers["location"])
    case = only_case(employee_service)
    address = f"/saya/kasus/{case.id}/berkas"
    fields = {
        "csrf_token": form_token(page.text),
        "document_type": "LATEST_RANK_DECREE",
        "number": "823.3/117/BKPSDM/2024",
        "issued_on": "2024-04-01",
        "issuer": "BKPSDM Kota Surabaya",
    }
    events = event_count(employee_service)
    refused = await employee_client.post(
        address,
        data={**fields, "document_type": "SURAT_SAKTI"},
        files={"document_file": ("sk.png", PNG, "image/png")},
    )
    assert refused.status_code == 200
    assert error_beside(refused.text, "document_type") == "Pilih jenis dokumen dari daftar."
    assert event_count(employee_service) == events

    added = await employee_client.post(
        address, data=fields, files={"document_file": ("sk.png", PNG, "image/png")}
    )
    assert added.status_code == 303
    documents = {d.document_type.value: d.sha256 for d in only_case(employee_service).documents}
    assert documents["LATEST_RANK_DECREE"] == hashlib.sha256(PNG).hexdigest()
    shown = await employee_client.get(added.headers["location"])
    assert "<strong>SK pangkat terakhir</strong>: 823.3/117/BKPSDM/2024" in shown.text


@ON_SQLITE
async def test_the_pages_speak_english_when_chosen(
    employee_client: httpx.AsyncClient,
) -> None:
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    english = {"Accept-Language": "en"}
    form = await employee_client.get("/saya/ajukan", headers=english)
    assert "Request a transfer (own request)" in form.text
    assert '<label for="destination">Destination position</label>' in form.text
    assert ">Request letter</option>" in form.text
    assert "At most 0.3 MB." in form.text
    mine = await employee_client.get("/saya", headers=english)
    assert "You have no transfer case yet." in mine.text


@ON_SQLITE
async def test_a_request_the_rules_refuse_names_them_and_records_nothing(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    propose_transfer(employee_service)  # the employee has a case in flight already
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    events = event_count(employee_service)
    sent = await post_request(employee_client)
    assert sent.status_code == 200
    assert "Permohonan ditolak dan tidak dicatat." in sent.text
    assert "<li>Satu usulan aktif</li>" in sent.text
    # What was entered stays, to send again once the other case has ended.
    assert "Mengembangkan karier di bidang kepegawaian</textarea>" in sent.text
    assert event_count(employee_service) == events


async def test_the_decree_letter_is_downloaded_from_the_case_page_once_issued(
    employee_client: httpx.AsyncClient, employee_service: Service, tokens: TokenService
) -> None:
    api = Api(employee_client, tokens, employee_service)
    target = placement("3578", "BKPSDM", "ANALIS-SDM")
    case = await open_case(api, EMPLOYEE.nip, "3578", target)
    await complete_file(api, case, "3578")
    await approve_route(api, case)
    await decree_and_move(api, case, "821/77/BKPSDM/2026")

    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    page = await employee_client.get(f"/saya/kasus/{case['id']}")
    assert "821/77/BKPSDM/2026" in page.text
    assert f'href="/sk/{case["id"]}.pdf"' in page.text
    assert "SK diterbitkan" in page.text
    letter = await employee_client.get(f"/sk/{case['id']}.pdf")
    assert letter.status_code == 200
    assert letter.headers["content-type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF-")

    employee_client.cookies.clear()
    await sign_in(employee_client, "rina", COLLEAGUE_PASSWORD)
    assert (await employee_client.get(f"/sk/{case['id']}.pdf")).status_code == 404


@ON_SQLITE
async def test_no_file_is_taken_for_a_case_the_person_does_not_read(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    await post_request(employee_client)
    case = only_case(employee_service)
    kept = sorted(p for p in employee_service.settings.files_path.rglob("*") if p.is_file())
    employee_client.cookies.clear()
    await sign_in(employee_client, "rina", COLLEAGUE_PASSWORD)
    page = await employee_client.get("/saya")
    events = event_count(employee_service)
    sent = await employee_client.post(
        f"/saya/kasus/{case.id}/berkas",
        data={
            "csrf_token": form_token(page.text),
            "document_type": "LATEST_RANK_DECREE",
            "number": "1/2026",
            "issued_on": "2026-01-02",
            "issuer": "BKPSDM",
        },
        files={"document_file": ("lain.png", PNG + b"lain", "image/png")},
    )
    assert sent.status_code == 404
    assert event_count(employee_service) == events
    after = sorted(p for p in employee_service.settings.files_path.rglob("*") if p.is_file())
    assert after == kept


@ON_SQLITE
async def test_a_proposal_offers_no_document_form_to_the_employee(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    case_id = propose_transfer(employee_service)
    await sign_in(employee_client, "siti", EMPLOYEE_PASSWORD)
    page = await employee_client.get(f"/saya/kasus/{case_id}")
    assert "Kirim jawaban" in page.text
    assert f'action="/saya/kasus/{case_id}/berkas"' not in page.text
