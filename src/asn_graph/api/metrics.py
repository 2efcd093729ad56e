"""The server's metrics, in Prometheus's text format at /metrics.

Requests are counted where every GraphQL answer over HTTP passes, the fast paths on and off
alike: the view's ``process_result``, which the short path and Strawberry's general view both
call with the finished result (its errors already carry their codes). The operation's name and
type are noted on the way, by the short path or by the ``ErrorCodes`` extension of the general
one, in the request's note (``asn_graph.api.request_note``); requests refused before an
operation could be told count as operation ``unknown``. What is a state rather than an event
(the log head, each read model's lag, the subscribers, the remembered documents, the tokens
whose check is remembered) is read when the metrics are scraped.

Each application has a registry of its own, not the library's global one: a process may hold
several applications (the tests build many), and each counts its own requests.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from graphql import GraphQLError
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from asn_graph.api.auth import tokens_remembered
from asn_graph.api.backend import Backend
from asn_graph.api.request_note import UNKNOWN, note_answer, note_of

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
OPERATION_NAMES_KEPT = 200
"""Distinct operation names counted on their own; the names are the clients' to choose, and a
label without bound would grow the metrics (and a scraper's storage) with every new one."""
OTHER_OPERATION = "other"
ANONYMOUS_OPERATION = "anonymous"


class ApiMetrics:
    def __init__(self, service: Backend, document_caches: Callable[[], dict[str, int]]) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "asn_graph_requests",
            "GraphQL requests over HTTP, by operation name, type and outcome (ok or error code)",
            ("operation", "type", "outcome"),
            registry=self.registry,
        )
        self.latency = Histogram(
            "asn_graph_request_duration_seconds",
            "Time to answer a GraphQL request over HTTP, by operation name and type",
            ("operation", "type"),
            registry=self.registry,
        )
        self.commands = Counter(
            "asn_graph_commands",
            "Commands (mutations) over HTTP, by outcome (ok or error code)",
            ("outcome",),
            registry=self.registry,
        )
        self.registry.register(_StateCollector(service, document_caches))
        self._names: set[str] = set()

    def answered(self, scope: MutableMapping[str, Any], errors: list[GraphQLError] | None) -> None:
        note_answer(scope, errors)
        note = note_of(scope)
        if note is None or note.outcome is None:
            return
        outcome = note.outcome
        operation = self._label(note.operation)
        self.requests.labels(operation, note.kind, outcome).inc()
        self.latency.labels(operation, note.kind).observe(time.perf_counter() - note.started)
        if note.kind == "mutation":
            self.commands.labels(outcome).inc()

    def refused(self, code: str) -> None:
        """A request refused before an operation could be told (a body too large, not JSON,
        a method /graphql does not take): its operation is unknown."""
        self.requests.labels(UNKNOWN, UNKNOWN, code).inc()

    def _label(self, name: str | None) -> str:
        if name is None:
            return ANONYMOUS_OPERATION
        if name in self._names:
            return name
        if len(self._names) >= OPERATION_NAMES_KEPT:
            return OTHER_OPERATION
        self._names.add(name)
        return name

    def exposition(self) -> bytes:
        """The text format; reads the store and the read models (blocking)."""
        return generate_latest(self.registry)


class _StateCollector(Collector):
    def __init__(self, service: Backend, document_caches: Callable[[], dict[str, int]]) -> None:
        self.service = service
        self.document_caches = document_caches

    def describe(self) -> list[Metric]:
        # Described without reading the database (the registry asks once, on registration).
        return []

    def collect(self) -> Iterator[Metric]:
        service = self.service
        subscribers = GaugeMetricFamily(
            "asn_graph_subscribers", "Subscriptions connected to this process"
        )
        subscribers.add_metric([], service.changes.subscriber_count)
        yield subscribers
        remembered = self.document_caches()
        entries = GaugeMetricFamily(
            "asn_graph_document_cache_entries",
            "GraphQL documents remembered parsed and validated",
        )
        entries.add_metric([], remembered["entries"])
        yield entries
        held = GaugeMetricFamily(
            "asn_graph_document_cache_bytes",
            "Bytes the remembered documents hold (estimated: their text and their tokens)",
        )
        held.add_metric([], remembered["bytes"])
        yield held
        tokens = GaugeMetricFamily(
            "asn_graph_token_cache_entries", "Bearer tokens whose signature check is remembered"
        )
        tokens.add_metric([], tokens_remembered())
        yield tokens
        try:
            head = service.log_head()
            positions = service.read_model_positions()
        except Exception:
            # A scrape while the store is down still answers the request counters; the
            # missing gauges (and /readyz) say the rest.
            return
        head_gauge = GaugeMetricFamily(
            "asn_graph_event_store_head", "The event store's latest log position"
        )
        head_gauge.add_metric([], head)
        yield head_gauge
        lag = GaugeMetricFamily(
            "asn_graph_projection_lag_events",
            "Events recorded that a read model does not hold yet",
            labels=("read_model",),
        )
        for name, position in sorted(positions.items()):
            lag.add_metric([name], max(0, head - position))
        yield lag
