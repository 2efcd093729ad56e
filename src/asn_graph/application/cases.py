"""Use cases of a transfer case, from proposal to effective placement and evaluation."""

from __future__ import annotations

from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate

from asn_graph.application import commands as c
from asn_graph.application.case_assessment import CaseAssessment
from asn_graph.application.ports import SigningRegister, StaffingCounts
from asn_graph.application.registers import DecreeRegister, decree_register_id
from asn_graph.application.results import Changes
from asn_graph.application.store import StoreApplication
from asn_graph.application.to_view import case_view
from asn_graph.application.use_case import UseCaseGroup, use_case
from asn_graph.application.views import CaseView
from asn_graph.domain.actors import Actor
from asn_graph.domain.case_actions import CaseAction
from asn_graph.domain.case_records import PlanLink
from asn_graph.domain.employee import Employee
from asn_graph.domain.employee_records import PlacementRecord
from asn_graph.domain.errors import RuleViolation
from asn_graph.domain.next_actions import actions_of
from asn_graph.domain.regulators import Jurisdiction
from asn_graph.domain.rules import Rule
from asn_graph.domain.signing import Signing
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_types import classify


class CaseUseCases(UseCaseGroup[TransferCase, CaseView]):
    def __init__(
        self, store: StoreApplication, staffing: StaffingCounts, signing: SigningRegister
    ) -> None:
        super().__init__(store)
        self.assessment = CaseAssessment(store, staffing)
        self.signing = signing

    def view_of(self, subject: TransferCase) -> CaseView:
        return case_view(subject, self.store.policy, self.store.clock.today())

    def view_by_id(self, subject_id: UUID) -> CaseView:
        return self.get(subject_id)

    def get(self, case_id: UUID) -> CaseView:
        return self.view_of(self.store.transfer_case(case_id))

    def actions_of(self, actor: Actor, case_id: UUID) -> tuple[CaseAction, ...]:
        """The next actions of the case that ``actor`` may take (the commands the case
        would accept from them now)."""
        case = self.store.transfer_case(case_id)
        return actions_of(actor, case, self._jurisdiction(case), self.store.policy)

    @use_case
    def open(self, actor: Actor, command: c.OpenCase) -> Changes[TransferCase]:
        plan = PlanLink.of(command.plan_id, command.plan_move, command.plan_answer)
        employee = self.store.employee(command.nip)
        origin = employee.placement
        if origin is None:
            raise RuleViolation(
                "cases.employee_has_no_current_placement",
                rules=(Rule.SAME_PLACEMENT.value,),
                nip=command.nip,
            )
        destination = command.destination
        transfer_type = classify(
            self.store.agency(origin.agency_code).profile,
            self.store.agency(destination.agency_code).profile,
        )
        findings = self.assessment.of_move(
            employee, transfer_type, command.initiative, origin, destination, None
        )
        case = TransferCase.open(
            case_id=command.case_id or uuid4(),
            transfer_type=transfer_type,
            initiative=command.initiative,
            employee_id=employee.id,
            nip=employee.nip,
            origin=origin,
            destination=destination,
            findings=findings,
            actor=actor,
            reason=command.reason,
            plan=plan,
        )
        employee.open_transfer_case(case.id, actor)
        return _changes(case, employee)

    @use_case
    def attach_document(self, actor: Actor, command: c.AttachDocument) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.attach_document(command.document, actor)
        return _changes(case)

    @use_case
    def submit(self, actor: Actor, command: c.SubmitCase) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        employee = self.store.employee_by_id(case.employee_id)
        case.submit(self.assessment.of_case(case, employee), actor)
        return _changes(case)

    @use_case
    def return_documents(self, actor: Actor, command: c.ReturnDocuments) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.return_documents(actor, command.reason)
        return _changes(case)

    @use_case
    def verify_documents(self, actor: Actor, command: c.VerifyDocuments) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.verify_documents(self.store.policy, actor)
        return _changes(case)

    @use_case
    def answer_proposal(self, actor: Actor, command: c.AnswerProposal) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.answer_proposal(command.agrees, command.preferences, actor, command.reason)
        return _changes(case)

    @use_case
    def decide_step(self, actor: Actor, command: c.DecideStep) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.decide(
            command.step,
            command.approved,
            command.decided_on,
            command.reference,
            actor,
            command.reason,
            jurisdiction=self._jurisdiction(case),
            policy=self.store.policy,
        )
        return _changes(case, *self._release_if_ended(case, actor))

    @use_case
    def override_rule(self, actor: Actor, command: c.OverrideRule) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.override(
            command.rule, command.authority_reference, self.store.policy, actor, command.reason
        )
        return _changes(case)

    @use_case
    def issue_decree(self, actor: Actor, command: c.IssueDecree) -> Changes[TransferCase]:
        decree = command.decree
        case = self.store.transfer_case(command.case_id)
        employee = self.store.employee_by_id(case.employee_id)
        if self.store.exists(decree_register_id(decree.issuer_key, decree.number_key)):
            raise RuleViolation(
                "cases.decree_number_was_already_used",
                rules=(Rule.DECREE_NUMBER_UNIQUE.value,),
                number=decree.number,
                issuer=decree.issuer,
            )
        findings = self.assessment.of_case(case, employee)
        case.issue_decree(decree, findings, actor, self._signing(case), self.store.policy)
        register = DecreeRegister.claim(decree.issuer_key, decree.number_key, case.id)
        return _changes(case, register)

    @use_case
    def correct_decree(self, actor: Actor, command: c.CorrectDecree) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        signing = self._signing(case)
        case.correct_decree(command.decree, actor, command.reason, signing, self.store.policy)
        return _changes(case)

    @use_case
    def revoke_decree(self, actor: Actor, command: c.RevokeDecree) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.revoke_decree(actor, command.reason, self._jurisdiction(case))
        return _changes(case)

    @use_case
    def record_installation(
        self, actor: Actor, command: c.RecordInstallation
    ) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.record_installation(command.installed_on, self.store.policy, actor)
        return _changes(case)

    @use_case
    def record_handover(self, actor: Actor, command: c.RecordHandover) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.record_handover(command.handover, actor)
        return _changes(case)

    @use_case
    def take_effect(self, actor: Actor, command: c.TakeEffect) -> Changes[TransferCase]:
        """Reaching the TMT moves the employee: the case and the placement change together."""
        case = self.store.transfer_case(command.case_id)
        employee = self.store.employee_by_id(case.employee_id)
        case.take_effect(self.store.clock.today(), self.store.policy, actor)
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
        return _changes(case, employee)

    @use_case
    def record_training(self, actor: Actor, command: c.RecordTraining) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.record_training(command.training, actor)
        return _changes(case)

    @use_case
    def record_evaluation(self, actor: Actor, command: c.RecordEvaluation) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.record_evaluation(command.evaluation, actor)
        return _changes(case)

    @use_case
    def close(self, actor: Actor, command: c.CloseCase) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.close(actor)
        return _changes(case)

    @use_case
    def reject(self, actor: Actor, command: c.RejectCase) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.reject(actor, command.reason)
        return _changes(case, *self._release_if_ended(case, actor))

    @use_case
    def withdraw(self, actor: Actor, command: c.WithdrawCase) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.withdraw(actor, command.reason)
        return _changes(case, *self._release_if_ended(case, actor))

    @use_case
    def cancel(self, actor: Actor, command: c.CancelCase) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.cancel(actor, command.reason)
        return _changes(case, *self._release_if_ended(case, actor))

    @use_case
    def expire(self, actor: Actor, command: c.ExpireCase) -> Changes[TransferCase]:
        case = self.store.transfer_case(command.case_id)
        case.expire(actor, command.reason)
        return _changes(case, *self._release_if_ended(case, actor))

    def _jurisdiction(self, case: TransferCase) -> Jurisdiction:
        return Jurisdiction(
            self.store.agency(case.origin.agency_code).province_code,
            self.store.agency(case.destination.agency_code).province_code,
        )

    def _signing(self, case: TransferCase) -> Signing:
        """The deciding office of the case with its register of holders."""
        jurisdiction = self._jurisdiction(case)
        office = case.parties(jurisdiction).deciding_office
        return Signing(jurisdiction, office, self.signing.terms_of(office))

    def _release_if_ended(self, case: TransferCase, actor: Actor) -> tuple[Employee, ...]:
        """A case that ended frees its employee for the next one."""
        if not case.state.is_terminal:
            return ()
        employee = self.store.employee_by_id(case.employee_id)
        employee.end_transfer_case(case.id, actor)
        return (employee,)


def _changes(case: TransferCase, *others: Aggregate) -> Changes[TransferCase]:
    return Changes(case, others, case.state.value)
