"""The reports (``/laporan``) for an agency's officers, its leaders (the approving official)
and auditors: each read with its criteria (``report_criteria``) through the API's queries
(``report_readers``), shown as a page and written as PDF, XLSX or CSV
(``?format=pdf|xlsx|csv``) by ``asn_graph.reports``: the page and the files hold the same
numbers and the same chart."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from asn_graph.api.web.chart_images import chart_image
from asn_graph.api.web.downloads import FileFormat, file_response
from asn_graph.api.web.form_errors import FormErrors
from asn_graph.api.web.frame import Frame
from asn_graph.api.web.messages import MESSAGES, Language, language_of
from asn_graph.api.web.page_data import PageDataRefused
from asn_graph.api.web.rendering import Link
from asn_graph.api.web.report_criteria import (
    AGENCY,
    FROM,
    PLAN,
    STATE,
    TRANSFER_TYPE,
    UNIT,
    UNTIL,
    Chosen,
    Criterion,
    CriterionKind,
    chosen,
)
from asn_graph.api.web.report_readers import (
    Contents,
    Reading,
    case_register,
    largest_gaps,
    moves_of_period,
    staffing_balance,
    transfer_outcomes,
    transfer_plan,
)
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.names import name_of_code
from asn_graph.reports.model import Report
from asn_graph.reports.pdf import report_pdf
from asn_graph.reports.spreadsheets import report_csv, report_xlsx

READERS = (Role.OFFICER, Role.APPROVER, Role.AUDITOR)
ROWS_ON_PAGE = 500
"""A report's tables on its page are cut here (the files hold every row)."""
REFUSAL_STATUS = {"FORBIDDEN": 403, "NOT_FOUND": 404, "BAD_INPUT": 400, "UNAVAILABLE": 503}
GAP_COUNT = Criterion(
    "jumlah", "criterion_count", CriterionKind.COUNT, largest=200, default_count=20
)
PLAN_OF_OUTCOMES = Criterion("rencana", "criterion_plan", CriterionKind.PLAN, "criterion_plan_hint")
OPENED_FROM = replace(FROM, label="criterion_opened_from")
OPENED_UNTIL = replace(UNTIL, label="criterion_opened_until")
EFFECTIVE_FROM = replace(FROM, label="criterion_effective_from")
EFFECTIVE_UNTIL = replace(UNTIL, label="criterion_effective_until")
PDF = "application/pdf"
READ_AT_FORM = "%d-%m-%Y %H:%M %Z"


@dataclass(frozen=True)
class ReportKind:
    slug: str
    title: str
    summary: str
    criteria: tuple[Criterion, ...]
    read: Callable[[Reading], Awaitable[Contents]]


REPORTS = (
    ReportKind(
        "neraca", "report_balance_title", "report_balance_summary", (AGENCY,), staffing_balance
    ),
    ReportKind(
        "kesenjangan",
        "report_gaps_title",
        "report_gaps_summary",
        (AGENCY, GAP_COUNT),
        largest_gaps,
    ),
    ReportKind(
        "register-usulan",
        "report_register_title",
        "report_register_summary",
        (AGENCY, UNIT, STATE, TRANSFER_TYPE, OPENED_FROM, OPENED_UNTIL),
        case_register,
    ),
    ReportKind(
        "mutasi-periode",
        "report_moves_title",
        "report_moves_summary",
        (AGENCY, UNIT, EFFECTIVE_FROM, EFFECTIVE_UNTIL),
        moves_of_period,
    ),
    ReportKind(
        "hasil-mutasi",
        "report_outcomes_title",
        "report_outcomes_summary",
        (AGENCY, FROM, UNTIL, PLAN_OF_OUTCOMES),
        transfer_outcomes,
    ),
    ReportKind("rencana", "report_plan_title", "report_plan_summary", (PLAN,), transfer_plan),
)


