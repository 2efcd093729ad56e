"""The monthly summaries page (``/ringkasan``) of an agency's officers and approvers: the
months published with their figures, and the form that publishes the last month that has
ended, showing first what it would publish (and publishing only that: the form carries the
figures' fingerprint). Moments are shown in the agency's time zone. Read and published
through the package's GraphQL documents (``MonthlySummaries``, ``PublishMonthlySummary``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from asn_graph.api.web.form_errors import FormErrors
from asn_graph.api.web.frame import Frame
from asn_graph.api.web.history import local_moment
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
        self.zone = ZoneInfo(frame.page_data.service.settings.timezone)

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
            # Fresh: the page after a publication lists what it recorded.
            read = await self.frame.page_data.run(
                request, actor, "MonthlySummaries", {"agencyCode": actor.agency or ""}, fresh=True
            )
        except PageDataRefused as refused:
            data["refused"] = refused
        else:
            data["published"] = [
                {**self._moments(s), "published_moment": self._moment(s["publishedAt"])}
                for s in read["publishedMonthlySummaries"]
            ]
            data["preview"] = self._moments(read["monthlySummaryPreview"])
        return self.frame.page(
            request, "summaries.html", "summaries_title", actor, data, status_code
        )

    def _moment(self, recorded_at: str | None) -> str | None:
        return local_moment(recorded_at, self.zone) if recorded_at else None

    def _moments(self, summary: dict[str, Any]) -> dict[str, Any]:
        """The summary with the moment its staffing figures are as of, in local time."""
        return {**summary, "as_of_moment": self._moment(summary["figures"]["asOf"])}

    async def publish(self, request: Request) -> Response:
        """Publishes the month the page showed, as long as its figures are those shown (the
        form carries their fingerprint): else the page again, with the figures of now."""
        posted = await self.frame.posted(request, *PUBLISHERS)
        if isinstance(posted, Response):
            return posted
        actor, form = posted
        month, reason = str(form.get("month", "")), str(form.get("reason", ""))
        variables = {
            "agencyCode": actor.agency or "",
            "month": month,
            "reason": reason,
            "figuresSeen": str(form.get("figures_seen", "")),
        }
        try:
            data = await self.frame.page_data.run(
                request, actor, "PublishMonthlySummary", variables
            )
        except PageDataRefused as refused:
            errors = FormErrors.of(refused, ("reason",))
            if "SUMMARY_CORRECTION_REASON" in refused.rules:
                errors = FormErrors(fields={"reason": refused.message})
            status = 409 if refused.code == "CONFLICT" else 400
            return await self._page(request, actor, errors, reason, status_code=status)
        published = data["publishMonthlySummary"]
        summary = published["monthlySummary"]
        unchanged = "&sama=1" if not published["position"] else ""
        return RedirectResponse(
            f"{PAGE}?bulan={summary['month']}&versi={summary['version']}{unchanged}",
            status_code=303,
        )
