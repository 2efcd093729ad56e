"""The plan builder and the consultation over HTTP: every form posts its mutation and
redirects to the page showing what it recorded; bad input is told in Indonesian beside its
field and records nothing; each page and action is only for the roles it names."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import httpx

from tests.conftest import event_count
from tests.web.conftest import EMPLOYEE_PASSWORD, OFFICER_PASSWORD, form_token, sign_in
from tests.web.plan_world import (
    APPROVER_PASSWORD,
    STAFF_PASSWORD,
    PlanGround,
    hidden_fields,
    plan_id_of,
    post_form,
)
from tests.web.plan_world import plan_ground as plan_ground  # the store with the planning world

TITLE = "Rencana mutasi semester I 2027"
DRAFT = {
    "title": TITLE,
    "period-start": "2027-01-01",
    "period-end": "2027-06-30",
    "scope-agencies": "3578",
    "scope-units": "BIDANG-TIK, DINKES, DISHUB",
    "max-moves": "3",
}


def error_beside(page: str, field: str, message: str) -> None:
    """The page shows ``message`` beside the field ``field``, tied to it for screen readers."""
    assert f'<p class="field-error" id="{field}-error">{html.escape(message)}</p>' in page, page
    control = re.search(rf'<(?:input|select|textarea) id="{field}"[^>]*>', page)
    assert control is not None, field
    assert f"{field}-error" in control.group(0)
    assert 'aria-invalid="true"' in control.group(0)


def alert(page: str) -> str:
    found = re.search(r'<p class="alert" role="alert">(.*?)</p>', page, flags=re.S)
    assert found is not None, page
    return html.unescape(found.group(1))


async def drafted(client: httpx.AsyncClient, **changes: str) -> str:
    answer = await post_form(client, "/rencana", "/rencana", {**DRAFT, **changes})
    assert answer.status_code == 303, answer.text
    return plan_id_of(answer.headers["location"])


async def act(
    client: httpx.AsyncClient,
    plan_id: str,
    action: str,
    fields: Mapping[str, str | list[str]] | None = None,
    nip: str | None = None,
) -> httpx.Response:
    path = f"/rencana/{plan_id}"
    return await post_form(client, path, f"{path}/{action}", fields or {}, nip)


async def post_beside(client: httpx.AsyncClient, path: str, page: str) -> httpx.Response:
    """Posts to ``path`` with a genuine form token, though no form of the page goes there."""
    return await client.post(path, data={"csrf_token": form_token(page)})


async def done(client: httpx.AsyncClient, answer: httpx.Response) -> str:
    """The page a form's redirect leads to."""
    assert answer.status_code == 303, answer.text
    page = await client.get(answer.headers["location"])
    assert page.status_code == 200
    return page.text


