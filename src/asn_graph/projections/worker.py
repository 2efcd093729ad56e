"""Runs a projector continuously: catch up, wait for a wakeup or the poll interval, repeat."""

from __future__ import annotations

import logging
import threading
import time

from asn_graph.projections.projector import Projector
from asn_graph.projections.wakeup import Wakeup

logger = logging.getLogger(__name__)

RETRY_REPORT_SECONDS = 60.0
"""While batches keep failing (the database is away), how often the worker says it is still
retrying: the first failure is logged with its traceback, the next ones only this often."""


class ProjectionWorker:
    """A failing batch is logged and retried after a pause: one bad moment of the database
    must not stop the read side for good."""

    def __init__(self, projector: Projector, wakeup: Wakeup, *, poll_interval: float = 1.0) -> None:
        self.projector = projector
        self.wakeup = wakeup
        self.poll_interval = poll_interval
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def run(self) -> None:
        failures = 0
        reported_at = 0.0
        try:
            while not self._stopping.is_set():
                try:
                    self.projector.catch_up()
                except Exception as error:
                    failures += 1
                    now = time.monotonic()
                    if failures == 1:
                        logger.exception("projection batch failed; retrying")
                        reported_at = now
                    elif now - reported_at >= RETRY_REPORT_SECONDS:
                        logger.warning(
                            "projection batches still failing (%d attempts): %s", failures, error
                        )
                        reported_at = now
                    self._stopping.wait(self.poll_interval)
                    continue
                if failures:
                    logger.warning("projections resumed after %d failed attempts", failures)
                    failures = 0
                self.wakeup.wait(self.poll_interval)
        finally:
            self.wakeup.close()

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name="projection-worker", daemon=True)
        self._thread.start()

    def request_stop(self) -> None:
        self._stopping.set()
        self.wakeup.notify()

    def stop(self, timeout: float = 10.0) -> None:
        self.request_stop()
        if self._thread is not None:
            self._thread.join(timeout)
