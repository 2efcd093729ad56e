"""Importing an agency's records through the web application, for its officers (``/impor``):
choose the kind, download its template or sample, upload a CSV or XLSX file; the file is
checked (the dry run: what would be recorded, changed, left as it is, and every rejected row
with its reason) and, once confirmed, imported as the signed-in officer, every fact an event
naming the file and its SHA-256, as ``asn-graph import`` does.

Checking and importing run as background jobs of the server (``ImportJobs``); the job's
page (``/impor/pekerjaan``) shows its progress, refreshing itself without script while it
runs, and its outcome. The import itself is the application's (``Backend.import_file``): the
same use cases as the API's mutations, with the officer as the actor."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from asn_graph.api.file_store import EmptyFile, FileRefused, FileTooLarge
from asn_graph.api.web.form_errors import FormErrors
from asn_graph.api.web.frame import Frame, Posted
from asn_graph.api.web.import_jobs import (
    REJECTIONS_SHOWN,
    ImportJob,
    ImportJobs,
    JobRunning,
    JobStatus,
    safe_file_name,
)
from asn_graph.api.web.messages import MESSAGES, Language, language_of
from asn_graph.api.web.rendering import Link
from asn_graph.api.web.uploads import FORM_OVERHEAD_BYTES, megabytes
from asn_graph.domain.actors import Actor, Role
from asn_graph.onboarding.templates import KIND_NAMES, header_only, sample
from asn_graph.settings import Settings

IMPORTS = "/impor"
JOB = "/impor/pekerjaan"
CONFIRM = "/impor/konfirmasi"
AGAIN = "/impor/ulangi"
REPORT = "/impor/ditolak.csv"
BATCH_SIZE = 200
"""Rows saved to one transaction when the fast paths are on, as the command line does."""
PROMPT_SECONDS = 10.0
"""How long a form waits for its job before showing the job's page: a small file's
check or import is shown done at once, a large one's progress."""
POLL_SECONDS = 0.05
REFRESH_SECONDS = 10
"""How often a running job's page refreshes itself: seldom enough to read it (the page
also offers a link to refresh it at once)."""


def import_upload_limits(settings: Settings) -> dict[str, int]:
    """The request body the import's upload form may send (see ``BodyLimit``)."""
    return {IMPORTS: settings.max_file_bytes + FORM_OVERHEAD_BYTES}


