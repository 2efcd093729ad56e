"""Queries of transfer plans: a plan, a plan as of a moment or version, what changed."""

from __future__ import annotations

from datetime import datetime

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.identifiers import parse_id
from asn_graph.api.pagination import (
    Connection,
    check_page_size,
    connection,
    decode_position_cursor,
    sequence_key,
)
from asn_graph.api.permissions import STAFF, allowed
from asn_graph.api.scoping import plan_in_scope, scoped_agencies
from asn_graph.api.types.plans import (
    PlanConsultation,
    PlanStatus,
    TransferPlan,
    TransferPlanDifference,
    TransferPlanSummary,
)
from asn_graph.application.moments import Moment
from asn_graph.application.plan_views import PlanView
from asn_graph.domain.actors import Role
from asn_graph.domain.errors import Forbidden
from asn_graph.projections.rows import PlanFilter

SHOWN_TO_EMPLOYEES = frozenset({PlanStatus.CONSULTING, PlanStatus.APPROVED, PlanStatus.LAUNCHED})
"""A draft is the officers' working paper: employees see a plan once it consults them."""


@strawberry.type(description="A transfer plan as it stood at a past moment or version.")
class TransferPlanAsOf:
    version: int
    recorded_at: datetime
    transfer_plan: TransferPlan


def _shown(info: Ctx, view: PlanView) -> TransferPlan:
    """The plan for staff; for an employee, only a plan with a move of theirs, showing that
    move alone."""
    caller = info.context.reader()
    plan_in_scope(info.context, view)
    weights = info.context.app.policy.matching
    if caller.role is not Role.EMPLOYEE:
        return TransferPlan.of(view, weights)
    if view.status not in SHOWN_TO_EMPLOYEES or not any(
        move.move.nip == caller.nip for move in view.moves
    ):
        raise Forbidden("plans.employee_may_read_only_plan")
    return TransferPlan.of(view, weights, only_nip=caller.nip)


@strawberry.type
class PlanQueries:
    @strawberry.field(description="Transfer plans, newest first: an agency's, by status.")
    async def transfer_plans(
        self,
        info: Ctx,
        agency_code: str | None = None,
        statuses: list[PlanStatus] | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[TransferPlanSummary]:
        allowed(info.context, STAFF)
        where = PlanFilter(
            scoped_agencies(info.context, agency_code),
            tuple(status.value for status in statuses or ()),
        )
        cursor = decode_position_cursor("plan", after)
        plans = (await info.context.read()).plans
        page = await info.context.run(plans.plans, where, check_page_size(first), cursor)
        return connection(page, "plan", sequence_key, TransferPlanSummary.of)

    @strawberry.field(
        description="The plans that propose the caller a move, newest first (employees)."
    )
    async def my_transfer_plan_consultations(self, info: Ctx) -> list[PlanConsultation]:
        caller = info.context.reader()
        if caller.nip is None:
            raise Forbidden("plans.only_employee_has_consultations_their")
        plans = (await info.context.read()).plans
        rows = await info.context.run(plans.consultations, caller.nip)
        return [PlanConsultation.of(row) for row in rows]

    @strawberry.field(description="A transfer plan with its moves, balances and consultation.")
    async def transfer_plan(self, info: Ctx, id: strawberry.ID) -> TransferPlan:
        info.context.reader()
        view = await info.context.run(info.context.app.plans.get, parse_id(id, "id"))
        return _shown(info, view)

    @strawberry.field(description="A transfer plan as of a date-time or a version (auditors).")
    async def transfer_plan_as_of(
        self,
        info: Ctx,
        id: strawberry.ID,
        at: datetime | None = None,
        version: int | None = None,
    ) -> TransferPlanAsOf:
        info.context.reader()
        travel = info.context.app.time_travel
        past = await info.context.run(travel.transfer_plan, parse_id(id, "id"), Moment(at, version))
        return TransferPlanAsOf(
            version=past.version,
            recorded_at=past.recorded_at,
            transfer_plan=_shown(info, past.view),
        )

    @strawberry.field(description="What changed in a plan between two of its versions.")
    async def transfer_plan_difference(
        self, info: Ctx, id: strawberry.ID, from_version: int, to_version: int
    ) -> TransferPlanDifference:
        caller = info.context.reader()
        if caller.role is Role.EMPLOYEE:
            raise Forbidden("plans.versions_plan_are_staff_auditors")
        plans = info.context.app.plans
        plan_in_scope(info.context, await info.context.run(plans.get, parse_id(id, "id")))
        difference = await info.context.run(
            plans.difference, parse_id(id, "id"), from_version, to_version
        )
        return TransferPlanDifference.of(difference)
