"""One keyset page of a filtered list: the total over all pages, then the rows after a key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from asn_graph.projections.database import Database
from asn_graph.projections.rows import Page
from asn_graph.projections.sql import where_clause

T = TypeVar("T")


@dataclass(frozen=True)
class ListQuery:
    """``SELECT columns FROM source WHERE clauses ORDER BY order``; ``counted`` is the
    (often join-free) source the total is counted over, ``source`` when None."""

    columns: str
    source: str
    order: str
    clauses: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    counted: str | None = None


def keyset_page(
    database: Database,
    make: Callable[..., T],
    query: ListQuery,
    first: int,
    after: tuple[str, dict[str, Any]] | None,
) -> Page[T]:
    """``after`` is the clause that starts past the previous page, with its parameters. The
    total over all pages is counted by the page's ``count``, when asked."""
    clauses, params = list(query.clauses), dict(query.params)
    if after is not None:
        clauses.append(after[0])
        params.update(after[1])
    rows = database.query_as(
        make,
        f"SELECT {query.columns} FROM {query.source}{where_clause(clauses)} "  # noqa: S608
        f"ORDER BY {query.order} LIMIT :limit",
        {**params, "limit": first + 1},
    )

    def count() -> int:
        return int(
            database.query(
                f"SELECT COUNT(*) AS n FROM {query.counted or query.source}"  # noqa: S608
                f"{where_clause(query.clauses)}",
                query.params,
            )[0]["n"]
        )

    return Page(rows[:first], len(rows) > first, count)
