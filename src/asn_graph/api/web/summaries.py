"""The monthly summaries page (``/ringkasan``) of an agency's officers and approvers: the
months published with their figures, and the form that publishes the last month that has
ended, showing first what it would publish. Read and published through the package's GraphQL
documents (``MonthlySummaries``, ``PublishMonthlySummary``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from asn_graph.api.web.form_errors import FormErrors
from asn_graph.api.web.frame import Frame
from asn_graph.api.web.page_data import PageDataRefused
from asn_graph.api.web.rendering import Link
from asn_graph.domain.actors import Actor, Role

PAGE = "/ringkasan"
PUBLISH = "/ringkasan/terbitkan"
PUBLISHERS = (Role.OFFICER, Role.APPROVER)
FIGURES = (
    "employeesPlaced",
    "staffNeeded",
    "staffPresent",
    "shortage",
    "surplus",
    "unitsShort",
    "casesOverdue",
    "casesOpened",
    "decreesIssued",
    "movesIn",
    "movesOut",
    "movesWithin",
    "casesRejected",
    "casesWithdrawn",
    "casesCancelled",
    "casesExpired",
    "averageDaysToDecree",
)
"""The figures in the order the page lists them (cases by type follow the cases opened)."""


class SummaryArea:
    def __init__(self, frame: Frame) -> None:
        self.frame = frame

    def routes(self) -> list[BaseRoute]:
        return [
            Route(PAGE, self.page, methods=["GET"]),
            Route(PUBLISH, self.publish, methods=["POST"]),
        ]

    def links(self, actor: Actor) -> Sequence[Link]:
        if actor.role not in PUBLISHERS or not actor.agency:
            return ()
        return (Link(PAGE, "summaries_nav"),)

    async def page(self, request: Request) -> Response:
        actor = await self.frame.person(request, *PUBLISHERS)
        if isinstance(actor, Response):
            return actor
        done = {key: request.query_params.get(key) for key in ("bulan", "versi", "sama")}
        return await self._page(request, actor, done=done)

    async def _page(
        self,
        request: Request,
        actor: Actor,
        errors: FormErrors | None = None,
        reason: str = "",
        done: dict[str, str | None] | None = None,
        status_code: int = 200,
    ) -> Response:
        data: dict[str, Any] = {
            "figure_names": FIGURES,
            "errors": errors or FormErrors(),
            "reason": reason,
            "done": done or {},
            "agency": actor.agency,
        }
        try:
            read = await self.frame.page_data.run(
                request, actor, "MonthlySummaries", {"agencyCode": actor.agency or ""}
            )
        except PageDataRefused as refused:
            data["refused"] = refused
        else:
            data["published"] = read["publishedMonthlySummaries"]
            data["preview"] = read["monthlySummaryPreview"]
        return self.frame.page(
            request, "summaries.html", "summaries_title", actor, data, status_code
        )

    async def publish(self, request: Request) -> Response:
        actor = await self.frame.person(request, *PUBLISHERS)
        if isinstance(actor, Response):
            return actor
        form = await self.frame.form(request)
        if isinstance(form, Response):
            return form
        month, reason = str(form.get("month", "")), str(form.get("reason", ""))
        variables = {"agencyCode": actor.agency or "", "month": month, "reason": reason}
        try:
            data = await self.frame.page_data.run(
                request, actor, "PublishMonthlySummary", variables
            )
        except PageDataRefused as refused:
            errors = FormErrors.of(refused, ("reason",))
            if "SUMMARY_CORRECTION_REASON" in refused.rules:
                errors = FormErrors(fields={"reason": refused.message})
            return await self._page(request, actor, errors, reason, status_code=400)
        published = data["publishMonthlySummary"]
        summary = published["monthlySummary"]
        unchanged = "&sama=1" if not published["position"] else ""
        return RedirectResponse(
            f"{PAGE}?bulan={summary['month']}&versi={summary['version']}{unchanged}",
            status_code=303,
        )
