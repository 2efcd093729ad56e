"""Policy values an agency can set: tenure, the 10-year rule, thresholds, checklists, deadlines.

The regulations leave several of these disputed or changing (a 2025 statement puts the
minimum time in post at 6 months instead of 2 years), so none of them is a constant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from asn_graph.domain.calendar import add_months
from asn_graph.domain.case_records import DocumentType, EvaluationWindow
from asn_graph.domain.matching import MatchingWeights
from asn_graph.domain.office_terms import HolderCapacity
from asn_graph.domain.reference import PerformanceRating
from asn_graph.domain.regulators import DEFAULT_KANREG_REGIONS
from asn_graph.domain.rules import Rule, Severity
from asn_graph.domain.transfer_types import Initiative, TransferType

_COMMON_DOCUMENTS = frozenset(
    {
        DocumentType.PNS_STATUS_PROOF,
        DocumentType.POSITION_ANALYSIS,
        DocumentType.NO_PROCEEDINGS_STATEMENT,
        DocumentType.LATEST_RANK_DECREE,
        DocumentType.PERFORMANCE_RATINGS,
    }
)
_BETWEEN_AGENCIES = _COMMON_DOCUMENTS | {
    DocumentType.RECEIVING_PROPOSAL,
    DocumentType.NO_STUDY_LEAVE_STATEMENT,
    DocumentType.INSPECTORATE_CLEARANCE,
}


def default_checklists() -> dict[TransferType, frozenset[DocumentType]]:
    return {
        transfer_type: (
            _COMMON_DOCUMENTS if transfer_type is TransferType.WITHIN_AGENCY else _BETWEEN_AGENCIES
        )
        for transfer_type in TransferType
    }


DEFAULT_OVERRIDABLE = frozenset(
    {
        Rule.TENURE_MINIMUM,
        Rule.DESTINATION_VACANCY,
        Rule.MORATORIUM,
        Rule.QUALIFICATION,
    }
)


@dataclass(frozen=True)
class TransferPolicy:
    """The values the rules use. Defaults follow PP 11/2017 and Perban BKN 5/2019."""

    minimum_months_in_post: int = 24
    maximum_months_in_post: int = 60
    tenure_below_minimum: Severity = Severity.HARD
    years_before_leaving_agency: int = 10
    minimum_rating: PerformanceRating = PerformanceRating.BAIK
    rating_years: int = 2
    destination_without_vacancy: Severity = Severity.HARD
    effective_hours_per_year: int = 1250
    technical_review_days: int = 15
    appointment_working_days: int = 30
    handover_required: bool = True
    evaluation_months: tuple[int, ...] = (6, 12)
    """When a move is evaluated (evaluasi berkala): months after the TMT."""
    evaluation_grace_days: int = 30
    """How long before its due date an evaluation counts for it."""
    matching: MatchingWeights = field(default_factory=MatchingWeights)
    """Weights and thresholds of candidate ranking and transfer plans."""
    overridable_rules: frozenset[Rule] = DEFAULT_OVERRIDABLE
    document_checklists: Mapping[TransferType, frozenset[DocumentType]] = field(
        default_factory=default_checklists
    )
    acting_term_max_days: int = 92
    """The longest term of an acting holder (Plt., Plh.): three months; a longer spell is
    appointed anew."""
    signing_capacities: frozenset[HolderCapacity] = frozenset(
        {HolderCapacity.DEFINITIVE, HolderCapacity.PLT}
    )
    """Whose signature a transfer decree takes: a Plh. only keeps daily business going and
    makes no decision that changes a civil servant's status (UU 30/2014 Pasal 14(7))."""
    kanreg_regions: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: dict(DEFAULT_KANREG_REGIONS)
    )
    """The provinces each regional office of BKN (Kanreg) serves, by its code."""

    def checklist_for(
        self, transfer_type: TransferType, initiative: Initiative
    ) -> frozenset[DocumentType]:
        documents = self.document_checklists.get(transfer_type, frozenset())
        if initiative is Initiative.OWN_REQUEST:
            documents = documents | {DocumentType.REQUEST_LETTER}
        return documents

    def may_override(self, rule: Rule) -> bool:
        return rule in self.overridable_rules

    def evaluation_windows(self, effective_on: date) -> tuple[EvaluationWindow, ...]:
        """The evaluations asked of a move that took effect (TMT) on ``effective_on``: each is
        due ``evaluation_months`` after it, and met by an evaluation made from
        ``evaluation_grace_days`` before its due date up to the next one's opening."""
        grace = timedelta(days=self.evaluation_grace_days)
        due = [add_months(effective_on, months) for months in self.evaluation_months]
        opens = [day - grace for day in due]
        closes: list[date | None] = [*opens[1:], None]
        return tuple(
            EvaluationWindow(months, start, due_on, end)
            for months, start, due_on, end in zip(
                self.evaluation_months, opens, due, closes, strict=True
            )
        )
