"""The employee's own notifications."""

from __future__ import annotations

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.pagination import (
    Connection,
    check_page_size,
    connection,
    decode_cursor,
)
from asn_graph.api.types.notifications import Notification
from asn_graph.domain.errors import Forbidden, InvalidInput
from asn_graph.projections.rows import NotificationRow


def own_nip(info: Ctx) -> str:
    """The caller's NIP: an inbox is an employee's own, read by nobody else."""
    caller = info.context.reader()
    if caller.nip is None:
        raise Forbidden("notifications.only_employees")
    return caller.nip


def inbox_key(row: NotificationRow) -> str:
    return f"{row.shown_on}|{row.seq}"


def decode_inbox_cursor(cursor: str | None) -> tuple[str, int] | None:
    key = decode_cursor("notification", cursor)
    if key is None:
        return None
    shown_on, _, seq = key.partition("|")
    if not shown_on or not seq.isdigit():
        raise InvalidInput("pagination.cursor_not_one_this_list", field="after")
    return shown_on, int(seq)


@strawberry.type
class NotificationQueries:
    @strawberry.field(
        description="The caller's notifications, newest first (employees): what happened to "
        "their cases, what awaits their answer, decrees, evaluations due."
    )
    async def my_notifications(
        self,
        info: Ctx,
        first: int = 20,
        after: str | None = None,
        unread_only: bool = False,
    ) -> Connection[Notification]:
        nip = own_nip(info)
        cursor = decode_inbox_cursor(after)
        today = info.context.app.today().isoformat()
        inbox = (await info.context.read()).notifications
        page = await info.context.run(
            inbox.inbox, nip, today, check_page_size(first), cursor, unread_only
        )
        return connection(page, "notification", inbox_key, Notification.of)

    @strawberry.field(description="How many of the caller's notifications are unread.")
    async def my_unread_notification_count(self, info: Ctx) -> int:
        nip = own_nip(info)
        today = info.context.app.today().isoformat()
        inbox = (await info.context.read()).notifications
        return await info.context.run(inbox.unread_count, nip, today)
