"""A one-line progress bar for long commands (rebuilds), on the terminal's error stream."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class ProgressBar:
    def __init__(self, label: str, out: TextIO | None = None, every: float = 0.25) -> None:
        self.label = label
        self.out = out or sys.stderr
        self.every = every
        self._started = time.monotonic()
        self._shown = 0.0
        self._first: int | None = None

    def __call__(self, position: int, head: int) -> None:
        now = time.monotonic()
        if self._first is None:
            self._first = position
        if now - self._shown < self.every and position < head:
            return
        self._shown = now
        elapsed = max(now - self._started, 1e-9)
        rate = (position - self._first) / elapsed
        share = position / head if head else 1.0
        filled = int(WIDTH * share)
        left = f"{(head - position) / rate:,.0f} s left" if rate > 0 and position < head else ""
        self.out.write(
            f"\r{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {share:6.1%} "
            f"{position:,}/{head:,} · {rate:,.0f} events/s {left}   "
        )
        self.out.flush()

    def done(self) -> None:
        self.out.write("\n")
        self.out.flush()
