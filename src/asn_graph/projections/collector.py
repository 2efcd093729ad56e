"""The cyclic garbage collector's pace while a projector works through a long log."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BULK_THRESHOLD = 50_000
"""Allocations between young collections while projecting in bulk (Python's default: 700)."""


@contextmanager
def paced_for_bulk() -> Iterator[None]:
    """Collect less often for the block. Decoding a batch allocates thousands of containers
    that all live until the batch is written, so at the default pace the collector visits
    them over and over, and with them everything imported at start (about a fifth of a
    rebuild's CPU). Nothing is left uncollected: the pace and the objects frozen at the
    start are given back after."""
    before = gc.get_threshold()
    # Objects someone froze before stay frozen: the collector cannot thaw only ours then.
    thaw = gc.get_freeze_count() == 0
    gc.freeze()
    gc.set_threshold(BULK_THRESHOLD, before[1], before[2])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if thaw:
            gc.unfreeze()
