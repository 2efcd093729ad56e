"""Liveness and readiness, answered apart so that an orchestrator restarts only a process that
no longer answers, and sends requests only to one whose store and read models serve.

``/healthz`` (liveness) touches no database: a store that is down for a minute must not get
every API process restarted. ``/readyz`` (readiness) reads the log head and each read model's
position, and is refused while the read models lag more than ``ASN_GRAPH_READY_MAX_LAG``
events behind the log: queries would answer from stale read models, or wait for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from asn_graph.api.backend import Backend
from asn_graph.api.engine import fallbacks
from asn_graph.persistence.deadline import DatabaseUnavailable


def liveness(service: Backend) -> dict[str, Any]:
    # The fast paths' hand-overs to the general ones, so that an operator sees them grow.
    engine = {"fastPaths": service.settings.fast_paths, "fallbacks": fallbacks.snapshot()}
    return {"status": "ok", "engine": engine}


@dataclass(frozen=True)
class Readiness:
    ready: bool
    details: dict[str, Any]

    @property
    def status_code(self) -> int:
        return 200 if self.ready else 503


def readiness(service: Backend) -> Readiness:
    """Reads the store and the read models (blocking: run it off the event loop)."""
    max_lag = service.settings.ready_max_lag
    try:
        head = service.log_head()
    except Exception as error:
        return unready(f"the event store cannot be read ({_why(service, error)})")
    try:
        positions = service.read_model_positions()
    except Exception as error:
        return unready(f"the read models cannot be read ({_why(service, error)})")
    reached = min(positions.values(), default=head)
    lag = max(0, head - reached)
    details: dict[str, Any] = {
        "logPosition": head,
        "readModels": {
            name: {"position": p, "lag": max(0, head - p)} for name, p in positions.items()
        },
        "lag": lag,
        "maxLag": max_lag,
    }
    if lag > max_lag:
        behind = sorted(name for name, p in positions.items() if head - p > max_lag)
        return Readiness(
            False,
            {
                "status": "unavailable",
                "reason": f"the read models are {lag} events behind the log (at most {max_lag} "
                f"allowed): {', '.join(behind)}; is the projection worker running?",
                **details,
            },
        )
    return Readiness(True, {"status": "ok", **details})


def unready(reason: str) -> Readiness:
    return Readiness(False, {"status": "unavailable", "reason": reason})


def _why(service: Backend, error: Exception) -> str:
    if service.is_outage(error) or isinstance(error, DatabaseUnavailable):
        return "the database is unreachable or too slow to answer"
    return type(error).__name__
