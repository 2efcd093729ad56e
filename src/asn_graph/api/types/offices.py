"""The register of signing offices: who held a PPK's, a governor's, the minister's or the
Head of BKN's office, and when."""

from __future__ import annotations

from datetime import date

import strawberry

from asn_graph.api.types.enums import DecisionAuthority, HolderCapacity
from asn_graph.api.types.mirror import mirror
from asn_graph.application.views import OfficeView
from asn_graph.domain import office_terms


@strawberry.type(description="One holder's term in a signing office (masa jabatan).")
class OfficeTerm:
    number: int = strawberry.field(description="The term's place in the register, from 1.")
    holder_name: str
    holder_nip: str | None = strawberry.field(
        description="None for elected and political office holders."
    )
    capacity: HolderCapacity
    starts_on: date
    ends_on: date | None = strawberry.field(description="Last day; none: until further notice.")
    decree_reference: str = strawberry.field(
        description="The appointment's SK or order (surat perintah Plt./Plh.)."
    )

    @classmethod
    def of(cls, term: office_terms.Term) -> OfficeTerm:
        return mirror(cls, term)


@strawberry.type(description="A signing office (pejabat yang berwenang) and its register.")
class SigningOffice:
    authority: DecisionAuthority
    jurisdiction: str = strawberry.field(
        description="Kode instansi of a PPK, kode provinsi of a governor; KEMENDAGRI for the "
        "minister, BKN for the Head of BKN."
    )
    terms: list[OfficeTerm] = strawberry.field(
        description="The terms asked for (every term, or those current on a day), oldest first."
    )

    @classmethod
    def of(cls, view: OfficeView) -> SigningOffice:
        return cls(
            authority=view.office.authority,
            jurisdiction=view.office.jurisdiction,
            terms=[OfficeTerm.of(term) for term in view.terms],
        )
