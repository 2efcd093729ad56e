"""Where a read model is rebuilt while the live one keeps answering, and how it takes over:
a schema of its own on PostgreSQL, a file of its own on SQLite; one transaction swaps it in."""

from __future__ import annotations

import re
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path

import psycopg
from psycopg import sql

from asn_graph.projections import tracking
from asn_graph.projections.database import Database
from asn_graph.projections.postgres_database import PostgresDatabase
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.sqlite_database import SQLiteDatabase

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,50}$")


class Staging(ABC):
    indexes_move: bool
    """Whether promoted tables take their staged indexes along (or get them made after)."""

    @abstractmethod
    def open(self) -> Database:
        """The staging database, created if missing, with what an earlier run left in it."""

    @abstractmethod
    def attach(self) -> Database:
        """The staging database another process opened, without creating anything."""

    @abstractmethod
    def promote(self, models: Sequence[ReadModel]) -> None:
        """Replace the live tables of ``models`` with the staged ones, with their positions."""

    @abstractmethod
    def exists(self) -> bool: ...


class PostgresStaging(Staging):
    indexes_move = True

    def __init__(self, live: PostgresDatabase) -> None:
        self.live = live
        self.schema = f"{live.schema}_rebuild"
        if not _IDENTIFIER.match(self.schema):
            raise ValueError(f"not a usable schema name: {self.schema!r}")
        self._database: PostgresDatabase | None = None

    def exists(self) -> bool:
        rows = self.live.query(
            "SELECT 1 AS found FROM information_schema.schemata WHERE schema_name = :schema",
            {"schema": self.schema},
        )
        return bool(rows)

    def open(self) -> Database:
        with psycopg.connect(self.live.conninfo, autocommit=True) as connection:
            connection.execute(
                sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(self.schema))
            )
        return self.attach()

    def attach(self) -> Database:
        self._database = PostgresDatabase(self.live.conninfo, max_size=2, schema=self.schema)
        return self._database

    def promote(self, models: Sequence[ReadModel]) -> None:
        if self._database is not None:
            # Statistics stay with a table when it moves to the live schema.
            self._database.analyze(table for model in models for table in model.tables)
            self._database.close()
        staged, live = sql.Identifier(self.schema), sql.Identifier(self.live.schema)
        with psycopg.connect(self.live.conninfo) as connection, connection.transaction():
            names = [model.name for model in models]
            connection.execute(
                sql.SQL("SELECT 1 FROM {}.{} WHERE name = ANY(%s) FOR UPDATE").format(
                    live, sql.Identifier(tracking.TABLE)
                ),
                (names,),
            )
            for model in models:
                for table in model.tables:
                    name = sql.Identifier(table)
                    connection.execute(sql.SQL("DROP TABLE IF EXISTS {}.{}").format(live, name))
                    connection.execute(
                        sql.SQL("ALTER TABLE {}.{} SET SCHEMA {}").format(staged, name, live)
                    )
            connection.execute(
                sql.SQL(
                    "INSERT INTO {live}.{t} (name, version, position) "
                    "SELECT name, version, position FROM {staged}.{t} WHERE name = ANY(%s) "
                    "ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, "
                    "position = EXCLUDED.position"
                ).format(live=live, staged=staged, t=sql.Identifier(tracking.TABLE)),
                (names,),
            )
            connection.execute(
                sql.SQL("DELETE FROM {}.{} WHERE name = ANY(%s)").format(
                    staged, sql.Identifier(tracking.TABLE)
                ),
                (names,),
            )
            remaining = connection.execute(
                sql.SQL("SELECT COUNT(*) FROM {}.{}").format(staged, sql.Identifier(tracking.TABLE))
            ).fetchone()
            if remaining is not None and remaining[0] == 0:
                connection.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(staged))


class SQLiteStaging(Staging):
    # Rows are copied into fresh live tables: indexes made after the copy are built once from
    # sorted keys instead of growing row by row.
    indexes_move = False

    def __init__(self, live: SQLiteDatabase) -> None:
        self.live = live
        path = Path(live.path)
        self.path = path.with_name(path.stem + ".rebuild" + path.suffix)
        self._database: SQLiteDatabase | None = None

    def exists(self) -> bool:
        return self.path.exists()

    def open(self) -> Database:
        return self.attach()

    def attach(self) -> Database:
        self._database = SQLiteDatabase(str(self.path))
        return self._database

    def promote(self, models: Sequence[ReadModel]) -> None:
        if self._database is not None:
            self._database.close()
        connection = sqlite3.connect(self.live.path, isolation_level=None, timeout=30)
        try:
            connection.execute("ATTACH DATABASE ? AS staged", (str(self.path),))
            connection.execute("BEGIN IMMEDIATE")
            try:
                for model in models:
                    for table in model.tables:
                        connection.execute(f"DROP TABLE IF EXISTS main.{table}")
                    for statement in model.statements_for(self.live.dialect):
                        connection.execute(statement)
                    for table in model.tables:
                        connection.execute(
                            f"INSERT INTO main.{table} SELECT * FROM staged.{table}"  # noqa: S608
                        )
                    for statement in model.indexes:
                        connection.execute(statement)
                    connection.execute(
                        f"INSERT INTO main.{tracking.TABLE} (name, version, position) "  # noqa: S608
                        f"SELECT name, version, position FROM staged.{tracking.TABLE} "
                        "WHERE name = ? ON CONFLICT (name) DO UPDATE SET "
                        "version = excluded.version, position = excluded.position",
                        (model.name,),
                    )
                    connection.execute(
                        f"DELETE FROM staged.{tracking.TABLE} WHERE name = ?",  # noqa: S608
                        (model.name,),
                    )
                remaining = connection.execute(
                    f"SELECT COUNT(*) FROM staged.{tracking.TABLE}"  # noqa: S608
                ).fetchone()[0]
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
            connection.execute("DETACH DATABASE staged")
        finally:
            connection.close()
        self.live.analyze(table for model in models for table in model.tables)
        if remaining == 0:
            for suffix in ("", "-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)


def staging_for(live: Database) -> Staging:
    if isinstance(live, PostgresDatabase):
        return PostgresStaging(live)
    assert isinstance(live, SQLiteDatabase)
    return SQLiteStaging(live)
