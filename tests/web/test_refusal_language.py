"""A form's refusal reaches its page in the page's language, on SQLite and PostgreSQL: the
pages ask the API in the person's language (the language cookie, else the browser's
Accept-Language, else Indonesian), so the message shown beside a field is Indonesian by
default; its field and code are the API's own, and nothing is recorded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.requests import Request

from asn_graph.api.auth import actor_of
from asn_graph.api.blocking import BlockingPool
from asn_graph.api.schema import build_schema
from asn_graph.api.web.form_errors import FormErrors
from asn_graph.api.web.messages import LANGUAGE_COOKIE
from asn_graph.api.web.page_data import PageData, PageDataRefused
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import event_count
from tests.web.conftest import EMPLOYEE

OPENING = {
    "input": {
        "nip": EMPLOYEE.nip,
        "destination": {"agencyCode": "3578", "unitCode": "BKPSDM", "positionCode": "ANALIS-SDM"},
        "initiative": "AGENCY_INTEREST",
        "reason": "   ",
    }
}
SHOWN = {"nip", "destination", "initiative", "reason"}


@pytest.fixture
def page_data(web_service: Service) -> Iterator[PageData]:
    settings = web_service.settings
    blocking = BlockingPool(settings.pool_size, settings.request_timeout_seconds)
    yield PageData(build_schema(settings.fast_paths), web_service, blocking)
    blocking.close()


def page_request(headers: dict[str, str]) -> Request:
    return Request(
        {
            "type": "http",
            "method": "POST",
            "path": "/kasus",
            "query_string": b"",
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        }
    )


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "usulan mutasi menyebut alasannya"),
        ({"Accept-Language": "id-ID,id;q=0.9"}, "usulan mutasi menyebut alasannya"),
        ({"Accept-Language": "en-US,en;q=0.9"}, "a transfer case states its reason"),
        (
            {"Accept-Language": "en", "Cookie": f"{LANGUAGE_COOKIE}=id"},
            "usulan mutasi menyebut alasannya",
        ),
        ({"Cookie": f"{LANGUAGE_COOKIE}=en"}, "a transfer case states its reason"),
    ],
)
async def test_a_form_refusal_is_shown_beside_its_field_in_the_page_s_language(
    page_data: PageData, web_service: Service, headers: dict[str, str], message: str
) -> None:
    officer = actor_of("budi", Role.OFFICER, "3578", None)
    before = event_count(web_service)

    with pytest.raises(PageDataRefused) as refused:
        await page_data.run(page_request(headers), officer, "OpenTransferCase", OPENING)

    assert (refused.value.code, refused.value.field) == ("BAD_INPUT", "reason")
    errors = FormErrors.of(refused.value, SHOWN)
    assert errors.fields == {"reason": message}
    assert errors.general is None
    assert event_count(web_service) == before
