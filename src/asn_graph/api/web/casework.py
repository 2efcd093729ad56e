"""The officers' and approvers' part: the agency's worklist (``/antrean``), the case page with
the forms of exactly the actions the case admits from the person (``/kasus/{caseId}``), and
the decisions awaiting an approver (``/keputusan``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from asn_graph.api.web.case_forms import (
    DOCUMENT_TYPES,
    FORMS,
    RATINGS,
    ActionForm,
    FieldKind,
    Filled,
    FormField,
    initial_values,
    overridable_rules,
    read_form,
)
from asn_graph.api.web.downloads import (
    Codes,
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
from asn_graph.api.web.history import moments
from asn_graph.api.web.messages import MESSAGES, Language, language_of
from asn_graph.api.web.page_data import PageDataRefused
from asn_graph.api.web.rendering import Link
from asn_graph.api.web.uploads import UploadRefused, Uploads
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_actions import DECISIONS as DECISIONS_OF_STEPS
from asn_graph.domain.case_actions import CaseAction
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.names import name_of_code


def _origin(row: Row) -> str:
    return f"{row['originAgency']}/{row['originUnit']}"


def _destination(row: Row) -> str:
    return f"{row['destinationAgency']}/{row['destinationUnit']}"


def _overdue(row: Row) -> str | None:
    return "casework_overdue_yes" if row.get("overdue") else None


def _deciding(row: Row) -> Codes:
    return tuple(row["deciding"])


_WORK_COLUMNS = (
    Column("casework_nip", value_of("nip")),
    Column("casework_employee", value_of("employeeName")),
    Column("casework_stage", value_of("state"), names="CaseState"),
    Column("casework_step", value_of("pendingStep"), names="ApprovalStep"),
    Column("casework_type", value_of("transferType"), names="TransferType"),
    Column("casework_from", _origin),
    Column("casework_to", _destination),
    Column("casework_days_waiting", value_of("daysInStage")),
    Column("casework_acts_next", value_of("assigneeRole"), names="Role"),
    Column("casework_due", value_of("dueOn")),
    Column("casework_overdue", _overdue, worded=True),
)
WORKLIST_FILE = Listing("antrean", _WORK_COLUMNS)
"""The worklist as a file: every case of the filter, codes named in the reader's language."""
DECISIONS_FILE = Listing(
    "keputusan",
    (*_WORK_COLUMNS, Column("casework_actions", _deciding, names="CaseAction")),
)
"""The approver's decisions as a file: the worklist's columns and the decisions awaited."""
WORKLIST = "/antrean"
DECISIONS = "/keputusan"
CASE_PAGE = "/kasus/{case_id}"
PAGE_SIZE = 20
DECISIONS_SHOWN = 10
STAFF = (Role.OFFICER, Role.APPROVER)
CASE_READERS = (Role.OFFICER, Role.APPROVER, Role.BKN, Role.GOVERNOR, Role.MINISTER)
"""Who works on a case: the agencies' staff, and the regulators recording their own step."""
OPEN_STATES = tuple(state for state in CaseState if state.holds_employee)
"""The stages a case waits in for someone (the worklist's filter)."""
NOT_FOUND = {"NOT_FOUND", "BAD_INPUT"}
DECIDING = frozenset({*(action.value for action in DECISIONS_OF_STEPS.values()), "ISSUE_DECREE"})
"""The actions an approver's decisions page leads to: a step's decision, the decree."""


def case_path(case_id: str) -> str:
    return CASE_PAGE.format(case_id=case_id)


