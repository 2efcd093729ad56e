"""The employee's inbox (``/notifikasi``): their notifications, newest first, each with the
case it concerns, marked read one by one or all at once; the navigation's link shows how
many are unread. Read and marked through the package's GraphQL documents
(``MyNotifications``, ``MyUnreadNotificationCount``, ``MarkNotificationsRead``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from asn_graph.api.web.downloads import (
    Column,
    Listing,
    download,
    download_format,
    every_node,
    value_of,
)
from asn_graph.api.web.frame import Frame
from asn_graph.api.web.page_data import PageDataRefused
from asn_graph.api.web.rendering import Link
from asn_graph.domain.actors import Actor, Role

INBOX = "/notifikasi"
MARK_READ = "/notifikasi/baca"
PAGE_SIZE = 20
CURSOR_PARAMETER = "setelah"
NOTIFICATIONS_FILE = Listing(
    "notifikasi",
    (
        Column("notifications_shown_on", value_of("shownOn")),
        Column("notifications_kind", value_of("kind"), names="NotificationKind"),
        Column(
            "notifications_status",
            lambda row: "notifications_read" if row["read"] else "notifications_unread",
            worded=True,
        ),
        Column("notifications_case", value_of("transferCaseId")),
        Column("notifications_case_now", value_of("state"), names="CaseState"),
        Column("notifications_step_decided", value_of("step"), names="ApprovalStep"),
        Column("notifications_decree_number", value_of("decreeNumber")),
        Column("notifications_plan", value_of("planTitle")),
        Column("notifications_due_on", value_of("dueOn")),
    ),
)
"""The inbox as a file: every notification, newest first, named in the reader's language."""


class NotificationsArea:
    def __init__(self, frame: Frame) -> None:
        self.frame = frame

    def routes(self) -> list[BaseRoute]:
        return [
            Route(INBOX, self.inbox, methods=["GET"]),
            Route(MARK_READ, self.mark_read, methods=["POST"]),
        ]

    def links(self, actor: Actor) -> Sequence[Link]:
        if actor.role is not Role.EMPLOYEE or not actor.nip:
            return ()
        return (Link(INBOX, "notifications_title", count_text="notifications_unread_badge"),)

    async def link_counts(self, request: Request, actor: Actor) -> Mapping[str, int]:
        if actor.role is not Role.EMPLOYEE or not actor.nip:
            return {}
        data = await self.frame.page_data.run(request, actor, "MyUnreadNotificationCount", {})
        return {INBOX: int(data["myUnreadNotificationCount"])}

    async def inbox(self, request: Request) -> Response:
        actor = await self.frame.person(request, Role.EMPLOYEE)
        if isinstance(actor, Response):
            return actor
        wanted = download_format(request)
        if wanted is None:
            return await self._page(request, actor)
        try:
            rows = await every_node(
                self.frame.page_data, request, actor, "MyNotifications", {}, "myNotifications"
            )
        except PageDataRefused:
            return await self._page(request, actor)
        return await download(request, NOTIFICATIONS_FILE, rows, wanted, f"notifikasi-{actor.nip}")

    async def _page(
        self, request: Request, actor: Actor, error: PageDataRefused | None = None
    ) -> Response:
        after = request.query_params.get(CURSOR_PARAMETER) or None
        data: dict[str, Any] = {"error": error, "after": after}
        try:
            read = await self.frame.page_data.run(
                request, actor, "MyNotifications", {"first": PAGE_SIZE, "after": after}
            )
        except PageDataRefused as refused:
            data["refused"] = refused
        else:
            inbox = read["myNotifications"]
            data["notifications"] = [edge["node"] for edge in inbox["edges"]]
            data["unread"] = read["myUnreadNotificationCount"]
            data["total"] = inbox["totalCount"]
            data["next_cursor"] = (
                inbox["pageInfo"]["endCursor"] if inbox["pageInfo"]["hasNextPage"] else None
            )
        return self.frame.page(request, "notifications.html", "notifications_title", actor, data)

    async def mark_read(self, request: Request) -> Response:
        posted = await self.frame.posted(request, Role.EMPLOYEE)
        if isinstance(posted, Response):
            return posted
        actor, form = posted
        variables: dict[str, Any] = (
            {"all": True} if form.get("all") else {"ids": [str(form.get("id", ""))]}
        )
        try:
            await self.frame.page_data.run(request, actor, "MarkNotificationsRead", variables)
        except PageDataRefused as refused:
            await self.frame.count_links(request, actor)
            return await self._page(request, actor, refused)
        back = INBOX
        after = str(form.get(CURSOR_PARAMETER, ""))
        if after:
            back = f"{INBOX}?{CURSOR_PARAMETER}={after}"
        return RedirectResponse(back, status_code=303)
