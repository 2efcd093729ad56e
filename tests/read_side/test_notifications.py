"""The employees' inboxes, kept by the notifications projection, on SQLite and PostgreSQL:
what gives a notification to whom, read marks, and a rebuild giving the same inbox with the
marks kept."""

from __future__ import annotations

from datetime import date

from asn_graph.api.auth import actor_of
from asn_graph.application import commands as c
from asn_graph.application import plan_commands as pc
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import SYSTEM_ACTOR, Actor, Role
from asn_graph.domain.case_records import Evaluation, Handover
from asn_graph.domain.reference import PerformanceRating
from asn_graph.domain.transfer_types import Initiative
from asn_graph.projections.catalog import read_models
from asn_graph.projections.notifications import NotificationsProjection
from asn_graph.projections.rebuild import Rebuild
from asn_graph.projections.rows import NotificationRow
from tests.notification_world import (
    APPROVER,
    DESTINATION,
    OFFICER,
    approve,
    decree,
    employee_actor,
    propose,
    submit,
)
from tests.planning_world import CITY, HEALTH, PLAN_SCOPE, build_planning_world
from tests.world import TODAY, person, register

FAR_AHEAD = "2099-12-31"


def inbox(service: Service, nip: str, today: str = TODAY.isoformat()) -> list[NotificationRow]:
    service.projector.catch_up()
    return list(service.read.notifications.inbox(nip, today, 200, None).rows)


def kinds(rows: list[NotificationRow]) -> list[tuple[str, str | None]]:
    """Oldest first, as they happened."""
    return [(row.kind, row.state) for row in reversed(rows)]


def test_a_case_tells_its_employee_each_stage_but_not_what_they_did_themselves(
    organised: Service,
) -> None:
    who = person("3578", "DISKOMINFO", 61)
    other = person("3578", "DISKOMINFO", 62)
    register(organised.app, who)
    register(organised.app, other)
    case = propose(organised, who)
    organised.app.cases.answer_proposal(
        employee_actor(who.nip), c.AnswerProposal(case.id, True, (), "")
    )
    case = submit(organised, case)
    approve(organised, case)

    assert kinds(inbox(organised, who.nip)) == [
        ("PROPOSAL_AWAITING_ANSWER", "DRAFT"),
        ("STAGE_CHANGED", "SUBMITTED"),
        ("STAGE_CHANGED", "IN_APPROVAL"),
        ("STAGE_CHANGED", "AWAITING_DECREE"),
    ]
    decided = inbox(organised, who.nip)[0]
    assert decided.step == "REVIEW_BOARD"
    assert decided.case_id == str(case.id)
    assert inbox(organised, other.nip) == []

    # Their own request, opened and withdrawn by them: nothing to tell them.
    own = employee_actor(other.nip)
    request = c.OpenCase(other.nip, DESTINATION, Initiative.OWN_REQUEST, "Ikut suami")
    opened = organised.app.cases.open(own, request).view
    organised.app.cases.withdraw(own, c.WithdrawCase(opened.id, "Batal pindah"))
    assert inbox(organised, other.nip) == []


def test_the_decree_and_the_evaluations_of_the_schedule_from_the_day_each_window_opens(
    organised: Service,
) -> None:
    who = person("3578", "DISKOMINFO", 63)
    register(organised.app, who)
    cases = organised.app.cases
    case = approve(organised, submit(organised, propose(organised, who)))
    handover = Handover(None, "Plt. Kasubbag", date(2026, 10, 30), "Diserahkan")
    cases.record_handover(OFFICER, c.RecordHandover(case.id, handover))
    cases.issue_decree(APPROVER, c.IssueDecree(case.id, decree("821/7/2026")))
    cases.record_installation(OFFICER, c.RecordInstallation(case.id, date(2026, 11, 10)))
    cases.take_effect(OFFICER, c.TakeEffect(case.id))

    now = inbox(organised, who.nip)
    issued = next(row for row in now if row.kind == "DECREE_ISSUED")
    assert (issued.decree_number, issued.state) == ("821/7/2026", "DECREE_ISSUED")
    assert not any(row.kind == "EVALUATION_DUE" for row in now)

    # TMT 2026-11-16: evaluations due 6 and 12 months on, each shown 30 days before.
    later = [row for row in inbox(organised, who.nip, FAR_AHEAD) if row.kind == "EVALUATION_DUE"]
    assert sorted((row.shown_on, row.due_on) for row in later) == [
        ("2027-04-16", "2027-05-16"),
        ("2027-10-17", "2027-11-16"),
    ]
    in_first_window = inbox(organised, who.nip, "2027-05-01")
    assert [row.due_on for row in in_first_window if row.kind == "EVALUATION_DUE"] == ["2027-05-16"]

    evaluation = Evaluation(PerformanceRating.BAIK, date(2027, 5, 2), "Adaptasi baik")
    cases.record_evaluation(OFFICER, c.RecordEvaluation(case.id, evaluation))
    remaining = [
        row.due_on for row in inbox(organised, who.nip, FAR_AHEAD) if row.kind == "EVALUATION_DUE"
    ]
    assert remaining == ["2027-11-16"]


