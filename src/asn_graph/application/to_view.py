"""Views made from aggregates: the one place that reads an aggregate's state for callers."""

from __future__ import annotations

from datetime import date

from asn_graph.application.views import (
    AgencyView,
    CaseView,
    EmployeeView,
    PositionView,
    TalentRecord,
    WorkUnitView,
)
from asn_graph.domain.agency import Agency
from asn_graph.domain.employee import Employee
from asn_graph.domain.next_actions import next_actions
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.talent import Potential, talent_box
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_types import route_for
from asn_graph.domain.work_unit import WorkUnit


def agency_view(agency: Agency) -> AgencyView:
    return AgencyView(
        code=agency.code,
        name=agency.name,
        kind=agency.kind,
        province_code=agency.province_code,
        moratoria=tuple(agency.moratoria),
    )


def work_unit_view(unit: WorkUnit) -> WorkUnitView:
    positions = []
    for position in unit.positions.values():
        workload = unit.workloads.get(position.code)
        positions.append(
            PositionView(
                code=position.code,
                title=position.title,
                kind=position.kind,
                grade=position.grade,
                required_education=position.required_education,
                required_competencies=position.required_competencies,
                staff_needed=unit.staff_needed(position.code),
                workload_hours=workload.hours if workload else 0,
                effective_hours_per_year=workload.effective_hours_per_year if workload else None,
            )
        )
    return WorkUnitView(
        agency_code=unit.agency_code,
        code=unit.code,
        name=unit.name,
        parent_code=unit.parent_code,
        positions=tuple(positions),
    )


def employee_view(employee: Employee) -> EmployeeView:
    return EmployeeView(
        id=employee.id,
        nip=employee.nip,
        name=employee.name,
        birth_date=employee.birth_date,
        gender=employee.gender,
        status=employee.status,
        rank=employee.rank,
        education=employee.education,
        competencies=employee.competencies,
        competency_note=employee.competency_note,
        appointed_on=employee.appointed_on,
        placement=employee.placement,
        placed_since=employee.placed_since,
        active_case_id=employee.active_case_id,
        placements=tuple(employee.placements),
        ratings=tuple(sorted(employee.ratings.items())),
        talent=tuple(
            _talent(employee, year, potential)
            for year, potential in sorted(employee.potentials.items())
        ),
        blockers=tuple(employee.blockers.values()),
    )


def _talent(employee: Employee, year: int, potential: Potential) -> TalentRecord:
    rating = employee.ratings.get(year)
    box = talent_box(rating, potential) if rating is not None else None
    return TalentRecord(year, potential, rating, box)


def case_view(case: TransferCase, policy: TransferPolicy, today: date) -> CaseView:
    route = route_for(case.transfer_type)
    return CaseView(
        id=case.id,
        employee_id=case.employee_id,
        nip=case.nip,
        transfer_type=case.transfer_type,
        initiative=case.initiative,
        state=case.state,
        origin=case.origin,
        destination=case.destination,
        route=tuple(route.steps),
        decree_authority=route.decree_authority,
        pending_step=case.pending_step,
        documents=tuple(case.documents.values()),
        missing_documents=tuple(sorted(case.missing_documents(policy), key=lambda d: d.value)),
        approvals=tuple(case.approvals),
        findings=case.findings,
        warnings=case.warnings,
        overrides=tuple(case.overrides.values()),
        proposal_answer=case.proposal_answer,
        decree=case.decree,
        installed_on=case.installed_on,
        handover=case.handover,
        effective_on=case.effective_on,
        trainings=tuple(case.trainings),
        evaluations=case.evaluations,
        evaluation_schedule=case.evaluation_schedule(policy, today),
        plan=case.plan,
        next_actions=next_actions(case, policy),
    )
