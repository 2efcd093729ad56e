"""Queries of the records: agencies, work units, employees and transfer cases."""

from __future__ import annotations

from datetime import date

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.identifiers import parse_id
from asn_graph.api.inputs.common import RequiredCompetencyInput, education_family
from asn_graph.api.pagination import (
    Connection,
    check_page_size,
    connection,
    decode_cursor,
    decode_position_cursor,
    nip_key,
    sequence_key,
)
from asn_graph.api.scoping import (
    case_in_scope,
    check_own_nip,
    employee_in_scope,
    named_agency,
    required_agency,
    scoped_agencies,
)
from asn_graph.api.types.caller import Caller
from asn_graph.api.types.case_register import TransferCaseCounts
from asn_graph.api.types.case_rows import TransferCaseSummary, summaries
from asn_graph.api.types.cases import TransferCase
from asn_graph.api.types.enums import (
    CaseState,
    EducationLevel,
    EmploymentStatus,
    Rank,
    TransferType,
)
from asn_graph.api.types.organisation import Agency, WorkUnit, WorkUnitSummary
from asn_graph.api.types.people import Employee, EmployeeSummary
from asn_graph.domain.actors import Role
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.nip import Nip
from asn_graph.projections.rows import CaseFilter, EmployeeFilter


@strawberry.input(description="Filters of the employee list; all optional, combined with AND.")
class EmployeeFilterInput:
    agency_code: str | None = None
    unit_code: str | None = None
    position_code: str | None = None
    rank: Rank | None = None
    status: EmploymentStatus | None = None
    name_contains: str | None = strawberry.field(default=None, description="Part of the name.")
    competencies: list[RequiredCompetencyInput] | None = strawberry.field(
        default=None, description="Each competency held at least at the level given."
    )
    education_family: str | None = strawberry.field(
        default=None, description="Rumpun ilmu of the field of study, e.g. komputer."
    )
    minimum_education_level: EducationLevel | None = strawberry.field(
        default=None, description="Education at this level or above."
    )


@strawberry.input(description="Filters of the case list; all optional, combined with AND.")
class CaseFilterInput:
    states: list[CaseState] | None = None
    transfer_type: TransferType | None = None
    agency_code: str | None = strawberry.field(
        default=None, description="Cases whose origin or destination is this agency."
    )
    unit_code: str | None = None
    nip: str | None = None
    plan_id: strawberry.ID | None = strawberry.field(
        default=None, description="Cases opened from this transfer plan (rencana mutasi)."
    )
    opened_from: date | None = strawberry.field(
        default=None, description="Opened on this day or later (the agency's calendar)."
    )
    opened_until: date | None = strawberry.field(
        default=None, description="Opened on this day or earlier (inclusive)."
    )


def _case_filter(info: Ctx, filter_: CaseFilterInput | None) -> CaseFilter:
    """The cases a caller asks for, within what they read: an employee their own only."""
    actor = info.context.reader()
    where = filter_ or CaseFilterInput()
    own = actor.role is Role.EMPLOYEE
    start, until = where.opened_from, where.opened_until
    if start is not None and until is not None and until < start:
        raise InvalidInput(
            "records.opened_until_before_opened_from",
            field="filter.openedUntil",
            start=start.isoformat(),
            until=until.isoformat(),
        )
    return CaseFilter(
        states=tuple(s.value for s in where.states or ()),
        transfer_type=where.transfer_type.value if where.transfer_type else None,
        agency_codes=(
            named_agency(where.agency_code)
            if own
            else scoped_agencies(info.context, where.agency_code, "filter.agencyCode")
        ),
        unit_code=where.unit_code,
        nip=actor.nip if own else where.nip,
        plan_id=str(parse_id(where.plan_id, "planId")) if where.plan_id else None,
        opened_from=start.isoformat() if start else None,
        opened_until=until.isoformat() if until else None,
    )


