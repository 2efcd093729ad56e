"""Where each read model stands in the log, kept in the read model's own database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from asn_graph.projections.database import Database, Row, Session

TABLE = "read_model_tracking"
STATEMENT = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    name TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    position BIGINT NOT NULL
)"""


@dataclass(frozen=True)
class Tracking:
    name: str
    version: int
    position: int


def ensure(session: Session, name: str, version: int) -> None:
    session.execute(
        f"INSERT INTO {TABLE} (name, version, position) VALUES (:name, :version, 0) "  # noqa: S608
        "ON CONFLICT (name) DO NOTHING",
        {"name": name, "version": version},
    )


def read(session: Session, names: Iterable[str], *, lock: bool = False) -> dict[str, Tracking]:
    """The tracking rows of ``names``; ``lock`` holds them until the transaction ends, so that
    two workers never apply the same events (SQLite's write transaction already excludes)."""
    statement, params = _select(list(names))
    suffix = " FOR UPDATE" if lock and session.dialect == "postgres" else ""
    return _by_name(session.execute(statement + suffix, params))


def read_committed(database: Database, names: Iterable[str]) -> dict[str, Tracking]:
    """The tracking rows of ``names`` as committed now, in one statement (no transaction
    around it: one round trip)."""
    return _by_name(database.query(*_select(list(names))))


def _select(names: list[str]) -> tuple[str, dict[str, str]]:
    placeholders = ", ".join(f":n{i}" for i in range(len(names)))
    return (
        f"SELECT name, version, position FROM {TABLE} "  # noqa: S608
        f"WHERE name IN ({placeholders}) ORDER BY name",
        {f"n{i}": name for i, name in enumerate(names)},
    )


def _by_name(rows: list[Row]) -> dict[str, Tracking]:
    return {
        row["name"]: Tracking(row["name"], int(row["version"]), int(row["position"]))
        for row in rows
    }


def advance(session: Session, name: str, position: int) -> None:
    session.write(
        f"UPDATE {TABLE} SET position = :position WHERE name = :name",  # noqa: S608
        {"position": position, "name": name},
    )
