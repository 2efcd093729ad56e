"""Reads of the audit trail: a subject's events, agency-wide searches, versions by time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from asn_graph.projections.database import Database
from asn_graph.projections.paging import ListQuery, keyset_page
from asn_graph.projections.rows import AuditFilter, AuditRow, Page
from asn_graph.projections.sql import one_of

_COLUMNS = (
    "position, originator_id, aggregate, version, event_type, recorded_at, actor_id, "
    "actor_role, actor_agency, actor_nip, reason, details, previous_hash, entry_hash"
)


class AuditQueries:
    def __init__(self, database: Database) -> None:
        self.database = database

    def entries(self, filter_: AuditFilter, first: int, after: int | None) -> Page[AuditRow]:
        """Entries in log order, after the position ``after``."""
        clauses, params = _clauses(filter_)
        query = ListQuery(_COLUMNS, "audit_trail", "position", clauses, params)
        keyset = ("position > :after", {"after": after}) if after is not None else None
        return keyset_page(self.database, AuditRow, query, first, keyset)

    def stream(self, filter_: AuditFilter, batch: int = 2000) -> Iterator[AuditRow]:
        """Every matching entry, read page by page so that an export never holds them all."""
        after: int | None = None
        while True:
            page = self.entries(filter_, batch, after)
            yield from page.rows
            if not page.has_next:
                return
            after = page.rows[-1].position

    def version_at(self, originator_id: str, recorded_at: str) -> int | None:
        """The subject's last version recorded at or before ``recorded_at`` (UTC ISO text)."""
        rows = self.database.query(
            "SELECT MAX(version) AS version FROM audit_trail "
            "WHERE originator_id = :id AND recorded_at <= :at",
            {"id": originator_id, "at": recorded_at},
        )
        version = rows[0]["version"]
        return int(version) if version is not None else None

    def head(self) -> AuditRow | None:
        rows = self.database.query(
            f"SELECT {_COLUMNS} FROM audit_trail ORDER BY position DESC LIMIT 1"  # noqa: S608
        )
        return AuditRow(**rows[0]) if rows else None


def _clauses(filter_: AuditFilter) -> tuple[list[str], dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    for column, value in (
        ("originator_id", filter_.originator_id),
        ("aggregate", filter_.aggregate),
        ("actor_id", filter_.actor_id),
    ):
        if value is not None:
            clauses.append(f"{column} = :{column}")
            params[column] = value
    if filter_.actor_agencies:
        clauses.append(one_of("actor_agency", filter_.actor_agencies, "actor_agency", params))
    if filter_.recorded_from is not None:
        clauses.append("recorded_at >= :recorded_from")
        params["recorded_from"] = filter_.recorded_from
    if filter_.recorded_until is not None:
        clauses.append("recorded_at < :recorded_until")
        params["recorded_until"] = filter_.recorded_until
    return clauses, params
