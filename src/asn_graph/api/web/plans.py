"""The plan builder (rencana mutasi) for an agency's officers and approvers: the agency's plans
and a form for a new one (``/rencana``); one plan (``/rencana/{id}``) with its scope and
constraints, the optimiser's proposal, the moves with their explanations and answers, the
staffing balance before and after, the consultation, the approval, the launch and its
progress. Every action is a form posting one mutation document, then a redirect back."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode
from uuid import uuid4

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
    place_of,
    value_of,
)
from asn_graph.api.web.form_errors import FormErrors
from asn_graph.api.web.frame import Frame
from asn_graph.api.web.messages import MESSAGES, Language, language_of
from asn_graph.api.web.page_data import PageDataRefused
from asn_graph.api.web.plan_forms import Submission, refusal_errors
from asn_graph.api.web.rendering import Link
from asn_graph.api.web.report_readers import plan_chart
from asn_graph.domain.actors import Actor, Role

PLAN_STAFF = (Role.OFFICER, Role.APPROVER)
PLANS_PER_PAGE = 50
CASES_PER_READ = 100
DEFAULT_LAUNCH_BATCH = 100
EDITABLE = ("DRAFT", "CONSULTING")
CANCELLABLE = ("DRAFT", "CONSULTING", "APPROVED")
DONE_FLAG = "tercatat"
POSITION_FLAG = "posisi"
# A refused read of a plan: no such plan (or not one the person may read), or not theirs.
READ_REFUSAL_STATUS = {"NOT_FOUND": 404, "BAD_INPUT": 404, "FORBIDDEN": 403}

PLANS_FILE = Listing(
    "rencana-mutasi",
    (
        Column("plans_plan", value_of("title")),
        Column("plans_status", value_of("status"), names="PlanStatus"),
        Column("plans_field_period_start", value_of("periodStart")),
        Column("plans_field_period_end", value_of("periodEnd")),
        Column("plans_moves", value_of("moves")),
        Column("plans_launched", value_of("launched")),
    ),
)
"""The agency's plans as a file, as the list shows them."""


def _answer(row: Row) -> str:
    answer = row.get("answer")
    if not answer:
        return "plans_not_answered"
    return "plans_agrees" if answer["agrees"] else "plans_objects"


def _pinned(row: Row) -> str | None:
    return "plans_yes" if row["pinned"] else None


def _objection(row: Row) -> str | None:
    answer = row.get("answer")
    return answer.get("reason") if answer else None


def _note(row: Row) -> str | None:
    answer = row.get("answer")
    return answer.get("note") if answer else None


MOVES_FILE = Listing(
    "langkah-rencana",
    (
        Column("plans_nip", value_of("nip")),
        Column("plans_employee", value_of("name")),
        Column("plans_from", place_of("origin")),
        Column("plans_to", place_of("destination")),
        Column("plans_score", lambda row: round(float(row["score"]["total"]), 2)),
        Column("plans_source", value_of("source"), names="MoveSource"),
        Column("plans_pinned_column", _pinned, worded=True),
        Column("plans_answer", _answer, worded=True),
        Column("plans_objection_reason", _objection, names="ObjectionReason"),
        Column("plans_note", _note),
        Column("plans_case", value_of("caseId")),
        Column("plans_case_stage", value_of("caseState"), names="CaseState"),
    ),
)
"""A plan's moves as a file: each employee, where from and to, the score, the answer and
the case its launch opened."""

DRAFT_FIELDS = {
    "title": "title",
    "periodStart": "period-start",
    "periodEnd": "period-end",
    "agencyCodes": "scope-agencies",
    "unitCodes": "scope-units",
    "positionCodes": "scope-positions",
    "maxMoves": "max-moves",
    "reason": "draft-reason",
}


def page_text(request: Request) -> tuple[Mapping[str, str], bool]:
    """The page's texts and whether they are Indonesian."""
    language = language_of(request)
    return MESSAGES[language], language is Language.INDONESIAN


def written_position(request: Request) -> int | None:
    """The log position of what the form before the redirect recorded: the page's reads wait
    until the read models hold it, so that the page shows it."""
    written = request.query_params.get(POSITION_FLAG, "")
    return int(written) if written.isdigit() else None


def after_writing(path: str, done: str, result: dict[str, Any]) -> RedirectResponse:
    """The redirect after a form's mutation: to ``path``, saying what was recorded and at
    which log position (``result``: the mutation's data)."""
    (written,) = result.values()
    query = urlencode({DONE_FLAG: done, POSITION_FLAG: written["position"]})
    return RedirectResponse(f"{path}?{query}", status_code=303)


def new_key() -> str:
    """A form's idempotency key: the same form posted twice records its action once."""
    return uuid4().hex