class ImportArea:
    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        service = frame.page_data.service
        settings = service.settings
        self.blocking = frame.page_data.blocking
        self.jobs = ImportJobs(
            settings.files_path / "imports",
            service,
            settings.max_file_bytes,
            BATCH_SIZE if settings.fast_paths else 1,
        )
        self.max_bytes = settings.max_file_bytes

    def routes(self) -> list[BaseRoute]:
        return [
            Route(IMPORTS, self.form_page, methods=["GET"]),
            Route(IMPORTS, self.upload, methods=["POST"]),
            Route(JOB, self.job_page, methods=["GET"]),
            Route(CONFIRM, self.confirm, methods=["POST"]),
            Route(AGAIN, self.again, methods=["POST"]),
            Route(REPORT, self.report, methods=["GET"]),
            Route(IMPORTS + "/templat/{kind}.csv", self.template_download, methods=["GET"]),
            Route(IMPORTS + "/contoh/{kind}.csv", self.sample_download, methods=["GET"]),
        ]

    def links(self, actor: Actor) -> Sequence[Link]:
        if actor.role is not Role.OFFICER or not actor.agency:
            return ()
        return (Link(IMPORTS, "imports_title"),)

    async def _officer(self, request: Request) -> Actor | Response:
        actor = await self.frame.person(request, Role.OFFICER)
        if isinstance(actor, Actor) and not actor.agency:
            return self._not_of_an_agency(request, actor)
        return actor

    async def _posted(self, request: Request) -> Posted | Response:
        """The form an officer of an agency posted, with its genuine token."""
        posted = await self.frame.posted(request, Role.OFFICER)
        if isinstance(posted, Posted) and not posted.actor.agency:
            return self._not_of_an_agency(request, posted.actor)
        return posted

    def _not_of_an_agency(self, request: Request, actor: Actor) -> Response:
        return self.frame.page(
            request, "refused.html", "refused_title", actor, {"reason": "role"}, 403
        )

    # --- choosing and uploading a file ---------------------------------------------------------

    async def form_page(self, request: Request) -> Response:
        actor = await self._officer(request)
        if isinstance(actor, Response):
            return actor
        kind = request.query_params.get("jenis", "employees")
        return await self._form(request, actor, kind if kind in KIND_NAMES else "employees")

    async def _form(
        self,
        request: Request,
        actor: Actor,
        kind: str,
        errors: FormErrors | None = None,
        status_code: int = 200,
    ) -> Response:
        assert actor.agency is not None
        job = await self.blocking.run(self.jobs.job, actor.agency)
        data = {
            "kinds": list(KIND_NAMES),
            "kind": kind,
            "errors": errors or FormErrors(),
            "megabytes": self._megabytes(request),
            "job": job,
            "status": self.jobs.status(job) if job is not None else None,
        }
        return self.frame.page(request, "imports.html", "imports_title", actor, data, status_code)

    async def upload(self, request: Request) -> Response:
        posted = await self._posted(request)
        if isinstance(posted, Response):
            return posted
        actor, form = posted
        assert actor.agency is not None
        text = MESSAGES[language_of(request)]
        kind = str(form.get("kind", ""))
        upload = form.get("file")
        errors = FormErrors()
        if kind not in KIND_NAMES:
            errors.add("kind", text["imports_error_kind"])
        if not isinstance(upload, UploadFile) or not upload.filename:
            errors.add("file", text["imports_error_file_missing"])
        if errors or not isinstance(upload, UploadFile):
            return await self._form(request, actor, kind, errors)
        try:
            stored = await self.blocking.run(self.jobs.keep, upload.file)
        except FileTooLarge:
            message = text["imports_error_file_too_large"].format(
                megabytes=self._megabytes(request)
            )
            errors.add("file", message)
        except EmptyFile:
            errors.add("file", text["imports_error_file_empty"])
        except FileRefused:
            errors.add("file", text["imports_error_file_kind"])
        else:
            name = safe_file_name(upload.filename or "", stored.kind.extension)
            started = await self._start(request, actor, kind, stored.sha256, name, dry_run=True)
            if started is not None:
                return started
            errors.general = text["imports_error_running"]
        return await self._form(request, actor, kind, errors)

    async def _start(
        self, request: Request, actor: Actor, kind: str, sha256: str, name: str, dry_run: bool
    ) -> Response | None:
        """Starts the job and waits a moment for it; ``None`` if another job runs."""
        assert actor.agency is not None
        try:
            await self.blocking.run(self.jobs.start, actor, kind, sha256, name, dry_run)
        except JobRunning:
            return None
        waited = 0.0
        while not self.jobs.finished(actor.agency) and waited < PROMPT_SECONDS:
            await asyncio.sleep(POLL_SECONDS)
            waited += POLL_SECONDS
        return RedirectResponse(JOB, status_code=303)

    # --- the job: progress, preview, summary ---------------------------------------------------

    async def job_page(self, request: Request) -> Response:
        actor = await self._officer(request)
        if isinstance(actor, Response):
            return actor
        return await self._job_page(request, actor)

    async def _job_page(
        self, request: Request, actor: Actor, problem: str | None = None
    ) -> Response:
        assert actor.agency is not None
        job = await self.blocking.run(self.jobs.job, actor.agency)
        if job is None:
            return RedirectResponse(IMPORTS, status_code=303)
        status = self.jobs.status(job)
        rejections = (
            await self.blocking.run(
                self.jobs.rejections, actor.agency, REJECTIONS_SHOWN, language_of(request)
            )
            if job.result and job.result["rejections"]
            else []
        )
        data = {
            "job": job,
            "status": status,
            "rejections": rejections,
            "rejections_shown": REJECTIONS_SHOWN,
            "refresh_seconds": REFRESH_SECONDS if status.running else None,
            "percent": _percent(job),
            "error": _in_language(job.error, language_of(request)),
            "problem": problem,
            "rate": _rate(job, language_of(request)),
        }
        return self.frame.page(request, "import_job.html", "imports_job_title", actor, data)

    async def confirm(self, request: Request) -> Response:
        """Imports the file just checked: the form names it, so a file another officer
        checked meanwhile is not imported unseen."""
        posted = await self._posted(request)
        if isinstance(posted, Response):
            return posted
        actor, form = posted
        assert actor.agency is not None
        text = MESSAGES[language_of(request)]
        job = await self.blocking.run(self.jobs.job, actor.agency)
        checked = (
            job is not None
            and self.jobs.status(job) is JobStatus.CHECKED
            and form.get("sha256") == job.sha256
            and form.get("kind") == job.kind
        )
        if not checked or job is None:
            return await self._job_page(request, actor, text["imports_error_not_checked"])
        started = await self._start(
            request, actor, job.kind, job.sha256, job.file_name, dry_run=False
        )
        return started or await self._job_page(request, actor, text["imports_error_running"])

    async def again(self, request: Request) -> Response:
        """Starts an interrupted or failed job again: what it recorded before records
        nothing the second time."""
        posted = await self._posted(request)
        if isinstance(posted, Response):
            return posted
        actor = posted.actor
        assert actor.agency is not None
        text = MESSAGES[language_of(request)]
        job = await self.blocking.run(self.jobs.job, actor.agency)
        if job is None or self.jobs.status(job) not in (JobStatus.INTERRUPTED, JobStatus.FAILED):
            return await self._job_page(request, actor, text["imports_error_not_stopped"])
        started = await self._start(
            request, actor, job.kind, job.sha256, job.file_name, job.dry_run
        )
        return started or await self._job_page(request, actor, text["imports_error_running"])

    async def report(self, request: Request) -> Response:
        """The rejected rows of the agency's latest check or import, as CSV."""
        actor = await self._officer(request)
        if isinstance(actor, Response):
            return actor
        assert actor.agency is not None
        job = await self.blocking.run(self.jobs.job, actor.agency)
        path = self.jobs.report_path(actor.agency)
        if job is None or job.result is None or not path.is_file():
            return RedirectResponse(IMPORTS, status_code=303)
        stem = job.file_name.rsplit(".", 1)[0]
        return FileResponse(
            path,
            media_type="text/csv; charset=utf-8",
            filename=f"{stem}.ditolak.csv",
            headers={"Cache-Control": "private, no-store"},
        )

    # --- templates and samples -------------------------------------------------------------------

    async def template_download(self, request: Request) -> Response:
        """The kind's columns, with no rows: to fill in."""
        return await self._sample(request, columns_only=True)

    async def sample_download(self, request: Request) -> Response:
        """The kind's template with example rows, as ``asn-graph import --template`` writes."""
        return await self._sample(request, columns_only=False)

    async def _sample(self, request: Request, columns_only: bool) -> Response:
        actor = await self._officer(request)
        if isinstance(actor, Response):
            return actor
        kind = request.path_params["kind"]
        if kind not in KIND_NAMES:
            return RedirectResponse(IMPORTS, status_code=303)
        content = header_only(kind) if columns_only else sample(kind)
        name = f"templat-{kind}.csv" if columns_only else f"contoh-{kind}.csv"
        return Response(
            content,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    def _megabytes(self, request: Request) -> str:
        return megabytes(self.max_bytes, request)


def _percent(job: ImportJob) -> int:
    if not job.rows_total:
        return 0
    return min(100, round(100 * job.rows_done / job.rows_total))


def _in_language(error: dict[str, str] | None, language: Language) -> str | None:
    if error is None:
        return None
    return error["id"] if language is Language.INDONESIAN else error["en"]


def _rate(job: ImportJob, language: Language) -> dict[str, Any] | None:
    """Rows per second and the time left, as a person reads them."""
    rate = job.rows_per_second
    if rate is None:
        return None
    left = job.seconds_left
    shown = f"{rate:,.0f}" if rate >= 10 else f"{rate:,.1f}"
    if language is Language.INDONESIAN:
        shown = shown.replace(",", " ").replace(".", ",").replace(" ", ".")
    return {
        "per_second": shown,
        "minutes_left": None if left is None else left // 60,
        "seconds_left": None if left is None else left % 60,
    }
