"""The next actions of a case are exactly the commands the case accepts: for cases at every
stage of the internal and the external route, for each person, an action is offered to the
person if and only if its command, tried on a copy of the case, is accepted from them."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date

import pytest

from asn_graph.domain.actors import Actor
from asn_graph.domain.case_actions import DECISIONS, CaseAction
from asn_graph.domain.case_records import (
    Decree,
    DocumentEvidence,
    DocumentType,
    Evaluation,
    Training,
)
from asn_graph.domain.errors import DomainError
from asn_graph.domain.next_actions import actions_of, next_actions
from asn_graph.domain.reference import PerformanceRating
from asn_graph.domain.rules import Rule, hard
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_types import (
    ApprovalStep,
    DecisionAuthority,
    Initiative,
    TransferType,
)
from tests.unit.builders import (
    APPROVER,
    DESTINATION_APPROVER,
    DESTINATION_OFFICER,
    EXTERNAL,
    GOVERNOR,
    HANDOVER,
    JURISDICTION,
    KANREG,
    OFFICER,
    POLICY,
    SELF,
    TODAY,
    case,
    decree,
    signing,
    with_complete_file,
)

PEOPLE = (OFFICER, APPROVER, DESTINATION_OFFICER, DESTINATION_APPROVER, SELF, KANREG, GOVERNOR)
DAY = date(2026, 10, 10)


def _decide(step: ApprovalStep) -> Callable[[TransferCase, Actor], None]:
    def decide(subject: TransferCase, actor: Actor) -> None:
        subject.decide(step, True, DAY, "BA/1", actor, "", jurisdiction=JURISDICTION, policy=POLICY)

    return decide


def _decree_of(subject: TransferCase) -> Decree:
    """The decree of the case's own signing office, as the register has its holder."""
    if subject.transfer_type is TransferType.WITHIN_AGENCY:
        return decree()
    return decree(authority=DecisionAuthority.GOVERNOR, signatory="Gubernur")


COMMANDS: dict[CaseAction, Callable[[TransferCase, Actor], None]] = {
    CaseAction.ATTACH_DOCUMENT: lambda s, a: s.attach_document(
        DocumentEvidence(DocumentType.LATEST_RANK_DECREE, "800/9", TODAY, "BKPSDM", "cd" * 32), a
    ),
    CaseAction.SUBMIT: lambda s, a: s.submit((), a),
    CaseAction.RETURN_DOCUMENTS: lambda s, a: s.return_documents(a, "kurang lengkap"),
    CaseAction.VERIFY_DOCUMENTS: lambda s, a: s.verify_documents(POLICY, a),
    CaseAction.REJECT: lambda s, a: s.reject(a, "tidak memenuhi syarat"),
    CaseAction.ANSWER_PROPOSAL: lambda s, a: s.answer_proposal(True, (), a, ""),
    **{action: _decide(step) for step, action in DECISIONS.items()},
    CaseAction.OVERRIDE_RULE: lambda s, a: s.override(
        Rule.TENURE_MINIMUM, "Surat Menteri 1/2026", POLICY, a, "kebutuhan organisasi"
    ),
    CaseAction.ISSUE_DECREE: lambda s, a: s.issue_decree(
        _decree_of(s),
        (),
        a,
        signing(s),
        POLICY,
    ),
    CaseAction.CORRECT_DECREE: lambda s, a: s.correct_decree(
        _decree_of(s),
        a,
        "salah ketik",
        signing(s),
        POLICY,
    ),
    CaseAction.REVOKE_DECREE: lambda s, a: s.revoke_decree(a, "dibatalkan", JURISDICTION),
    CaseAction.RECORD_INSTALLATION: lambda s, a: s.record_installation(
        date(2026, 11, 10), POLICY, a
    ),
    CaseAction.RECORD_HANDOVER: lambda s, a: s.record_handover(HANDOVER, a),
    CaseAction.RECORD_EFFECTIVE: lambda s, a: s.take_effect(TODAY, POLICY, a),
    CaseAction.RECORD_TRAINING: lambda s, a: s.record_training(
        Training("Orientasi", "BPSDM", 16, TODAY), a
    ),
    CaseAction.RECORD_EVALUATION: lambda s, a: s.record_evaluation(
        Evaluation(PerformanceRating.BAIK, TODAY, "Baik"), a
    ),
    CaseAction.CLOSE: lambda s, a: s.close(a),
    CaseAction.WITHDRAW: lambda s, a: s.withdraw(a, "tidak jadi"),
    CaseAction.CANCEL: lambda s, a: s.cancel(a, "dibatalkan"),
    CaseAction.EXPIRE: lambda s, a: s.expire(a, "lewat waktu"),
}


