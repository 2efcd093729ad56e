"""The auditor's pages: the audit trail searched (and downloaded as CSV), a case or an employee
replayed as of a moment, and the hash chain verified against the event store. Every read goes
through the package's documents, as the auditor: what their token would read over the API."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode
from uuid import UUID
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from asn_graph.api.web.form_errors import FormErrors
from asn_graph.api.web.frame import Frame
from asn_graph.api.web.history import FOR_AUDITORS, local_moment, moments
from asn_graph.api.web.page_data import PageDataRefused
from asn_graph.api.web.rendering import Link
from asn_graph.domain.actors import Actor, Role

TRAIL = "/audit"
CHAIN = "/audit/rantai"
ENTRIES_PER_PAGE = 50
CSV_PAGE = 200
CSV_MOST_ROWS = 100_000
"""A download holds at most this many entries (a narrower search gives the rest)."""
CHAIN_STRETCH = 100_000
"""Entries one press of the button verifies: the API's largest stretch."""
CSV_COLUMNS = (
    "logPosition",
    "recordedAt",
    "eventType",
    "subjectKind",
    "subjectId",
    "version",
    "actorId",
    "actorRole",
    "actorAgency",
    "actorNip",
    "reason",
    "previousHash",
    "entryHash",
)
NIP_PATTERN = re.compile(r"\d{18}")
HASH_PATTERN = re.compile(r"[0-9a-f]{64}")
CODE_PATTERN = re.compile(r"[A-Za-z0-9.\-]{1,40}")
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SUBJECT_FIELDS = {"filter.subjectId": "kasus", "filter.nip": "nip", "filter.unit": "unit"}


@dataclass
class TrailSearch:
    """The trail's search form as asked (the query string) and the API filter it makes."""

    values: dict[str, str]
    errors: FormErrors
    filter: dict[str, Any]
    after: str | None
    asked: bool
    """Whether a search was sent (with every field empty: the whole trail in scope)."""

    def query(self, **more: str) -> str:
        kept = {name: value for name, value in self.values.items() if value}
        return urlencode({**kept, "cari": "1", **more})


