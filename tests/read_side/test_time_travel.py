"""Time travel over long histories: the right version, read through snapshots."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast
from uuid import UUID

from asn_graph.application.commands import (
    RatePerformance,
    RecordBlocker,
    RecordQualifications,
)
from asn_graph.application.moments import Moment
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import SYSTEM_ACTOR
from asn_graph.domain.employee import Employee
from asn_graph.domain.reference import BlockerKind, Education, EducationLevel, PerformanceRating
from asn_graph.projections.rows import AuditFilter
from tests.world import person, register

CHANGES = 260


def test_an_employee_with_a_long_history_is_read_as_of_any_version_and_moment(
    organised: Service,
) -> None:
    employee = person("3578", "BKPSDM", 21)
    register(organised.app, employee)
    base = organised.store.employee(employee.nip).version
    for course in range(CHANGES):
        education = Education(EducationLevel.S1, "Manajemen")
        organised.app.employees.record_qualifications(
            SYSTEM_ACTOR, RecordQualifications(employee.nip, education, (), f"k{course}")
        )
    employee_id = organised.app.employees.id_of(employee.nip)
    assert organised.store.snapshots is not None
    assert list(organised.store.snapshots.get(employee_id)), "long histories are snapshotted"

    travel = organised.app.time_travel
    past = travel.employee(employee.nip, Moment(version=base + 151))
    assert past.view.competency_note == "k150"
    assert past.version == base + 151

    organised.up_to_date()
    trail = organised.read.audit.stream(AuditFilter(originator_id=str(employee_id)))
    rows = [r for r in trail if r.version == base + 200]
    moment = datetime.fromisoformat(rows[0].recorded_at)
    then = travel.employee(employee.nip, Moment(at=moment))
    assert then.version == base + 200
    assert then.view.competency_note == "k199"


def _replayed(service: Service, aggregate_id: UUID) -> object:
    """The aggregate folded from every one of its events, no snapshot used."""
    aggregate: Any = None
    for event in service.store.events.get(aggregate_id):
        aggregate = cast(Any, event).mutate(aggregate)
    return aggregate


def test_an_employee_loaded_through_a_snapshot_is_the_employee_replayed_from_events(
    organised: Service,
) -> None:
    employee = person("3578", "BKPSDM", 22)
    register(organised.app, employee)
    blocker = RecordBlocker(
        employee.nip,
        BlockerKind.DISCIPLINARY_PROCEEDINGS,
        "800/HD/1",
        date(2025, 2, 1),
        "Pemeriksaan",
    )
    organised.app.employees.record_blocker(SYSTEM_ACTOR, blocker)
    for turn in range(120):
        rating = (PerformanceRating.BAIK, PerformanceRating.SANGAT_BAIK)[turn % 2]
        organised.app.employees.rate_performance(
            SYSTEM_ACTOR, RatePerformance(employee.nip, 2020 + turn % 5, rating)
        )
    employee_id = organised.app.employees.id_of(employee.nip)
    assert organised.store.snapshots is not None
    assert list(organised.store.snapshots.get(employee_id)), (
        "the history is long enough to snapshot"
    )

    through_snapshot = organised.store.load(Employee, employee_id, "employee")
    from_events = _replayed(organised, employee_id)

    assert vars(through_snapshot) == vars(from_events)
    assert {type(year) for year in through_snapshot.ratings} == {int}
    assert type(through_snapshot.competencies) is tuple
    assert set(through_snapshot.blockers) == {BlockerKind.DISCIPLINARY_PROCEEDINGS}
