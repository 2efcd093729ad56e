"""The regulators of moves between agencies: which office reviews and which decides, and
whether a caller acts for that office on the case's provinces.

Only the regulator records its own step: an agency officer does not enter BKN's technical
review or the governor's decree on their behalf, even from a received paper letter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Forbidden, InvalidInput
from asn_graph.domain.messages import Message
from asn_graph.domain.office_terms import Office
from asn_graph.domain.reference import AgencyKind
from asn_graph.domain.transfer_types import AgencyProfile, DecisionAuthority, TechnicalReviewer

CENTRAL_BKN = "BKN"
"""The office a BKN token names for BKN's central office (Kepala BKN and its deputies)."""
HOME_AFFAIRS = "KEMENDAGRI"
"""The office a minister's token acts for."""
KANREG_CODE = re.compile(r"^KANREG-[A-Z0-9]+$")
PROVINCE_CODE = re.compile(r"^\d{2}$")

DEFAULT_KANREG_REGIONS: Mapping[str, frozenset[str]] = {
    "KANREG-I": frozenset({"33", "34"}),
    "KANREG-II": frozenset({"35"}),
    "KANREG-III": frozenset({"32"}),
    "KANREG-IV": frozenset({"73", "74", "76"}),
    "KANREG-V": frozenset({"18", "31", "36", "61"}),
    "KANREG-VI": frozenset({"12"}),
    "KANREG-VII": frozenset({"15", "16", "17", "19"}),
    "KANREG-VIII": frozenset({"62", "63", "64", "65"}),
    "KANREG-IX": frozenset({"91", "93", "94", "95"}),
    "KANREG-X": frozenset({"51", "52", "53"}),
    "KANREG-XI": frozenset({"71", "72", "75", "81", "82"}),
    "KANREG-XII": frozenset({"13", "14", "21"}),
    "KANREG-XIII": frozenset({"11"}),
    "KANREG-XIV": frozenset({"92", "96"}),
}
"""The provinces (Kemendagri codes) each regional office of BKN serves. Offices are
reorganised from time to time: the policy file may set its own table."""


@dataclass(frozen=True)
class Jurisdiction:
    """The provinces a case moves between (empty for a central agency): whose governor
    decides, and which Kanreg reviews."""

    origin_province: str
    destination_province: str


def require_technical_reviewer(
    actor: Actor,
    reviewer: TechnicalReviewer,
    jurisdiction: Jurisdiction,
    kanreg_regions: Mapping[str, frozenset[str]],
) -> None:
    """Kanreg BKN reviews moves within the provinces it serves; BKN's central office the
    others (as Kepala BKN across provinces)."""
    if actor.role is Role.SYSTEM:
        return
    _require_regulator(actor, Role.BKN)
    if reviewer is not TechnicalReviewer.KANREG_BKN:
        if actor.agency != CENTRAL_BKN:
            raise Forbidden("regulators.technical_review_this_route_bkn", agency=actor.agency)
        return
    served = kanreg_regions.get(actor.agency or "", frozenset())
    provinces = {jurisdiction.origin_province, jurisdiction.destination_province}
    if not provinces <= served:
        raise Forbidden(
            "regulators.does_not_serve_province_regional",
            agency=actor.agency,
            provinces=", ".join(sorted(provinces - served)),
        )


def deciding_office(
    authority: DecisionAuthority, destination_agency: str, jurisdiction: Jurisdiction
) -> Office:
    """The office that decides a move: the destination's PPK, the governor of its province,
    the minister, or the Head of BKN."""
    if authority is DecisionAuthority.PPK:
        return Office(authority, destination_agency)
    if authority is DecisionAuthority.GOVERNOR:
        return Office(authority, jurisdiction.destination_province)
    if authority is DecisionAuthority.MINISTER_OF_HOME_AFFAIRS:
        return Office(authority, HOME_AFFAIRS)
    return Office(authority, CENTRAL_BKN)


DECIDING_ROLES = {
    DecisionAuthority.PPK: Role.APPROVER,
    DecisionAuthority.GOVERNOR: Role.GOVERNOR,
    DecisionAuthority.MINISTER_OF_HOME_AFFAIRS: Role.MINISTER,
    DecisionAuthority.HEAD_OF_BKN: Role.BKN,
}
"""Who records each authority's decree: an approver of the agency for its PPK, otherwise
the regulator itself."""


def require_decision_authority(actor: Actor, office: Office) -> None:
    """The decree is recorded by the office that decides it."""
    if actor.role is Role.SYSTEM:
        return
    _require_regulator(actor, DECIDING_ROLES[office.authority])
    if actor.agency != office.jurisdiction:
        raise Forbidden(
            "regulators.this_decree_decided_by_not",
            authority=office.authority,
            jurisdiction=office.jurisdiction,
            role=actor.role,
            office=actor.agency or Message("authority.no_office"),
        )


def office_named(authority: DecisionAuthority, jurisdiction: str | None) -> Office:
    """The office a caller names: a PPK by its agency's code, a governor by the province's
    code; the minister's and the Head of BKN's offices are one each."""
    code = (jurisdiction or "").strip().upper()
    fixed = {
        DecisionAuthority.MINISTER_OF_HOME_AFFAIRS: HOME_AFFAIRS,
        DecisionAuthority.HEAD_OF_BKN: CENTRAL_BKN,
    }.get(authority)
    if fixed is not None:
        if code and code != fixed:
            raise InvalidInput(
                "regulators.office_is_fixed", field="jurisdiction", authority=authority, fixed=fixed
            )
        return Office(authority, fixed)
    if not code:
        raise InvalidInput(
            "regulators.office_named_by_agency_code"
            if authority is DecisionAuthority.PPK
            else "regulators.office_named_by_province_code",
            field="jurisdiction",
            authority=authority,
        )
    if authority is DecisionAuthority.GOVERNOR and not PROVINCE_CODE.match(code):
        raise InvalidInput("regulators.province_code_has_two_digits", field="jurisdiction")
    return Office(authority, code)


def require_register_keeper(
    actor: Actor, office: Office, actor_agency: AgencyProfile | None
) -> None:
    """An office's register is kept by the officers of its agency: the PPK's own agency, the
    province's for its governor, KEMENDAGRI for the minister, BKN for its Head."""
    if actor.role is Role.SYSTEM:
        return
    if actor.role is not Role.OFFICER:
        raise Forbidden("regulators.officer_needed", role=actor.role)
    if office.authority is DecisionAuthority.GOVERNOR:
        keeps = (
            actor_agency is not None
            and actor_agency.kind is AgencyKind.PROVINCE
            and actor_agency.province_code == office.jurisdiction
        )
    else:
        keeps = actor.agency == office.jurisdiction
    if not keeps:
        raise Forbidden(
            "regulators.register_kept_by_own_agency",
            authority=office.authority,
            jurisdiction=office.jurisdiction,
            agency=actor.agency or Message("authority.no_agency"),
        )


def _require_regulator(actor: Actor, role: Role) -> None:
    if actor.role is not role:
        raise Forbidden("regulators.role_needed", role=actor.role, role2=role)
