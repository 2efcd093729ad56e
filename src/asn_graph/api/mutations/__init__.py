"""Mutations: one per command. Each parses its input into the command, runs one use case
as the caller, and maps the view the use case answers with."""

from __future__ import annotations

import strawberry

from asn_graph.api.mutations.cases import CaseMutations
from asn_graph.api.mutations.notifications import NotificationMutations
from asn_graph.api.mutations.offices import OfficeMutations
from asn_graph.api.mutations.organisation import OrganisationMutations
from asn_graph.api.mutations.personnel import PersonnelMutations
from asn_graph.api.mutations.plans import PlanMutations
from asn_graph.api.mutations.summaries import SummaryMutations


@strawberry.type
class Mutation(
    OrganisationMutations,
    OfficeMutations,
    PersonnelMutations,
    CaseMutations,
    PlanMutations,
    NotificationMutations,
    SummaryMutations,
):
    pass
