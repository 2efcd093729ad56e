"""The employee's side of a transfer plan (konsultasi): the plans that propose them a move
(``/saya/konsultasi``) and, for each, the move with why it was chosen and the answer form:
agree, or object with the reason's category, a note and where they would rather go."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from asn_graph.api.web.frame import Frame
from asn_graph.api.web.page_data import PageDataRefused
from asn_graph.api.web.plan_forms import Submission, refusal_errors
from asn_graph.api.web.plans import (
    DONE_FLAG,
    READ_REFUSAL_STATUS,
    FailedForm,
    after_writing,
    new_key,
    page_text,
    written_position,
)
from asn_graph.api.web.rendering import Link
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.plan_records import ObjectionReason
from asn_graph.domain.reference import PositionKind

CONSULTATIONS = "/saya/konsultasi"
ANSWER_FIELDS = {
    "agrees": "agrees",
    "reason": "objection",
    "note": "note",
    "preferredUnits": "preferred-units",
    "preferredPositionKinds": "preferred-kinds",
}


def _answer_input(submission: Submission, plan_id: str) -> dict[str, Any]:
    agrees = submission.value("agrees")
    if agrees not in ("true", "false"):
        submission.errors.add("agrees", submission.text["plans_error_choose"])
    objection = submission.member("objection", ObjectionReason, required=agrees == "false")
    units = []
    for chosen in submission.chosen("preferred-units"):
        agency, _, unit = chosen.partition("/")
        if not agency or not unit:
            submission.errors.add("preferred-units", submission.text["plans_error_choose"])
            break
        units.append({"agencyCode": agency, "unitCode": unit})
    kinds = submission.chosen("preferred-kinds")
    if any(kind not in PositionKind.__members__ for kind in kinds):
        submission.errors.add("preferred-kinds", submission.text["plans_error_choose"])
    return {
        "planId": plan_id,
        "agrees": agrees == "true",
        # An agreement has no objection's reason, whatever the form held.
        "reason": objection if agrees == "false" else None,
        "note": submission.value("note"),
        "preferredUnits": units,
        "preferredPositionKinds": kinds,
    }


class ConsultationArea:
    def __init__(self, frame: Frame) -> None:
        self.frame = frame

    def routes(self) -> list[BaseRoute]:
        return [
            Route(CONSULTATIONS, self.consultations, methods=["GET"]),
            Route(CONSULTATIONS + "/{plan_id}", self.consultation, methods=["GET"]),
            Route(CONSULTATIONS + "/{plan_id}", self.answer, methods=["POST"]),
        ]

    def links(self, actor: Actor) -> Sequence[Link]:
        return (
            [Link(CONSULTATIONS, "plans_consultations_nav")] if actor.role is Role.EMPLOYEE else []
        )

    async def consultations(self, request: Request) -> Response:
        actor = await self.frame.person(request, Role.EMPLOYEE)
        if isinstance(actor, Response):
            return actor
        data: dict[str, Any] = {"done": request.query_params.get(DONE_FLAG)}
        try:
            read = await self.frame.page_data.run(
                request, actor, "MyTransferPlanConsultations", {}, written_position(request)
            )
            data["consultations"] = read["myTransferPlanConsultations"]
        except PageDataRefused as refused:
            data["refused"] = refused
        return self.frame.page(
            request, "consultations.html", "plans_consultations_title", actor, data
        )

    async def consultation(self, request: Request) -> Response:
        actor = await self.frame.person(request, Role.EMPLOYEE)
        if isinstance(actor, Response):
            return actor
        return await self._consultation_page(request, actor, None)

    async def answer(self, request: Request) -> Response:
        posted = await self.frame.posted(request, Role.EMPLOYEE)
        if isinstance(posted, Response):
            return posted
        actor, form = posted
        plan_id = request.path_params["plan_id"]
        text, indonesian = page_text(request)
        submission = Submission(form, text)
        answer_input = _answer_input(submission, plan_id)
        errors = submission.errors
        if not errors:
            variables = {"input": answer_input, "idempotencyKey": submission.value("key") or None}
            try:
                data = await self.frame.page_data.run(
                    request, actor, "AnswerTransferPlanConsultation", variables
                )
            except PageDataRefused as refused:
                errors = refusal_errors(refused, ANSWER_FIELDS, text, indonesian)
            else:
                return after_writing(CONSULTATIONS, plan_id, data)
        failed = FailedForm("answer", errors, submission.values())
        return await self._consultation_page(request, actor, failed)

    async def _consultation_page(
        self, request: Request, actor: Actor, failed: FailedForm | None
    ) -> Response:
        _, indonesian = page_text(request)
        variables = {
            "id": request.path_params["plan_id"],
            "nip": actor.nip or "",
            "language": "ID" if indonesian else "EN",
        }
        try:
            data = await self.frame.page_data.run(
                request, actor, "MyTransferPlanMove", variables, written_position(request)
            )
        except PageDataRefused as refused:
            status = READ_REFUSAL_STATUS.get(refused.code, 409)
            return self.frame.page(
                request,
                "plan_missing.html",
                "plans_consultation_title",
                actor,
                {"refused": refused},
                status,
            )
        plan = data["transferPlan"]
        page = {
            "plan": plan,
            "move": plan["moves"][0] if plan["moves"] else None,
            "failed": failed,
            "reasons": [reason.name for reason in ObjectionReason],
            "position_kinds": [kind.name for kind in PositionKind],
            "new_key": new_key,
        }
        return self.frame.page(
            request, "consultation.html", "plans_consultation_title", actor, page
        )
