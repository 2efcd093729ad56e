"""What a caller may read: the whole country, some agencies, the agencies of some provinces, or
their own records.

Each role says how its scope is derived from the caller's credentials in ``SCOPE_OF_ROLE``;
a role without an entry reads nothing (and the schema's role walk fails until it has one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Forbidden
from asn_graph.domain.messages import Message
from asn_graph.domain.regulators import CENTRAL_BKN, DEFAULT_KANREG_REGIONS

NATIONAL_ROLES = frozenset({Role.AUDITOR, Role.INTEGRATOR})
"""The roles a token may grant national scope (BKN's oversight, the national systems)."""


@dataclass(frozen=True)
class ReadScope:
    """``national``: everything; else the records of ``agencies`` and of the regional agencies
    of ``provinces`` (the province's government and its regencies and cities, whose codes begin
    with the province's two digits), or of the employee ``nip``."""

    national: bool = False
    agencies: frozenset[str] = frozenset()
    nip: str | None = None
    provinces: frozenset[str] = frozenset()

    def covers_agency(self, agency_code: str | None) -> bool:
        if self.national:
            return True
        if agency_code is None:
            return False
        return agency_code in self.agencies or (
            agency_code[:2] in self.provinces and agency_code.isdigit()
        )

    def covers_any(self, agency_codes: Iterable[str | None]) -> bool:
        return any(self.covers_agency(code) for code in agency_codes)

    def covers_nip(self, nip: str) -> bool:
        """Whether the employee is the caller (agency scopes are decided by placements)."""
        return self.nip is not None and self.nip == nip

    @property
    def of_agencies(self) -> bool:
        return not self.national and bool(self.agencies)


NATIONAL = ReadScope(national=True)


KanregRegions = Mapping[str, frozenset[str]]


def _agency_scope(actor: Actor, _: KanregRegions) -> ReadScope:
    if actor.agency is None:
        raise Forbidden("read_scope.reads_agency_this_caller_names", role=actor.role)
    return ReadScope(agencies=frozenset({actor.agency}))


def _national_or_agency(actor: Actor, regions: KanregRegions) -> ReadScope:
    return NATIONAL if actor.national else _agency_scope(actor, regions)


def _regulator(actor: Actor, kanreg_regions: KanregRegions) -> ReadScope:
    """BKN's central office and the minister decide moves across provinces and between the
    regions and the centre: they read every agency. A Kanreg reads the provinces it serves, a
    governor their province: the agencies whose moves they review or decide."""
    if actor.role is Role.MINISTER or actor.agency == CENTRAL_BKN:
        return NATIONAL
    if actor.role is Role.GOVERNOR and actor.agency is not None:
        return ReadScope(provinces=frozenset({actor.agency}))
    served = kanreg_regions.get(actor.agency or "")
    if served is None:
        raise Forbidden(
            "read_scope.not_office_bkn_this_service",
            office=actor.agency or Message("authority.no_office"),
        )
    return ReadScope(provinces=served)


def _own_records(actor: Actor, _: KanregRegions) -> ReadScope:
    if actor.nip is None:
        raise Forbidden("read_scope.employee_reads_their_own_records")
    return ReadScope(nip=actor.nip)


SCOPE_OF_ROLE: Mapping[Role, Callable[[Actor, KanregRegions], ReadScope]] = {
    Role.OFFICER: _agency_scope,
    Role.APPROVER: _agency_scope,
    Role.AUDITOR: _national_or_agency,
    Role.INTEGRATOR: _national_or_agency,
    Role.EMPLOYEE: _own_records,
    Role.BKN: _regulator,
    Role.GOVERNOR: _regulator,
    Role.MINISTER: _regulator,
    Role.SYSTEM: lambda _, __: NATIONAL,
}


def read_scope(actor: Actor, kanreg_regions: KanregRegions = DEFAULT_KANREG_REGIONS) -> ReadScope:
    """The caller's scope; ``kanreg_regions``: the provinces each Kanreg serves, as the
    agency's policy has them."""
    derive = SCOPE_OF_ROLE.get(actor.role)
    if derive is None:
        raise Forbidden("read_scope.role_has_no_read_scope", role=actor.role)
    return derive(actor, kanreg_regions)
