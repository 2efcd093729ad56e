"""The published monthly summaries: each agency's months with their latest figures, so that
integrators and the agencies' public pages are answered without replaying the log."""

from __future__ import annotations

import orjson

from asn_graph.domain.monthly_summary import MonthlySummary
from asn_graph.projections.database import Session
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.source import Envelope


class PublishedSummariesProjection(ReadModel):
    name = "published_summaries"
    version = 1
    tables = ("published_summaries",)
    statements = (
        """CREATE TABLE IF NOT EXISTS published_summaries (
            id TEXT NOT NULL UNIQUE,
            agency_code TEXT NOT NULL,
            month TEXT NOT NULL,
            version INTEGER NOT NULL,
            figures TEXT NOT NULL,
            first_published_at TEXT NOT NULL,
            published_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (agency_code, month)
        )""",
    )

    def __init__(self) -> None:
        super().__init__()
        self.on(MonthlySummary.Published, _published)
        self.on(MonthlySummary.Corrected, _corrected)


def _figures(figures: dict[str, object]) -> str:
    return orjson.dumps(figures, option=orjson.OPT_SORT_KEYS).decode()


def _published(session: Session, envelope: Envelope) -> None:
    event: MonthlySummary.Published = envelope.event
    at = event.timestamp.isoformat()
    session.write(
        "INSERT INTO published_summaries (id, agency_code, month, version, figures, "
        "first_published_at, published_at, reason) "
        "VALUES (:id, :agency, :month, :version, :figures, :at, :at, :reason)",
        {
            "id": envelope.subject,
            "agency": event.agency_code,
            "month": event.month,
            "version": envelope.originator_version,
            "figures": _figures(event.figures),
            "at": at,
            "reason": event.reason,
        },
    )


def _corrected(session: Session, envelope: Envelope) -> None:
    event: MonthlySummary.Corrected = envelope.event
    session.write(
        "UPDATE published_summaries SET version = :version, figures = :figures, "
        "published_at = :at, reason = :reason WHERE id = :id",
        {
            "id": envelope.subject,
            "version": envelope.originator_version,
            "figures": _figures(event.figures),
            "at": event.timestamp.isoformat(),
            "reason": event.reason,
        },
    )
