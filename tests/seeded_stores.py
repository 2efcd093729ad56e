"""Stores filled with the demo data once per test process and copied for each test that asks
for the same data: the demo generator writes through the use cases, one command per
transaction (tens of seconds on PostgreSQL for a few thousand events), while a copy of the
rows takes a second. A copy is the very rows the generator wrote (events, read models, their
positions, the sequences' values), into a service built on an empty store that has done
nothing yet."""

from __future__ import annotations

import sqlite3
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from asn_graph.bootstrap import Service
from asn_graph.demo.generator import DemoSpec, fill


@dataclass(frozen=True)
class KeptSqlite:
    files: tuple[tuple[Path, Path], ...]
    """Each of the store's files (the events', the read models') with its kept copy."""


@dataclass(frozen=True)
class KeptPostgres:
    url: str
    schema: str
    tables: tuple[str, ...]
    sequences: tuple[tuple[str, int], ...]


_KEPT: dict[tuple[str, DemoSpec], KeptSqlite | KeptPostgres] = {}
_FOLDER = Path(tempfile.mkdtemp(prefix="asn-graph-seeds-"))


def fill_or_copy(service: Service, spec: DemoSpec) -> None:
    """``service``'s store as ``fill(service, spec)`` leaves it. The service must be new:
    nothing recorded, nothing read into its memory."""
    settings = service.settings
    kind = "postgres" if settings.is_postgres else "sqlite"
    kept = _KEPT.get((kind, spec))
    if kept is None:
        fill(service, spec)
        _KEPT[(kind, spec)] = _keep(service)
    elif isinstance(kept, KeptSqlite):
        for path, copy in zip(_sqlite_files(service), (c for _, c in kept.files), strict=True):
            _copy_sqlite(copy, path)
    else:
        _copy_postgres(kept, settings.database_url, settings.database_schema)


def _keep(service: Service) -> KeptSqlite | KeptPostgres:
    settings = service.settings
    if not settings.is_postgres:
        files = []
        for path in _sqlite_files(service):
            kept = _FOLDER / f"{uuid.uuid4().hex}.sqlite3"
            with sqlite3.connect(path) as original, sqlite3.connect(kept) as copy:
                original.backup(copy)
            files.append((path, kept))
        return KeptSqlite(tuple(files))
    source, schema = settings.database_schema, f"seed_{uuid.uuid4().hex[:12]}"
    assert source is not None
    with psycopg.connect(settings.database_url, autocommit=True) as connection:
        tables = tuple(
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY tablename",
                (source,),
            )
        )
        connection.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        for table in tables:
            connection.execute(
                sql.SQL("CREATE TABLE {} AS TABLE {}").format(
                    sql.Identifier(schema, table), sql.Identifier(source, table)
                )
            )
        sequences = tuple(
            (name, value)
            for name, value in connection.execute(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = %s",
                (source,),
            )
            if value is not None
        )
    return KeptPostgres(settings.database_url, schema, tables, sequences)


def _sqlite_files(service: Service) -> tuple[Path, Path]:
    """The events' file and the read models' (a file of their own on SQLite)."""
    return Path(service.settings.sqlite_path), Path(service.settings.views_location)


def _copy_sqlite(kept: Path, path: Path) -> None:
    # Row by row in one transaction of its own, as any writer: the service's connections,
    # already open, read the copy as they would read a commit.
    copy = sqlite3.connect(path, isolation_level=None)
    try:
        copy.execute("ATTACH DATABASE ? AS kept", (str(kept),))
        tables = [
            row[0]
            for row in copy.execute(
                "SELECT name FROM kept.sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%'"
            )
        ]
        present = {
            row[0]
            for row in copy.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")
        }
        copy.execute("BEGIN IMMEDIATE")
        for table in tables:
            if table not in present:
                ddl = copy.execute(
                    "SELECT sql FROM kept.sqlite_master WHERE type = 'table' AND name = ?",
                    (table,),
                ).fetchone()[0]
                copy.execute(ddl)
            copy.execute(f'DELETE FROM main."{table}"')  # noqa: S608 (the store's own tables)
            copy.execute(f'INSERT INTO main."{table}" SELECT * FROM kept."{table}"')  # noqa: S608
        if "sqlite_sequence" in present:
            copy.execute("DELETE FROM main.sqlite_sequence")
            copy.execute("INSERT INTO main.sqlite_sequence SELECT * FROM kept.sqlite_sequence")
        copy.execute("COMMIT")
        copy.execute("DETACH DATABASE kept")
    finally:
        copy.close()


def _copy_postgres(kept: KeptPostgres, url: str, schema: str | None) -> None:
    assert schema is not None
    with psycopg.connect(url) as connection:
        # The rows as they were: no trigger of the copy's tables fires on them.
        connection.execute("SET LOCAL session_replication_role = replica")
        present = {
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = %s", (schema,)
            )
        }
        for table in kept.tables:
            target = sql.Identifier(schema, table)
            source = sql.Identifier(kept.schema, table)
            if table not in present:
                connection.execute(sql.SQL("CREATE TABLE {} AS TABLE {}").format(target, source))
                continue
            connection.execute(sql.SQL("DELETE FROM {}").format(target))
            connection.execute(sql.SQL("INSERT INTO {} SELECT * FROM {}").format(target, source))
        for name, value in kept.sequences:
            connection.execute(
                "SELECT setval(%s, %s)", (sql.Identifier(schema, name).as_string(connection), value)
            )
