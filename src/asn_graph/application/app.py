"""The asn-graph application: every use case on one event store, grouped by subject."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from asn_graph.application.agencies import AgencyUseCases
from asn_graph.application.cases import CaseUseCases
from asn_graph.application.decree_letters import DecreeLetterUseCases
from asn_graph.application.employees import EmployeeUseCases
from asn_graph.application.history import history_entry
from asn_graph.application.local_accounts import LocalAccountUseCases
from asn_graph.application.monthly_summaries import MonthlySummaryUseCases
from asn_graph.application.offices import OfficeUseCases
from asn_graph.application.plans import PlanUseCases
from asn_graph.application.ports import (
    Matching,
    StaffingCounts,
    SummaryFigures,
    VersionsByTime,
)
from asn_graph.application.store import StoreApplication
from asn_graph.application.time_travel import TimeTravel
from asn_graph.application.token_revocations import TokenRevocationUseCases
from asn_graph.application.views import HistoryEntry
from asn_graph.application.work_units import WorkUnitUseCases
from asn_graph.domain.policy import TransferPolicy


class AsnGraph:
    """One instance per process; thread-safe, shared by every request. It satisfies
    ``application.interface.Application``, the protocol its callers depend on."""

    def __init__(
        self,
        store: StoreApplication,
        staffing: StaffingCounts,
        versions: VersionsByTime,
        matching: Matching,
        summary_figures: SummaryFigures,
    ) -> None:
        self.store = store
        self.agencies = AgencyUseCases(store)
        self.work_units = WorkUnitUseCases(store)
        self.employees = EmployeeUseCases(store)
        self.offices = OfficeUseCases(store)
        self.cases = CaseUseCases(store, staffing, self.offices)
        self.plans = PlanUseCases(store, matching, self.cases)
        self.time_travel = TimeTravel(store, versions)
        self.revocations = TokenRevocationUseCases(store)
        self.local_accounts = LocalAccountUseCases(store)
        self.decree_letters = DecreeLetterUseCases(store)
        self.monthly_summaries = MonthlySummaryUseCases(store, summary_figures)

    @property
    def policy(self) -> TransferPolicy:
        return self.store.policy

    def today(self) -> date:
        """Today in the agency's time zone: the day effective dates and deadlines count from."""
        return self.store.clock.today()

    def history(self, subject_id: UUID) -> list[HistoryEntry]:
        """Every recorded event of a subject, oldest first."""
        return [history_entry(event) for event in self.store.events.get(subject_id)]
