"""The web application's routes shared by every person: sign-in and sign-out, the home page,
the language switch, the static assets; and the parts of the application (``Area``), joined
into one list of routes and one navigation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from asn_graph.api.rate_limit import RateLimited, RateLimiter
from asn_graph.api.web.area import Area
from asn_graph.api.web.csrf import keep_token, new_token
from asn_graph.api.web.employee import MINE as EMPLOYEE_HOME
from asn_graph.api.web.frame import SIGN_IN, Frame
from asn_graph.api.web.messages import LANGUAGE_COOKIE, chosen_language, language_of
from asn_graph.api.web.page_data import PageDataRefused
from asn_graph.api.web.provider_sign_in import ProviderSignIn
from asn_graph.api.web.static_cache import CachedStatic
from asn_graph.domain.actors import Role

LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600


class WebApplication:
    def __init__(self, frame: Frame, areas: Sequence[Area], failed_per_minute: int) -> None:
        self.frame = frame
        self.sessions = frame.sessions
        self.page_data = frame.page_data
        frame.areas.extend(areas)
        # Failed sign-ins are limited per address and per account: one address cannot guess
        # many accounts' passwords, nor many addresses one account's.
        self.by_address = RateLimiter(failed_per_minute, "failed sign-ins from one address")
        self.by_account = RateLimiter(failed_per_minute, "failed sign-ins to one account")
        self.limited = failed_per_minute > 0
        self.provider_sign_in = ProviderSignIn(frame)

    def routes(self) -> list[BaseRoute]:
        static = StaticFiles(directory=Path(__file__).with_name("static"))
        return [
            Route("/", self.home, methods=["GET"]),
            Route(SIGN_IN, self.sign_in_form, methods=["GET"]),
            Route(SIGN_IN, self.sign_in, methods=["POST"]),
            Route("/keluar", self.sign_out, methods=["POST"]),
            Route("/bahasa", self.switch_language, methods=["POST"]),
            *self.provider_sign_in.routes(),
            Mount("/static", app=CachedStatic(static), name="static"),
            *(route for area in self.frame.areas for route in area.routes()),
        ]

    async def home(self, request: Request) -> Response:
        actor = await self.sessions.actor(request)
        if actor is None:
            return RedirectResponse(SIGN_IN, status_code=303)
        if actor.role is Role.EMPLOYEE:
            # An employee's home is their own record and cases: one page, at one address.
            return RedirectResponse(EMPLOYEE_HOME, status_code=303)
        await self.frame.count_links(request, actor)
        try:
            data = await self.page_data.home(request, actor)
        except PageDataRefused as refused:
            data = {"refused": refused}
        return self.frame.page(request, "home.html", "home_title", actor, data)

    async def sign_in_form(self, request: Request) -> Response:
        if await self.sessions.actor(request) is not None:
            return RedirectResponse("/", status_code=303)
        return self._sign_in_page(request, {})

    async def sign_in(self, request: Request) -> Response:
        form = await self.frame.form(request)
        if isinstance(form, Response):
            return form
        username = str(form.get("username", "")).strip().lower()
        password = str(form.get("password", ""))
        address = request.client.host if request.client is not None else "unknown"
        try:
            if self.limited:
                self.by_address.refuse_if_spent(address)
                self.by_account.refuse_if_spent(username)
        except RateLimited as limited:
            wait = max(1, round(limited.retry_after))
            refused = self._sign_in_page(
                request,
                {"error": "too_many_attempts", "retry_after": wait, "username": username},
                status_code=429,
            )
            refused.headers["Retry-After"] = str(wait)
            return refused
        accounts = self.sessions.service.app.local_accounts
        actor = await self.sessions.blocking.run(accounts.signed_in, username, password)
        if actor is None:
            if self.limited:
                self.by_address.spend(address)
                self.by_account.spend(username)
            # The form again with its message: an answer of 200, since browsers report a 4xx
            # page load as an error in their console.
            extra = {"error": "wrong_credentials", "username": username}
            return self._sign_in_page(request, extra)
        response = RedirectResponse("/", status_code=303)
        self.sessions.open(request, response, actor)
        # A new token for the session: one planted before sign-in is worth nothing after.
        keep_token(request, response, new_token())
        return response

    def _sign_in_page(
        self, request: Request, data: Mapping[str, object], status_code: int = 200
    ) -> Response:
        # The identity provider's way in, when people sign in by it, beside the local form.
        shown = {"provider_name": self.provider_sign_in.provider_name, **data}
        return self.frame.page(request, "sign_in.html", "sign_in_title", None, shown, status_code)

    async def sign_out(self, request: Request) -> Response:
        form = await self.frame.form(request)
        if isinstance(form, Response):
            return form
        response = RedirectResponse(SIGN_IN, status_code=303)
        await self.sessions.close(request, response)
        return response

    async def switch_language(self, request: Request) -> Response:
        form = await self.frame.form(request)
        if isinstance(form, Response):
            return form
        language = chosen_language(str(form.get("language", ""))) or language_of(request)
        back = _local_path(str(form.get("back", "")))
        if back is None or back == "/bahasa":
            back = "/" if await self.sessions.actor(request) is not None else SIGN_IN
        response = RedirectResponse(back, status_code=303)
        response.set_cookie(
            LANGUAGE_COOKIE,
            language.value,
            max_age=LANGUAGE_COOKIE_SECONDS,
            samesite="lax",
            secure=request.url.scheme == "https",
        )
        return response


def _local_path(text: str) -> str | None:
    """The page a form came from, back on this site only (never ``//elsewhere``)."""
    if not text.startswith("/") or text.startswith("//") or "\\" in text:
        return None
    return text
