"""TransferCase (usulan mutasi): one employee's move from proposal to effective placement.

Longer than our other modules, on purpose: the aggregate's events are nested in its class,
as the eventsourcing library registers their stable topics from the class body, and each
event's ``apply`` is the second half of one command method below. Split apart, a rule and
the state it changes would sit in different files. The value objects it records live in
``case_records``; the rules that assess a move in ``eligibility``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from asn_graph.domain import authority
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.audited import AuditedAggregate
from asn_graph.domain.calendar import working_days_between
from asn_graph.domain.case_records import (
    Approval,
    Decree,
    DocumentEvidence,
    DocumentType,
    Evaluation,
    Handover,
    Override,
    PlanLink,
    ProposalAnswer,
    ScheduledEvaluation,
    Training,
)
from asn_graph.domain.case_state import BEFORE_DECREE, EDITABLE_FILE, CaseState
from asn_graph.domain.eligibility import blocking
from asn_graph.domain.errors import IllegalTransition, InvalidInput, RuleViolation
from asn_graph.domain.messages import Message
from asn_graph.domain.placement import Placement
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.regulators import Jurisdiction
from asn_graph.domain.rules import Finding, Rule, warning
from asn_graph.domain.signing import Signing
from asn_graph.domain.transfer_types import (
    ApprovalStep,
    Initiative,
    TransferType,
    route_for,
)


class TransferCase(AuditedAggregate):
    TOPIC = "asn-graph/transfer-case"
    class_version = 3
    """Version 2 keeps every evaluation of a move (version 1 kept the latest); version 3
    knows the plan a case came from."""

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        """A snapshot taken when a case kept one evaluation."""
        latest = state.pop("evaluation", None)
        state["evaluations"] = (latest,) if latest is not None else ()

    @staticmethod
    def upcast_v2_v3(state: dict[str, Any]) -> None:
        """A snapshot taken before cases were opened from plans."""
        state["plan"] = None

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/transfer-case/event"
        actor: Actor
        reason: str

    class Transitioned(Event):
        """An event that moves the case to ``state``."""

        TOPIC = "asn-graph/transfer-case/transitioned"
        state: CaseState

        def apply(self, case: TransferCase) -> None:
            case.state = self.state

    class Opened(Event, Aggregate.Created):
        TOPIC = "asn-graph/transfer-case/opened"
        class_version = 2
        """Version 2 says which transfer plan the case came from, if any."""
        transfer_type: TransferType
        initiative: Initiative
        employee_id: UUID
        nip: str
        origin: Placement
        destination: Placement
        findings: tuple[Finding, ...]
        plan: PlanLink | None

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            """Opened before cases were launched from plans: it came from none."""
            state["plan"] = None

    class DocumentAttached(Event):
        TOPIC = "asn-graph/transfer-case/document-attached"
        document: DocumentEvidence

        def apply(self, case: TransferCase) -> None:
            case.documents[self.document.document_type] = self.document

    class Submitted(Transitioned):
        TOPIC = "asn-graph/transfer-case/submitted"
        findings: tuple[Finding, ...]

        def apply(self, case: TransferCase) -> None:
            super().apply(case)
            # The rules are assessed again; the employee's answer is not a rule's to drop.
            case.findings = (*self.findings, *_objections(case.findings))

    class DocumentsReturned(Transitioned):
        TOPIC = "asn-graph/transfer-case/documents-returned"

    class DocumentsVerified(Transitioned):
        TOPIC = "asn-graph/transfer-case/documents-verified"

    class ProposalAnswered(Event):
        TOPIC = "asn-graph/transfer-case/proposal-answered"
        answer: ProposalAnswer

        def apply(self, case: TransferCase) -> None:
            """The latest answer stands: an objection shows while it is the last word."""
            case.proposal_answer = self.answer
            earlier = _objections(case.findings)
            others = tuple(f for f in case.findings if f not in earlier)
            if self.answer.agrees:
                case.findings = others
            else:
                objection = warning(
                    Rule.EMPLOYEE_OBJECTION, "transfer_case.employee_objects", reason=self.reason
                )
                case.findings = (*others, objection)

    class StepDecided(Transitioned):
        TOPIC = "asn-graph/transfer-case/step-decided"
        approval: Approval

        def apply(self, case: TransferCase) -> None:
            super().apply(case)
            case.approvals.append(self.approval)

    class RuleOverridden(Event):
        TOPIC = "asn-graph/transfer-case/rule-overridden"
        override: Override

        def apply(self, case: TransferCase) -> None:
            case.overrides[self.override.rule] = self.override

    class DecreeIssued(Transitioned):
        TOPIC = "asn-graph/transfer-case/decree-issued"
        decree: Decree

        def apply(self, case: TransferCase) -> None:
            super().apply(case)
            case.decree = self.decree

    class DecreeCorrected(Event):
        TOPIC = "asn-graph/transfer-case/decree-corrected"
        decree: Decree

        def apply(self, case: TransferCase) -> None:
            case.decree = self.decree

    class DecreeRevoked(Transitioned):
        TOPIC = "asn-graph/transfer-case/decree-revoked"

        def apply(self, case: TransferCase) -> None:
            super().apply(case)
            case.decree = None
            case.installed_on = None

    class Installed(Transitioned):
        TOPIC = "asn-graph/transfer-case/installed"
        installed_on: date
        warnings: tuple[Finding, ...]

        def apply(self, case: TransferCase) -> None:
            super().apply(case)
            case.installed_on = self.installed_on
            case.findings = (*case.findings, *self.warnings)

    class HandoverRecorded(Event):
        TOPIC = "asn-graph/transfer-case/handover-recorded"
        handover: Handover

        def apply(self, case: TransferCase) -> None:
            case.handover = self.handover

    class TookEffect(Transitioned):
        TOPIC = "asn-graph/transfer-case/took-effect"
        effective_on: date

        def apply(self, case: TransferCase) -> None:
            super().apply(case)
            case.effective_on = self.effective_on

    class TrainingRecorded(Event):
        TOPIC = "asn-graph/transfer-case/training-recorded"
        training: Training

        def apply(self, case: TransferCase) -> None:
            case.trainings.append(self.training)

    class EvaluationRecorded(Event):
        TOPIC = "asn-graph/transfer-case/evaluation-recorded"
        evaluation: Evaluation

        def apply(self, case: TransferCase) -> None:
            case.evaluations = (*case.evaluations, self.evaluation)

    class Closed(Transitioned):
        TOPIC = "asn-graph/transfer-case/closed"

    class Rejected(Transitioned):
        TOPIC = "asn-graph/transfer-case/rejected"

    class Withdrawn(Transitioned):
        TOPIC = "asn-graph/transfer-case/withdrawn"

    class Cancelled(Transitioned):
        TOPIC = "asn-graph/transfer-case/cancelled"

    class Expired(Transitioned):
        TOPIC = "asn-graph/transfer-case/expired"

    def __init__(
        self,
        *,
        transfer_type: TransferType,
        initiative: Initiative,
        employee_id: UUID,
        nip: str,
        origin: Placement,
        destination: Placement,
        findings: tuple[Finding, ...],
        plan: PlanLink | None = None,
        **_: Any,
    ) -> None:
        self.transfer_type = transfer_type
        self.initiative = initiative
        self.employee_id = employee_id
        self.nip = nip
        self.origin = origin
        self.destination = destination
        self.findings = tuple(findings)
        self.plan = plan
        self.state = CaseState.DRAFT
        self.documents: dict[DocumentType, DocumentEvidence] = {}
        self.approvals: list[Approval] = []
        self.overrides: dict[Rule, Override] = {}
        self.proposal_answer: ProposalAnswer | None = plan.answer if plan else None
        self.decree: Decree | None = None
        self.installed_on: date | None = None
        self.handover: Handover | None = None
        self.effective_on: date | None = None
        self.trainings: list[Training] = []
        self.evaluations: tuple[Evaluation, ...] = ()

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        *,
        case_id: UUID,
        transfer_type: TransferType,
        initiative: Initiative,
        employee_id: UUID,
        nip: str,
        origin: Placement,
        destination: Placement,
        findings: tuple[Finding, ...],
        actor: Actor,
        reason: str,
        plan: PlanLink | None = None,
    ) -> TransferCase:
        authority.require_can_open(actor, initiative, nip, origin, destination)
        if origin.unit_id == destination.unit_id and origin.position_code == (
            destination.position_code
        ):
            raise RuleViolation(
                "transfer_case.destination_employee_current_position",
                rules=(Rule.SAME_PLACEMENT.value,),
            )
        if not reason.strip():
            raise InvalidInput("transfer_case.transfer_case_states_reason", field="reason")
        if plan is not None and plan.answer is not None and not plan.answer.agrees:
            findings = (
                *findings,
                warning(Rule.EMPLOYEE_OBJECTION, "transfer_case.employee_objected_in_plan"),
            )
        return cls._create(
            cls.Opened,
            id=case_id,
            transfer_type=transfer_type,
            initiative=initiative,
            employee_id=employee_id,
            nip=nip,
            origin=origin,
            destination=destination,
            findings=findings,
            plan=plan,
            actor=actor,
            reason=reason.strip(),
        )

    # --- the file --------------------------------------------------------------------------

    def attach_document(self, document: DocumentEvidence, actor: Actor) -> None:
        self._require_state("transfer_case.action.attach_a_document_to", EDITABLE_FILE)
        self._require_staff_or_requester(actor)
        self._record(self.DocumentAttached, actor, document=document)

    def submit(self, findings: tuple[Finding, ...], actor: Actor) -> None:
        self._require_state(
            "transfer_case.action.submit", {CaseState.DRAFT, CaseState.DOCUMENTS_RETURNED}
        )
        self._require_staff_or_requester(actor)
        self._require_no_blocking(findings)
        self._record(self.Submitted, actor, state=CaseState.SUBMITTED, findings=findings)

    def return_documents(self, actor: Actor, reason: str) -> None:
        self._require_state("transfer_case.action.return_the_documents_of", {CaseState.SUBMITTED})
        authority.require_case_staff(actor, self.origin, self.destination)
        _require_reason(reason)
        self._record(self.DocumentsReturned, actor, reason, state=CaseState.DOCUMENTS_RETURNED)

    def verify_documents(self, policy: TransferPolicy, actor: Actor) -> None:
        self._require_state("transfer_case.action.verify_the_documents_of", {CaseState.SUBMITTED})
        authority.require_case_staff(actor, self.origin, self.destination)
        missing = self.missing_documents(policy)
        if missing:
            raise RuleViolation(
                "transfer_case.documents_missing",
                rules=(Rule.DOCUMENTS_INCOMPLETE.value,),
                documents=", ".join(sorted(d.value for d in missing)),
            )
        self._record(self.DocumentsVerified, actor, state=CaseState.IN_APPROVAL)

    def missing_documents(self, policy: TransferPolicy) -> set[DocumentType]:
        required = policy.checklist_for(self.transfer_type, self.initiative)
        return set(required) - set(self.documents)

    def answer_proposal(
        self, agrees: bool, preferences: tuple[str, ...], actor: Actor, reason: str
    ) -> None:
        self._require_state("transfer_case.action.answer_the_proposal_of", BEFORE_DECREE)
        authority.require_role(actor, Role.EMPLOYEE)
        authority.require_own_nip(actor, self.nip)
        if self.initiative is not Initiative.AGENCY_INTEREST:
            raise IllegalTransition("transfer_case.only_agency_initiated_proposal_asks")
        if not agrees:
            _require_reason(reason)
        answer = ProposalAnswer(agrees, tuple(p.strip() for p in preferences if p.strip()))
        self._record(self.ProposalAnswered, actor, reason, answer=answer)

    # --- approval route --------------------------------------------------------------------

    @property
    def pending_step(self) -> ApprovalStep | None:
        if self.state is not CaseState.IN_APPROVAL:
            return None
        steps = route_for(self.transfer_type).steps
        approved = sum(1 for a in self.approvals if a.approved)
        return steps[approved] if approved < len(steps) else None

    def decide(
        self,
        step: ApprovalStep,
        approved: bool,
        decided_on: date,
        reference: str,
        actor: Actor,
        reason: str,
        *,
        jurisdiction: Jurisdiction,
        policy: TransferPolicy,
    ) -> None:
        self._require_state("transfer_case.action.decide_on", {CaseState.IN_APPROVAL})
        pending = self.pending_step
        if step is not pending:
            raise RuleViolation(
                "transfer_case.route_transfer_expects_now_not",
                rules=(Rule.APPROVAL_ROUTE.value,),
                transfer_type=self.transfer_type,
                pending=pending if pending else Message("transfer_case.no_step"),
                step=step,
            )
        authority.require_step_authority(
            actor, step, self.parties(jurisdiction), policy.kanreg_regions
        )
        if not reference.strip():
            raise InvalidInput(
                "transfer_case.decision_needs_letter_minutes_number", field="reference"
            )
        if not approved:
            _require_reason(reason)
        steps = route_for(self.transfer_type).steps
        if not approved:
            state = CaseState.REJECTED
        elif steps[-1] is step:
            state = CaseState.AWAITING_DECREE
        else:
            state = CaseState.IN_APPROVAL
        approval = Approval(step, approved, decided_on, reference.strip(), actor)
        self._record(self.StepDecided, actor, reason, state=state, approval=approval)

    def override(
        self,
        rule: Rule,
        authority_reference: str,
        policy: TransferPolicy,
        actor: Actor,
        reason: str,
    ) -> None:
        if self.state.is_terminal or not self.state.holds_employee:
            raise IllegalTransition("transfer_case.case_takes_no_override", state=self.state)
        authority.require_role(actor, Role.APPROVER)
        authority.require_agency(actor, self.origin.agency_code, self.destination.agency_code)
        if not policy.may_override(rule):
            raise RuleViolation(
                "transfer_case.rule_cannot_overridden", rules=(rule.value,), rule=rule
            )
        _require_reason(reason)
        if not authority_reference.strip():
            raise InvalidInput(
                "transfer_case.override_names_authority",
                field="authorityReference",
            )
        override = Override(rule, authority_reference.strip(), actor)
        self._record(self.RuleOverridden, actor, reason, override=override)

    # --- decree and placement --------------------------------------------------------------

    def issue_decree(
        self,
        decree: Decree,
        findings: tuple[Finding, ...],
        actor: Actor,
        signing: Signing,
        policy: TransferPolicy,
    ) -> None:
        """``signing`` holds the register of the deciding office, for the signatory's term."""
        self._require_state("transfer_case.action.issue_a_decree_for", {CaseState.AWAITING_DECREE})
        self._require_signing_office(actor, signing)
        expected = route_for(self.transfer_type).decree_authority
        if decree.authority is not expected:
            raise RuleViolation(
                "transfer_case.transfer_decided_by_not",
                rules=(Rule.APPROVAL_ROUTE.value,),
                transfer_type=self.transfer_type,
                expected=expected,
                authority=decree.authority,
            )
        _check_effective_date(decree)
        signed = signing.signed(decree, policy.signing_capacities)
        self._require_no_blocking(findings)
        self._record(self.DecreeIssued, actor, state=CaseState.DECREE_ISSUED, decree=signed)

    def correct_decree(
        self, decree: Decree, actor: Actor, reason: str, signing: Signing, policy: TransferPolicy
    ) -> None:
        """Ralat: the same decree, its content corrected by a new event (the signatory is
        checked against the register again, on the corrected date)."""
        self._require_state(
            "transfer_case.action.correct_the_decree_of",
            {CaseState.DECREE_ISSUED, CaseState.APPOINTED},
        )
        self._require_signing_office(actor, signing)
        current = self.decree
        assert current is not None
        if (decree.issuer_key, decree.number_key) != (current.issuer_key, current.number_key):
            raise InvalidInput(
                "transfer_case.correction_keeps_decree_number_issuer",
                field="number",
            )
        if decree.authority is not current.authority:
            raise RuleViolation(
                "transfer_case.correction_cannot_change_deciding_authority",
                rules=(Rule.APPROVAL_ROUTE.value,),
            )
        _check_effective_date(decree)
        signed = signing.signed(decree, policy.signing_capacities)
        _require_reason(reason)
        self._record(self.DecreeCorrected, actor, reason, decree=signed)

    def revoke_decree(self, actor: Actor, reason: str, jurisdiction: Jurisdiction) -> None:
        self._require_state(
            "transfer_case.action.revoke_the_decree_of",
            {CaseState.DECREE_ISSUED, CaseState.APPOINTED},
        )
        authority.require_decree_authority(actor, self.parties(jurisdiction))
        _require_reason(reason)
        self._record(self.DecreeRevoked, actor, reason, state=CaseState.AWAITING_DECREE)

    def record_installation(self, installed_on: date, policy: TransferPolicy, actor: Actor) -> None:
        self._require_state(
            "transfer_case.action.install_the_employee_of", {CaseState.DECREE_ISSUED}
        )
        authority.require_role(actor, *authority.AGENCY_STAFF)
        authority.require_agency(actor, self.destination.agency_code)
        decree = self.decree
        assert decree is not None
        if installed_on < decree.signed_on:
            raise RuleViolation(
                "transfer_case.installation_cannot_precede_decree",
                rules=(Rule.DECREE_EFFECTIVE_DATE.value,),
            )
        late = working_days_between(decree.signed_on, installed_on)
        warnings: tuple[Finding, ...] = ()
        if late > policy.appointment_working_days:
            warnings = (
                warning(
                    Rule.DEADLINE,
                    "transfer_case.installed_late",
                    late=late,
                    deadline=policy.appointment_working_days,
                ),
            )
        self._record(
            self.Installed,
            actor,
            state=CaseState.APPOINTED,
            installed_on=installed_on,
            warnings=warnings,
        )

    def record_handover(self, handover: Handover, actor: Actor) -> None:
        self._require_state(
            "transfer_case.action.record_the_handover_of",
            {CaseState.AWAITING_DECREE, CaseState.DECREE_ISSUED, CaseState.APPOINTED},
        )
        authority.require_case_staff(actor, self.origin, self.origin)
        self._record(self.HandoverRecorded, actor, handover=handover)

    def take_effect(self, today: date, policy: TransferPolicy, actor: Actor) -> None:
        self._require_state("transfer_case.action.make_effective", {CaseState.APPOINTED})
        authority.require_case_staff(actor, self.origin, self.destination)
        decree = self.decree
        assert decree is not None
        if today < decree.effective_on:
            raise RuleViolation(
                "transfer_case.decree_takes_effect_tmt_not",
                rules=(Rule.DECREE_EFFECTIVE_DATE.value,),
                effective_on=decree.effective_on,
            )
        if policy.handover_required and self.handover is None:
            raise RuleViolation(
                "transfer_case.old_post_has_not_been", rules=(Rule.HANDOVER_MISSING.value,)
            )
        self._record(
            self.TookEffect, actor, state=CaseState.EFFECTIVE, effective_on=decree.effective_on
        )

    # --- after the move ----------------------------------------------------------------------

    def record_training(self, training: Training, actor: Actor) -> None:
        self._require_state("transfer_case.action.record_training_for", {CaseState.EFFECTIVE})
        self._require_destination_staff(actor)
        self._record(self.TrainingRecorded, actor, training=training)

    def record_evaluation(self, evaluation: Evaluation, actor: Actor) -> None:
        """Evaluasi berkala: a move is evaluated as often as the agency's schedule asks, also
        after its case is closed."""
        self._require_state(
            "transfer_case.action.evaluate", {CaseState.EFFECTIVE, CaseState.CLOSED}
        )
        self._require_destination_staff(actor)
        effective_on = self.effective_on
        assert effective_on is not None
        if evaluation.evaluated_on < effective_on:
            raise InvalidInput("transfer_case.evaluation_follows_move", field="evaluatedOn")
        self._record(self.EvaluationRecorded, actor, evaluation=evaluation)

    def close(self, actor: Actor) -> None:
        self._require_state("transfer_case.action.close", {CaseState.EFFECTIVE})
        self._require_destination_staff(actor)
        if self.evaluation is None:
            raise IllegalTransition("transfer_case.case_closes_after_post_transfer")
        self._record(self.Closed, actor, state=CaseState.CLOSED)

    # --- ending early ------------------------------------------------------------------------

    def reject(self, actor: Actor, reason: str) -> None:
        self._require_state(
            "transfer_case.action.reject", {CaseState.SUBMITTED, CaseState.DOCUMENTS_RETURNED}
        )
        authority.require_case_staff(actor, self.origin, self.destination)
        _require_reason(reason)
        self._record(self.Rejected, actor, reason, state=CaseState.REJECTED)

    def withdraw(self, actor: Actor, reason: str) -> None:
        self._require_state("transfer_case.action.withdraw", BEFORE_DECREE)
        self._require_staff_or_requester(actor)
        _require_reason(reason)
        self._record(self.Withdrawn, actor, reason, state=CaseState.WITHDRAWN)

    def cancel(self, actor: Actor, reason: str) -> None:
        self._require_state("transfer_case.action.cancel", BEFORE_DECREE)
        authority.require_role(actor, Role.APPROVER)
        authority.require_agency(actor, self.origin.agency_code, self.destination.agency_code)
        _require_reason(reason)
        self._record(self.Cancelled, actor, reason, state=CaseState.CANCELLED)

    def expire(self, actor: Actor, reason: str) -> None:
        self._require_state("transfer_case.action.expire", BEFORE_DECREE)
        authority.require_case_staff(actor, self.origin, self.destination)
        _require_reason(reason)
        self._record(self.Expired, actor, reason, state=CaseState.EXPIRED)

    # --- helpers -----------------------------------------------------------------------------

    def evaluation_schedule(
        self, policy: TransferPolicy, today: date
    ) -> tuple[ScheduledEvaluation, ...]:
        """The evaluations the schedule asks of this move since its TMT. An evaluation counts
        for the one whose window it falls in: from its due date less the grace period up to
        the next one's."""
        if self.effective_on is None:
            return ()
        made = sorted(e.evaluated_on for e in self.evaluations)
        schedule = []
        for window in policy.evaluation_windows(self.effective_on):
            met = next((day for day in made if window.counts(day)), None)
            overdue = met is None and window.due_on < today
            schedule.append(ScheduledEvaluation(window.due_on, met, overdue, window.months_after))
        return tuple(schedule)

    def parties(self, jurisdiction: Jurisdiction) -> authority.CaseParties:
        return authority.CaseParties(
            self.transfer_type, self.origin, self.destination, jurisdiction
        )

    @property
    def evaluation(self) -> Evaluation | None:
        """The latest evaluation."""
        return self.evaluations[-1] if self.evaluations else None

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.blocks)

    def _require_state(self, action_key: str, allowed: Iterable[CaseState]) -> None:
        if self.state not in set(allowed):
            raise IllegalTransition(
                "transfer_case.not_in_state", action=Message(action_key), state=self.state
            )

    def _require_signing_office(self, actor: Actor, signing: Signing) -> None:
        parties = self.parties(signing.jurisdiction)
        if signing.office != parties.deciding_office:
            raise ValueError(f"the register of {signing.office} was read for this decree")
        authority.require_decree_authority(actor, parties)

    def _require_no_blocking(self, findings: tuple[Finding, ...]) -> None:
        blocked = blocking(findings, set(self.overrides))
        if blocked:
            raise RuleViolation(
                "transfer_case.blocked_by_findings",
                rules=tuple(dict.fromkeys(f.rule.value for f in blocked)),
                findings=[f.as_message(with_rule=True) for f in blocked],
            )

    def _require_staff_or_requester(self, actor: Actor) -> None:
        if actor.role is Role.EMPLOYEE and self.initiative is Initiative.OWN_REQUEST:
            authority.require_own_nip(actor, self.nip)
            return
        authority.require_case_staff(actor, self.origin, self.destination)

    def _require_destination_staff(self, actor: Actor) -> None:
        authority.require_role(actor, *authority.AGENCY_STAFF)
        authority.require_agency(actor, self.destination.agency_code)


def _objections(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(f for f in findings if f.rule is Rule.EMPLOYEE_OBJECTION)


def _require_reason(reason: str) -> None:
    if not reason.strip():
        raise InvalidInput("transfer_case.this_step_needs_reason", field="reason")


def _check_effective_date(decree: Decree) -> None:
    if decree.effective_on < decree.signed_on:
        raise RuleViolation(
            "transfer_case.tmt_before_decree_date",
            rules=(Rule.DECREE_EFFECTIVE_DATE.value,),
            effective_on=decree.effective_on,
            signed_on=decree.signed_on,
        )
