"""The bounds every PostgreSQL connection of asn-graph is opened with, so that no call waits
for an unreachable server longer than the database timeout."""

from __future__ import annotations

import math

LIBPQ_SHORTEST_CONNECT_TIMEOUT = 2
"""libpq takes any connect_timeout below two seconds as two."""


def connection_bounds(seconds: float) -> dict[str, int]:
    """libpq options: give up connecting after ``seconds``; take a connection whose server no
    longer acknowledges what was sent, or answers no keepalive, as lost after about as long
    (the kernel's defaults wait minutes)."""
    whole = max(1, math.ceil(seconds))
    return {
        "connect_timeout": max(LIBPQ_SHORTEST_CONNECT_TIMEOUT, whole),
        "keepalives": 1,
        "keepalives_idle": whole,
        "keepalives_interval": 1,
        "keepalives_count": 3,
        "tcp_user_timeout": whole * 1000,
    }
