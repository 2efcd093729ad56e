"""Signing in to the web application with a local account, over HTTP: sessions, CSRF,
sign-out, attempts limited, and nothing recorded by a failed attempt."""

from __future__ import annotations

import httpx
import orjson

from asn_graph.bootstrap import Service
from asn_graph.domain.local_account import account_id
from tests.conftest import event_count
from tests.web.conftest import (
    EMPLOYEE,
    EMPLOYEE_PASSWORD,
    FAILED_SIGNINS_PER_MINUTE,
    OFFICER_PASSWORD,
    form_token,
    sign_in,
)


async def test_a_visitor_is_sent_to_the_sign_in_page_in_indonesian(
    browser_client: httpx.AsyncClient,
) -> None:
    home = await browser_client.get("/")
    assert home.status_code == 303
    assert home.headers["location"] == "/masuk"
    page = await browser_client.get("/masuk")
    assert page.status_code == 200
    assert '<html lang="id">' in page.text
    assert '<label for="username">Nama pengguna</label>' in page.text
    assert '<label for="password">Kata sandi</label>' in page.text


async def test_an_employee_signs_in_and_sees_their_own_record(
    browser_client: httpx.AsyncClient,
) -> None:
    signed_in = await sign_in(browser_client, "siti", EMPLOYEE_PASSWORD)
    assert signed_in.status_code == 303
    cookie = signed_in.headers.get_list("set-cookie")
    session = next(c for c in cookie if c.startswith("asn_graph_session="))
    assert "HttpOnly" in session
    assert "SameSite=lax" in session
    home = await browser_client.get("/", follow_redirects=True)
    assert home.url.path == "/saya"  # an employee's home: their own record and cases
    assert home.status_code == 200
    assert EMPLOYEE.name in home.text
    assert EMPLOYEE.nip in home.text
    assert "3578 / DISKOMINFO / ANALIS-SDM" in home.text
    assert "Riwayat penempatan" in home.text
    assert "Masuk sebagai <strong>siti</strong> (pegawai)" in home.text


async def test_an_officer_sees_the_largest_staffing_gaps_of_their_agency(
    browser_client: httpx.AsyncClient, web_service: Service
) -> None:
    web_service.projector.catch_up()
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    home = await browser_client.get("/")
    assert home.status_code == 200
    assert "Kekurangan pegawai terbesar di instansi 3578" in home.text
    # Three analysts needed in each unit (the workload), one present in DISKOMINFO.
    unit = "<td>Dinas Komunikasi dan Informatika</td>"
    position = "<td>Analis Sumber Daya Manusia Aparatur Ahli Pertama</td>"
    assert f"{unit}{position}<td>3</td><td>1</td><td>2</td>" in home.text


async def test_a_wrong_password_is_told_in_indonesian_and_records_nothing(
    browser_client: httpx.AsyncClient, web_service: Service
) -> None:
    events = event_count(web_service)
    refused = await sign_in(browser_client, "siti", "bukan-kata-sandinya")
    assert refused.status_code == 200
    assert "Nama pengguna atau kata sandi salah." in refused.text
    assert "asn_graph_session" not in browser_client.cookies
    unknown = await sign_in(browser_client, "tidak-ada", "bukan-kata-sandinya")
    assert "Nama pengguna atau kata sandi salah." in unknown.text
    assert event_count(web_service) == events


async def test_a_form_without_its_csrf_token_is_refused(
    browser_client: httpx.AsyncClient,
) -> None:
    await browser_client.get("/masuk")
    forged = await browser_client.post(
        "/masuk", data={"username": "siti", "password": EMPLOYEE_PASSWORD}
    )
    assert forged.status_code == 403
    assert "asn_graph_session" not in browser_client.cookies
    await sign_in(browser_client, "siti", EMPLOYEE_PASSWORD)
    wrong = await browser_client.post("/keluar", data={"csrf_token": "dari-situs-lain"})
    assert wrong.status_code == 403
    assert "Formulir ini kedaluwarsa" in wrong.text
    still = await browser_client.get("/", follow_redirects=True)
    assert still.status_code == 200


async def test_signing_out_revokes_the_session_and_is_recorded_with_the_person(
    browser_client: httpx.AsyncClient, web_service: Service
) -> None:
    await sign_in(browser_client, "siti", EMPLOYEE_PASSWORD)
    session = browser_client.cookies["asn_graph_session"]
    home = await browser_client.get("/", follow_redirects=True)
    signed_out = await browser_client.post("/keluar", data={"csrf_token": form_token(home.text)})
    assert signed_out.status_code == 303
    assert signed_out.headers["location"] == "/masuk"
    assert "asn_graph_session" not in browser_client.cookies
    # The old session's cookie, sent again (as a stolen copy would be), signs in no one.
    browser_client.cookies.set("asn_graph_session", session)
    assert (await browser_client.get("/")).status_code == 303
    revocations = web_service.app.revocations.since(0)
    assert len(revocations.tokens) == 1


async def test_failed_attempts_are_limited_per_account(
    browser_client: httpx.AsyncClient,
) -> None:
    for _ in range(FAILED_SIGNINS_PER_MINUTE):
        wrong = await sign_in(browser_client, "siti", "tebakan-salah")
        assert "Nama pengguna atau kata sandi salah." in wrong.text
    limited = await sign_in(browser_client, "siti", EMPLOYEE_PASSWORD)
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) >= 1
    assert "Terlalu banyak percobaan masuk yang gagal" in limited.text
    assert "asn_graph_session" not in browser_client.cookies


async def test_the_password_hash_is_in_no_history_nor_audit_entry(
    browser_client: httpx.AsyncClient, web_service: Service
) -> None:
    history = web_service.app.history(account_id("siti"))
    assert history[0].details["nip"] == EMPLOYEE.nip
    assert "password_hash" not in history[0].details
    web_service.projector.catch_up()
    rows = web_service.views.query(
        "SELECT details FROM audit_trail WHERE event_type = 'asn-graph/local-account/added'"
    )
    assert len(rows) == 2
    trail = orjson.dumps([row["details"] for row in rows])
    assert b"siti" in trail
    assert b"argon2" not in trail
    assert b"password" not in trail
