"""Transfer types, initiative and the approval route each type follows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from asn_graph.domain.reference import AgencyKind


class TransferType(Enum):
    """Jenis mutasi (PP 11/2017 jo. PP 17/2020)."""

    WITHIN_AGENCY = "WITHIN_AGENCY"
    BETWEEN_LOCAL_SAME_PROVINCE = "BETWEEN_LOCAL_SAME_PROVINCE"
    PROVINCE_LOCAL = "PROVINCE_LOCAL"
    ACROSS_PROVINCES = "ACROSS_PROVINCES"
    REGIONAL_CENTRAL = "REGIONAL_CENTRAL"
    BETWEEN_CENTRAL = "BETWEEN_CENTRAL"

    @property
    def crosses_agencies(self) -> bool:
        return self is not TransferType.WITHIN_AGENCY


class Initiative(Enum):
    """Kepentingan dinas (agency interest) or atas permintaan sendiri (own request, APS)."""

    AGENCY_INTEREST = "AGENCY_INTEREST"
    OWN_REQUEST = "OWN_REQUEST"


class ApprovalStep(Enum):
    REVIEW_BOARD = "REVIEW_BOARD"
    ORIGIN_RELEASE = "ORIGIN_RELEASE"
    DESTINATION_ACCEPTANCE = "DESTINATION_ACCEPTANCE"
    TECHNICAL_REVIEW = "TECHNICAL_REVIEW"


class DecisionAuthority(Enum):
    """Who signs the decree (SK) for a transfer type."""

    PPK = "PPK"
    GOVERNOR = "GOVERNOR"
    MINISTER_OF_HOME_AFFAIRS = "MINISTER_OF_HOME_AFFAIRS"
    HEAD_OF_BKN = "HEAD_OF_BKN"


class TechnicalReviewer(Enum):
    KANREG_BKN = "KANREG_BKN"
    HEAD_OF_BKN = "HEAD_OF_BKN"
    BKN = "BKN"


@dataclass(frozen=True)
class AgencyProfile:
    """What classification needs to know about an agency."""

    code: str
    kind: AgencyKind
    province_code: str


@dataclass(frozen=True)
class Route:
    steps: tuple[ApprovalStep, ...]
    technical_reviewer: TechnicalReviewer | None
    decree_authority: DecisionAuthority


_EXTERNAL_STEPS = (
    ApprovalStep.ORIGIN_RELEASE,
    ApprovalStep.DESTINATION_ACCEPTANCE,
    ApprovalStep.TECHNICAL_REVIEW,
)

ROUTES: dict[TransferType, Route] = {
    TransferType.WITHIN_AGENCY: Route((ApprovalStep.REVIEW_BOARD,), None, DecisionAuthority.PPK),
    TransferType.BETWEEN_LOCAL_SAME_PROVINCE: Route(
        _EXTERNAL_STEPS, TechnicalReviewer.KANREG_BKN, DecisionAuthority.GOVERNOR
    ),
    TransferType.PROVINCE_LOCAL: Route(
        _EXTERNAL_STEPS, TechnicalReviewer.KANREG_BKN, DecisionAuthority.GOVERNOR
    ),
    TransferType.ACROSS_PROVINCES: Route(
        _EXTERNAL_STEPS, TechnicalReviewer.HEAD_OF_BKN, DecisionAuthority.MINISTER_OF_HOME_AFFAIRS
    ),
    TransferType.REGIONAL_CENTRAL: Route(
        _EXTERNAL_STEPS, TechnicalReviewer.BKN, DecisionAuthority.HEAD_OF_BKN
    ),
    TransferType.BETWEEN_CENTRAL: Route(
        _EXTERNAL_STEPS, TechnicalReviewer.BKN, DecisionAuthority.HEAD_OF_BKN
    ),
}


def classify(origin: AgencyProfile, destination: AgencyProfile) -> TransferType:
    """The transfer type follows from where the employee comes from and goes to."""
    if origin.code == destination.code:
        return TransferType.WITHIN_AGENCY
    if not origin.kind.is_regional and not destination.kind.is_regional:
        return TransferType.BETWEEN_CENTRAL
    if not origin.kind.is_regional or not destination.kind.is_regional:
        return TransferType.REGIONAL_CENTRAL
    if origin.province_code != destination.province_code:
        return TransferType.ACROSS_PROVINCES
    if origin.kind.is_local and destination.kind.is_local:
        return TransferType.BETWEEN_LOCAL_SAME_PROVINCE
    return TransferType.PROVINCE_LOCAL


def route_for(transfer_type: TransferType) -> Route:
    return ROUTES[transfer_type]
