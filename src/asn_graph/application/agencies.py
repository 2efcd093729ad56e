"""Use cases of agencies (instansi): registration and election moratoria."""

from __future__ import annotations

from uuid import UUID

from asn_graph.application.commands import DeclareMoratorium, RegisterAgency
from asn_graph.application.results import Changes
from asn_graph.application.to_view import agency_view
from asn_graph.application.use_case import UseCaseGroup, use_case
from asn_graph.application.views import AgencyView
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.agency import Agency
from asn_graph.domain.authority import require_agency, require_role
from asn_graph.domain.errors import Conflict
from asn_graph.domain.moratorium import Moratorium


class AgencyUseCases(UseCaseGroup[Agency, AgencyView]):
    def view_of(self, subject: Agency) -> AgencyView:
        return agency_view(subject)

    def view_by_id(self, subject_id: UUID) -> AgencyView:
        return agency_view(self.store.load(Agency, subject_id, f"agency {subject_id}"))

    def get(self, code: str) -> AgencyView:
        return agency_view(self.store.agency(code))

    @use_case
    def register(self, actor: Actor, command: RegisterAgency) -> Changes[Agency]:
        require_role(actor, Role.OFFICER)
        agency = Agency.register(
            code=command.code,
            name=command.name,
            kind=command.kind,
            province_code=command.province_code,
            actor=actor,
        )
        require_agency(actor, agency.code)
        if self.store.exists(agency.id):
            raise Conflict("agencies.agency_already_registered", code=agency.code)
        return Changes(agency)

    @use_case
    def declare_moratorium(self, actor: Actor, command: DeclareMoratorium) -> Changes[Agency]:
        agency = self.store.agency(command.agency_code)
        require_role(actor, Role.APPROVER)
        require_agency(actor, agency.code)
        moratorium = Moratorium(command.starts_on, command.ends_on, command.basis.strip())
        agency.declare_moratorium(moratorium, actor)
        return Changes(agency)
