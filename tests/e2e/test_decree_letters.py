"""The decree letter over HTTP, on both databases: the PDF of an issued decree for those who
may read its case, and the public page that verifies it, after corrections and revocation."""

from __future__ import annotations

import hashlib
import io
import re
from typing import Any

from pypdf import PdfReader

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api, event_count
from tests.e2e.scenario import (
    approve_route,
    complete_file,
    deciding_office,
    open_case,
    placement,
    signer_token,
)
from tests.world import SIGNATORIES, person, register

LETTER = """
query($id: ID!) { transferCase(id: $id) { decreeLetter { downloadPath sha256 verificationUrl } } }
"""
DECREE_FIELDS = "transferCase { state decree { number effectiveOn } }"
ISSUE = f"mutation($input: DecreeInput!) {{ issueDecree(input: $input) {{ {DECREE_FIELDS} }} }}"
CORRECT = f"""
mutation($input: DecreeInput!) {{ correctDecree(input: $input) {{ {DECREE_FIELDS} }} }}"""
REVOKE = f"""
mutation($input: CaseReasonInput!) {{ revokeDecree(input: $input) {{ {DECREE_FIELDS} }} }}"""

NUMBER = "800.1.3.3/17/BKPSDM/2026"


async def decreed_case(api: Api, organised: Service) -> tuple[dict[str, Any], dict[str, Any], str]:
    employee = person("3578", "BKPSDM", 31)
    register(organised.app, employee)
    case = await open_case(api, employee.nip, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
    await complete_file(api, case, "3578")
    await approve_route(api, case)
    office = deciding_office(case)
    decree = {
        "caseId": case["id"],
        "number": NUMBER,
        "issuer": "Wali Kota Surabaya",
        "authority": "PPK",
        "signedOn": "2026-11-02",
        "signatory": SIGNATORIES[office],
        "effectiveOn": "2026-11-16",
    }
    signer = signer_token(api, office)
    issued = await api.ok(ISSUE, {"input": decree}, token=signer)
    assert issued["issueDecree"]["transferCase"]["state"] == "DECREE_ISSUED"
    return case, decree, signer


async def download(api: Api, case_id: str, token: str) -> Any:
    return await api.client.get(f"/sk/{case_id}.pdf", headers={"Authorization": f"Bearer {token}"})


def letter_text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def verification_path(pdf: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    found = re.search(r"(/verifikasi/sk/[0-9a-f]+-\d+-[0-9a-f]+)", text.replace("\n", ""))
    assert found, text
    return found.group(1)


async def verify(api: Api, path: str, pdf: bytes | None = None) -> dict[str, Any]:
    headers = {"Accept": "application/json"}
    if pdf is None:
        response = await api.client.get(path, headers=headers)
    else:
        files = {"pdf": ("sk.pdf", pdf, "application/pdf")}
        response = await api.client.post(path, headers=headers, files=files)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


async def test_the_letter_prints_the_decree_and_verifies_as_genuine(
    api: Api, organised: Service
) -> None:
    case, decree, _ = await decreed_case(api, organised)
    employee = api.token(Role.EMPLOYEE, nip=case["nip"])

    response = await download(api, case["id"], employee)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        f'attachment; filename="SK-800-1-3-3-17-BKPSDM-2026-{case["nip"]}.pdf"'
    )
    pdf = response.content
    text = letter_text(pdf)
    for expected in (
        f"NOMOR {NUMBER}",
        case["nip"],
        "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
        "Badan Kepegawaian dan Pengembangan SDM",
        "Dinas Komunikasi dan Informatika",
        "16 November 2026",
        "2 November 2026",
        decree["signatory"],
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN",
        "Peraturan Pemerintah Nomor 11 Tahun 2017",
    ):
        assert expected in text, expected
    assert response.headers["x-content-sha256"] == hashlib.sha256(pdf).hexdigest()
    again = await download(api, case["id"], api.token(Role.OFFICER, "3578"))
    assert again.content == pdf
    letter = (await api.ok(LETTER, {"id": case["id"]}, token=employee))["transferCase"]
    assert letter["decreeLetter"]["downloadPath"] == f"/sk/{case['id']}.pdf"
    assert letter["decreeLetter"]["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert letter["decreeLetter"]["verificationUrl"].endswith(verification_path(pdf))
    assert letter["decreeLetter"]["verificationUrl"].startswith("http://127.0.0.1:8000/")

    path = verification_path(pdf)
    record = await verify(api, path)
    assert record["status"] == "VALID"
    assert record["number"] == NUMBER
    assert record["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert case["nip"] not in str(record)
    assert record["nip"].startswith(case["nip"][:4])
    assert "*" in record["nip"]
    assert (await verify(api, path, pdf))["genuine"] is True
    tampered = pdf + b"%% an incremental update appended\n"
    assert (await verify(api, path, tampered))["genuine"] is False

    page = await api.client.get(path)
    assert page.status_code == 200
    assert "Berlaku" in page.text
    assert NUMBER in page.text
    assert "<script" not in page.text
    assert "style=" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    checked = await api.client.post(path, files={"pdf": ("sk.pdf", tampered, "application/pdf")})
    assert "TIDAK ASLI" in checked.text


async def test_a_correction_supersedes_the_letter_and_a_revocation_revokes_it(
    api: Api, organised: Service
) -> None:
    case, decree, signer = await decreed_case(api, organised)
    officer = api.token(Role.OFFICER, "3578")
    first = (await download(api, case["id"], officer)).content
    corrected = {**decree, "effectiveOn": "2026-12-01"}
    await api.ok(CORRECT, {"input": {**corrected, "reason": "TMT keliru"}}, token=signer)

    second = (await download(api, case["id"], officer)).content
    assert second != first
    assert "(TMT) 1 Desember 2026" in letter_text(second)
    old, new = verification_path(first), verification_path(second)
    assert old != new
    superseded = await verify(api, old)
    assert superseded["status"] == "SUPERSEDED"
    assert superseded["supersededBy"].endswith(new)
    assert (await verify(api, old, first))["genuine"] is True
    assert (await verify(api, new, first))["genuine"] is False
    assert (await verify(api, new))["status"] == "VALID"
    page = await api.client.get(old)
    assert "Diralat" in page.text
    assert new in page.text

    await api.ok(REVOKE, {"input": {"caseId": case["id"], "reason": "Dibatalkan"}}, token=signer)
    assert (await verify(api, new))["status"] == "REVOKED"
    assert "Dicabut" in (await api.client.get(new)).text
    revoked = await api.ok(LETTER, {"id": case["id"]}, token=officer)
    assert revoked["transferCase"]["decreeLetter"] is None
    gone = await download(api, case["id"], officer)
    assert gone.status_code == 404
    assert gone.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_out_of_scope_callers_and_unknown_addresses_learn_nothing(
    api: Api, organised: Service
) -> None:
    case, _, _ = await decreed_case(api, organised)
    before = event_count(organised)
    for token in (
        api.token(Role.OFFICER, "3515"),
        api.token(Role.EMPLOYEE, nip="199001012015031009"),
    ):
        refused = await download(api, case["id"], token)
        assert refused.status_code == 404
        assert refused.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert b"%PDF" not in refused.content
    anonymous = await api.client.get(f"/sk/{case['id']}.pdf")
    assert anonymous.status_code == 401
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    malformed = await download(api, "not-a-case", api.token(Role.OFFICER, "3578"))
    assert malformed.status_code == 404

    pdf = (await download(api, case["id"], api.token(Role.OFFICER, "3578"))).content
    genuine = verification_path(pdf)
    forged = genuine[:-1] + ("0" if genuine[-1] != "0" else "1")
    refused = await api.client.get(forged, headers={"Accept": "application/json"})
    assert refused.status_code == 404
    assert refused.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert (await api.client.get(forged)).status_code == 404
    assert event_count(organised) == before
