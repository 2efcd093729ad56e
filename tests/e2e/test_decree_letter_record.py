"""The SHA-256 of a decree letter is recorded in the store when the decree is issued or
corrected, and a copy is verified against the recorded one; verification addresses have a key
of their own, not the token secret's."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from uuid import UUID

import httpx

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from asn_graph.domain.decree_letter_register import DecreeLetterRegister, register_id
from asn_graph.letters.verification import LetterKey, former_mac_key
from tests.conftest import SECRET, Api
from tests.e2e.test_decree_letters import (
    CORRECT,
    NUMBER,
    decreed_case,
    download,
    verification_path,
    verify,
)
from tests.web.conftest import form_token


def served(
    service: Service, tokens: TokenService
) -> AbstractAsyncContextManager[httpx.AsyncClient]:
    @asynccontextmanager
    async def client() -> AsyncIterator[httpx.AsyncClient]:
        transport = httpx.ASGITransport(app=create_app(service, tokens))
        async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as c:
            yield c

    return client()


def recorded_letters(service: Service, case_id: str) -> DecreeLetterRegister:
    register = service.store.aggregate(register_id(UUID(case_id)))
    assert isinstance(register, DecreeLetterRegister)
    return register


async def test_the_letters_sha256_is_recorded_when_the_decree_is_issued_and_corrected(
    api: Api, organised: Service
) -> None:
    case, decree, signer = await decreed_case(api, organised)
    officer = api.token(Role.OFFICER, "3578")
    first = (await download(api, case["id"], officer)).content
    register = recorded_letters(organised, case["id"])
    assert list(register.letters.values()) == [hashlib.sha256(first).hexdigest()]
    recorded_by = organised.app.history(register.id)  # recorded by the decree's signer
    assert {entry.actor.role for entry in recorded_by if entry.actor} == {Role.APPROVER}

    await api.ok(CORRECT, {"input": {**decree, "reason": "TMT keliru"}}, token=signer)
    second = (await download(api, case["id"], officer)).content
    register = recorded_letters(organised, case["id"])
    assert list(register.letters.values()) == [
        hashlib.sha256(first).hexdigest(),
        hashlib.sha256(second).hexdigest(),
    ]
    record = await verify(api, verification_path(first), first)
    assert record["recorded"] is True
    assert record["genuine"] is True
    assert record["status"] == "SUPERSEDED"


async def test_a_copy_is_checked_against_the_recorded_sha256_not_a_letter_rendered_again(
    api: Api, organised: Service, tokens: TokenService
) -> None:
    case, _, _ = await decreed_case(api, organised)
    officer = api.token(Role.OFFICER, "3578")
    held = (await download(api, case["id"], officer)).content
    path = verification_path(held)
    # Another public address renders another letter for the same decree: the copy the
    # employee holds is still the genuine one, as recorded.
    elsewhere = dataclasses.replace(
        organised,
        settings=dataclasses.replace(organised.settings, public_url="https://sk.example.go.id"),
    )
    async with served(elsewhere, tokens) as client:
        answer = await client.post(
            path,
            headers={"Accept": "application/json"},
            files={"pdf": ("sk.pdf", held, "application/pdf")},
        )
        assert answer.json()["genuine"] is True
        assert answer.json()["sha256"] == hashlib.sha256(held).hexdigest()
        rendered = await client.get(
            f"/sk/{case['id']}.pdf", headers={"Authorization": f"Bearer {officer}"}
        )
        assert rendered.content != held


async def test_verification_addresses_do_not_depend_on_the_token_secret(
    api: Api, organised: Service
) -> None:
    case, _, _ = await decreed_case(api, organised)
    pdf = (await download(api, case["id"], api.token(Role.OFFICER, "3578"))).content
    path = verification_path(pdf)
    rotated = TokenService("a-new-token-secret-after-a-rotation-of-it-0001")
    async with served(organised, rotated) as client:
        answer = await client.get(path, headers={"Accept": "application/json"})
        assert answer.status_code == 200
        assert answer.json()["status"] == "VALID"
    # An address made as earlier releases made them (from the token secret) still opens its
    # letter: letters printed before the addresses had their own key keep verifying.
    key = LetterKey(UUID(case["id"]), int(path.split("-")[-2]))
    formerly_made = _former_id(key)
    assert formerly_made != path.rsplit("/", 1)[1]
    old = await api.client.get(
        f"/verifikasi/sk/{formerly_made}", headers={"Accept": "application/json"}
    )
    assert old.status_code == 200
    assert old.json()["number"] == NUMBER


def _former_id(key: LetterKey) -> str:
    message = f"{key.case_id}:{key.version}".encode()
    mac = hmac.new(former_mac_key(SECRET), message, hashlib.sha256).hexdigest()[:24]
    return f"{key.case_id.hex}-{key.version}-{mac}"


async def test_the_verification_page_is_a_page_of_the_web_application_in_either_language(
    api: Api, organised: Service
) -> None:
    case, _, _ = await decreed_case(api, organised)
    pdf = (await download(api, case["id"], api.token(Role.OFFICER, "3578"))).content
    path = verification_path(pdf)
    page = await api.client.get(path)
    assert 'class="skip-link"' in page.text  # the common frame
    assert "Verifikasi Surat Keputusan Mutasi" in page.text
    assert "dicatat saat surat keputusan ditetapkan" in page.text
    english = await api.client.get(path, headers={"Accept-Language": "en"})
    assert '<html lang="en">' in english.text
    assert "Verification of a Transfer Decree" in english.text
    assert "In force" in english.text
    # The language switch brings the visitor back to the letter, never to another site.
    token = form_token(page.text)
    switched = await api.client.post(
        "/bahasa", data={"csrf_token": token, "language": "en", "back": path}
    )
    assert switched.headers["location"] == path
    assert "In force" in (await api.client.get(path)).text
    elsewhere = await api.client.post(
        "/bahasa", data={"csrf_token": token, "language": "id", "back": "//example.com/x"}
    )
    assert elsewhere.headers["location"] == "/masuk"
    unknown = await api.client.get(path[:-3] + "000")
    assert unknown.status_code == 404
    assert "Surat keputusan tidak ditemukan" in unknown.text