class ReportsArea:
    def __init__(self, frame: Frame, reports: Sequence[ReportKind] = REPORTS) -> None:
        self.frame = frame
        self.reports = {report.slug: report for report in reports}

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/laporan", self.index, methods=["GET"]),
            Route("/laporan/{slug}", self.report, methods=["GET"]),
        ]

    def links(self, actor: Actor) -> Sequence[Link]:
        return (Link("/laporan", "reports_nav"),) if actor.role in READERS else ()

    async def index(self, request: Request) -> Response:
        actor = await self.frame.person(request, *READERS)
        if isinstance(actor, Response):
            return actor
        return self.frame.page(
            request,
            "reports.html",
            "reports_title",
            actor,
            {"reports": list(self.reports.values()), "own_agency": actor.agency},
        )

    async def report(self, request: Request) -> Response:
        actor = await self.frame.person(request, *READERS)
        if isinstance(actor, Response):
            return actor
        kind = self.reports.get(request.path_params["slug"])
        language = language_of(request)
        text = MESSAGES[language]
        if kind is None:
            return self.frame.page(
                request,
                "report_refused.html",
                "reports_title",
                actor,
                {"message": text["reports_unknown"]},
                404,
            )
        criteria = chosen(kind.criteria, request.query_params, actor, text)
        indonesian = language is Language.INDONESIAN
        page: dict[str, Any] = {
            "kind": kind,
            "chosen": criteria,
            "criterion_options": lambda criterion: [
                (code, name_of_code(criterion.choice_kind, code, indonesian))
                for code in criterion.choices
            ],
        }
        if criteria.errors and not request.query_params:
            # The first visit of a report that needs a criterion: its form, nothing wrong yet.
            page["chosen"] = replace(criteria, errors=FormErrors())
            return self.frame.page(request, "report.html", kind.title, actor, page)
        if criteria.errors:
            return self.frame.page(request, "report.html", kind.title, actor, page, 400)
        service = self.frame.page_data.service
        position = await self.frame.page_data.blocking.run(service.log_head)
        zone = ZoneInfo(service.settings.timezone)
        reading = Reading(self.frame.page_data, request, actor, criteria, text, language, zone)
        try:
            contents = await kind.read(reading)
        except PageDataRefused as refused:
            # Refused as the API refuses it, told beside the criterion it concerns.
            page["chosen"] = replace(criteria, errors=_beside_criterion(refused, kind))
            status = REFUSAL_STATUS.get(refused.code, 500)
            return self.frame.page(request, "report.html", kind.title, actor, page, status)
        report = _report(kind, criteria, contents, text, position, zone, indonesian)
        wanted = request.query_params.get("format", "").strip().lower()
        if wanted == "pdf":
            body = await run_in_threadpool(report_pdf, report, text["reports_page"])
            return file_response(body, report.name, "pdf", PDF)
        if wanted == FileFormat.XLSX:
            body = await run_in_threadpool(report_xlsx, report, text["reports_summary_sheet"])
            return file_response(body, report.name, wanted, FileFormat.XLSX.media_type)
        if wanted == FileFormat.CSV:
            return file_response(report_csv(report), report.name, wanted, FileFormat.CSV.media_type)
        charts = [await chart_image(chart) for chart in report.charts]
        page.update({"report": report, "charts": charts, "rows_on_page": ROWS_ON_PAGE})
        return self.frame.page(request, "report.html", kind.title, actor, page)


CRITERION_OF_FIELD = {
    "agencyCode": AGENCY.parameter,
    "unitCode": UNIT.parameter,
    "planId": PLAN.parameter,
    "id": PLAN.parameter,
}
"""The criterion an input field of the API's refusal comes from (``filter.planId``: its
last name)."""


def _beside_criterion(refused: PageDataRefused, kind: ReportKind) -> FormErrors:
    field = (refused.field or "").rsplit(".", 1)[-1]
    parameter = CRITERION_OF_FIELD.get(field)
    if parameter is None and refused.code == "FORBIDDEN" and AGENCY in kind.criteria:
        # Out of the person's scope: the agency asked for is what they may not read.
        parameter = AGENCY.parameter
    if parameter is None:
        return FormErrors(general=refused.message)
    return FormErrors(fields={parameter: refused.message})


def _report(
    kind: ReportKind,
    criteria: Chosen,
    contents: Contents,
    text: Mapping[str, str],
    position: int,
    zone: ZoneInfo,
    indonesian: bool,
) -> Report:
    read_at = datetime.now(UTC).replace(microsecond=0)
    subject = contents.subject or ""
    lines = [
        text["criterion_line"].format(
            label=text[criterion.label],
            value=_criterion_value(criterion, criteria, text, indonesian),
        )
        for criterion in kind.criteria
    ]
    return Report(
        name=f"{kind.slug}-{subject}" if subject else kind.slug,
        title=f"{text[kind.title]} · {subject}" if subject else text[kind.title],
        criteria=lines,
        read_at=read_at,
        read_at_label=text["reports_read_at"].format(
            moment=read_at.astimezone(zone).strftime(READ_AT_FORM), position=position
        ),
        key_figures=contents.key_figures,
        charts=contents.charts,
        tables=contents.tables,
    )


def _criterion_value(
    criterion: Criterion, criteria: Chosen, text: Mapping[str, str], indonesian: bool
) -> str:
    """As asked (a choice by its name), or as taken when not asked (the person's own
    agency), else "all"."""
    asked = criteria.texts.get(criterion.parameter)
    if asked and criterion.kind is CriterionKind.CHOICE:
        return name_of_code(criterion.choice_kind, asked, indonesian)
    if asked:
        return asked
    if criterion.kind is CriterionKind.AGENCY and criteria.get(criterion.parameter):
        return str(criteria.get(criterion.parameter))
    return text["criterion_any"]
