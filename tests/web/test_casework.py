"""The officers' and approvers' pages over HTTP: the worklist, the case page's forms (each
records its event with the signed-in person; bad input is answered beside its field and
records nothing), the decisions awaiting an approver, and the API's next actions they are
built on."""

from __future__ import annotations

import csv
import hashlib
import io
from uuid import UUID

import httpx
import pytest
from openpyxl import load_workbook

from asn_graph.api.web import casework, downloads
from asn_graph.bootstrap import Service
from asn_graph.domain.case_state import CaseState
from tests.conftest import event_count
from tests.web.casework_world import APPROVER_PASSWORD, request_transfer
from tests.web.casework_world import submitted_case as submitted_case
from tests.web.conftest import EMPLOYEE, EMPLOYEE_PASSWORD, OFFICER_PASSWORD, form_token, sign_in
from tests.web.employee_fixtures import MAX_FILE_BYTES, PDF, propose_transfer
from tests.web.employee_fixtures import employee_client as employee_client
from tests.web.employee_fixtures import employee_service as employee_service
from tests.world import person, register

FORMS_OF_A_SUBMITTED_CASE = {
    "ATTACH_DOCUMENT",
    "RETURN_DOCUMENTS",
    "VERIFY_DOCUMENTS",
    "REJECT",
    "WITHDRAW",
    "EXPIRE",
}
EVERY_ACTION = (
    "ATTACH_DOCUMENT",
    "SUBMIT",
    "RETURN_DOCUMENTS",
    "VERIFY_DOCUMENTS",
    "REJECT",
    "RECORD_REVIEW_BOARD_DECISION",
    "OVERRIDE_RULE",
    "ISSUE_DECREE",
    "RECORD_HANDOVER",
    "WITHDRAW",
    "CANCEL",
    "EXPIRE",
)


def state_of(service: Service, case_id: UUID) -> CaseState:
    return service.app.cases.get(case_id).state


def last_actor(service: Service, case_id: UUID) -> tuple[str, str, str | None]:
    entry = service.app.history(case_id)[-1]
    assert entry.actor is not None
    return entry.actor.id, entry.actor.role.value, entry.actor.agency


async def post_action(
    client: httpx.AsyncClient,
    case_id: UUID,
    action: str,
    fields: dict[str, str] | None = None,
    file: tuple[str, bytes, str] | None = None,
) -> httpx.Response:
    """Posts the action's form of the case page; ``file``: the document's file uploaded."""
    page = await client.get(f"/kasus/{case_id}")
    prefix = action.lower()
    # The token the action's own form carries, as a browser sends it.
    form = page.text.split(f'id="form-{prefix}"', 1)[1].split("</form>", 1)[0]
    data = {"csrf_token": form_token(form), "tindakan": action}
    data.update({f"{prefix}-{name}": value for name, value in (fields or {}).items()})
    if file is None:
        return await client.post(f"/kasus/{case_id}", data=data)
    files = {f"{prefix}-sha256": file}
    return await client.post(f"/kasus/{case_id}", data=data, files=files)


def offered(page: str) -> set[str]:
    """The actions whose form the page offers."""
    return {action for action in EVERY_ACTION if f'name="tindakan" value="{action}"' in page}


