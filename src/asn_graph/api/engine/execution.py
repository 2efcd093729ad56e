"""Execution of selection sets with a short path for plain fields.

Replaces, field by field, graphql-core's ``ExecutionContext.execute_fields`` /
``execute_field`` / ``complete_value`` as Strawberry's ``StrawberryGraphQLCoreExecutionContext``
runs them (the schema's execution context with the fast paths off). Most fields of a list
answer are attributes read off a row (a NIP, a name, a rank) and coerced to a scalar or enum,
or objects held by an attribute (an edge's node, a page's edges). The general executor builds a
path and a resolve info, calls the resolver and completes the value for each: per row and
field, that is most of the time a list query takes (with the validation cache, 120 -> 265
placements lists/s when plain leaves were first read this way). Here a selection set is first
answered by its compiled function (``compiled.py``); failing that, a field whose resolver is
Strawberry's plain attribute read (no resolver, no field extension, no permission) is read
directly: a scalar or enum is coerced, an object (or a list of non-null objects) of a type that
needs no type check has its own selection executed on it. Anything else, and any value that is
missing or does not coerce, goes through the general executor, and is counted in
``fallbacks``; errors are located and propagated as it does, so answers are exactly what it
would give."""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLID,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    GraphQLString,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import CustomGraphQLEnumType
from strawberry.types.field import StrawberryField

from asn_graph.api.engine import fallbacks
from asn_graph.api.engine.compiled import (
    STRAWBERRY_DEFINITION,
    Compiler,
    Complete,
    NotCompiled,
    enum_names,
)
from asn_graph.api.engine.fallbacks import Fallback


@dataclass(frozen=True)
class PlainRead:
    """How to answer one plain field: read ``attribute`` with ``read``, then coerce it
    (``leaf``) or execute the selection on it (``object_type``, each item if ``in_list``)."""

    read: Callable[[Any, str], Any]
    attribute: str
    field_type: GraphQLOutputType
    leaf: Callable[[Any], Any] | None = None
    object_type: GraphQLObjectType | None = None
    in_list: bool = False


FieldPlan = tuple[str, FieldDetailsList, PlainRead | None]

_COMPILERS: weakref.WeakKeyDictionary[GraphQLSchema, Compiler] = weakref.WeakKeyDictionary()

_PLAIN_READS: dict[tuple[GraphQLObjectType, str], PlainRead | None] = {}
"""How each field of the schema without arguments is read: fixed by the schema, so worked out
once per field for the life of the process rather than once per request."""


class PlainFieldExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # One plan per selection set of this request; the set itself is kept so that its id
        # cannot be reused while the plan lives.
        self._plans: dict[int, tuple[GroupedFieldSet, list[FieldPlan] | None]] = {}
        manager = self.middleware_manager
        self._shortcuts = manager is None or not manager.middlewares
        self._complete: dict[int, tuple[GroupedFieldSet, Complete | None]] = {}
        compiler = _COMPILERS.get(self.schema)
        if compiler is None:
            compiler = _COMPILERS[self.schema] = Compiler(self.schema)
        self._compiler = compiler

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        if self._shortcuts and position_context is None:
            complete = self._compiled(parent_type, grouped_field_set)
            if complete is not None:
                # A value the compiled path does not take is answered below, with the exact
                # result and errors of the general path; any other error is a bug of it.
                try:
                    return complete(source_value)
                except NotCompiled:
                    fallbacks.count(Fallback.COMPILED_MISS)
                except Exception as error:
                    fallbacks.unexpected(Fallback.COMPILED_ERROR, _selection(complete), error)
        plan = self._plan(parent_type, grouped_field_set) if self._shortcuts else None
        if plan is None:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        results: dict[str, Any] = {}
        awaitable_fields: list[str] = []
        is_awaitable = self.is_awaitable
        try:
            for response_name, field_details_list, read in plan:
                if read is not None and read.leaf is not None:
                    value = _read_leaf(read, source_value)
                    if value is not Undefined:
                        results[response_name] = value
                        continue
                field_path = Path(path, response_name, parent_type.name)
                result: Any = Undefined
                if read is not None and read.object_type is not None:
                    result = self._complete_plain_object(
                        read, source_value, field_details_list, field_path, position_context
                    )
                if result is Undefined:
                    result = self.execute_field(
                        parent_type, source_value, field_details_list, field_path, position_context
                    )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[name] for name in awaitable_fields])
            raise
        if not awaitable_fields:
            return results

        async def get_results() -> dict[str, Any]:
            awaited = await gather_with_cancel(*(results[name] for name in awaitable_fields))
            results.update(zip(awaitable_fields, awaited, strict=True))
            return results

        return get_results()

    def _complete_plain_object(
        self,
        read: PlainRead,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        """The object (or list of objects) of a plain field with its selection executed, or
        Undefined when the general executor must answer (a null, deferred fragments,
        incremental delivery, a value that is not what the type says)."""
        object_type = read.object_type
        assert object_type is not None
        if position_context is not None:
            return Undefined
        try:
            value = read.read(source, read.attribute)
        except Exception:
            # Read again by the general executor, whose error it is.
            value = None
        if value is None or (read.in_list and not isinstance(value, list | tuple)):
            fallbacks.count(Fallback.PLAIN_OBJECT)
            return Undefined
        grouped, deferred, _ = self.collect_subfields(object_type, field_details_list)
        if deferred:
            fallbacks.count(Fallback.PLAIN_OBJECT)
            return Undefined
        try:
            if not read.in_list:
                completed = self.execute_fields(object_type, value, path, grouped, None)
            else:
                completed = self._complete_items(object_type, value, path, grouped)
        except Exception as raw_error:
            self.handle_field_error(raw_error, read.field_type, field_details_list, path)
            return None
        if self.is_awaitable(completed):
            return self._guarded(completed, read.field_type, field_details_list, path)
        return completed

    def _complete_items(
        self, item_type: GraphQLObjectType, items: Any, path: Path, grouped: GroupedFieldSet
    ) -> Any:
        completed: list[Any] = []
        pending: list[int] = []
        try:
            for index, item in enumerate(items):
                result = self.execute_fields(
                    item_type, item, path.add_key(index, None), grouped, None
                )
                if self.is_awaitable(result):
                    pending.append(index)
                completed.append(result)
        except Exception:
            # Items already started may fail too: they are settled, not left unawaited.
            if pending:
                self.settle_in_background([completed[index] for index in pending])
            raise
        if not pending:
            return completed

        async def await_items() -> list[Any]:
            awaited = await gather_with_cancel(*(completed[index] for index in pending))
            for index, item in zip(pending, awaited, strict=True):
                completed[index] = item
            return completed

        return await_items()

    async def _guarded(
        self,
        completed: Awaitable[Any],
        field_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        path: Path,
    ) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, field_type, field_details_list, path)
            return None

    def _compiled(
        self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet
    ) -> Complete | None:
        known = self._complete.get(id(grouped_field_set))
        if known is None:
            complete = self._compiler.compiled(
                parent_type, grouped_field_set, self.fragments, self._subfields
            )
            known = self._complete[id(grouped_field_set)] = (grouped_field_set, complete)
        return known[1]

    def _subfields(
        self, object_type: GraphQLObjectType, field_details_list: FieldDetailsList
    ) -> GroupedFieldSet | None:
        grouped, deferred, _ = self.collect_subfields(object_type, field_details_list)
        return None if deferred else grouped

    def _plan(
        self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet
    ) -> list[FieldPlan] | None:
        """The fields of a selection set, each with its plain read if it has one; None when
        none has (the general executor is then used as it is)."""
        known = self._plans.get(id(grouped_field_set))
        if known is not None:
            return known[1]
        plan: list[FieldPlan] = [
            (response_name, field_details_list, self._plain_read(parent_type, field_details_list))
            for response_name, field_details_list in grouped_field_set.items()
        ]
        found = plan if any(read is not None for _, _, read in plan) else None
        self._plans[id(grouped_field_set)] = (grouped_field_set, found)
        return found

    def _plain_read(
        self, parent_type: GraphQLObjectType, field_details_list: FieldDetailsList
    ) -> PlainRead | None:
        node = field_details_list[0].node
        if node.arguments:
            return None
        key = (parent_type, node.name.value)
        try:
            return _PLAIN_READS[key]
        except KeyError:
            read = _PLAIN_READS[key] = self._plain_read_of(parent_type, node.name.value)
            return read

    def _plain_read_of(self, parent_type: GraphQLObjectType, name: str) -> PlainRead | None:
        field_def = self.schema.get_field(parent_type, name)
        if field_def is None or not getattr(field_def.resolve, "_is_default", False):
            return None
        definition = field_def.extensions.get(STRAWBERRY_DEFINITION)
        if not isinstance(definition, StrawberryField) or not definition.is_basic_field:
            return None
        field_type = field_def.type
        read = definition.default_resolver
        named = _nullable(field_type)
        if is_leaf_type(named):
            return PlainRead(read, definition.python_name, field_type, leaf=_coercer(named))
        in_list = isinstance(named, GraphQLList)
        if in_list:
            # Only non-null items: a failing item then fails the whole list, as it would.
            if not isinstance(named.of_type, GraphQLNonNull):
                return None
            named = named.of_type.of_type
        if isinstance(named, GraphQLObjectType) and named.is_type_of is None:
            return PlainRead(
                read, definition.python_name, field_type, object_type=named, in_list=in_list
            )
        return None


def _coercer(leaf: GraphQLLeafType) -> Callable[[Any], Any]:
    """The leaf type's output coercion, with the common cases answered directly: text of a
    text type as it is, and members of a Python enum by a lookup rather than Strawberry's
    scan of every value."""
    coerce = leaf.coerce_output_value

    def general(value: Any) -> Any:
        fallbacks.count(Fallback.PLAIN_COERCION)
        return coerce(value)

    if leaf in (GraphQLString, GraphQLID):
        return lambda value: value if type(value) is str else general(value)
    if isinstance(leaf, CustomGraphQLEnumType):
        names, members = enum_names(leaf), leaf.wrapped_cls

        def enum_name(value: Any) -> Any:
            name = names.get(value._name_) if isinstance(value, members) else None
            return general(value) if name is None else name

        return enum_name
    return coerce


def _nullable(field_type: GraphQLOutputType) -> Any:
    return field_type.of_type if isinstance(field_type, GraphQLNonNull) else field_type


def _read_leaf(read: PlainRead, source: Any) -> Any:
    """The coerced value, or Undefined when the general executor must answer (a null, which
    may break a non-null type, or a value that fails to read or coerce: its error belongs to
    the general path)."""
    assert read.leaf is not None
    try:
        value = read.read(source, read.attribute)
        coerced = None if value is None else read.leaf(value)
    except Exception:
        coerced = None
    if coerced is None:
        fallbacks.count(Fallback.PLAIN_LEAF)
        return Undefined
    return coerced


def _selection(complete: Complete) -> str:
    """Where a compiled function came from, for the log: its generated file's name says which
    type's selection it answers; its identity tells selections apart."""
    return f"{complete.__code__.co_filename} #{id(complete):x}"
