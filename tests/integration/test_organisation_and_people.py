"""Use cases of agencies, work units and employees, at the application boundary (no HTTP),
on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from asn_graph.application import commands as c
from asn_graph.application.moments import Moment
from asn_graph.application.views import EmployeeView
from asn_graph.bootstrap import Service
from asn_graph.domain.competencies import HeldCompetency
from asn_graph.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from asn_graph.domain.positions import WorkloadItem
from asn_graph.domain.reference import (
    AgencyKind,
    BlockerKind,
    Education,
    EducationLevel,
    PerformanceRating,
    Rank,
)
from asn_graph.projections.rows import AuditFilter
from tests.conftest import event_count
from tests.integration.conftest import APPROVER, AUDITOR, OFFICER
from tests.world import ANALYST, TODAY, person, register


def test_an_agency_is_registered_and_declares_a_moratorium(service: Service) -> None:
    app = service.app
    officer = OFFICER.__class__("bkpsdm.3579", OFFICER.role, agency="3579")
    registered = app.agencies.register(
        officer, c.RegisterAgency("3579", "Pemerintah Kota Batu", AgencyKind.CITY, "35")
    )
    assert registered.view.code == "3579"
    assert registered.position == service.log.head()
    assert not registered.replayed

    approver = APPROVER.__class__("ppk.3579", APPROVER.role, agency="3579")
    declared = app.agencies.declare_moratorium(
        approver, c.DeclareMoratorium("3579", date(2027, 1, 1), date(2027, 6, 30), " Pilkada ")
    )
    assert [m.basis for m in declared.view.moratoria] == ["Pilkada"]
    assert app.agencies.get("3579") == declared.view


def test_a_unit_gets_positions_and_a_workload_that_sets_its_need(organised: Service) -> None:
    units = organised.app.work_units
    registered = units.register(
        OFFICER, c.RegisterWorkUnit("3578", "APTIKA", "Bidang Aplikasi", "DISKOMINFO")
    )
    assert registered.view.parent_code == "DISKOMINFO"
    units.establish_position(OFFICER, c.EstablishPosition("3578", "APTIKA", ANALYST))
    # 1,000 x 225 min over 1,250 effective hours: three analysts.
    assessed = units.assess_workload(
        OFFICER,
        c.AssessWorkload("3578", "APTIKA", ANALYST.code, (WorkloadItem("Verifikasi", 1000, 225),)),
    )
    (position,) = assessed.view.positions
    assert (position.code, position.staff_needed, position.workload_hours) == (
        ANALYST.code,
        3,
        3750,
    )
    assert position.effective_hours_per_year == 1250
    assert units.get("3578", "aptika") == assessed.view


def test_an_employee_record_changes_through_its_use_cases(organised: Service) -> None:
    employees = organised.app.employees
    who = person("3578", "BKPSDM", 31)
    register(organised.app, who)
    nip = who.nip

    promoted = employees.change_rank(OFFICER, c.ChangeRank(nip, Rank.III_C, TODAY, "Reguler"))
    assert promoted.view.rank is Rank.III_C
    schooled = employees.record_qualifications(
        OFFICER,
        c.RecordQualifications(
            nip, Education(EducationLevel.S2, "Administrasi"), (HeldCompetency("TEK-KEPEG", 4),)
        ),
    )
    assert schooled.view.education.level is EducationLevel.S2
    rated = employees.rate_performance(
        OFFICER, c.RatePerformance(nip, TODAY.year - 1, PerformanceRating.SANGAT_BAIK)
    )
    assert rated.view.ratings[-1] == (TODAY.year - 1, PerformanceRating.SANGAT_BAIK)
    blocked = employees.record_blocker(
        OFFICER,
        c.RecordBlocker(
            nip, BlockerKind.DISCIPLINARY_PROCEEDINGS, " 800/HD/1 ", date(2026, 1, 5), "Inspeksi"
        ),
    )
    assert [(b.kind, b.reference) for b in blocked.view.blockers] == [
        (BlockerKind.DISCIPLINARY_PROCEEDINGS, "800/HD/1")
    ]
    lifted = employees.lift_blocker(
        OFFICER, c.LiftBlocker(nip, BlockerKind.DISCIPLINARY_PROCEEDINGS, "Selesai")
    )
    assert lifted.view.blockers == ()
    assert employees.get(nip) == lifted.view
    assert employees.view_by_id(employees.id_of(nip)) == lifted.view


def test_views_are_immutable(organised: Service) -> None:
    who = person("3578", "BKPSDM", 32)
    register(organised.app, who)
    view: EmployeeView = organised.app.employees.get(who.nip)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.name = "Lain"  # type: ignore[misc]


def test_refused_commands_record_nothing(organised: Service) -> None:
    app = organised.app
    who = person("3578", "BKPSDM", 33)
    register(app, who)
    before = event_count(organised)
    with pytest.raises(Forbidden):
        app.employees.change_rank(AUDITOR, c.ChangeRank(who.nip, Rank.IV_A, TODAY, "Reguler"))
    with pytest.raises(NotFound):
        app.work_units.register(OFFICER, c.RegisterWorkUnit("3578", "X", "Unit X", "NOPE"))
    empty = c.AssessWorkload("3578", "BKPSDM", ANALYST.code, ())
    with pytest.raises(InvalidInput):
        app.work_units.assess_workload(OFFICER, empty)
    with pytest.raises(InvalidInput):
        app.employees.lift_blocker(OFFICER, c.LiftBlocker(who.nip, BlockerKind.STUDY_LEAVE, "-"))
    with pytest.raises(Conflict):
        register(app, who)
    assert event_count(organised) == before


def test_a_retry_with_the_same_key_is_answered_with_the_first_result(organised: Service) -> None:
    employees = organised.app.employees
    who = person("3578", "BKPSDM", 34)
    register(organised.app, who)
    command = c.ChangeRank(who.nip, Rank.III_D, TODAY, "Reguler")
    first = employees.change_rank(OFFICER, command, idempotency_key="rank-34")
    events = event_count(organised)
    again = employees.change_rank(OFFICER, command, idempotency_key="rank-34")
    assert again.replayed
    assert not first.replayed
    assert again.view == first.view
    assert event_count(organised) == events
    with pytest.raises(InvalidInput) as refused:
        employees.change_rank(
            OFFICER, c.ChangeRank(who.nip, Rank.IV_A, TODAY, "Lain"), idempotency_key="rank-34"
        )
    assert refused.value.field == "idempotencyKey"
    assert event_count(organised) == events


def test_an_employee_and_a_unit_are_read_as_they_stood(organised: Service) -> None:
    app = organised.app
    who = person("3578", "BKPSDM", 35)
    register(app, who)
    registered = app.time_travel.employee(who.nip, Moment(version=1))
    app.employees.change_rank(OFFICER, c.ChangeRank(who.nip, Rank.IV_A, TODAY, "Reguler"))
    organised.up_to_date()
    now = app.employees.get(who.nip)
    (latest,) = [
        row
        for row in organised.read.audit.stream(AuditFilter(originator_id=str(now.id)))
        if row.event_type == "asn-graph/employee/rank-changed"
    ]
    promoted_at = datetime.fromisoformat(latest.recorded_at)

    assert registered.view.rank is Rank.III_B
    before = app.time_travel.employee(who.nip, Moment(at=promoted_at - timedelta(microseconds=1)))
    assert before.view.rank is Rank.III_B
    after = app.time_travel.employee(who.nip, Moment(at=promoted_at))
    assert after.view.rank is Rank.IV_A
    assert after.version == latest.version
    with pytest.raises(NotFound):
        app.time_travel.employee(who.nip, Moment(at=datetime(2000, 1, 1, tzinfo=UTC)))

    unit = app.time_travel.work_unit("3578", "bkpsdm", Moment(version=1))
    assert unit.view.positions == ()
    assert app.work_units.get("3578", "BKPSDM").positions
