"""The public address of an agency's published monthly summaries, for its public page and
anyone else, without signing in: ``/publik/{agency}/ringkasan.json`` (every month published),
``/publik/{agency}/ringkasan/{YYYY-MM}.json`` and ``.csv`` (one month). Answered from the
published summaries' read model; each answer carries an ETag (its SHA-256), and a request
that sends it back in ``If-None-Match`` is answered 304 without the body."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from asn_graph.api.blocking import BlockingPool
from asn_graph.api.errors import code_for, refusal_body
from asn_graph.api.languages import API_DEFAULT_LANGUAGE, preferred_language
from asn_graph.api.summary_files import summaries_json, summary_csv, summary_json
from asn_graph.domain.errors import DomainError, NotFound
from asn_graph.domain.monthly_figures import SummaryMonth
from asn_graph.projections.interface import ReadModels
from asn_graph.projections.rows import AgencyRow

CACHE_CONTROL = "public, max-age=300"
"""Published figures change only by a correction: a cache may keep them five minutes."""
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8"}


def summary_routes(read: ReadModels, blocking: BlockingPool) -> list[Route]:
    def agency_named(code: str) -> AgencyRow:
        wanted = code.strip().upper()
        for agency in read.directory.agencies():
            if agency.code == wanted:
                return agency
        raise NotFound("monthly_summary.agency_not_known", agency=code)

    def listing(code: str) -> bytes:
        agency = agency_named(code)
        return summaries_json(agency, read.summaries.summaries(agency.code))

    def one_month(code: str, month: str, suffix: str) -> bytes:
        agency = agency_named(code)
        try:
            parsed = str(SummaryMonth.parse(month))
        except DomainError:
            raise NotFound(
                "monthly_summary.not_published", agency=agency.code, month=month
            ) from None
        row = read.summaries.summary(agency.code, parsed)
        if row is None:
            raise NotFound("monthly_summary.not_published", agency=agency.code, month=parsed)
        return summary_csv(row) if suffix == "csv" else summary_json(agency, row)

    async def answer(request: Request, media_type: str, body: Callable[[], bytes]) -> Response:
        try:
            content = await blocking.run(body)
        except NotFound as error:
            language = preferred_language(
                request.headers.get("accept-language"), API_DEFAULT_LANGUAGE
            )
            return Response(
                refusal_body(error.text(language), code_for(error)),
                status_code=404,
                media_type="application/json",
            )
        tag = f'"{hashlib.sha256(content).hexdigest()}"'
        headers = {"ETag": tag, "Cache-Control": CACHE_CONTROL}
        if tag in _tags(request.headers.get("if-none-match")):
            return Response(status_code=304, headers=headers)
        return Response(content, media_type=media_type, headers=headers)

    async def summaries(request: Request) -> Response:
        code = request.path_params["agency"]
        return await answer(request, MEDIA_TYPES["json"], lambda: listing(code))

    async def summary(request: Request) -> Response:
        code, file = request.path_params["agency"], request.path_params["file"]
        month, _, suffix = file.rpartition(".")
        if suffix not in MEDIA_TYPES:
            month, suffix = file, "json"  # answered as a month not published
        return await answer(request, MEDIA_TYPES[suffix], lambda: one_month(code, month, suffix))

    return [
        Route("/publik/{agency}/ringkasan.json", summaries, methods=["GET"]),
        Route("/publik/{agency}/ringkasan/{file}", summary, methods=["GET"]),
    ]


def _tags(header: str | None) -> set[str]:
    if not header:
        return set()
    return {tag.strip().removeprefix("W/") for tag in header.split(",")}
