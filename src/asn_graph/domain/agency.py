"""Agency (instansi): a province, regency, city or central agency, and its moratoria."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventsourcing.domain import Aggregate

from asn_graph.domain.actors import Actor
from asn_graph.domain.audited import AuditedAggregate
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.moratorium import Moratorium
from asn_graph.domain.placement import agency_id
from asn_graph.domain.reference import AgencyKind
from asn_graph.domain.transfer_types import AgencyProfile


class Agency(AuditedAggregate):
    TOPIC = "asn-graph/agency"

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/agency/event"
        actor: Actor
        reason: str

    class Registered(Event, Aggregate.Created):
        TOPIC = "asn-graph/agency/registered"
        code: str
        name: str
        kind: AgencyKind
        province_code: str

    class MoratoriumDeclared(Event):
        TOPIC = "asn-graph/agency/moratorium-declared"
        moratorium: Moratorium

        def apply(self, agency: Agency) -> None:
            agency.moratoria.append(self.moratorium)

    def __init__(
        self, *, code: str, name: str, kind: AgencyKind, province_code: str, **_: Any
    ) -> None:
        self.code = code
        self.name = name
        self.kind = kind
        self.province_code = province_code
        self.moratoria: list[Moratorium] = []

    @classmethod
    def register(
        cls, *, code: str, name: str, kind: AgencyKind, province_code: str, actor: Actor
    ) -> Agency:
        code = code.strip().upper()
        if not code or not name.strip():
            raise InvalidInput("agency.agency_needs_code_name", field="code")
        if not province_code.strip() and kind.is_regional:
            raise InvalidInput("agency.regional_agency_needs_province_code", field="provinceCode")
        return cls._create(
            cls.Registered,
            id=agency_id(code),
            code=code,
            name=name.strip(),
            kind=kind,
            province_code=province_code.strip(),
            actor=actor,
            reason="",
        )

    def declare_moratorium(self, moratorium: Moratorium, actor: Actor) -> None:
        if moratorium.ends_on < moratorium.starts_on:
            raise InvalidInput("agency.moratorium_cannot_end_before_starts", field="endsOn")
        if not moratorium.basis.strip():
            raise InvalidInput("agency.moratorium_needs_legal_basis", field="basis")
        self._record(self.MoratoriumDeclared, actor, moratorium.basis, moratorium=moratorium)

    @property
    def profile(self) -> AgencyProfile:
        return AgencyProfile(self.code, self.kind, self.province_code)

    def moratorium_on(self, day: date) -> Moratorium | None:
        return next((m for m in self.moratoria if m.covers(day)), None)
