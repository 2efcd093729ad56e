"""Execution of selection sets with a short path for plain leaf fields.

Most fields of a list answer are attributes read off a row (a NIP, a name, a rank) and coerced to
a scalar or enum. The general executor builds a path and a resolve info, calls the resolver and
completes the value for each of them: per row and field, that is most of the time a list query
takes. Here a field whose resolver is Strawberry's plain attribute read (no resolver, no field
extension, no permission) and whose type is a scalar or an enum is read and coerced directly.
Anything else, and any value that is missing or does not coerce, goes through the general
executor, so answers and errors are exactly what it would give."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

STRAWBERRY_DEFINITION = "strawberry-definition"


@dataclass(frozen=True)
class LeafRead:
    """How to answer one plain leaf field: read ``attribute`` with ``read``, coerce with
    ``leaf``."""

    read: Callable[[Any, str], Any]
    attribute: str
    leaf: GraphQLLeafType


FieldPlan = tuple[str, FieldDetailsList, LeafRead | None]


class LeafShortcutExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # One plan per selection set of this request; the set itself is kept so that its id
        # cannot be reused while the plan lives.
        self._plans: dict[int, tuple[GroupedFieldSet, list[FieldPlan] | None]] = {}
        manager = self.middleware_manager
        self._shortcuts = manager is None or not manager.middlewares

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
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
                if read is not None:
                    value = _read_leaf(read, source_value)
                    if value is not Undefined:
                        results[response_name] = value
                        continue
                result = self.execute_field(
                    parent_type,
                    source_value,
                    field_details_list,
                    Path(path, response_name, parent_type.name),
                    position_context,
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

    def _plan(
        self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet
    ) -> list[FieldPlan] | None:
        """The fields of a selection set, each with its leaf read if it has one; None when
        none has (the general executor is then used as it is)."""
        known = self._plans.get(id(grouped_field_set))
        if known is not None:
            return known[1]
        plan: list[FieldPlan] = []
        for response_name, field_details_list in grouped_field_set.items():
            plan.append(
                (
                    response_name,
                    field_details_list,
                    self._leaf_read(parent_type, field_details_list),
                )
            )
        found = plan if any(read is not None for _, _, read in plan) else None
        self._plans[id(grouped_field_set)] = (grouped_field_set, found)
        return found

    def _leaf_read(
        self, parent_type: GraphQLObjectType, field_details_list: FieldDetailsList
    ) -> LeafRead | None:
        node = field_details_list[0].node
        if node.arguments:
            return None
        field_def = self.schema.get_field(parent_type, node.name.value)
        if field_def is None or not getattr(field_def.resolve, "_is_default", False):
            return None
        definition = field_def.extensions.get(STRAWBERRY_DEFINITION)
        if not isinstance(definition, StrawberryField) or not definition.is_basic_field:
            return None
        field_type = field_def.type
        leaf = field_type.of_type if isinstance(field_type, GraphQLNonNull) else field_type
        if not is_leaf_type(leaf):
            return None
        return LeafRead(definition.default_resolver, definition.python_name, leaf)


def _read_leaf(read: LeafRead, source: Any) -> Any:
    """The coerced value, or Undefined when the general executor must answer (a null, which
    may break a non-null type, or a value that fails to read or coerce: its error belongs to
    the general path)."""
    try:
        value = read.read(source, read.attribute)
        if value is None:
            return Undefined
        coerced = read.leaf.coerce_output_value(value)
    except Exception:
        return Undefined
    if coerced is None:
        return Undefined
    return coerced
