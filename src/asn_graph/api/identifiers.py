"""Ids as GraphQL carries them, checked before they reach the store."""

from __future__ import annotations

from uuid import UUID

import strawberry

from asn_graph.domain.errors import InvalidInput


def parse_id(value: strawberry.ID, label: str = "id") -> UUID:
    try:
        return UUID(str(value))
    except ValueError:
        raise InvalidInput(f"{label} is not a valid id: {value!r}", field=label) from None
