"""The public address of the published monthly summaries: no sign-in, JSON and CSV, answered
from the read model with an ETag (304 when it is sent back), 404 for an unknown agency or a
month not published, and no personal data in any answer."""

from __future__ import annotations

import asyncio
import csv
import io

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api
from tests.e2e.scenario import open_case, placement
from tests.e2e.summary_world import AGENCY, publish
from tests.world import person, register

MONTH = "2026-10"
"""Closed on the world's day (2026-11-23)."""


async def _published_world(api: Api, service: Service) -> list[str]:
    """Our agency's employees, one with a case, and its October published; the NIPs and
    names no public answer may show."""
    people = [person(AGENCY, "BKPSDM", 1), person(AGENCY, "DISKOMINFO", 2)]
    for who in people:
        await asyncio.to_thread(register, service.app, who)
    await open_case(api, people[0].nip, AGENCY, placement(AGENCY, "DISKOMINFO", "ANALIS-SDM"))
    await publish(api, MONTH, api.token(Role.OFFICER, AGENCY))
    await asyncio.to_thread(service.up_to_date)
    return [text for who in people for text in (who.nip, who.name)]


async def test_the_public_reads_the_summaries_without_signing_in(
    api: Api, organised: Service
) -> None:
    personal = await _published_world(api, organised)

    listing = await api.client.get(f"/publik/{AGENCY}/ringkasan.json")
    assert listing.status_code == 200
    assert listing.headers["content-type"].startswith("application/json")
    body = listing.json()
    assert body["agencyCode"] == AGENCY
    assert [s["month"] for s in body["summaries"]] == [MONTH]
    figures = body["summaries"][0]["figures"]
    assert (figures["employeesPlaced"], figures["staffNeeded"]) == (2, 8)
    assert figures["casesOpenedByType"]["WITHIN_AGENCY"] == 0

    one = await api.client.get(f"/publik/{AGENCY}/ringkasan/{MONTH}.json")
    assert one.status_code == 200
    assert one.json()["figures"] == figures

    table = await api.client.get(f"/publik/{AGENCY}/ringkasan/{MONTH}.csv")
    assert table.status_code == 200
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert len(rows) == 1
    assert (rows[0]["month"], rows[0]["employees_placed"]) == (MONTH, "2")
    assert rows[0]["cases_opened_within_agency"] == "0"

    for answer in (listing, one, table):
        assert not [text for text in personal if text in answer.text]


async def test_an_answer_is_cached_by_its_etag(api: Api, organised: Service) -> None:
    await _published_world(api, organised)
    for path in (f"/publik/{AGENCY}/ringkasan.json", f"/publik/{AGENCY}/ringkasan/{MONTH}.csv"):
        first = await api.client.get(path)
        tag = first.headers["etag"]
        assert first.headers["cache-control"].startswith("public")
        again = await api.client.get(path, headers={"If-None-Match": tag})
        assert again.status_code == 304
        assert again.content == b""
        assert again.headers["etag"] == tag
        stale = await api.client.get(path, headers={"If-None-Match": '"stale"'})
        assert stale.status_code == 200


async def test_an_unknown_agency_or_a_month_not_published_is_not_found(
    api: Api, organised: Service
) -> None:
    await _published_world(api, organised)
    for path in (
        "/publik/9999/ringkasan.json",
        f"/publik/9999/ringkasan/{MONTH}.json",
        f"/publik/{AGENCY}/ringkasan/2026-09.json",
        f"/publik/{AGENCY}/ringkasan/2026-09.csv",
        f"/publik/{AGENCY}/ringkasan/oktober.json",
        f"/publik/{AGENCY}/ringkasan/{MONTH}.pdf",
    ):
        answer = await api.client.get(path, headers={"Accept-Language": "id"})
        assert answer.status_code == 404, path
        error = answer.json()["errors"][0]
        assert error["extensions"]["code"] == "NOT_FOUND"
        assert "instansi" in error["message"] or "ringkasan" in error["message"]
