"""Mutations of the organisation: agencies, moratoria, work units, positions and workload."""

from __future__ import annotations

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.inputs import organisation as i
from asn_graph.api.mutations.results import AgencyResult, IdempotencyKey, WorkUnitResult


@strawberry.type
class OrganisationMutations:
    @strawberry.mutation(description="Register an agency (instansi).")
    async def register_agency(
        self, info: Ctx, input: i.RegisterAgencyInput, idempotency_key: IdempotencyKey = None
    ) -> AgencyResult:
        register = info.context.app.agencies.register
        return AgencyResult.of(
            await info.context.perform(register, input.to_command(), idempotency_key)
        )

    @strawberry.mutation(description="Declare an election moratorium for an agency.")
    async def declare_moratorium(
        self, info: Ctx, input: i.DeclareMoratoriumInput, idempotency_key: IdempotencyKey = None
    ) -> AgencyResult:
        declare = info.context.app.agencies.declare_moratorium
        return AgencyResult.of(
            await info.context.perform(declare, input.to_command(), idempotency_key)
        )

    @strawberry.mutation(description="Register a work unit (unor) in an agency's tree.")
    async def register_work_unit(
        self, info: Ctx, input: i.RegisterWorkUnitInput, idempotency_key: IdempotencyKey = None
    ) -> WorkUnitResult:
        register = info.context.app.work_units.register
        return WorkUnitResult.of(
            await info.context.perform(register, input.to_command(), idempotency_key)
        )

    @strawberry.mutation(description="Establish a position (jabatan) in a unit's map.")
    async def establish_position(
        self, info: Ctx, input: i.EstablishPositionInput, idempotency_key: IdempotencyKey = None
    ) -> WorkUnitResult:
        establish = info.context.app.work_units.establish_position
        return WorkUnitResult.of(
            await info.context.perform(establish, input.to_command(), idempotency_key)
        )

    @strawberry.mutation(description="Record the workload analysis (ABK) of a position.")
    async def assess_workload(
        self, info: Ctx, input: i.AssessWorkloadInput, idempotency_key: IdempotencyKey = None
    ) -> WorkUnitResult:
        assess = info.context.app.work_units.assess_workload
        return WorkUnitResult.of(
            await info.context.perform(assess, input.to_command(), idempotency_key)
        )
