"""Request metrics: outcomes from the answer's errors, and operation names within a bound."""

from __future__ import annotations

from typing import Any, cast

from graphql import GraphQLError

from asn_graph.api.backend import Backend
from asn_graph.api.metrics import OPERATION_NAMES_KEPT, ApiMetrics
from asn_graph.api.request_note import note_operation, outcome_of, request_started


def test_the_outcome_is_ok_or_the_first_error_code() -> None:
    assert outcome_of(None) == "ok"
    assert outcome_of([]) == "ok"
    refused = GraphQLError("no", extensions={"code": "FORBIDDEN"})
    assert outcome_of([refused, GraphQLError("other")]) == "FORBIDDEN"
    assert outcome_of([GraphQLError("without a code")]) == "INTERNAL"


def test_operation_names_beyond_the_bound_count_as_other() -> None:
    # Scraping reads the service; counting does not.
    metrics = ApiMetrics(cast(Backend, None), dict)
    for n in range(OPERATION_NAMES_KEPT + 5):
        scope: dict[str, Any] = {}
        request_started(scope)
        note_operation(scope, f"Query{n}", "query")
        metrics.answered(scope, None)
    counts = {
        sample.labels["operation"]: sample.value
        for family in metrics.requests.collect()
        for sample in family.samples
        if sample.name == "asn_graph_requests_total"
    }
    assert len(counts) == OPERATION_NAMES_KEPT + 1
    assert f"Query{OPERATION_NAMES_KEPT}" not in counts
    assert counts["Query0"] == 1
    assert counts["other"] == 5


def test_an_answer_without_a_started_request_is_not_counted() -> None:
    metrics = ApiMetrics(cast(Backend, None), dict)
    metrics.answered({}, None)
    assert all(not family.samples for family in metrics.requests.collect())