class Casework:
    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        self.page_data = frame.page_data
        self.uploads = Uploads(frame.page_data.service.settings, frame.page_data.blocking)
        self.zone = ZoneInfo(frame.page_data.service.settings.timezone)

    def routes(self) -> list[BaseRoute]:
        return [
            Route(WORKLIST, self.worklist, methods=["GET"]),
            Route(DECISIONS, self.decisions, methods=["GET"]),
            Route(CASE_PAGE, self.case_page, methods=["GET"]),
            Route(CASE_PAGE, self.act, methods=["POST"]),
        ]

    def links(self, actor: Actor) -> Sequence[Link]:
        if actor.role is Role.OFFICER:
            return [Link(WORKLIST, "casework_worklist_title")]
        if actor.role is Role.APPROVER:
            return [
                Link(DECISIONS, "casework_decisions_title"),
                Link(WORKLIST, "casework_worklist_title"),
            ]
        return []

    # --- the worklist ------------------------------------------------------------------------

    async def worklist(self, request: Request) -> Response:
        actor = await self.frame.person(request, *STAFF)
        if isinstance(actor, Response):
            return actor
        stage = request.query_params.get("tahap", "")
        state = stage if stage in {s.value for s in OPEN_STATES} else None
        overdue = request.query_params.get("terlambat") == "1"
        after = request.query_params.get("setelah") or None
        where: dict[str, Any] = {"agencyCode": actor.agency, "overdueOnly": overdue}
        if state is not None:
            where["states"] = [state]
        data: dict[str, Any] = {
            "stages": [s.value for s in OPEN_STATES],
            "stage": state,
            "overdue_only": overdue,
            "paged": after is not None,
        }
        wanted = download_format(request)
        try:
            if wanted is not None:
                rows = await every_node(
                    self.page_data, request, actor, "Worklist", {"filter": where}, "worklist"
                )
                return await download(
                    request, WORKLIST_FILE, rows, wanted, f"antrean-{actor.agency}"
                )
            answer = await self._worklist(request, actor, where, PAGE_SIZE, after)
        except PageDataRefused as refused:
            data["refused"] = refused
        else:
            work = answer["worklist"]
            data["items"] = [edge["node"] for edge in work["edges"]]
            data["total"] = work["totalCount"]
            if work["pageInfo"]["hasNextPage"]:
                data["next_query"] = _query(
                    tahap=state,
                    terlambat="1" if overdue else None,
                    setelah=work["pageInfo"]["endCursor"],
                )
            data["first_query"] = _query(tahap=state, terlambat="1" if overdue else None)
        return self.frame.page(request, "worklist.html", "casework_worklist_title", actor, data)

    # --- the approver's decisions ------------------------------------------------------------

    async def decisions(self, request: Request) -> Response:
        actor = await self.frame.person(request, Role.APPROVER)
        if isinstance(actor, Response):
            return actor
        after = request.query_params.get("setelah") or None
        where = {"agencyCode": actor.agency, "assigneeRole": Role.APPROVER.value}
        data: dict[str, Any] = {"paged": after is not None}
        wanted = download_format(request)
        try:
            if wanted is not None:
                items = await every_node(
                    self.page_data, request, actor, "Worklist", {"filter": where}, "worklist"
                )
                rows = [
                    {**entry["item"], "deciding": entry["deciding"]}
                    for entry in await self._deciding(request, actor, items)
                ]
                return await download(
                    request, DECISIONS_FILE, rows, wanted, f"keputusan-{actor.agency}"
                )
            answer = await self._worklist(request, actor, where, DECISIONS_SHOWN, after)
            work = answer["worklist"]
            cases = await self._deciding(request, actor, [e["node"] for e in work["edges"]])
        except PageDataRefused as refused:
            data["refused"] = refused
        else:
            data["cases"] = cases
            if work["pageInfo"]["hasNextPage"]:
                data["next_query"] = _query(setelah=work["pageInfo"]["endCursor"])
        return self.frame.page(request, "decisions.html", "casework_decisions_title", actor, data)

    async def _deciding(
        self, request: Request, actor: Actor, items: Sequence[Row]
    ) -> list[dict[str, Any]]:
        """The worklist's cases the approver may decide now, each with its file and the
        decisions it awaits: an acceptance waits for the destination's approver, not the
        origin's."""
        cases = []
        for item in items:
            case = await self._case(request, actor, item["caseId"])
            if case is None:
                continue
            deciding = [name for name in case["allowedActions"] if name in DECIDING]
            if deciding:
                cases.append({"item": item, "case": case, "deciding": deciding})
        return cases

    async def _worklist(
        self, request: Request, actor: Actor, where: dict[str, Any], first: int, after: str | None
    ) -> dict[str, Any]:
        """The worklist as of every event recorded so far: a case just acted on shows at its
        new stage (the read model is waited for, within the configured bound)."""
        head = await self.page_data.blocking.run(self.page_data.service.log_head)
        variables = {"filter": where, "first": first, "after": after}
        return await self.page_data.run(request, actor, "Worklist", variables, min_position=head)

    async def _case(self, request: Request, actor: Actor, case_id: str) -> dict[str, Any] | None:
        try:
            answer = await self.page_data.run(request, actor, "CaseFile", {"id": case_id})
        except PageDataRefused as refused:
            if refused.code in NOT_FOUND:
                return None
            raise
        case: dict[str, Any] = answer["transferCase"]
        return case

    # --- the case page -----------------------------------------------------------------------

    async def case_page(self, request: Request) -> Response:
        actor = await self.frame.person(request, *CASE_READERS)
        if isinstance(actor, Response):
            return actor
        done = request.query_params.get("tercatat")
        notice = done if done in {a.value for a in CaseAction} else None
        return await self._render_case(request, actor, notice=notice)

    async def act(self, request: Request) -> Response:
        sent = await self.frame.posted(request, *CASE_READERS)
        if isinstance(sent, Response):
            return sent
        actor, posted = sent
        case_id = request.path_params["case_id"]
        try:
            action = CaseAction(str(posted.get("tindakan", "")))
            form = FORMS[action]
        except (ValueError, KeyError):
            return await self._render_case(request, actor, status_code=400)
        try:
            case = await self._case(request, actor, case_id)
        except PageDataRefused as refused:
            return await self._render_case(request, actor, refused=refused)
        if case is None:
            return self._missing(request, actor)
        texts = MESSAGES[language_of(request)]
        filled = read_form(form, posted, case, texts)
        file_field = form.file_field
        if filled.variables is not None and file_field is not None:
            await self._keep_file(request, file_field, form.upload(posted), filled)
        if filled.variables is not None:
            try:
                await self.page_data.run(request, actor, form.operation, filled.variables)
            except PageDataRefused as refused:
                filled.errors = _refusal(refused, form, texts)
            else:
                return RedirectResponse(
                    f"{case_path(case_id)}?tercatat={action.value}#pemberitahuan", status_code=303
                )
        # The form again with its message beside the field: 200, as browsers log a 4xx
        # page load as an error.
        return self._case_response(
            request,
            actor,
            case,
            failed={"action": action, "values": filled.values, "errors": filled.errors},
        )

    async def _keep_file(
        self, request: Request, field: FormField, upload: UploadFile | None, filled: Filled
    ) -> None:
        """Keeps the form's uploaded file and sends its SHA-256 with the input; a refused
        file is told beside its field, and the form sends nothing."""
        try:
            stored = await self.uploads.keep(request, upload)
        except UploadRefused as refused:
            filled.errors.add(field.name, refused.message)
            filled.variables = None
            return
        if filled.variables is not None:
            filled.variables["input"][field.name] = stored.sha256

    async def _render_case(
        self,
        request: Request,
        actor: Actor,
        *,
        notice: str | None = None,
        refused: PageDataRefused | None = None,
        status_code: int = 200,
    ) -> Response:
        case_id = request.path_params["case_id"]
        if refused is None:
            try:
                case = await self._case(request, actor, case_id)
            except PageDataRefused as error:
                refused = error
            else:
                if case is None:
                    return self._missing(request, actor)
                return self._case_response(
                    request, actor, case, notice=notice, status_code=status_code
                )
        data = {"refused": refused}
        return self.frame.page(request, "case.html", "casework_case_title", actor, data)

    def _case_response(
        self,
        request: Request,
        actor: Actor,
        case: dict[str, Any],
        *,
        notice: str | None = None,
        failed: dict[str, Any] | None = None,
        status_code: int = 200,
    ) -> Response:
        forms = [
            FORMS[CaseAction[name]] for name in case["allowedActions"] if CaseAction[name] in FORMS
        ]
        offered = [
            {
                "form": form,
                "values": failed["values"]
                if failed and failed["action"] is form.action
                else initial_values(form, case),
                "errors": failed["errors"]
                if failed and failed["action"] is form.action
                else FormErrors(),
            }
            for form in forms
        ]
        data = {
            "case": case,
            "moments": moments(case["history"], self.zone),
            "offered": offered,
            "others": [name for name in case["nextActions"] if name not in case["allowedActions"]],
            "notice": notice,
            "failed": failed["action"].value if failed else None,
            "choices": _choices(case, request),
            "megabytes": self.uploads.megabytes(request),
        }
        return self.frame.page(
            request, "case.html", "casework_case_title", actor, data, status_code
        )

    def _missing(self, request: Request, actor: Actor) -> Response:
        return self.frame.page(
            request, "case.html", "casework_case_title", actor, {"missing": True}, 404
        )


