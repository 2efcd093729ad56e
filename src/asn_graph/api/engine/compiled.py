"""Selection sets compiled to Python functions, for answers made of plain values.

Replaces graphql-core's ``execute_fields`` / ``execute_field`` / ``complete_value`` walk (what
the schema's execution context does with the fast paths off) for whole selection sets. A list
answer is mostly rows of plain values: a NIP, a name, a rank, a date, read off an attribute and
written to the response as they are (or by a lookup, for an enum). For such a selection set
(every field read by Strawberry's default resolver or by a plain method of the object, without
arguments or directives, on object types that need no type check) one function is generated,
once per selection set and not per request: it reads each attribute, checks that the value is
exactly of the kind that needs no coercion beyond a lookup, and builds the answer's
dictionary. Any value it does not take (a null in a non-null field, a value of another type, an
enum member the schema does not name) raises ``NotCompiled`` (``Miss`` in the generated code),
and the caller answers that object through the general executor instead, which gives the exact
result and errors; any other exception is a bug, counted and logged by ``fallbacks``. GraphQL.js
servers use the same technique (graphql-jit).
"""

from __future__ import annotations

import builtins
import keyword
import math
from collections import OrderedDict
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    GraphQLString,
    SelectionSetNode,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.language import FieldNode, FragmentSpreadNode, InlineFragmentNode
from strawberry.schema.schema_converter import CustomGraphQLEnumType
from strawberry.types.field import StrawberryField

STRAWBERRY_DEFINITION = "strawberry-definition"
INT_RANGE = (-(2**31), 2**31 - 1)

Complete = Callable[[Any], dict[str, Any]]
CollectSubfields = Callable[[GraphQLObjectType, FieldDetailsList], GroupedFieldSet | None]
"""The sub-selection of a field on an object type, or None when it cannot be compiled
(deferred fragments)."""


class NotCompiled(Exception):
    """The selection set has a field the compiled path does not answer."""


class Compiler:
    """Compiles selection sets of one schema; remembers the most recent ``capacity``."""

    def __init__(self, schema: GraphQLSchema, capacity: int = 512) -> None:
        self.schema = schema
        self.capacity = capacity
        self._compiled: OrderedDict[tuple[Any, ...], tuple[Complete | None, object]] = OrderedDict()

    def compiled(
        self,
        parent_type: GraphQLObjectType,
        grouped_field_set: GroupedFieldSet,
        fragments: dict[str, Any],
        collect_subfields: CollectSubfields,
    ) -> Complete | None:
        """The function answering ``grouped_field_set`` on ``parent_type``, or None."""
        # Field nodes are the document's, shared by every request of the same text (the
        # parser cache): their identities name the selection. The entry keeps the set alive,
        # so that no id in the key is reused while it is remembered.
        key = (
            parent_type,
            *(
                (name, *(id(details.node) for details in field_details_list))
                for name, field_details_list in grouped_field_set.items()
            ),
        )
        known = self._compiled.get(key)
        if known is not None:
            self._compiled.move_to_end(key)
            return known[0]
        try:
            complete: Complete | None = _Generator(self.schema, fragments, collect_subfields).build(
                parent_type, grouped_field_set
            )
        except NotCompiled:
            complete = None
        self._compiled[key] = (complete, grouped_field_set)
        if len(self._compiled) > self.capacity:
            self._compiled.popitem(last=False)
        return complete


