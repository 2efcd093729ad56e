"""Inputs of the register of signing offices."""

from __future__ import annotations

from datetime import date

import strawberry

from asn_graph.api.types.enums import DecisionAuthority, HolderCapacity
from asn_graph.application import office_commands as oc
from asn_graph.domain.nip import Nip
from asn_graph.domain.office_terms import Office
from asn_graph.domain.regulators import office_named

JURISDICTION = (
    "Kode instansi of a PPK, kode provinsi of a governor; none for the minister and the Head "
    "of BKN."
)


@strawberry.input(description="A signing office: who decides, for whom.")
class OfficeInput:
    authority: DecisionAuthority
    jurisdiction: str | None = strawberry.field(default=None, description=JURISDICTION)

    def to_domain(self) -> Office:
        return office_named(self.authority, self.jurisdiction)


@strawberry.input(description="Appoint a holder of a signing office (definitif, Plt., Plh.).")
class AppointOfficeHolderInput:
    office: OfficeInput
    holder_name: str
    holder_nip: str | None = strawberry.field(
        default=None, description="The holder's NIP (none for elected and political offices)."
    )
    capacity: HolderCapacity
    starts_on: date
    ends_on: date | None = strawberry.field(
        default=None, description="Last day; an acting term (Plt., Plh.) always states it."
    )
    decree_reference: str = strawberry.field(
        description="The appointment's SK or order (surat perintah)."
    )
    reason: str = ""

    def to_command(self) -> oc.AppointHolder:
        nip = Nip.parse(self.holder_nip).value if self.holder_nip else None
        return oc.AppointHolder(
            self.office.to_domain(),
            self.holder_name.strip(),
            nip,
            self.capacity,
            self.starts_on,
            self.ends_on,
            self.decree_reference.strip(),
            self.reason,
        )


@strawberry.input(description="End a holder's term early (it is never lengthened).")
class EndOfficeTermInput:
    office: OfficeInput
    term: int = strawberry.field(description="The term's number in the register.")
    ends_on: date = strawberry.field(description="The term's last day.")
    reason: str

    def to_command(self) -> oc.EndTerm:
        return oc.EndTerm(self.office.to_domain(), self.term, self.ends_on, self.reason)
