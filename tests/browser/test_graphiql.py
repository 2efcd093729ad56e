"""GraphiQL in a real browser (Debian's Chromium driven by Playwright) with every address but
the server's own refused: the page, its libraries and the WebSocket of a subscription all come
from the server, under a policy of its own origin only."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Route, expect, sync_playwright

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.api.security_headers import IDE_POLICY
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.subscriptions.helpers import ServerThread
from tests.world import person, register

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK = "127.0.0.1"
OFFICER_NAME = "officer-3578"


@pytest.fixture
def graphiql_chromium() -> Iterator[Browser]:
    """Chromium from the system's packages: Playwright's own download needs the internet."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium is required for the browser tests: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watched:
    """What a page tried to reach beyond the server, and what it complained of."""

    refused: list[str] = field(default_factory=list)
    sockets: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def watched_page(browser: Browser) -> tuple[Page, Watched]:
    page = browser.new_page()
    watched = Watched()

    def only_loopback(route: Route) -> None:
        if urlsplit(route.request.url).hostname == LOOPBACK:
            route.continue_()
        else:
            watched.refused.append(route.request.url)
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watched.errors.append(message.text)

    page.route("**/*", only_loopback)
    page.on("console", console)
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    page.on("websocket", lambda socket: watched.sockets.append(socket.url))
    return page, watched


def run_in_editor(page: Page, editor: str, text: str) -> None:
    """Replaces what an editor holds with ``text``, as a person would by typing it."""
    page.locator(f"{editor} .CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)


def run_query(page: Page, query: str) -> None:
    """Types ``query`` and runs it once GraphiQL has read it (the page then keeps it in its
    address)."""
    run_in_editor(page, ".graphiql-query-editor", query)
    page.wait_for_url(lambda address: parse_qs(urlsplit(address).query).get("query") == [query])
    page.keyboard.press("Control+Enter")


@pytest.mark.parametrize("service", ["sqlite"], indirect=True)
def test_graphiql_renders_runs_queries_and_subscriptions_with_no_internet_access(
    organised: Service, tokens: TokenService, graphiql_chromium: Browser
) -> None:
    officer = tokens.mint(role=Role.OFFICER, subject=OFFICER_NAME, agency="3578")
    employee = person("3578", "BKPSDM", 1)
    register(organised.app, employee)
    with ServerThread(create_app(organised, tokens)) as server:
        page, watched = watched_page(graphiql_chromium)
        answer = page.goto(f"{server.http_url}/graphql")
        assert answer is not None
        assert answer.ok
        assert answer.headers["content-security-policy"] == IDE_POLICY

        expect(page.locator(".graphiql-query-editor .CodeMirror")).to_be_visible()
        page.get_by_role("button", name="Headers").click()
        headers = json.dumps({"Authorization": f"Bearer {officer}"})
        run_in_editor(page, ".graphiql-editor-tool .graphiql-editor:visible", headers)

        response = page.locator(".graphiql-response")
        run_query(page, "{ me { id role agency } }")
        expect(response).to_contain_text(OFFICER_NAME)

        # A subscription goes over a WebSocket to the same origin, the token sent with it.
        run_query(page, 'subscription { placementChanged(agencyCode: "3578", after: 0) { nip } }')
        expect(response).to_contain_text(employee.nip)
        page.close()

    assert watched.refused == []
    assert watched.sockets
    assert all(urlsplit(socket).hostname == LOOPBACK for socket in watched.sockets)
    assert watched.errors == []
