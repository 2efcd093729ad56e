"""The employees' notifications by e-mail, delivered to a local SMTP sink (aiosmtpd) on SQLite
and PostgreSQL: the message in Indonesian with the case's link, to the account's address;
exactly once, across a restart and a rebuild of the inbox; a server that is down loses
nothing and the message goes once it is back."""

from __future__ import annotations

import dataclasses
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from asn_graph.api.auth import actor_of
from asn_graph.application.clock import FixedClock
from asn_graph.bootstrap import Service, build_service
from asn_graph.domain.actors import SYSTEM_ACTOR, Role
from asn_graph.projections.catalog import read_models
from asn_graph.projections.notification_mail import NotificationMailer
from asn_graph.projections.rebuild import Rebuild
from asn_graph.settings import SmtpSettings
from tests.notification_world import propose, submit
from tests.world import TODAY, person, register

PUBLIC_URL = "https://mutasi.example.go.id"
ADDRESS = "sari@example.go.id"


class Sink:
    """Keeps every message the SMTP server accepts."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(  # noqa: N802 (the name aiosmtpd calls)
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        content = envelope.content
        assert isinstance(content, bytes)
        message = message_from_bytes(content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
def sink(port: int) -> Iterator[Sink]:
    handler = Sink()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler
    controller.stop()


class Clock:
    """The mailer's clock, moved by the test (retries wait for it)."""

    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.moment


def smtp(port: int) -> SmtpSettings:
    return SmtpSettings("127.0.0.1", port, "notifikasi@example.go.id", retry_seconds=30)


def mailer(service: Service, port: int, clock: Clock) -> NotificationMailer:
    return NotificationMailer(
        service.views, smtp(port), PUBLIC_URL, service.store.clock.today, now=clock
    )


def employee_with_address(service: Service, sequence: int) -> str:
    who = person("3578", "DISKOMINFO", sequence)
    register(service.app, who)
    claims = actor_of("sari", Role.EMPLOYEE, None, who.nip)
    service.app.local_accounts.add(SYSTEM_ACTOR, claims, "kata-sandi-sari-2026", email=ADDRESS)
    return who.nip


def mail_rows(service: Service) -> list[dict[str, Any]]:
    return service.views.query(
        "SELECT seq, attempts, sent_at IS NOT NULL AS sent FROM notification_mail ORDER BY seq"
    )


def test_each_notification_is_mailed_in_indonesian_with_its_case_once(
    organised: Service, sink: Sink, port: int
) -> None:
    nip = employee_with_address(organised, 81)
    someone = person("3578", "DISKOMINFO", 82)
    register(organised.app, someone)
    case = submit(organised, propose(organised, person("3578", "DISKOMINFO", 81)))
    submit(organised, propose(organised, someone))  # no account, no address: no mail
    organised.projector.catch_up()
    clock = Clock()

    outcome = mailer(organised, port, clock).send_due()
    assert (outcome.sent, outcome.failed) == (2, 0)
    assert [recipients for recipients, _ in sink.received] == [[ADDRESS], [ADDRESS]]
    proposal, submitted = (message for _, message in sink.received)
    assert proposal["Subject"] == "[asn-graph] Usulan mutasi menunggu jawaban Anda"
    assert proposal["To"] == ADDRESS
    assert proposal["From"] == "asn-graph <notifikasi@example.go.id>"
    body = submitted.get_content()
    assert submitted["Subject"] == "[asn-graph] Tahap usulan berubah"
    assert "Status usulan mutasi: Diajukan" in body
    assert f"{PUBLIC_URL}/kasus/{case.id}" in body
    assert f"{PUBLIC_URL}/notifikasi" in body
    assert submitted["Message-ID"].endswith("@mutasi.example.go.id>")
    assert nip in submitted["Message-ID"]

    # Nothing twice: not in the next round, not from another process on the same store
    # (a restart), not after the inbox is rebuilt from the log.
    assert mailer(organised, port, clock).send_due().sent == 0
    restarted = build_service(
        dataclasses.replace(organised.settings, smtp=smtp(port)), clock=FixedClock(TODAY)
    )
    try:
        assert restarted.mailer is not None
        assert restarted.mailer.send_due().sent == 0
        models = [
            model
            for model in read_models(organised.store.policy, organised.settings.timezone)
            if model.name == "notifications"
        ]
        Rebuild(organised.log, organised.staging(), models).run(restart=True)
        assert restarted.mailer.send_due().sent == 0
    finally:
        restarted.close()
    assert len(sink.received) == 2
    assert [row["attempts"] for row in mail_rows(organised)] == [1, 1]


def test_a_server_that_is_down_loses_nothing_and_the_mail_goes_once_it_is_back(
    organised: Service, port: int
) -> None:
    employee_with_address(organised, 83)
    propose(organised, person("3578", "DISKOMINFO", 83))
    organised.projector.catch_up()
    clock = Clock()
    sender = mailer(organised, port, clock)

    # Nothing listens on the port: the attempt is counted, nothing is lost.
    down = sender.send_due()
    assert (down.sent, down.failed) == (0, 1)
    assert [(row["attempts"], bool(row["sent"])) for row in mail_rows(organised)] == [(1, False)]
    # Not tried again before its wait is over.
    assert sender.send_due().failed == 0

    handler = Sink()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        clock.moment += timedelta(seconds=31)
        assert sender.send_due().sent == 1
        assert sender.send_due().sent == 0
    finally:
        controller.stop()
    assert len(handler.received) == 1
    assert handler.received[0][1]["Subject"] == ("[asn-graph] Usulan mutasi menunggu jawaban Anda")
    assert [(row["attempts"], bool(row["sent"])) for row in mail_rows(organised)] == [(2, True)]


def test_the_server_process_mails_in_the_background(
    organised: Service, sink: Sink, port: int
) -> None:
    """Started with the read side, as ``asn-graph serve`` starts it: never in a request."""
    employee_with_address(organised, 84)
    serving = build_service(
        dataclasses.replace(organised.settings, smtp=smtp(port)), clock=FixedClock(TODAY)
    )
    try:
        serving.start_read_side()
        propose(serving, person("3578", "DISKOMINFO", 84))
        deadline = time.monotonic() + 20
        while not sink.received and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        serving.close()
    assert [recipients for recipients, _ in sink.received] == [[ADDRESS]]
