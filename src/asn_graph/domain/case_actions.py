"""The commands on a transfer case, named as the API names its mutations; which of them a
case admits next, and from whom, is ``next_actions``'s."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from asn_graph.domain.transfer_types import ApprovalStep


class CaseAction(Enum):
    """A command on a case, as the API names its mutation (in route order)."""

    ATTACH_DOCUMENT = "ATTACH_DOCUMENT"
    SUBMIT = "SUBMIT"
    RETURN_DOCUMENTS = "RETURN_DOCUMENTS"
    VERIFY_DOCUMENTS = "VERIFY_DOCUMENTS"
    REJECT = "REJECT"
    ANSWER_PROPOSAL = "ANSWER_PROPOSAL"
    RECORD_REVIEW_BOARD_DECISION = "RECORD_REVIEW_BOARD_DECISION"
    DECIDE_RELEASE = "DECIDE_RELEASE"
    DECIDE_ACCEPTANCE = "DECIDE_ACCEPTANCE"
    RECORD_TECHNICAL_REVIEW = "RECORD_TECHNICAL_REVIEW"
    OVERRIDE_RULE = "OVERRIDE_RULE"
    ISSUE_DECREE = "ISSUE_DECREE"
    CORRECT_DECREE = "CORRECT_DECREE"
    REVOKE_DECREE = "REVOKE_DECREE"
    RECORD_INSTALLATION = "RECORD_INSTALLATION"
    RECORD_HANDOVER = "RECORD_HANDOVER"
    RECORD_EFFECTIVE = "RECORD_EFFECTIVE"
    RECORD_TRAINING = "RECORD_TRAINING"
    RECORD_EVALUATION = "RECORD_EVALUATION"
    CLOSE = "CLOSE"
    WITHDRAW = "WITHDRAW"
    CANCEL = "CANCEL"
    EXPIRE = "EXPIRE"


DECISIONS: Mapping[ApprovalStep, CaseAction] = {
    ApprovalStep.REVIEW_BOARD: CaseAction.RECORD_REVIEW_BOARD_DECISION,
    ApprovalStep.ORIGIN_RELEASE: CaseAction.DECIDE_RELEASE,
    ApprovalStep.DESTINATION_ACCEPTANCE: CaseAction.DECIDE_ACCEPTANCE,
    ApprovalStep.TECHNICAL_REVIEW: CaseAction.RECORD_TECHNICAL_REVIEW,
}
"""The command that records each step of an approval route."""
