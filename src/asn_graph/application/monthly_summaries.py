"""Use cases of the published monthly summaries (ringkasan bulanan): what would be published
for a closed month, and its publication by the agency's staff."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from asn_graph.application.ports import SummaryFigures
from asn_graph.application.results import Changes
from asn_graph.application.store import StoreApplication
from asn_graph.application.summary_commands import MonthlySummaryView, PublishMonthlySummary
from asn_graph.application.use_case import UseCaseGroup, use_case
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.authority import require_agency, require_role
from asn_graph.domain.errors import Conflict, RuleViolation
from asn_graph.domain.monthly_figures import MonthlyFigures, SummaryMonth
from asn_graph.domain.monthly_summary import MonthlySummary, summary_id

PUBLISHERS = (Role.OFFICER, Role.APPROVER)


def summary_view(summary: MonthlySummary) -> MonthlySummaryView:
    return MonthlySummaryView(
        agency_code=summary.agency_code,
        month=summary.month,
        version=summary.version,
        figures=summary.figures,
        first_published_at=summary.created_on,
        published_at=summary.modified_on,
        reason=summary.reason,
    )


class MonthlySummaryUseCases(UseCaseGroup[MonthlySummary, MonthlySummaryView]):
    def __init__(self, store: StoreApplication, figures: SummaryFigures) -> None:
        super().__init__(store)
        self.figures = figures

    def view_of(self, subject: MonthlySummary) -> MonthlySummaryView:
        return summary_view(subject)

    def view_by_id(self, subject_id: UUID) -> MonthlySummaryView:
        return summary_view(self.store.load(MonthlySummary, subject_id, f"summary {subject_id}"))

    def last_closed_month(self) -> SummaryMonth:
        return SummaryMonth.of(self.store.clock.today()).previous

    def preview(self, actor: Actor, agency_code: str, month: str) -> MonthlyFigures:
        """The figures that publishing ``month`` would publish now (nothing is recorded)."""
        code, parsed = self._publishable(actor, agency_code, month)
        return self.figures.monthly_figures(code, parsed)

    @use_case
    def publish(self, actor: Actor, command: PublishMonthlySummary) -> Changes[MonthlySummary]:
        """Publishes the month's figures; when they were published already, records a
        correction if the month's activity counts differ (with its reason), else nothing.
        Refused when the figures are no longer those the publisher was shown."""
        code, month = self._publishable(actor, command.agency_code, command.month)
        figures = self.figures.monthly_figures(code, month)
        if command.figures_seen is not None and command.figures_seen != figures.fingerprint():
            raise Conflict("monthly_summary.figures_changed", month=str(month))
        published = self._published(code, month)
        if published is None:
            return Changes(MonthlySummary.publish(code, month, figures, actor, command.reason))
        published.correct(figures, actor, command.reason)
        return Changes(published)

    def _publishable(self, actor: Actor, agency_code: str, month: str) -> tuple[str, SummaryMonth]:
        parsed = SummaryMonth.parse(month)
        require_role(actor, *PUBLISHERS)
        agency = self.store.agency(agency_code)
        require_agency(actor, agency.code)
        if not parsed.is_closed_on(self.store.clock.today()):
            raise RuleViolation(
                "monthly_summary.month_not_closed",
                rules=("SUMMARY_MONTH_CLOSED",),
                month=str(parsed),
                last_closed=str(self.last_closed_month()),
            )
        return agency.code, parsed

    def _published(self, agency_code: str, month: SummaryMonth) -> MonthlySummary | None:
        try:
            found = self.store.aggregate(summary_id(agency_code, month))
        except AggregateNotFoundError:
            return None
        return found if isinstance(found, MonthlySummary) else None
