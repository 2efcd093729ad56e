"""Builds a GraphQL type from a domain value object whose fields carry the same names."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def mirror(graphql_type: type[T], value: Any) -> T:
    names = [f.name for f in dataclasses.fields(graphql_type)]  # type: ignore[arg-type]
    return graphql_type(**{name: getattr(value, name) for name in names})
