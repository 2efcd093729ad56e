"""Building GraphQL objects from a domain value object whose fields carry the same names.
(The objects of long lists are built by ``asn_graph.api.engine.assembler``.)"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def mirror(graphql_type: type[T], value: Any) -> T:
    return graphql_type(**{name: getattr(value, name) for name in _names(graphql_type)})


_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _names(graphql_type: type[Any]) -> tuple[str, ...]:
    names = _NAMES.get(graphql_type)
    if names is None:
        names = _NAMES[graphql_type] = tuple(f.name for f in dataclasses.fields(graphql_type))
    return names
