"""Which failures are the database being away (answered UNAVAILABLE), and the deadline a
command is held to."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from eventsourcing.persistence import OperationalError as StoreOperationalError

from asn_graph.persistence import deadline
from asn_graph.persistence.deadline import DatabaseUnavailable, Deadline
from asn_graph.persistence.outages import is_outage


def test_unreachable_locked_and_timed_out_databases_are_outages() -> None:
    wrapped = StoreOperationalError("pool timeout")
    wrapped.__cause__ = psycopg.OperationalError("connection refused")
    assert is_outage(wrapped)
    assert is_outage(psycopg.errors.AdminShutdown("terminating connection"))
    assert is_outage(sqlite3.OperationalError("database is locked"))


def test_faults_of_the_program_are_not_outages() -> None:
    assert not is_outage(sqlite3.OperationalError("no such table: events"))
    assert not is_outage(psycopg.errors.UndefinedTable("relation does not exist"))
    assert not is_outage(ValueError("bad"))


def test_a_command_whose_caller_gave_up_goes_no_further() -> None:
    bound = Deadline(60)
    with deadline.within(bound):
        deadline.check()
        assert deadline.wait_bound(5) == 5
        bound.abandon()
        with pytest.raises(DatabaseUnavailable, match="nothing of this request was recorded"):
            deadline.check()
    deadline.check()  # outside any deadline: nothing to hold to
