"""The collector's bulk pace is given back after the block, also when the block fails."""

import gc

import pytest

from asn_graph.projections.collector import BULK_THRESHOLD, paced_for_bulk


def test_the_pace_and_the_frozen_objects_are_given_back_after_the_block() -> None:
    gc.unfreeze()
    before = gc.get_threshold()

    with paced_for_bulk():
        assert gc.get_threshold() == (BULK_THRESHOLD, before[1], before[2])
        assert gc.get_freeze_count() > 0

    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_failing_block_gives_them_back_too() -> None:
    gc.unfreeze()
    before = gc.get_threshold()

    with pytest.raises(RuntimeError), paced_for_bulk():
        raise RuntimeError("the database went away")

    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_objects_someone_else_froze_stay_frozen() -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        with paced_for_bulk():
            pass
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()
