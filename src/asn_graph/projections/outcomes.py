"""Outcomes of moves: for every case that took effect, the employee's performance before and
after, the training done, and the evaluations its schedule asks for (evaluasi berkala mutasi)
with the one that met each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from asn_graph.domain.employee import Employee
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.projections.batch_rows import subjects_of
from asn_graph.projections.database import Session
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.source import Envelope


class OutcomesProjection(ReadModel):
    name = "outcomes"
    version = 3
    """2: the plan a move came from, its evaluations counted, and its evaluation schedule;
    3: the decree in force (its number and date)."""
    tables = ("outcome_ratings", "outcome_moves", "outcome_evaluations")
    statements = (
        """CREATE TABLE IF NOT EXISTS outcome_ratings (
            employee_id TEXT NOT NULL,
            year INTEGER NOT NULL,
            rating TEXT NOT NULL,
            score INTEGER NOT NULL,
            PRIMARY KEY (employee_id, year)
        )""",
        """CREATE TABLE IF NOT EXISTS outcome_moves (
            case_id TEXT PRIMARY KEY,
            seq BIGINT NOT NULL,
            employee_id TEXT NOT NULL,
            nip TEXT NOT NULL,
            transfer_type TEXT NOT NULL,
            origin_agency TEXT NOT NULL,
            origin_unit TEXT NOT NULL,
            destination_agency TEXT NOT NULL,
            destination_unit TEXT NOT NULL,
            effective_on TEXT,
            trainings INTEGER NOT NULL DEFAULT 0,
            training_hours INTEGER NOT NULL DEFAULT 0,
            evaluation_rating TEXT,
            evaluation_score INTEGER,
            evaluated_on TEXT,
            evaluation_summary TEXT,
            evaluations INTEGER NOT NULL DEFAULT 0,
            plan_id TEXT,
            plan_move TEXT,
            decree_number TEXT,
            decree_signed_on TEXT
        )""",
        # One row per evaluation the policy's schedule asks of a move that took effect, made
        # then: opens_on is its due date less the grace period, closes_on the next one's
        # opening (NULL for the last); evaluated_on the earliest evaluation within them.
        """CREATE TABLE IF NOT EXISTS outcome_evaluations (
            case_id TEXT NOT NULL,
            months_after INTEGER NOT NULL,
            opens_on TEXT NOT NULL,
            due_on TEXT NOT NULL,
            closes_on TEXT,
            evaluated_on TEXT,
            PRIMARY KEY (case_id, months_after)
        )""",
    )
    indexes = (
        """CREATE INDEX IF NOT EXISTS outcome_moves_destination
            ON outcome_moves (destination_agency, effective_on)""",
        """CREATE INDEX IF NOT EXISTS outcome_moves_origin
            ON outcome_moves (origin_agency, effective_on)""",
        """CREATE INDEX IF NOT EXISTS outcome_moves_plan
            ON outcome_moves (plan_id, effective_on)""",
        # The worklist's evaluations: those not made whose window has opened (the backlog,
        # a small part of the evaluations still to come).
        """CREATE INDEX IF NOT EXISTS outcome_evaluations_pending
            ON outcome_evaluations (opens_on) WHERE evaluated_on IS NULL""",
    )

    def __init__(self, policy: TransferPolicy) -> None:
        super().__init__()
        self.policy = policy
        self._new_people: set[str] = set()
        self._ratings: dict[tuple[str, int], dict[str, Any]] = {}
        self.on(Employee.PerformanceRated, self._rated)
        self.on(TransferCase.Opened, _opened)
        self.on(TransferCase.DecreeIssued, _decreed)
        self.on(TransferCase.DecreeCorrected, _decreed)
        self.on(TransferCase.DecreeRevoked, _decree_revoked)
        self.on(TransferCase.TookEffect, self._took_effect)
        self.on(TransferCase.TrainingRecorded, _trained)
        self.on(TransferCase.EvaluationRecorded, _evaluated)

    def begin(self, session: Session, envelopes: Sequence[Envelope]) -> None:
        self._new_people = subjects_of(envelopes, Employee.Registered)
        self._ratings.clear()

    def finish(self, session: Session) -> None:
        # Ratings of people registered in this batch cannot be in the table: plain inserts
        # (one COPY), the last rating of a year winning as the upsert would have it.
        for rating in self._ratings.values():
            session.write(
                "INSERT INTO outcome_ratings (employee_id, year, rating, score) "
                "VALUES (:id, :year, :rating, :score)",
                rating,
            )
        self._ratings.clear()

    def _rated(self, session: Session, envelope: Envelope) -> None:
        event: Employee.PerformanceRated = envelope.event
        params = {
            "id": envelope.subject,
            "year": event.year,
            "rating": event.rating.value,
            "score": event.rating.score,
        }
        if envelope.subject in self._new_people:
            self._ratings[envelope.subject, event.year] = params
            return
        session.write(
            "INSERT INTO outcome_ratings (employee_id, year, rating, score) "
            "VALUES (:id, :year, :rating, :score) ON CONFLICT (employee_id, year) "
            "DO UPDATE SET rating = :rating, score = :score",
            params,
        )

    def _took_effect(self, session: Session, envelope: Envelope) -> None:
        event: TransferCase.TookEffect = envelope.event
        session.write(
            "UPDATE outcome_moves SET effective_on = :on WHERE case_id = :id",
            {"on": event.effective_on.isoformat(), "id": envelope.subject},
        )
        for window in self.policy.evaluation_windows(event.effective_on):
            session.write(
                "INSERT INTO outcome_evaluations (case_id, months_after, opens_on, due_on, "
                "closes_on) VALUES (:id, :months, :opens, :due, :closes)",
                {
                    "id": envelope.subject,
                    "months": window.months_after,
                    "opens": window.opens_on.isoformat(),
                    "due": window.due_on.isoformat(),
                    "closes": window.closes_on.isoformat() if window.closes_on else None,
                },
            )


def _opened(session: Session, envelope: Envelope) -> None:
    event: TransferCase.Opened = envelope.event
    session.write(
        "INSERT INTO outcome_moves (case_id, seq, employee_id, nip, transfer_type, "
        "origin_agency, origin_unit, destination_agency, destination_unit, plan_id, "
        "plan_move) VALUES (:id, :seq, :employee, :nip, :type, :origin_agency, :origin_unit, "
        ":destination_agency, :destination_unit, :plan_id, :plan_move)",
        {
            "id": envelope.subject,
            "seq": envelope.position,
            "employee": str(event.employee_id),
            "nip": event.nip,
            "type": event.transfer_type.value,
            "origin_agency": event.origin.agency_code,
            "origin_unit": event.origin.unit_code,
            "destination_agency": event.destination.agency_code,
            "destination_unit": event.destination.unit_code,
            "plan_id": str(event.plan.plan_id) if event.plan else None,
            "plan_move": event.plan.move if event.plan else None,
        },
    )


def _decreed(session: Session, envelope: Envelope) -> None:
    """A decree issued, or corrected (ralat): the move's decree is the one in force."""
    decree = envelope.event.decree
    session.write(
        "UPDATE outcome_moves SET decree_number = :number, decree_signed_on = :signed_on "
        "WHERE case_id = :id",
        {
            "number": decree.number,
            "signed_on": decree.signed_on.isoformat(),
            "id": envelope.subject,
        },
    )


