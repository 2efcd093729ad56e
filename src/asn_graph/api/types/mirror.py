"""Building GraphQL objects from values: from a domain value object whose fields carry the
same names, and, for the objects of long lists, by position without the keyword ``__init__``."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from strawberry.types.field import StrawberryField

T = TypeVar("T")


def mirror(graphql_type: type[T], value: Any) -> T:
    return graphql_type(**{name: getattr(value, name) for name in _names(graphql_type)})


def assembler(graphql_type: type[T]) -> Callable[..., T]:
    """A constructor of ``graphql_type`` taking every field by position, in declaration
    order. A page of rows builds fifty objects or more: this one sets the instance's
    attributes in one step, about half the cost of the dataclass's keyword ``__init__``.
    Only for types whose ``__init__`` does nothing but store its fields (fields answered
    by a method are not stored)."""
    fields = dataclasses.fields(graphql_type)  # type: ignore[arg-type]
    stored_by_init = all(
        field.init or (isinstance(field, StrawberryField) and field.base_resolver is not None)
        for field in fields
    )
    if not stored_by_init or hasattr(graphql_type, "__post_init__"):
        raise TypeError(f"{graphql_type.__name__} does more than store its fields")
    names = tuple(field.name for field in fields if field.init)
    parameters = ", ".join(f"f{n}" for n in range(len(names)))
    entries = ", ".join(f"{name!r}: f{n}" for n, name in enumerate(names))
    source = (
        f"def assemble({parameters}):\n"
        f"    made = new(cls)\n"
        f"    made.__dict__ = {{{entries}}}\n"
        f"    return made\n"
    )
    namespace: dict[str, Any] = {"new": object.__new__, "cls": graphql_type}
    exec(compile(source, f"<assembler of {graphql_type.__name__}>", "exec"), namespace)  # noqa: S102
    assemble: Callable[..., T] = namespace["assemble"]
    return assemble


_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _names(graphql_type: type[Any]) -> tuple[str, ...]:
    names = _NAMES.get(graphql_type)
    if names is None:
        names = _NAMES[graphql_type] = tuple(f.name for f in dataclasses.fields(graphql_type))
    return names
