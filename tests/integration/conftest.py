"""Actors of the organisation in ``tests.world`` as the application sees them."""

from __future__ import annotations

from asn_graph.domain.actors import Actor, Role

OFFICER = Actor("budi.bkpsdm", Role.OFFICER, agency="3578")
APPROVER = Actor("walikota.ppk", Role.APPROVER, agency="3578")
AUDITOR = Actor("inspektorat", Role.AUDITOR, national=True)


def employee_actor(nip: str) -> Actor:
    return Actor(f"asn.{nip}", Role.EMPLOYEE, nip=nip)