def _internal_stages() -> dict[str, TransferCase]:
    stages: dict[str, TransferCase] = {}
    subject = case()
    stages["draft"] = copy.deepcopy(subject)
    with_complete_file(subject).submit((), OFFICER)
    stages["submitted"] = copy.deepcopy(subject)
    returned = copy.deepcopy(subject)
    returned.return_documents(OFFICER, "kurang")
    stages["returned"] = returned
    subject.verify_documents(POLICY, OFFICER)
    stages["in approval"] = copy.deepcopy(subject)
    _decide(ApprovalStep.REVIEW_BOARD)(subject, APPROVER)
    stages["awaiting decree"] = copy.deepcopy(subject)
    subject.record_handover(HANDOVER, OFFICER)
    subject.issue_decree(decree(), (), APPROVER, signing(subject), POLICY)
    stages["decree issued"] = copy.deepcopy(subject)
    subject.record_installation(date(2026, 11, 10), POLICY, OFFICER)
    stages["appointed"] = copy.deepcopy(subject)
    subject.take_effect(TODAY, POLICY, OFFICER)
    stages["effective"] = copy.deepcopy(subject)
    subject.record_evaluation(Evaluation(PerformanceRating.BAIK, TODAY, "Baik"), OFFICER)
    stages["evaluated"] = copy.deepcopy(subject)
    subject.close(OFFICER)
    stages["closed"] = subject
    blocked = TransferCase.open(
        case_id=subject.id,
        transfer_type=TransferType.WITHIN_AGENCY,
        initiative=Initiative.OWN_REQUEST,
        employee_id=subject.employee_id,
        nip=subject.nip,
        origin=subject.origin,
        destination=subject.destination,
        findings=(hard(Rule.TENURE_MINIMUM, "two years in post not reached"),),
        actor=SELF,
        reason="mendekati keluarga",
    )
    stages["own request, blocked"] = blocked
    return stages


def _external_stages() -> dict[str, TransferCase]:
    stages: dict[str, TransferCase] = {}
    subject = case(transfer_type=TransferType.BETWEEN_LOCAL_SAME_PROVINCE, destination=EXTERNAL)
    with_complete_file(subject).submit((), OFFICER)
    subject.verify_documents(POLICY, OFFICER)
    stages["external: release"] = copy.deepcopy(subject)
    _decide(ApprovalStep.ORIGIN_RELEASE)(subject, APPROVER)
    stages["external: acceptance"] = copy.deepcopy(subject)
    _decide(ApprovalStep.DESTINATION_ACCEPTANCE)(subject, DESTINATION_APPROVER)
    stages["external: technical review"] = copy.deepcopy(subject)
    _decide(ApprovalStep.TECHNICAL_REVIEW)(subject, KANREG)
    stages["external: governor's decree"] = subject
    return stages


STAGES = {**_internal_stages(), **_external_stages()}


def _accepted(action: CaseAction, subject: TransferCase, actor: Actor) -> bool:
    try:
        COMMANDS[action](copy.deepcopy(subject), actor)
    except DomainError:
        return False
    return True


@pytest.mark.parametrize("stage", list(STAGES))
def test_an_action_is_offered_to_a_person_exactly_when_the_case_accepts_it(stage: str) -> None:
    subject = STAGES[stage]
    for actor in PEOPLE:
        offered = set(actions_of(actor, subject, JURISDICTION, POLICY))
        accepted = {action for action in CaseAction if _accepted(action, subject, actor)}
        assert offered == accepted, (stage, actor.id)


def test_every_action_is_someone_s_at_some_stage() -> None:
    offered = {
        action
        for subject in STAGES.values()
        for actor in PEOPLE
        for action in actions_of(actor, subject, JURISDICTION, POLICY)
    }
    assert offered == set(CaseAction)
    assert next_actions(STAGES["closed"], POLICY) == (CaseAction.RECORD_EVALUATION,)
