"""Outcomes of moves: for every case that took effect, the employee's performance before and
after, the training done and the post-transfer evaluation (evaluasi berkala mutasi)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from asn_graph.domain.employee import Employee
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.projections.batch_rows import subjects_of
from asn_graph.projections.database import Session
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.source import Envelope


class OutcomesProjection(ReadModel):
    name = "outcomes"
    version = 1
    tables = ("outcome_ratings", "outcome_moves")
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
            evaluation_summary TEXT
        )""",
    )
    indexes = (
        """CREATE INDEX IF NOT EXISTS outcome_moves_destination
            ON outcome_moves (destination_agency, effective_on)""",
        """CREATE INDEX IF NOT EXISTS outcome_moves_origin
            ON outcome_moves (origin_agency, effective_on)""",
    )

    def __init__(self) -> None:
        super().__init__()
        self._new_people: set[str] = set()
        self._ratings: dict[tuple[str, int], dict[str, Any]] = {}
        self.on(Employee.PerformanceRated, self._rated)
        self.on(TransferCase.Opened, _opened)
        self.on(TransferCase.TookEffect, _took_effect)
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


def _opened(session: Session, envelope: Envelope) -> None:
    event: TransferCase.Opened = envelope.event
    session.write(
        "INSERT INTO outcome_moves (case_id, seq, employee_id, nip, transfer_type, "
        "origin_agency, origin_unit, destination_agency, destination_unit) VALUES (:id, :seq, "
        ":employee, :nip, :type, :origin_agency, :origin_unit, :destination_agency, "
        ":destination_unit)",
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
        },
    )


def _took_effect(session: Session, envelope: Envelope) -> None:
    event: TransferCase.TookEffect = envelope.event
    session.write(
        "UPDATE outcome_moves SET effective_on = :on WHERE case_id = :id",
        {"on": event.effective_on.isoformat(), "id": envelope.subject},
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
    session.write(
        "UPDATE outcome_moves SET evaluation_rating = :rating, evaluation_score = :score, "
        "evaluated_on = :on, evaluation_summary = :summary WHERE case_id = :id",
        {
            "rating": evaluation.rating.value,
            "score": evaluation.rating.score,
            "on": evaluation.evaluated_on.isoformat(),
            "summary": evaluation.summary,
            "id": envelope.subject,
        },
    )