def _choices(case: dict[str, Any], request: Request) -> dict[str, list[tuple[str, str]]]:
    """The options of the forms' lists, each code with its name in the page's language."""
    indonesian = language_of(request) is Language.INDONESIAN
    texts = MESSAGES[language_of(request)]

    def named(kind: str, codes: Sequence[str]) -> list[tuple[str, str]]:
        return [(code, name_of_code(kind, code, indonesian)) for code in codes]

    return {
        FieldKind.DOCUMENT_TYPE.value: named("DocumentType", DOCUMENT_TYPES),
        FieldKind.RATING.value: named("PerformanceRating", RATINGS),
        FieldKind.RULE.value: named("Rule", overridable_rules(case)),
        FieldKind.YES_NO.value: [("yes", texts["casework_yes"]), ("no", texts["casework_no"])],
    }


def _refusal(refused: PageDataRefused, form: ActionForm, texts: Any) -> FormErrors:
    """The API's refusal beside the field it names, or above the form."""
    errors = FormErrors.of(refused, form.field_names)
    if errors.general is not None:
        errors.general = texts["casework_refused"].format(message=refused.message)
    for name, message in errors.fields.items():
        errors.fields[name] = texts["casework_refused"].format(message=message)
    return errors


def _query(**parameters: str | None) -> str:
    kept = {name: value for name, value in parameters.items() if value}
    return "?" + urlencode(kept) if kept else ""
