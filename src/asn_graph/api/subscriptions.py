"""Subscriptions for integrators and dashboards: placement, transfer-case and transfer-plan
changes, resumable by cursor."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from asn_graph.api.context import Context, Ctx
from asn_graph.api.identifiers import parse_id
from asn_graph.api.scoping import case_in_scope, plan_in_scope, scoped_agency
from asn_graph.api.types.changes import PlacementChange, TransferCaseChange, TransferPlanChange
from asn_graph.changes import changes
from asn_graph.changes.changes import CaseInterest, PlacementInterest, PlanInterest, UnitScope
from asn_graph.domain import authority
from asn_graph.domain.actors import Role
from asn_graph.domain.errors import InvalidInput

FOLLOWERS = (Role.INTEGRATOR, Role.AUDITOR, Role.OFFICER)
AFTER = (
    "Resume after this cursor (the `position` of the last change processed): first everything "
    "recorded since, then live changes. Omitted: live changes from now on."
)
SCOPE = (
    "With agencyCode alone: changes where either placement is in that agency. With unitCode "
    "too: in that unit (and the units below it, with includeSubUnits)."
)


def _unit_scope(
    agency_code: str | None, unit_code: str | None, include_sub_units: bool
) -> UnitScope | None:
    if agency_code is None or not agency_code.strip():
        if unit_code is not None:
            raise InvalidInput(
                "subscriptions.unitcode_needs_agencycode_belongs", field="agencyCode"
            )
        return None
    return UnitScope(
        agency_code.strip().upper(),
        unit_code.strip().upper() if unit_code and unit_code.strip() else None,
        include_sub_units,
    )


def _scoped_units(
    context: Context, agency_code: str | None, unit_code: str | None, include_sub_units: bool
) -> UnitScope | None:
    """The units asked for, within the caller's scope: an agency-scoped caller who names no
    agency follows their own."""
    if agency_code is None and unit_code is not None:
        raise InvalidInput("subscriptions.unitcode_needs_agencycode_belongs", field="agencyCode")
    return _unit_scope(scoped_agency(context, agency_code), unit_code, include_sub_units)


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="Placement changes (penempatan), for payroll and the national personnel "
        f"system. {SCOPE} Integrators, auditors and officers."
    )
    async def placement_changed(
        self,
        info: Ctx,
        agency_code: str | None = None,
        unit_code: str | None = None,
        include_sub_units: bool = False,
        after: Annotated[int | None, strawberry.argument(description=AFTER)] = None,
    ) -> AsyncGenerator[PlacementChange, None]:
        context = info.context
        authority.require_role(context.caller(), *FOLLOWERS)
        units = _scoped_units(context, agency_code, unit_code, include_sub_units)
        interest = PlacementInterest(units)
        async for change in context.follow(interest, after):
            if isinstance(change, changes.PlacementChange):
                yield PlacementChange.of(change)

    @strawberry.subscription(
        description="Events of transfer plans: one plan (id) or the plans of an agency, each "
        "with the plan's status and counts after it, for a dashboard following a plan. "
        "Officers, approvers, auditors and integrators."
    )
    async def transfer_plan_changed(
        self,
        info: Ctx,
        id: strawberry.ID | None = None,
        agency_code: str | None = None,
        after: Annotated[int | None, strawberry.argument(description=AFTER)] = None,
    ) -> AsyncGenerator[TransferPlanChange, None]:
        context = info.context
        authority.require_role(context.caller(), *FOLLOWERS, Role.APPROVER)
        plan_id = parse_id(id, "id") if id is not None else None
        if plan_id is not None:
            plan_in_scope(context, await context.run(context.app.plans.get, plan_id))
        # One plan in scope is followed whole; otherwise the plans of the caller's scope.
        named = agency_code is not None and bool(agency_code.strip())
        agency = scoped_agency(context, agency_code) if plan_id is None or named else None
        async for change in context.follow(PlanInterest(plan_id, agency), after):
            if isinstance(change, changes.PlanChange):
                yield TransferPlanChange.of(change)

    @strawberry.subscription(
        description="Events of transfer cases: one case (id), or the cases of an agency or "
        f"unit. {SCOPE} Integrators, auditors and officers; employees follow their own cases."
    )
    async def transfer_case_changed(
        self,
        info: Ctx,
        id: strawberry.ID | None = None,
        agency_code: str | None = None,
        unit_code: str | None = None,
        include_sub_units: bool = False,
        after: Annotated[int | None, strawberry.argument(description=AFTER)] = None,
    ) -> AsyncGenerator[TransferCaseChange, None]:
        context = info.context
        actor = context.caller()
        own = actor.nip if actor.role is Role.EMPLOYEE else None
        if own is None:
            authority.require_role(actor, *FOLLOWERS)
        case_id = parse_id(id, "id") if id is not None else None
        if case_id is not None:
            case_in_scope(context, await context.run(context.app.cases.get, case_id))
        # An employee's own cases, or one case in scope, are followed whole; otherwise the
        # units of the caller's scope.
        units = (
            _unit_scope(agency_code, unit_code, include_sub_units)
            if own is not None or (case_id is not None and agency_code is None)
            else _scoped_units(context, agency_code, unit_code, include_sub_units)
        )
        interest = CaseInterest(case_id, units, own)
        async for change in context.follow(interest, after):
            if isinstance(change, changes.CaseChange):
                yield TransferCaseChange.of(change)
