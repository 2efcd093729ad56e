"""Every read model of asn-graph, and the queries over them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from asn_graph.domain.policy import TransferPolicy
from asn_graph.projections.audit_queries import AuditQueries
from asn_graph.projections.audit_trail import AuditTrailProjection
from asn_graph.projections.candidate_index import CandidateIndex
from asn_graph.projections.case_register_queries import CaseRegisterQueries
from asn_graph.projections.database import Database
from asn_graph.projections.directory import DirectoryProjection
from asn_graph.projections.directory_queries import DirectoryQueries
from asn_graph.projections.notification_queries import NotificationQueries
from asn_graph.projections.notifications import NotificationsProjection
from asn_graph.projections.outcome_queries import OutcomeQueries
from asn_graph.projections.outcomes import OutcomesProjection
from asn_graph.projections.placement_history import PlacementHistoryProjection
from asn_graph.projections.placement_queries import PlacementQueries
from asn_graph.projections.plan_queries import PlanRegisterQueries
from asn_graph.projections.plan_register import PlanRegisterProjection
from asn_graph.projections.published_summaries import PublishedSummariesProjection
from asn_graph.projections.published_summary_queries import PublishedSummaryQueries
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.staffing_queries import StaffingQueries
from asn_graph.projections.summary_figures import SummaryFigureQueries
from asn_graph.projections.talent_pool import TalentPoolProjection
from asn_graph.projections.worklist_queries import WorklistQueries


def read_models(policy: TransferPolicy, timezone: str) -> list[ReadModel]:
    return [
        DirectoryProjection(policy, timezone),
        PlacementHistoryProjection(),
        AuditTrailProjection(),
        OutcomesProjection(policy),
        TalentPoolProjection(),
        PlanRegisterProjection(),
        NotificationsProjection(policy, timezone),
        PublishedSummariesProjection(),
    ]


@dataclass(frozen=True)
class ReadQueries:
    directory: DirectoryQueries
    case_register: CaseRegisterQueries
    placements: PlacementQueries
    staffing: StaffingQueries
    worklist: WorklistQueries
    audit: AuditQueries
    outcomes: OutcomeQueries
    candidates: CandidateIndex
    plans: PlanRegisterQueries
    notifications: NotificationQueries
    summaries: PublishedSummaryQueries
    summary_figures: SummaryFigureQueries

    @classmethod
    def over(
        cls,
        database: Database,
        policy: TransferPolicy,
        today: Callable[[], date],
        timezone: str,
    ) -> ReadQueries:
        return cls(
            directory=DirectoryQueries(database),
            case_register=CaseRegisterQueries(database),
            placements=PlacementQueries(database),
            staffing=StaffingQueries(database),
            worklist=WorklistQueries(database),
            audit=AuditQueries(database),
            outcomes=OutcomeQueries(database),
            candidates=CandidateIndex(database, policy, today),
            plans=PlanRegisterQueries(database),
            notifications=NotificationQueries(database),
            summaries=PublishedSummaryQueries(database),
            summary_figures=SummaryFigureQueries(database, timezone),
        )
