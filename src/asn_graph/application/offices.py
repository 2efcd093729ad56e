"""Use cases of the register of signing offices (PPK, governor, minister, Head of BKN): who
held each office when, definitive or acting. The case use cases read it here to check a
decree's signatory, from the event store, never from a read model that may lag."""

from __future__ import annotations

from uuid import UUID

from asn_graph.application.office_commands import AppointHolder, EndTerm
from asn_graph.application.results import Changes
from asn_graph.application.use_case import UseCaseGroup, use_case
from asn_graph.application.views import OfficeView
from asn_graph.domain.actors import Actor
from asn_graph.domain.errors import NotFound
from asn_graph.domain.office_terms import Office, Term
from asn_graph.domain.regulators import require_register_keeper
from asn_graph.domain.signing_office import SigningOffice, office_id
from asn_graph.domain.transfer_types import AgencyProfile


class OfficeUseCases(UseCaseGroup[SigningOffice, OfficeView]):
    def view_of(self, subject: SigningOffice) -> OfficeView:
        return OfficeView(subject.office, tuple(subject.terms))

    def view_by_id(self, subject_id: UUID) -> OfficeView:
        return self.view_of(self.store.load(SigningOffice, subject_id, "signing office"))

    def get(self, office: Office) -> OfficeView:
        """The office's register; an office nobody was registered in has no terms."""
        return OfficeView(office, self.terms_of(office))

    def terms_of(self, office: Office) -> tuple[Term, ...]:
        found = self._found(office)
        return tuple(found.terms) if found else ()

    @use_case
    def appoint(self, actor: Actor, command: AppointHolder) -> Changes[SigningOffice]:
        require_register_keeper(actor, command.office, self._agency_of(actor))
        office = self._found(command.office) or SigningOffice.establish(command.office, actor)
        office.appoint(
            holder_name=command.holder_name,
            holder_nip=command.holder_nip,
            capacity=command.capacity,
            starts_on=command.starts_on,
            ends_on=command.ends_on,
            decree_reference=command.decree_reference,
            policy=self.store.policy,
            actor=actor,
            reason=command.reason,
        )
        return Changes(office)

    @use_case
    def end_term(self, actor: Actor, command: EndTerm) -> Changes[SigningOffice]:
        require_register_keeper(actor, command.office, self._agency_of(actor))
        office = self._found(command.office)
        if office is None:
            raise NotFound(
                "offices.nobody_registered_office",
                authority=command.office.authority,
                jurisdiction=command.office.jurisdiction,
            )
        office.end_term(command.number, command.ends_on, actor, command.reason)
        return Changes(office)

    def _found(self, office: Office) -> SigningOffice | None:
        identifier = office_id(office)
        if not self.store.exists(identifier):
            return None
        return self.store.load(SigningOffice, identifier, "signing office")

    def _agency_of(self, actor: Actor) -> AgencyProfile | None:
        if actor.agency is None:
            return None
        try:
            return self.store.agency(actor.agency).profile
        except NotFound:
            return None
