"""Decree letters over HTTP: the PDF for those who may read the case, and the public page
that verifies a letter by the address printed on it."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from asn_graph.api.blocking import BlockingPool
from asn_graph.api.context import Context
from asn_graph.api.errors import ErrorCode, code_for
from asn_graph.api.languages import ACCEPT_LANGUAGE, API_DEFAULT_LANGUAGE, preferred_language
from asn_graph.api.rate_limit import RateLimited, RateLimiter
from asn_graph.api.scoping import case_in_scope
from asn_graph.application.interface import Application
from asn_graph.domain.errors import DomainError, InvalidInput, NotFound, Unavailable
from asn_graph.letters.facts import LetterStatus
from asn_graph.letters.letters import DOWNLOAD_ROUTE, DecreeLetters, Letter, Verification
from asn_graph.letters.verification import mask_name, mask_nip

VERIFICATIONS_PER_MINUTE = 60
"""Public verifications an address may ask a minute: plenty for people, dull for a scraper."""
LARGEST_CHECKED_PDF = 10 * 1024 * 1024

STATUS_TEXT = {
    LetterStatus.VALID: "Berlaku",
    LetterStatus.SUPERSEDED: "Diralat: digantikan oleh surat keputusan yang lebih baru",
    LetterStatus.REVOKED: "Dicabut",
}

HTTP_STATUS = {
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.UNAVAILABLE: 503,
}

PublicPage = Callable[[Request, str, str, dict[str, Any], int], Awaitable[Response]]
"""Renders a public page of the web application (template, title key, data, status), in the
visitor's language, inside the common frame."""

PROBLEM_TEXT = {
    ErrorCode.NOT_FOUND: "verification_not_found",
    ErrorCode.RATE_LIMITED: "verification_too_many",
    ErrorCode.BAD_INPUT: "verification_bad_file",
}


def letter_routes(
    context_for: Callable[[Request], Awaitable[Context]],
    blocking: BlockingPool,
    app: Application,
    letters: DecreeLetters,
    page: PublicPage,
) -> list[Route]:
    """``context_for`` is the GraphQL view's own derivation of the caller, so whatever signs a
    caller in there (a token now, a session later) signs them in here too; ``page`` renders
    the verification page as the web application renders its pages."""
    verifications = RateLimiter(VERIFICATIONS_PER_MINUTE, "decree verifications")

    async def download(request: Request) -> Response:
        try:
            case_id = _case_id(request.path_params["case_id"])
            context = await context_for(request)
            context.caller()

            def in_scope_letter() -> Letter:
                case_in_scope(context, app.cases.get(case_id))
                return letters.current(case_id)

            letter = await blocking.run(in_scope_letter)
        except DomainError as error:
            return _refusal(error, request)
        return Response(
            letter.pdf,
            media_type="application/pdf",
            headers={
                "Content-Disposition": f'attachment; filename="{letter.file_name}"',
                "X-Content-SHA256": letter.sha256,
            },
        )

    async def verify(request: Request) -> Response:
        checked: str | None = None
        try:
            address = request.client.host if request.client is not None else "unknown"
            verifications.take(address)
            if request.method == "POST":
                checked = await _uploaded_sha256(request)
            found = await blocking.run(letters.verify, request.path_params["id"])
        except DomainError as error:
            if _wants_json(request):
                return _refusal(error, request)
            if isinstance(error, Unavailable):
                raise  # the web application tells a person of an outage on a page of its own
            problem = PROBLEM_TEXT.get(code_for(error), "verification_not_found")
            return await page(
                request,
                "verification.html",
                "verification_title",
                {"problem": problem},
                _status_of(error),
            )
        answer = _record(found, checked)
        if _wants_json(request):
            return JSONResponse(answer)
        return await page(
            request, "verification.html", "verification_title", {"record": answer}, 200
        )

    return [
        Route(DOWNLOAD_ROUTE, download),
        Route("/verifikasi/sk/{id}", verify, methods=["GET", "POST"]),
    ]


def _case_id(text: str) -> UUID:
    try:
        return UUID(text)
    except ValueError:
        raise NotFound("decree_letters.transfer_case_not_found", text=text) from None


async def _uploaded_sha256(request: Request) -> str:
    async with request.form(max_files=1, max_fields=1) as form:
        upload = form.get("pdf")
        if not isinstance(upload, UploadFile):
            raise InvalidInput("decree_letters.send_letter_as_file_field", field="pdf")
        digest = hashlib.sha256()
        size = 0
        while chunk := await upload.read(65536):
            size += len(chunk)
            if size > LARGEST_CHECKED_PDF:
                raise InvalidInput("decree_letters.file_larger_than_any_decree", field="pdf")
            digest.update(chunk)
        return digest.hexdigest()


def _record(found: Verification, checked: str | None) -> dict[str, Any]:
    letter = found.letter
    decree = letter.facts.decree
    record: dict[str, Any] = {
        "number": decree.number,
        "issuer": decree.issuer,
        "signedOn": decree.signed_on.isoformat(),
        "effectiveOn": decree.effective_on.isoformat(),
        "signatory": decree.signatory,
        "employeeName": mask_name(letter.facts.employee_name),
        "nip": mask_nip(letter.facts.nip),
        "status": letter.record.status.name,
        "statusText": STATUS_TEXT[letter.record.status],
        "sha256": found.genuine_sha256,
        "recorded": found.recorded_sha256 is not None,
        "supersededBy": found.superseded_by.verification_url if found.superseded_by else None,
    }
    if checked is not None:
        record["uploadedSha256"] = checked
        record["genuine"] = checked == found.genuine_sha256
    return record


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _refusal(error: DomainError, request: Request) -> JSONResponse:
    """As the API refuses: its message in the language asked for, English by default."""
    language = preferred_language(request.headers.get(ACCEPT_LANGUAGE), API_DEFAULT_LANGUAGE)
    headers = (
        {"Retry-After": str(max(1, round(error.retry_after)))}
        if isinstance(error, RateLimited)
        else None
    )
    return JSONResponse(
        {
            "errors": [
                {"message": error.text(language), "extensions": {"code": code_for(error).value}}
            ]
        },
        status_code=_status_of(error),
        headers=headers,
    )


def _status_of(error: DomainError) -> int:
    return HTTP_STATUS.get(code_for(error), 400)
