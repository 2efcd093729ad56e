"""Every input type of the schema is built by its plan exactly as Strawberry builds it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
import strawberry
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)
from strawberry.types.arguments import InputContext, convert_argument

from asn_graph.api.engine.input_conversion import InputPlan, install, remove
from asn_graph.api.schema import build_schema

schema = build_schema(fast_paths=True)

INPUT_TYPES = sorted(
    name
    for name, graphql_type in schema._schema.type_map.items()
    if isinstance(graphql_type, GraphQLInputObjectType) and not name.startswith("__")
)
SCALARS: dict[str, Any] = {
    "String": " Some text ",
    "ID": "d3c0ffee-0000-4000-8000-000000000001",
    "Int": 7,
    "Boolean": True,
    "Date": date(2026, 1, 2),
    "DateTime": datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
}


@pytest.fixture(autouse=True)
def plans() -> Iterator[None]:
    """Plans live on the types, shared by every schema of the process: installed for each
    test here, taken off after it."""
    install(schema)
    yield
    remove(schema)


def coerced(graphql_type: GraphQLInputType, *, every_field: bool) -> Any:
    """A value of ``graphql_type`` as graphql-core hands it to Strawberry after coercion."""
    if isinstance(graphql_type, GraphQLNonNull):
        return coerced(graphql_type.of_type, every_field=every_field)
    if isinstance(graphql_type, GraphQLList):
        return [coerced(graphql_type.of_type, every_field=every_field) for _ in range(2)]
    if isinstance(graphql_type, GraphQLEnumType):
        return list(graphql_type.values.values())[-1].value
    if isinstance(graphql_type, GraphQLScalarType):
        return SCALARS[graphql_type.name]
    assert isinstance(graphql_type, GraphQLInputObjectType)
    return {
        name: coerced(field.type, every_field=every_field)
        for name, field in graphql_type.fields.items()
        if every_field or isinstance(field.type, GraphQLNonNull)
    }


def built(name: str, value: Any, *, planned: bool) -> Any:
    definition = schema._schema.type_map[name].extensions["strawberry-definition"]
    plan = definition.from_input
    assert isinstance(plan, InputPlan)
    if not planned:
        definition.from_input = None
    try:
        return convert_argument(
            value, definition.origin, schema.schema_converter.scalar_registry, schema.config
        )
    finally:
        definition.from_input = plan


@pytest.mark.parametrize("name", INPUT_TYPES)
@pytest.mark.parametrize("every_field", [True, False], ids=["every field", "required only"])
def test_an_input_is_built_as_strawberry_builds_it(name: str, every_field: bool) -> None:
    value = coerced(schema._schema.type_map[name], every_field=every_field)  # type: ignore[arg-type]

    assert built(name, value, planned=True) == built(name, value, planned=False)


def test_nulls_and_omitted_fields_are_as_strawberry_leaves_them() -> None:
    value = {"agencyCode": "12", "unitCode": None}

    planned = built("PlacementFilterInput", value, planned=True)

    assert planned == built("PlacementFilterInput", value, planned=False)
    assert planned.unit_code is None
    assert planned.include_sub_units is False
    assert planned.rank is None


def test_a_list_is_copied_so_that_a_shared_default_is_never_changed() -> None:
    preferences = ["1.02.01", "1.02.02"]
    value = {"caseId": "c-1", "agrees": False, "preferences": preferences}

    answer = built("AnswerProposalInput", value, planned=True)

    assert answer.preferences == preferences
    assert answer.preferences is not preferences


def test_nested_inputs_are_built_with_their_own_plans_and_know_their_path() -> None:
    definition = schema._schema.type_map["PlacementInput"].extensions["strawberry-definition"]
    seen: list[tuple[str | int, ...]] = []
    plan = definition.from_input

    def watching(cls: type, value: Any, context: InputContext) -> Any:
        seen.append(context.path)
        return plan(cls, value, context)

    definition.from_input = watching
    try:
        value = coerced(schema._schema.type_map["OpenTransferCaseInput"], every_field=True)  # type: ignore[arg-type]
        built("OpenTransferCaseInput", value, planned=True)
    finally:
        definition.from_input = plan

    assert seen == [("destination",)]


@strawberry.input
class Note:
    text: str | None


@strawberry.type
class EchoQuery:
    @strawberry.field
    def echo(self, note: Note) -> str:
        return repr(note.text)


def test_a_nullable_field_without_a_default_is_none_when_omitted() -> None:
    small = strawberry.Schema(query=EchoQuery)
    install(small)

    assert small.execute_sync("{ echo(note: {}) }").data == {"echo": "None"}
    assert small.execute_sync('{ echo(note: {text: "a"}) }').data == {"echo": "'a'"}


def test_removed_plans_leave_every_input_to_strawberry() -> None:
    remove(schema)

    assert not any(
        isinstance(definition.from_input, InputPlan)
        for graphql_type in schema._schema.type_map.values()
        if (definition := graphql_type.extensions.get("strawberry-definition")) is not None
        and hasattr(definition, "from_input")
    )


@strawberry.input
class Patch:
    text: strawberry.Maybe[str]


@strawberry.type
class PatchQuery:
    @strawberry.field
    def patch(self, patch: Patch) -> str:
        return repr(patch.text)


def test_an_input_with_a_maybe_field_keeps_strawberry_s_conversion_and_validation() -> None:
    small = strawberry.Schema(query=PatchQuery)
    install(small)

    assert Patch.__strawberry_definition__.from_input is None  # type: ignore[attr-defined]
    assert small.execute_sync("{ patch(patch: {text: null}) }").errors