@strawberry.type
class RecordQueries:
    @strawberry.field(description="The caller, as their token names them, with their read scope.")
    def me(self, info: Ctx) -> Caller:
        return Caller.of(info.context.caller())

    @strawberry.field(description="Every agency (instansi) in this store.")
    async def agencies(self, info: Ctx) -> list[Agency]:
        info.context.reader()
        directory = await info.context.directory()
        rows = await info.context.run(directory.agencies)
        return [Agency.of_row(row) for row in rows]

    @strawberry.field(description="One agency with its moratoria.")
    async def agency(self, info: Ctx, code: str) -> Agency:
        info.context.reader()
        return Agency.of(await info.context.run(info.context.app.agencies.get, code))

    @strawberry.field(description="The work units (unor) of an agency.")
    async def work_units(self, info: Ctx, agency_code: str) -> list[WorkUnitSummary]:
        agency = required_agency(info.context, agency_code)
        directory = await info.context.directory()
        rows = await info.context.run(directory.units, agency)
        return [WorkUnitSummary.of(row) for row in rows]

    @strawberry.field(description="One work unit with its positions, workload and staff.")
    async def work_unit(self, info: Ctx, agency_code: str, code: str) -> WorkUnit:
        agency = required_agency(info.context, agency_code)
        unit = await info.context.run(info.context.app.work_units.get, agency, code)
        return WorkUnit.of(unit)

    @strawberry.field(description="An employee by NIP, with placement history and cases.")
    async def employee(self, info: Ctx, nip: str) -> Employee:
        parsed = Nip.parse(nip).value
        check_own_nip(info.context, parsed)
        view = await info.context.run(info.context.app.employees.get, parsed)
        return Employee.of(await employee_in_scope(info.context, view, nip))

    @strawberry.field(description="Employees, filtered, ordered by NIP.")
    async def employees(
        self,
        info: Ctx,
        filter: EmployeeFilterInput | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[EmployeeSummary]:
        actor = info.context.reader()
        where = filter or EmployeeFilterInput()
        if actor.role is Role.EMPLOYEE:
            raise InvalidInput("records.employees_read_their_own_record")
        query = EmployeeFilter(
            agency_codes=scoped_agencies(info.context, where.agency_code, "filter.agencyCode"),
            unit_code=where.unit_code,
            position_code=where.position_code,
            rank=where.rank.value if where.rank else None,
            status=where.status.value if where.status else None,
            name_contains=where.name_contains,
            competencies=tuple(
                (held.code, held.minimum_level)
                for held in (wanted.to_domain() for wanted in where.competencies or ())
            ),
            education_family=(
                education_family(where.education_family) if where.education_family else None
            ),
            minimum_education_rank=(
                where.minimum_education_level.order if where.minimum_education_level else None
            ),
        )
        directory = await info.context.directory()
        page = await info.context.run(
            directory.employees, query, check_page_size(first), decode_cursor("nip", after)
        )
        return connection(page, "nip", nip_key, EmployeeSummary.of)

    @strawberry.field(description="A transfer case with documents, approvals and full history.")
    async def transfer_case(self, info: Ctx, id: strawberry.ID) -> TransferCase:
        info.context.reader()
        case = await info.context.run(info.context.app.cases.get, parse_id(id, "id"))
        return TransferCase.of(case_in_scope(info.context, case))

    @strawberry.field(
        description="Transfer cases, filtered, newest first: the case register (with each "
        "case's stage, days per stage and whether it is overdue)."
    )
    async def transfer_cases(
        self,
        info: Ctx,
        filter: CaseFilterInput | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[TransferCaseSummary]:
        query = _case_filter(info, filter)
        cursor = decode_position_cursor("case", after)
        directory = await info.context.directory()
        page = await info.context.run(directory.cases, query, check_page_size(first), cursor)
        return connection(page, "case", sequence_key, summaries(info, page.rows))

    @strawberry.field(
        description="The case register in numbers over the cases of a filter (the same cases "
        "transferCases lists): by state, by transfer type, overdue, and the days per stage."
    )
    async def transfer_case_counts(
        self, info: Ctx, filter: CaseFilterInput | None = None
    ) -> TransferCaseCounts:
        query = _case_filter(info, filter)
        read = await info.context.read()
        today = info.context.app.today()
        counts = await info.context.run(read.case_register.counts, query, today)
        return TransferCaseCounts.of(counts)
