"""The caller as their token names them, with what they may read."""

from __future__ import annotations

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.scoping import scope_of
from asn_graph.domain import actors
from asn_graph.domain import read_scope as scopes


@strawberry.type(
    description="What the caller reads (see the README's 'Who reads what'): every agency, "
    "some agencies, or their own records."
)
class ReadScope:
    national: bool = strawberry.field(
        description="Every agency's records (BKN's oversight, the national systems)."
    )
    agencies: list[str] = strawberry.field(
        description="Kode instansi of the agencies whose records the caller reads; empty when "
        "national or when the caller reads only their own records."
    )
    nip: str | None = strawberry.field(
        description="The caller's NIP, when they read only their own records (employees)."
    )
    provinces: list[str] = strawberry.field(
        description="Province codes whose regional agencies (the province's government and its "
        "regencies and cities) the caller reads: a governor's province, a Kanreg BKN's region."
    )

    @classmethod
    def of(cls, scope: scopes.ReadScope) -> ReadScope:
        return cls(
            national=scope.national,
            agencies=sorted(scope.agencies),
            nip=scope.nip,
            provinces=sorted(scope.provinces),
        )


@strawberry.type(description="The caller, as named by their token.")
class Caller:
    id: str = strawberry.field(description="Subject of the caller's token.")
    role: str = strawberry.field(description="officer, approver, employee, auditor, integrator.")
    agency: str | None = strawberry.field(description="Kode instansi the caller acts for.")
    nip: str | None = strawberry.field(description="NIP, when the caller is an employee.")

    @strawberry.field(description="What the caller reads, from their role and token.")
    def read_scope(self, info: Ctx) -> ReadScope:
        # The caller is the context's: their scope as every resolver reckons it.
        return ReadScope.of(scope_of(info.context))

    @classmethod
    def of(cls, actor: actors.Actor) -> Caller:
        return cls(id=actor.id, role=actor.role.value, agency=actor.agency, nip=actor.nip)
