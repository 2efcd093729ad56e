"""Mutations of the register of signing offices."""

from __future__ import annotations

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.inputs import offices as i
from asn_graph.api.mutations.results import IdempotencyKey, OfficeResult


@strawberry.type
class OfficeMutations:
    @strawberry.mutation(
        description="Record who holds a signing office from a date: definitive, Plt. or Plh. "
        "(officers of the office's own agency)."
    )
    async def appoint_office_holder(
        self, info: Ctx, input: i.AppointOfficeHolderInput, idempotency_key: IdempotencyKey = None
    ) -> OfficeResult:
        appoint = info.context.app.offices.appoint
        return OfficeResult.of(
            await info.context.perform(appoint, input.to_command(), idempotency_key)
        )

    @strawberry.mutation(description="End a holder's term in a signing office early.")
    async def end_office_term(
        self, info: Ctx, input: i.EndOfficeTermInput, idempotency_key: IdempotencyKey = None
    ) -> OfficeResult:
        end = info.context.app.offices.end_term
        return OfficeResult.of(await info.context.perform(end, input.to_command(), idempotency_key))
