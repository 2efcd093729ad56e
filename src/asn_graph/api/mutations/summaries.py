"""The publication of an agency's monthly summary."""

from __future__ import annotations

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.inputs.summaries import PublishMonthlySummaryInput
from asn_graph.api.mutations.results import IdempotencyKey, Outcome
from asn_graph.api.types.summaries import MonthlySummary
from asn_graph.application.summary_commands import MonthlySummaryView
from asn_graph.application.views import Recorded


@strawberry.type
class MonthlySummaryResult(Outcome):
    monthly_summary: MonthlySummary

    @classmethod
    def of(cls, recorded: Recorded[MonthlySummaryView]) -> MonthlySummaryResult:
        return cls(
            position=recorded.position,
            replayed=recorded.replayed,
            monthly_summary=MonthlySummary.of(recorded.view),
        )


@strawberry.type
class SummaryMutations:
    @strawberry.mutation(
        description="Publish an agency's summary of a month that has ended (ringkasan "
        "bulanan), by its officer or approver. Publishing it again records a new version only "
        "when the month's activity counts differ, with the reason; otherwise nothing "
        "(position 0), the figures as of counting published first kept."
    )
    async def publish_monthly_summary(
        self,
        info: Ctx,
        input: PublishMonthlySummaryInput,
        idempotency_key: IdempotencyKey = None,
    ) -> MonthlySummaryResult:
        publish = info.context.app.monthly_summaries.publish
        return MonthlySummaryResult.of(
            await info.context.perform(publish, input.to_command(), idempotency_key)
        )
