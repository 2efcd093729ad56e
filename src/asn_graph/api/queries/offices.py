"""Queries of the register of signing offices."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.inputs.offices import JURISDICTION
from asn_graph.api.types.enums import DecisionAuthority
from asn_graph.api.types.offices import SigningOffice
from asn_graph.application.views import OfficeView
from asn_graph.domain.regulators import office_named


@strawberry.type
class OfficeQueries:
    @strawberry.field(
        description="A signing office's register: every term, or those current on `asOf`."
    )
    async def signing_office(
        self,
        info: Ctx,
        authority: DecisionAuthority,
        jurisdiction: Annotated[str | None, strawberry.argument(description=JURISDICTION)] = None,
        as_of: date | None = None,
    ) -> SigningOffice:
        info.context.reader()
        office = office_named(authority, jurisdiction)
        view = await info.context.run(info.context.app.offices.get, office)
        if as_of is not None:
            view = OfficeView(view.office, view.holders_on(as_of))
        return SigningOffice.of(view)
