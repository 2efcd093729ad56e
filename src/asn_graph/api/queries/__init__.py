"""Queries: one resolver per question an officer, auditor, integrator or employee asks."""

from __future__ import annotations

import strawberry

from asn_graph.api.queries.matching import MatchingQueries
from asn_graph.api.queries.notifications import NotificationQueries
from asn_graph.api.queries.offices import OfficeQueries
from asn_graph.api.queries.plans import PlanQueries
from asn_graph.api.queries.read_models import ReadModelQueries
from asn_graph.api.queries.records import RecordQueries
from asn_graph.api.queries.reference_lists import ReferenceListQueries
from asn_graph.api.queries.summaries import SummaryQueries
from asn_graph.api.queries.time_travel import TimeTravelQueries


@strawberry.type
class Query(
    ReadModelQueries,
    MatchingQueries,
    TimeTravelQueries,
    RecordQueries,
    PlanQueries,
    OfficeQueries,
    ReferenceListQueries,
    NotificationQueries,
    SummaryQueries,
):
    pass