def _decree_revoked(session: Session, envelope: Envelope) -> None:
    session.write(
        "UPDATE outcome_moves SET decree_number = NULL, decree_signed_on = NULL "
        "WHERE case_id = :id",
        {"id": envelope.subject},
    )


def _trained(session: Session, envelope: Envelope) -> None:
    event: TransferCase.TrainingRecorded = envelope.event
    session.write(
        "UPDATE outcome_moves SET trainings = trainings + 1, "
        "training_hours = training_hours + :hours WHERE case_id = :id",
        {"hours": event.training.hours, "id": envelope.subject},
    )


def _evaluated(session: Session, envelope: Envelope) -> None:
    event: TransferCase.EvaluationRecorded = envelope.event
    evaluation = event.evaluation
    evaluated_on = evaluation.evaluated_on.isoformat()
    session.write(
        "UPDATE outcome_moves SET evaluation_rating = :rating, evaluation_score = :score, "
        "evaluated_on = :on, evaluation_summary = :summary, evaluations = evaluations + 1 "
        "WHERE case_id = :id",
        {
            "rating": evaluation.rating.value,
            "score": evaluation.rating.score,
            "on": evaluated_on,
            "summary": evaluation.summary,
            "id": envelope.subject,
        },
    )
    # It meets the scheduled evaluation whose window it falls in (the earliest one made
    # there stands, as in the case's own schedule).
    session.write(
        "UPDATE outcome_evaluations SET evaluated_on = :on WHERE case_id = :id "
        "AND opens_on <= :on AND (closes_on IS NULL OR :on < closes_on) "
        "AND (evaluated_on IS NULL OR :on < evaluated_on)",
        {"on": evaluated_on, "id": envelope.subject},
    )
