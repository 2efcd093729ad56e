"""Input objects built by a plan made once per type, instead of Strawberry's walk per request.

Replaces ``strawberry.types.arguments.convert_argument``'s walk over an input type's fields
(what every input is built by with the fast paths off, when no plan is installed): the
placements filter's conversion 21 -> 6 us.

Strawberry turns a GraphQL input value into its Python class by looking at every field of
the type on every request: the field's GraphQL name, its resolved annotation, what kind of
type that is. For a filter of five fields that is about a tenth of a short read. The
schema's types do not change once it is built, so each input type gets, through Strawberry's
``from_input`` hook, a plan of its fields worked out once: which Python argument each GraphQL
field fills, which values pass as they are (scalars and enums, which graphql-core has already
coerced), which lists are copied, and which values (nested inputs, global IDs, ``Maybe``)
are handed back to Strawberry's own conversion. The value built is the one Strawberry builds.

A plan lives on the type's definition, which every schema built from the same Python types
shares: ``install`` and ``remove`` are process-wide. Types with a ``Maybe`` field get no plan:
Strawberry's validation leaves the nulls of a type with its own ``from_input`` to it, so
such a type would be validated differently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING
from typing import Any

import strawberry
from graphql import GraphQLInputObjectType
from strawberry.relay.types import GlobalID
from strawberry.scalars import is_scalar
from strawberry.types.arguments import InputContext
from strawberry.types.base import (
    StrawberryList,
    StrawberryMaybe,
    StrawberryObjectDefinition,
    StrawberryOptional,
    StrawberryType,
)
from strawberry.types.enum import StrawberryEnumDefinition, has_enum_definition
from strawberry.types.lazy_type import LazyType
from strawberry.types.unset import UNSET

from asn_graph.api.engine.compiled import STRAWBERRY_DEFINITION

Convert = Callable[[Any, InputContext, str], Any]
"""A field's value, its input's context and its GraphQL name -> the Python value."""


def install(schema: strawberry.Schema) -> None:
    """Gives every input type of ``schema`` that builds its value the default way a plan."""
    registry = schema.schema_converter.scalar_registry
    for graphql_type in schema._schema.type_map.values():
        if not isinstance(graphql_type, GraphQLInputObjectType):
            continue
        definition = graphql_type.extensions.get(STRAWBERRY_DEFINITION)
        if (
            isinstance(definition, StrawberryObjectDefinition)
            and definition.from_input is None
            and not _has_maybe(definition)
        ):
            definition.from_input = InputPlan(definition, schema, registry)


def remove(schema: strawberry.Schema) -> None:
    """Takes the plans ``install`` gave off the input types of ``schema``: Strawberry's own
    conversion builds their values again."""
    for graphql_type in schema._schema.type_map.values():
        definition = graphql_type.extensions.get(STRAWBERRY_DEFINITION)
        if isinstance(definition, StrawberryObjectDefinition) and isinstance(
            definition.from_input, InputPlan
        ):
            definition.from_input = None


def _has_maybe(definition: StrawberryObjectDefinition) -> bool:
    return any(
        isinstance(field.resolve_type(type_definition=definition), StrawberryMaybe)
        for field in definition.fields
    )


class InputPlan:
    """Builds one input type's value: the ``from_input`` hook of its definition."""

    def __init__(
        self,
        definition: StrawberryObjectDefinition,
        schema: strawberry.Schema,
        registry: Mapping[object, Any],
    ) -> None:
        names = schema.config.name_converter
        # As Strawberry does: a field without a default is None unless the value has it
        # (graphql-core has already refused a missing non-null field).
        self.absent = {
            field.python_name: None
            for field in definition.fields
            if field.default_value is MISSING and field.default_factory is MISSING
        }
        self.fields: tuple[tuple[str, str, Convert | None], ...] = tuple(
            (
                names.from_field(field),
                field.python_name,
                _converter(field.resolve_type(type_definition=definition), registry),
            )
            for field in definition.fields
        )

    def __call__(self, cls: type, value: Mapping[str, Any], context: InputContext) -> Any:
        arguments = dict(self.absent)
        for graphql_name, python_name, convert in self.fields:
            if graphql_name in value:
                item = value[graphql_name]
                arguments[python_name] = (
                    item if convert is None else convert(item, context, graphql_name)
                )
        return cls(**arguments)


def _converter(type_: Any, registry: Mapping[object, Any]) -> Convert | None:
    """How a field of ``type_`` is converted: None when its value passes as it is."""
    if isinstance(type_, StrawberryMaybe):
        return _strawberry(type_)
    if isinstance(type_, StrawberryOptional):
        inner = type_.of_type
        return None if _passes(inner, registry) else _strawberry(type_)
    if _passes(type_, registry):
        return None
    if isinstance(type_, StrawberryList) and _passes(type_.of_type, registry, optional=True):
        return _copied_list
    return _strawberry(type_)


def _passes(type_: Any, registry: Mapping[object, Any], *, optional: bool = False) -> bool:
    """A scalar or enum that Strawberry gives as graphql-core coerced it (global IDs are
    decoded)."""
    if isinstance(type_, LazyType):
        type_ = type_.resolve_type()
    if (
        optional
        and isinstance(type_, StrawberryOptional)
        and not isinstance(type_, StrawberryMaybe)
    ):
        type_ = type_.of_type
    if type_ is GlobalID:
        return False
    return (
        isinstance(type_, StrawberryEnumDefinition)
        or has_enum_definition(type_)
        or (not isinstance(type_, StrawberryType) and is_scalar(type_, registry))
    )


def _copied_list(value: Any, context: InputContext, name: str) -> Any:
    # graphql-core gives the same default list to every request that omits the field: a
    # copy keeps one request's changes from the next.
    if value is None or value is UNSET:
        return value
    return list(value)


def _strawberry(type_: Any) -> Convert:
    def convert(value: Any, context: InputContext, name: str) -> Any:
        return context.convert(value, type_, name)

    return convert
