"""Use cases for agencies, work units, positions and workload (ABK)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from asn_graph.application.base import StoreApplication, command
from asn_graph.application.results import Changes
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.agency import Agency, Moratorium
from asn_graph.domain.authority import require_agency, require_role
from asn_graph.domain.errors import Conflict, InvalidInput
from asn_graph.domain.placement import agency_id, unit_id
from asn_graph.domain.reference import AgencyKind
from asn_graph.domain.work_unit import Position, Workload, WorkloadItem, WorkUnit


class OrganisationUseCases(StoreApplication):
    def agency(self, code: str) -> Agency:
        return self.load(Agency, agency_id(code.strip().upper()), f"agency {code}")

    def work_unit(self, agency_code: str, unit_code: str) -> WorkUnit:
        agency_code, unit_code = agency_code.strip().upper(), unit_code.strip().upper()
        return self.load(
            WorkUnit, unit_id(agency_code, unit_code), f"work unit {agency_code}/{unit_code}"
        )

    def agency_by_id(self, agency_id: UUID) -> Agency:
        return self.load(Agency, agency_id, f"agency {agency_id}")

    def work_unit_by_id(self, unit_id: UUID) -> WorkUnit:
        return self.load(WorkUnit, unit_id, f"work unit {unit_id}")

    @command
    def register_agency(
        self,
        actor: Actor,
        code: str,
        name: str,
        kind: AgencyKind,
        province_code: str,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        require_role(actor, Role.OFFICER)
        agency = Agency.register(
            code=code, name=name, kind=kind, province_code=province_code, actor=actor
        )
        require_agency(actor, agency.code)
        if self.exists(agency.id):
            raise Conflict(f"agency {agency.code} is already registered")
        return Changes(agency.id, (agency,))

    @command
    def declare_moratorium(
        self,
        actor: Actor,
        agency_code: str,
        starts_on: date,
        ends_on: date,
        basis: str,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        agency = self.agency(agency_code)
        require_role(actor, Role.APPROVER)
        require_agency(actor, agency.code)
        agency.declare_moratorium(Moratorium(starts_on, ends_on, basis.strip()), actor)
        return Changes(agency.id, (agency,))

    @command
    def register_work_unit(
        self,
        actor: Actor,
        agency_code: str,
        code: str,
        name: str,
        parent_code: str | None,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        agency = self.agency(agency_code)
        require_role(actor, Role.OFFICER)
        require_agency(actor, agency.code)
        if parent_code:
            self.work_unit(agency.code, parent_code)
        unit = WorkUnit.register(
            agency_code=agency.code, code=code, name=name, parent_code=parent_code, actor=actor
        )
        if self.exists(unit.id):
            raise Conflict(f"work unit {agency.code}/{unit.code} is already registered")
        return Changes(unit.id, (unit,))

    @command
    def establish_position(
        self,
        actor: Actor,
        agency_code: str,
        unit_code: str,
        position: Position,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        unit = self.work_unit(agency_code, unit_code)
        require_role(actor, Role.OFFICER)
        require_agency(actor, unit.agency_code)
        unit.establish_position(position, actor)
        return Changes(unit.id, (unit,))

    @command
    def assess_workload(
        self,
        actor: Actor,
        agency_code: str,
        unit_code: str,
        position_code: str,
        items: tuple[WorkloadItem, ...],
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        unit = self.work_unit(agency_code, unit_code)
        require_role(actor, Role.OFFICER)
        require_agency(actor, unit.agency_code)
        if not items:
            raise InvalidInput("a workload assessment lists at least one task", field="items")
        workload = Workload(items, self.policy.effective_hours_per_year)
        unit.assess_workload(position_code, workload, actor)
        return Changes(unit.id, (unit,))