def test_marks_are_the_employees_own_and_survive_a_rebuild_of_the_same_inbox(
    organised: Service,
) -> None:
    who = person("3578", "DISKOMINFO", 64)
    other = person("3578", "DISKOMINFO", 65)
    register(organised.app, who)
    register(organised.app, other)
    submit(organised, propose(organised, who))
    submit(organised, propose(organised, other))
    reads = organised.read.notifications
    today = TODAY.isoformat()
    first, second = inbox(organised, who.nip)
    theirs = inbox(organised, other.nip)[0]

    assert reads.mark_read(who.nip, today, [first.seq, theirs.seq], "2026-11-23T10:00:00") == 1
    assert reads.mark_read(who.nip, today, [first.seq], "2026-11-23T10:01:00") == 0
    assert reads.unread_count(who.nip, today) == 1
    assert reads.unread_count(other.nip, today) == 2
    unread = reads.inbox(who.nip, today, 10, None, unread_only=True).rows
    assert [row.seq for row in unread] == [second.seq]

    before = inbox(organised, who.nip)
    models = [
        m for m in read_models(organised.store.policy, "Asia/Jakarta") if m.name == "notifications"
    ]
    assert isinstance(models[0], NotificationsProjection)
    Rebuild(organised.log, organised.staging(), models).run(restart=True)
    assert inbox(organised, who.nip) == before
    assert [row.is_read for row in before] == [1, 0]

    assert reads.mark_read(who.nip, today, None, "2026-11-23T11:00:00") == 1
    assert reads.unread_count(who.nip, today) == 0


def test_a_plan_consultation_asks_each_employee_of_its_moves(organised: Service) -> None:
    world = build_planning_world(organised.app)
    plans = organised.app.plans
    draft = pc.DraftPlan(CITY, "Penataan 2027", date(2027, 1, 1), date(2027, 6, 30), PLAN_SCOPE)
    officer = Actor("budi.bkpsdm", Role.OFFICER, agency=CITY)
    plan_id = plans.draft(officer, draft).view.id
    plans.add_move(officer, pc.AddPlanMove(plan_id, world.nurse.nip, HEALTH))
    plans.open_consultation(officer, pc.OpenPlanConsultation(plan_id, date(2026, 12, 7)))

    (asked,) = inbox(organised, world.nurse.nip)
    assert (asked.kind, asked.plan_id, asked.plan_title, asked.due_on) == (
        "CONSULTATION_AWAITING_ANSWER",
        str(plan_id),
        "Penataan 2027",
        "2026-12-07",
    )
    assert inbox(organised, world.programmer.nip) == []


def test_an_employees_account_and_its_address(organised: Service) -> None:
    who = person("3578", "DISKOMINFO", 67)
    register(organised.app, who)
    accounts = organised.app.local_accounts
    claims = employee_actor(who.nip)
    account = actor_of("sari", Role.EMPLOYEE, None, who.nip)
    accounts.add(SYSTEM_ACTOR, account, "kata-sandi-sari-2026", "", email="sari@example.go.id")
    organised.projector.catch_up()
    rows = organised.views.query("SELECT nip, email, disabled FROM notification_accounts")
    assert rows == [{"nip": claims.nip, "email": "sari@example.go.id", "disabled": 0}]
    accounts.set_email(SYSTEM_ACTOR, "sari", None)
    accounts.disable(SYSTEM_ACTOR, "sari", "pindah")
    organised.projector.catch_up()
    rows = organised.views.query("SELECT nip, email, disabled FROM notification_accounts")
    assert rows == [{"nip": claims.nip, "email": None, "disabled": 1}]