def _scope(submission: Submission) -> dict[str, list[str]]:
    return {
        "agencyCodes": submission.codes("scope-agencies", required=True),
        "unitCodes": submission.codes("scope-units"),
        "positionCodes": submission.codes("scope-positions"),
    }


def _draft_input(submission: Submission, agency_code: str) -> dict[str, Any]:
    return {
        "agencyCode": agency_code,
        "title": submission.required("title"),
        "periodStart": submission.day("period-start"),
        "periodEnd": submission.day("period-end"),
        "scope": _scope(submission),
        "maxMoves": submission.count("max-moves"),
        "reason": submission.value("draft-reason"),
    }


def _constraints_input(submission: Submission, plan: dict[str, Any]) -> dict[str, Any]:
    return {
        "planId": plan["id"],
        "scope": _scope(submission),
        "maxMoves": submission.count("max-moves"),
        "excludedEmployees": submission.nips("excluded-employees"),
        "excludedPositions": submission.placements("excluded-positions", plan["agencyCode"]),
        "reason": submission.value("constraints-reason"),
    }


def _propose_input(submission: Submission, plan: dict[str, Any]) -> dict[str, Any]:
    return {"planId": plan["id"], "reason": submission.value("propose-reason")}


def _add_input(submission: Submission, plan: dict[str, Any]) -> dict[str, Any]:
    agency = submission.codes("add-agency") or [plan["agencyCode"]]
    return {
        "planId": plan["id"],
        "nip": submission.nip("add-nip"),
        "destination": {
            "agencyCode": agency[0],
            "unitCode": submission.required("add-unit").upper(),
            "positionCode": submission.required("add-position").upper(),
        },
        "pinned": submission.value("add-pinned") == "true",
        "reason": submission.value("add-reason"),
    }


def _remove_input(submission: Submission, plan: dict[str, Any]) -> dict[str, Any]:
    return {
        "planId": plan["id"],
        "nip": submission.value("nip"),
        "reason": submission.required("remove-reason"),
    }


def _pin_input(submission: Submission, plan: dict[str, Any]) -> dict[str, Any]:
    return {
        "planId": plan["id"],
        "nip": submission.value("nip"),
        "pinned": submission.value("pinned") == "true",
    }


def _consultation_input(submission: Submission, plan: dict[str, Any]) -> dict[str, Any]:
    return {"planId": plan["id"], "answerBy": submission.day("answer-by")}


def _approve_input(submission: Submission, plan: dict[str, Any]) -> dict[str, Any]:
    return {"planId": plan["id"], "reason": submission.value("approve-reason")}


def _return_input(submission: Submission, plan: dict[str, Any]) -> dict[str, Any]:
    return {"planId": plan["id"], "reason": submission.required("return-reason")}


def _launch_input(submission: Submission, plan: dict[str, Any]) -> dict[str, Any]:
    return {"planId": plan["id"], "batchSize": submission.count("batch-size", required=True)}


def _cancel_input(submission: Submission, plan: dict[str, Any]) -> dict[str, Any]:
    return {"planId": plan["id"], "reason": submission.required("cancel-reason")}


@dataclass(frozen=True)
class PlanAction:
    """A form of the plan page: who may post it, how its fields make the mutation's input,
    and which of the mutation's input fields the form shows (API field -> form field)."""

    document: str
    role: Role
    read: Callable[[Submission, dict[str, Any]], dict[str, Any]]
    fields: Mapping[str, str]


ACTIONS: dict[str, PlanAction] = {
    "batasan": PlanAction(
        "SetTransferPlanConstraints",
        Role.OFFICER,
        _constraints_input,
        {
            "agencyCodes": "scope-agencies",
            "unitCodes": "scope-units",
            "positionCodes": "scope-positions",
            "maxMoves": "max-moves",
            "excludedEmployees": "excluded-employees",
            "excludedPositions": "excluded-positions",
            "reason": "constraints-reason",
        },
    ),
    "usulkan": PlanAction(
        "ProposeTransferPlan", Role.OFFICER, _propose_input, {"reason": "propose-reason"}
    ),
    "tambah-langkah": PlanAction(
        "AddTransferPlanMove",
        Role.OFFICER,
        _add_input,
        {
            "nip": "add-nip",
            "agencyCode": "add-agency",
            "unitCode": "add-unit",
            "positionCode": "add-position",
            "reason": "add-reason",
        },
    ),
    "hapus-langkah": PlanAction(
        "RemoveTransferPlanMove", Role.OFFICER, _remove_input, {"reason": "remove-reason"}
    ),
    "sematkan-langkah": PlanAction("PinTransferPlanMove", Role.OFFICER, _pin_input, {}),
    "buka-konsultasi": PlanAction(
        "OpenTransferPlanConsultation",
        Role.OFFICER,
        _consultation_input,
        {"answerBy": "answer-by"},
    ),
    "setujui": PlanAction(
        "ApproveTransferPlan", Role.APPROVER, _approve_input, {"reason": "approve-reason"}
    ),
    "kembalikan": PlanAction(
        "ReturnTransferPlan", Role.APPROVER, _return_input, {"reason": "return-reason"}
    ),
    "jalankan": PlanAction(
        "LaunchTransferPlan", Role.OFFICER, _launch_input, {"batchSize": "batch-size"}
    ),
    "batalkan": PlanAction(
        "CancelTransferPlan", Role.OFFICER, _cancel_input, {"reason": "cancel-reason"}
    ),
}


