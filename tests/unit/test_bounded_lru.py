"""The least-recently-used map bounded in entries and in bytes."""

from __future__ import annotations

from asn_graph.api.bounded_lru import BoundedLru


def test_the_least_recently_used_go_first_when_the_bytes_run_out() -> None:
    memory: BoundedLru[str, int] = BoundedLru(max_entries=10, max_bytes=100)
    memory.put("a", 1, 40)
    memory.put("b", 2, 40)
    assert memory.get("a") == 1  # now the most recently used
    memory.put("c", 3, 40)
    assert memory.get("b") is None
    assert (memory.get("a"), memory.get("c")) == (1, 3)
    assert (memory.entries, memory.bytes) == (2, 80)


def test_entries_are_bounded_too_and_a_replaced_value_is_weighed_again() -> None:
    memory: BoundedLru[str, int] = BoundedLru(max_entries=2, max_bytes=1_000)
    memory.put("a", 1, 10)
    memory.put("a", 2, 30)
    memory.put("b", 3, 10)
    memory.put("c", 4, 10)
    assert memory.get("a") is None
    assert (memory.entries, memory.bytes) == (2, 20)


def test_a_value_heavier_than_one_entry_may_be_is_not_remembered() -> None:
    memory: BoundedLru[str, int] = BoundedLru(max_entries=10, max_bytes=100, max_entry_bytes=30)
    memory.put("a", 1, 30)
    assert memory.put("heavy", 2, 31) is False
    assert memory.get("heavy") is None
    assert memory.get("a") == 1
    assert BoundedLru[str, int](max_entries=10, max_bytes=100).put("heavy", 2, 101) is False