class AuditArea:
    def __init__(self, frame: Frame) -> None:
        self.frame = frame

    def routes(self) -> list[BaseRoute]:
        return [
            Route(TRAIL, self.trail, methods=["GET"]),
            Route("/audit/kasus/{case_id}", self.case_as_of, methods=["GET"]),
            Route("/audit/pegawai/{nip}", self.employee_as_of, methods=["GET"]),
            Route(CHAIN, self.chain, methods=["GET"]),
        ]

    def links(self, actor: Actor) -> Sequence[Link]:
        if actor.role is not Role.AUDITOR:
            return ()
        return (Link(TRAIL, "audit_nav_trail"), Link(CHAIN, "audit_nav_chain"))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.frame.page_data.service.settings.timezone)

    # --- the trail ------------------------------------------------------------------------

    async def trail(self, request: Request) -> Response:
        actor = await self.frame.person(request, Role.AUDITOR)
        if not isinstance(actor, Actor):
            return actor
        search = self._search(request.query_params)
        data: dict[str, Any] = {"search": search, "zone": self.zone.key}
        if search.asked and not search.errors:
            if request.query_params.get("format") == "csv":
                return await self._csv(request, actor, search)
            variables = {
                "filter": search.filter,
                "first": ENTRIES_PER_PAGE,
                "after": search.after,
            }
            try:
                page = (await self.frame.page_data.run(request, actor, "AuditTrail", variables))[
                    "auditTrail"
                ]
            except PageDataRefused as refused:
                search.errors = self._refusal(refused)
            else:
                data["page"] = page
                data["entries"] = [self._entry(edge["node"]) for edge in page["edges"]]
        return self.frame.page(request, "audit_trail.html", "audit_trail_title", actor, data)

    def _search(self, asked: Mapping[str, str]) -> TrailSearch:
        names = ("kasus", "nip", "unit", "aktor", "instansi", "dari", "sampai")
        values = {name: asked.get(name, "").strip() for name in names}
        errors = FormErrors()
        where: dict[str, Any] = {}
        subjects = [name for name in ("kasus", "nip", "unit") if values[name]]
        if len(subjects) > 1:
            for name in subjects:
                errors.add(name, "audit_one_subject")
        if values["kasus"]:
            try:
                where["subjectId"] = str(UUID(values["kasus"]))
            except ValueError:
                errors.add("kasus", "audit_bad_case_id")
        if values["nip"]:
            nip = values["nip"].replace(" ", "")
            if NIP_PATTERN.fullmatch(nip):
                where["nip"] = nip
            else:
                errors.add("nip", "audit_bad_nip")
        if values["unit"]:
            agency, _, unit = values["unit"].partition("/")
            if CODE_PATTERN.fullmatch(agency.strip()) and CODE_PATTERN.fullmatch(unit.strip()):
                where["unit"] = {"agencyCode": agency.strip(), "unitCode": unit.strip()}
            else:
                errors.add("unit", "audit_bad_unit")
        if values["aktor"]:
            where["actorId"] = values["aktor"]
        if values["instansi"]:
            where["actorAgency"] = values["instansi"]
        start, end = self._day(values, "dari", errors), self._day(values, "sampai", errors)
        if start is not None and end is not None and end < start:
            errors.add("sampai", "audit_period_reversed")
        if start is not None:
            where["recordedFrom"] = datetime.combine(start, time(), self.zone).isoformat()
        if end is not None:
            until = datetime.combine(end + timedelta(days=1), time(), self.zone)
            where["recordedUntil"] = until.isoformat()
        sent = asked.get("cari") == "1" or any(values.values())
        return TrailSearch(values, errors, where, asked.get("setelah") or None, sent)

    @staticmethod
    def _day(values: Mapping[str, str], name: str, errors: FormErrors) -> date | None:
        if not values[name]:
            return None
        try:
            return date.fromisoformat(values[name])
        except ValueError:
            errors.add(name, "audit_bad_date")
            return None

    @staticmethod
    def _refusal(refused: PageDataRefused) -> FormErrors:
        """The API's refusal of a search, in the page's words (the errors hold text keys)."""
        if refused.code == "NOT_FOUND":
            return FormErrors(general="audit_subject_not_found")
        if refused.field in SUBJECT_FIELDS:
            name = SUBJECT_FIELDS[refused.field]
            key = {"kasus": "audit_bad_case_id", "nip": "audit_bad_nip", "unit": "audit_bad_unit"}
            return FormErrors(fields={name: key[name]})
        if refused.field == "filter.actorAgency" or refused.code == "FORBIDDEN":
            return FormErrors(fields={"instansi": "audit_agency_out_of_scope"})
        return FormErrors(general="audit_refused")

    def _entry(self, node: dict[str, Any]) -> dict[str, Any]:
        return {**node, "moment": local_moment(node["recordedAt"], self.zone, FOR_AUDITORS)}

    async def _csv(self, request: Request, actor: Actor, search: TrailSearch) -> Response:
        """The whole search as CSV, read a page at a time while it is sent."""
        run = self.frame.page_data.run
        # The first page is read before answering, so that a refusal is still a page.
        variables = {"filter": search.filter, "first": CSV_PAGE, "after": None}
        try:
            first = (await run(request, actor, "AuditTrail", variables))["auditTrail"]
        except PageDataRefused as refused:
            search.errors = self._refusal(refused)
            data = {"search": search, "zone": self.zone.key}
            return self.frame.page(request, "audit_trail.html", "audit_trail_title", actor, data)

        async def pages() -> AsyncIterator[dict[str, Any]]:
            page, sent = first, 0
            while True:
                yield page
                sent += len(page["edges"])
                if not page["pageInfo"]["hasNextPage"] or sent >= CSV_MOST_ROWS:
                    return
                variables["after"] = page["pageInfo"]["endCursor"]
                page = (await run(request, actor, "AuditTrail", variables))["auditTrail"]

        async def lines() -> AsyncIterator[str]:
            yield csv_line(CSV_COLUMNS)
            async for page in pages():
                for edge in page["edges"]:
                    node = edge["node"]
                    yield csv_line(node[column] for column in CSV_COLUMNS)

        return StreamingResponse(
            lines(),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": 'attachment; filename="jejak-audit.csv"',
                "Cache-Control": "no-store",
            },
        )

    # --- replays --------------------------------------------------------------------------

    async def case_as_of(self, request: Request) -> Response:
        actor = await self.frame.person(request, Role.AUDITOR)
        if not isinstance(actor, Actor):
            return actor
        case_id = request.path_params["case_id"]
        return await self._replay(
            request,
            actor,
            "AuditTransferCaseAsOf",
            {"id": case_id},
            "audit_case_as_of.html",
            "audit_case_title",
            "audit_case_not_found",
            {"case_id": case_id, "trail_query": urlencode({"kasus": case_id})},
        )

    async def employee_as_of(self, request: Request) -> Response:
        actor = await self.frame.person(request, Role.AUDITOR)
        if not isinstance(actor, Actor):
            return actor
        nip = request.path_params["nip"]
        return await self._replay(
            request,
            actor,
            "AuditEmployeeAsOf",
            {"nip": nip},
            "audit_employee_as_of.html",
            "audit_employee_title",
            "audit_employee_not_found",
            {"nip": nip, "trail_query": urlencode({"nip": nip})},
        )

    async def _replay(
        self,
        request: Request,
        actor: Actor,
        document: str,
        subject: dict[str, Any],
        template: str,
        title: str,
        not_found: str,
        extra: dict[str, Any],
    ) -> Response:
        """A subject as of the moment asked (``per``, in the page's time zone), or of a version
        of its own (``versi``, the links from the trail), or as of now."""
        asked = request.query_params.get("per", "").strip()
        version = request.query_params.get("versi", "").strip()
        errors = FormErrors()
        variables: dict[str, Any] = {**subject, "at": None, "version": None}
        if asked:
            moment = self._local_moment(asked)
            if moment is None:
                errors.add("per", "audit_bad_moment")
            else:
                variables["at"] = moment.isoformat()
        elif version.isdigit() and int(version) >= 1:
            variables["version"] = int(version)
        else:
            variables["at"] = datetime.now(self.zone).isoformat()
        data: dict[str, Any] = {**extra, "errors": errors, "per": asked, "zone": self.zone.key}
        if not errors:
            try:
                result = await self.frame.page_data.run(request, actor, document, variables)
            except PageDataRefused as refused:
                if refused.code in ("NOT_FOUND", "BAD_INPUT", "FORBIDDEN"):
                    errors.general = not_found
                else:
                    errors.general = "audit_refused"
            else:
                past = next(iter(result.values()))
                case = past.get("transferCase")
                if case is not None:
                    # The case's history field reads today's; the replay stops at its version.
                    case["history"] = [
                        event for event in case["history"] if event["version"] <= past["version"]
                    ]
                recorded = datetime.fromisoformat(past["recordedAt"]).astimezone(self.zone)
                data["past"] = past
                data["recorded"] = recorded.strftime(FOR_AUDITORS)
                data["moments"] = moments((case or {}).get("history", ()), self.zone, FOR_AUDITORS)
                if not asked:
                    data["per"] = _input_moment(recorded)
        return self.frame.page(request, template, title, actor, data)

    def _local_moment(self, text: str) -> datetime | None:
        """A ``datetime-local`` field's value, in the page's time zone."""
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
        return moment.replace(tzinfo=self.zone) if moment.tzinfo is None else moment

    # --- the chain ------------------------------------------------------------------------

    async def chain(self, request: Request) -> Response:
        actor = await self.frame.person(request, Role.AUDITOR)
        if not isinstance(actor, Actor):
            return actor
        asked = request.query_params
        position = asked.get("posisi", "").strip()
        entry_hash = asked.get("hash", "").strip().lower()
        errors = FormErrors()
        after = None
        if position or entry_hash:
            if not position.isdigit() or int(position) < 1:
                errors.add("posisi", "audit_chain_bad_position" if position else "audit_chain_both")
            if not HASH_PATTERN.fullmatch(entry_hash):
                errors.add("hash", "audit_chain_bad_hash" if entry_hash else "audit_chain_both")
            if not errors:
                after = {"logPosition": int(position), "entryHash": entry_hash}
        verify = asked.get("periksa") == "1" and not errors
        variables = {"after": after, "first": CHAIN_STRETCH, "verify": verify}
        data: dict[str, Any] = {"errors": errors, "posisi": position, "hash": entry_hash}
        try:
            result = await self.frame.page_data.run(request, actor, "AuditChain", variables)
        except PageDataRefused:
            errors.general = "audit_refused"
        else:
            data["head"] = result["auditHead"]
            verification = result.get("auditChainVerification")
            data["verification"] = verification
            if verification is not None and not verification["complete"]:
                data["continue_query"] = urlencode(
                    {
                        "posisi": verification["verifiedUpTo"],
                        "hash": verification["verifiedHash"],
                        "periksa": "1",
                    }
                )
        return self.frame.page(request, "audit_chain.html", "audit_chain_title", actor, data)


def _input_moment(moment: datetime) -> str:
    """A moment as a ``datetime-local`` field shows it, to the second, rounded up: resent as
    it is, it still covers the event recorded within that second."""
    whole = moment.replace(microsecond=0)
    if moment.microsecond:
        whole += timedelta(seconds=1)
    return whole.strftime("%Y-%m-%dT%H:%M:%S")


def csv_line(values: Iterable[Any]) -> str:
    """One CSV row; a text a spreadsheet would run as a formula is kept as text."""
    out = io.StringIO()
    csv.writer(out).writerow([_cell(value) for value in values])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
