"""Imports started from the web application, run as background jobs of the server: a file may
take longer than a request may last. One job at a time per agency (started under a lock file
of the agency's, so two API processes cannot both start one); its state is a small JSON
file in the imports' directory, written while it runs, so every page (and every API process
sharing the directory) reads how far it got, and a job whose process stopped (a restart, a
crash) is told as interrupted rather than as running. Starting it again finishes it: rows
already imported record nothing.

The uploaded file is kept in the imports' content-addressed store (CSV or XLSX only) and
linked under the name it was uploaded with, which the import records in every fact's reason
beside the file's SHA-256.

A finished job leaves its rejected rows as the command line's report (``ditolak.csv``, the
reasons in Indonesian) and the first of them, for its page, with each reason worded in both
languages (``ditolak.jsonl``): a reason may name codes and messages JSON does not keep, and the
page reads them after the process that ran the job may have gone."""

from __future__ import annotations

import csv
import fcntl
import json
import logging
import os
import re
import shutil
import socket
import threading
import time
import uuid
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from openpyxl.utils.exceptions import InvalidFileException

from asn_graph.api.backend import Backend
from asn_graph.api.file_store import TABLE_KINDS, FileStore, StoredFile
from asn_graph.api.web.messages import MESSAGES, Language
from asn_graph.domain.actors import Actor
from asn_graph.domain.errors import DomainError
from asn_graph.domain.messages import Message
from asn_graph.onboarding.rejections import REPORT_HEADER, Rejection, write_report
from asn_graph.onboarding.summary import ImportSummary, MissingColumns, Outcome
from asn_graph.onboarding.tables import UnreadableWorkbook

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 1.0
"""How often a running job writes how far it got."""
STALE_SECONDS = 30.0
"""A job of another process not written for this long is taken as stopped with it."""
ABSENT_SHOWN = 20
REJECTIONS_SHOWN = 100
"""The rejected rows a job's page shows (the report holds them all)."""
SAFE_NAME = re.compile(r"[^\w.\- ]+")
AGENCY_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class JobState(Enum):
    RUNNING = "running"
    FINISHED = "finished"
    FAILED = "failed"


class JobStatus(Enum):
    """What the page tells of a job."""

    CHECKING = "checking"
    IMPORTING = "importing"
    CHECKED = "checked"
    IMPORTED = "imported"
    FAILED = "failed"
    INTERRUPTED = "interrupted"
    """Its process stopped while it ran: started again, it finishes."""

    @property
    def running(self) -> bool:
        return self in (JobStatus.CHECKING, JobStatus.IMPORTING)


@dataclass
class ImportJob:
    agency: str
    kind: str
    sha256: str
    file_name: str
    dry_run: bool
    officer: str
    state: JobState
    process: str
    host: str
    pid: int
    started_at: float
    updated_at: float
    rows_done: int = 0
    rows_total: int = 0
    counting_done_at: float | None = None
    result: dict[str, Any] | None = None
    error: dict[str, str] | None = None
    """The failure in each language (``id``, ``en``)."""
    missing_columns: list[str] = field(default_factory=list)
    retryable: bool = True
    """Whether starting it again may succeed (not when the file itself is at fault)."""

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "state": self.state.value})

    @classmethod
    def from_json(cls, text: str) -> ImportJob:
        data = json.loads(text)
        return cls(**{**data, "state": JobState(data["state"])})

    @property
    def rows_per_second(self) -> float | None:
        """Rows per second since the file was counted (the import proper)."""
        if self.counting_done_at is None or self.rows_done == 0:
            return None
        elapsed = self.updated_at - self.counting_done_at
        return self.rows_done / elapsed if elapsed > 0 else None

    @property
    def seconds_left(self) -> int | None:
        rate = self.rows_per_second
        if rate is None or not self.rows_total:
            return None
        return round(max(0, self.rows_total - self.rows_done) / rate)


@dataclass(frozen=True)
class ShownRejection:
    """A rejected row as a job's page shows it: the reason in the page's language."""

    row: int
    column: str
    value: str
    reason: str


class JobRunning(Exception):
    """The agency has a job running: one at a time."""


def result_of(summary: ImportSummary) -> dict[str, Any]:
    return {
        "rows": summary.rows,
        "counts": {outcome.value: count for outcome, count in summary.counts.items()},
        "changes": dict(sorted(summary.changes.items())),
        "unknown_columns": list(summary.unknown_columns),
        "rejections": len(summary.rejections),
        "absent": len(summary.absent),
        "absent_shown": summary.absent[:ABSENT_SHOWN],
        "to_record": summary.counts[Outcome.RECORDED] + summary.counts[Outcome.CHANGED],
    }


def in_both_languages(message: Message) -> dict[str, str]:
    """A message of the catalogue in each language, by the language's code."""
    return {language.value: message.text(language) for language in Language}