# The forms of the plan page by the permission that shows them.
FORMS_SHOWN_BY = {
    "may_edit": ("batasan", "usulkan", "tambah-langkah", "hapus-langkah", "sematkan-langkah"),
    "may_consult": ("buka-konsultasi",),
    "may_decide": ("setujui", "kembalikan"),
    "may_launch": ("jalankan",),
    "may_cancel": ("batalkan",),
}
MOVE_FORMS = ("hapus-langkah", "sematkan-langkah")


@dataclass(frozen=True)
class FailedForm:
    """A form posted with something wrong: shown again with what was typed and the errors."""

    action: str
    errors: FormErrors
    values: dict[str, Any]


def _unseen_refusal(
    failed: FailedForm | None, plan: dict[str, Any], permitted: Mapping[str, bool]
) -> str | None:
    """The refusal of a form the page no longer shows (posted from a page left open while the
    plan moved on, or its move is gone): told above everything, else it would be lost."""
    if failed is None:
        return None
    shown = {form for may, forms in FORMS_SHOWN_BY.items() if permitted[may] for form in forms}
    if failed.action in MOVE_FORMS and not any(
        move["nip"] == failed.values.get("nip") for move in plan["moves"]
    ):
        shown.discard(failed.action)
    if failed.action in shown:
        return None
    return failed.errors.general or " ".join(failed.errors.fields.values())


