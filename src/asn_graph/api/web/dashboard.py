"""The officer's dashboard (``/dasbor``): an agency's staffing balance as a chart per top-level
work unit, its unit tree with each unit's balance, and its largest shortages and surpluses;
the whole lists behind it (``/dasbor/unit``, ``/dasbor/kekurangan``, ``/dasbor/kelebihan``);
and the candidates for a position (``/kandidat``) with their explained scores, a page at a
time. Officers, approvers and auditors read them (they record nothing); every list is also a
CSV or XLSX download (``?format=``, see ``downloads``).

The dashboard is one GraphQL operation (``Dashboard``): the units, their balances and the
largest gaps, each bounded, so that it stays fast on a large store."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from asn_graph.api.web.chart_images import chart_image
from asn_graph.api.web.downloads import (
    Column,
    Listing,
    Row,
    download,
    download_format,
    every_node,
    value_of,
)
from asn_graph.api.web.form_errors import FormErrors
from asn_graph.api.web.frame import Frame
from asn_graph.api.web.messages import MESSAGES, Language, language_of
from asn_graph.api.web.page_data import PageDataRefused
from asn_graph.api.web.rendering import Link
from asn_graph.api.web.report_readers import staffing_chart
from asn_graph.api.web.unit_tree import top_balances, unit_tree
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.matching import ScorePart
from asn_graph.domain.names import name_of

READERS = (Role.OFFICER, Role.APPROVER, Role.AUDITOR)
"""Who reads the dashboard and the candidates: the agency's officers and approvers, and
auditors (an agency's, or a national one naming the agency)."""
GAPS_ON_DASHBOARD = 10
GAPS_LISTED = 200
"""The whole list of gaps: the API's largest answer of ``staffingGaps``."""
CANDIDATES_PER_PAGE = 20
AGENCY_PARAMETER = "instansi"
REFUSAL_STATUS = {
    "FORBIDDEN": 403,
    "NOT_FOUND": 404,
    "BAD_INPUT": 400,
    "RATE_LIMITED": 429,
    "UNAVAILABLE": 503,
    "FELL_BEHIND": 503,
}


def _grade(row: Row) -> str:
    """A rank code as written on a decree: III_B is III/b."""
    rank = str(row.get("rank") or "")
    roman, _, letter = rank.partition("_")
    return f"{roman}/{letter.lower()}" if letter else rank


def _placement(row: Row) -> str:
    placement = row["placement"]
    return f"{placement['agencyCode']}/{placement['unitCode']}/{placement['positionCode']}"


def _competencies(row: Row) -> str:
    fits = row["score"]["competencies"]
    return "; ".join(f"{fit['code']} {fit['held']}/{fit['required']}" for fit in fits)


def _points(part: ScorePart) -> Column:
    def points(row: Row) -> float | None:
        for scored in row["score"]["parts"]:
            if scored["part"] == part.name:
                return float(scored["points"])
        return None

    return Column(part.name, points, kind="ScorePart")


def _candidates_of_gap(row: Row) -> str | None:
    query = {"instansi": row["agencyCode"], "unit": row["unitCode"], "jabatan": row["positionCode"]}
    return "/kandidat?" + urlencode(query)


UNIT_BALANCES = Listing(
    "keseimbangan-unit",
    (
        Column("dashboard_unit_code", value_of("unitCode")),
        Column("dashboard_unit_name", value_of("unitName")),
        Column("dashboard_parent_code", value_of("parentCode")),
        Column("dashboard_positions", value_of("positions")),
        Column("dashboard_needed", value_of("needed")),
        Column("dashboard_present", value_of("present")),
        Column("dashboard_incoming", value_of("incoming")),
        Column("dashboard_outgoing", value_of("outgoing")),
        Column("dashboard_deficit", value_of("deficit")),
        Column("dashboard_surplus", value_of("surplus")),
        Column("dashboard_gap", value_of("gap")),
    ),
)
_GAP_COLUMNS = (
    Column("dashboard_unit_code", value_of("unitCode")),
    Column("dashboard_unit_name", value_of("unitName")),
    Column("dashboard_position_code", value_of("positionCode")),
    Column("dashboard_position_title", value_of("positionTitle"), link=_candidates_of_gap),
    Column("dashboard_needed", value_of("needed")),
    Column("dashboard_present", value_of("present")),
    Column("dashboard_incoming", value_of("incoming")),
    Column("dashboard_outgoing", value_of("outgoing")),
    Column("dashboard_gap", value_of("gap")),
)
DEFICITS = Listing("kekurangan-pegawai", _GAP_COLUMNS)
SURPLUSES = Listing("kelebihan-pegawai", _GAP_COLUMNS)
CANDIDATES = Listing(
    "kandidat",
    (
        Column("candidates_order", value_of("order")),
        Column("candidates_nip", value_of("nip")),
        Column("candidates_name", value_of("name")),
        Column("candidates_grade", _grade),
        Column("candidates_placement", _placement),
        Column("candidates_score", lambda row: float(row["score"]["total"])),
        *(_points(part) for part in ScorePart),
        Column("candidates_competencies", _competencies),
    ),
)


@dataclass(frozen=True)
class GapList:
    """A whole list behind the dashboard: its page's path, title, the kind of gap."""

    path: str
    title: str
    listing: Listing
    kind: str
    """The ``GapKind`` of ``staffingGaps``."""


GAP_LISTS = (
    GapList("/dasbor/kekurangan", "dashboard_deficits_title", DEFICITS, "DEFICIT"),
    GapList("/dasbor/kelebihan", "dashboard_surpluses_title", SURPLUSES, "SURPLUS"),
)


class DashboardArea:
    def __init__(self, frame: Frame) -> None:
        self.frame = frame

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/dasbor", self.dashboard, methods=["GET"]),
            Route("/dasbor/unit", self.unit_balances, methods=["GET"]),
            *(Route(gaps.path, self._gap_list(gaps), methods=["GET"]) for gaps in GAP_LISTS),
            Route("/kandidat", self.candidates, methods=["GET"]),
        ]

    def links(self, actor: Actor) -> Sequence[Link]:
        if actor.role not in READERS:
            return ()
        return (Link("/dasbor", "dashboard_nav"), Link("/kandidat", "candidates_nav"))

    # --- the dashboard and its lists

    async def dashboard(self, request: Request) -> Response:
        actor = await self.frame.person(request, *READERS)
        if isinstance(actor, Response):
            return actor
        agency = self._agency(request, actor)
        if agency is None:
            return self._agency_choice(request, actor, "dashboard_title")
        try:
            data = await self.frame.page_data.run(
                request, actor, "Dashboard", {"agencyCode": agency, "gaps": GAPS_ON_DASHBOARD}
            )
        except PageDataRefused as refused:
            return self._refused(request, actor, "dashboard_title", agency, refused)
        tree = unit_tree(data["workUnits"], data["unitBalances"])
        top = top_balances(tree)
        chart = await chart_image(staffing_chart(top, MESSAGES[language_of(request)]))
        return self.frame.page(
            request,
            "dashboard.html",
            "dashboard_title",
            actor,
            {
                "agency": agency,
                "agency_query": self._agency_query(request),
                "chart": chart,
                "tree": tree,
                "deficits": data["deficits"],
                "surpluses": data["surpluses"],
                "gap_columns": _GAP_COLUMNS,
            },
        )

    async def unit_balances(self, request: Request) -> Response:
        actor = await self.frame.person(request, *READERS)
        if isinstance(actor, Response):
            return actor
        agency = self._agency(request, actor)
        if agency is None:
            return self._agency_choice(request, actor, "dashboard_units_title")
        try:
            data = await self.frame.page_data.run(
                request, actor, "UnitBalances", {"agencyCode": agency}
            )
        except PageDataRefused as refused:
            return self._refused(request, actor, "dashboard_units_title", agency, refused)
        parents = {unit["code"]: unit["parentCode"] for unit in data["workUnits"]}
        rows = [{**b, "parentCode": parents.get(b["unitCode"])} for b in data["unitBalances"]]
        return await self._listed(
            request, actor, "dashboard_units_title", agency, UNIT_BALANCES, rows
        )

    def _gap_list(self, gaps: GapList) -> Callable[[Request], Awaitable[Response]]:
        async def listed(request: Request) -> Response:
            actor = await self.frame.person(request, *READERS)
            if isinstance(actor, Response):
                return actor
            agency = self._agency(request, actor)
            if agency is None:
                return self._agency_choice(request, actor, gaps.title)
            variables = {"agencyCode": agency, "kind": gaps.kind, "first": GAPS_LISTED}
            try:
                data = await self.frame.page_data.run(request, actor, "StaffingGaps", variables)
            except PageDataRefused as refused:
                return self._refused(request, actor, gaps.title, agency, refused)
            rows = [{**gap, "agencyCode": agency} for gap in data["staffingGaps"]]
            return await self._listed(request, actor, gaps.title, agency, gaps.listing, rows)

        return listed

    async def _listed(
        self,
        request: Request,
        actor: Actor,
        title: str,
        agency: str,
        listing: Listing,
        rows: Sequence[Row],
    ) -> Response:
        wanted = download_format(request)
        if wanted is not None:
            return await download(request, listing, rows, wanted, f"{listing.name}-{agency}")
        return self.frame.page(
            request,
            "listing.html",
            title,
            actor,
            {
                "agency": agency,
                "agency_query": self._agency_query(request),
                "listing": listing,
                "rows": rows,
                "back": ("/dasbor", "dashboard_back"),
            },
        )

    # --- candidates

    async def candidates(self, request: Request) -> Response:
        actor = await self.frame.person(request, *READERS)
        if isinstance(actor, Response):
            return actor
        agency = self._agency(request, actor)
        if agency is None:
            return self._agency_choice(request, actor, "candidates_title")
        text = MESSAGES[language_of(request)]
        unit = request.query_params.get("unit", "").strip().upper()
        position = request.query_params.get("jabatan", "").strip()
        errors = FormErrors()
        page: dict[str, Any] = {
            "agency": agency,
            "agency_query": self._agency_query(request),
            "unit": unit,
            "position": position,
            "errors": errors,
        }
        try:
            units = await self.frame.page_data.run(
                request, actor, "WorkUnits", {"agencyCode": agency}
            )
        except PageDataRefused as refused:
            return self._refused(request, actor, "candidates_title", agency, refused)
        page["units"] = [(u["code"], f"{u['name']} ({u['code']})") for u in units["workUnits"]]
        if unit and unit not in {u["code"] for u in units["workUnits"]}:
            errors.add("unit", text["candidates_unknown_unit"].format(agency=agency))
        elif unit:
            positions = await self.frame.page_data.run(
                request, actor, "WorkUnitPositions", {"agencyCode": agency, "code": unit}
            )
            offered = positions["workUnit"]["positions"]
            page["positions"] = [(p["code"], f"{p['title']} ({p['code']})") for p in offered]
            if position and position not in {p["code"] for p in offered}:
                errors.add("jabatan", text["candidates_unknown_position"])
        elif position:
            errors.add("unit", text["candidates_unit_first"])
        if errors or not unit or not position:
            return self.frame.page(request, "candidates.html", "candidates_title", actor, page)
        variables = {"agencyCode": agency, "unitCode": unit, "positionCode": position}
        wanted = download_format(request)
        try:
            if wanted is not None:
                every = await every_node(
                    self.frame.page_data, request, actor, "Candidates", variables, "candidates"
                )
                rows = [{**row, "order": order} for order, row in enumerate(every, 1)]
                name = f"kandidat-{agency}-{unit}-{position}"
                return await download(request, CANDIDATES, rows, wanted, name)
            after = request.query_params.get("setelah") or None
            start = _positive(request.query_params.get("mulai"))
            data = await self.frame.page_data.run(
                request,
                actor,
                "Candidates",
                {**variables, "first": CANDIDATES_PER_PAGE, "after": after},
            )
        except PageDataRefused as refused:
            if refused.code == "BAD_INPUT" and refused.field == "after":
                # A cursor edited by hand or from an older ranking: the first page instead.
                return self._first_candidates(request)
            return self._refused(request, actor, "candidates_title", agency, refused)
        found = data["candidates"]
        rows = [{**edge["node"], "order": start + i} for i, edge in enumerate(found["edges"])]
        page.update(
            {
                "found": found,
                "rows": rows,
                "listing": CANDIDATES,
                "weights": _weights(rows, language_of(request)),
                "next_page": self._next_candidates(request, found, start + len(rows)),
                "first_page": self._first_candidates_url(request) if after else None,
            }
        )
        return self.frame.page(request, "candidates.html", "candidates_title", actor, page)

    def _next_candidates(
        self, request: Request, found: Mapping[str, Any], start: int
    ) -> str | None:
        info = found["pageInfo"]
        if not info["hasNextPage"]:
            return None
        query = {
            key: value
            for key, value in request.query_params.items()
            if key not in ("setelah", "mulai", "format")
        }
        return "/kandidat?" + urlencode({**query, "setelah": info["endCursor"], "mulai": start})

    def _first_candidates_url(self, request: Request) -> str:
        query = {
            key: value
            for key, value in request.query_params.items()
            if key not in ("setelah", "mulai", "format")
        }
        return "/kandidat?" + urlencode(query)

    def _first_candidates(self, request: Request) -> Response:
        return RedirectResponse(self._first_candidates_url(request), status_code=303)

    # --- shared

    def _agency(self, request: Request, actor: Actor) -> str | None:
        """The agency asked for (``?instansi=``), else the person's own."""
        asked = request.query_params.get(AGENCY_PARAMETER, "").strip().upper()
        return asked or actor.agency

    def _agency_query(self, request: Request) -> str:
        """The agency asked for, to keep in the page's links (empty for the person's own)."""
        asked = request.query_params.get(AGENCY_PARAMETER, "").strip().upper()
        return urlencode({AGENCY_PARAMETER: asked}) if asked else ""

    def _agency_choice(self, request: Request, actor: Actor, title: str) -> Response:
        """A reader acting for no agency (a national auditor) names the agency first."""
        return self.frame.page(request, "dashboard_agency.html", title, actor, {})

    def _refused(
        self, request: Request, actor: Actor, title: str, agency: str, refused: PageDataRefused
    ) -> Response:
        status = REFUSAL_STATUS.get(refused.code, 500)
        return self.frame.page(
            request,
            "dashboard_refused.html",
            title,
            actor,
            {"agency": agency, "refused": refused},
            status,
        )


def _positive(value: str | None) -> int:
    try:
        number = int(value or "1")
    except ValueError:
        return 1
    return max(1, number)


def _weights(rows: Sequence[Row], language: Language) -> str:
    """The weight of each part of the score, as the API gives it with the first candidate."""
    if not rows:
        return ""
    parts = rows[0]["score"]["parts"]
    indonesian = language is Language.INDONESIAN
    return ", ".join(f"{name_of(ScorePart[p['part']], indonesian)} {p['weight']:g}" for p in parts)
