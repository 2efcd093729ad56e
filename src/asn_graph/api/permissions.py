"""Who may ask which questions of the read models."""

from __future__ import annotations

from asn_graph.api.context import Context
from asn_graph.domain import authority
from asn_graph.domain.actors import REGULATORS, Role

STAFF = (Role.OFFICER, Role.APPROVER, Role.AUDITOR, Role.INTEGRATOR)
"""Everyone who works with the records: lists of people, placements, staffing, outcomes."""
OVERSIGHT = (Role.OFFICER, Role.APPROVER, Role.AUDITOR)
"""Those who follow the cases: the worklist and the audit trail."""
WORKLIST_READERS = (*OVERSIGHT, *REGULATORS)
"""The worklist also for the regulators, whose steps (BKN's technical review, the governor's
or the minister's decree) it shows waiting for them."""


def allowed(context: Context, roles: tuple[Role, ...]) -> None:
    authority.require_role(context.caller(), *roles)