class _Generator:
    """Writes the source of one function per object selection (and per list of leaves),
    nested by calls, and compiles them together."""

    def __init__(
        self, schema: GraphQLSchema, fragments: dict[str, Any], collect: CollectSubfields
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.collect = collect
        self.names: dict[str, object] = {"Miss": NotCompiled, "isfinite": math.isfinite}
        self.functions: list[str] = []

    def build(self, parent_type: GraphQLObjectType, grouped: GroupedFieldSet) -> Complete:
        entry = self._object(parent_type, grouped)
        namespace: dict[str, Any] = dict(self.names)
        source = "\n\n".join(self.functions)
        exec(compile(source, f"<selection of {parent_type.name}>", "exec"), namespace)  # noqa: S102
        complete: Complete = namespace[entry]
        return complete

    def _function(self, prefix: str) -> tuple[str, int]:
        """A name and a place for a function whose source is written later."""
        self.functions.append("")
        index = len(self.functions) - 1
        return f"{prefix}_{index}", index

    def _constant(self, value: object) -> str:
        name = f"k{len(self.names)}"
        self.names[name] = value
        return name

    def _object(self, object_type: GraphQLObjectType, grouped: GroupedFieldSet) -> str:
        if object_type.is_type_of is not None:
            raise NotCompiled
        name, index = self._function(f"complete_{object_type.name}")
        lines = [f"def {name}(source):"]
        entries: list[str] = []
        for position, (response_name, details) in enumerate(grouped.items()):
            if any(d.defer_usage is not None or d.fragment_variable_values for d in details):
                raise NotCompiled
            value = f"v{position}"
            lines += self._field(object_type, details, value)
            entries.append(f"{response_name!r}: {value}")
        lines.append(f"    return {{{', '.join(entries)}}}")
        self.functions[index] = "\n".join(lines)
        return name

    def _field(
        self, parent_type: GraphQLObjectType, details: FieldDetailsList, value: str
    ) -> list[str]:
        node = details[0].node
        field_name = node.name.value
        if field_name == "__typename":
            return [f"    {value} = {parent_type.name!r}"]
        field_def = self.schema.get_field(parent_type, field_name)
        definition = field_def.extensions.get(STRAWBERRY_DEFINITION) if field_def else None
        if node.arguments or field_def is None or not isinstance(definition, StrawberryField):
            raise NotCompiled
        read = f"    {value} = {self._read(definition, field_def.resolve)}"
        field_type = field_def.type
        if isinstance(field_type, GraphQLNonNull):
            answer = self._value(field_type.of_type, details, value, "    ")
            return [read, f"    if {value} is None: raise Miss", *answer]
        answer = self._value(field_type, details, value, "        ")
        return [read, f"    if {value} is not None:", *answer]

    def _read(self, definition: StrawberryField, resolve: Any) -> str:
        """An attribute read by the default resolver, or a call of a method that takes
        nothing but the object (``def cursor(self) -> str``): sync, without arguments, field
        extensions or permissions."""
        if definition.extensions:
            raise NotCompiled
        resolver = definition.base_resolver
        if resolver is None:
            if not getattr(resolve, "_is_default", False):
                raise NotCompiled
            attribute = definition.python_name
            if definition.default_resolver is builtins.getattr and _is_attribute(attribute):
                return f"source.{attribute}"
            reader = self._constant(definition.default_resolver)
            return f"{reader}(source, {attribute!r})"
        if (
            resolver.is_async
            or resolver.arguments
            or resolver.info_parameter
            or resolver.root_parameter
            or resolver.parent_parameter
        ):
            raise NotCompiled
        method = self._constant(resolver.wrapped_func)
        return f"{method}(source)" if resolver.self_parameter else f"{method}()"

    def _value(
        self, named: GraphQLOutputType, details: FieldDetailsList, value: str, indent: str
    ) -> list[str]:
        """Lines that check ``value`` (not None) and replace it with its answer."""
        if is_leaf_type(named):
            return [indent + line for line in self._leaf(named, value)]
        if isinstance(named, GraphQLList):
            if not isinstance(named.of_type, GraphQLNonNull):
                raise NotCompiled
            item_type = named.of_type.of_type
            item = (
                self._leaf_function(item_type)
                if is_leaf_type(item_type)
                else self._nested_object(item_type, details)
            )
            return [
                f"{indent}if {value}.__class__ is not list and {value}.__class__ is not tuple:",
                f"{indent}    raise Miss",
                f"{indent}{value} = [{item}(i) for i in {value}]",
            ]
        return [f"{indent}{value} = {self._nested_object(named, details)}({value})"]

    def _nested_object(self, named: Any, details: FieldDetailsList) -> str:
        if not isinstance(named, GraphQLObjectType) or any(
            _has_directives(detail.node.selection_set, self.fragments) for detail in details
        ):
            raise NotCompiled
        grouped = self.collect(named, details)
        if grouped is None:
            raise NotCompiled
        return self._object(named, grouped)

    def _leaf_function(self, leaf: Any) -> str:
        name, index = self._function("leaf")
        checks = "\n".join("    " + line for line in self._leaf(leaf, "v"))
        self.functions[index] = (
            f"def {name}(v):\n    if v is None: raise Miss\n{checks}\n    return v"
        )
        return name

    def _leaf(self, leaf: Any, value: str) -> list[str]:
        if leaf in (GraphQLString, GraphQLID):
            return [f"if {value}.__class__ is not str: raise Miss"]
        if leaf is GraphQLBoolean:
            return [f"if {value}.__class__ is not bool: raise Miss"]
        if leaf is GraphQLInt:
            low, high = INT_RANGE
            return [
                f"if {value}.__class__ is not int or not {low} <= {value} <= {high}: raise Miss"
            ]
        if leaf is GraphQLFloat:
            return [f"if {value}.__class__ is not float or not isfinite({value}): raise Miss"]
        if isinstance(leaf, CustomGraphQLEnumType):
            members = self._constant(leaf.wrapped_cls)
            names = self._constant(enum_names(leaf))
            return [
                f"if {value}.__class__ is not {members}: raise Miss",
                f"{value} = {names}.get({value}._name_)",
                f"if {value} is None: raise Miss",
            ]
        coerce = self._constant(leaf.coerce_output_value)
        return [f"{value} = {coerce}({value})", f"if {value} is None: raise Miss"]


def enum_names(enum_type: CustomGraphQLEnumType) -> dict[str, str]:
    """The GraphQL name of each member of the enum's Python class, by the member's Python
    name (a member's own hash is a Python call; its name's is not)."""
    by_value: dict[Any, str] = {}
    for name, enum_value in enum_type.values.items():
        by_value.setdefault(enum_value.value, name)
    members: list[Enum] = list(enum_type.wrapped_cls)
    return {member.name: by_value[member.value] for member in members if member.value in by_value}


def _is_attribute(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("__")


def _has_directives(selection_set: SelectionSetNode | None, fragments: dict[str, Any]) -> bool:
    """Whether any selection below carries a directive (its collection could then depend on
    the request's variables)."""
    return any(True for _ in _directives(selection_set, fragments, set()))


def _directives(
    selection_set: SelectionSetNode | None, fragments: dict[str, Any], seen: set[str]
) -> Iterator[object]:
    if selection_set is None:
        return
    for selection in selection_set.selections:
        if selection.directives:
            yield selection
        if isinstance(selection, FieldNode | InlineFragmentNode):
            yield from _directives(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in seen:
                continue
            seen.add(name)
            fragment = fragments.get(name)
            if fragment is None:
                yield selection  # not a fragment of this document: nothing is assumed
                continue
            yield from _directives(fragment.definition.selection_set, fragments, seen)
