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
from asn_graph.domain.messages import Message
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
            raise InvalidInput("signing_office.appointment_names_holder", field="holderName")
        if not decree_reference.strip():
            raise InvalidInput(
                "signing_office.appointment_names_decree_order_sk",
                field="decreeReference",
            )
        if ends_on is not None and ends_on < starts_on:
            raise InvalidInput("signing_office.term_cannot_end_before_starts", field="endsOn")
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
            raise NotFound(
                "signing_office.has_no_term",
                authority=self.authority,
                jurisdiction=self.jurisdiction,
                number=number,
            )
        term = self.terms[number - 1]
        if ends_on < term.starts_on:
            raise InvalidInput("signing_office.term_cannot_end_before_starts", field="endsOn")
        if term.ends_on is not None and ends_on > term.ends_on:
            raise RuleViolation(
                "signing_office.term_ends_longer_term_new",
                rules=(Rule.OFFICE_TERM.value,),
                number=number,
                ends_on=term.ends_on,
            )
        if not reason.strip():
            raise InvalidInput("signing_office.ending_term_needs_reason", field="reason")
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
                _refuse("signing_office.plh_within_definitive_term")
        elif term.capacity is HolderCapacity.PLT:
            clash = next((t for t in definitive if t.overlaps(term)), None)
            if clash is not None:
                _refuse("signing_office.plt_while_vacant", clash=_named(clash))
        else:
            plt = [t for t in self.terms if t.capacity is HolderCapacity.PLT]
            clash = next((t for t in (*definitive, *plt) if t.overlaps(term)), None)
            if clash is not None:
                _refuse("signing_office.office_held_in_period", clash=_named(clash))
        same = [t for t in self.terms if t.capacity is term.capacity and t.capacity.is_acting]
        clash = next((t for t in same if t.overlaps(term)), None)
        if clash is not None:
            _refuse("signing_office.acting_terms_overlap", clash=_named(clash))


def _check_acting_length(term: Term, max_days: int) -> None:
    if term.ends_on is None:
        raise InvalidInput(
            "signing_office.term_states_end_at_most",
            field="endsOn",
            capacity=term.capacity.value,
            max_days=max_days,
        )
    if term.ends_on - term.starts_on >= timedelta(days=max_days):
        _refuse("signing_office.acting_term_too_long", max_days=max_days)


def _named(term: Term) -> Message:
    params = {
        "number": term.number,
        "holder": term.holder_name,
        "capacity": term.capacity.value,
        "starts_on": term.starts_on,
    }
    if term.ends_on is None:
        return Message("signing_office.named_open_term", params)
    return Message("signing_office.named_term", {**params, "ends_on": term.ends_on.isoformat()})


def _refuse(key: str, **params: Any) -> None:
    raise RuleViolation(key, rules=(Rule.OFFICE_TERM.value,), **params)
