"""Marking the caller's notifications read: read-model state of their inbox, not an event of
the record (see ``asn_graph.projections.notifications``), so nothing here is audited and no
idempotency key is needed: marking twice marks nothing the second time."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.queries.notifications import own_nip
from asn_graph.api.types.notifications import NotificationsMarked
from asn_graph.domain.errors import InvalidInput

MOST_AT_ONCE = 200


def _sequences(ids: list[strawberry.ID]) -> list[int]:
    if len(ids) > MOST_AT_ONCE:
        raise InvalidInput("notifications.at_most_at_once", field="ids", most=MOST_AT_ONCE)
    if not all(str(id_).isdigit() for id_ in ids):
        raise InvalidInput("notifications.not_an_id", field="ids")
    return [int(id_) for id_ in ids]


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(
        description="Mark the caller's notifications read: those named by 'ids', or all shown "
        "so far with 'all'. Ids that are not the caller's mark nothing."
    )
    async def mark_notifications_read(
        self, info: Ctx, ids: list[strawberry.ID] | None = None, all: bool = False
    ) -> NotificationsMarked:
        nip = own_nip(info)
        if all == (ids is not None):
            raise InvalidInput("notifications.name_ids_or_all", field="ids")
        sequences = None if all else _sequences(ids or [])
        if info.context.commands is not None:
            info.context.commands.take(info.context.caller().id)
        today = info.context.app.today().isoformat()
        at = datetime.now(UTC).isoformat()
        inbox = info.context.service.read.notifications
        marked = await info.context.run(inbox.mark_read, nip, today, sequences, at)
        unread = await info.context.run(inbox.unread_count, nip, today)
        return NotificationsMarked(marked=marked, unread_count=unread)
