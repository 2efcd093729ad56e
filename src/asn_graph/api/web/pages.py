"""The web application's routes: the pages, the language switch, the static assets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from asn_graph.api.web.csrf import CSRF_FIELD, csrf_token, genuine, keep_token
from asn_graph.api.web.messages import (
    LANGUAGE_COOKIE,
    MESSAGES,
    Language,
    chosen_language,
    language_of,
)

STATIC_MAX_AGE_SECONDS = 3600
"""Assets keep their address between releases; an hour bounds how long a browser keeps an old one
(each is revalidated by its ETag after that)."""
LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600

_templates = Jinja2Templates(
    env=Environment(
        loader=PackageLoader("asn_graph.api.web", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
)


def web_routes() -> list[BaseRoute]:
    static = StaticFiles(directory=Path(__file__).with_name("static"))
    return [
        Route("/", home, methods=["GET"]),
        Route("/bahasa", switch_language, methods=["POST"]),
        Mount("/static", app=_Cached(static), name="static"),
    ]


async def home(request: Request) -> Response:
    return _page(request, "home.html", "home_title")


async def switch_language(request: Request) -> Response:
    form = await request.form()
    if not genuine(request, form.get(CSRF_FIELD)):
        return _page(request, "refused.html", "refused_title", status_code=403)
    language = chosen_language(str(form.get("language", ""))) or language_of(request)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        LANGUAGE_COOKIE,
        language.value,
        max_age=LANGUAGE_COOKIE_SECONDS,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response


def _page(request: Request, template: str, title: str, status_code: int = 200) -> Response:
    language = language_of(request)
    token = csrf_token(request)
    context: dict[str, Any] = {
        "language": language,
        "languages": list(Language),
        "text": MESSAGES[language],
        "title": title,
        "csrf_field": CSRF_FIELD,
        "csrf_token": token,
    }
    response = _templates.TemplateResponse(request, template, context, status_code=status_code)
    # Pages depend on the language and the caller: never kept by a shared cache.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Vary"] = "Accept-Language, Cookie"
    keep_token(request, response, token)
    return response


class _Cached:
    """Static assets with a ``Cache-Control`` (StaticFiles gives only ETag and Last-Modified)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_cached(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (200, 304):
                message["headers"] = [
                    *message.get("headers", ()),
                    (b"cache-control", f"public, max-age={STATIC_MAX_AGE_SECONDS}".encode()),
                ]
            await send(message)

        await self.app(scope, receive, send_cached)
