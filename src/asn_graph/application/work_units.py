"""Use cases of work units (unor): the unit tree, positions (peta jabatan), workload (ABK)."""

from __future__ import annotations

from uuid import UUID

from asn_graph.application.commands import AssessWorkload, EstablishPosition, RegisterWorkUnit
from asn_graph.application.results import Changes
from asn_graph.application.to_view import work_unit_view
from asn_graph.application.use_case import UseCaseGroup, use_case
from asn_graph.application.views import WorkUnitView
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.authority import require_agency, require_role
from asn_graph.domain.errors import Conflict, InvalidInput
from asn_graph.domain.positions import Workload
from asn_graph.domain.work_unit import WorkUnit


class WorkUnitUseCases(UseCaseGroup[WorkUnit, WorkUnitView]):
    def view_of(self, subject: WorkUnit) -> WorkUnitView:
        return work_unit_view(subject)

    def view_by_id(self, subject_id: UUID) -> WorkUnitView:
        return work_unit_view(self.store.load(WorkUnit, subject_id, f"work unit {subject_id}"))

    def get(self, agency_code: str, unit_code: str) -> WorkUnitView:
        return work_unit_view(self.store.work_unit(agency_code, unit_code))

    @use_case
    def register(self, actor: Actor, command: RegisterWorkUnit) -> Changes[WorkUnit]:
        agency = self.store.agency(command.agency_code)
        require_role(actor, Role.OFFICER)
        require_agency(actor, agency.code)
        if command.parent_code:
            self.store.work_unit(agency.code, command.parent_code)
        unit = WorkUnit.register(
            agency_code=agency.code,
            code=command.code,
            name=command.name,
            parent_code=command.parent_code,
            actor=actor,
            reason=command.reason or "",
        )
        if self.store.exists(unit.id):
            raise Conflict(
                "work_units.work_unit_already_registered", code=agency.code, code2=unit.code
            )
        return Changes(unit)

    @use_case
    def establish_position(self, actor: Actor, command: EstablishPosition) -> Changes[WorkUnit]:
        unit = self._unit_for_officer(actor, command.agency_code, command.unit_code)
        unit.establish_position(command.position, actor, command.reason or "")
        return Changes(unit)

    @use_case
    def assess_workload(self, actor: Actor, command: AssessWorkload) -> Changes[WorkUnit]:
        unit = self._unit_for_officer(actor, command.agency_code, command.unit_code)
        if not command.items:
            raise InvalidInput("work_units.workload_assessment_lists_at_least", field="items")
        workload = Workload(command.items, self.store.policy.effective_hours_per_year)
        unit.assess_workload(command.position_code, workload, actor, command.reason or "")
        return Changes(unit)

    def _unit_for_officer(self, actor: Actor, agency_code: str, unit_code: str) -> WorkUnit:
        unit = self.store.work_unit(agency_code, unit_code)
        require_role(actor, Role.OFFICER)
        require_agency(actor, unit.agency_code)
        return unit
