"""An employee's notifications (notifikasi)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from asn_graph.api.types.enums import ApprovalStep, CaseState, NotificationKind
from asn_graph.projections.rows import NotificationRow


@strawberry.type(
    description="Something an employee is told of their cases, proposals, plan consultations, "
    "decrees or evaluations; the case or plan it concerns, and whether they have read it."
)
class Notification:
    id: strawberry.ID = strawberry.field(
        description="Pass to markNotificationsRead. The same after the read models are rebuilt."
    )
    kind: NotificationKind
    shown_on: date = strawberry.field(
        description="The day it was shown: the day of the event, or the day an evaluation's "
        "window opened."
    )
    recorded_at: datetime = strawberry.field(description="When the event behind it was recorded.")
    read: bool
    transfer_case_id: strawberry.ID | None = strawberry.field(
        description="The case it concerns (its page: /kasus/{id})."
    )
    transfer_plan_id: strawberry.ID | None = strawberry.field(
        description="The transfer plan whose consultation awaits the employee's answer."
    )
    state: CaseState | None = strawberry.field(description="The state the case moved to.")
    step: ApprovalStep | None = strawberry.field(description="The approval step decided.")
    decree_number: str | None = strawberry.field(description="The decree's (SK's) number.")
    plan_title: str | None
    due_on: date | None = strawberry.field(
        description="By when: the consultation's answer, or the evaluation's due date."
    )

    @classmethod
    def of(cls, row: NotificationRow) -> Notification:
        return cls(
            id=strawberry.ID(str(row.seq)),
            kind=NotificationKind(row.kind),
            shown_on=date.fromisoformat(row.shown_on),
            recorded_at=datetime.fromisoformat(row.recorded_at),
            read=bool(row.is_read),
            transfer_case_id=strawberry.ID(row.case_id) if row.case_id else None,
            transfer_plan_id=strawberry.ID(row.plan_id) if row.plan_id else None,
            state=CaseState(row.state) if row.state else None,
            step=ApprovalStep(row.step) if row.step else None,
            decree_number=row.decree_number,
            plan_title=row.plan_title,
            due_on=date.fromisoformat(row.due_on) if row.due_on else None,
        )


@strawberry.type(description="How many notifications marked read now, and how many are unread.")
class NotificationsMarked:
    marked: int
    unread_count: int
