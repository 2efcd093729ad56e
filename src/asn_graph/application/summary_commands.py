"""The command that publishes an agency's monthly summary, and the view of a summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from asn_graph.application.commands import Command
from asn_graph.domain.monthly_figures import MonthlyFigures


@dataclass(frozen=True)
class PublishMonthlySummary(Command):
    NAME: ClassVar[str] = "publish_monthly_summary"
    agency_code: str
    month: str
    """``YYYY-MM``: a month that has ended."""
    reason: str = ""
    """Why the figures are published again (needed when they differ: a correction)."""
    figures_seen: str | None = None
    """The fingerprint of the figures the publisher was shown (``MonthlyFigures.fingerprint``):
    when given, the publication is refused if the figures are no longer those."""


@dataclass(frozen=True)
class MonthlySummaryView:
    agency_code: str
    month: str
    version: int
    """1 for the first publication, one more for each correction."""
    figures: MonthlyFigures
    first_published_at: datetime
    published_at: datetime
    """When this version was published."""
    reason: str
