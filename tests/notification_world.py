"""A case of the test organisation moved through its stages by the application's use cases,
for the notifications' tests (the inbox, the API, the pages, the e-mail)."""

from __future__ import annotations

import hashlib
from datetime import date

from asn_graph.application import commands as c
from asn_graph.application.views import CaseView
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_records import Decree, DocumentEvidence
from asn_graph.domain.placement import Placement
from asn_graph.domain.transfer_types import ApprovalStep, DecisionAuthority, Initiative
from tests.world import TODAY, Person

OFFICER = Actor("budi.bkpsdm", Role.OFFICER, agency="3578")
APPROVER = Actor("walikota.ppk", Role.APPROVER, agency="3578")
DESTINATION = Placement("3578", "BKPSDM", "ANALIS-SDM")


def employee_actor(nip: str) -> Actor:
    return Actor(f"asn.{nip}", Role.EMPLOYEE, nip=nip)


def propose(service: Service, who: Person) -> CaseView:
    """The agency proposes ``who`` a move (kepentingan dinas): it awaits their answer."""
    opening = c.OpenCase(who.nip, DESTINATION, Initiative.AGENCY_INTEREST, "Pemerataan")
    return service.app.cases.open(OFFICER, opening).view


def submit(service: Service, case: CaseView) -> CaseView:
    for number, kind in enumerate(case.missing_documents, start=1):
        digest = hashlib.sha256(f"{case.id}:{kind.value}".encode()).hexdigest()
        document = DocumentEvidence(kind, f"800/{number}/2026", TODAY, "BKPSDM", digest)
        service.app.cases.attach_document(OFFICER, c.AttachDocument(case.id, document))
    return service.app.cases.submit(OFFICER, c.SubmitCase(case.id)).view


def approve(service: Service, case: CaseView) -> CaseView:
    cases = service.app.cases
    cases.verify_documents(OFFICER, c.VerifyDocuments(case.id))
    decision = c.DecideStep(case.id, ApprovalStep.REVIEW_BOARD, True, TODAY, "BA/1", "")
    return cases.decide_step(APPROVER, decision).view


def decree(number: str) -> Decree:
    return Decree(
        number,
        "Wali Kota Surabaya",
        DecisionAuthority.PPK,
        date(2026, 11, 2),
        "Wali Kota Surabaya",
        date(2026, 11, 16),
    )
