"""The input of the publication of a monthly summary."""

from __future__ import annotations

import strawberry

from asn_graph.application.summary_commands import PublishMonthlySummary


@strawberry.input
class PublishMonthlySummaryInput:
    agency_code: str
    month: str = strawberry.field(description="YYYY-MM: a month that has ended.")
    reason: str = strawberry.field(
        default="",
        description="Why the month is published again with other figures (a correction).",
    )
    figures_seen: str | None = strawberry.field(
        default=None,
        description="The fingerprint of the preview the publisher was shown "
        "(MonthlySummaryPreview.fingerprint): refused (CONFLICT) if the figures changed since.",
    )

    def to_command(self) -> PublishMonthlySummary:
        return PublishMonthlySummary(
            self.agency_code, self.month.strip(), self.reason, self.figures_seen
        )
