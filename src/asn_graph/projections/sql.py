"""Small helpers for composing the read side's SQL from filters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def where_clause(clauses: Sequence[str]) -> str:
    return f" WHERE {' AND '.join(clauses)}" if clauses else ""


def one_of(column: str, values: Sequence[str], prefix: str, params: dict[str, Any]) -> str:
    """``column IN (:prefix_0, ...)``, adding the values to ``params``."""
    names = [f"{prefix}_{i}" for i in range(len(values))]
    params.update(zip(names, values, strict=True))
    return f"{column} IN ({', '.join(':' + n for n in names)})"


def in_any(
    columns: Sequence[str], values: Sequence[str], prefix: str, params: dict[str, Any]
) -> str:
    """Rows where any of ``columns`` holds one of ``values`` (a case from or to any of
    several agencies), adding the values to ``params``."""
    names = [f"{prefix}_{i}" for i in range(len(values))]
    params.update(zip(names, values, strict=True))
    listed = ", ".join(":" + name for name in names)
    return f"({' OR '.join(f'{column} IN ({listed})' for column in columns)})"


def subtree(unit_column: str, agency_param: str, unit_param: str) -> str:
    """Rows whose unit is the given unit or one below it."""
    return (
        f"{unit_column} IN (SELECT unit_code FROM directory_unit_tree WHERE "  # noqa: S608
        f"agency_code = :{agency_param} AND ancestor_code = :{unit_param})"
    )
