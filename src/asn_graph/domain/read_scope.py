"""What a caller may read: the whole country, some agencies, or their own records.

Each role says how its scope is derived from the caller's credentials in ``SCOPE_OF_ROLE``;
a role without an entry reads nothing (and the schema's role walk fails until it has one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Forbidden

NATIONAL_ROLES = frozenset({Role.AUDITOR, Role.INTEGRATOR})
"""The roles a token may grant national scope (BKN's oversight, the national systems)."""


@dataclass(frozen=True)
class ReadScope:
    """``national``: everything; else the records of ``agencies``, or of the employee ``nip``."""

    national: bool = False
    agencies: frozenset[str] = frozenset()
    nip: str | None = None

    def covers_agency(self, agency_code: str | None) -> bool:
        return self.national or (agency_code is not None and agency_code in self.agencies)

    def covers_any(self, agency_codes: Iterable[str | None]) -> bool:
        return any(self.covers_agency(code) for code in agency_codes)

    def covers_nip(self, nip: str) -> bool:
        """Whether the employee is the caller (agency scopes are decided by placements)."""
        return self.nip is not None and self.nip == nip

    @property
    def of_agencies(self) -> bool:
        return not self.national and bool(self.agencies)


NATIONAL = ReadScope(national=True)


def _agency_scope(actor: Actor) -> ReadScope:
    if actor.agency is None:
        raise Forbidden(f"a {actor.role.value} reads for an agency, and this caller names none")
    return ReadScope(agencies=frozenset({actor.agency}))


def _national_or_agency(actor: Actor) -> ReadScope:
    return NATIONAL if actor.national else _agency_scope(actor)


def _own_records(actor: Actor) -> ReadScope:
    if actor.nip is None:
        raise Forbidden("an employee reads their own records, and this caller names no NIP")
    return ReadScope(nip=actor.nip)


SCOPE_OF_ROLE: Mapping[Role, Callable[[Actor], ReadScope]] = {
    Role.OFFICER: _agency_scope,
    Role.APPROVER: _agency_scope,
    Role.AUDITOR: _national_or_agency,
    Role.INTEGRATOR: _national_or_agency,
    Role.EMPLOYEE: _own_records,
    Role.SYSTEM: lambda _: NATIONAL,
}


def read_scope(actor: Actor) -> ReadScope:
    derive = SCOPE_OF_ROLE.get(actor.role)
    if derive is None:
        raise Forbidden(f"role {actor.role.value} has no read scope")
    return derive(actor)
