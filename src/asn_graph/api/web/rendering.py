"""Rendering a page: the templates, and the context every page shares (language, texts, the
person signed in, the navigation their role sees, the form token)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, pass_context, select_autoescape
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from asn_graph.api.web.csrf import CSRF_FIELD, csrf_token, keep_token
from asn_graph.api.web.messages import MESSAGES, Language, language_of
from asn_graph.domain.actors import Actor
from asn_graph.domain.event_names import event_name
from asn_graph.domain.names import name_of_code

templates = Jinja2Templates(
    env=Environment(
        loader=PackageLoader("asn_graph.api.web", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
)


@pass_context
def _named(context: Any, code: object, kind: str) -> str:
    """``{{ case.state | named("CaseState") }}``: the name of a code in the page's language."""
    if code is None:
        return "-"
    return name_of_code(kind, str(code), context["language"] is Language.INDONESIAN)


@pass_context
def _event_named(context: Any, topic: object) -> str:
    """``{{ entry.eventType | event_named }}``: the name of a kind of event."""
    return event_name(str(topic), context["language"] is Language.INDONESIAN)


templates.env.filters["named"] = _named
templates.env.filters["event_named"] = _event_named


@dataclass(frozen=True)
class Link:
    """An entry of the navigation: where it goes and the key of its text; a count of things
    waiting there (unread notifications), shown in the link's text with the text of
    ``count_text`` (a ``{count}`` template) when there are any."""

    href: str
    text: str
    count: int | None = None
    count_text: str | None = None


def render(
    request: Request,
    template: str,
    title: str,
    actor: Actor | None,
    data: dict[str, Any] | None = None,
    status_code: int = 200,
    navigation: Sequence[Link] = (),
) -> Response:
    language = language_of(request)
    token = csrf_token(request)
    context: dict[str, Any] = {
        "language": language,
        "languages": list(Language),
        "text": MESSAGES[language],
        "title": title,
        "actor": actor,
        "navigation": navigation,
        "csrf_field": CSRF_FIELD,
        "csrf_token": token,
        **(data or {}),
    }
    response = templates.TemplateResponse(request, template, context, status_code=status_code)
    # Pages depend on the language and the person: never kept by a shared cache.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Vary"] = "Accept-Language, Cookie"
    keep_token(request, response, token)
    return response
