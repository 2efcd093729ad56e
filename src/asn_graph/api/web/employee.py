"""The employee's pages (pegawai, on a phone): my data and my transfer cases (``/saya``), a
transfer request on my own initiative with its document (``/saya/ajukan``), each case as a
timeline with the answer to a proposal (``/saya/kasus/{caseId}``), and the download of an
uploaded document for those who read a case holding it (``/berkas/{sha256}``).

Every read and write goes through the package's GraphQL documents as the signed-in person;
the uploaded file itself is kept in the content-addressed file store, and the case records
its SHA-256 through ``attachDocument``, as an API client would."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from asn_graph.api.file_store import StoredFile
from asn_graph.api.web.downloads import (
    Column,
    Listing,
    download,
    download_format,
    place_of,
    value_of,
)
from asn_graph.api.web.form_errors import FormErrors
from asn_graph.api.web.frame import Frame
from asn_graph.api.web.history import local_moment, moments
from asn_graph.api.web.messages import MESSAGES, Language, language_of
from asn_graph.api.web.page_data import PageDataRefused
from asn_graph.api.web.rendering import Link
from asn_graph.api.web.uploads import UploadRefused, Uploads, uploaded
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_records import DocumentType
from asn_graph.domain.names import name_of_code

MINE = "/saya"
REQUEST = "/saya/ajukan"
OPTIONS_SHOWN = 50
SHA256_PATH = re.compile(r"^[0-9a-f]{64}$")
REQUEST_KEY = re.compile(r"^[0-9a-f]{32}$")
ANSWERABLE_STATES = {"DRAFT", "SUBMITTED", "DOCUMENTS_RETURNED", "IN_APPROVAL", "AWAITING_DECREE"}
EDITABLE_FILE_STATES = {"DRAFT", "SUBMITTED", "DOCUMENTS_RETURNED"}
DOCUMENT_FIELDS = ("document_type", "number", "issued_on", "issuer", "document_file")
# The API names the fields of its inputs; the forms show them under these names.
API_FIELDS = {"issuedOn": "issued_on", "documentType": "document_type", "sha256": "document_file"}


def case_path(case_id: str) -> str:
    return f"{MINE}/kasus/{case_id}"


MY_CASES_FILE = Listing(
    "usulan-saya",
    (
        Column("employee_case_number", value_of("id")),
        Column("employee_stage", value_of("state"), names="CaseState"),
        Column("employee_initiative", value_of("initiative"), names="Initiative"),
        Column("employee_transfer_type", value_of("transferType"), names="TransferType"),
        Column("employee_destination", place_of("destination")),
        Column("employee_opened", lambda row: row["openedAt"][:10]),
        Column("employee_updated", lambda row: row["updatedAt"][:10]),
    ),
)
"""The employee's own cases as a file, newest first as the page lists them."""


@dataclass
class DocumentEntry:
    """The document fields of a form as entered, and the file once kept."""

    document_type: str = "REQUEST_LETTER"
    number: str = ""
    issued_on: str = ""
    issuer: str = ""
    upload: UploadFile | None = None
    stored: StoredFile | None = None

    @classmethod
    def of(cls, form: FormData) -> DocumentEntry:
        return cls(
            document_type=str(form.get("document_type", "")),
            number=str(form.get("number", "")).strip(),
            issued_on=str(form.get("issued_on", "")).strip(),
            issuer=str(form.get("issuer", "")).strip(),
            upload=uploaded(form.get("document_file")),
        )

    def check(self, errors: FormErrors, text: Any, today: date) -> None:
        if self.document_type not in DocumentType.__members__:
            errors.add("document_type", text["employee_error_document_type"])
        if not self.number:
            errors.add("number", text["employee_error_number"])
        try:
            if date.fromisoformat(self.issued_on) > today:
                errors.add("issued_on", text["employee_error_issued_on"])
        except ValueError:
            errors.add("issued_on", text["employee_error_issued_on"])
        if not self.issuer:
            errors.add("issuer", text["employee_error_issuer"])
        if self.upload is None:
            errors.add("document_file", text["upload_missing"])

    def variables(self, case_id: str) -> dict[str, Any]:
        assert self.stored is not None
        return {
            "input": {
                "caseId": case_id,
                "documentType": self.document_type,
                "number": self.number,
                "issuedOn": self.issued_on,
                "issuer": self.issuer,
                "sha256": self.stored.sha256,
            },
            "idempotencyKey": f"web-attach-{case_id}-{self.stored.sha256}",
        }


