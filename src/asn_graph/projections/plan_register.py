"""The register of transfer plans: each plan's standing, and who is in which plan, so that an
agency lists its plans and an employee finds the consultations that await them."""

from __future__ import annotations

from asn_graph.domain.plan_records import PlannedMove, PlanStatus
from asn_graph.domain.transfer_plan import TransferPlan
from asn_graph.projections.database import Session
from asn_graph.projections.readmodel import Handler, ReadModel
from asn_graph.projections.source import Envelope


class PlanRegisterProjection(ReadModel):
    name = "plan_register"
    version = 1
    tables = ("plan_register", "plan_register_moves")
    statements = (
        """CREATE TABLE IF NOT EXISTS plan_register (
            id TEXT PRIMARY KEY,
            seq BIGINT NOT NULL,
            agency_code TEXT NOT NULL,
            title TEXT NOT NULL,
            status TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            answer_by TEXT,
            moves INTEGER NOT NULL DEFAULT 0,
            launched INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS plan_register_moves (
            plan_id TEXT NOT NULL,
            nip TEXT NOT NULL,
            destination_agency TEXT NOT NULL,
            destination_unit TEXT NOT NULL,
            destination_position TEXT NOT NULL,
            answered INTEGER NOT NULL DEFAULT 0,
            agrees INTEGER,
            PRIMARY KEY (plan_id, nip)
        )""",
    )
    indexes = (
        "CREATE INDEX IF NOT EXISTS plan_register_agency ON plan_register (agency_code, seq)",
        "CREATE INDEX IF NOT EXISTS plan_register_moves_nip ON plan_register_moves (nip)",
    )

    def __init__(self) -> None:
        super().__init__()
        self.on(TransferPlan.Drafted, _drafted)
        self.on(TransferPlan.Proposed, _proposed)
        self.on(TransferPlan.MoveAdded, _move_added)
        self.on(TransferPlan.MoveRemoved, _move_removed)
        self.on(TransferPlan.ConsultationOpened, _consultation_opened)
        self.on(TransferPlan.ConsultationAnswered, _answered)
        self.on(TransferPlan.Approved, _status(PlanStatus.APPROVED))
        self.on(TransferPlan.ReturnedForRevision, _status(PlanStatus.DRAFT))
        self.on(TransferPlan.Cancelled, _status(PlanStatus.CANCELLED))
        self.on(TransferPlan.MovesLaunched, _launched)
        self.on(TransferPlan.Event, _touched)


def _touch(session: Session, envelope: Envelope, sets: str = "", **params: object) -> None:
    session.write(
        f"UPDATE plan_register SET {sets}updated_at = :at WHERE id = :id",  # noqa: S608
        {**params, "at": envelope.event.timestamp.isoformat(), "id": envelope.subject},
    )


def _touched(session: Session, envelope: Envelope) -> None:
    _touch(session, envelope)


def _drafted(session: Session, envelope: Envelope) -> None:
    event: TransferPlan.Drafted = envelope.event
    session.write(
        "INSERT INTO plan_register (id, seq, agency_code, title, status, period_start, "
        "period_end, updated_at) VALUES (:id, :seq, :agency, :title, :status, :start, :end, :at)",
        {
            "id": envelope.subject,
            "seq": envelope.position,
            "agency": event.agency_code,
            "title": event.title,
            "status": PlanStatus.DRAFT.value,
            "start": event.period_start.isoformat(),
            "end": event.period_end.isoformat(),
            "at": event.timestamp.isoformat(),
        },
    )


def _insert_move(session: Session, plan_id: str, move: PlannedMove) -> None:
    destination = move.destination
    session.write(
        "INSERT INTO plan_register_moves (plan_id, nip, destination_agency, destination_unit, "
        "destination_position) VALUES (:plan, :nip, :agency, :unit, :position)",
        {
            "plan": plan_id,
            "nip": move.nip,
            "agency": destination.agency_code,
            "unit": destination.unit_code,
            "position": destination.position_code,
        },
    )


def _recount(session: Session, envelope: Envelope) -> None:
    _touch(
        session,
        envelope,
        "moves = (SELECT COUNT(*) FROM plan_register_moves WHERE plan_id = :id), ",
    )


def _proposed(session: Session, envelope: Envelope) -> None:
    event: TransferPlan.Proposed = envelope.event
    answers = {
        row["nip"]: row
        for row in session.execute(
            "SELECT nip, destination_agency, destination_unit, destination_position, answered, "
            "agrees FROM plan_register_moves WHERE plan_id = :id",
            {"id": envelope.subject},
        )
    }
    session.write("DELETE FROM plan_register_moves WHERE plan_id = :id", {"id": envelope.subject})
    for move in event.moves:
        _insert_move(session, envelope.subject, move)
        kept = answers.get(move.nip)
        destination = move.destination
        same_move = kept is not None and (
            kept["destination_agency"],
            kept["destination_unit"],
            kept["destination_position"],
        ) == (destination.agency_code, destination.unit_code, destination.position_code)
        if kept is not None and same_move and kept["answered"]:
            _record_answer(session, envelope.subject, move.nip, bool(kept["agrees"]))
    _recount(session, envelope)


def _move_added(session: Session, envelope: Envelope) -> None:
    event: TransferPlan.MoveAdded = envelope.event
    _insert_move(session, envelope.subject, event.move)
    _recount(session, envelope)


def _move_removed(session: Session, envelope: Envelope) -> None:
    event: TransferPlan.MoveRemoved = envelope.event
    session.write(
        "DELETE FROM plan_register_moves WHERE plan_id = :id AND nip = :nip",
        {"id": envelope.subject, "nip": event.nip},
    )
    _recount(session, envelope)


def _consultation_opened(session: Session, envelope: Envelope) -> None:
    event: TransferPlan.ConsultationOpened = envelope.event
    _touch(
        session,
        envelope,
        "status = :status, answer_by = :by, ",
        status=PlanStatus.CONSULTING.value,
        by=event.answer_by.isoformat(),
    )


def _record_answer(session: Session, plan_id: str, nip: str, agrees: bool) -> None:
    session.write(
        "UPDATE plan_register_moves SET answered = 1, agrees = :agrees "
        "WHERE plan_id = :id AND nip = :nip",
        {"agrees": int(agrees), "id": plan_id, "nip": nip},
    )


def _answered(session: Session, envelope: Envelope) -> None:
    event: TransferPlan.ConsultationAnswered = envelope.event
    _record_answer(session, envelope.subject, event.nip, event.answer.agrees)
    _touch(session, envelope)


def _status(status: PlanStatus) -> Handler:
    def handle(session: Session, envelope: Envelope) -> None:
        _touch(session, envelope, "status = :status, ", status=status.value)

    return handle


def _launched(session: Session, envelope: Envelope) -> None:
    event: TransferPlan.MovesLaunched = envelope.event
    _touch(
        session,
        envelope,
        "launched = launched + :count, status = CASE WHEN launched + :count >= moves "
        "THEN :done ELSE status END, ",
        count=len(event.outcomes),
        done=PlanStatus.LAUNCHED.value,
    )