async def test_the_worklist_shows_the_agency_s_case_with_its_stage_and_links_to_it(
    browser_client: httpx.AsyncClient, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    home = await browser_client.get("/")
    assert 'href="/antrean"' in home.text
    worklist = await browser_client.get("/antrean")
    assert worklist.status_code == 200
    assert f'href="/kasus/{submitted_case}"' in worklist.text
    assert EMPLOYEE.name in worklist.text
    assert "Diajukan" in worklist.text  # the stage, by its Indonesian name
    assert "Petugas BKPSDM" in worklist.text  # who acts next
    filtered = await browser_client.get("/antrean", params={"tahap": "IN_APPROVAL"})
    assert f"/kasus/{submitted_case}" not in filtered.text
    assert "Tidak ada usulan yang menunggu." in filtered.text
    overdue = await browser_client.get("/antrean", params={"terlambat": "1"})
    assert f"/kasus/{submitted_case}" not in overdue.text


async def test_the_worklist_downloads_as_a_file_with_every_case_named_in_its_language(
    browser_client: httpx.AsyncClient,
    web_service: Service,
    submitted_case: UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    colleague = person("3578", "DISKOMINFO", 2)
    register(web_service.app, colleague)
    request_transfer(web_service, colleague)
    monkeypatch.setattr(downloads, "PAGE_SIZE", 1)  # the file follows every page
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    page = await browser_client.get("/antrean")
    assert "format=csv" in page.text
    answer = await browser_client.get("/antrean", params={"format": "csv"})
    assert answer.headers["content-type"].startswith("text/csv")
    assert 'filename="antrean-3578.csv"' in answer.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["NIP", "Pegawai", "Tahap"]
    assert sorted(row[0] for row in rows[1:]) == sorted([EMPLOYEE.nip, colleague.nip])
    assert {row[2] for row in rows[1:]} == {"Diajukan"}
    english = await browser_client.get(
        "/antrean", params={"format": "xlsx"}, headers={"Accept-Language": "en"}
    )
    sheet = load_workbook(io.BytesIO(english.content)).active
    assert sheet is not None
    assert [cell.value for cell in sheet[1]][:3] == ["NIP", "Employee", "Stage"]
    assert sheet.max_row == 3


async def test_the_worklist_pages_through_the_agency_s_cases(
    browser_client: httpx.AsyncClient,
    web_service: Service,
    submitted_case: UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    colleague = person("3578", "DISKOMINFO", 2)
    register(web_service.app, colleague)
    second = request_transfer(web_service, colleague)
    monkeypatch.setattr(casework, "PAGE_SIZE", 1)
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    first = await browser_client.get("/antrean")
    assert "2 usulan" in first.text
    shown = {case for case in (submitted_case, second) if f"/kasus/{case}" in first.text}
    assert len(shown) == 1
    following = first.text.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0]
    following = following.replace("&amp;", "&")
    page_two = await browser_client.get(following)
    (rest,) = {submitted_case, second} - shown
    assert f"/kasus/{rest}" in page_two.text
    assert 'rel="next"' not in page_two.text
    assert 'href="/antrean">Halaman pertama' in page_two.text


async def test_an_officer_verifies_the_documents_and_the_event_names_them(
    browser_client: httpx.AsyncClient, web_service: Service, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    page = await browser_client.get(f"/kasus/{submitted_case}")
    assert page.status_code == 200
    assert offered(page.text) == FORMS_OF_A_SUBMITTED_CASE
    # each document links to its file, read through the case
    assert f'href="/berkas/{"ab" * 32}?kasus={submitted_case}"' in page.text
    assert "Surat permohonan" in page.text  # document types by name
    assert "Usulan dibuka" in page.text  # the history
    verified = await post_action(browser_client, submitted_case, "VERIFY_DOCUMENTS")
    assert verified.status_code == 303
    assert verified.headers["location"].startswith(
        f"/kasus/{submitted_case}?tercatat=VERIFY_DOCUMENTS"
    )
    assert state_of(web_service, submitted_case) is CaseState.IN_APPROVAL
    assert last_actor(web_service, submitted_case) == ("budi", "officer", "3578")
    after = await browser_client.get(verified.headers["location"])
    assert "Tercatat: Verifikasi berkas." in after.text
    assert "Dalam persetujuan" in after.text


async def test_a_reason_left_out_is_asked_for_beside_its_field_and_nothing_is_recorded(
    browser_client: httpx.AsyncClient, web_service: Service, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    events = event_count(web_service)
    answer = await post_action(browser_client, submitted_case, "RETURN_DOCUMENTS", {"reason": " "})
    assert answer.status_code == 200
    assert (
        '<p class="field-error" id="return_documents-reason-error">Wajib diisi.</p>' in answer.text
    )
    assert 'aria-describedby="return_documents-reason-error" aria-invalid="true"' in answer.text
    assert event_count(web_service) == events
    assert state_of(web_service, submitted_case) is CaseState.SUBMITTED


async def test_a_malformed_document_is_answered_beside_each_field_and_nothing_is_recorded(
    browser_client: httpx.AsyncClient, web_service: Service, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    events = event_count(web_service)
    fields = {
        "documentType": "NO_SUCH_DOCUMENT",
        "number": "800/9/2026",
        "issuedOn": "2026-13-40",
        "issuer": "Kota Surabaya",
    }
    answer = await post_action(browser_client, submitted_case, "ATTACH_DOCUMENT", fields)
    assert answer.status_code == 200
    assert 'id="attach_document-documenttype-error"' not in answer.text
    assert 'id="attach_document-documentType-error">Pilih salah satu' in answer.text
    assert 'id="attach_document-issuedOn-error">Tanggal tidak valid' in answer.text
    assert 'id="attach_document-sha256-error">Wajib diisi.' in answer.text  # no file chosen
    assert 'value="800/9/2026"' in answer.text  # what was typed is kept
    assert event_count(web_service) == events


async def test_an_api_refusal_is_shown_above_its_form_and_nothing_is_recorded(
    browser_client: httpx.AsyncClient, web_service: Service, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    await post_action(browser_client, submitted_case, "VERIFY_DOCUMENTS")
    browser_client.cookies.clear()
    await sign_in(browser_client, "ani", APPROVER_PASSWORD)
    decision = {"approved": "yes", "decidedOn": "2026-11-20", "reference": "BA/7/2026"}
    await post_action(browser_client, submitted_case, "RECORD_REVIEW_BOARD_DECISION", decision)
    assert state_of(web_service, submitted_case) is CaseState.AWAITING_DECREE
    events = event_count(web_service)
    decree = {
        "number": "821/1/2026",
        "issuer": "Pemerintah Kota Surabaya",
        "signedOn": "2026-11-23",
        "signatory": "Bukan Pejabatnya",
        "effectiveOn": "2026-12-01",
    }
    refused = await post_action(browser_client, submitted_case, "ISSUE_DECREE", decree)
    assert refused.status_code == 200
    assert 'id="errors-issue_decree">Ditolak:' in refused.text
    assert 'value="Bukan Pejabatnya"' in refused.text
    assert event_count(web_service) == events
    assert state_of(web_service, submitted_case) is CaseState.AWAITING_DECREE


async def test_the_actions_offered_change_with_the_stage_and_the_person(
    browser_client: httpx.AsyncClient, web_service: Service, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    await post_action(browser_client, submitted_case, "VERIFY_DOCUMENTS")
    officer_view = await browser_client.get(f"/kasus/{submitted_case}")
    # In approval: the review board is the approver's; the officer may still withdraw.
    assert offered(officer_view.text) == {"WITHDRAW", "EXPIRE"}
    assert "Menunggu pihak lain" in officer_view.text
    assert "Catat pertimbangan Baperjakat/TPK" in officer_view.text
    browser_client.cookies.clear()
    await sign_in(browser_client, "ani", APPROVER_PASSWORD)
    approver_view = await browser_client.get(f"/kasus/{submitted_case}")
    assert offered(approver_view.text) == {
        "RECORD_REVIEW_BOARD_DECISION",
        "OVERRIDE_RULE",
        "WITHDRAW",
        "CANCEL",
        "EXPIRE",
    }
    decision = {"approved": "yes", "decidedOn": "2026-11-20", "reference": "BA/7/2026"}
    await post_action(browser_client, submitted_case, "RECORD_REVIEW_BOARD_DECISION", decision)
    assert last_actor(web_service, submitted_case) == ("ani", "approver", "3578")
    awaiting = await browser_client.get(f"/kasus/{submitted_case}")
    assert offered(awaiting.text) == {
        "OVERRIDE_RULE",
        "ISSUE_DECREE",
        "RECORD_HANDOVER",
        "WITHDRAW",
        "CANCEL",
        "EXPIRE",
    }


async def test_an_approver_sees_the_decisions_awaiting_them_with_the_case_file(
    browser_client: httpx.AsyncClient, web_service: Service, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    assert (await browser_client.get("/keputusan")).status_code == 403
    await post_action(browser_client, submitted_case, "VERIFY_DOCUMENTS")
    browser_client.cookies.clear()
    await sign_in(browser_client, "ani", APPROVER_PASSWORD)
    home = await browser_client.get("/")
    assert 'href="/keputusan"' in home.text
    decisions = await browser_client.get("/keputusan")
    assert decisions.status_code == 200
    assert EMPLOYEE.name in decisions.text
    assert "Temuan pemeriksaan aturan" in decisions.text
    assert "Pengecualian aturan" in decisions.text
    assert f'href="/kasus/{submitted_case}#form-record_review_board_decision"' in decisions.text
    assert "#form-cancel" not in decisions.text  # it leads to decisions, not to the rest
    events = event_count(web_service)
    refusal = {"approved": "no", "decidedOn": "2026-11-20", "reference": "BA/7/2026"}
    answer = await post_action(
        browser_client, submitted_case, "RECORD_REVIEW_BOARD_DECISION", refusal
    )
    assert answer.status_code == 200
    assert (
        'id="record_review_board_decision-reason-error">'
        "Alasan wajib diisi bila keputusannya tidak setuju." in answer.text
    )
    assert event_count(web_service) == events


async def test_an_employee_can_neither_open_the_worklist_nor_act_on_the_case_page(
    browser_client: httpx.AsyncClient, web_service: Service, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "siti", EMPLOYEE_PASSWORD)
    home = await browser_client.get("/", follow_redirects=True)
    assert 'href="/antrean"' not in home.text
    assert (await browser_client.get("/antrean")).status_code == 403
    assert (await browser_client.get("/keputusan")).status_code == 403
    assert (await browser_client.get(f"/kasus/{submitted_case}")).status_code == 403
    events = event_count(web_service)
    withdrawn = await browser_client.post(
        f"/kasus/{submitted_case}",
        data={
            "csrf_token": form_token(home.text),
            "tindakan": "WITHDRAW",
            "withdraw-reason": "tidak jadi",
        },
    )
    assert withdrawn.status_code == 403
    assert event_count(web_service) == events


async def test_a_case_out_of_reach_is_not_found(
    browser_client: httpx.AsyncClient, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    missing = await browser_client.get("/kasus/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404
    assert "tidak ditemukan" in missing.text
    malformed = await browser_client.get("/kasus/bukan-nomor")
    assert malformed.status_code == 404


async def test_the_signed_in_approver_downloads_the_decree_letter_the_case_page_links(
    browser_client: httpx.AsyncClient, web_service: Service, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    await post_action(browser_client, submitted_case, "VERIFY_DOCUMENTS")
    browser_client.cookies.clear()
    await sign_in(browser_client, "ani", APPROVER_PASSWORD)
    decision = {"approved": "yes", "decidedOn": "2026-11-20", "reference": "BA/7/2026"}
    await post_action(browser_client, submitted_case, "RECORD_REVIEW_BOARD_DECISION", decision)
    decree = {
        "number": "821/1/2026",
        "issuer": "Pemerintah Kota Surabaya",
        "signedOn": "2026-11-23",
        "signatory": "Wali Kota Surabaya",
        "effectiveOn": "2026-12-01",
    }
    issued = await post_action(browser_client, submitted_case, "ISSUE_DECREE", decree)
    assert issued.status_code == 303
    page = await browser_client.get(f"/kasus/{submitted_case}")
    link = f'href="/sk/{submitted_case}.pdf"'
    assert link in page.text
    letter = await browser_client.get(f"/sk/{submitted_case}.pdf")
    assert letter.status_code == 200
    assert letter.headers["content-type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF")
    browser_client.cookies.clear()
    assert (await browser_client.get(f"/sk/{submitted_case}.pdf")).status_code == 401


async def test_the_case_page_speaks_english_when_chosen(
    browser_client: httpx.AsyncClient, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    browser_client.cookies.set("asn_graph_language", "en")
    page = await browser_client.get(f"/kasus/{submitted_case}")
    assert '<html lang="en">' in page.text
    assert "Next actions" in page.text
    assert "Verify the documents" in page.text
    assert "Submitted" in page.text
    assert "Request letter" in page.text
    worklist = await browser_client.get("/antrean")
    assert "Worklist" in worklist.text
    assert "Personnel officer" in worklist.text


async def decree_issued(client: httpx.AsyncClient, case_id: UUID) -> None:
    """The case verified by the officer, decided and decreed by the approver (signed before
    the fixed today, in effect from a day already reached)."""
    await sign_in(client, "budi", OFFICER_PASSWORD)
    await post_action(client, case_id, "VERIFY_DOCUMENTS")
    client.cookies.clear()
    await sign_in(client, "ani", APPROVER_PASSWORD)
    decision = {"approved": "yes", "decidedOn": "2026-11-05", "reference": "BA/7/2026"}
    await post_action(client, case_id, "RECORD_REVIEW_BOARD_DECISION", decision)
    decree = {
        "number": "821/2/2026",
        "issuer": "Pemerintah Kota Surabaya",
        "signedOn": "2026-11-10",
        "signatory": "Wali Kota Surabaya",
        "effectiveOn": "2026-11-16",
    }
    await post_action(client, case_id, "ISSUE_DECREE", decree)
    client.cookies.clear()


async def test_the_officer_takes_a_decreed_case_to_its_close_through_the_forms(
    browser_client: httpx.AsyncClient, web_service: Service, submitted_case: UUID
) -> None:
    await decree_issued(browser_client, submitted_case)
    assert state_of(web_service, submitted_case) is CaseState.DECREE_ISSUED
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    steps = [
        ("RECORD_HANDOVER", {"handedOverOn": "2026-11-12", "actingOfficial": "Plt. Kasubbag"}),
        ("RECORD_INSTALLATION", {"installedOn": "2026-11-17"}),
        ("RECORD_EFFECTIVE", {}),
        (
            "RECORD_TRAINING",
            {
                "title": "Orientasi",
                "provider": "BPSDM",
                "hours": "16",
                "completedOn": "2026-11-20",
            },
        ),
        (
            "RECORD_EVALUATION",
            {"rating": "BAIK", "evaluatedOn": "2026-11-21", "summary": "Menyesuaikan diri"},
        ),
        ("CLOSE", {}),
    ]
    for action, fields in steps:
        recorded = await post_action(browser_client, submitted_case, action, fields)
        assert recorded.status_code == 303, (action, recorded.text[-2000:])
        assert last_actor(web_service, submitted_case) == ("budi", "officer", "3578")
    case = web_service.app.cases.get(submitted_case)
    assert case.state is CaseState.CLOSED
    assert case.handover is not None
    assert case.handover.acting_official == "Plt. Kasubbag"
    assert [t.hours for t in case.trainings] == [16]
    page = await browser_client.get(f"/kasus/{submitted_case}")
    assert offered(page.text) == set()
    assert 'name="tindakan" value="RECORD_EVALUATION"' in page.text  # evaluasi berkala


async def test_the_approver_corrects_the_decree_starting_from_the_decree_in_force(
    browser_client: httpx.AsyncClient, web_service: Service, submitted_case: UUID
) -> None:
    await decree_issued(browser_client, submitted_case)
    await sign_in(browser_client, "ani", APPROVER_PASSWORD)
    page = await browser_client.get(f"/kasus/{submitted_case}")
    # A correction starts from the decree in force.
    assert (
        'id="correct_decree-number" name="correct_decree-number" type="text" value="821/2/2026"'
        in page.text
    )
    correction = {
        "number": "821/2/2026",
        "issuer": "Pemerintah Kota Surabaya",
        "signedOn": "2026-11-10",
        "signatory": "Wali Kota Surabaya",
        "effectiveOn": "2026-11-17",
        "reason": "TMT salah ketik",
    }
    corrected = await post_action(browser_client, submitted_case, "CORRECT_DECREE", correction)
    assert corrected.status_code == 303
    case = web_service.app.cases.get(submitted_case)
    assert case.decree is not None
    assert case.decree.effective_on.isoformat() == "2026-11-17"
    assert last_actor(web_service, submitted_case) == ("ani", "approver", "3578")


async def test_documents_returned_by_the_officer_and_the_case_cancelled_by_the_approver(
    browser_client: httpx.AsyncClient, web_service: Service, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    reason = {"reason": "SK pangkat terakhir tidak terbaca"}
    returned = await post_action(browser_client, submitted_case, "RETURN_DOCUMENTS", reason)
    assert returned.status_code == 303
    assert state_of(web_service, submitted_case) is CaseState.DOCUMENTS_RETURNED
    assert web_service.app.history(submitted_case)[-1].reason == reason["reason"]
    document = {
        "documentType": "LATEST_RANK_DECREE",
        "number": "823/4/2025",
        "issuedOn": "2025-04-01",
        "issuer": "BKPSDM Kota Surabaya",
    }
    attached = await post_action(
        browser_client, submitted_case, "ATTACH_DOCUMENT", document, ("sk.pdf", PDF, "text/plain")
    )
    assert attached.status_code == 303
    assert last_actor(web_service, submitted_case) == ("budi", "officer", "3578")
    documents = web_service.app.cases.get(submitted_case).documents
    assert hashlib.sha256(PDF).hexdigest() in {d.sha256 for d in documents}
    browser_client.cookies.clear()
    await sign_in(browser_client, "ani", APPROVER_PASSWORD)
    cancelled = await post_action(
        browser_client, submitted_case, "CANCEL", {"reason": "formasi dibekukan"}
    )
    assert cancelled.status_code == 303
    assert state_of(web_service, submitted_case) is CaseState.CANCELLED
    assert last_actor(web_service, submitted_case) == ("ani", "approver", "3578")
    page = await browser_client.get(cancelled.headers["location"])
    assert "Tercatat: Batalkan usulan." in page.text
    assert "Tidak ada tindakan yang dapat Anda lakukan pada tahap ini." in page.text


DOCUMENT = {
    "documentType": "POSITION_ANALYSIS",
    "number": "800/12/2026",
    "issuedOn": "2026-11-18",
    "issuer": "BKPSDM Kota Surabaya",
}


@pytest.mark.parametrize("employee_service", ["sqlite"], indirect=True)
async def test_the_officer_uploads_a_document_s_file_on_the_case_page(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    case_id = UUID(propose_transfer(employee_service))
    await sign_in(employee_client, "budi", OFFICER_PASSWORD)
    page = await employee_client.get(f"/kasus/{case_id}")
    form = page.text.split('id="form-attach_document"', 1)[1].split("</form>", 1)[0]
    assert 'enctype="multipart/form-data"' in page.text.split('id="form-attach_document"')[0][-200:]
    assert 'type="file"' in form
    assert "Paling besar 0,3 MB." in form

    attached = await post_action(
        employee_client, case_id, "ATTACH_DOCUMENT", DOCUMENT, ("penugasan.pdf", PDF, "")
    )
    assert attached.status_code == 303, attached.text
    digest = hashlib.sha256(PDF).hexdigest()
    (document,) = employee_service.app.cases.get(case_id).documents
    assert (document.document_type.value, document.sha256) == ("POSITION_ANALYSIS", digest)
    assert last_actor(employee_service, case_id) == ("budi", "officer", "3578")
    listed = await employee_client.get(attached.headers["location"])
    assert f'href="/berkas/{digest}?kasus={case_id}"' in listed.text
    assert f">{digest}</a>" in listed.text
    kept = await employee_client.get(f"/berkas/{digest}", params={"kasus": str(case_id)})
    assert kept.content == PDF


@pytest.mark.parametrize("employee_service", ["sqlite"], indirect=True)
async def test_a_file_not_a_document_or_too_large_is_refused_in_indonesian_and_records_nothing(
    employee_client: httpx.AsyncClient, employee_service: Service
) -> None:
    case_id = UUID(propose_transfer(employee_service))
    await sign_in(employee_client, "budi", OFFICER_PASSWORD)
    events = event_count(employee_service)
    script = ("surat.pdf", b"#!/bin/sh\necho bukan dokumen\n", "application/pdf")
    refused = await post_action(employee_client, case_id, "ATTACH_DOCUMENT", DOCUMENT, script)
    assert refused.status_code == 200
    error = '<p class="field-error" id="attach_document-sha256-error">'
    assert f"{error}Berkas harus berupa PDF, JPEG atau PNG.</p>" in refused.text
    assert 'value="800/12/2026"' in refused.text  # what was typed is kept
    large = ("besar.pdf", PDF + b"0" * MAX_FILE_BYTES, "application/pdf")
    too_large = await post_action(employee_client, case_id, "ATTACH_DOCUMENT", DOCUMENT, large)
    assert f"{error}Berkas terlalu besar: paling besar 0,3 MB.</p>" in too_large.text
    assert event_count(employee_service) == events
    assert not list(employee_service.settings.files_path.rglob("*"))  # nothing kept either


async def test_the_decisions_download_as_a_file_with_the_decisions_awaited(
    browser_client: httpx.AsyncClient, submitted_case: UUID
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    await post_action(browser_client, submitted_case, "VERIFY_DOCUMENTS")
    browser_client.cookies.clear()
    await sign_in(browser_client, "ani", APPROVER_PASSWORD)
    page = await browser_client.get("/keputusan")
    assert 'href="/keputusan?format=csv"' in page.text
    answer = await browser_client.get("/keputusan", params={"format": "csv"})
    assert 'filename="keputusan-3578.csv"' in answer.headers["content-disposition"]
    header, *rows = csv.reader(io.StringIO(answer.content.decode("utf-8-sig")))
    assert header[:3] == ["NIP", "Pegawai", "Tahap"]
    assert header[-1] == "Tindakan berikutnya"
    # The one case the page shows, its decision named as the page's button names it.
    assert [(row[0], row[2], row[-1]) for row in rows] == [
        (EMPLOYEE.nip, "Dalam persetujuan", "Catat pertimbangan Baperjakat/TPK")
    ]
    assert "Catat pertimbangan Baperjakat/TPK" in page.text
