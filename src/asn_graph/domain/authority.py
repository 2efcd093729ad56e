"""Who may act on a case: role, own NIP, and the agency an officer or approver acts for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Forbidden
from asn_graph.domain.messages import Message
from asn_graph.domain.office_terms import Office
from asn_graph.domain.placement import Placement
from asn_graph.domain.regulators import (
    Jurisdiction,
    deciding_office,
    require_decision_authority,
    require_technical_reviewer,
)
from asn_graph.domain.transfer_types import ApprovalStep, Initiative, TransferType, route_for

AGENCY_STAFF = (Role.OFFICER, Role.APPROVER)


def require_role(actor: Actor, *roles: Role) -> None:
    if actor.role not in roles and actor.role is not Role.SYSTEM:
        allowed = ", ".join(r.value for r in roles)
        raise Forbidden("authority.role_may_not_do_this", role=actor.role, allowed=allowed)


def require_agency(actor: Actor, *agency_codes: str) -> None:
    if actor.role is Role.SYSTEM:
        return
    if actor.agency not in agency_codes:
        raise Forbidden(
            "authority.acting_may_act_only",
            role=actor.role,
            agency=actor.agency or Message("authority.no_agency"),
            agencies=" or ".join(sorted(set(agency_codes))),
        )


def require_own_nip(actor: Actor, nip: str) -> None:
    if actor.role is Role.EMPLOYEE and actor.nip != nip:
        raise Forbidden("authority.employee_may_act_only_their")


def require_can_open(
    actor: Actor, initiative: Initiative, nip: str, origin: Placement, destination: Placement
) -> None:
    if actor.role is Role.EMPLOYEE:
        require_own_nip(actor, nip)
        if initiative is not Initiative.OWN_REQUEST:
            raise Forbidden("authority.employee_may_only_request_transfer")
        return
    require_role(actor, Role.OFFICER)
    require_agency(actor, origin.agency_code, destination.agency_code)


def require_case_staff(actor: Actor, origin: Placement, destination: Placement) -> None:
    require_role(actor, *AGENCY_STAFF)
    require_agency(actor, origin.agency_code, destination.agency_code)


def require_step_authority(
    actor: Actor,
    step: ApprovalStep,
    case: CaseParties,
    kanreg_regions: Mapping[str, frozenset[str]],
) -> None:
    """The release belongs to the origin, the acceptance to the destination, the technical
    review to the reviewer the route names."""
    if step is ApprovalStep.TECHNICAL_REVIEW:
        reviewer = route_for(case.transfer_type).technical_reviewer
        assert reviewer is not None, "a route with a technical review names its reviewer"
        require_technical_reviewer(actor, reviewer, case.jurisdiction, kanreg_regions)
        return
    require_role(actor, Role.APPROVER)
    if step is ApprovalStep.ORIGIN_RELEASE:
        require_agency(actor, case.origin.agency_code)
    elif step is ApprovalStep.DESTINATION_ACCEPTANCE:
        require_agency(actor, case.destination.agency_code)
    else:
        require_agency(actor, case.origin.agency_code, case.destination.agency_code)


def require_decree_authority(actor: Actor, case: CaseParties) -> None:
    """Within one agency the PPK signs; otherwise the governor, the minister or the Head of
    BKN, each recording its own decree."""
    require_decision_authority(actor, case.deciding_office)


@dataclass(frozen=True)
class CaseParties:
    """Who a case concerns: its type, origin and destination, and their provinces."""

    transfer_type: TransferType
    origin: Placement
    destination: Placement
    jurisdiction: Jurisdiction

    @property
    def deciding_office(self) -> Office:
        authority = route_for(self.transfer_type).decree_authority
        return deciding_office(authority, self.destination.agency_code, self.jurisdiction)
