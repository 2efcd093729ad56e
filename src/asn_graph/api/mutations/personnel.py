"""Mutations of employees' records: registration, rank, qualifications, ratings, blockers."""

from __future__ import annotations

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.inputs import personnel as i
from asn_graph.api.mutations.results import EmployeeResult, IdempotencyKey


@strawberry.type
class PersonnelMutations:
    @strawberry.mutation(description="Register an employee with a valid NIP and a placement.")
    async def register_employee(
        self, info: Ctx, input: i.RegisterEmployeeInput, idempotency_key: IdempotencyKey = None
    ) -> EmployeeResult:
        register = info.context.app.employees.register
        return EmployeeResult.of(
            await info.context.perform(register, input.to_command(), idempotency_key)
        )

    @strawberry.mutation(description="Record a rank change (kenaikan pangkat).")
    async def change_rank(
        self, info: Ctx, input: i.ChangeRankInput, idempotency_key: IdempotencyKey = None
    ) -> EmployeeResult:
        change = info.context.app.employees.change_rank
        return EmployeeResult.of(
            await info.context.perform(change, input.to_command(), idempotency_key)
        )

    @strawberry.mutation(description="Record education and competencies.")
    async def record_qualifications(
        self,
        info: Ctx,
        input: i.RecordQualificationsInput,
        idempotency_key: IdempotencyKey = None,
    ) -> EmployeeResult:
        record = info.context.app.employees.record_qualifications
        return EmployeeResult.of(
            await info.context.perform(record, input.to_command(), idempotency_key)
        )

    @strawberry.mutation(description="Record a yearly performance rating (SKP).")
    async def rate_performance(
        self, info: Ctx, input: i.RatePerformanceInput, idempotency_key: IdempotencyKey = None
    ) -> EmployeeResult:
        rate = info.context.app.employees.rate_performance
        return EmployeeResult.of(
            await info.context.perform(rate, input.to_command(), idempotency_key)
        )

    @strawberry.mutation(description="Record a year's potential (talent review, nine-box).")
    async def assess_potential(
        self, info: Ctx, input: i.AssessPotentialInput, idempotency_key: IdempotencyKey = None
    ) -> EmployeeResult:
        assess = info.context.app.employees.assess_potential
        return EmployeeResult.of(
            await info.context.perform(assess, input.to_command(), idempotency_key)
        )

    @strawberry.mutation(description="Record a blocker (proceedings, study leave, ...).")
    async def record_blocker(
        self, info: Ctx, input: i.RecordBlockerInput, idempotency_key: IdempotencyKey = None
    ) -> EmployeeResult:
        record = info.context.app.employees.record_blocker
        return EmployeeResult.of(
            await info.context.perform(record, input.to_command(), idempotency_key)
        )

    @strawberry.mutation(description="Lift an active blocker.")
    async def lift_blocker(
        self, info: Ctx, input: i.LiftBlockerInput, idempotency_key: IdempotencyKey = None
    ) -> EmployeeResult:
        lift = info.context.app.employees.lift_blocker
        return EmployeeResult.of(
            await info.context.perform(lift, input.to_command(), idempotency_key)
        )
