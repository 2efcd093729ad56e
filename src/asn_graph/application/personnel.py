"""Use cases for employees: registration, placement, rank, qualifications, ratings, blockers."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from asn_graph.application.base import StoreApplication, command
from asn_graph.application.organisation import OrganisationUseCases
from asn_graph.application.registers import NipRegister, nip_register_id
from asn_graph.application.results import Changes
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.authority import require_agency, require_role
from asn_graph.domain.employee import Blocker, Employee, PlacementRecord
from asn_graph.domain.errors import Conflict, InvalidInput
from asn_graph.domain.nip import Gender, Nip
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import (
    BlockerKind,
    Education,
    EmploymentStatus,
    PerformanceRating,
    Rank,
)


class PersonnelUseCases(OrganisationUseCases, StoreApplication):
    def employee_id(self, nip: str) -> UUID:
        parsed = Nip.parse(nip)
        register = self.load(NipRegister, nip_register_id(parsed.value), f"employee {nip}")
        return register.employee_id

    def employee(self, nip: str) -> Employee:
        return self.load(Employee, self.employee_id(nip), f"employee {nip}")

    def employee_by_id(self, employee_id: UUID) -> Employee:
        return self.load(Employee, employee_id, f"employee {employee_id}")

    @command
    def register_employee(
        self,
        actor: Actor,
        nip: str,
        name: str,
        birth_date: date,
        gender: Gender,
        status: EmploymentStatus,
        rank: Rank,
        education: Education,
        competencies: tuple[str, ...],
        appointed_on: date,
        placement: Placement,
        placed_since: date,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        require_role(actor, Role.OFFICER)
        require_agency(actor, placement.agency_code)
        parsed = Nip.parse(nip, today=self.clock.today())
        if self.exists(nip_register_id(parsed.value)):
            raise Conflict(f"an employee with NIP {parsed} is already registered")
        self._check_position(placement)
        employee = Employee.register(
            nip=parsed,
            name=name,
            birth_date=birth_date,
            gender=gender,
            status=status,
            rank=rank,
            education=education,
            competencies=competencies,
            appointed_on=appointed_on,
            actor=actor,
        )
        if placed_since < appointed_on:
            raise InvalidInput("a placement cannot start before appointment", field="placedSince")
        employee.place(PlacementRecord(placement, placed_since, None, None, None), actor)
        return Changes(employee.id, (employee, NipRegister.claim(parsed.value, employee.id)))

    @command
    def change_rank(
        self,
        actor: Actor,
        nip: str,
        rank: Rank,
        effective_on: date,
        reason: str,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        employee = self._employee_for_officer(actor, nip)
        employee.change_rank(rank, effective_on, actor, reason)
        return Changes(employee.id, (employee,))

    @command
    def record_qualifications(
        self,
        actor: Actor,
        nip: str,
        education: Education,
        competencies: tuple[str, ...],
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        employee = self._employee_for_officer(actor, nip)
        employee.record_qualifications(education, competencies, actor)
        return Changes(employee.id, (employee,))

    @command
    def rate_performance(
        self,
        actor: Actor,
        nip: str,
        year: int,
        rating: PerformanceRating,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        employee = self._employee_for_officer(actor, nip)
        employee.rate_performance(year, rating, actor, today=self.clock.today())
        return Changes(employee.id, (employee,))

    @command
    def record_blocker(
        self,
        actor: Actor,
        nip: str,
        kind: BlockerKind,
        reference: str,
        since: date,
        reason: str,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        employee = self._employee_for_officer(actor, nip)
        employee.record_blocker(Blocker(kind, reference.strip(), since), actor, reason)
        return Changes(employee.id, (employee,))

    @command
    def lift_blocker(
        self,
        actor: Actor,
        nip: str,
        kind: BlockerKind,
        reason: str,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        employee = self._employee_for_officer(actor, nip)
        employee.lift_blocker(kind, actor, reason)
        return Changes(employee.id, (employee,))

    def _employee_for_officer(self, actor: Actor, nip: str) -> Employee:
        require_role(actor, Role.OFFICER)
        employee = self.employee(nip)
        placement = employee.placement
        require_agency(actor, placement.agency_code if placement else "")
        return employee

    def _check_position(self, placement: Placement) -> None:
        unit = self.work_unit(placement.agency_code, placement.unit_code)
        unit.position(placement.position_code)
