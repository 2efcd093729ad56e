"""Aggregates kept for a block of reads: read once in the block, in its thread only, and read
afresh after it."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from asn_graph.bootstrap import Service
from asn_graph.domain.work_unit import WorkUnit


def test_a_kept_unit_is_read_once_in_the_block_and_afresh_after_it(organised: Service) -> None:
    store = organised.store
    with store.kept_while(WorkUnit), ThreadPoolExecutor(1) as elsewhere:
        first = store.work_unit("3578", "DISKOMINFO")
        assert store.work_unit("3578", "DISKOMINFO") is first
        other_thread = elsewhere.submit(store.work_unit, "3578", "DISKOMINFO").result()
        assert other_thread is not first
    assert store.work_unit("3578", "DISKOMINFO") is not first
