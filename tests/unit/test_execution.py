"""The leaf shortcut answers exactly as the general executor: values, nulls, errors, aliases,
directives, enums and custom scalars."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

import strawberry

from asn_graph.api.engine.execution import PlainFieldExecutionContext


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

    @strawberry.field
    async def later(self) -> str:
        return self.nip[::-1]


@strawberry.type
class Edge:
    cursor: str
    node: Row


@strawberry.type
class Page:
    edges: list[Edge]
    first: Edge | None
    size: int | None


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


def _page(*rows: Plain) -> Page | None:
    edges = [Edge(cursor=f"c{n}", node=row) for n, row in enumerate(rows)]  # type: ignore[arg-type]
    return Page(edges=edges, first=edges[0] if edges else None, size=None)


GOOD = Plain("a1", Grade.III_A, date(2024, 1, 2), "x")
NO_REQUIRED = Plain("c3", Grade.III_A, None, None)


@strawberry.type
class Lists:
    @strawberry.field
    def good(self) -> Page | None:
        return _page(GOOD, Plain("b2", Grade.IV_E, None, "y"))

    @strawberry.field
    def empty(self) -> Page | None:
        return _page()

    @strawberry.field
    def broken(self) -> Page | None:
        return _page(GOOD, NO_REQUIRED)


PAGE = "{ %s { edges { cursor node { nip grade later required } } first { cursor } size } }"
QUERY = """query($skip: Boolean!) { rows { id: nip grade since shouted required @skip(if: $skip)
  __typename } }"""


def _both(
    query: str, variables: dict[str, Any] | None = None, root: type = Query
) -> tuple[Any, Any]:
    general = strawberry.Schema(query=root)
    shortcut = strawberry.Schema(query=root, execution_context_class=PlainFieldExecutionContext)

    async def execute(schema: strawberry.Schema) -> Any:
        result = await schema.execute(query, variable_values=variables)
        # As in a server, the loop goes on: siblings of a failed field settle in the background.
        await asyncio.sleep(0.01)
        return result

    return asyncio.run(execute(general)), asyncio.run(execute(shortcut))


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


def test_objects_and_lists_of_objects_held_by_attributes_are_as_the_general_executor_gives() -> (
    None
):
    for name in ("good", "empty"):
        general, shortcut = _both(PAGE % name, root=Lists)
        assert shortcut.errors is None
        assert shortcut.data == general.data
    assert shortcut.data == {"empty": {"edges": [], "first": None, "size": None}}
    general, shortcut = _both(PAGE % "good", root=Lists)
    assert shortcut.data["good"]["edges"][1] == {
        "cursor": "c1",
        "node": {"nip": "b2", "grade": "IV_E", "later": "2b", "required": "y"},
    }


def test_an_error_deep_in_a_list_nulls_up_to_the_nearest_nullable_field_as_it_would() -> None:
    general, shortcut = _both(PAGE % "broken", root=Lists)
    assert shortcut.data == general.data == {"broken": None}
    assert [(e.message, e.path) for e in shortcut.errors] == [
        (e.message, e.path) for e in general.errors
    ]
    assert [e.path for e in shortcut.errors] == [["broken", "edges", 1, "node", "required"]]


COMPILABLE = (
    "{ %s { edges { cursor node { nip grade since shouted required __typename } } "
    "first { cursor node { id: nip } } size } }"
)


def test_selections_of_plain_fields_and_plain_methods_answer_as_the_general_executor() -> None:
    for name in ("good", "empty"):
        general, shortcut = _both(COMPILABLE % name, root=Lists)
        assert shortcut.errors is None
        assert shortcut.data == general.data
    assert shortcut.data == {"empty": {"edges": [], "first": None, "size": None}}
    general, shortcut = _both(COMPILABLE % "good", root=Lists)
    assert shortcut.data["good"]["edges"][0] == {
        "cursor": "c0",
        "node": {
            "nip": "a1",
            "grade": "III_A",
            "since": "2024-01-02",
            "shouted": "A1",
            "required": "x",
            "__typename": "Row",
        },
    }
    assert shortcut.data["good"]["first"] == {"cursor": "c0", "node": {"id": "a1"}}


def test_a_value_a_compiled_selection_does_not_take_is_answered_with_the_exact_errors() -> None:
    general, shortcut = _both(COMPILABLE % "broken", root=Lists)
    assert shortcut.data == general.data == {"broken": None}
    assert [(e.message, e.path) for e in shortcut.errors] == [
        (e.message, e.path) for e in general.errors
    ]
    assert [e.path for e in shortcut.errors] == [["broken", "edges", 1, "node", "required"]]


FRAGMENTS = """query($full: Boolean!) { good { ...Page } }
fragment Page on Page { edges { node { ...RowFields } } }
fragment RowFields on Row { nip grade @include(if: $full) ... on Row { since } }"""


def test_directives_below_a_selection_follow_each_request_s_variables() -> None:
    general = strawberry.Schema(query=Lists)
    shortcut = strawberry.Schema(query=Lists, execution_context_class=PlainFieldExecutionContext)

    async def answers(schema: strawberry.Schema) -> list[Any]:
        # The same document twice, with other variables: nothing of the first may stick.
        results = []
        for full in (True, False, True):
            result = await schema.execute(FRAGMENTS, variable_values={"full": full})
            assert result.errors is None
            results.append(result.data)
        return results

    expected, found = asyncio.run(answers(general)), asyncio.run(answers(shortcut))
    assert found == expected
    assert found[0]["good"]["edges"][1]["node"] == {"nip": "b2", "grade": "IV_E", "since": None}
    assert found[1]["good"]["edges"][1]["node"] == {"nip": "b2", "since": None}
