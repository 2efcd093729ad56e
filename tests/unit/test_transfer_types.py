import pytest

from asn_graph.domain.reference import AgencyKind
from asn_graph.domain.transfer_types import (
    AgencyProfile,
    ApprovalStep,
    DecisionAuthority,
    TransferType,
    classify,
    route_for,
)

PROVINCE = AgencyProfile("35", AgencyKind.PROVINCE, "35")
CITY = AgencyProfile("3578", AgencyKind.CITY, "35")
REGENCY = AgencyProfile("3515", AgencyKind.REGENCY, "35")
OTHER_PROVINCE_CITY = AgencyProfile("3372", AgencyKind.CITY, "33")
OTHER_PROVINCE = AgencyProfile("33", AgencyKind.PROVINCE, "33")
BKN = AgencyProfile("BKN", AgencyKind.CENTRAL, "")
KEMENDAGRI = AgencyProfile("KEMENDAGRI", AgencyKind.CENTRAL, "")


@pytest.mark.parametrize(
    ("origin", "destination", "expected"),
    [
        (CITY, CITY, TransferType.WITHIN_AGENCY),
        (CITY, REGENCY, TransferType.BETWEEN_LOCAL_SAME_PROVINCE),
        (PROVINCE, CITY, TransferType.PROVINCE_LOCAL),
        (REGENCY, PROVINCE, TransferType.PROVINCE_LOCAL),
        (CITY, OTHER_PROVINCE_CITY, TransferType.ACROSS_PROVINCES),
        (PROVINCE, OTHER_PROVINCE, TransferType.ACROSS_PROVINCES),
        (CITY, BKN, TransferType.REGIONAL_CENTRAL),
        (KEMENDAGRI, PROVINCE, TransferType.REGIONAL_CENTRAL),
        (BKN, KEMENDAGRI, TransferType.BETWEEN_CENTRAL),
    ],
)
def test_the_type_follows_from_origin_and_destination(
    origin: AgencyProfile, destination: AgencyProfile, expected: TransferType
) -> None:
    assert classify(origin, destination) is expected


def test_routes_follow_the_type() -> None:
    within = route_for(TransferType.WITHIN_AGENCY)
    assert within.steps == (ApprovalStep.REVIEW_BOARD,)
    assert within.decree_authority is DecisionAuthority.PPK
    assert route_for(TransferType.BETWEEN_LOCAL_SAME_PROVINCE).decree_authority is (
        DecisionAuthority.GOVERNOR
    )
    assert route_for(TransferType.ACROSS_PROVINCES).decree_authority is (
        DecisionAuthority.MINISTER_OF_HOME_AFFAIRS
    )
    assert route_for(TransferType.BETWEEN_CENTRAL).decree_authority is (
        DecisionAuthority.HEAD_OF_BKN
    )
    for transfer_type in TransferType:
        steps = route_for(transfer_type).steps
        if transfer_type.crosses_agencies:
            assert steps == (
                ApprovalStep.ORIGIN_RELEASE,
                ApprovalStep.DESTINATION_ACCEPTANCE,
                ApprovalStep.TECHNICAL_REVIEW,
            )
