"""Mutations of transfer cases, from opening to evaluation, and their early ends."""

from __future__ import annotations

from typing import TypeVar

import strawberry

from asn_graph.api.context import Ctx, UseCaseCall
from asn_graph.api.inputs import cases as i
from asn_graph.api.mutations.results import CaseResult, IdempotencyKey
from asn_graph.application import commands as c
from asn_graph.application.views import CaseView
from asn_graph.domain.errors import Forbidden
from asn_graph.domain.transfer_types import ApprovalStep

C = TypeVar("C")


async def _case(
    info: Ctx, use_case: UseCaseCall[C, CaseView], command: C, idempotency_key: str | None
) -> CaseResult:
    return CaseResult.of(await info.context.perform(use_case, command, idempotency_key))


async def _decree(
    info: Ctx, use_case: UseCaseCall[C, CaseView], command: C, idempotency_key: str | None
) -> CaseResult:
    """A decree recorded (issued or corrected), then the SHA-256 of its letter: a request
    retried with its idempotency key records the letter it may have missed."""
    recorded = await info.context.perform(use_case, command, idempotency_key)
    letters = info.context.letters
    if letters is not None:
        await info.context.run(letters.record_current, info.context.caller(), recorded.view.id)
    return CaseResult.of(recorded)


@strawberry.type
class CaseMutations:
    @strawberry.mutation(description="Open a transfer case (usulan mutasi) as an officer.")
    async def open_transfer_case(
        self, info: Ctx, input: i.OpenTransferCaseInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        return await _case(info, info.context.app.cases.open, input.to_command(), idempotency_key)

    @strawberry.mutation(description="Request a transfer on one's own initiative (mutasi APS).")
    async def request_transfer(
        self, info: Ctx, input: i.RequestTransferInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        nip = info.context.caller().nip
        if nip is None:
            raise Forbidden("cases.only_employee_requests_transfer_themselves")
        command = input.to_command(nip)
        return await _case(info, info.context.app.cases.open, command, idempotency_key)

    @strawberry.mutation(description="Attach a document (berkas) as evidence.")
    async def attach_document(
        self, info: Ctx, input: i.AttachDocumentInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        attach = info.context.app.cases.attach_document
        return await _case(info, attach, input.to_command(), idempotency_key)

    @strawberry.mutation(description="Submit the case for document verification.")
    async def submit_transfer_case(
        self, info: Ctx, case_id: strawberry.ID, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = c.SubmitCase(i.case_id(case_id))
        return await _case(info, info.context.app.cases.submit, command, idempotency_key)

    @strawberry.mutation(description="Return the documents for correction (berkas dikembalikan).")
    async def return_documents(
        self, info: Ctx, input: i.CaseReasonInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = input.to_command(c.ReturnDocuments)
        return await _case(info, info.context.app.cases.return_documents, command, idempotency_key)

    @strawberry.mutation(description="Verify that the checklist is complete (verifikasi berkas).")
    async def verify_documents(
        self, info: Ctx, case_id: strawberry.ID, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = c.VerifyDocuments(i.case_id(case_id))
        return await _case(info, info.context.app.cases.verify_documents, command, idempotency_key)

    @strawberry.mutation(description="Reject a submitted case (ditolak).")
    async def reject_transfer_case(
        self, info: Ctx, input: i.CaseReasonInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = input.to_command(c.RejectCase)
        return await _case(info, info.context.app.cases.reject, command, idempotency_key)

    @strawberry.mutation(description="The employee agrees to or objects to a proposal.")
    async def answer_proposal(
        self, info: Ctx, input: i.AnswerProposalInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        answer = info.context.app.cases.answer_proposal
        return await _case(info, answer, input.to_command(), idempotency_key)

    @strawberry.mutation(description="Record the review board's consideration (Baperjakat).")
    async def record_review_board_decision(
        self, info: Ctx, input: i.DecisionInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = input.to_command(ApprovalStep.REVIEW_BOARD)
        return await _case(info, info.context.app.cases.decide_step, command, idempotency_key)

    @strawberry.mutation(description="The origin PPK releases the employee (persetujuan melepas).")
    async def decide_release(
        self, info: Ctx, input: i.DecisionInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = input.to_command(ApprovalStep.ORIGIN_RELEASE)
        return await _case(info, info.context.app.cases.decide_step, command, idempotency_key)

    @strawberry.mutation(description="The destination PPK accepts (persetujuan menerima).")
    async def decide_acceptance(
        self, info: Ctx, input: i.DecisionInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = input.to_command(ApprovalStep.DESTINATION_ACCEPTANCE)
        return await _case(info, info.context.app.cases.decide_step, command, idempotency_key)

    @strawberry.mutation(description="Record BKN's technical review (pertimbangan teknis).")
    async def record_technical_review(
        self, info: Ctx, input: i.DecisionInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = input.to_command(ApprovalStep.TECHNICAL_REVIEW)
        return await _case(info, info.context.app.cases.decide_step, command, idempotency_key)

    @strawberry.mutation(description="Override a hard rule with a reason and its authority.")
    async def override_rule(
        self, info: Ctx, input: i.OverrideRuleInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        override = info.context.app.cases.override_rule
        return await _case(info, override, input.to_command(), idempotency_key)

    @strawberry.mutation(description="Record the decree (SK): number unique per issuer.")
    async def issue_decree(
        self, info: Ctx, input: i.DecreeInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        issue = info.context.app.cases.issue_decree
        return await _decree(info, issue, input.to_issue(), idempotency_key)

    @strawberry.mutation(description="Correct the decree (ralat SK) by a new event.")
    async def correct_decree(
        self, info: Ctx, input: i.DecreeInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        correct = info.context.app.cases.correct_decree
        return await _decree(info, correct, input.to_correction(), idempotency_key)

    @strawberry.mutation(description="Revoke the decree (pencabutan SK); a new one may follow.")
    async def revoke_decree(
        self, info: Ctx, input: i.CaseReasonInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = input.to_command(c.RevokeDecree)
        return await _case(info, info.context.app.cases.revoke_decree, command, idempotency_key)

    @strawberry.mutation(description="Record the installation (pelantikan) at the destination.")
    async def record_installation(
        self, info: Ctx, input: i.InstallationInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        record = info.context.app.cases.record_installation
        return await _case(info, record, input.to_command(), idempotency_key)

    @strawberry.mutation(description="Record the handover of the old post (serah terima).")
    async def record_handover(
        self, info: Ctx, input: i.HandoverInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        record = info.context.app.cases.record_handover
        return await _case(info, record, input.to_command(), idempotency_key)

    @strawberry.mutation(description="The TMT is reached: the employee's placement moves.")
    async def record_effective(
        self, info: Ctx, case_id: strawberry.ID, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = c.TakeEffect(i.case_id(case_id))
        return await _case(info, info.context.app.cases.take_effect, command, idempotency_key)

    @strawberry.mutation(description="Record training for the new role (pelatihan).")
    async def record_training(
        self, info: Ctx, input: i.TrainingInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        record = info.context.app.cases.record_training
        return await _case(info, record, input.to_command(), idempotency_key)

    @strawberry.mutation(description="Record the post-transfer evaluation.")
    async def record_evaluation(
        self, info: Ctx, input: i.EvaluationInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        record = info.context.app.cases.record_evaluation
        return await _case(info, record, input.to_command(), idempotency_key)

    @strawberry.mutation(description="Close an effective, evaluated case (selesai).")
    async def close_transfer_case(
        self, info: Ctx, case_id: strawberry.ID, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = c.CloseCase(i.case_id(case_id))
        return await _case(info, info.context.app.cases.close, command, idempotency_key)

    @strawberry.mutation(description="Withdraw the case (dicabut) before the decree.")
    async def withdraw_transfer_case(
        self, info: Ctx, input: i.CaseReasonInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = input.to_command(c.WithdrawCase)
        return await _case(info, info.context.app.cases.withdraw, command, idempotency_key)

    @strawberry.mutation(description="Cancel the case (dibatalkan) with a reason.")
    async def cancel_transfer_case(
        self, info: Ctx, input: i.CaseReasonInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = input.to_command(c.CancelCase)
        return await _case(info, info.context.app.cases.cancel, command, idempotency_key)

    @strawberry.mutation(description="Mark the case expired (kedaluwarsa) with a reason.")
    async def expire_transfer_case(
        self, info: Ctx, input: i.CaseReasonInput, idempotency_key: IdempotencyKey = None
    ) -> CaseResult:
        command = input.to_command(c.ExpireCase)
        return await _case(info, info.context.app.cases.expire, command, idempotency_key)
