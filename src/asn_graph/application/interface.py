"""The application as its callers see it: typed commands in, immutable views out.

The GraphQL API, the command line and other entry points depend on these protocols, not on
the classes that implement them (``application.app.AsnGraph``, wired by ``bootstrap``), so
that no aggregate and no store reaches them.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol
from uuid import UUID

from asn_graph.application import commands as c
from asn_graph.application import office_commands as oc
from asn_graph.application import plan_commands as pc
from asn_graph.application.moments import Moment
from asn_graph.application.plan_views import PlanDifference, PlanView
from asn_graph.application.summary_commands import MonthlySummaryView, PublishMonthlySummary
from asn_graph.application.views import (
    AgencyView,
    CaseView,
    EmployeeView,
    HistoryEntry,
    LocalAccountView,
    OfficeView,
    Past,
    Recorded,
    Revocations,
    WorkUnitView,
)
from asn_graph.domain.actors import Actor
from asn_graph.domain.case_actions import CaseAction
from asn_graph.domain.monthly_figures import MonthlyFigures, SummaryMonth
from asn_graph.domain.office_terms import Office
from asn_graph.domain.policy import TransferPolicy

# Every command also takes an idempotency key: a retry with the same key records nothing
# twice and answers with the first result (``Recorded.replayed``).
IdempotencyKey = str | None


class Agencies(Protocol):
    def get(self, code: str) -> AgencyView: ...

    def register(
        self, actor: Actor, command: c.RegisterAgency, idempotency_key: IdempotencyKey = None
    ) -> Recorded[AgencyView]: ...

    def declare_moratorium(
        self, actor: Actor, command: c.DeclareMoratorium, idempotency_key: IdempotencyKey = None
    ) -> Recorded[AgencyView]: ...


class Offices(Protocol):
    def get(self, office: Office) -> OfficeView: ...

    def appoint(
        self, actor: Actor, command: oc.AppointHolder, idempotency_key: IdempotencyKey = None
    ) -> Recorded[OfficeView]: ...

    def end_term(
        self, actor: Actor, command: oc.EndTerm, idempotency_key: IdempotencyKey = None
    ) -> Recorded[OfficeView]: ...


class WorkUnits(Protocol):
    def get(self, agency_code: str, unit_code: str) -> WorkUnitView: ...

    def register(
        self, actor: Actor, command: c.RegisterWorkUnit, idempotency_key: IdempotencyKey = None
    ) -> Recorded[WorkUnitView]: ...

    def establish_position(
        self, actor: Actor, command: c.EstablishPosition, idempotency_key: IdempotencyKey = None
    ) -> Recorded[WorkUnitView]: ...

    def assess_workload(
        self, actor: Actor, command: c.AssessWorkload, idempotency_key: IdempotencyKey = None
    ) -> Recorded[WorkUnitView]: ...


class Employees(Protocol):
    def get(self, nip: str) -> EmployeeView: ...

    def view_by_id(self, subject_id: UUID) -> EmployeeView: ...

    def id_of(self, nip: str) -> UUID: ...

    def register(
        self, actor: Actor, command: c.RegisterEmployee, idempotency_key: IdempotencyKey = None
    ) -> Recorded[EmployeeView]: ...

    def change_rank(
        self, actor: Actor, command: c.ChangeRank, idempotency_key: IdempotencyKey = None
    ) -> Recorded[EmployeeView]: ...

    def record_qualifications(
        self, actor: Actor, command: c.RecordQualifications, idempotency_key: IdempotencyKey = None
    ) -> Recorded[EmployeeView]: ...

    def rate_performance(
        self, actor: Actor, command: c.RatePerformance, idempotency_key: IdempotencyKey = None
    ) -> Recorded[EmployeeView]: ...

    def assess_potential(
        self, actor: Actor, command: c.AssessPotential, idempotency_key: IdempotencyKey = None
    ) -> Recorded[EmployeeView]: ...

    def record_blocker(
        self, actor: Actor, command: c.RecordBlocker, idempotency_key: IdempotencyKey = None
    ) -> Recorded[EmployeeView]: ...

    def lift_blocker(
        self, actor: Actor, command: c.LiftBlocker, idempotency_key: IdempotencyKey = None
    ) -> Recorded[EmployeeView]: ...


class Cases(Protocol):
    def get(self, case_id: UUID) -> CaseView: ...

    def actions_of(self, actor: Actor, case_id: UUID) -> tuple[CaseAction, ...]: ...

    def open(
        self, actor: Actor, command: c.OpenCase, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def attach_document(
        self, actor: Actor, command: c.AttachDocument, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def submit(
        self, actor: Actor, command: c.SubmitCase, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def return_documents(
        self, actor: Actor, command: c.ReturnDocuments, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def verify_documents(
        self, actor: Actor, command: c.VerifyDocuments, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def answer_proposal(
        self, actor: Actor, command: c.AnswerProposal, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def decide_step(
        self, actor: Actor, command: c.DecideStep, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def override_rule(
        self, actor: Actor, command: c.OverrideRule, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def issue_decree(
        self, actor: Actor, command: c.IssueDecree, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def correct_decree(
        self, actor: Actor, command: c.CorrectDecree, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def revoke_decree(
        self, actor: Actor, command: c.RevokeDecree, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def record_installation(
        self, actor: Actor, command: c.RecordInstallation, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def record_handover(
        self, actor: Actor, command: c.RecordHandover, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def take_effect(
        self, actor: Actor, command: c.TakeEffect, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def record_training(
        self, actor: Actor, command: c.RecordTraining, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def record_evaluation(
        self, actor: Actor, command: c.RecordEvaluation, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def close(
        self, actor: Actor, command: c.CloseCase, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def reject(
        self, actor: Actor, command: c.RejectCase, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def withdraw(
        self, actor: Actor, command: c.WithdrawCase, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def cancel(
        self, actor: Actor, command: c.CancelCase, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...

    def expire(
        self, actor: Actor, command: c.ExpireCase, idempotency_key: IdempotencyKey = None
    ) -> Recorded[CaseView]: ...


class Plans(Protocol):
    def get(self, plan_id: UUID) -> PlanView: ...

    def difference(self, plan_id: UUID, from_version: int, to_version: int) -> PlanDifference: ...

    def draft(
        self, actor: Actor, command: pc.DraftPlan, idempotency_key: IdempotencyKey = None
    ) -> Recorded[PlanView]: ...

    def set_constraints(
        self, actor: Actor, command: pc.SetPlanConstraints, idempotency_key: IdempotencyKey = None
    ) -> Recorded[PlanView]: ...

    def propose(
        self, actor: Actor, command: pc.ProposePlan, idempotency_key: IdempotencyKey = None
    ) -> Recorded[PlanView]: ...

    def add_move(
        self, actor: Actor, command: pc.AddPlanMove, idempotency_key: IdempotencyKey = None
    ) -> Recorded[PlanView]: ...

    def remove_move(
        self, actor: Actor, command: pc.RemovePlanMove, idempotency_key: IdempotencyKey = None
    ) -> Recorded[PlanView]: ...

    def pin_move(
        self, actor: Actor, command: pc.PinPlanMove, idempotency_key: IdempotencyKey = None
    ) -> Recorded[PlanView]: ...

    def open_consultation(
        self, actor: Actor, command: pc.OpenPlanConsultation, idempotency_key: IdempotencyKey = None
    ) -> Recorded[PlanView]: ...

    def answer(
        self,
        actor: Actor,
        command: pc.AnswerPlanConsultation,
        idempotency_key: IdempotencyKey = None,
    ) -> Recorded[PlanView]: ...

    def approve(
        self, actor: Actor, command: pc.ApprovePlan, idempotency_key: IdempotencyKey = None
    ) -> Recorded[PlanView]: ...

    def return_for_revision(
        self, actor: Actor, command: pc.ReturnPlan, idempotency_key: IdempotencyKey = None
    ) -> Recorded[PlanView]: ...

    def launch(
        self, actor: Actor, command: pc.LaunchPlan, idempotency_key: IdempotencyKey = None
    ) -> Recorded[PlanView]: ...

    def cancel(
        self, actor: Actor, command: pc.CancelPlan, idempotency_key: IdempotencyKey = None
    ) -> Recorded[PlanView]: ...


class TimeTravel(Protocol):
    def employee(self, nip: str, moment: Moment) -> Past[EmployeeView]: ...

    def work_unit(self, agency_code: str, unit_code: str, moment: Moment) -> Past[WorkUnitView]: ...

    def transfer_case(self, case_id: UUID, moment: Moment) -> Past[CaseView]: ...

    def transfer_plan(self, plan_id: UUID, moment: Moment) -> Past[PlanView]: ...


class TokenRevocations(Protocol):
    def revoke_token(self, actor: Actor, token_id: str, reason: str = "") -> int: ...

    def revoke_subject(self, actor: Actor, subject: str, reason: str = "") -> int: ...

    def end_session(self, actor: Actor, token_id: str) -> int: ...

    def since(self, version: int) -> Revocations: ...


class LocalAccounts(Protocol):
    def add(
        self,
        actor: Actor,
        claims: Actor,
        password: str,
        reason: str = "",
        email: str | None = None,
    ) -> LocalAccountView: ...

    def set_email(
        self, actor: Actor, username: str, address: str | None, reason: str = ""
    ) -> LocalAccountView: ...

    def disable(self, actor: Actor, username: str, reason: str = "") -> LocalAccountView: ...

    def accounts(self) -> list[LocalAccountView]: ...

    def signed_in(self, username: str, password: str) -> Actor | None: ...


class DecreeLetterRegister(Protocol):
    def record(self, actor: Actor, case_id: UUID, version: int, sha256: str) -> None: ...

    def recorded(self, case_id: UUID) -> dict[int, str]: ...


class MonthlySummaries(Protocol):
    def last_closed_month(self) -> SummaryMonth: ...

    def preview(self, actor: Actor, agency_code: str, month: str) -> MonthlyFigures: ...

    def publish(
        self,
        actor: Actor,
        command: PublishMonthlySummary,
        idempotency_key: IdempotencyKey = None,
    ) -> Recorded[MonthlySummaryView]: ...


class Application(Protocol):
    @property
    def agencies(self) -> Agencies: ...

    @property
    def offices(self) -> Offices: ...

    @property
    def work_units(self) -> WorkUnits: ...

    @property
    def employees(self) -> Employees: ...

    @property
    def cases(self) -> Cases: ...

    @property
    def plans(self) -> Plans: ...

    @property
    def time_travel(self) -> TimeTravel: ...

    @property
    def revocations(self) -> TokenRevocations: ...

    @property
    def local_accounts(self) -> LocalAccounts: ...

    @property
    def decree_letters(self) -> DecreeLetterRegister: ...

    @property
    def monthly_summaries(self) -> MonthlySummaries: ...

    @property
    def policy(self) -> TransferPolicy: ...

    def today(self) -> date: ...

    def history(self, subject_id: UUID) -> list[HistoryEntry]: ...
