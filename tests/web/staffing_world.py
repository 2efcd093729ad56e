"""A staffed agency for the dashboard's and the candidates' pages: in 3578, BKPSDM with a unit
below it, analysts short in both top units, a clerk too many, a held post nobody needs, and
enough clerks to fill more than one small page of candidates; local accounts of an approver and of
a national auditor beside the officer and the employee of tests.web.conftest."""

from __future__ import annotations

from asn_graph.api.auth import actor_of
from asn_graph.application.commands import EstablishPosition, RegisterWorkUnit
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import SYSTEM_ACTOR, Role
from tests.world import ANALYST, person, register

APPROVER_PASSWORD = "kata-sandi-ppk-2026"
AUDITOR_PASSWORD = "kata-sandi-audit-2026"
CLERKS = 8
"""Clerks of BKPSDM, all eligible for an analyst post: more than a page of candidates when
the tests make the pages small."""


def staff_the_agency(service: Service) -> None:
    app = service.app
    app.work_units.register(
        SYSTEM_ACTOR, RegisterWorkUnit("3578", "BKPSDM-MUTASI", "Bidang Mutasi", "BKPSDM")
    )
    app.work_units.establish_position(
        SYSTEM_ACTOR, EstablishPosition("3578", "BKPSDM-MUTASI", ANALYST)
    )
    register(app, person("3578", "BKPSDM", 2))
    register(app, person("3578", "BKPSDM-MUTASI", 4))
    for sequence in range(10, 10 + CLERKS):
        register(app, person("3578", "BKPSDM", sequence, position="PENGADMINISTRASI"))
    accounts = service.app.local_accounts
    approver = actor_of("ppk", Role.APPROVER, "3578", None)
    accounts.add(SYSTEM_ACTOR, approver, APPROVER_PASSWORD, "PPK Kota Surabaya")
    auditor = actor_of("auditor", Role.AUDITOR, None, None, national=True)
    accounts.add(SYSTEM_ACTOR, auditor, AUDITOR_PASSWORD, "auditor nasional")
    service.projector.catch_up()
