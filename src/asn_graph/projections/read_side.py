"""The read side of one process: its projector, how it is kept running, and how a reader
waits until the read models hold a given log position."""

from __future__ import annotations

import time
from enum import Enum

from asn_graph.projections.interface import Freshness
from asn_graph.projections.projector import Projector
from asn_graph.projections.wakeup import Wakeup
from asn_graph.projections.worker import ProjectionWorker

KNOWN_FOR = 0.1
"""How long a read model position this process has read or committed is taken as current
by readers that only report it (most queries): a tenth of a second of a position saves a
round trip on every request, and the reported position stays one that was reached."""


class ProjectionMode(Enum):
    """``inline``: this process applies events itself (the embedded default).
    ``external``: ``asn-graph project`` applies them; this process only reads."""

    INLINE = "inline"
    EXTERNAL = "external"


class ReadSide:
    def __init__(
        self, projector: Projector, wakeup: Wakeup, mode: ProjectionMode, poll_interval: float
    ) -> None:
        self.projector = projector
        self.mode = mode
        self.worker = ProjectionWorker(projector, wakeup, poll_interval=poll_interval)
        self._running = False

    def start(self) -> None:
        """Inline mode: catch up with the whole log, then keep up in the background, so that
        a server answers from current read models from its first request."""
        if self.mode is ProjectionMode.INLINE and not self._running:
            self.projector.catch_up()
            self.worker.start()
            self._running = True

    def stop(self) -> None:
        if self._running:
            self.worker.stop()
            self._running = False

    def at_least(self, position: int | None, timeout: float) -> Freshness:
        """Wait (at most ``timeout`` seconds) until the read models hold ``position``. The
        position reported is one the read models had reached at least (known to within
        ``KNOWN_FOR`` seconds); a position asked for is checked against the database."""
        reached = self.projector.recent_position(KNOWN_FOR)
        if position is None or reached >= position:
            return Freshness(reached, position, True)
        reached = self.projector.position()
        if reached >= position:
            return Freshness(reached, position, True)
        if self.mode is ProjectionMode.INLINE:
            reached = self.projector.catch_up()
            return Freshness(reached, position, reached >= position)
        deadline = time.monotonic() + timeout
        pause = 0.005
        while reached < position and time.monotonic() < deadline:
            time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
            pause = min(pause * 2, 0.1)
            reached = self.projector.position()
        return Freshness(reached, position, reached >= position)
