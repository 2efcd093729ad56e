"""The stints of a case in its stages (tahap), kept by the directory projection: a case enters
a stage with its opening and with every event that moves it, and leaves it with the next; a
case that has ended (closed, rejected, withdrawn, cancelled, expired) enters no stage more."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from asn_graph.domain.stages import Stage
from asn_graph.projections.database import Session


def day_number(at: datetime, zone: ZoneInfo) -> int:
    """The day of ``at`` in the agency's calendar, as ``date.toordinal``."""
    return at.astimezone(zone).date().toordinal()


def enter(
    session: Session, case_id: str, seq: int, stage: Stage, at: datetime, zone: ZoneInfo
) -> None:
    """The case entered ``stage`` at ``at`` (by the event at log position ``seq``)."""
    session.write(
        "INSERT INTO directory_case_stages (case_id, seq, state, pending_step, entered_at, "
        "entered_day) VALUES (:case_id, :seq, :state, :pending_step, :at, :day)",
        {
            "case_id": case_id,
            "seq": seq,
            "state": stage.state.value,
            "pending_step": stage.pending_step.value if stage.pending_step else None,
            "at": at.isoformat(),
            "day": day_number(at, zone),
        },
    )


def leave(session: Session, case_id: str, at: datetime, zone: ZoneInfo) -> None:
    """The case left the stage it was in at ``at``."""
    session.write(
        "UPDATE directory_case_stages SET left_at = :at, left_day = :day "
        "WHERE case_id = :case_id AND left_at IS NULL",
        {"case_id": case_id, "at": at.isoformat(), "day": day_number(at, zone)},
    )