async def test_an_officer_drafts_a_plan_and_bad_input_is_told_beside_its_field(
    browser_client: httpx.AsyncClient, plan_ground: PlanGround
) -> None:
    service = plan_ground.service
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    empty = await browser_client.get("/rencana")
    assert "Belum ada rencana mutasi." in empty.text
    assert '<a href="/rencana" aria-current="page">Rencana mutasi</a>' in empty.text
    events = event_count(service)

    typed = {"title": "", "period-start": "2027-02-30", "max-moves": "0", "scope-units": "DIN KES!"}
    refused = await post_form(browser_client, "/rencana", "/rencana", {**DRAFT, **typed})
    assert refused.status_code == 200
    error_beside(refused.text, "title", "Wajib diisi.")
    error_beside(refused.text, "period-start", "Tanggal tidak valid; gunakan format TTTT-BB-HH.")
    error_beside(refused.text, "max-moves", "Isi dengan bilangan bulat 1 atau lebih.")
    error_beside(
        refused.text,
        "scope-units",
        "Kode hanya boleh berisi huruf, angka, titik, garis bawah, dan tanda hubung.",
    )
    assert 'value="2027-06-30"' in refused.text  # what was typed is kept

    # What only the API knows is told beside its field too, in Indonesian.
    backwards = await post_form(
        browser_client, "/rencana", "/rencana", {**DRAFT, "period-end": "2026-12-31"}
    )
    error_beside(backwards.text, "period-end", "Periode tidak boleh berakhir sebelum dimulai.")
    no_unit = await post_form(
        browser_client, "/rencana", "/rencana", {**DRAFT, "scope-units": "NOWHERE"}
    )
    error_beside(no_unit.text, "scope-units", "Unit ini tidak ada di instansi dalam cakupan.")
    outside = await post_form(
        browser_client, "/rencana", "/rencana", {**DRAFT, "scope-agencies": "3578, 3372"}
    )
    error_beside(
        outside.text,
        "scope-agencies",
        "Instansi ini di luar cakupan yang boleh direncanakan instansi Anda.",
    )
    assert event_count(service) == events

    page = await done(
        browser_client, await post_form(browser_client, "/rencana", "/rencana", DRAFT)
    )
    assert "Rencana dibuat. Atur batasannya lalu minta usulan sistem." in page
    assert f"<h1>{TITLE}</h1>" in page
    listed = await browser_client.get("/rencana")
    assert TITLE in listed.text
    assert "plan-status-draft" in listed.text
    assert ">Draf</span>" in listed.text


