"""Queries of the published monthly summaries, and of what a publication would publish."""

from __future__ import annotations

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.types.summaries import (
    MonthlySummary,
    MonthlySummaryFigures,
    MonthlySummaryPreview,
)
from asn_graph.domain.errors import NotFound
from asn_graph.domain.monthly_figures import SummaryMonth


def _agency(code: str) -> str:
    return code.strip().upper()


@strawberry.type
class SummaryQueries:
    @strawberry.field(
        description="An agency's published monthly summaries, the latest month first (numbers "
        "only; every signed-in caller)."
    )
    async def published_monthly_summaries(
        self, info: Ctx, agency_code: str
    ) -> list[MonthlySummary]:
        info.context.reader()
        read = await info.context.read()
        rows = await info.context.run(read.summaries.summaries, _agency(agency_code))
        return [MonthlySummary.of_row(row) for row in rows]

    @strawberry.field(description="One published monthly summary; NOT_FOUND if not published.")
    async def published_monthly_summary(
        self, info: Ctx, agency_code: str, month: str
    ) -> MonthlySummary:
        info.context.reader()
        code, parsed = _agency(agency_code), str(SummaryMonth.parse(month))
        read = await info.context.read()
        row = await info.context.run(read.summaries.summary, code, parsed)
        if row is None:
            raise NotFound("monthly_summary.not_published", agency=code, month=parsed)
        return MonthlySummary.of_row(row)

    @strawberry.field(
        description="What publishing a month's summary would publish now, for the agency's "
        "officers and approvers (the last month that has ended when none is named)."
    )
    async def monthly_summary_preview(
        self, info: Ctx, agency_code: str, month: str | None = None
    ) -> MonthlySummaryPreview:
        actor = info.context.reader()
        summaries = info.context.app.monthly_summaries
        asked = month if month is not None else str(summaries.last_closed_month())
        figures = await info.context.run(summaries.preview, actor, agency_code, asked)
        code, parsed = _agency(agency_code), str(SummaryMonth.parse(asked))
        read = await info.context.read()
        row = await info.context.run(read.summaries.summary, code, parsed)
        return MonthlySummaryPreview(
            agency_code=code,
            month=parsed,
            figures=MonthlySummaryFigures.of(figures),
            fingerprint=figures.fingerprint(),
            published=MonthlySummary.of_row(row) if row is not None else None,
        )