def both_languages(key: str, **params: Any) -> dict[str, str]:
    return {
        "id": MESSAGES[Language.INDONESIAN][key].format(**params),
        "en": MESSAGES[Language.ENGLISH][key].format(**params),
    }


class ImportJobs:
    def __init__(
        self,
        directory: Path,
        service: Backend,
        max_bytes: int,
        batch_size: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.directory = directory
        self.service = service
        self.batch_size = batch_size
        self.clock = clock
        self.files = FileStore(directory / "files", max_bytes, TABLE_KINDS)
        # Who runs a job: this process (a restart is another process, with the same pid
        # in a container), on this host.
        self.process = uuid.uuid4().hex
        self.host = socket.gethostname()
        self.lock = threading.Lock()
        self.threads: dict[str, threading.Thread] = {}

    # --- where things are kept ----------------------------------------------------------------

    def _agency_directory(self, agency: str) -> Path:
        if not AGENCY_CODE.match(agency):
            raise ValueError(f"not an agency code: {agency!r}")
        return self.directory / "agencies" / agency

    def _job_path(self, agency: str) -> Path:
        return self._agency_directory(agency) / "job.json"

    @contextmanager
    def _agency_lock(self, agency: str) -> Iterator[None]:
        """Holds the agency's lock file while a job is checked for and started: API
        processes sharing the directory take their turns (the lock goes with the process,
        so a process that stops never leaves it held)."""
        path = self._agency_directory(agency) / "job.lock"
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with path.open("a") as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)

    def report_path(self, agency: str) -> Path:
        """The rejected rows of the agency's latest job, as ``--report`` writes them."""
        return self._agency_directory(agency) / "ditolak.csv"

    def _shown_path(self, agency: str) -> Path:
        """The first rejected rows of the agency's latest job, worded in both languages."""
        return self._agency_directory(agency) / "ditolak.jsonl"

    def named_file(self, agency: str, sha256: str, file_name: str) -> Path:
        """The kept file under the name it was uploaded with (the reader goes by its
        extension, the import's reasons name it), linked to the store's copy."""
        target = self._agency_directory(agency) / "files" / sha256 / file_name
        if not target.exists():
            stored = self.files.get(sha256)
            if stored is None:
                raise FileNotFoundError(f"no kept file {sha256}")
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            try:
                os.link(stored.path, target)
            except OSError:
                shutil.copyfile(stored.path, target)
        return target

    # --- the job's state -------------------------------------------------------------------------

    def job(self, agency: str) -> ImportJob | None:
        try:
            return ImportJob.from_json(self._job_path(agency).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def status(self, job: ImportJob) -> JobStatus:
        if job.state is JobState.FAILED:
            return JobStatus.FAILED
        if job.state is JobState.FINISHED:
            return JobStatus.CHECKED if job.dry_run else JobStatus.IMPORTED
        if not self._alive(job):
            return JobStatus.INTERRUPTED
        return JobStatus.CHECKING if job.dry_run else JobStatus.IMPORTING

    def _alive(self, job: ImportJob) -> bool:
        if job.process == self.process:
            thread = self.threads.get(job.agency)
            return thread is not None and thread.is_alive()
        if job.host == self.host:
            if job.pid == os.getpid():
                return False  # an earlier process with this pid: this one restarted
            try:
                os.kill(job.pid, 0)
            except ProcessLookupError:
                return False
            except PermissionError:
                pass  # a process of another user holds the pid: the heartbeat decides
        return self.clock() - job.updated_at < STALE_SECONDS

    def _write(self, job: ImportJob) -> None:
        path = self._job_path(job.agency)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f".job-{self.process}.json")
        temporary.write_text(job.to_json(), encoding="utf-8")
        os.replace(temporary, path)

    def rejections(self, agency: str, limit: int, language: Language) -> list[ShownRejection]:
        """The first ``limit`` rejected rows of the agency's latest job, in ``language``."""
        shown: list[ShownRejection] = []
        try:
            with self._shown_path(agency).open(encoding="utf-8") as stream:
                for line in stream:
                    entry = json.loads(line)
                    reason = entry["reason"][language.value]
                    shown.append(
                        ShownRejection(entry["row"], entry["column"], entry["value"], reason)
                    )
                    if len(shown) >= limit:
                        break
        except FileNotFoundError:
            return self._reported(agency, limit)
        return shown

    def _reported(self, agency: str, limit: int) -> list[ShownRejection]:
        """The first rejected rows of a job finished before its rows were kept in both
        languages: the report's, in Indonesian."""
        shown: list[ShownRejection] = []
        try:
            with self.report_path(agency).open(encoding="utf-8", newline="") as stream:
                rows = csv.reader(stream)
                if tuple(next(rows, ())) != REPORT_HEADER:
                    return []
                for row, column, value, reason in rows:
                    shown.append(ShownRejection(int(row), column, value, reason))
                    if len(shown) >= limit:
                        break
        except FileNotFoundError:
            return []
        return shown

    def _keep_rejections(self, agency: str, rejections: list[Rejection]) -> None:
        write_report(self.report_path(agency), rejections)
        with self._shown_path(agency).open("w", encoding="utf-8") as stream:
            for rejection in rejections[:REJECTIONS_SHOWN]:
                entry = {
                    "row": rejection.row,
                    "column": rejection.column,
                    "value": rejection.value,
                    "reason": in_both_languages(rejection.message),
                }
                stream.write(json.dumps(entry, ensure_ascii=False) + "\n")

    # --- running -------------------------------------------------------------------------------

    def keep(self, source: Any) -> StoredFile:
        """Keeps an uploaded file in the store (``FileRefused`` if it is not kept)."""
        return self.files.put(source)

    def start(
        self, actor: Actor, kind: str, sha256: str, file_name: str, dry_run: bool
    ) -> ImportJob:
        """Starts checking (``dry_run``) or importing the kept file as ``actor``, an officer
        of the agency; ``JobRunning`` while another job of the agency runs."""
        assert actor.agency is not None
        agency = actor.agency
        with self.lock, self._agency_lock(agency):
            current = self.job(agency)
            if current is not None and self.status(current).running:
                raise JobRunning(agency)
            path = self.named_file(agency, sha256, file_name)
            now = self.clock()
            job = ImportJob(
                agency=agency,
                kind=kind,
                sha256=sha256,
                file_name=file_name,
                dry_run=dry_run,
                officer=actor.id,
                state=JobState.RUNNING,
                process=self.process,
                host=self.host,
                pid=os.getpid(),
                started_at=now,
                updated_at=now,
            )
            self.report_path(agency).unlink(missing_ok=True)
            self._shown_path(agency).unlink(missing_ok=True)
            self._write(job)
            thread = threading.Thread(
                target=self._run,
                args=(job, actor, path),
                name=f"import-{agency}",
                daemon=True,
            )
            self.threads[agency] = thread
            thread.start()
        return job

    def finished(self, agency: str) -> bool:
        thread = self.threads.get(agency)
        return thread is None or not thread.is_alive()

    def _run(self, job: ImportJob, actor: Actor, path: Path) -> None:
        done = threading.Event()
        heartbeat = threading.Thread(
            target=self._beat, args=(job, done), name=f"import-{job.agency}-beat", daemon=True
        )
        heartbeat.start()

        def progress(rows: int, total: int) -> None:
            if job.counting_done_at is None:
                job.counting_done_at = self.clock()
            job.rows_done, job.rows_total = rows, total

        try:
            summary = self.service.import_file(
                job.kind,
                path,
                actor,
                dry_run=job.dry_run,
                batch_size=self.batch_size,
                progress=progress,
            )
        except BaseException as error:
            # Every end of a job is written down, so its page never shows it running.
            done.set()
            heartbeat.join()
            self._failed(job, error)
            if not isinstance(error, Exception):
                raise
            return
        done.set()
        heartbeat.join()
        self._keep_rejections(job.agency, summary.rejections)
        job.result = result_of(summary)
        job.rows_done = summary.rows
        job.state = JobState.FINISHED
        job.updated_at = self.clock()
        self._write(job)

    def _beat(self, job: ImportJob, done: threading.Event) -> None:
        while not done.wait(HEARTBEAT_SECONDS):
            job.updated_at = self.clock()
            self._write(job)

    def _failed(self, job: ImportJob, error: BaseException) -> None:
        if isinstance(error, MissingColumns):
            job.missing_columns = list(error.missing)
            job.retryable = False
        if isinstance(error, DomainError):
            job.error = in_both_languages(error.as_message())
            job.retryable = job.retryable and not isinstance(error, MissingColumns)
        elif isinstance(error, Exception) and self.service.is_outage(error):
            job.error = both_languages("imports_error_outage")
        elif isinstance(error, UNREADABLE):
            job.error = both_languages("imports_error_unreadable")
            job.retryable = False
        else:
            log.exception("the import of %s (%s) failed", job.file_name, job.sha256, exc_info=error)
            job.error = both_languages("imports_error_unexpected")
        job.state = JobState.FAILED
        job.updated_at = self.clock()
        self._write(job)


UNREADABLE = (
    zipfile.BadZipFile,
    InvalidFileException,
    UnreadableWorkbook,
    csv.Error,
    UnicodeDecodeError,
)
"""What reading a file that is not the CSV or XLSX it looks like raises (any other error is
the application's: logged, and shown as a failure that may be retried)."""


def safe_file_name(uploaded: str, extension: str) -> str:
    """The uploaded file's own name, without folders or characters a path would take for
    something else, with the extension of what it holds."""
    name = SAFE_NAME.sub("_", Path(uploaded.replace("\\", "/")).name).strip(" .") or "berkas"
    stem = name[: -len(Path(name).suffix)] if Path(name).suffix else name
    return f"{stem[:100] or 'berkas'}.{extension}"
