"""The leaf shortcut answers exactly as the general executor: values, nulls, errors, aliases,
directives, enums and custom scalars."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

import strawberry

from asn_graph.api.execution import LeafShortcutExecutionContext


@strawberry.enum
class Grade(Enum):
    III_A = "III/a"
    IV_E = "IV/e"


@strawberry.type
class Row:
    nip: str
    grade: Grade
    since: date | None
    required: str

    @strawberry.field
    def shouted(self) -> str:
        return self.nip.upper()


@dataclass
class Plain:
    nip: str
    grade: Any
    since: date | None
    required: Any


@strawberry.type
class Query:
    @strawberry.field
    def rows(self) -> list[Row]:
        return [
            Plain("a1", Grade.III_A, date(2024, 1, 2), "x"),  # type: ignore[list-item]
            Plain("b2", Grade.IV_E, None, "y"),  # type: ignore[list-item]
        ]

    @strawberry.field
    def broken(self) -> list[Row]:
        return [
            Plain("c3", Grade.III_A, None, None),  # type: ignore[list-item]
            Plain("d4", "not a grade", None, "z"),  # type: ignore[list-item]
        ]


QUERY = """query($skip: Boolean!) { rows { id: nip grade since shouted required @skip(if: $skip)
  __typename } }"""


def _both(query: str, variables: dict[str, Any] | None = None) -> tuple[Any, Any]:
    general = strawberry.Schema(query=Query)
    shortcut = strawberry.Schema(query=Query, execution_context_class=LeafShortcutExecutionContext)
    return tuple(  # type: ignore[return-value]
        asyncio.run(schema.execute(query, variable_values=variables))
        for schema in (general, shortcut)
    )


def test_values_aliases_directives_enums_and_scalars_are_as_the_general_executor_gives() -> None:
    for skip in (True, False):
        general, shortcut = _both(QUERY, {"skip": skip})
        assert shortcut.errors is None
        assert shortcut.data == general.data
    assert shortcut.data["rows"][0] == {
        "id": "a1",
        "grade": "III_A",
        "since": "2024-01-02",
        "shouted": "A1",
        "required": "x",
        "__typename": "Row",
    }
    assert shortcut.data["rows"][1]["since"] is None


def test_a_null_in_a_non_null_field_and_a_value_that_does_not_coerce_give_the_same_errors() -> None:
    for field, path in (("required", ["broken", 0, "required"]), ("grade", ["broken", 1, "grade"])):
        general, shortcut = _both(f"{{ broken {{ nip {field} }} }}")
        assert shortcut.data == general.data
        assert [(e.message, e.path) for e in shortcut.errors] == [
            (e.message, e.path) for e in general.errors
        ]
        assert [e.path for e in shortcut.errors] == [path]
