"""The employees' inboxes (kotak notifikasi): what each employee, by NIP, is told of their
cases, proposals, plan consultations, decrees and evaluations, made from the event log.

Read marks are read-model state, not events. That a person opened their inbox is neither
an act of the transfer procedure nor something an auditor must replay: the legal record (the
event log, its audit chain and every export) keeps what was decided, by whom and why, and
an inbox's marks would fill it with clicks that decide nothing, for ever, since events are
never removed. So the marks live in a table beside the inbox (``notification_reads``), keyed
by the notification's id; an id is made from the log position of the event that gave the
notification (``seq``), which a rebuild gives again, so marks survive a rebuild although the
table is not rebuilt from the log (and is not one of the model's ``tables``: neither
dropped nor replaced). The e-mail outbox is kept beside it in the same way
(``notification_mail``, see ``notification_mail``): what was mailed is a fact of this
server, not of the record.

What gives a notification, to the case's employee:

- a case of theirs moving to another state or approval step (``STAGE_CHANGED``), except by
  their own hand (withdrawing their request, say): one is not told of what one just did;
- an agency's proposal asking their answer (``PROPOSAL_AWAITING_ANSWER``), unless the plan
  it came from already had their answer;
- a plan's consultation on a move it proposes them (``CONSULTATION_AWAITING_ANSWER``);
- the decree signed or corrected (``DECREE_ISSUED``, ``DECREE_CORRECTED``);
- each evaluation of the policy's schedule after the TMT (``EVALUATION_DUE``), shown from the
  day its window opens (a ``scheduled`` notification: the others show at once); an evaluation
  made within a window takes its notice away.

Local accounts with an employee's NIP are kept too, with the address their notifications
are mailed to (``notification_accounts``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.local_account import LocalAccount
from asn_graph.domain.notifications import NotificationKind
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_plan import TransferPlan
from asn_graph.domain.transfer_types import Initiative
from asn_graph.projections.batch_rows import BatchRows, subjects_of
from asn_graph.projections.database import Session
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.source import Envelope

NOTICES_PER_EVENT = 16
"""A notification's id is ``position * NOTICES_PER_EVENT + n``: an event gives one person at
most this many notifications (a move's evaluations, one per window of the schedule)."""

BESIDE_TABLES = ("notification_reads", "notification_mail", "notification_mail_start")
"""Kept beside the inbox, never rebuilt: read marks and the e-mail outbox."""

_INSERT = (
    "INSERT INTO notifications (nip, seq, kind, shown_on, recorded_at, case_id, plan_id, "
    "state, step, decree_number, plan_title, due_on, until_on, scheduled) VALUES (:nip, :seq, "
    ":kind, :shown_on, :recorded_at, :case_id, :plan_id, :state, :step, :decree_number, "
    ":plan_title, :due_on, :until_on, :scheduled)"
)


class NotificationsProjection(ReadModel):
    name = "notifications"
    version = 1
    tables = (
        "notifications",
        "notification_cases",
        "notification_plans",
        "notification_plan_moves",
        "notification_accounts",
    )
    statements = (
        """CREATE TABLE IF NOT EXISTS notifications (
            nip TEXT NOT NULL,
            seq BIGINT NOT NULL,
            kind TEXT NOT NULL,
            shown_on TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            case_id TEXT,
            plan_id TEXT,
            state TEXT,
            step TEXT,
            decree_number TEXT,
            plan_title TEXT,
            due_on TEXT,
            until_on TEXT,
            scheduled INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (nip, seq)
        )""",
        """CREATE TABLE IF NOT EXISTS notification_cases (
            id TEXT PRIMARY KEY,
            nip TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS notification_plans (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS notification_plan_moves (
            plan_id TEXT NOT NULL,
            nip TEXT NOT NULL,
            PRIMARY KEY (plan_id, nip)
        )""",
        """CREATE TABLE IF NOT EXISTS notification_accounts (
            id TEXT PRIMARY KEY,
            nip TEXT NOT NULL,
            email TEXT,
            disabled INTEGER NOT NULL DEFAULT 0
        )""",
        # Beside the inbox (BESIDE_TABLES): not rebuilt, see the module's docstring.
        """CREATE TABLE IF NOT EXISTS notification_reads (
            nip TEXT NOT NULL,
            seq BIGINT NOT NULL,
            read_at TEXT NOT NULL,
            PRIMARY KEY (nip, seq)
        )""",
        """CREATE TABLE IF NOT EXISTS notification_mail (
            nip TEXT NOT NULL,
            seq BIGINT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            lease_until TEXT,
            sent_at TEXT,
            recipients TEXT,
            last_error TEXT,
            PRIMARY KEY (nip, seq)
        )""",
        """CREATE TABLE IF NOT EXISTS notification_mail_start (
            id INTEGER PRIMARY KEY,
            since TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS notification_mail_unsent ON notification_mail (sent_at)",
    )
    indexes = (
        "CREATE INDEX IF NOT EXISTS notifications_inbox ON notifications (nip, shown_on, seq)",
        "CREATE INDEX IF NOT EXISTS notifications_case ON notifications (case_id, kind)",
        "CREATE INDEX IF NOT EXISTS notifications_shown ON notifications (shown_on, seq)",
        "CREATE INDEX IF NOT EXISTS notification_accounts_nip ON notification_accounts (nip)",
    )

    def __init__(self, policy: TransferPolicy, timezone: str) -> None:
        super().__init__()
        self.policy = policy
        self.zone = ZoneInfo(timezone)
        self._cases = BatchRows("notification_cases", "id", ("id", "nip"))
        self.on(TransferCase.Opened, self._opened)
        self.on(TransferCase.Transitioned, self._transitioned)
        self.on(TransferCase.DecreeIssued, self._decree(NotificationKind.DECREE_ISSUED))
        self.on(TransferCase.DecreeCorrected, self._decree(NotificationKind.DECREE_CORRECTED))
        self.on(TransferCase.TookEffect, self._took_effect)
        self.on(TransferCase.EvaluationRecorded, self._evaluated)
        self.on(TransferPlan.Drafted, _plan_drafted)
        self.on(TransferPlan.Proposed, _plan_proposed)
        self.on(TransferPlan.MoveAdded, _move_added)
        self.on(TransferPlan.MoveRemoved, _move_removed)
        self.on(TransferPlan.ConsultationOpened, self._consultation_opened)
        self.on(LocalAccount.Added, _account_added)
        self.on(LocalAccount.EmailAddressSet, _email_set)
        self.on(LocalAccount.Disabled, _account_disabled)

    def begin(self, session: Session, envelopes: Sequence[Envelope]) -> None:
        self._cases.begin()
        opened = subjects_of(envelopes, TransferCase.Opened)
        self._cases.load(
            session,
            (
                e.subject
                for e in envelopes
                if isinstance(e.event, TransferCase.Event) and e.subject not in opened
            ),
        )

    def finish(self, session: Session) -> None:
        self._cases.write(session)

    def _day(self, at: datetime) -> str:
        return at.astimezone(self.zone).date().isoformat()

    def _notify(self, session: Session, envelope: Envelope, nip: str, **row: Any) -> None:
        at: datetime = envelope.event.timestamp
        values = {
            "nip": nip,
            "seq": envelope.position * NOTICES_PER_EVENT,
            "shown_on": self._day(at),
            "recorded_at": at.isoformat(),
            "case_id": None,
            "plan_id": None,
            "state": None,
            "step": None,
            "decree_number": None,
            "plan_title": None,
            "due_on": None,
            "until_on": None,
            "scheduled": 0,
        }
        values.update(row)
        session.write(_INSERT, values)

    def _employee_of(self, envelope: Envelope) -> str | None:
        """The NIP of the case's employee, unless the event is their own doing."""
        case = self._cases.get(envelope.subject)
        if case is None:
            return None
        actor: Actor = envelope.event.actor
        if actor.role is Role.EMPLOYEE and actor.nip == case["nip"]:
            return None
        nip: str = case["nip"]
        return nip

    def _opened(self, session: Session, envelope: Envelope) -> None:
        event: TransferCase.Opened = envelope.event
        self._cases.insert({"id": envelope.subject, "nip": event.nip})
        answered = event.plan is not None and event.plan.answer is not None
        if event.initiative is Initiative.AGENCY_INTEREST and not answered:
            nip = self._employee_of(envelope)
            if nip is not None:
                self._notify(
                    session,
                    envelope,
                    nip,
                    kind=NotificationKind.PROPOSAL_AWAITING_ANSWER.value,
                    case_id=envelope.subject,
                    state=CaseState.DRAFT.value,
                )

    def _transitioned(self, session: Session, envelope: Envelope) -> None:
        event: TransferCase.Transitioned = envelope.event
        nip = self._employee_of(envelope)
        if nip is None:
            return
        approval = getattr(event, "approval", None)
        self._notify(
            session,
            envelope,
            nip,
            kind=NotificationKind.STAGE_CHANGED.value,
            case_id=envelope.subject,
            state=event.state.value,
            step=approval.step.value if approval is not None else None,
        )

    def _decree(self, kind: NotificationKind) -> Any:
        def handle(session: Session, envelope: Envelope) -> None:
            nip = self._employee_of(envelope)
            if nip is None:
                return
            event = envelope.event
            state = getattr(event, "state", None)
            self._notify(
                session,
                envelope,
                nip,
                kind=kind.value,
                case_id=envelope.subject,
                state=state.value if state is not None else None,
                decree_number=event.decree.number,
            )

        return handle

    def _took_effect(self, session: Session, envelope: Envelope) -> None:
        self._transitioned(session, envelope)
        case = self._cases.get(envelope.subject)
        if case is None:
            return
        event: TransferCase.TookEffect = envelope.event
        for n, window in enumerate(self.policy.evaluation_windows(event.effective_on), start=1):
            if n >= NOTICES_PER_EVENT:
                break
            self._notify(
                session,
                envelope,
                case["nip"],
                seq=envelope.position * NOTICES_PER_EVENT + n,
                kind=NotificationKind.EVALUATION_DUE.value,
                case_id=envelope.subject,
                shown_on=window.opens_on.isoformat(),
                due_on=window.due_on.isoformat(),
                until_on=window.closes_on.isoformat() if window.closes_on else None,
                scheduled=1,
            )

    def _evaluated(self, session: Session, envelope: Envelope) -> None:
        event: TransferCase.EvaluationRecorded = envelope.event
        session.write(
            "DELETE FROM notifications WHERE case_id = :case AND kind = :kind "
            "AND shown_on <= :on AND (until_on IS NULL OR :on < until_on)",
            {
                "case": envelope.subject,
                "kind": NotificationKind.EVALUATION_DUE.value,
                "on": event.evaluation.evaluated_on.isoformat(),
            },
        )

    def _consultation_opened(self, session: Session, envelope: Envelope) -> None:
        event: TransferPlan.ConsultationOpened = envelope.event
        rows = session.execute(
            "SELECT m.nip, p.title FROM notification_plan_moves m "
            "JOIN notification_plans p ON p.id = m.plan_id WHERE m.plan_id = :id ORDER BY m.nip",
            {"id": envelope.subject},
        )
        for row in rows:
            self._notify(
                session,
                envelope,
                row["nip"],
                kind=NotificationKind.CONSULTATION_AWAITING_ANSWER.value,
                plan_id=envelope.subject,
                plan_title=row["title"],
                due_on=event.answer_by.isoformat(),
            )


def _plan_drafted(session: Session, envelope: Envelope) -> None:
    event: TransferPlan.Drafted = envelope.event
    session.write(
        "INSERT INTO notification_plans (id, title) VALUES (:id, :title)",
        {"id": envelope.subject, "title": event.title},
    )


def _insert_move(session: Session, plan_id: str, nip: str) -> None:
    session.write(
        "INSERT INTO notification_plan_moves (plan_id, nip) VALUES (:plan, :nip) "
        "ON CONFLICT (plan_id, nip) DO NOTHING",
        {"plan": plan_id, "nip": nip},
    )


def _plan_proposed(session: Session, envelope: Envelope) -> None:
    event: TransferPlan.Proposed = envelope.event
    session.write(
        "DELETE FROM notification_plan_moves WHERE plan_id = :id", {"id": envelope.subject}
    )
    for move in event.moves:
        _insert_move(session, envelope.subject, move.nip)


def _move_added(session: Session, envelope: Envelope) -> None:
    event: TransferPlan.MoveAdded = envelope.event
    _insert_move(session, envelope.subject, event.move.nip)


def _move_removed(session: Session, envelope: Envelope) -> None:
    event: TransferPlan.MoveRemoved = envelope.event
    session.write(
        "DELETE FROM notification_plan_moves WHERE plan_id = :id AND nip = :nip",
        {"id": envelope.subject, "nip": event.nip},
    )


def _account_added(session: Session, envelope: Envelope) -> None:
    event: LocalAccount.Added = envelope.event
    if event.nip:
        session.write(
            "INSERT INTO notification_accounts (id, nip) VALUES (:id, :nip)",
            {"id": envelope.subject, "nip": event.nip},
        )


def _email_set(session: Session, envelope: Envelope) -> None:
    event: LocalAccount.EmailAddressSet = envelope.event
    session.write(
        "UPDATE notification_accounts SET email = :email WHERE id = :id",
        {"id": envelope.subject, "email": event.address},
    )


def _account_disabled(session: Session, envelope: Envelope) -> None:
    session.write(
        "UPDATE notification_accounts SET disabled = 1 WHERE id = :id", {"id": envelope.subject}
    )
