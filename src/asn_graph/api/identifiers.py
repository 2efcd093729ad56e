"""Ids as GraphQL carries them, checked before they reach the store."""

from __future__ import annotations

from uuid import UUID

import strawberry

from asn_graph.domain.errors import InvalidInput


def parse_id(value: strawberry.ID, label: str = "id") -> UUID:
    try:
        return UUID(str(value))
    except ValueError:
        raise InvalidInput(
            "identifiers.not_valid_id", field=label, label=label, value=value
        ) from None
