"""The pages' language, static assets and headers, over HTTP."""

from __future__ import annotations

import httpx
import pytest

from asn_graph.api.web.messages import Language, accepted_language
from tests.web.conftest import EMPLOYEE_PASSWORD, form_token, sign_in


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("", Language.INDONESIAN),
        ("en-GB,en;q=0.9", Language.ENGLISH),
        ("fr, en;q=0.5, id;q=0.8", Language.INDONESIAN),
        ("de, fr", Language.INDONESIAN),
        ("EN-us", Language.ENGLISH),
        ("en;q=abc, id;q=0.1", Language.INDONESIAN),
    ],
)
def test_the_language_accepted(header: str, language: Language) -> None:
    assert accepted_language(header) is language


async def test_english_by_accept_language_then_the_chosen_language_by_cookie(
    browser_client: httpx.AsyncClient,
) -> None:
    english = await browser_client.get("/masuk", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert '<html lang="en">' in english.text
    assert '<label for="username">Username</label>' in english.text
    switched = await browser_client.post(
        "/bahasa", data={"csrf_token": form_token(english.text), "language": "id"}
    )
    assert switched.status_code == 303
    assert switched.headers["location"] == "/masuk"
    chosen = await browser_client.get("/masuk", headers={"Accept-Language": "en"})
    assert '<html lang="id">' in chosen.text


async def test_the_language_switch_needs_its_csrf_token(
    browser_client: httpx.AsyncClient,
) -> None:
    await browser_client.get("/masuk")
    forged = await browser_client.post("/bahasa", data={"language": "en"})
    assert forged.status_code == 403
    assert "asn_graph_language" not in browser_client.cookies


async def test_pages_are_never_cached_and_have_the_strict_policy(
    browser_client: httpx.AsyncClient,
) -> None:
    await sign_in(browser_client, "siti", EMPLOYEE_PASSWORD)
    for path in ("/masuk", "/"):
        page = await browser_client.get(path, follow_redirects=True)
        assert page.headers["cache-control"] == "no-store"
        policy = page.headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "style-src 'self'" in policy
        assert "<script" not in page.text
        assert "style=" not in page.text
        assert "<style" not in page.text


async def test_the_stylesheet_is_served_from_the_package_with_cache_headers(
    browser_client: httpx.AsyncClient,
) -> None:
    sheet = await browser_client.get("/static/app.css")
    assert sheet.status_code == 200
    assert sheet.headers["content-type"].startswith("text/css")
    assert sheet.headers["cache-control"] == "public, max-age=3600"
    again = await browser_client.get(
        "/static/app.css", headers={"If-None-Match": sheet.headers["etag"]}
    )
    assert again.status_code == 304