async def test_the_form_is_recorded_once_when_posted_twice(
    browser_client: httpx.AsyncClient, plan_ground: PlanGround
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    page = await browser_client.get("/rencana")
    fields = {**hidden_fields(page.text, "/rencana"), **DRAFT}
    first = await browser_client.post("/rencana", data=fields)
    again = await browser_client.post("/rencana", data=fields)
    assert plan_id_of(first.headers["location"]) == plan_id_of(again.headers["location"])
    written = first.headers["location"].split("posisi=")[1]
    listed = await browser_client.get(f"/rencana?posisi={written}")
    assert "1 rencana" in listed.text


async def test_the_builder_proposes_adjusts_and_constrains_a_plan(
    browser_client: httpx.AsyncClient, plan_ground: PlanGround
) -> None:
    world, service = plan_ground.world, plan_ground.service
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    plan_id = await drafted(browser_client)
    before = await browser_client.get(f"/rencana/{plan_id}")
    assert "Rencana ini belum berisi mutasi." in before.text
    assert "Buka konsultasi" not in before.text  # nobody to consult yet

    proposed = await done(browser_client, await act(browser_client, plan_id, "usulkan"))
    assert "Usulan sistem tercatat." in proposed
    for staff in (world.nurse, world.midwife, world.programmer):
        assert staff.nip in proposed
    assert "Dinas Kesehatan kekurangan 3 pegawai" in proposed  # the explanation
    assert "<dt>Kekurangan pegawai (sebelum → sesudah)</dt><dd>5 → 2</dd>" in proposed
    chart = re.search(
        r'<img class="chart-image" src="data:image/svg\+xml;base64,[^"]+" alt="([^"]+)"', proposed
    )
    assert chart is not None
    assert "sebelum dan sesudah rencana" in chart.group(1)
    assert f'href="/laporan/rencana?rencana={plan_id}"' in proposed

    events = event_count(service)
    no_reason = await act(browser_client, plan_id, "hapus-langkah", {}, world.midwife.nip)
    assert no_reason.status_code == 200
    row_field = f"remove-reason-{world.midwife.nip}"
    error_beside(no_reason.text, row_field, "Wajib diisi.")
    assert event_count(service) == events
    removed = await act(
        browser_client,
        plan_id,
        "hapus-langkah",
        {"remove-reason": "Kompetensi keperawatan belum cukup"},
        world.midwife.nip,
    )
    page = await done(browser_client, removed)
    assert "Mutasi dihapus dari rencana." in page
    assert world.midwife.nip not in page

    pinned = await act(browser_client, plan_id, "sematkan-langkah", {}, world.nurse.nip)
    page = await done(browser_client, pinned)
    assert "Diusulkan sistem · disematkan" in page
    assert "Lepas sematan" in page

    events = event_count(service)
    bad_nip = await act(
        browser_client,
        plan_id,
        "tambah-langkah",
        {"add-nip": "12345", "add-unit": "", "add-position": "PERAWAT"},
    )
    error_beside(bad_nip.text, "add-nip", "NIP terdiri atas 18 angka.")
    error_beside(bad_nip.text, "add-unit", "Wajib diisi.")
    ineligible = await act(
        browser_client,
        plan_id,
        "tambah-langkah",
        {"add-nip": world.nurse.nip, "add-unit": "DINKES", "add-position": "PERAWAT"},
    )
    assert ineligible.status_code == 200
    assert alert(ineligible.text).startswith(
        f"Ditolak karena aturan: pegawai {world.nurse.nip} sudah memiliki mutasi dalam rencana ini"
    )
    assert event_count(service) == events
    added = await act(
        browser_client,
        plan_id,
        "tambah-langkah",
        {
            "add-nip": world.midwife.nip,
            "add-unit": "dinkes",
            "add-position": "perawat",
            "add-pinned": "true",
            "add-reason": "Bersedia mengikuti pelatihan",
        },
    )
    page = await done(browser_client, added)
    assert "Mutasi ditambahkan ke rencana." in page
    assert "Ditambahkan petugas · disematkan" in page

    constraints: dict[str, str | list[str]] = {
        "scope-agencies": "3578",
        "scope-units": "DINKES, DISHUB",
        "max-moves": "2",
        "excluded-employees": "12345",
        "excluded-positions": "DINKES",
    }
    refused = await act(browser_client, plan_id, "batasan", constraints)
    error_beside(refused.text, "excluded-employees", "NIP terdiri atas 18 angka.")
    error_beside(
        refused.text,
        "excluded-positions",
        "Tulis jabatan sebagai UNIT/JABATAN atau INSTANSI/UNIT/JABATAN.",
    )
    constraints |= {
        "excluded-employees": world.driver.nip,
        "excluded-positions": "BIDANG-TIK/PRAKOM",
    }
    page = await done(browser_client, await act(browser_client, plan_id, "batasan", constraints))
    assert "Batasan rencana disimpan." in page
    assert "Unit: DINKES, DISHUB" in page
    assert f"<dd>{world.driver.nip}</dd>" in page
    assert "<dd>3578/BIDANG-TIK/PRAKOM</dd>" in page


async def test_the_consultation_answers_approval_and_launch(
    browser_client: httpx.AsyncClient, plan_ground: PlanGround
) -> None:
    service = plan_ground.service
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    plan_id = await drafted(browser_client, **{"max-moves": "2"})
    await done(browser_client, await act(browser_client, plan_id, "usulkan"))
    events = event_count(service)
    past = await act(browser_client, plan_id, "buka-konsultasi", {"answer-by": "2026-11-01"})
    error_beside(past.text, "answer-by", "Batas jawaban tidak boleh sebelum hari ini.")
    assert event_count(service) == events
    opened = await act(browser_client, plan_id, "buka-konsultasi", {"answer-by": "2026-12-01"})
    page = await done(browser_client, opened)
    assert "Konsultasi dibuka: pegawai dapat menjawab." in page
    moved = sorted(nip for nip in plan_ground.usernames if f'id="move-{nip}"' in page)
    assert len(moved) == 2
    await browser_client.post("/keluar", data={"csrf_token": form_token(page)})

    # The first employee objects: the reason's category is required.
    objector, agreeing = moved
    await sign_in(browser_client, plan_ground.usernames[objector], STAFF_PASSWORD)
    mine = await browser_client.get("/saya/konsultasi")
    assert TITLE in mine.text
    assert "Belum menjawab" in mine.text
    answer_page = f"/saya/konsultasi/{plan_id}"
    events = event_count(service)
    no_reason = await post_form(browser_client, answer_page, answer_page, {"agrees": "false"})
    assert no_reason.status_code == 200
    error_beside(no_reason.text, "objection", "Pilih salah satu pilihan yang tersedia.")
    assert 'id="agrees-no" name="agrees" value="false" checked' in no_reason.text
    assert event_count(service) == events
    objection: dict[str, str | list[str]] = {
        "agrees": "false",
        "objection": "FAMILY",
        "note": "Merawat orang tua",
        "preferred-units": ["3578/DISHUB"],
        "preferred-kinds": ["PELAKSANA"],
    }
    answered = await post_form(browser_client, answer_page, answer_page, objection)
    page = await done(browser_client, answered)
    assert "Jawaban Anda tercatat." in page
    assert "<dd>Keberatan</dd>" in page
    await browser_client.post("/keluar", data={"csrf_token": form_token(page)})

    # The approver cannot approve while an employee is not heard.
    await sign_in(browser_client, "ani", APPROVER_PASSWORD)
    events = event_count(service)
    unheard = await act(browser_client, plan_id, "setujui")
    assert unheard.status_code == 200
    assert alert(unheard.text).startswith("Ditolak karena aturan: 1 pegawai belum didengar")
    assert "Keberatan pegawai" in alert(unheard.text)  # the rule, named
    no_reason = await act(browser_client, plan_id, "kembalikan", {"return-reason": " "})
    error_beside(no_reason.text, "return-reason", "Wajib diisi.")
    assert event_count(service) == events
    page = (await browser_client.get(f"/rencana/{plan_id}")).text
    assert "Keberatan (Keluarga), 2026-11-23" in page
    assert "“Merawat orang tua”" in page
    assert "Lebih memilih: 3578/DISHUB, Pelaksana" in page
    await browser_client.post("/keluar", data={"csrf_token": form_token(page)})

    await sign_in(browser_client, plan_ground.usernames[agreeing], STAFF_PASSWORD)
    answer_page = f"/saya/konsultasi/{plan_id}"
    await done(
        browser_client,
        await post_form(browser_client, answer_page, answer_page, {"agrees": "true"}),
    )
    await browser_client.post(
        "/keluar",
        data={
            "csrf_token": form_token((await browser_client.get("/", follow_redirects=True)).text)
        },
    )

    await sign_in(browser_client, "ani", APPROVER_PASSWORD)
    page = await done(browser_client, await act(browser_client, plan_id, "setujui"))
    assert "Rencana disetujui." in page
    assert "Setujui rencana" not in page
    await browser_client.post("/keluar", data={"csrf_token": form_token(page)})

    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    events = event_count(service)
    zero = await act(browser_client, plan_id, "jalankan", {"batch-size": "0"})
    error_beside(zero.text, "batch-size", "Isi dengan bilangan bulat 1 atau lebih.")
    assert event_count(service) == events
    first = await done(
        browser_client, await act(browser_client, plan_id, "jalankan", {"batch-size": "1"})
    )
    assert "<dd>1 / 2</dd>" in first
    assert "Jalankan rencana" in first  # one move still waits
    rest = await act(browser_client, plan_id, "jalankan", {"batch-size": "100"})
    page = await done(browser_client, rest)
    assert "Rencana dijalankan: kasus mutasi dibuka." in page
    assert "<dd>2 / 2</dd>" in page
    assert "<tr><td>Draf</td><td>2</td></tr>" in page
    case_ids = re.findall(r'<a href="/kasus/([0-9a-f-]{36})">', page)
    assert len(case_ids) == 2
    assert "Batalkan rencana" not in page  # launched moves cannot be cancelled
    back = re.search(r'<p class="plan-back"><a href="([^"]+)">', page)
    assert back is not None
    listed = await browser_client.get(html.unescape(back.group(1)))
    assert ">Dijalankan</span>" in listed.text


async def test_pages_and_actions_are_for_their_roles_only(
    browser_client: httpx.AsyncClient, plan_ground: PlanGround
) -> None:
    world, service = plan_ground.world, plan_ground.service
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    plan_id = await drafted(browser_client)
    await done(browser_client, await act(browser_client, plan_id, "usulkan"))
    page = (await browser_client.get(f"/rencana/{plan_id}")).text
    assert "Setujui rencana" not in page
    events = event_count(service)
    approving = await post_beside(browser_client, f"/rencana/{plan_id}/setujui", page)
    assert approving.status_code == 403
    assert "Halaman ini bukan untuk peran Anda." in approving.text
    forged = await browser_client.post(f"/rencana/{plan_id}/usulkan", data={})
    assert forged.status_code == 403
    unknown = await post_beside(browser_client, f"/rencana/{plan_id}/tidak-ada", page)
    assert unknown.status_code == 404
    missing = await browser_client.get("/rencana/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404
    assert "Kembali ke daftar rencana" in missing.text
    assert (await browser_client.get("/rencana/bukan-rencana")).status_code == 404
    assert event_count(service) == events
    # A draft is the officers' working paper: the employees it moves do not see it yet.
    await browser_client.post("/keluar", data={"csrf_token": form_token(page)})
    await sign_in(browser_client, plan_ground.usernames[world.nurse.nip], STAFF_PASSWORD)
    mine = await browser_client.get("/saya/konsultasi")
    assert "Tidak ada rencana mutasi yang meminta pendapat Anda." in mine.text
    assert '<a href="/saya/konsultasi" aria-current="page">Konsultasi mutasi</a>' in mine.text
    assert "/rencana" not in mine.text
    assert (await browser_client.get(f"/saya/konsultasi/{plan_id}")).status_code == 403
    assert (await browser_client.get("/rencana")).status_code == 403
    await browser_client.post("/keluar", data={"csrf_token": form_token(mine.text)})

    await sign_in(browser_client, "ani", APPROVER_PASSWORD)
    events = event_count(service)
    listed = await browser_client.get("/rencana")
    assert TITLE in listed.text
    assert "Buat rencana" not in listed.text  # approvers do not draft
    page = (await browser_client.get(f"/rencana/{plan_id}")).text
    assert "Minta usulan" not in page
    proposing = await post_beside(browser_client, f"/rencana/{plan_id}/usulkan", page)
    assert proposing.status_code == 403
    assert event_count(service) == events
    await browser_client.post("/keluar", data={"csrf_token": form_token(page)})

    await sign_in(browser_client, "siti", EMPLOYEE_PASSWORD)
    home = await browser_client.get("/", follow_redirects=True)
    assert '<a href="/saya/konsultasi">Konsultasi mutasi</a>' in home.text


async def test_the_builder_in_english(
    browser_client: httpx.AsyncClient, plan_ground: PlanGround
) -> None:
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    plan_id = await drafted(browser_client)
    await done(browser_client, await act(browser_client, plan_id, "usulkan"))
    english = {"Accept-Language": "en"}
    page = (await browser_client.get(f"/rencana/{plan_id}", headers=english)).text
    assert '<h2 id="moves">Moves in the plan</h2>' in page
    assert plan_ground.world.nurse.name + " (" in page  # the explanation in English
    assert "Proposed" in page
    refused = await browser_client.post(
        f"/rencana/{plan_id}/buka-konsultasi",
        data={**hidden_fields(page, f"/rencana/{plan_id}/buka-konsultasi"), "answer-by": "x"},
        headers=english,
    )
    error_beside(refused.text, "answer-by", "Not a date; use YYYY-MM-DD.")


async def test_the_approver_returns_a_plan_and_the_officer_cancels_it(
    browser_client: httpx.AsyncClient, plan_ground: PlanGround
) -> None:
    service = plan_ground.service
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    plan_id = await drafted(browser_client)
    await done(browser_client, await act(browser_client, plan_id, "usulkan"))
    opened = await act(browser_client, plan_id, "buka-konsultasi", {"answer-by": "2026-12-01"})
    page = await done(browser_client, opened)
    await browser_client.post("/keluar", data={"csrf_token": form_token(page)})

    await sign_in(browser_client, "ani", APPROVER_PASSWORD)
    returned = await act(
        browser_client, plan_id, "kembalikan", {"return-reason": "Tunggu hasil ABK terbaru"}
    )
    page = await done(browser_client, returned)
    assert "Rencana dikembalikan kepada petugas." in page
    assert ">Draf</span>" in page
    assert "Setujui rencana" not in page
    await browser_client.post("/keluar", data={"csrf_token": form_token(page)})

    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    events = event_count(service)
    no_reason = await act(browser_client, plan_id, "batalkan", {"cancel-reason": ""})
    error_beside(no_reason.text, "cancel-reason", "Wajib diisi.")
    assert event_count(service) == events
    cancelled = await act(
        browser_client, plan_id, "batalkan", {"cancel-reason": "Anggaran tidak tersedia"}
    )
    page = await done(browser_client, cancelled)
    assert "Rencana dibatalkan." in page
    assert ">Dibatalkan</span>" in page
    for form in ("usulkan", "tambah-langkah", "batasan", "buka-konsultasi", "batalkan"):
        assert f"/rencana/{plan_id}/{form}" not in page
    # A cancelled plan takes no more changes, whatever a stale page posts.
    events = event_count(service)
    stale = await browser_client.post(
        f"/rencana/{plan_id}/usulkan", data={"csrf_token": form_token(page)}
    )
    assert stale.status_code == 200
    assert alert(stale.text).startswith("Tidak dapat dilakukan pada keadaan rencana sekarang:")
    assert event_count(service) == events


async def test_an_answer_after_the_consultation_closed_is_refused_on_the_page(
    browser_client: httpx.AsyncClient, plan_ground: PlanGround
) -> None:
    world, service = plan_ground.world, plan_ground.service
    await sign_in(browser_client, "budi", OFFICER_PASSWORD)
    plan_id = await drafted(browser_client, **{"max-moves": "1", "scope-units": "DINKES, DISHUB"})
    await done(browser_client, await act(browser_client, plan_id, "usulkan"))
    opened = await act(browser_client, plan_id, "buka-konsultasi", {"answer-by": "2026-12-01"})
    page = await done(browser_client, opened)
    await browser_client.post("/keluar", data={"csrf_token": form_token(page)})

    await sign_in(browser_client, plan_ground.usernames[world.nurse.nip], STAFF_PASSWORD)
    answer_page = f"/saya/konsultasi/{plan_id}"
    left_open = (await browser_client.get(answer_page)).text
    await done(
        browser_client,
        await post_form(browser_client, answer_page, answer_page, {"agrees": "true"}),
    )
    await browser_client.post("/keluar", data={"csrf_token": form_token(left_open)})
    await sign_in(browser_client, "ani", APPROVER_PASSWORD)
    page = await done(browser_client, await act(browser_client, plan_id, "setujui"))
    await browser_client.post("/keluar", data={"csrf_token": form_token(page)})

    await sign_in(browser_client, plan_ground.usernames[world.nurse.nip], STAFF_PASSWORD)
    page = (await browser_client.get(answer_page)).text
    assert "Kirim jawaban" not in page
    assert "<dd>Disetujui</dd>" in page
    events = event_count(service)
    late = await browser_client.post(
        answer_page,
        data={**hidden_fields(left_open, answer_page), "csrf_token": form_token(page)}
        | {"agrees": "false", "objection": "HEALTH"},
    )
    assert late.status_code == 200
    assert alert(late.text).startswith("Tidak dapat dilakukan pada keadaan rencana sekarang:")
    assert event_count(service) == events