@dataclass
class RequestEntry:
    """The transfer request form as entered."""

    agency: str = ""
    destination: str = ""
    reason: str = ""
    key: str = field(default_factory=lambda: uuid.uuid4().hex)
    document: DocumentEntry = field(default_factory=DocumentEntry)

    @classmethod
    def of(cls, form: FormData) -> RequestEntry:
        key = str(form.get("request_key", ""))
        return cls(
            agency=str(form.get("agency", "")).strip(),
            destination=str(form.get("destination", "")),
            reason=str(form.get("reason", "")).strip(),
            key=key if REQUEST_KEY.match(key) else uuid.uuid4().hex,
            document=DocumentEntry.of(form),
        )

    def placement(self) -> dict[str, str] | None:
        parts = self.destination.split("|")
        if len(parts) != 3 or not all(parts):
            return None
        agency, unit, position = parts
        return {"agencyCode": agency, "unitCode": unit, "positionCode": position}


class EmployeePages:
    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        self.page_data = frame.page_data
        settings = frame.page_data.service.settings
        self.uploads = Uploads(settings, frame.page_data.blocking)
        self.zone = ZoneInfo(settings.timezone)

    def routes(self) -> list[BaseRoute]:
        return [
            Route(MINE, self.mine, methods=["GET"]),
            Route(REQUEST, self.request_form, methods=["GET"]),
            Route(REQUEST, self.request_transfer, methods=["POST"]),
            Route(MINE + "/kasus/{case_id}", self.case, methods=["GET"]),
            Route(MINE + "/kasus/{case_id}/berkas", self.attach, methods=["POST"]),
            Route(MINE + "/kasus/{case_id}/jawaban", self.answer, methods=["POST"]),
            Route("/berkas/{sha256}", self.download, methods=["GET"]),
        ]

    def links(self, actor: Actor) -> Sequence[Link]:
        if actor.role is not Role.EMPLOYEE:
            return ()
        return (Link(MINE, "employee_nav_mine"), Link(REQUEST, "employee_nav_request"))

    # --- my data and cases -----------------------------------------------------------------

    async def mine(self, request: Request) -> Response:
        actor = await self.frame.person(request, Role.EMPLOYEE)
        if isinstance(actor, Response):
            return actor
        data: dict[str, Any] = {}
        if actor.nip is None:
            data["no_nip"] = True
        else:
            try:
                found = await self.page_data.run(
                    request, actor, "MyCases", {"nip": actor.nip}, fresh=True
                )
                data["employee"] = found["employee"]
            except PageDataRefused as refused:
                data["refused"] = refused
            else:
                wanted = download_format(request)
                if wanted is not None:
                    cases = list(reversed(data["employee"]["transferCases"]))
                    return await download(
                        request, MY_CASES_FILE, cases, wanted, f"usulan-{actor.nip}"
                    )
        return self.frame.page(request, "employee_mine.html", "employee_mine_title", actor, data)

    # --- the transfer request ----------------------------------------------------------------

    async def request_form(self, request: Request) -> Response:
        actor = await self.frame.person(request, Role.EMPLOYEE)
        if isinstance(actor, Response):
            return actor
        entry = RequestEntry(agency=request.query_params.get("instansi", "").strip())
        return await self._request_page(request, actor, entry, FormErrors())

    async def request_transfer(self, request: Request) -> Response:
        posted = await self.frame.posted(request, Role.EMPLOYEE)
        if isinstance(posted, Response):
            return posted
        actor, form = posted
        text = MESSAGES[language_of(request)]
        entry = RequestEntry.of(form)
        errors = FormErrors()
        destination = entry.placement()
        if destination is None:
            errors.add("destination", text["employee_error_destination"])
        if not entry.reason:
            errors.add("reason", text["employee_error_reason"])
        entry.document.check(errors, text, await self._today())
        if not errors:
            await self._keep(request, entry.document, errors)
        if errors or destination is None:
            return await self._request_page(request, actor, entry, errors)
        variables = {
            "input": {"destination": destination, "reason": entry.reason},
            "idempotencyKey": f"web-request-{entry.key}",
        }
        try:
            opened = await self.page_data.run(request, actor, "RequestTransfer", variables)
        except PageDataRefused as refused:
            shown = {"destination", "reason", "agencyCode", "unitCode", "positionCode"}
            errors = FormErrors.of(refused, shown)
            for name in ("agencyCode", "unitCode", "positionCode"):
                if name in errors.fields:
                    errors.add("destination", errors.fields.pop(name))
            return await self._request_page(request, actor, entry, errors, refused.rules)
        case_id = opened["requestTransfer"]["transferCase"]["id"]
        try:
            await self.page_data.run(
                request, actor, "AttachDocument", entry.document.variables(case_id)
            )
        except PageDataRefused:
            return RedirectResponse(case_path(case_id) + "?berkas=belum", status_code=303)
        return RedirectResponse(case_path(case_id), status_code=303)

    async def _request_page(
        self,
        request: Request,
        actor: Actor,
        entry: RequestEntry,
        errors: FormErrors,
        rules: Sequence[str] = (),
    ) -> Response:
        """The request form; ``rules``: those the API cited in refusing it, named for the
        person beside its message."""
        data: dict[str, Any] = {
            "entry": entry,
            "errors": errors,
            "rules": rules,
            "megabytes": self.uploads.megabytes(request),
        }
        data["document_types"] = _document_choices(request)
        if actor.nip is None:
            data["no_nip"] = True
        else:
            variables = {
                "nip": actor.nip,
                "agencyCodes": [entry.agency] if entry.agency else None,
                "first": OPTIONS_SHOWN,
            }
            try:
                options = await self.page_data.run(
                    request, actor, "TransferRequestOptions", variables, fresh=True
                )
                data["agencies"] = options["agencies"]
                data["options"] = [edge["node"] for edge in options["placementOptions"]["edges"]]
            except PageDataRefused as refused:
                data["refused"] = refused
        return self.frame.page(
            request, "employee_request.html", "employee_request_title", actor, data
        )

    async def _keep(self, request: Request, document: DocumentEntry, errors: FormErrors) -> None:
        """Keeps the uploaded file in the store; a refused file is told beside its field."""
        try:
            document.stored = await self.uploads.keep(request, document.upload)
        except UploadRefused as refused:
            errors.add("document_file", refused.message)

    async def _today(self) -> date:
        return self.page_data.service.app.today()

    # --- one case ----------------------------------------------------------------------------

    async def case(self, request: Request) -> Response:
        actor = await self.frame.person(request, Role.EMPLOYEE)
        if isinstance(actor, Response):
            return actor
        notice = "attach_failed" if request.query_params.get("berkas") == "belum" else None
        return await self._case_page(request, actor, request.path_params["case_id"], notice)

    async def _case_page(
        self,
        request: Request,
        actor: Actor,
        case_id: str,
        notice: str | None = None,
        document: DocumentEntry | None = None,
        document_errors: FormErrors | None = None,
        answer: dict[str, str] | None = None,
        answer_errors: FormErrors | None = None,
    ) -> Response:
        try:
            found = await self.page_data.run(request, actor, "MyCase", {"id": case_id}, fresh=True)
        except PageDataRefused as refused:
            refusal: dict[str, Any] = {"refused": refused}
            return self.frame.page(
                request, "employee_case.html", "employee_case_title", actor, refusal, 404
            )
        case = found["transferCase"]
        data = {
            "case": case,
            "moments": moments(case["history"], self.zone),
            "stage_entered": local_moment(case["stage"]["enteredAt"], self.zone),
            "notice": notice,
            "kept": {d["sha256"] for d in case["documents"] if self.uploads.kept(d["sha256"])},
            # The employee completes the file of their own request; a proposal's is the
            # agency's to complete.
            "may_attach": case["initiative"] == "OWN_REQUEST"
            and case["state"] in EDITABLE_FILE_STATES,
            "may_answer": case["initiative"] == "AGENCY_INTEREST"
            and case["state"] in ANSWERABLE_STATES,
            "document_types": _document_choices(request),
            "entry": document or DocumentEntry(),
            "document_errors": document_errors or FormErrors(),
            "answer": answer or {},
            "answer_errors": answer_errors or FormErrors(),
            "megabytes": self.uploads.megabytes(request),
        }
        return self.frame.page(request, "employee_case.html", "employee_case_title", actor, data)

    async def attach(self, request: Request) -> Response:
        posted = await self.frame.posted(request, Role.EMPLOYEE)
        if isinstance(posted, Response):
            return posted
        actor, form = posted
        case_id = request.path_params["case_id"]
        try:
            # A case the person does not read takes no file of theirs into the store.
            await self.page_data.run(request, actor, "CaseDocumentFingerprints", {"id": case_id})
        except PageDataRefused:
            return await self._case_page(request, actor, case_id)
        text = MESSAGES[language_of(request)]
        document = DocumentEntry.of(form)
        errors = FormErrors()
        document.check(errors, text, await self._today())
        if not errors:
            await self._keep(request, document, errors)
        if not errors:
            try:
                await self.page_data.run(
                    request, actor, "AttachDocument", document.variables(case_id)
                )
            except PageDataRefused as refused:
                errors = _shown(refused, DOCUMENT_FIELDS)
        if errors:
            return await self._case_page(
                request, actor, case_id, document=document, document_errors=errors
            )
        return RedirectResponse(case_path(case_id), status_code=303)

    async def answer(self, request: Request) -> Response:
        posted = await self.frame.posted(request, Role.EMPLOYEE)
        if isinstance(posted, Response):
            return posted
        actor, form = posted
        case_id = request.path_params["case_id"]
        text = MESSAGES[language_of(request)]
        entered = {
            "agrees": str(form.get("agrees", "")),
            "reason": str(form.get("reason", "")).strip(),
            "preferences": str(form.get("preferences", "")),
        }
        errors = FormErrors()
        if entered["agrees"] not in ("ya", "tidak"):
            errors.add("agrees", text["employee_error_answer"])
        elif entered["agrees"] == "tidak" and not entered["reason"]:
            errors.add("reason", text["employee_error_answer_reason"])
        if not errors:
            preferences = [line.strip() for line in entered["preferences"].splitlines()]
            variables = {
                "input": {
                    "caseId": case_id,
                    "agrees": entered["agrees"] == "ya",
                    "reason": entered["reason"],
                    "preferences": [line for line in preferences if line],
                }
            }
            try:
                await self.page_data.run(request, actor, "AnswerProposal", variables)
            except PageDataRefused as refused:
                errors = _shown(refused, ("agrees", "reason", "preferences"))
        if errors:
            return await self._case_page(
                request, actor, case_id, answer=entered, answer_errors=errors
            )
        return RedirectResponse(case_path(case_id), status_code=303)

    # --- an uploaded document ------------------------------------------------------------------

    async def download(self, request: Request) -> Response:
        """The file, to whoever reads a case holding it: the case named by ``kasus`` is read
        through the API as the person, and must list the file's SHA-256 among its documents."""
        actor = await self.frame.person(request)
        if isinstance(actor, Response):
            return actor
        sha256 = request.path_params["sha256"]
        case_id = request.query_params.get("kasus", "")
        stored = self.uploads.kept(sha256) if SHA256_PATH.match(sha256) and case_id else None
        if stored is not None:
            try:
                found = await self.page_data.run(
                    request, actor, "CaseDocumentFingerprints", {"id": case_id}, fresh=True
                )
            except PageDataRefused:
                stored = None
            else:
                documents = found["transferCase"]["documents"]
                if sha256 not in {document["sha256"] for document in documents}:
                    stored = None
        if stored is None:
            return self.frame.page(
                request, "employee_file_refused.html", "employee_file_refused_title", actor, {}, 404
            )
        return FileResponse(
            stored.path,
            media_type=stored.kind.value,
            filename=f"berkas-{sha256[:12]}.{stored.kind.extension}",
            headers={"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"},
        )


def _document_choices(request: Request) -> list[tuple[str, str]]:
    indonesian = language_of(request) is Language.INDONESIAN
    return [
        (code, name_of_code("DocumentType", code, indonesian)) for code in DocumentType.__members__
    ]


def _shown(refused: PageDataRefused, shown: Sequence[str]) -> FormErrors:
    """The API's refusal beside the form's field it names (by the form's name for it)."""
    named = API_FIELDS.get(refused.field or "", refused.field)
    renamed = PageDataRefused(refused.code, refused.message, named, refused.rules)
    return FormErrors.of(renamed, shown)
