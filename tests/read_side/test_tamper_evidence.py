"""Tamper evidence: altering, removing or rewriting stored events is caught by verify."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from asn_graph.bootstrap import Service
from asn_graph.projections.chain_verification import Anchor, verify
from asn_graph.projections.rebuild import Rebuild
from asn_graph.projections.rows import AuditFilter
from tests.read_side.helpers import asn_graph
from tests.world import person, register


def _tamper(service: Service, statement: str, position: int) -> None:
    """Change the event store behind the application's back, as an intruder with SQL would."""
    settings = service.settings
    if settings.is_postgres:
        table = sql.Identifier(settings.database_schema or "public", _events_table(service))
        with psycopg.connect(settings.database_url, autocommit=True) as connection:
            connection.execute(sql.SQL(statement).format(table=table), (position,))
        return
    with sqlite3.connect(settings.sqlite_path) as connection:
        connection.execute(statement.format(table=_events_table(service)), (position,))


def _events_table(service: Service) -> str:
    name: str = service.store.recorder.events_table_name  # type: ignore[attr-defined]
    return name.rpartition(".")[2]


def alter_rating(service: Service, position: int) -> None:
    if service.settings.is_postgres:
        _tamper(
            service,
            "UPDATE {table} SET state = convert_to(replace(convert_from(state, 'UTF8'), "
            "'\"BAIK\"', '\"SANGAT_BAIK\"'), 'UTF8') WHERE notification_id = %s",
            position,
        )
    else:
        _tamper(
            service,
            "UPDATE {table} SET state = CAST(REPLACE(CAST(state AS TEXT), '\"BAIK\"', "
            "'\"SANGAT_BAIK\"') AS BLOB) WHERE rowid = ?",
            position,
        )


def rating_position(service: Service) -> int:
    trail = service.read.audit.stream(AuditFilter(aggregate="employee"))
    return next(r.position for r in trail if r.event_type.endswith("/performance-rated"))


def test_verify_names_the_first_altered_event(organised: Service, tmp_path: Path) -> None:
    service = organised
    for sequence in range(3):
        register(service.app, person("3578", "BKPSDM", sequence))
    service.projector.catch_up()
    assert verify(service.store.recorder, service.read.audit).intact

    altered = rating_position(service)
    alter_rating(service, altered)

    result = verify(service.store.recorder, service.read.audit)
    assert result.mismatch is not None
    assert result.mismatch.position == altered
    assert "altered" in result.mismatch.problem
    assert result.mismatch.event_type == "asn-graph/employee/performance-rated"

    command = asn_graph(
        "audit", "verify", env=service.settings.environment_for_peer(), cwd=tmp_path
    )
    out, err = command.communicate(timeout=60)
    assert command.returncode == 1, out
    assert f"NOT INTACT at log position {altered}" in err


def test_verify_catches_a_removed_event(organised: Service) -> None:
    service = organised
    register(service.app, person("3578", "BKPSDM", 1))
    service.projector.catch_up()
    removed = rating_position(service)
    where = "notification_id = %s" if service.settings.is_postgres else "rowid = ?"
    _tamper(service, "DELETE FROM {table} WHERE " + where, removed)  # noqa: S608

    result = verify(service.store.recorder, service.read.audit)
    assert result.mismatch is not None
    assert result.mismatch.position == removed
    assert "removed" in result.mismatch.problem


def test_a_trail_rebuilt_from_rewritten_history_fails_against_a_published_anchor(
    organised: Service,
) -> None:
    service = organised
    register(service.app, person("3578", "BKPSDM", 1))
    service.projector.catch_up()
    head = service.read.audit.head()
    assert head is not None
    anchor = Anchor(head.position, head.entry_hash)
    assert verify(service.store.recorder, service.read.audit, anchor).intact

    alter_rating(service, rating_position(service))
    audit = [m for m in service.models() if m.name == "audit_trail"]
    Rebuild(service.log, service.staging(), audit).run(restart=True)

    assert verify(service.store.recorder, service.read.audit).intact
    anchored = verify(service.store.recorder, service.read.audit, anchor)
    assert anchored.mismatch is not None
    assert "anchor" in anchored.mismatch.problem


@pytest.mark.parametrize("text", ["12", "x:" + "0" * 64, "3:abc"])
def test_an_anchor_must_read_position_colon_hash(text: str) -> None:
    with pytest.raises(ValueError, match="POSITION:SHA256"):
        Anchor.parse(text)
