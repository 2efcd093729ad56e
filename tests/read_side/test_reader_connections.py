"""Reads of one statement run on a connection of the reading thread: every thread sees the
same rows; on PostgreSQL a lost connection is replaced and those of ended threads are closed."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest

from asn_graph.bootstrap import Service
from asn_graph.projections.postgres_database import PostgresDatabase
from tests.read_side.helpers import seed

UNITS = "SELECT agency_code, code FROM directory_units ORDER BY agency_code, code"


def in_thread(read: Callable[[], Any]) -> Any:
    answers: list[Any] = []
    thread = threading.Thread(target=lambda: answers.append(read()))
    thread.start()
    thread.join()
    return answers[0]


def test_every_thread_reads_the_same_rows(service: Service) -> None:
    seed(service)
    expected = service.views.query(UNITS)
    assert expected

    answers = [in_thread(lambda: service.views.query(UNITS)) for _ in range(3)]

    assert answers == [expected] * 3


@pytest.fixture
def database(postgres_available: str) -> Iterator[PostgresDatabase]:
    database = PostgresDatabase(postgres_available, max_size=2)
    yield database
    database.close()


def backend(database: PostgresDatabase) -> int:
    return int(database.query("SELECT pg_backend_pid() AS pid")[0]["pid"])


def connected(url: str, pid: int) -> bool:
    with psycopg.connect(url) as admin:
        row = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
        return bool(row.fetchone()[0])  # type: ignore[index]


def gone(url: str, pid: int, within: float = 5.0) -> bool:
    deadline = time.monotonic() + within
    while connected(url, pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_lost_connection_is_replaced_at_the_next_read(
    database: PostgresDatabase, postgres_available: str
) -> None:
    before = backend(database)
    with psycopg.connect(postgres_available, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [before])
    assert gone(postgres_available, before)

    # The read that meets the lost connection fails, as it would on a pooled one.
    with pytest.raises(psycopg.OperationalError):
        backend(database)
    after = backend(database)

    assert after != before
    assert database.query("SELECT 1 AS one") == [{"one": 1}]


def test_connections_of_ended_threads_and_all_at_close_are_closed(
    database: PostgresDatabase, postgres_available: str
) -> None:
    ended = in_thread(lambda: backend(database))
    assert connected(postgres_available, ended)

    still = backend(database)
    in_thread(lambda: backend(database))

    assert gone(postgres_available, ended)
    assert connected(postgres_available, still)
    database.close()
    assert gone(postgres_available, still)
