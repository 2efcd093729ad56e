"""Use cases of a transfer case, from proposal to effective placement and evaluation."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate

from asn_graph.application.base import command
from asn_graph.application.personnel import PersonnelUseCases
from asn_graph.application.registers import DecreeRegister, decree_register_id
from asn_graph.application.results import Changes
from asn_graph.application.staffing import StaffingCounts
from asn_graph.domain.actors import Actor
from asn_graph.domain.case_records import (
    Decree,
    DocumentEvidence,
    Evaluation,
    Handover,
    Training,
)
from asn_graph.domain.eligibility import ProposedMove, Staffing, assess
from asn_graph.domain.employee import Employee, PlacementRecord
from asn_graph.domain.errors import RuleViolation
from asn_graph.domain.placement import Placement
from asn_graph.domain.rules import Finding, Rule
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_types import ApprovalStep, Initiative, TransferType, classify


class CaseUseCases(PersonnelUseCases):
    staffing: StaffingCounts | None = None

    def transfer_case(self, case_id: UUID) -> TransferCase:
        return self.load(TransferCase, case_id, f"transfer case {case_id}")

    @command
    def open_case(
        self,
        actor: Actor,
        nip: str,
        destination: Placement,
        initiative: Initiative,
        reason: str,
        *,
        case_id: UUID | None = None,
        idempotency_key: str | None = None,
    ) -> Changes:
        employee = self.employee(nip)
        origin = employee.placement
        if origin is None:
            raise RuleViolation(
                f"employee {nip} has no current placement to move from",
                rules=(Rule.SAME_PLACEMENT.value,),
            )
        transfer_type = classify(
            self.agency(origin.agency_code).profile, self.agency(destination.agency_code).profile
        )
        new_id = case_id or uuid4()
        findings = self._assess(employee, transfer_type, initiative, origin, destination, None)
        case = TransferCase.open(
            case_id=new_id,
            transfer_type=transfer_type,
            initiative=initiative,
            employee_id=employee.id,
            nip=employee.nip,
            origin=origin,
            destination=destination,
            findings=findings,
            actor=actor,
            reason=reason,
        )
        employee.open_transfer_case(case.id, actor)
        return self._changes(case, employee)

    @command
    def attach_document(
        self,
        actor: Actor,
        case_id: UUID,
        document: DocumentEvidence,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.attach_document(document, actor)
        return self._changes(case)

    @command
    def submit_case(
        self, actor: Actor, case_id: UUID, *, idempotency_key: str | None = None
    ) -> Changes:
        case = self.transfer_case(case_id)
        employee = self.employee_by_id(case.employee_id)
        case.submit(self._reassess(case, employee), actor)
        return self._changes(case)

    @command
    def return_documents(
        self, actor: Actor, case_id: UUID, reason: str, *, idempotency_key: str | None = None
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.return_documents(actor, reason)
        return self._changes(case)

    @command
    def verify_documents(
        self, actor: Actor, case_id: UUID, *, idempotency_key: str | None = None
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.verify_documents(self.policy, actor)
        return self._changes(case)

    @command
    def answer_proposal(
        self,
        actor: Actor,
        case_id: UUID,
        agrees: bool,
        preferences: tuple[str, ...],
        reason: str,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.answer_proposal(agrees, preferences, actor, reason)
        return self._changes(case)

    @command
    def decide_step(
        self,
        actor: Actor,
        case_id: UUID,
        step: ApprovalStep,
        approved: bool,
        decided_on: date,
        reference: str,
        reason: str,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.decide(step, approved, decided_on, reference, actor, reason)
        return self._changes(case, *self._release_if_ended(case, actor))

    @command
    def override_rule(
        self,
        actor: Actor,
        case_id: UUID,
        rule: Rule,
        authority_reference: str,
        reason: str,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.override(rule, authority_reference, self.policy, actor, reason)
        return self._changes(case)

    @command
    def issue_decree(
        self, actor: Actor, case_id: UUID, decree: Decree, *, idempotency_key: str | None = None
    ) -> Changes:
        case = self.transfer_case(case_id)
        employee = self.employee_by_id(case.employee_id)
        if self.exists(decree_register_id(decree.issuer_key, decree.number_key)):
            raise RuleViolation(
                f"decree number {decree.number} was already used by {decree.issuer}",
                rules=(Rule.DECREE_NUMBER_UNIQUE.value,),
            )
        case.issue_decree(decree, self._reassess(case, employee), actor)
        register = DecreeRegister.claim(decree.issuer_key, decree.number_key, case.id)
        return self._changes(case, register)

    @command
    def correct_decree(
        self,
        actor: Actor,
        case_id: UUID,
        decree: Decree,
        reason: str,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.correct_decree(decree, actor, reason)
        return self._changes(case)

    @command
    def revoke_decree(
        self, actor: Actor, case_id: UUID, reason: str, *, idempotency_key: str | None = None
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.revoke_decree(actor, reason)
        return self._changes(case)

    @command
    def record_installation(
        self,
        actor: Actor,
        case_id: UUID,
        installed_on: date,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.record_installation(installed_on, self.policy, actor)
        return self._changes(case)

    @command
    def record_handover(
        self,
        actor: Actor,
        case_id: UUID,
        handover: Handover,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.record_handover(handover, actor)
        return self._changes(case)

    @command
    def take_effect(
        self, actor: Actor, case_id: UUID, *, idempotency_key: str | None = None
    ) -> Changes:
        """Reaching the TMT moves the employee: the case and the placement change together."""
        case = self.transfer_case(case_id)
        employee = self.employee_by_id(case.employee_id)
        case.take_effect(self.clock.today(), self.policy, actor)
        decree, handover = case.decree, case.handover
        assert decree is not None
        employee.place(
            PlacementRecord(
                placement=case.destination,
                since=decree.effective_on,
                case_id=case.id,
                decree_number=decree.number,
                handed_over_to=(handover.successor_nip or handover.acting_official)
                if handover
                else None,
            ),
            actor,
            f"decree {decree.number}",
        )
        employee.end_transfer_case(case.id, actor)
        return self._changes(case, employee)

    @command
    def record_training(
        self,
        actor: Actor,
        case_id: UUID,
        training: Training,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.record_training(training, actor)
        return self._changes(case)

    @command
    def record_evaluation(
        self,
        actor: Actor,
        case_id: UUID,
        evaluation: Evaluation,
        *,
        idempotency_key: str | None = None,
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.record_evaluation(evaluation, actor)
        return self._changes(case)

    @command
    def close_case(
        self, actor: Actor, case_id: UUID, *, idempotency_key: str | None = None
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.close(actor)
        return self._changes(case)

    @command
    def reject_case(
        self, actor: Actor, case_id: UUID, reason: str, *, idempotency_key: str | None = None
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.reject(actor, reason)
        return self._changes(case, *self._release_if_ended(case, actor))

    @command
    def withdraw_case(
        self, actor: Actor, case_id: UUID, reason: str, *, idempotency_key: str | None = None
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.withdraw(actor, reason)
        return self._changes(case, *self._release_if_ended(case, actor))

    @command
    def cancel_case(
        self, actor: Actor, case_id: UUID, reason: str, *, idempotency_key: str | None = None
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.cancel(actor, reason)
        return self._changes(case, *self._release_if_ended(case, actor))

    @command
    def expire_case(
        self, actor: Actor, case_id: UUID, reason: str, *, idempotency_key: str | None = None
    ) -> Changes:
        case = self.transfer_case(case_id)
        case.expire(actor, reason)
        return self._changes(case, *self._release_if_ended(case, actor))

    # --- helpers -------------------------------------------------------------------------

    def _changes(self, case: TransferCase, *others: Aggregate) -> Changes:
        return Changes(case.id, (case, *others), case.state.value)

    def _release_if_ended(self, case: TransferCase, actor: Actor) -> tuple[Employee, ...]:
        if not case.state.is_terminal:
            return ()
        employee = self.employee_by_id(case.employee_id)
        employee.end_transfer_case(case.id, actor)
        return (employee,)

    def _reassess(self, case: TransferCase, employee: Employee) -> tuple[Finding, ...]:
        return self._assess(
            employee, case.transfer_type, case.initiative, case.origin, case.destination, case.id
        )

    def _assess(
        self,
        employee: Employee,
        transfer_type: TransferType,
        initiative: Initiative,
        origin: Placement,
        destination: Placement,
        case_id: UUID | None,
    ) -> tuple[Finding, ...]:
        if self.staffing is None:
            raise RuntimeError("the application has no staffing read model wired")
        today = self.clock.today()
        destination_unit = self.work_unit(destination.agency_code, destination.unit_code)
        origin_unit = self.work_unit(origin.agency_code, origin.unit_code)
        counts = self.staffing.position_counts(destination, case_id)
        staffing = Staffing(
            needed=destination_unit.staff_needed(destination.position_code),
            present=counts.present,
            incoming=counts.incoming,
            outgoing=counts.outgoing,
        )
        moratoria = [
            m
            for code in {origin.agency_code, destination.agency_code}
            if (m := self.agency(code).moratorium_on(today)) is not None
        ]
        move = ProposedMove(
            transfer_type=transfer_type,
            initiative=initiative,
            origin=origin,
            origin_position=origin_unit.positions.get(origin.position_code),
            destination=destination,
            destination_position=destination_unit.position(destination.position_code),
        )
        return assess(employee, move, staffing, moratoria, self.policy, today)
