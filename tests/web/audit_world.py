"""What the auditor's pages are tested on: the web store with a national auditor's account and
an agency auditor's of another agency, a transfer case opened by the officer and cancelled
by the approver,
and a rank change of the employee (so that a replay shows an earlier state than today's)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from asn_graph.api.auth import actor_of
from asn_graph.application import commands as c
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import SYSTEM_ACTOR, Role
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import Rank
from asn_graph.domain.transfer_types import Initiative
from tests.web.conftest import EMPLOYEE

AUDITOR_PASSWORD = "kata-sandi-inspektorat-2026"
OFFICER = actor_of("budi", Role.OFFICER, "3578", None)
APPROVER = actor_of("ppk.surabaya", Role.APPROVER, "3578", None)
OPENING_REASON = '=HYPERLINK("http://contoh.invalid") pemerataan pegawai'
CANCELLING_REASON = "Formasi tujuan sudah terisi"


@dataclass(frozen=True)
class Audited:
    service: Service
    case_id: str


def add_auditors(service: Service) -> None:
    accounts = service.app.local_accounts
    national = actor_of("inspektorat", Role.AUDITOR, None, None, national=True)
    accounts.add(SYSTEM_ACTOR, national, AUDITOR_PASSWORD, "Inspektorat Jenderal")
    elsewhere = actor_of("itda.surakarta", Role.AUDITOR, "3372", None)
    accounts.add(SYSTEM_ACTOR, elsewhere, AUDITOR_PASSWORD, "Inspektorat Kota Surakarta")


@pytest.fixture
def audited(web_service: Service) -> Audited:
    add_auditors(web_service)
    app = web_service.app
    destination = Placement("3578", "BKPSDM", "ANALIS-SDM")
    opening = c.OpenCase(EMPLOYEE.nip, destination, Initiative.AGENCY_INTEREST, OPENING_REASON)
    case = app.cases.open(OFFICER, opening).view
    app.cases.cancel(APPROVER, c.CancelCase(case.id, CANCELLING_REASON))
    promotion = c.ChangeRank(EMPLOYEE.nip, Rank.III_C, date(2026, 10, 1), "Kenaikan pangkat")
    app.employees.change_rank(OFFICER, promotion)
    web_service.projector.catch_up()
    return Audited(web_service, str(case.id))
