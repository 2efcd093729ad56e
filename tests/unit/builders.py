"""Domain objects for unit tests, built directly (no store)."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_records import Decree, DocumentEvidence, Handover, PlanLink
from asn_graph.domain.competencies import HeldCompetency
from asn_graph.domain.employee import Employee
from asn_graph.domain.employee_records import PlacementRecord
from asn_graph.domain.nip import Gender, Nip
from asn_graph.domain.office_terms import HolderCapacity, Office, Term
from asn_graph.domain.placement import Placement
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.reference import (
    Education,
    EducationLevel,
    EmploymentStatus,
    PerformanceRating,
    Rank,
)
from asn_graph.domain.regulators import Jurisdiction
from asn_graph.domain.signing import Signing
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_types import DecisionAuthority, Initiative, TransferType

TODAY = date(2026, 11, 23)
ORIGIN = Placement("3578", "BKPSDM", "ANALIS")
INTERNAL = Placement("3578", "DISKOMINFO", "ANALIS")
EXTERNAL = Placement("3515", "BKPSDM", "ANALIS")
OFFICER = Actor("petugas-1", Role.OFFICER, "3578")
APPROVER = Actor("ppk-3578", Role.APPROVER, "3578")
DESTINATION_OFFICER = Actor("petugas-2", Role.OFFICER, "3515")
DESTINATION_APPROVER = Actor("ppk-3515", Role.APPROVER, "3515")
NIP = "198503122010012003"
SELF = Actor("asn-1", Role.EMPLOYEE, nip=NIP)
POLICY = TransferPolicy()
KANREG = Actor("kanreg-ii", Role.BKN, "KANREG-II")
"""The regional office of BKN serving East Java (35)."""
GOVERNOR = Actor("gubernur-35", Role.GOVERNOR, "35")
JURISDICTION = Jurisdiction("35", "35")
REGISTER = {
    Office(DecisionAuthority.PPK, "3578"): (
        Term(1, "Wali Kota", None, HolderCapacity.DEFINITIVE, date(2025, 2, 20), None, "SK/1"),
    ),
    Office(DecisionAuthority.GOVERNOR, "35"): (
        Term(1, "Gubernur", None, HolderCapacity.DEFINITIVE, date(2025, 2, 20), None, "SK/2"),
    ),
}
"""Who held the offices the unit tests' decrees are signed in."""


def signing(subject: TransferCase) -> Signing:
    office = subject.parties(JURISDICTION).deciding_office
    return Signing(JURISDICTION, office, REGISTER.get(office, ()))


def employee(
    *,
    status: EmploymentStatus = EmploymentStatus.PNS,
    appointed: date = date(2010, 1, 1),
    nip: str = NIP,
    placed_since: date = date(2022, 1, 3),
    ratings: tuple[PerformanceRating, ...] = (PerformanceRating.BAIK, PerformanceRating.BAIK),
) -> Employee:
    parsed = Nip.parse(nip)
    person = Employee.register(
        nip=parsed,
        name="Siti Rahmawati",
        birth_date=parsed.birth_date,
        gender=Gender.FEMALE,
        status=status,
        rank=Rank.III_B,
        education=Education(EducationLevel.S1, "Manajemen"),
        competencies=(HeldCompetency("TEK-KEPEG", 3),),
        appointed_on=appointed,
        actor=OFFICER,
    )
    person.place(PlacementRecord(ORIGIN, placed_since, None, None, None), OFFICER)
    for year, rating in zip((TODAY.year - 2, TODAY.year - 1), ratings, strict=True):
        person.rate_performance(year, rating, OFFICER, today=TODAY)
    return person


def case(
    *,
    transfer_type: TransferType = TransferType.WITHIN_AGENCY,
    initiative: Initiative = Initiative.AGENCY_INTEREST,
    destination: Placement = INTERNAL,
    actor: Actor = OFFICER,
    plan: PlanLink | None = None,
) -> TransferCase:
    return TransferCase.open(
        case_id=uuid4(),
        transfer_type=transfer_type,
        initiative=initiative,
        employee_id=uuid4(),
        nip=NIP,
        origin=ORIGIN,
        destination=destination,
        findings=(),
        actor=actor,
        reason="Pemerataan pegawai",
        plan=plan,
    )


def with_complete_file(subject: TransferCase, actor: Actor = OFFICER) -> TransferCase:
    for number, document_type in enumerate(subject.missing_documents(POLICY)):
        subject.attach_document(
            DocumentEvidence(document_type, f"800/{number}", TODAY, "BKPSDM", "ab" * 32), actor
        )
    return subject


def decree(
    number: str = "821/1/2026",
    *,
    signed: date = date(2026, 11, 2),
    effective: date = date(2026, 11, 16),
    authority: DecisionAuthority = DecisionAuthority.PPK,
    signatory: str = "Wali Kota",
) -> Decree:
    return Decree(number, "Wali Kota Surabaya", authority, signed, signatory, effective)


HANDOVER = Handover(None, "Plt. Kasubbag", date(2026, 11, 1), "")