class PlanArea:
    def __init__(self, frame: Frame) -> None:
        self.frame = frame

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/rencana", self.plans, methods=["GET"]),
            Route("/rencana", self.draft, methods=["POST"]),
            Route("/rencana/{plan_id}", self.plan, methods=["GET"]),
            Route("/rencana/{plan_id}/{action}", self.act, methods=["POST"]),
        ]

    def links(self, actor: Actor) -> Sequence[Link]:
        return [Link("/rencana", "plans_nav")] if actor.role in PLAN_STAFF else []

    # --- the agency's plans -------------------------------------------------------------------

    async def plans(self, request: Request) -> Response:
        actor = await self.frame.person(request, *PLAN_STAFF)
        if isinstance(actor, Response):
            return actor
        wanted = download_format(request)
        if wanted is None:
            return await self._plans_page(request, actor, None)
        try:
            rows = await every_node(
                self.frame.page_data,
                request,
                actor,
                "TransferPlans",
                {"agencyCode": actor.agency},
                "transferPlans",
            )
        except PageDataRefused:
            return await self._plans_page(request, actor, None)
        return await download(request, PLANS_FILE, rows, wanted, f"rencana-mutasi-{actor.agency}")

    async def draft(self, request: Request) -> Response:
        posted = await self.frame.posted(request, Role.OFFICER)
        if isinstance(posted, Response):
            return posted
        actor, form = posted
        text, indonesian = page_text(request)
        submission = Submission(form, text)
        plan_input = _draft_input(submission, actor.agency or "")
        errors = submission.errors
        if not errors:
            variables = {"input": plan_input, "idempotencyKey": submission.value("key") or None}
            try:
                data = await self.frame.page_data.run(
                    request, actor, "DraftTransferPlan", variables
                )
            except PageDataRefused as refused:
                errors = refusal_errors(refused, DRAFT_FIELDS, text, indonesian)
            else:
                plan_id = data["draftTransferPlan"]["transferPlan"]["id"]
                return after_writing(f"/rencana/{plan_id}", "draf", data)
        failed = FailedForm("draft", errors, submission.values())
        return await self._plans_page(request, actor, failed)

    async def _plans_page(
        self, request: Request, actor: Actor, failed: FailedForm | None
    ) -> Response:
        variables = {
            "agencyCode": actor.agency,
            "first": PLANS_PER_PAGE,
            "after": request.query_params.get("setelah") or None,
        }
        data: dict[str, Any] = {"failed": failed, "new_key": new_key}
        try:
            read = await self.frame.page_data.run(
                request, actor, "TransferPlans", variables, written_position(request)
            )
            data["plans"] = read["transferPlans"]
        except PageDataRefused as refused:
            data["refused"] = refused
        return self.frame.page(request, "plans.html", "plans_title", actor, data)

    # --- one plan -----------------------------------------------------------------------------

    async def plan(self, request: Request) -> Response:
        actor = await self.frame.person(request, *PLAN_STAFF)
        if isinstance(actor, Response):
            return actor
        plan_id = request.path_params["plan_id"]
        wanted = download_format(request)
        if wanted is None:
            return await self._plan_page(request, actor, plan_id, None)
        _, indonesian = page_text(request)
        try:
            plan = await self._read_plan(request, actor, plan_id, indonesian)
            cases = await self._plan_cases(request, actor, plan_id) if plan["launched"] else []
        except PageDataRefused as refused:
            return self._missing(request, actor, refused)
        states = {case["id"]: case["state"] for case in cases}
        rows = [{**move, "caseState": states.get(move["caseId"])} for move in plan["moves"]]
        return await download(request, MOVES_FILE, rows, wanted, f"rencana-{plan_id}")

    async def act(self, request: Request) -> Response:
        action = ACTIONS.get(request.path_params["action"])
        if action is None:
            return Response(status_code=404)
        posted = await self.frame.posted(request, action.role)
        if isinstance(posted, Response):
            return posted
        actor, form = posted
        plan_id = request.path_params["plan_id"]
        text, indonesian = page_text(request)
        try:
            plan = await self._read_plan(request, actor, plan_id, indonesian)
        except PageDataRefused as refused:
            return self._missing(request, actor, refused)
        submission = Submission(form, text)
        action_input = action.read(submission, plan)
        errors = submission.errors
        if not errors:
            variables = {"input": action_input, "idempotencyKey": submission.value("key") or None}
            try:
                data = await self.frame.page_data.run(request, actor, action.document, variables)
            except PageDataRefused as refused:
                errors = refusal_errors(refused, action.fields, text, indonesian)
            else:
                return after_writing(f"/rencana/{plan_id}", request.path_params["action"], data)
        failed = FailedForm(request.path_params["action"], errors, submission.values())
        return await self._plan_page(request, actor, plan_id, failed)

    async def _read_plan(
        self, request: Request, actor: Actor, plan_id: str, indonesian: bool
    ) -> dict[str, Any]:
        variables = {"id": plan_id, "language": "ID" if indonesian else "EN"}
        data = await self.frame.page_data.run(
            request, actor, "TransferPlan", variables, written_position(request)
        )
        plan: dict[str, Any] = data["transferPlan"]
        return plan

    async def _plan_cases(
        self, request: Request, actor: Actor, plan_id: str
    ) -> list[dict[str, Any]]:
        """The cases the plan's launch opened, with their stage now."""
        cases: list[dict[str, Any]] = []
        after = None
        while True:
            variables = {"filter": {"planId": plan_id}, "first": CASES_PER_READ, "after": after}
            data = await self.frame.page_data.run(
                request, actor, "TransferCases", variables, written_position(request)
            )
            page = data["transferCases"]
            cases += [edge["node"] for edge in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                return cases
            after = page["pageInfo"]["endCursor"]

    async def _plan_page(
        self, request: Request, actor: Actor, plan_id: str, failed: FailedForm | None
    ) -> Response:
        _, indonesian = page_text(request)
        try:
            plan = await self._read_plan(request, actor, plan_id, indonesian)
            cases = await self._plan_cases(request, actor, plan_id) if plan["launched"] else []
        except PageDataRefused as refused:
            return self._missing(request, actor, refused)
        officer = actor.role is Role.OFFICER
        status = plan["status"]
        written = written_position(request)
        permitted = {
            "may_edit": officer and status in EDITABLE,
            "may_consult": officer and status == "DRAFT" and bool(plan["moves"]),
            "may_decide": actor.role is Role.APPROVER and status == "CONSULTING",
            "may_launch": officer and status == "APPROVED",
            "may_cancel": officer and status in CANCELLABLE and plan["launched"] == 0,
        }
        data = {
            "plan": plan,
            "unseen_refusal": _unseen_refusal(failed, plan, permitted),
            # The list waits for what was just recorded too, so that it shows the new status.
            "plans_link": "/rencana" if written is None else f"/rencana?{POSITION_FLAG}={written}",
            "case_states": {case["id"]: case["state"] for case in cases},
            "chart": await chart_image(plan_chart(plan["units"], MESSAGES[language_of(request)])),
            "failed": failed,
            "done": request.query_params.get(DONE_FLAG),
            "new_key": new_key,
            **permitted,
        }
        return self.frame.page(request, "plan.html", "plans_plan_title", actor, data)

    def _missing(self, request: Request, actor: Actor, refused: PageDataRefused) -> Response:
        status = READ_REFUSAL_STATUS.get(refused.code, 409)
        data = {"refused": refused}
        return self.frame.page(
            request, "plan_missing.html", "plans_plan_title", actor, data, status
        )
