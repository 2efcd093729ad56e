"""The asn-graph application: every use case on one event store."""

from __future__ import annotations

from uuid import UUID

from asn_graph.application.cases import CaseUseCases
from asn_graph.application.history import HistoryEntry, history_entry


class AsnGraph(CaseUseCases):
    """One instance per process; thread-safe, shared by every request."""

    def history(self, aggregate_id: UUID) -> list[HistoryEntry]:
        return [history_entry(event) for event in self.events.get(aggregate_id)]
