"""A projection worker whose batches keep failing (the database is away) logs the first
failure with its traceback, not every retry, and says when it has resumed."""

from __future__ import annotations

import logging
import threading
from typing import cast

import pytest

from asn_graph.projections.projector import Projector
from asn_graph.projections.wakeup import LocalWakeup
from asn_graph.projections.worker import ProjectionWorker


class Outage:
    """Catch-ups that fail while the database is away, then succeed."""

    def __init__(self, failing: int) -> None:
        self.failing = failing
        self.calls = 0
        self.recovered = threading.Event()

    def catch_up(self) -> int:
        self.calls += 1
        if self.calls <= self.failing:
            raise ConnectionError("connection refused")
        self.recovered.set()
        return 0


def test_a_failing_worker_logs_once_then_says_it_resumed(caplog: pytest.LogCaptureFixture) -> None:
    outage = Outage(failing=20)
    worker = ProjectionWorker(cast(Projector, outage), LocalWakeup(), poll_interval=0.001)
    with caplog.at_level(logging.WARNING, logger="asn_graph.projections.worker"):
        worker.start()
        assert outage.recovered.wait(10)
        worker.stop()
    messages = [record.getMessage() for record in caplog.records]
    assert messages == [
        "projection batch failed; retrying",
        "projections resumed after 20 failed attempts",
    ]
    assert caplog.records[0].exc_info is not None
