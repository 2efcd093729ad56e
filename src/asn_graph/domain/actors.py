"""Who acts: every event records the actor, taken from the caller's credentials."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Role(Enum):
    """The roles an authenticated caller can hold."""

    OFFICER = "officer"
    APPROVER = "approver"
    EMPLOYEE = "employee"
    AUDITOR = "auditor"
    INTEGRATOR = "integrator"
    BKN = "bkn"
    """Badan Kepegawaian Negara: the central office (``BKN``) or a regional office (Kanreg)."""
    GOVERNOR = "governor"
    """Gubernur, for one province."""
    MINISTER = "minister"
    """Menteri Dalam Negeri (Mendagri)."""
    SYSTEM = "system"

    @property
    def is_read_only(self) -> bool:
        return self in (Role.AUDITOR, Role.INTEGRATOR)


REGULATORS = (Role.BKN, Role.GOVERNOR, Role.MINISTER)
"""The roles outside the agencies that review and decide moves between them."""


@dataclass(frozen=True)
class Actor:
    """The person or system behind an action.

    ``agency`` is the code of the agency (instansi) an officer or approver acts for (or an
    auditor or integrator reads), and for a regulator the office it acts for: ``BKN`` or a
    Kanreg's code (``KANREG-VI``) for BKN, the province code (``12``) for a governor,
    ``KEMENDAGRI`` for the minister. ``nip`` is the employee's own NIP when the actor is an
    employee; ``national`` is the national read scope a token may grant an auditor or
    integrator (BKN's oversight).
    """

    id: str
    role: Role
    agency: str | None = None
    nip: str | None = None
    national: bool = field(default=False, metadata={"recorded": False})

    def acts_for(self, agency_code: str) -> bool:
        return self.agency == agency_code


SYSTEM_ACTOR = Actor(id="asn-graph", role=Role.SYSTEM)
