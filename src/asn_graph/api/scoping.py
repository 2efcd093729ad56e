"""The caller's read scope applied to what they ask: agencies named or defaulted, and the
employee, case, plan or unit a question is about.

Out of scope, a record asked for by its NIP or id is answered as if it did not exist
(``NOT_FOUND``, the same message), so that scoped callers learn nothing of other agencies'
records; a list asked for an agency out of scope is refused (``FORBIDDEN``: agency codes are
public); an employee asking of another NIP is refused (``FORBIDDEN``) before anything is read.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from asn_graph.api.context import Context
from asn_graph.application.plan_views import PlanView
from asn_graph.application.views import CaseView, EmployeeView
from asn_graph.domain.errors import Forbidden, InvalidInput, NotFound
from asn_graph.domain.placement import agency_id
from asn_graph.domain.read_scope import ReadScope, read_scope
from asn_graph.projections.interface import DirectoryReads, ReadModels
from asn_graph.projections.rows import AuditFilter, CaseFilter

CASES_OF_ONE_EMPLOYEE = 100
"""The most cases of one employee read at once (one active at a time: a career holds few)."""


def scope_of(context: Context) -> ReadScope:
    return read_scope(context.caller(), context.app.policy.kanreg_regions)


def _code(text: str | None) -> str | None:
    return text.strip().upper() if text is not None and text.strip() else None


def scoped_agency(context: Context, requested: str | None, field: str = "agencyCode") -> str | None:
    """The agency a question is asked of, checked against the scope. Nationally scoped
    callers may leave it out (every agency); an agency-scoped caller who leaves it out is
    answered for their agency; callers scoped to their own records ask no agency's lists."""
    scope = scope_of(context)
    code = _code(requested)
    if scope.national:
        return code
    if not scope.agencies and not scope.provinces:
        raise Forbidden("scoping.employee_reads_only_their_own")
    if code is None:
        if scope.provinces:
            raise InvalidInput(
                "scoping.name_agency_one_province",
                field=field,
                provinces=", ".join(sorted(scope.provinces)),
            )
        if len(scope.agencies) == 1:
            return next(iter(scope.agencies))
        raise InvalidInput(
            "scoping.name_agency_one", field=field, agencies=", ".join(sorted(scope.agencies))
        )
    if not scope.covers_agency(code):
        reads = (
            f"the agencies of province {' or '.join(sorted(scope.provinces))}"
            if scope.provinces
            else f"agency {' or '.join(sorted(scope.agencies))}"
        )
        raise Forbidden(
            "scoping.reads_elsewhere", role=context.caller().role.value, reads=reads, code=code
        )
    return code


def named_agency(requested: str | None) -> tuple[str, ...]:
    """The agency a filter names, unchecked (it narrows what is already in scope)."""
    code = _code(requested)
    return (code,) if code is not None else ()


def scoped_agencies(
    context: Context, requested: str | None, field: str = "agencyCode"
) -> tuple[str, ...]:
    """The agencies a list is read of: the one named, checked against the scope, or else
    every agency of an agency scope (a scope of several agencies answers for all of them);
    none for a nationally scoped caller who names none (every agency)."""
    scope = scope_of(context)
    if _code(requested) is None and scope.of_agencies:
        return tuple(sorted(scope.agencies))
    code = scoped_agency(context, requested, field)
    return (code,) if code is not None else ()


def required_agency(context: Context, requested: str, field: str = "agencyCode") -> str:
    code = scoped_agency(context, requested, field)
    assert code is not None  # a code was given, and scoping keeps or refuses it
    return code


def require_agencies(context: Context, codes: Iterable[str], field: str) -> None:
    for code in codes:
        scoped_agency(context, code, field)


def check_own_nip(context: Context, nip: str) -> ReadScope:
    """Refuses an employee asking of another NIP, before anything is read."""
    scope = scope_of(context)
    if scope.nip is not None and scope.nip != nip:
        raise Forbidden("context.employee_may_read_only_their")
    return scope


def touches_scope(
    scope: ReadScope, directory: DirectoryReads, nip: str, agency: str | None
) -> bool:
    """Whether an employee is in scope: the caller, placed in a scoped agency, or the employee
    of a case from or to one."""
    if scope.national or scope.covers_nip(nip) or scope.covers_agency(agency):
        return True
    if scope.agencies:
        where = CaseFilter(nip=nip, agency_codes=tuple(sorted(scope.agencies)))
        if directory.cases(where, 1, None).rows:
            return True
    if scope.provinces:
        # A province's agencies are not listed in the scope: the employee's cases are read
        # and kept by their agencies.
        cases = directory.cases(CaseFilter(nip=nip), CASES_OF_ONE_EMPLOYEE, None).rows
        return any(scope.covers_any((row.origin_agency, row.destination_agency)) for row in cases)
    return False


async def sees_employee(context: Context, nip: str, agency: str | None) -> bool:
    scope = scope_of(context)
    if scope.national or scope.covers_nip(nip) or scope.covers_agency(agency):
        return True
    directory = await context.directory()
    return await context.run(touches_scope, scope, directory, nip, agency)


async def employee_in_scope(context: Context, view: EmployeeView, label: str) -> EmployeeView:
    agency = view.placement.agency_code if view.placement else None
    if not await sees_employee(context, view.nip, agency):
        raise NotFound("scoping.employee_not_found", label=label)
    return view


def sees_case(scope: ReadScope, case: CaseView) -> bool:
    return (
        scope.national
        or scope.covers_nip(case.nip)
        or scope.covers_any((case.origin.agency_code, case.destination.agency_code))
    )


def case_in_scope(context: Context, case: CaseView) -> CaseView:
    if not sees_case(scope_of(context), case):
        raise NotFound("scoping.transfer_case_not_found", id=case.id)
    return case


def plan_in_scope(context: Context, plan: PlanView) -> PlanView:
    """Staff read the plans of their agencies; employees the plans that consult them (which
    the plan's answer narrows to their own move)."""
    scope = scope_of(context)
    if scope.nip is None and not scope.covers_agency(plan.agency_code):
        raise NotFound("scoping.transfer_plan_not_found", id=plan.id)
    return plan


async def subject_in_scope(context: Context, read: ReadModels, subject: str) -> bool:
    """Whether the record an audit trail is asked for is in scope, by its kind (registers of
    NIPs, decree numbers and keys belong to no agency, and are national readers' alone)."""
    try:
        subject_id = UUID(subject)
    except ValueError:
        raise InvalidInput("scoping.subjectid_not_id", field="filter.subjectId") from None
    first = await context.run(read.audit.entries, AuditFilter(originator_id=subject), 1, None)
    if not first.rows:
        return False
    scope = scope_of(context)
    app = context.app
    match first.rows[0].aggregate:
        case "employee":
            view = await context.run(app.employees.view_by_id, subject_id)
            agency = view.placement.agency_code if view.placement else None
            return await sees_employee(context, view.nip, agency)
        case "transfer-case":
            return sees_case(scope, await context.run(app.cases.get, subject_id))
        case "transfer-plan":
            plan = await context.run(app.plans.get, subject_id)
            return scope.nip is None and scope.covers_agency(plan.agency_code)
        case "agency":
            return any(agency_id(code) == subject_id for code in scope.agencies)
        case "work-unit":
            units = [await context.run(read.directory.units, code) for code in scope.agencies]
            return any(UUID(unit.id) == subject_id for rows in units for unit in rows)
    return False
