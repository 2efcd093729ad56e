"""Use cases of employees: registration, rank, qualifications, ratings, blockers."""

from __future__ import annotations

from uuid import UUID

from asn_graph.application.commands import (
    AssessPotential,
    ChangeRank,
    CorrectPlacement,
    LiftBlocker,
    RatePerformance,
    RecordBlocker,
    RecordQualifications,
    RegisterEmployee,
)
from asn_graph.application.registers import NipRegister, nip_register_id
from asn_graph.application.results import Changes
from asn_graph.application.to_view import employee_view
from asn_graph.application.use_case import UseCaseGroup, use_case
from asn_graph.application.views import EmployeeView
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.authority import require_agency, require_role
from asn_graph.domain.employee import Employee
from asn_graph.domain.employee_records import Blocker, PlacementRecord
from asn_graph.domain.errors import Conflict, InvalidInput, RuleViolation
from asn_graph.domain.nip import Nip
from asn_graph.domain.rules import Rule


class EmployeeUseCases(UseCaseGroup[Employee, EmployeeView]):
    def view_of(self, subject: Employee) -> EmployeeView:
        return employee_view(subject)

    def view_by_id(self, subject_id: UUID) -> EmployeeView:
        return employee_view(self.store.employee_by_id(subject_id))

    def get(self, nip: str) -> EmployeeView:
        return employee_view(self.store.employee(nip))

    def id_of(self, nip: str) -> UUID:
        """The internal person id of a NIP (stable across NIP changes)."""
        return self.store.employee_id(nip)

    @use_case
    def register(self, actor: Actor, command: RegisterEmployee) -> Changes[Employee]:
        require_role(actor, Role.OFFICER)
        placement = command.placement
        require_agency(actor, placement.agency_code)
        nip = Nip.parse(command.nip, today=self.store.clock.today())
        if self.store.exists(nip_register_id(nip.value)):
            raise Conflict("employees.employee_with_nip_already_registered", nip=nip)
        self.store.work_unit(placement.agency_code, placement.unit_code).position(
            placement.position_code
        )
        employee = Employee.register(
            nip=nip,
            name=command.name,
            birth_date=command.birth_date,
            gender=command.gender,
            status=command.status,
            rank=command.rank,
            education=command.education,
            competencies=command.competencies,
            appointed_on=command.appointed_on,
            actor=actor,
            competency_note=command.competency_note,
            reason=command.reason or "",
        )
        if command.placed_since < command.appointed_on:
            raise InvalidInput(
                "employees.placement_cannot_start_before_appointment", field="placedSince"
            )
        employee.place(
            PlacementRecord(placement, command.placed_since, None, None, None),
            actor,
            command.reason or "",
        )
        return Changes(employee, (NipRegister.claim(nip.value, employee.id),))

    @use_case
    def change_rank(self, actor: Actor, command: ChangeRank) -> Changes[Employee]:
        employee = self._employee_for_officer(actor, command.nip)
        employee.change_rank(command.rank, command.effective_on, actor, command.reason)
        return Changes(employee)

    @use_case
    def record_qualifications(
        self, actor: Actor, command: RecordQualifications
    ) -> Changes[Employee]:
        employee = self._employee_for_officer(actor, command.nip)
        employee.record_qualifications(
            command.education,
            command.competencies,
            actor,
            command.competency_note,
            command.reason or "",
        )
        return Changes(employee)

    @use_case
    def correct_placement(self, actor: Actor, command: CorrectPlacement) -> Changes[Employee]:
        """Where the employee works, as the agency's records say, when it differs from what
        is recorded here (a move before the agency kept its records here): within the agency,
        never while a transfer is under way, and never before the placement recorded."""
        employee = self._employee_for_officer(actor, command.nip)
        placement = command.placement
        require_agency(actor, placement.agency_code)
        if employee.active_case_id is not None:
            raise RuleViolation(
                "employees.transfer_under_way",
                nip=command.nip,
                rules=(Rule.ONE_ACTIVE_CASE.value,),
            )
        if not command.reason.strip():
            raise InvalidInput("employees.placement_correction_needs_reason", field="reason")
        self.store.work_unit(placement.agency_code, placement.unit_code).position(
            placement.position_code
        )
        employee.place(
            PlacementRecord(placement, command.since, None, None, None), actor, command.reason
        )
        return Changes(employee)

    @use_case
    def assess_potential(self, actor: Actor, command: AssessPotential) -> Changes[Employee]:
        employee = self._employee_for_officer(actor, command.nip)
        employee.assess_potential(
            command.year, command.potential, actor, today=self.store.clock.today()
        )
        return Changes(employee)

    @use_case
    def rate_performance(self, actor: Actor, command: RatePerformance) -> Changes[Employee]:
        employee = self._employee_for_officer(actor, command.nip)
        employee.rate_performance(
            command.year,
            command.rating,
            actor,
            today=self.store.clock.today(),
            reason=command.reason or "",
        )
        return Changes(employee)

    @use_case
    def record_blocker(self, actor: Actor, command: RecordBlocker) -> Changes[Employee]:
        employee = self._employee_for_officer(actor, command.nip)
        blocker = Blocker(command.kind, command.reference.strip(), command.since)
        employee.record_blocker(blocker, actor, command.reason)
        return Changes(employee)

    @use_case
    def lift_blocker(self, actor: Actor, command: LiftBlocker) -> Changes[Employee]:
        employee = self._employee_for_officer(actor, command.nip)
        employee.lift_blocker(command.kind, actor, command.reason)
        return Changes(employee)

    def _employee_for_officer(self, actor: Actor, nip: str) -> Employee:
        require_role(actor, Role.OFFICER)
        employee = self.store.employee(nip)
        placement = employee.placement
        require_agency(actor, placement.agency_code if placement else "")
        return employee
