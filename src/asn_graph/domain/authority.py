"""Who may act on a case: role, own NIP, and the agency an officer or approver acts for."""

from __future__ import annotations

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Forbidden
from asn_graph.domain.placement import Placement
from asn_graph.domain.transfer_types import ApprovalStep, Initiative, TransferType

AGENCY_STAFF = (Role.OFFICER, Role.APPROVER)


def require_role(actor: Actor, *roles: Role) -> None:
    if actor.role not in roles and actor.role is not Role.SYSTEM:
        allowed = ", ".join(r.value for r in roles)
        raise Forbidden(f"role {actor.role.value} may not do this (needs {allowed})")


def require_agency(actor: Actor, *agency_codes: str) -> None:
    if actor.role is Role.SYSTEM:
        return
    if actor.agency not in agency_codes:
        raise Forbidden(
            f"{actor.role.value} acting for {actor.agency or 'no agency'} may act only for "
            f"{' or '.join(sorted(set(agency_codes)))}"
        )


def require_own_nip(actor: Actor, nip: str) -> None:
    if actor.role is Role.EMPLOYEE and actor.nip != nip:
        raise Forbidden("an employee may act only on their own NIP")


def require_can_open(
    actor: Actor, initiative: Initiative, nip: str, origin: Placement, destination: Placement
) -> None:
    if actor.role is Role.EMPLOYEE:
        require_own_nip(actor, nip)
        if initiative is not Initiative.OWN_REQUEST:
            raise Forbidden("an employee may only request a transfer on their own initiative")
        return
    require_role(actor, Role.OFFICER)
    require_agency(actor, origin.agency_code, destination.agency_code)


def require_case_staff(actor: Actor, origin: Placement, destination: Placement) -> None:
    require_role(actor, *AGENCY_STAFF)
    require_agency(actor, origin.agency_code, destination.agency_code)


def require_step_authority(
    actor: Actor, step: ApprovalStep, origin: Placement, destination: Placement
) -> None:
    """The release belongs to the origin, the acceptance to the destination."""
    if step is ApprovalStep.TECHNICAL_REVIEW:
        require_case_staff(actor, origin, destination)
        return
    require_role(actor, Role.APPROVER)
    if step is ApprovalStep.ORIGIN_RELEASE:
        require_agency(actor, origin.agency_code)
    elif step is ApprovalStep.DESTINATION_ACCEPTANCE:
        require_agency(actor, destination.agency_code)
    else:
        require_agency(actor, origin.agency_code, destination.agency_code)


def require_decree_authority(
    actor: Actor, transfer_type: TransferType, destination: Placement
) -> None:
    """Within one agency the PPK signs; otherwise the destination records the SK it received."""
    if transfer_type is TransferType.WITHIN_AGENCY:
        require_role(actor, Role.APPROVER)
    else:
        require_role(actor, *AGENCY_STAFF)
    require_agency(actor, destination.agency_code)
