"""Whether a decree's signatory held the deciding office on its date, by the register."""

from __future__ import annotations

from dataclasses import dataclass, replace

from asn_graph.domain.case_records import Decree
from asn_graph.domain.errors import RuleViolation
from asn_graph.domain.office_terms import HolderCapacity, Office, Signatory, Term
from asn_graph.domain.regulators import Jurisdiction
from asn_graph.domain.rules import Rule


@dataclass(frozen=True)
class Signing:
    """The deciding office of a case with its register, as the application read them."""

    jurisdiction: Jurisdiction
    office: Office
    terms: tuple[Term, ...]
    """Every term of the office's register (none if nobody was ever registered)."""

    def signed(self, decree: Decree, capacities: frozenset[HolderCapacity]) -> Decree:
        """The decree as its signatory's term names them, if they held the office on the
        decree's date in a capacity that signs a transfer decree."""
        signatory = Signatory(decree.signatory, decree.signatory_nip)
        term = next(
            (t for t in self.terms if t.covers(decree.signed_on) and t.is_held_by(signatory)),
            None,
        )
        office = f"{self.office.authority.value} for {self.office.jurisdiction}"
        who = signatory.nip or signatory.name
        if term is None:
            raise RuleViolation(
                "signing.did_not_hold_office_by",
                rules=(Rule.SIGNING_AUTHORITY.value,),
                who=who,
                office=office,
                signed_on=decree.signed_on,
            )
        if term.capacity not in capacities:
            raise RuleViolation(
                "signing.held_office_as_who_does",
                rules=(Rule.SIGNING_AUTHORITY.value,),
                who=who,
                office=office,
                signed_on=decree.signed_on,
                capacity=term.capacity.value,
            )
        return replace(
            decree,
            signatory=term.holder_name,
            signatory_nip=term.holder_nip,
            signatory_capacity=term.capacity,
        )
