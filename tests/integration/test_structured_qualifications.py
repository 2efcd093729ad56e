"""Competencies by code and level, talent data, and records stored before either existed, on
SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import StoredEvent

from asn_graph.application import commands as c
from asn_graph.bootstrap import Service
from asn_graph.domain.competencies import HeldCompetency, RequiredCompetency
from asn_graph.domain.employee import Employee
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.positions import Position
from asn_graph.domain.reference import Education, EducationLevel, PerformanceRating, PositionKind
from asn_graph.domain.talent import Potential
from asn_graph.domain.work_unit import WorkUnit
from tests.conftest import event_count
from tests.integration.conftest import OFFICER
from tests.world import TODAY, person, register


def _stored_as_before(service: Service, originator_id: UUID, edit: Any) -> UUID:
    """A copy of an aggregate's stored events under a new id, each state changed by ``edit``
    the way an earlier release stored it."""
    transcoder = service.store.mapper.transcoder
    copy = uuid4()
    stored = []
    for event in service.store.recorder.select_events(originator_id):
        state = transcoder.decode(event.state)
        edit(event.topic, state)
        stored.append(
            StoredEvent(copy, event.originator_version, event.topic, transcoder.encode(state))
        )
    service.store.recorder.insert_events(stored)
    return copy


def test_an_employee_recorded_with_free_text_competencies_loads_with_codes(
    organised: Service,
) -> None:
    who = person("3578", "BKPSDM", 51)
    register(organised.app, who)
    education = Education(EducationLevel.S1, "Manajemen")
    organised.app.employees.record_qualifications(
        OFFICER, c.RecordQualifications(who.nip, education, (HeldCompetency("TEK-APL", 4),))
    )

    def as_free_text(topic: str, state: dict[str, Any]) -> None:
        if "competencies" in state:
            state.pop("class_version")
            state.pop("competency_note")
            state["competencies"] = ["Manajemen Kepegawaian", "menjahit"]

    employee_id = organised.app.employees.id_of(who.nip)
    old: object = organised.store.repository.get(
        _stored_as_before(organised, employee_id, as_free_text)
    )

    assert isinstance(old, Employee)
    assert old.competencies == (HeldCompetency("TEK-KEPEG", 1),)
    assert old.competency_note == "menjahit"
    assert old.potentials == {}


def test_a_position_recorded_with_free_text_competencies_loads_with_codes(
    organised: Service,
) -> None:
    unit = organised.store.work_unit("3578", "BKPSDM")

    def as_free_text(topic: str, state: dict[str, Any]) -> None:
        position = state.get("position")
        if isinstance(position, Position):
            state["position"] = _position_with_text(position, ["kepegawaian", "Komunikasi"])

    old: object = organised.store.repository.get(
        _stored_as_before(organised, unit.id, as_free_text)
    )

    assert isinstance(old, WorkUnit)
    assert old.position("ANALIS-SDM").required_competencies == (
        RequiredCompetency("MNJ-KOM", 1),
        RequiredCompetency("TEK-KEPEG", 1),
    )


def _position_with_text(position: Position, texts: list[str]) -> Position:
    legacy: Any = object.__new__(Position)
    legacy.__dict__.update({**vars(position), "required_competencies": texts})
    return legacy  # type: ignore[no-any-return]


def test_potential_is_recorded_by_year_and_placed_on_the_nine_box(organised: Service) -> None:
    who = person("3578", "BKPSDM", 52)
    register(organised.app, who, ratings=PerformanceRating.SANGAT_BAIK)
    year = TODAY.year - 1

    assessed = organised.app.employees.assess_potential(
        OFFICER, c.AssessPotential(who.nip, year, Potential.TINGGI)
    )

    (talent,) = assessed.view.talent
    assert (talent.year, talent.potential, talent.box) == (year, Potential.TINGGI, 9)
    before = event_count(organised)
    with pytest.raises(InvalidInput, match="talent year"):
        organised.app.employees.assess_potential(
            OFFICER, c.AssessPotential(who.nip, TODAY.year + 1, Potential.RENDAH)
        )
    assert event_count(organised) == before


def test_a_position_asks_for_competencies_at_levels(organised: Service) -> None:
    wanted = (RequiredCompetency("TEK-APL", 3), RequiredCompetency("MNJ-KS", 2))
    position = Position(
        "PRAKOM",
        "Pranata Komputer Ahli Pertama",
        PositionKind.AHLI_PERTAMA,
        8,
        Education(EducationLevel.S1, "komputer"),
        wanted,
    )
    unit = organised.app.work_units.establish_position(
        OFFICER, c.EstablishPosition("3578", "BKPSDM", position)
    ).view
    (established,) = [p for p in unit.positions if p.code == "PRAKOM"]
    assert established.required_competencies == tuple(sorted(wanted, key=lambda r: r.code))
