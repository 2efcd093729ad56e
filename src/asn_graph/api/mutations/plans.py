"""Mutations of transfer plans: draft, propose, adjust, consult, approve, launch."""

from __future__ import annotations

from typing import TypeVar

import strawberry

from asn_graph.api.context import Ctx, UseCaseCall
from asn_graph.api.inputs import plans as i
from asn_graph.api.mutations.results import IdempotencyKey, Outcome
from asn_graph.api.types.plans import TransferPlan
from asn_graph.application.plan_views import PlanView
from asn_graph.domain.errors import Forbidden

C = TypeVar("C")


@strawberry.type
class TransferPlanResult(Outcome):
    transfer_plan: TransferPlan


async def _plan(
    info: Ctx, use_case: UseCaseCall[C, PlanView], command: C, idempotency_key: str | None
) -> TransferPlanResult:
    recorded = await info.context.perform(use_case, command, idempotency_key)
    caller = info.context.caller()
    plan = TransferPlan.of(recorded.view, info.context.app.policy.matching, only_nip=caller.nip)
    return TransferPlanResult(
        position=recorded.position, replayed=recorded.replayed, transfer_plan=plan
    )


@strawberry.type
class PlanMutations:
    @strawberry.mutation(description="Draft a transfer plan for an agency and a period.")
    async def draft_transfer_plan(
        self, info: Ctx, input: i.DraftTransferPlanInput, idempotency_key: IdempotencyKey = None
    ) -> TransferPlanResult:
        return await _plan(info, info.context.app.plans.draft, input.to_command(), idempotency_key)

    @strawberry.mutation(description="Set a plan's scope, maximum moves and exclusions.")
    async def set_transfer_plan_constraints(
        self,
        info: Ctx,
        input: i.SetTransferPlanConstraintsInput,
        idempotency_key: IdempotencyKey = None,
    ) -> TransferPlanResult:
        plans = info.context.app.plans
        return await _plan(info, plans.set_constraints, input.to_command(), idempotency_key)

    @strawberry.mutation(
        description="Let the optimiser propose the moves that fit best, keeping pinned moves "
        "and honouring objections, exclusions and every hard rule."
    )
    async def propose_transfer_plan(
        self, info: Ctx, input: i.TransferPlanInput, idempotency_key: IdempotencyKey = None
    ) -> TransferPlanResult:
        return await _plan(info, info.context.app.plans.propose, input.propose(), idempotency_key)

    @strawberry.mutation(description="Add a move by hand; it must pass every hard rule.")
    async def add_transfer_plan_move(
        self, info: Ctx, input: i.AddTransferPlanMoveInput, idempotency_key: IdempotencyKey = None
    ) -> TransferPlanResult:
        return await _plan(
            info, info.context.app.plans.add_move, input.to_command(), idempotency_key
        )

    @strawberry.mutation(description="Remove a move from a plan, with the reason.")
    async def remove_transfer_plan_move(
        self,
        info: Ctx,
        input: i.RemoveTransferPlanMoveInput,
        idempotency_key: IdempotencyKey = None,
    ) -> TransferPlanResult:
        return await _plan(
            info, info.context.app.plans.remove_move, input.to_command(), idempotency_key
        )

    @strawberry.mutation(description="Pin a move so that re-proposals keep it, or unpin it.")
    async def pin_transfer_plan_move(
        self, info: Ctx, input: i.PinTransferPlanMoveInput, idempotency_key: IdempotencyKey = None
    ) -> TransferPlanResult:
        return await _plan(
            info, info.context.app.plans.pin_move, input.to_command(), idempotency_key
        )

    @strawberry.mutation(description="Ask every employee in the plan (konsultasi).")
    async def open_transfer_plan_consultation(
        self,
        info: Ctx,
        input: i.OpenTransferPlanConsultationInput,
        idempotency_key: IdempotencyKey = None,
    ) -> TransferPlanResult:
        plans = info.context.app.plans
        return await _plan(info, plans.open_consultation, input.to_command(), idempotency_key)

    @strawberry.mutation(description="Answer the move a plan proposes the caller (employees).")
    async def answer_transfer_plan_consultation(
        self,
        info: Ctx,
        input: i.AnswerTransferPlanConsultationInput,
        idempotency_key: IdempotencyKey = None,
    ) -> TransferPlanResult:
        nip = info.context.caller().nip
        if nip is None:
            raise Forbidden("plans.only_employee_concerned_answers_plan")
        plans = info.context.app.plans
        return await _plan(info, plans.answer, input.to_command(nip), idempotency_key)

    @strawberry.mutation(description="Approve a plan whose employees have all been heard (PPK).")
    async def approve_transfer_plan(
        self, info: Ctx, input: i.TransferPlanInput, idempotency_key: IdempotencyKey = None
    ) -> TransferPlanResult:
        return await _plan(info, info.context.app.plans.approve, input.approve(), idempotency_key)

    @strawberry.mutation(description="Send a plan back to its officers for revision (PPK).")
    async def return_transfer_plan(
        self, info: Ctx, input: i.TransferPlanInput, idempotency_key: IdempotencyKey = None
    ) -> TransferPlanResult:
        plans = info.context.app.plans
        return await _plan(
            info, plans.return_for_revision, input.return_for_revision(), idempotency_key
        )

    @strawberry.mutation(
        description="Open the transfer cases of up to batchSize approved moves not launched "
        "yet; call again until launched equals the number of moves."
    )
    async def launch_transfer_plan(
        self, info: Ctx, input: i.LaunchTransferPlanInput, idempotency_key: IdempotencyKey = None
    ) -> TransferPlanResult:
        return await _plan(info, info.context.app.plans.launch, input.to_command(), idempotency_key)

    @strawberry.mutation(description="Cancel a plan none of whose moves was launched.")
    async def cancel_transfer_plan(
        self, info: Ctx, input: i.TransferPlanInput, idempotency_key: IdempotencyKey = None
    ) -> TransferPlanResult:
        return await _plan(info, info.context.app.plans.cancel, input.cancel(), idempotency_key)
