"""Where a case stands (tahap), as the case, the case list and the worklist tell it."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from asn_graph.api.types.enums import ApprovalStep, CaseState, DeadlineKind


@strawberry.type(
    description="Where a case stands (tahap): since when, who acts next and by when, as the "
    "worklist reckons it. A stage begins with every event that moves the case, a decided step "
    "of the route included."
)
class CaseStage:
    state: CaseState
    pending_step: ApprovalStep | None = strawberry.field(description="The step awaited now.")
    assignee_role: str | None = strawberry.field(
        description="officer, approver, bkn, governor or minister: who acts next; null when "
        "nobody has to (a closed, rejected, withdrawn, cancelled or expired case)."
    )
    entered_at: datetime = strawberry.field(description="When the case entered the stage.")
    days_in_stage: int
    deadline: DeadlineKind | None
    due_on: date | None
    overdue: bool = strawberry.field(description="The due date has passed.")
