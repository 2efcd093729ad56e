"""A transfer case as an employee's own request leaves it (opened with its documents and
submitted, through the application's use cases as the employee), and the accounts of the
agency's approving official: the world of the officers' and approvers' pages."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from asn_graph.api.auth import actor_of
from asn_graph.application import commands as c
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import SYSTEM_ACTOR, Role
from asn_graph.domain.case_records import DocumentEvidence, DocumentType
from asn_graph.domain.placement import Placement
from asn_graph.domain.transfer_types import Initiative
from tests.web.conftest import EMPLOYEE
from tests.world import Person

APPROVER_PASSWORD = "kata-sandi-ani-2026"
DESTINATION = Placement("3578", "BKPSDM", "ANALIS-SDM")
WITHIN_AGENCY_DOCUMENTS = (
    DocumentType.PNS_STATUS_PROOF,
    DocumentType.POSITION_ANALYSIS,
    DocumentType.NO_PROCEEDINGS_STATEMENT,
    DocumentType.LATEST_RANK_DECREE,
    DocumentType.PERFORMANCE_RATINGS,
    DocumentType.REQUEST_LETTER,
)
SHA256 = "ab" * 32


def add_approver(service: Service) -> None:
    approver = actor_of("ani", Role.APPROVER, "3578", None)
    service.app.local_accounts.add(SYSTEM_ACTOR, approver, APPROVER_PASSWORD, "PPK Kota Surabaya")


def request_transfer(service: Service, who: Person = EMPLOYEE, *, submit: bool = True) -> UUID:
    """The employee's own request (APS) to the agency's BKPSDM, with its documents."""
    employee = actor_of(f"pegawai-{who.nip}", Role.EMPLOYEE, None, who.nip)
    cases = service.app.cases
    opened = cases.open(
        employee,
        c.OpenCase(who.nip, DESTINATION, Initiative.OWN_REQUEST, "mendekati keluarga"),
    )
    case_id = opened.view.id
    for number, document_type in enumerate(WITHIN_AGENCY_DOCUMENTS, start=1):
        evidence = DocumentEvidence(
            document_type, f"800/{number}/2026", date(2026, 11, 2), "Kota Surabaya", SHA256
        )
        cases.attach_document(employee, c.AttachDocument(case_id, evidence))
    if submit:
        cases.submit(employee, c.SubmitCase(case_id))
    return case_id


@pytest.fixture
def submitted_case(web_service: Service) -> UUID:
    add_approver(web_service)
    return request_transfer(web_service)
