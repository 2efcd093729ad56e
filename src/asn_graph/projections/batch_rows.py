"""Rows a transaction of the projector changes, kept in memory and written once at its end.

In a batch of events one employee is often registered, placed, promoted and placed again;
written as it comes, that is four statements on one row and two on each position counter.
Kept here, it is one insert (or one update of a row that was there before), and one update
per counter row with the sum of its changes: the database does a fraction of the work, and
inserts of many rows go as one COPY.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from asn_graph.projections.database import Session
from asn_graph.projections.source import Envelope

Row = dict[str, Any]


def subjects_of(envelopes: Sequence[Envelope], event_type: type[Any]) -> set[str]:
    """The aggregates that ``event_type`` events of the batch are about (those registered in
    it, say: nothing of them can be in the tables yet)."""
    return {e.subject for e in envelopes if isinstance(e.event, event_type)}


class BatchRows:
    """Rows of one table keyed by one column. ``load`` reads the rows the batch will change;
    ``insert`` and ``change`` work on them in memory; ``write`` sends the new rows as inserts
    and the changed ones as one update each."""

    def __init__(self, table: str, key: str, columns: tuple[str, ...]) -> None:
        self.table = table
        self.key = key
        self.columns = columns
        self._rows: dict[str, Row] = {}
        # Dictionaries for their order: rows are written in the order the batch made them.
        self._new: dict[str, None] = {}
        self._changed: dict[str, None] = {}

    def begin(self) -> None:
        self._rows.clear()
        self._new.clear()
        self._changed.clear()

    def load(self, session: Session, keys: Iterable[str]) -> None:
        """Read the rows of ``keys`` not known yet (one statement)."""
        wanted = sorted({key for key in keys if key not in self._rows})
        if not wanted:
            return
        placeholders = ", ".join(f":k{i}" for i in range(len(wanted)))
        rows = session.execute(
            f"SELECT {', '.join(self.columns)} FROM {self.table} "  # noqa: S608
            f"WHERE {self.key} IN ({placeholders})",
            {f"k{i}": key for i, key in enumerate(wanted)},
        )
        for row in rows:
            self._rows[row[self.key]] = row

    def get(self, key: str) -> Row | None:
        return self._rows.get(key)

    def insert(self, row: Row) -> None:
        key = row[self.key]
        self._rows[key] = {column: row.get(column) for column in self.columns}
        self._new[key] = None

    def change(self, key: str, **values: Any) -> None:
        """Change a known row (inserted or loaded in this batch); a row that is not there
        is left alone, as an UPDATE would."""
        row = self._rows.get(key)
        if row is None:
            return
        row.update(values)
        if key not in self._new:
            self._changed[key] = None

    def write(self, session: Session) -> None:
        columns = ", ".join(self.columns)
        values = ", ".join(f":{column}" for column in self.columns)
        insert = f"INSERT INTO {self.table} ({columns}) VALUES ({values})"  # noqa: S608
        for key in self._new:
            session.write(insert, self._rows[key])
        assignments = ", ".join(f"{c} = :{c}" for c in self.columns if c != self.key)
        update = f"UPDATE {self.table} SET {assignments} WHERE {self.key} = :{self.key}"  # noqa: S608
        for key in self._changed:
            session.write(update, self._rows[key])
        self.begin()


class BatchCounters:
    """Increments of counter columns, summed per row and written as one update per row."""

    def __init__(self, table: str, key: tuple[str, ...], columns: tuple[str, ...]) -> None:
        self.table = table
        self.key = key
        self.columns = columns
        self._sums: dict[tuple[Any, ...], dict[str, int]] = {}

    def begin(self) -> None:
        self._sums.clear()

    def add(self, key: tuple[Any, ...], column: str, delta: int) -> None:
        sums = self._sums.setdefault(key, dict.fromkeys(self.columns, 0))
        sums[column] += delta

    def write(self, session: Session) -> None:
        assignments = ", ".join(f"{c} = {c} + :{c}" for c in self.columns)
        condition = " AND ".join(f"{k} = :{k}" for k in self.key)
        update = f"UPDATE {self.table} SET {assignments} WHERE {condition}"  # noqa: S608
        for key, sums in self._sums.items():
            if any(sums.values()):
                session.write(update, {**dict(zip(self.key, key, strict=True)), **sums})
        self.begin()
