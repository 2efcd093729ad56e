"""Read-your-writes: a client sends the log position its mutation returned, and the answer
says which position the read models held when it was read."""

from __future__ import annotations

from typing import Any

from strawberry.extensions import SchemaExtension

from asn_graph.domain.errors import InvalidInput

MIN_POSITION_HEADER = "x-asn-graph-min-position"


def min_position(header: str | None) -> int | None:
    if header is None or not header.strip():
        return None
    value = header.strip()
    if not value.isdigit():
        raise InvalidInput(
            "consistency.must_log_position_whole_number",
            field=MIN_POSITION_HEADER,
            min_position_header=MIN_POSITION_HEADER,
            value=value,
        )
    return int(value)


def freshness_extensions(context: Any) -> dict[str, Any]:
    """``readModel`` for an answer that read the read models: the position they held."""
    freshness = getattr(context, "freshness", None)
    if freshness is None:
        return {}
    return {
        "readModel": {
            "position": freshness.position,
            "requestedPosition": freshness.requested,
            "caughtUp": freshness.caught_up,
        }
    }


class ReadFreshness(SchemaExtension):
    """Adds ``extensions.readModel`` to every answer that read the read models."""

    def get_results(self) -> dict[str, Any]:
        return freshness_extensions(self.execution_context.context)
