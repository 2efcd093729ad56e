"""E-mail of the employees' notifications, through the SMTP server of the settings: a
background sender that follows the inbox (``notifications``), never a request.

Each notification is mailed once: its row in ``notification_mail`` (beside the inbox, not
rebuilt) says when it was sent, so neither a restart nor a rebuild of the inbox, which gives
the notifications their ids again, mails it twice. A server that is down or refuses loses
nothing and blocks nothing: the attempt is counted and the notification is tried again
later, each time a little later, while the others go on. Several processes may send (two API
processes on one PostgreSQL): each claims a notification for a while (a lease) before
sending it, and only one claim succeeds. What remains is the moment between the server's
acceptance and the row's commit: a process killed exactly then sends that message again on
its next start; its Message-ID is the same, so a mail system that keeps them can tell.

Only notifications shown from the day mail was first sent from this store are mailed: turning
e-mail on does not send the whole history of the log.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.utils import formataddr
from typing import Any
from urllib.parse import urlparse

from asn_graph.domain.names import name_of_code
from asn_graph.projections.database import Database, Row
from asn_graph.settings import SmtpSecurity, SmtpSettings

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
"""How long a claim keeps other senders off a notification (longer than one SMTP exchange)."""
LONGEST_WAIT = timedelta(hours=1)
"""The longest pause between two attempts at one notification."""
BATCH = 50


@dataclass(frozen=True)
class Outcome:
    sent: int
    failed: int


def _stamp(moment: datetime) -> str:
    """A moment as text that sorts as time does (UTC, fixed width)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class NotificationMailer:
    def __init__(
        self,
        database: Database,
        smtp: SmtpSettings,
        public_url: str,
        today: Callable[[], date],
        *,
        poll_interval: float = 2.0,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.database = database
        self.smtp = smtp
        self.public_url = public_url.rstrip("/")
        self.today = today
        self.poll_interval = poll_interval
        self.now = now
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._domain = urlparse(self.public_url).hostname or "asn-graph"

    # The background thread.

    def start(self) -> None:
        if self._thread is None:
            self._stopping.clear()
            self._thread = threading.Thread(
                target=self.run, name="notification-mailer", daemon=True
            )
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def run(self) -> None:
        failing = False
        while not self._stopping.is_set():
            try:
                outcome = self.send_due()
            except Exception:
                # The read models' database away: the next round tries again.
                if not failing:
                    logger.exception("sending notifications by e-mail failed; retrying")
                failing = True
            else:
                failing = False
                if outcome.sent:
                    continue
            self._stopping.wait(self.poll_interval)

    # One round.

    def send_due(self) -> Outcome:
        """Mails every notification due now (a batch at most); returns what happened."""
        sent = failed = 0
        for row in self._claim():
            try:
                self._send(row)
            except (OSError, smtplib.SMTPException) as error:
                failed += 1
                self._failed(row, error)
            else:
                sent += 1
                self._sent(row)
        return Outcome(sent, failed)

    def _since(self) -> str:
        """The day mail was first sent from this store (set now if never)."""
        with self.database.transaction(write=True) as session:
            session.execute(
                "INSERT INTO notification_mail_start (id, since) VALUES (1, :today) "
                "ON CONFLICT (id) DO NOTHING",
                {"today": self.today().isoformat()},
            )
            rows = session.execute("SELECT since FROM notification_mail_start WHERE id = 1")
        return str(rows[0]["since"])

    def _claim(self) -> list[Row]:
        since = self._since()
        now = self.now()
        params = {"since": since, "today": self.today().isoformat(), "now": _stamp(now)}
        lease = _stamp(now + LEASE)
        claimed: list[Row] = []
        with self.database.transaction(write=True) as session:
            due = session.execute(
                "SELECT n.nip, n.seq, n.kind, n.case_id, n.state, n.step, n.decree_number, "
                "n.plan_title, n.due_on, m.attempts FROM notifications n "
                "LEFT JOIN notification_mail m ON m.nip = n.nip AND m.seq = n.seq "
                "WHERE n.shown_on >= :since AND (n.scheduled = 0 OR n.shown_on <= :today) "
                "AND (m.nip IS NULL OR (m.sent_at IS NULL AND m.next_attempt_at <= :now "
                "AND (m.lease_until IS NULL OR m.lease_until < :now))) "
                "AND EXISTS (SELECT 1 FROM notification_accounts a WHERE a.nip = n.nip "
                "AND a.email IS NOT NULL AND a.disabled = 0) "
                "ORDER BY n.seq LIMIT :batch",
                {**params, "batch": BATCH},
            )
            for row in due:
                # Another sender may have claimed it since the read: only one claim holds.
                won = session.execute(
                    "INSERT INTO notification_mail (nip, seq, attempts, next_attempt_at, "
                    "lease_until) VALUES (:nip, :seq, 0, :now, :lease) "
                    "ON CONFLICT (nip, seq) DO UPDATE SET lease_until = excluded.lease_until "
                    "WHERE notification_mail.sent_at IS NULL "
                    "AND notification_mail.next_attempt_at <= :now "
                    "AND (notification_mail.lease_until IS NULL "
                    "OR notification_mail.lease_until < :now) RETURNING nip",
                    {"nip": row["nip"], "seq": row["seq"], "now": params["now"], "lease": lease},
                )
                if won:
                    addresses = session.execute(
                        "SELECT DISTINCT email FROM notification_accounts "
                        "WHERE nip = :nip AND email IS NOT NULL AND disabled = 0 ORDER BY email",
                        {"nip": row["nip"]},
                    )
                    claimed.append({**row, "to": [a["email"] for a in addresses]})
        return claimed

    def _sent(self, row: Row) -> None:
        with self.database.transaction(write=True) as session:
            session.execute(
                "UPDATE notification_mail SET sent_at = :at, lease_until = NULL, "
                "attempts = attempts + 1, recipients = :to, last_error = NULL "
                "WHERE nip = :nip AND seq = :seq",
                {
                    "at": _stamp(self.now()),
                    "to": ", ".join(row["to"]),
                    "nip": row["nip"],
                    "seq": row["seq"],
                },
            )

    def _failed(self, row: Row, error: BaseException) -> None:
        attempts = int(row["attempts"] or 0) + 1
        wait = min(self.smtp.retry_seconds * 2 ** (attempts - 1), LONGEST_WAIT.total_seconds())
        logger.warning(
            "e-mail of notification %s to %s failed (attempt %d), retrying in %.0f s: %s",
            row["seq"],
            row["nip"],
            attempts,
            wait,
            error,
        )
        with self.database.transaction(write=True) as session:
            session.execute(
                "UPDATE notification_mail SET attempts = :attempts, next_attempt_at = :next, "
                "lease_until = NULL, last_error = :error WHERE nip = :nip AND seq = :seq",
                {
                    "attempts": attempts,
                    "next": _stamp(self.now() + timedelta(seconds=wait)),
                    "error": str(error)[:500],
                    "nip": row["nip"],
                    "seq": row["seq"],
                },
            )

    # The message.

    def message(self, row: Row) -> EmailMessage:
        """The notification as an e-mail in Indonesian, with the link to its case."""
        kind = name_of_code("NotificationKind", str(row["kind"]))
        message = EmailMessage()
        message["Subject"] = f"[asn-graph] {kind}"
        message["From"] = formataddr(("asn-graph", self.smtp.sender))
        message["To"] = ", ".join(row["to"])
        # The same for the same notification on every attempt and after a restart.
        message["Message-ID"] = f"<notifikasi-{row['nip']}-{row['seq']}@{self._domain}>"
        lines = ["Yth. Bapak/Ibu,", "", f"{kind}."]
        lines.extend(_facts(row))
        if row["case_id"]:
            lines += ["", "Lihat usulan mutasi Anda:", f"{self.public_url}/kasus/{row['case_id']}"]
        lines += [
            "",
            "Semua notifikasi Anda:",
            f"{self.public_url}/notifikasi",
            "",
            "Pesan ini dikirim otomatis oleh asn-graph; mohon tidak membalasnya.",
        ]
        message.set_content("\n".join(lines))
        return message

    def _send(self, row: Row) -> None:
        message = self.message(row)
        smtp = self.smtp
        connection: smtplib.SMTP
        if smtp.security is SmtpSecurity.TLS:
            connection = smtplib.SMTP_SSL(
                smtp.host,
                smtp.port,
                timeout=smtp.timeout_seconds,
                context=ssl.create_default_context(),
            )
        else:
            connection = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_seconds)
        with connection:
            if smtp.security is SmtpSecurity.STARTTLS:
                connection.starttls(context=ssl.create_default_context())
            if smtp.username:
                connection.login(smtp.username, smtp.password or "")
            connection.send_message(message, to_addrs=row["to"])


def _facts(row: Row) -> list[str]:
    facts: list[tuple[str, Any]] = [
        ("Status usulan mutasi", row["state"] and name_of_code("CaseState", row["state"])),
        ("Langkah yang diputuskan", row["step"] and name_of_code("ApprovalStep", row["step"])),
        ("Nomor SK", row["decree_number"]),
        ("Rencana mutasi", row["plan_title"]),
        (
            "Jawab paling lambat"
            if row["kind"] == "CONSULTATION_AWAITING_ANSWER"
            else "Jatuh tempo",
            row["due_on"],
        ),
    ]
    return [f"{label}: {value}" for label, value in facts if value]
