"""Browser tests: the web application served by uvicorn on a free port (in a thread), driven
by Playwright in Debian's Chromium (``apt-get install chromium``; Playwright's own browser
download needs the internet). Without Chromium these tests fail: they are never skipped."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Playwright,
    ViewportSize,
    sync_playwright,
)

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from tests.subscriptions.helpers import ServerThread
from tests.web.conftest import web_service as web_service  # the store with accounts

CHROMIUM_ARGUMENTS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = ViewportSize(width=360, height=740)
DESKTOP = ViewportSize(width=1280, height=800)
BLOCKING_IMPACTS = ("serious", "critical")


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    # Not kept for the session: while Playwright's driver runs, its event loop counts as
    # running in this thread, and the asyncio tests of other modules could not start theirs.
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("the browser tests need Chromium: apt-get install -y chromium")
    launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGUMENTS)
    yield launched
    launched.close()


@dataclass
class Site:
    url: str
    service: Service


@pytest.fixture
def site(web_service: Service, tokens: TokenService) -> Iterator[Site]:
    with ServerThread(create_app(web_service, tokens)) as server:
        yield Site(server.http_url, web_service)


def _page(browser: Browser, viewport: ViewportSize) -> Iterator[Page]:
    context = browser.new_context(viewport=viewport, locale="id-ID")
    page = context.new_page()
    errors: list[str] = []

    def note(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", note)
    yield page
    context.close()
    assert errors == [], "console errors on the page"


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A phone-sized window (360 x 740), in Indonesian."""
    yield from _page(browser, PHONE)


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    yield from _page(browser, DESKTOP)


_axe = Axe()


def assert_accessible(page: Page, screenshot: str | None = None) -> None:
    """axe-core finds no serious or critical violation on the page. With ``screenshot`` and
    ``ASN_GRAPH_SCREENSHOTS`` naming a folder, the page is also kept there as
    ``<screenshot>.png`` (the README's pictures of the main screens come from these)."""
    folder = os.environ.get("ASN_GRAPH_SCREENSHOTS")
    if screenshot is not None and folder:
        page.screenshot(path=Path(folder) / f"{screenshot}.png", full_page=True)
    results = _axe.run(page)
    blocking = [
        (violation["id"], violation["help"])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]
    assert blocking == []
