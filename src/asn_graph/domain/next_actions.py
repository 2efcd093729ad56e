"""What can be done next on a transfer case: the actions its route and state admit now, and
which of them a given person may take.

The conditions restate the guards of ``TransferCase``'s command methods (state, route step,
role, agency, signing office), so that a page or a client offers exactly the commands the
aggregate would accept from that person, not a guess at them. A test holds each admitted
action to its command.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from asn_graph.domain import authority
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_actions import DECISIONS, CaseAction
from asn_graph.domain.case_state import BEFORE_DECREE, EDITABLE_FILE, CaseState
from asn_graph.domain.errors import Forbidden
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.regulators import Jurisdiction
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_types import ApprovalStep, Initiative

_DECREED = frozenset({CaseState.DECREE_ISSUED, CaseState.APPOINTED})
_BY_STATE: Mapping[CaseAction, frozenset[CaseState]] = {
    CaseAction.ATTACH_DOCUMENT: EDITABLE_FILE,
    CaseAction.SUBMIT: frozenset({CaseState.DRAFT, CaseState.DOCUMENTS_RETURNED}),
    CaseAction.RETURN_DOCUMENTS: frozenset({CaseState.SUBMITTED}),
    CaseAction.VERIFY_DOCUMENTS: frozenset({CaseState.SUBMITTED}),
    CaseAction.REJECT: frozenset({CaseState.SUBMITTED, CaseState.DOCUMENTS_RETURNED}),
    CaseAction.ISSUE_DECREE: frozenset({CaseState.AWAITING_DECREE}),
    CaseAction.CORRECT_DECREE: _DECREED,
    CaseAction.REVOKE_DECREE: _DECREED,
    CaseAction.RECORD_INSTALLATION: frozenset({CaseState.DECREE_ISSUED}),
    CaseAction.RECORD_HANDOVER: frozenset({CaseState.AWAITING_DECREE, *_DECREED}),
    CaseAction.RECORD_EFFECTIVE: frozenset({CaseState.APPOINTED}),
    CaseAction.RECORD_TRAINING: frozenset({CaseState.EFFECTIVE}),
    CaseAction.RECORD_EVALUATION: frozenset({CaseState.EFFECTIVE, CaseState.CLOSED}),
    CaseAction.WITHDRAW: BEFORE_DECREE,
    CaseAction.CANCEL: BEFORE_DECREE,
    CaseAction.EXPIRE: BEFORE_DECREE,
}
"""The actions whose only condition on the case is its state."""


def next_actions(case: TransferCase, policy: TransferPolicy) -> tuple[CaseAction, ...]:
    """The actions the case's route and state admit now, whoever may take them, in route
    order: the decision of the pending step only, the closing only once the move has been
    evaluated."""
    admitted = {action for action, states in _BY_STATE.items() if case.state in states}
    if case.state in BEFORE_DECREE and case.initiative is Initiative.AGENCY_INTEREST:
        admitted.add(CaseAction.ANSWER_PROPOSAL)
    step = case.pending_step
    if step is not None:
        admitted.add(DECISIONS[step])
    if case.state.holds_employee:
        # Also before a rule blocks: the decree is checked against the rules again when it
        # is issued, and a rule that blocks only then is overridden beforehand.
        admitted.add(CaseAction.OVERRIDE_RULE)
    if case.state is CaseState.EFFECTIVE and case.evaluation is not None:
        admitted.add(CaseAction.CLOSE)
    return tuple(action for action in CaseAction if action in admitted)


def actions_of(
    actor: Actor, case: TransferCase, jurisdiction: Jurisdiction, policy: TransferPolicy
) -> tuple[CaseAction, ...]:
    """Those of the next actions ``actor`` may take: their role, their agency, the step's
    authority, the signing office of the decree."""
    parties = case.parties(jurisdiction)
    return tuple(
        action
        for action in next_actions(case, policy)
        if _permitted(_AUTHORITY[action], actor, case, parties, policy)
    )


def _permitted(
    check: Check,
    actor: Actor,
    case: TransferCase,
    parties: authority.CaseParties,
    policy: TransferPolicy,
) -> bool:
    try:
        check(actor, case, parties, policy)
    except Forbidden:
        return False
    return True


Check = Callable[[Actor, TransferCase, authority.CaseParties, TransferPolicy], None]


def _staff_or_requester(
    actor: Actor, case: TransferCase, parties: authority.CaseParties, policy: TransferPolicy
) -> None:
    if actor.role is Role.EMPLOYEE and case.initiative is Initiative.OWN_REQUEST:
        authority.require_own_nip(actor, case.nip)
        return
    authority.require_case_staff(actor, case.origin, case.destination)


def _case_staff(
    actor: Actor, case: TransferCase, parties: authority.CaseParties, policy: TransferPolicy
) -> None:
    authority.require_case_staff(actor, case.origin, case.destination)


def _origin_staff(
    actor: Actor, case: TransferCase, parties: authority.CaseParties, policy: TransferPolicy
) -> None:
    authority.require_case_staff(actor, case.origin, case.origin)


def _destination_staff(
    actor: Actor, case: TransferCase, parties: authority.CaseParties, policy: TransferPolicy
) -> None:
    authority.require_role(actor, *authority.AGENCY_STAFF)
    authority.require_agency(actor, case.destination.agency_code)


def _the_employee(
    actor: Actor, case: TransferCase, parties: authority.CaseParties, policy: TransferPolicy
) -> None:
    authority.require_role(actor, Role.EMPLOYEE)
    authority.require_own_nip(actor, case.nip)


def _an_approver_of_the_case(
    actor: Actor, case: TransferCase, parties: authority.CaseParties, policy: TransferPolicy
) -> None:
    authority.require_role(actor, Role.APPROVER)
    authority.require_agency(actor, case.origin.agency_code, case.destination.agency_code)


def _the_signing_office(
    actor: Actor, case: TransferCase, parties: authority.CaseParties, policy: TransferPolicy
) -> None:
    authority.require_decree_authority(actor, parties)


def _step_authority(step: ApprovalStep) -> Check:
    def check(
        actor: Actor, case: TransferCase, parties: authority.CaseParties, policy: TransferPolicy
    ) -> None:
        authority.require_step_authority(actor, step, parties, policy.kanreg_regions)

    return check


_AUTHORITY: Mapping[CaseAction, Check] = {
    CaseAction.ATTACH_DOCUMENT: _staff_or_requester,
    CaseAction.SUBMIT: _staff_or_requester,
    CaseAction.RETURN_DOCUMENTS: _case_staff,
    CaseAction.VERIFY_DOCUMENTS: _case_staff,
    CaseAction.REJECT: _case_staff,
    CaseAction.ANSWER_PROPOSAL: _the_employee,
    **{action: _step_authority(step) for step, action in DECISIONS.items()},
    CaseAction.OVERRIDE_RULE: _an_approver_of_the_case,
    CaseAction.ISSUE_DECREE: _the_signing_office,
    CaseAction.CORRECT_DECREE: _the_signing_office,
    CaseAction.REVOKE_DECREE: _the_signing_office,
    CaseAction.RECORD_INSTALLATION: _destination_staff,
    CaseAction.RECORD_HANDOVER: _origin_staff,
    CaseAction.RECORD_EFFECTIVE: _case_staff,
    CaseAction.RECORD_TRAINING: _destination_staff,
    CaseAction.RECORD_EVALUATION: _destination_staff,
    CaseAction.CLOSE: _destination_staff,
    CaseAction.WITHDRAW: _staff_or_requester,
    CaseAction.CANCEL: _an_approver_of_the_case,
    CaseAction.EXPIRE: _case_staff,
}
