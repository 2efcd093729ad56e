"""SigningOffice: the dated register of who held one signing office (a PPK, a governor, the
minister, the Head of BKN), definitive holders and acting ones (Plt., Plh.).

The rules kept here (PP 11/2017; UU 30/2014 Pasal 14; SE Kepala BKN 1/2021):

- definitive terms of one office never overlap; a Plt. is appointed only while the office has
  no definitive holder, and a Plh. only within a definitive holder's term (while they are
  away); acting terms of one kind never overlap each other;
- an acting term has an end date and lasts at most ``acting_term_max_days`` (a longer spell
  is a new appointment, with its own order);
- a term is shortened (ended) by a new event, never edited; it is not lengthened.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from asn_graph.domain.actors import Actor
from asn_graph.domain.audited import AuditedAggregate
from asn_graph.domain.errors import InvalidInput, NotFound, RuleViolation
from asn_graph.domain.office_terms import HolderCapacity, Office, Signatory, Term
from asn_graph.domain.placement import ID_NAMESPACE
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.rules import Rule
from asn_graph.domain.transfer_types import DecisionAuthority


def office_id(office: Office) -> UUID:
    return uuid5(ID_NAMESPACE, f"office:{office.authority.value}:{office.jurisdiction}")


class SigningOffice(AuditedAggregate):
    TOPIC = "asn-graph/signing-office"

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/signing-office/event"
        actor: Actor
        reason: str

    class Established(Event, Aggregate.Created):
        TOPIC = "asn-graph/signing-office/established"
        authority: DecisionAuthority
        jurisdiction: str

    class HolderAppointed(Event):
        TOPIC = "asn-graph/signing-office/holder-appointed"
        term: Term

        def apply(self, office: SigningOffice) -> None:
            office.terms.append(self.term)

    class TermEnded(Event):
        TOPIC = "asn-graph/signing-office/term-ended"
        number: int
        ends_on: date

        def apply(self, office: SigningOffice) -> None:
            index = self.number - 1
            term = office.terms[index]
            office.terms[index] = Term(
                term.number,
                term.holder_name,
                term.holder_nip,
                term.capacity,
                term.starts_on,
                self.ends_on,
                term.decree_reference,
            )

    def __init__(self, *, authority: DecisionAuthority, jurisdiction: str, **_: Any) -> None:
        self.authority = authority
        self.jurisdiction = jurisdiction
        self.terms: list[Term] = []

    @classmethod
    def establish(cls, office: Office, actor: Actor) -> SigningOffice:
        return cls._create(
            cls.Established,
            id=office_id(office),
            authority=office.authority,
            jurisdiction=office.jurisdiction,
            actor=actor,
            reason="",
        )

    @property
    def office(self) -> Office:
        return Office(self.authority, self.jurisdiction)

    def appoint(
        self,
        *,
        holder_name: str,
        holder_nip: str | None,
        capacity: HolderCapacity,
        starts_on: date,
        ends_on: date | None,
        decree_reference: str,
        policy: TransferPolicy,
        actor: Actor,
        reason: str,
    ) -> Term:
        if not holder_name.strip():
            raise InvalidInput("an appointment names its holder", field="holderName")
        if not decree_reference.strip():
            raise InvalidInput(
                "an appointment names its decree or order (SK / surat perintah)",
                field="decreeReference",
            )
        if ends_on is not None and ends_on < starts_on:
            raise InvalidInput("a term cannot end before it starts", field="endsOn")
        term = Term(
            len(self.terms) + 1,
            " ".join(holder_name.split()),
            holder_nip,
            capacity,
            starts_on,
            ends_on,
            decree_reference.strip(),
        )
        if capacity.is_acting:
            _check_acting_length(term, policy.acting_term_max_days)
        self._check_fits(term)
        self._record(self.HolderAppointed, actor, reason, term=term)
        return term

    def end_term(self, number: int, ends_on: date, actor: Actor, reason: str) -> None:
        if not 1 <= number <= len(self.terms):
            raise NotFound(f"{self.authority.value} {self.jurisdiction} has no term {number}")
        term = self.terms[number - 1]
        if ends_on < term.starts_on:
            raise InvalidInput("a term cannot end before it starts", field="endsOn")
        if term.ends_on is not None and ends_on > term.ends_on:
            raise RuleViolation(
                f"term {number} ends on {term.ends_on}; a longer term is a new appointment",
                rules=(Rule.OFFICE_TERM.value,),
            )
        if not reason.strip():
            raise InvalidInput("ending a term needs a reason", field="reason")
        self._record(self.TermEnded, actor, reason, number=number, ends_on=ends_on)

    def holders_on(self, day: date) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if term.covers(day))

    def term_of(self, signatory: Signatory, day: date) -> Term | None:
        """The term in which ``signatory`` held this office on ``day``, if any."""
        return next((t for t in self.holders_on(day) if t.is_held_by(signatory)), None)

    def _check_fits(self, term: Term) -> None:
        definitive = [t for t in self.terms if t.capacity is HolderCapacity.DEFINITIVE]
        if term.capacity is HolderCapacity.PLH:
            if not any(term.within(t) for t in definitive):
                _refuse("a Plh. stands in for a definitive holder within their term")
        elif term.capacity is HolderCapacity.PLT:
            clash = next((t for t in definitive if t.overlaps(term)), None)
            if clash is not None:
                _refuse(f"a Plt. is appointed while the office is vacant; {_named(clash)}")
        else:
            plt = [t for t in self.terms if t.capacity is HolderCapacity.PLT]
            clash = next((t for t in (*definitive, *plt) if t.overlaps(term)), None)
            if clash is not None:
                _refuse(f"the office is held in that period: {_named(clash)}")
        same = [t for t in self.terms if t.capacity is term.capacity and t.capacity.is_acting]
        clash = next((t for t in same if t.overlaps(term)), None)
        if clash is not None:
            _refuse(f"acting terms overlap: {_named(clash)}")


def _check_acting_length(term: Term, max_days: int) -> None:
    if term.ends_on is None:
        raise InvalidInput(
            f"a {term.capacity.value} term states its end (at most {max_days} days)",
            field="endsOn",
        )
    if term.ends_on - term.starts_on >= timedelta(days=max_days):
        _refuse(
            f"an acting term lasts at most {max_days} days; a longer spell is a new appointment"
        )


def _named(term: Term) -> str:
    until = term.ends_on.isoformat() if term.ends_on else "further notice"
    return (
        f"term {term.number}, {term.holder_name} ({term.capacity.value}) "
        f"from {term.starts_on} until {until}"
    )


def _refuse(message: str) -> None:
    raise RuleViolation(message, rules=(Rule.OFFICE_TERM.value,))
