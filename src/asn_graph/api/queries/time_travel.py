"""Auditors' time travel: an employee, a work unit or a case as it stood at a moment or
at a version of its own."""

from __future__ import annotations

from datetime import datetime

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.identifiers import parse_id
from asn_graph.api.permissions import STAFF, allowed
from asn_graph.api.scoping import case_in_scope, check_own_nip, employee_in_scope, required_agency
from asn_graph.api.types.cases import TransferCase
from asn_graph.api.types.organisation import WorkUnit
from asn_graph.api.types.people import Employee
from asn_graph.application.moments import Moment
from asn_graph.domain.nip import Nip


@strawberry.type(description="An employee as they stood at a past moment or version.")
class EmployeeAsOf:
    version: int
    recorded_at: datetime = strawberry.field(description="When that version was recorded.")
    employee: Employee = strawberry.field(
        description="Fields of the employee's own record are as of that version; lists read "
        "from the read models (cases) show today."
    )


@strawberry.type(description="A work unit as it stood at a past moment or version.")
class WorkUnitAsOf:
    version: int
    recorded_at: datetime
    work_unit: WorkUnit = strawberry.field(
        description="Positions and workload as of that version; staff and staffing show today."
    )


@strawberry.type(description="A transfer case as it stood at a past moment or version.")
class TransferCaseAsOf:
    version: int
    recorded_at: datetime
    transfer_case: TransferCase


@strawberry.type
class TimeTravelQueries:
    @strawberry.field(description="An employee as of a date-time or a version (auditors).")
    async def employee_as_of(
        self, info: Ctx, nip: str, at: datetime | None = None, version: int | None = None
    ) -> EmployeeAsOf:
        parsed = Nip.parse(nip).value
        check_own_nip(info.context, parsed)
        travel = info.context.app.time_travel
        past = await info.context.run(travel.employee, parsed, Moment(at, version))
        view = await employee_in_scope(info.context, past.view, nip)
        return EmployeeAsOf(
            version=past.version, recorded_at=past.recorded_at, employee=Employee.of(view)
        )

    @strawberry.field(description="A work unit as of a date-time or a version (auditors).")
    async def work_unit_as_of(
        self,
        info: Ctx,
        agency_code: str,
        code: str,
        at: datetime | None = None,
        version: int | None = None,
    ) -> WorkUnitAsOf:
        allowed(info.context, STAFF)
        agency = required_agency(info.context, agency_code)
        travel = info.context.app.time_travel
        past = await info.context.run(travel.work_unit, agency, code, Moment(at, version))
        return WorkUnitAsOf(
            version=past.version, recorded_at=past.recorded_at, work_unit=WorkUnit.of(past.view)
        )

    @strawberry.field(description="A transfer case as of a date-time or a version (auditors).")
    async def transfer_case_as_of(
        self,
        info: Ctx,
        id: strawberry.ID,
        at: datetime | None = None,
        version: int | None = None,
    ) -> TransferCaseAsOf:
        info.context.reader()
        travel = info.context.app.time_travel
        past = await info.context.run(travel.transfer_case, parse_id(id), Moment(at, version))
        return TransferCaseAsOf(
            version=past.version,
            recorded_at=past.recorded_at,
            transfer_case=TransferCase.of(case_in_scope(info.context, past.view)),
        )
