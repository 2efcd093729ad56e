"""The published monthly summary of an agency (ringkasan bulanan): numbers only, no personal
data, for integrators and the agency's public page. Once published, a month's figures stand;
publishing the month again records a new version only when the counts of the month's activity
differ (a correction, with its reason). The figures as of counting (staffing, cases overdue)
change with time, not with the month: they alone never make a correction, and those of the
version published stay with it."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from asn_graph.domain.actors import Actor
from asn_graph.domain.audited import AuditedAggregate
from asn_graph.domain.errors import RuleViolation
from asn_graph.domain.monthly_figures import MonthlyFigures, SummaryMonth
from asn_graph.domain.placement import ID_NAMESPACE


def summary_id(agency_code: str, month: SummaryMonth) -> UUID:
    return uuid5(ID_NAMESPACE, f"monthly-summary:{agency_code}:{month}")


class MonthlySummary(AuditedAggregate):
    """One agency's summary of one month, in its published versions."""

    TOPIC = "asn-graph/monthly-summary"

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/monthly-summary/event"
        actor: Actor
        reason: str

    class Published(Event, Aggregate.Created):
        TOPIC = "asn-graph/monthly-summary/published"
        agency_code: str
        month: str
        figures: dict[str, Any]

    class Corrected(Event):
        TOPIC = "asn-graph/monthly-summary/corrected"
        figures: dict[str, Any]

        def apply(self, aggregate: Any) -> None:
            aggregate.figures = MonthlyFigures.from_record(self.figures)
            aggregate.reason = self.reason

    def __init__(
        self, agency_code: str, month: str, figures: dict[str, Any], reason: str, **_: Any
    ) -> None:
        self.agency_code = agency_code
        self.month = month
        self.figures = MonthlyFigures.from_record(figures)
        self.reason = reason

    @classmethod
    def publish(
        cls,
        agency_code: str,
        month: SummaryMonth,
        figures: MonthlyFigures,
        actor: Actor,
        reason: str = "",
    ) -> MonthlySummary:
        return cls._create(
            cls.Published,
            id=summary_id(agency_code, month),
            actor=actor,
            reason=reason.strip(),
            agency_code=agency_code,
            month=str(month),
            figures=figures.as_record(),
        )

    def correct(self, figures: MonthlyFigures, actor: Actor, reason: str) -> bool:
        """Publishes ``figures`` as the month's new version; False when the month's activity
        counts are those published already (nothing to correct: the published figures as of
        their counting stay)."""
        if figures.activity() == self.figures.activity():
            return False
        if not reason.strip():
            raise RuleViolation(
                "monthly_summary.correction_needs_reason",
                rules=("SUMMARY_CORRECTION_REASON",),
                month=self.month,
            )
        self._record(self.Corrected, actor, reason, figures=figures.as_record())
        return True
