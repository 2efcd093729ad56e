"""The talent pool read model's handlers, on events given directly: plan consultations are
read by their topic, in plain form."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import uuid4

import orjson
import pytest
from eventsourcing.utils import get_topic

from asn_graph.domain.employee import Employee
from asn_graph.projections.source import Envelope
from asn_graph.projections.sqlite_database import SQLiteDatabase
from asn_graph.projections.talent_pool import CONSULTATION_ANSWERED, TalentPoolProjection
from tests.unit.builders import NIP, employee


@pytest.fixture
def database(tmp_path: Path) -> Iterator[SQLiteDatabase]:
    database = SQLiteDatabase(str(tmp_path / "views.sqlite3"))
    with database.transaction(write=True) as session:
        TalentPoolProjection().create_tables(session)
    yield database
    database.close()


def envelopes_of(person: Employee, start: int) -> list[Envelope]:
    return [
        Envelope(
            position=start + number,
            originator_id=event.originator_id,
            originator_version=event.originator_version,
            topic=get_topic(type(event)),
            state=b"",
            event=event,
            subject=str(event.originator_id),
            plain=None,
        )
        for number, event in enumerate(person.collect_events())
    ]


def consultation_answered(position: int, nip: str, answer: dict[str, Any]) -> Envelope:
    """The event of a plan as its plain JSON form gives it: no plan class needed."""
    plan_id = uuid4()
    return Envelope(
        position=position,
        originator_id=plan_id,
        originator_version=7,
        topic=CONSULTATION_ANSWERED,
        state=b"",
        event=None,
        subject=str(plan_id),
        plain={
            "nip": nip,
            "answer": answer,
            "actor": {"id": nip, "role": "employee", "agency": None, "nip": nip},
            "reason": "",
            "timestamp": "2026-11-23T02:00:00+00:00",
        },
    )


def project(database: SQLiteDatabase, envelopes: list[Envelope]) -> None:
    model = TalentPoolProjection()
    with database.transaction(write=True) as session:
        model.begin(session, envelopes)
        for envelope in envelopes:
            model.apply(session, envelope)
        model.finish(session)


def preferences(database: SQLiteDatabase) -> tuple[Any, int]:
    row = database.query(
        "SELECT preferences, seq FROM talent_employees WHERE nip = :nip", {"nip": NIP}
    )
    return orjson.loads(row[0]["preferences"]), row[0]["seq"]


def objection(units: list[dict[str, str]], kinds: list[str]) -> dict[str, Any]:
    return {
        "agrees": False,
        "preferences": {"units": units, "position_kinds": kinds},
        "reason": "FAMILY",
        "note": "Merawat orang tua di Sidoarjo",
        "answered_on": "2026-11-20",
    }


def test_a_consultation_answer_gives_the_employees_latest_preferences(
    database: SQLiteDatabase,
) -> None:
    registered = envelopes_of(employee(), 1)
    sidoarjo = {"agency_code": "3515", "unit_code": "DISKOMINFO"}
    first = consultation_answered(10, NIP, objection([sidoarjo], ["AHLI_PERTAMA"]))
    project(database, [*registered, first])

    assert preferences(database) == (
        {"units": [["3515", "DISKOMINFO"]], "position_kinds": ["AHLI_PERTAMA"]},
        10,
    )

    later = {**objection([], ["PELAKSANA"]), "agrees": True, "reason": None}
    project(database, [consultation_answered(12, NIP, later)])
    assert preferences(database) == ({"units": [], "position_kinds": ["PELAKSANA"]}, 12)


def test_an_answer_of_someone_not_in_the_pool_changes_nothing(database: SQLiteDatabase) -> None:
    project(database, envelopes_of(employee(), 1))
    before = database.query("SELECT * FROM talent_employees")
    project(database, [consultation_answered(9, "199901012020011001", objection([], ["PEMULA"]))])
    assert database.query("SELECT * FROM talent_employees") == before


def test_the_model_reads_plan_answers_by_topic_in_plain_form() -> None:
    model = TalentPoolProjection()
    assert model.keeps_topic(CONSULTATION_ANSWERED)
    assert not model.keeps_topic("asn-graph/transfer-plan/approved")
