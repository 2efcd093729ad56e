"""What every page of the web application shares: the person signed in (or the way to the
sign-in page), the navigation of every part the person may use, the form token check, and the
rendering of a page inside the common frame."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from asn_graph.api.web.area import Area, CountingArea
from asn_graph.api.web.csrf import CSRF_FIELD, genuine
from asn_graph.api.web.page_data import PageData, PageDataRefused
from asn_graph.api.web.rendering import Link, render
from asn_graph.api.web.sessions import Sessions
from asn_graph.domain.actors import Actor, Role

SIGN_IN = "/masuk"
RETRY_AFTER_OUTAGE = 5
"""Seconds after which a page that met an outage of the store may be asked for again."""


class Posted(NamedTuple):
    """A form posted by a person whose role may post it, with its genuine token."""

    actor: Actor
    form: FormData


class Frame:
    def __init__(self, sessions: Sessions, page_data: PageData) -> None:
        self.sessions = sessions
        self.page_data = page_data
        self.areas: list[Area] = []

    def navigation(self, actor: Actor | None, request: Request | None = None) -> Sequence[Link]:
        if actor is None:
            return ()
        counts: dict[str, int] = (
            getattr(request.state, "link_counts", {}) if request is not None else {}
        )
        return [
            replace(link, count=counts[link.href]) if link.href in counts else link
            for area in self.areas
            for link in area.links(actor)
        ]

    async def count_links(self, request: Request, actor: Actor) -> None:
        """Reads the counts the person's links show (kept on the request for its page); a
        count that cannot be read now is left out rather than failing the page."""
        counts: dict[str, int] = {}
        for area in self.areas:
            if isinstance(area, CountingArea):
                try:
                    counts.update(await area.link_counts(request, actor))
                except PageDataRefused:
                    continue
        request.state.link_counts = counts

    async def person(self, request: Request, *roles: Role) -> Actor | Response:
        """The person signed in, if their role is one of ``roles`` (any role when none are
        named); else the answer to send instead: the sign-in page, or a refusal."""
        actor = await self.sessions.actor(request)
        if actor is None:
            return RedirectResponse(SIGN_IN, status_code=303)
        await self.count_links(request, actor)
        if roles and actor.role not in roles:
            return self.page(
                request, "refused.html", "refused_title", actor, {"reason": "role"}, 403
            )
        return actor

    async def posted(self, request: Request, *roles: Role) -> Posted | Response:
        """The person signed in (as ``person``) and the form they posted, if its token is
        genuine; else the answer to send instead: every form route of a person starts here."""
        actor = await self.person(request, *roles)
        if isinstance(actor, Response):
            return actor
        form = await self.form(request)
        if isinstance(form, Response):
            return form
        return Posted(actor, form)

    async def form(self, request: Request) -> FormData | Response:
        """A posted form whose token is genuine; else the refusal to send instead."""
        form = await request.form()
        if not genuine(request, form.get(CSRF_FIELD)):
            return self.refused(request)
        return form

    def refused(self, request: Request) -> Response:
        return render(request, "refused.html", "refused_title", None, status_code=403)

    async def public_page(
        self,
        request: Request,
        template: str,
        title: str,
        data: dict[str, Any] | None = None,
        status_code: int = 200,
    ) -> Response:
        """A page anyone may open (a decree's verification), with the header of the person
        signed in, if any."""
        actor = await self.sessions.actor(request)
        return self.page(request, template, title, actor, data, status_code)

    def unavailable(self, request: Request) -> Response:
        """The page shown when the store cannot be reached (503, with advice to retry)."""
        response = render(request, "unavailable.html", "unavailable_title", None, None, 503)
        response.headers["Retry-After"] = str(RETRY_AFTER_OUTAGE)
        return response

    def page(
        self,
        request: Request,
        template: str,
        title: str,
        actor: Actor | None,
        data: dict[str, Any] | None = None,
        status_code: int = 200,
    ) -> Response:
        return render(
            request, template, title, actor, data, status_code, self.navigation(actor, request)
        )
