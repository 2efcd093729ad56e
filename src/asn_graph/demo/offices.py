"""The demo's signing offices and regulators: who held each office when (one regency had an
acting regent, Plt. Bupati, for a while), and who reviews and decides each move."""

from __future__ import annotations

from datetime import date, timedelta

from asn_graph.application.app import AsnGraph
from asn_graph.application.office_commands import AppointHolder
from asn_graph.demo.organisation import AGENCIES, DemoAgency
from asn_graph.domain import regulators
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.office_terms import HolderCapacity, Office
from asn_graph.domain.regulators import Jurisdiction
from asn_graph.domain.transfer_types import (
    DecisionAuthority,
    TechnicalReviewer,
    TransferType,
    route_for,
)

HOLDERS = {
    "12": "Gubernur Sumatera Utara",
    "1272": "Wali Kota Pematangsiantar",
    "1208": "Bupati Simalungun",
    "3372": "Wali Kota Surakarta",
    "BKN": "Kepala Badan Kepegawaian Negara",
    "KEMENDAGRI": "Menteri Dalam Negeri",
}
"""The PPK of each agency: the regional head, the minister, the head of BKN."""
SINCE = date(2024, 1, 1)


def appoint_signers(app: AsnGraph, today: date) -> None:
    """Every office the demo's decrees are signed in, recorded by its own agency's officers.
    The regent of Simalungun left office 100 days ago; a Plt. acted for 90 days until the
    new regent was installed."""
    agencies = {agency.code: agency for agency in AGENCIES}
    for code, holder in HOLDERS.items():
        office = Office(DecisionAuthority.PPK, code)
        if code == "1208":
            _appoint(app, agencies[code], office, holder, SINCE, today - timedelta(days=100))
            acting = "Wakil Bupati Simalungun"
            starts = today - timedelta(days=99)
            _appoint(app, agencies[code], office, acting, starts, starts + timedelta(days=89))
            _appoint(app, agencies[code], office, holder, today - timedelta(days=9), None)
        else:
            _appoint(app, agencies[code], office, holder, SINCE, None)
    offices = (
        (Office(DecisionAuthority.GOVERNOR, "12"), agencies["12"], HOLDERS["12"]),
        (
            Office(DecisionAuthority.MINISTER_OF_HOME_AFFAIRS, regulators.HOME_AFFAIRS),
            agencies["KEMENDAGRI"],
            HOLDERS["KEMENDAGRI"],
        ),
        (
            Office(DecisionAuthority.HEAD_OF_BKN, regulators.CENTRAL_BKN),
            agencies["BKN"],
            HOLDERS["BKN"],
        ),
    )
    for office, keeper, holder in offices:
        _appoint(app, keeper, office, holder, SINCE, None)


def _appoint(
    app: AsnGraph,
    keeper: DemoAgency,
    office: Office,
    holder: str,
    starts_on: date,
    ends_on: date | None,
) -> None:
    capacity = HolderCapacity.PLT if holder.startswith("Wakil") else HolderCapacity.DEFINITIVE
    order = f"SK/{office.authority.value}/{office.jurisdiction}/{starts_on:%Y%m%d}"
    command = AppointHolder(office, holder, None, capacity, starts_on, ends_on, order)
    app.offices.appoint(keeper.officer, command)


def technical_reviewer(
    app: AsnGraph, transfer_type: TransferType, destination: DemoAgency
) -> Actor:
    """BKN's office that reviews a move: the Kanreg serving the province, or the centre."""
    if route_for(transfer_type).technical_reviewer is TechnicalReviewer.KANREG_BKN:
        office = next(
            code
            for code, provinces in app.policy.kanreg_regions.items()
            if destination.province_code in provinces
        )
    else:
        office = regulators.CENTRAL_BKN
    return Actor(f"bkn.{office.lower()}", Role.BKN, office)


def signer(
    app: AsnGraph,
    transfer_type: TransferType,
    origin: DemoAgency,
    destination: DemoAgency,
    signed_on: date,
) -> tuple[Actor, str]:
    """Who records a move's decree, and the name of the holder who signed it that day."""
    jurisdiction = Jurisdiction(origin.province_code, destination.province_code)
    authority = route_for(transfer_type).decree_authority
    office = regulators.deciding_office(authority, destination.code, jurisdiction)
    role = regulators.DECIDING_ROLES[authority]
    if role is Role.APPROVER:
        recorder = destination.approver
    else:
        recorder = Actor(f"{role.value}.{office.jurisdiction.lower()}", role, office.jurisdiction)
    holders = app.offices.get(office).holders_on(signed_on)
    signing = [t for t in holders if t.capacity in app.policy.signing_capacities]
    return recorder, signing[0].holder_name
