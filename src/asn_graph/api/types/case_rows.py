"""A row of the transfer case list (the case register), read from the read models."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import partial
from zoneinfo import ZoneInfo

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.types.case_stage import CaseStage
from asn_graph.api.types.common import Placement, PlanLink
from asn_graph.api.types.enums import (
    ApprovalStep,
    CaseState,
    DeadlineKind,
    Initiative,
    TransferType,
)
from asn_graph.domain import case_state, transfer_types
from asn_graph.domain.placement import Placement as DomainPlacement
from asn_graph.domain.stages import days_in_stage, is_overdue
from asn_graph.projections.case_register_rows import StageStintRow
from asn_graph.projections.rows import CaseRow


@strawberry.type(
    description="A stint of a case in one stage (tahap): from the event that moved the case "
    "into it to the one that moved it on. A case that has ended (closed, rejected, withdrawn, "
    "cancelled, expired) is in no stage."
)
class CaseStageStint:
    state: CaseState
    pending_step: ApprovalStep | None = strawberry.field(
        description="In approval: the step awaited during the stint."
    )
    entered_at: datetime
    left_at: datetime | None = strawberry.field(description="Null while the case is in it.")
    days: int = strawberry.field(
        description="Whole days in the agency's calendar from the day it was entered to the "
        "day it was left, or to today while the case is in it."
    )

    @classmethod
    def of(cls, row: StageStintRow, today: date) -> CaseStageStint:
        left_on = date.fromordinal(row.left_day) if row.left_day is not None else today
        return cls(
            state=CaseState(row.state),
            pending_step=ApprovalStep(row.pending_step) if row.pending_step else None,
            entered_at=datetime.fromisoformat(row.entered_at),
            left_at=datetime.fromisoformat(row.left_at) if row.left_at else None,
            days=days_in_stage(date.fromordinal(row.entered_day), left_on),
        )


class PageStints:
    """The stints of the cases of one page, read in one query when the first is asked for."""

    def __init__(self, info: Ctx, case_ids: Sequence[str]) -> None:
        self._info = info
        self._case_ids = list(case_ids)
        self._read: asyncio.Future[dict[str, list[StageStintRow]]] | None = None

    async def of(self, case_id: str) -> list[StageStintRow]:
        if self._read is None:
            self._read = asyncio.ensure_future(self._every_case())
        return (await asyncio.shield(self._read)).get(case_id, [])

    async def _every_case(self) -> dict[str, list[StageStintRow]]:
        read = await self._info.context.read()
        rows = await self._info.context.run(read.case_register.stints_of, self._case_ids)
        by_case: dict[str, list[StageStintRow]] = defaultdict(list)
        for row in rows:
            by_case[row.case_id].append(row)
        return by_case


@strawberry.type(description="A row of the transfer case list (the case register).")
class TransferCaseSummary:
    id: strawberry.ID
    nip: str
    employee_name: str | None
    transfer_type: TransferType
    initiative: Initiative
    state: CaseState
    origin: Placement
    destination: Placement
    opened_at: datetime
    updated_at: datetime
    plan: PlanLink | None = strawberry.field(
        description="The transfer plan (rencana mutasi) the case was opened from, if any."
    )
    stage: CaseStage = strawberry.field(
        description="The stage the case is in, as TransferCase.stage and the worklist reckon "
        "it; for a case that has ended, the state it ended in."
    )
    days_in_stage: int = strawberry.field(description="Days in the current stage (stage's).")
    due_on: date | None = strawberry.field(
        description="When the current stage is due (stage's); null for a case that has ended."
    )
    overdue: bool = strawberry.field(
        description="The current stage is past its due date (stage's); false once ended."
    )
    closed_at: datetime | None = strawberry.field(
        description="When the case ended: closed, rejected, withdrawn, cancelled or expired."
    )
    stints: strawberry.Private[PageStints]
    today: strawberry.Private[date]

    @strawberry.field(
        description="Every stage the case has been in, in order, with its days (the "
        "register's days per stage)."
    )
    async def stages(self) -> list[CaseStageStint]:
        rows = await self.stints.of(str(self.id))
        return [CaseStageStint.of(row, self.today) for row in rows]

    @classmethod
    def of(
        cls, row: CaseRow, today: date, zone: ZoneInfo, stints: PageStints
    ) -> TransferCaseSummary:
        entered_at = datetime.fromisoformat(row.stage_entered_at)
        due_on = date.fromisoformat(row.due_on) if row.due_on else None
        in_stage = days_in_stage(entered_at.astimezone(zone).date(), today)
        overdue = is_overdue(due_on, today)
        state = case_state.CaseState(row.state)
        return cls(
            id=strawberry.ID(row.id),
            nip=row.nip,
            employee_name=row.employee_name,
            transfer_type=transfer_types.TransferType(row.transfer_type),
            initiative=transfer_types.Initiative(row.initiative),
            state=state,
            origin=Placement.of(
                DomainPlacement(row.origin_agency, row.origin_unit, row.origin_position)
            ),
            destination=Placement.of(
                DomainPlacement(
                    row.destination_agency, row.destination_unit, row.destination_position
                )
            ),
            opened_at=datetime.fromisoformat(row.opened_at),
            updated_at=datetime.fromisoformat(row.updated_at),
            plan=PlanLink.of_columns(row.plan_id, row.plan_move),
            stage=CaseStage(
                state=state,
                pending_step=ApprovalStep(row.pending_step) if row.pending_step else None,
                assignee_role=row.assignee_role,
                entered_at=entered_at,
                days_in_stage=in_stage,
                deadline=DeadlineKind(row.deadline) if row.deadline else None,
                due_on=due_on,
                overdue=overdue,
            ),
            days_in_stage=in_stage,
            due_on=due_on,
            overdue=overdue,
            closed_at=datetime.fromisoformat(row.closed_at) if row.closed_at else None,
            stints=stints,
            today=today,
        )


def summaries(info: Ctx, rows: Sequence[CaseRow]) -> Callable[[CaseRow], TransferCaseSummary]:
    """How each of ``rows`` (one page) becomes a summary: as of today, in the agency's
    calendar, their stints read together when asked for."""
    zone = ZoneInfo(info.context.service.settings.timezone)
    stints = PageStints(info, [row.id for row in rows])
    return partial(TransferCaseSummary.of, today=info.context.app.today(), zone=zone, stints=stints)
