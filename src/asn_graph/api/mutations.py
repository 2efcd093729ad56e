"""Mutations: one per command. Each parses input, calls one use case, maps the result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar
from uuid import UUID

import strawberry

from asn_graph.api import inputs as i
from asn_graph.api.context import Ctx
from asn_graph.api.identifiers import parse_id
from asn_graph.api.types.cases import TransferCase
from asn_graph.api.types.organisation import Agency, WorkUnit
from asn_graph.api.types.people import Employee
from asn_graph.application.app import AsnGraph
from asn_graph.application.results import CommandResult
from asn_graph.domain.employee import Employee as DomainEmployee
from asn_graph.domain.errors import Forbidden
from asn_graph.domain.transfer_case import TransferCase as DomainTransferCase
from asn_graph.domain.transfer_types import ApprovalStep, Initiative
from asn_graph.domain.work_unit import WorkUnit as DomainWorkUnit

IdempotencyKey = Annotated[
    str | None,
    strawberry.argument(
        description="Idempotency key: a retried request with the same key records nothing "
        "twice and returns the first result."
    ),
]


@strawberry.type(
    description="What a command did: the log position it wrote and whether it "
    "was a retry answered with the first result."
)
class Outcome:
    position: int = strawberry.field(description="Position in the event log after the write.")
    replayed: bool = strawberry.field(description="True when an idempotent retry was answered.")


@strawberry.type
class AgencyResult(Outcome):
    agency: Agency


@strawberry.type
class WorkUnitResult(Outcome):
    work_unit: WorkUnit


@strawberry.type
class EmployeeResult(Outcome):
    employee: Employee


@strawberry.type
class CaseResult(Outcome):
    transfer_case: TransferCase


Command = Callable[..., CommandResult]
S = TypeVar("S")


async def _perform(
    info: Ctx, use_case: Callable[[AsnGraph], Command], *args: Any, **kwargs: Any
) -> CommandResult:
    actor = info.context.caller()
    command = use_case(info.context.service.app)
    return await info.context.run(lambda: command(actor, *args, **kwargs))


async def _case(
    info: Ctx,
    use_case: Callable[[AsnGraph], Command],
    case_id: strawberry.ID,
    *args: Any,
    key: str | None,
) -> CaseResult:
    result = await _perform(info, use_case, parse_id(case_id, "caseId"), *args, idempotency_key=key)
    return await _case_result(info, result)


async def _saved(info: Ctx, result: CommandResult, kind: type[S], load: Callable[[UUID], S]) -> S:
    """The subject as the command saved it; a replayed answer loads it as it is now."""
    if isinstance(result.subject, kind):
        return result.subject
    return await info.context.run(load, result.id)


async def _case_result(info: Ctx, result: CommandResult) -> CaseResult:
    app = info.context.service.app
    case = await _saved(info, result, DomainTransferCase, app.transfer_case)
    return CaseResult(
        position=result.position,
        replayed=result.replayed,
        transfer_case=TransferCase.of(case, app.policy),
    )


async def _employee_result(info: Ctx, result: CommandResult) -> EmployeeResult:
    app = info.context.service.app
    employee = await _saved(info, result, DomainEmployee, app.employee_by_id)
    return EmployeeResult(
        position=result.position, replayed=result.replayed, employee=Employee.of(employee)
    )


async def _unit_result(info: Ctx, result: CommandResult) -> WorkUnitResult:
    app = info.context.service.app
    unit = await _saved(info, result, DomainWorkUnit, app.work_unit_by_id)
    return WorkUnitResult(
        position=result.position, replayed=result.replayed, work_unit=WorkUnit.of(unit)
    )


async def _agency_result(info: Ctx, result: CommandResult) -> AgencyResult:
    agency = await info.context.run(info.context.service.app.agency_by_id, result.id)
    return AgencyResult(
        position=result.position, replayed=result.replayed, agency=Agency.of(agency)
    )


def _step(step: ApprovalStep) -> Callable[[AsnGraph], Command]:
    def decide(app: AsnGraph) -> Command:
        def command(
            actor: Any, case_id: UUID, decision: i.DecisionInput, idempotency_key: str | None
        ) -> CommandResult:
            return app.decide_step(
                actor,
                case_id,
                step,
                decision.approved,
                decision.decided_on,
                decision.reference,
                decision.reason,
                idempotency_key=idempotency_key,
            )

        return command

    return decide


@strawberry.type
class Mutation:
    # --- organisation -------------------------------------------------------------------

    @strawberry.mutation(description="Register an agency (instansi).")
    async def register_agency(
        self, info: Ctx, input: i.RegisterAgencyInput, idempotency_key: IdempotencyKey = None
    ) -> AgencyResult:
        result = await _perform(
            info,
            lambda a: a.register_agency,
            input.code,
            input.name,
            input.kind,
            input.province_code,
            idempotency_key=idempotency_key,
        )
        return await _agency_result(info, result)

    @strawberry.mutation(description="Declare an election moratorium for an agency.")
    async def declare_moratorium(
        self, info: Ctx, input: i.DeclareMoratoriumInput, idempotency_key: IdempotencyKey = None
    ) -> AgencyResult:
        result = await _perform(
            info,
            lambda a: a.declare_moratorium,
            input.agency_code,
            input.starts_on,
            input.ends_on,
            input.basis,
            idempotency_key=idempotency_key,
        )
        return await _agency_result(info, result)

    @strawberry.mutation(description="Register a work unit (unor) in an agency's tree.")
    async def register_work_unit(
        self, info: Ctx, input: i.RegisterWorkUnitInput, idempotency_key: IdempotencyKey = None
    ) -> WorkUnitResult:
        result = await _perform(
            info,
            lambda a: a.register_work_unit,
            input.agency_code,
            input.code,
            input.name,
            input.parent_code,
            idempotency_key=idempotency_key,
        )
        return await _unit_result(info, result)

    @strawberry.mutation(description="Establish a position (jabatan) in a unit's map.")
    async def establish_position(
        self, info: Ctx, input: i.EstablishPositionInput, idempotency_key: IdempotencyKey = None
    ) -> WorkUnitResult:
        result = await _perform(
            info,
            lambda a: a.establish_position,
            input.agency_code,
            input.unit_code,
            input.to_domain(),
            idempotency_key=idempotency_key,
        )
        return await _unit_result(info, result)

    @strawberry.mutation(description="Record the workload analysis (ABK) of a position.")
    async def assess_workload(
        self, info: Ctx, input: i.AssessWorkloadInput, idempotency_key: IdempotencyKey = None
    ) -> WorkUnitResult:
        items = tuple(item.to_domain() for item in input.items)
        result = await _perform(
            info,
            lambda a: a.assess_workload,
            input.agency_code,
            input.unit_code,
            input.position_code,
            items,
            idempotency_key=idempotency_key,
        )
        return await _unit_result(info, result)

    # --- personnel ----------------------------------------------------------------------

    @strawberry.mutation(description="Register an employee with a valid NIP and a placement.")
    async def register_employee(
        self, info: Ctx, input: i.RegisterEmployeeInput, idempotency_key: IdempotencyKey = None
    ) -> EmployeeResult:
        result = await _perform(
            info,
            lambda a: a.register_employee,
            input.nip,
            input.name,
            input.birth_date,
            input.gender,
            input.status,
            input.rank,
            input.education.to_domain(),
            tuple(input.competencies),
            input.appointed_on,
            input.placement.to_domain(),
            input.placed_since,
            idempotency_key=idempotency_key,
        )
        return await _employee_result(info, result)

    @strawberry.mutation(description="Record a rank change (kenaikan pangkat).")
    async def change_rank(
        self, info: Ctx, input: i.ChangeRankInput, idempotency_key: IdempotencyKey = None
    ) -> EmployeeResult:
        result = await _perform(
            info,
            lambda a: a.change_rank,
            input.nip,
            input.rank,
            input.effective_on,
            input.reason,
            idempotency_key=idempotency_key,
        )
        return await _employee_result(info, result)

    @strawberry.mutation(description="Record education and competencies.")
    async def record_qualifications(
        self,
        info: Ctx,
        input: i.RecordQualificationsInput,
        idempotency_key: IdempotencyKey = None,
    ) -> EmployeeResult:
        result = await _perform(
            info,
            lambda a: a.record_qualifications,
            input.nip,
            input.education.to_domain(),
            tuple(input.competencies),
            idempotency_key=idempotency_key,
        )
        return await _employee_result(info, result)

    @strawberry.mutation(description="Record a yearly performance rating (SKP).")
    async def rate_performance(
        self, info: Ctx, input: i.RatePerformanceInput, idempotency_key: IdempotencyKey = None
    ) -> EmployeeResult:
        result = await _perform(
            info,
            lambda a: a.rate_performance,
            input.nip,
            input.year,
            input.rating,
            idempotency_key=idempotency_key,
        )
        return await _employee_result(info, result)

    @strawberry.mutation(description="Record a blocker (proceedings, study leave, ...).")
    async def record_blocker(
        self, info: Ctx, input: i.RecordBlockerInput, idempotency_key: IdempotencyKey = None
    ) -> EmployeeResult:
        result = await _perform(
            info,
            lambda a: a.record_blocker,
            input.nip,
            input.kind,
            input.reference,
            input.since,
            input.reason,
            idempotency_key=idempotency_key,
        )
        return await _employee_result(info, result)

    @strawberry.mutation(description="Lift an active blocker.")
    async def lift_blocker(
        self, info: Ctx, input: i.LiftBlockerInput, idempotency_key: IdempotencyKey = None
    ) -> EmployeeResult:
        result = await _perform(
            info,
            lambda a: a.lift_blocker,
            input.nip,
            input.kind,
            input.reason,
            idempotency_key=idempotency_key,
        )
        return await _employee_result(info, result)

    # --- transfer cases -----------------------------------------------------------------

    @strawberry.mutation(description="Open a transfer case (usulan mutasi) as an officer.")
    async def open_transfer_case(
        self, info: Ctx, input: i.OpenTransferCaseInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        result = await _perform(
            info,
            lambda a: a.open_case,
            input.nip,
            input.destination.to_domain(),
            input.initiative,
            input.reason,
            idempotency_key=idempotency_key,
        )
        return await _case_result(info, result)

    @strawberry.mutation(description="Request a transfer on one's own initiative (mutasi APS).")
    async def request_transfer(
        self, info: Ctx, input: i.RequestTransferInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        nip = info.context.caller().nip
        if nip is None:
            raise Forbidden("only an employee requests a transfer for themselves")
        result = await _perform(
            info,
            lambda a: a.open_case,
            nip,
            input.destination.to_domain(),
            Initiative.OWN_REQUEST,
            input.reason,
            idempotency_key=idempotency_key,
        )
        return await _case_result(info, result)

    @strawberry.mutation(description="Attach a document (berkas) as evidence.")
    async def attach_document(
        self, info: Ctx, input: i.AttachDocumentInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, lambda a: a.attach_document, input.case_id, input.to_domain(), key=idempotency_key
        )

    @strawberry.mutation(description="Submit the case for document verification.")
    async def submit_transfer_case(
        self, info: Ctx, case_id: strawberry.ID, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(info, lambda a: a.submit_case, case_id, key=idempotency_key)

    @strawberry.mutation(description="Return the documents for correction (berkas dikembalikan).")
    async def return_documents(
        self, info: Ctx, input: i.CaseReasonInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, lambda a: a.return_documents, input.case_id, input.reason, key=idempotency_key
        )

    @strawberry.mutation(description="Verify that the checklist is complete (verifikasi berkas).")
    async def verify_documents(
        self, info: Ctx, case_id: strawberry.ID, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(info, lambda a: a.verify_documents, case_id, key=idempotency_key)

    @strawberry.mutation(description="Reject a submitted case (ditolak).")
    async def reject_transfer_case(
        self, info: Ctx, input: i.CaseReasonInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, lambda a: a.reject_case, input.case_id, input.reason, key=idempotency_key
        )

    @strawberry.mutation(description="The employee agrees to or objects to a proposal.")
    async def answer_proposal(
        self, info: Ctx, input: i.AnswerProposalInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info,
            lambda a: a.answer_proposal,
            input.case_id,
            input.agrees,
            tuple(input.preferences),
            input.reason,
            key=idempotency_key,
        )

    @strawberry.mutation(description="Record the review board's consideration (Baperjakat).")
    async def record_review_board_decision(
        self, info: Ctx, input: i.DecisionInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, _step(ApprovalStep.REVIEW_BOARD), input.case_id, input, key=idempotency_key
        )

    @strawberry.mutation(description="The origin PPK releases the employee (persetujuan melepas).")
    async def decide_release(
        self, info: Ctx, input: i.DecisionInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, _step(ApprovalStep.ORIGIN_RELEASE), input.case_id, input, key=idempotency_key
        )

    @strawberry.mutation(description="The destination PPK accepts (persetujuan menerima).")
    async def decide_acceptance(
        self, info: Ctx, input: i.DecisionInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info,
            _step(ApprovalStep.DESTINATION_ACCEPTANCE),
            input.case_id,
            input,
            key=idempotency_key,
        )

    @strawberry.mutation(description="Record BKN's technical review (pertimbangan teknis).")
    async def record_technical_review(
        self, info: Ctx, input: i.DecisionInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, _step(ApprovalStep.TECHNICAL_REVIEW), input.case_id, input, key=idempotency_key
        )

    @strawberry.mutation(description="Override a hard rule with a reason and its authority.")
    async def override_rule(
        self, info: Ctx, input: i.OverrideRuleInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info,
            lambda a: a.override_rule,
            input.case_id,
            input.rule,
            input.authority_reference,
            input.reason,
            key=idempotency_key,
        )

    @strawberry.mutation(description="Record the decree (SK): number unique per issuer.")
    async def issue_decree(
        self, info: Ctx, input: i.DecreeInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, lambda a: a.issue_decree, input.case_id, input.to_domain(), key=idempotency_key
        )

    @strawberry.mutation(description="Correct the decree (ralat SK) by a new event.")
    async def correct_decree(
        self, info: Ctx, input: i.DecreeInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info,
            lambda a: a.correct_decree,
            input.case_id,
            input.to_domain(),
            input.reason,
            key=idempotency_key,
        )

    @strawberry.mutation(description="Revoke the decree (pencabutan SK); a new one may follow.")
    async def revoke_decree(
        self, info: Ctx, input: i.CaseReasonInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, lambda a: a.revoke_decree, input.case_id, input.reason, key=idempotency_key
        )

    @strawberry.mutation(description="Record the installation (pelantikan) at the destination.")
    async def record_installation(
        self, info: Ctx, input: i.InstallationInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info,
            lambda a: a.record_installation,
            input.case_id,
            input.installed_on,
            key=idempotency_key,
        )

    @strawberry.mutation(description="Record the handover of the old post (serah terima).")
    async def record_handover(
        self, info: Ctx, input: i.HandoverInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, lambda a: a.record_handover, input.case_id, input.to_domain(), key=idempotency_key
        )

    @strawberry.mutation(description="The TMT is reached: the employee's placement moves.")
    async def record_effective(
        self, info: Ctx, case_id: strawberry.ID, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(info, lambda a: a.take_effect, case_id, key=idempotency_key)

    @strawberry.mutation(description="Record training for the new role (pelatihan).")
    async def record_training(
        self, info: Ctx, input: i.TrainingInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, lambda a: a.record_training, input.case_id, input.to_domain(), key=idempotency_key
        )

    @strawberry.mutation(description="Record the post-transfer evaluation.")
    async def record_evaluation(
        self, info: Ctx, input: i.EvaluationInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info,
            lambda a: a.record_evaluation,
            input.case_id,
            input.to_domain(),
            key=idempotency_key,
        )

    @strawberry.mutation(description="Close an effective, evaluated case (selesai).")
    async def close_transfer_case(
        self, info: Ctx, case_id: strawberry.ID, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(info, lambda a: a.close_case, case_id, key=idempotency_key)

    @strawberry.mutation(description="Withdraw the case (dicabut) before the decree.")
    async def withdraw_transfer_case(
        self, info: Ctx, input: i.CaseReasonInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, lambda a: a.withdraw_case, input.case_id, input.reason, key=idempotency_key
        )

    @strawberry.mutation(description="Cancel the case (dibatalkan) with a reason.")
    async def cancel_transfer_case(
        self, info: Ctx, input: i.CaseReasonInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, lambda a: a.cancel_case, input.case_id, input.reason, key=idempotency_key
        )

    @strawberry.mutation(description="Mark the case expired (kedaluwarsa) with a reason.")
    async def expire_transfer_case(
        self, info: Ctx, input: i.CaseReasonInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(
            info, lambda a: a.expire_case, input.case_id, input.reason, key=idempotency_key
        )
