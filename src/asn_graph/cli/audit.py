"""Commands for auditors: export the audit trail, verify the hash chain, show its head."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from asn_graph.settings import Settings


def add_commands(commands: Any) -> None:
    audit = commands.add_parser("audit", help="audit trail export and tamper evidence")
    actions = audit.add_subparsers(required=True, metavar="ACTION")

    export = actions.add_parser("export", help="write audit trail entries as JSON Lines or CSV")
    subject = export.add_mutually_exclusive_group()
    subject.add_argument("--case", help="a transfer case id")
    subject.add_argument("--employee", metavar="NIP", help="an employee's NIP")
    subject.add_argument("--unit", metavar="AGENCY/UNIT", help="a work unit")
    export.add_argument("--agency", help="only actions by actors of this agency")
    export.add_argument("--actor", help="only actions by this actor (token subject)")
    export.add_argument("--from", dest="start", type=date.fromisoformat, help="first day")
    export.add_argument("--to", dest="end", type=date.fromisoformat, help="last day")
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="file format")
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    export.set_defaults(handler=_export)

    verify = actions.add_parser(
        "verify", help="recompute the hash chain from the event store and compare"
    )
    verify.add_argument("--anchor", help="POSITION:SHA256 published earlier (see 'audit head')")
    verify.set_defaults(handler=_verify)

    head = actions.add_parser("head", help="the chain's latest position and hash, to publish")
    head.set_defaults(handler=_head)


def _export(arguments: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.audit.export import write
    from asn_graph.bootstrap import build_service
    from asn_graph.domain.nip import Nip
    from asn_graph.domain.placement import unit_id
    from asn_graph.projections.rows import AuditFilter

    zone = ZoneInfo(settings.timezone)
    with build_service(settings) as service:
        service.up_to_date()
        subject: str | None = arguments.case
        if arguments.employee:
            subject = str(service.app.employees.id_of(Nip.parse(arguments.employee).value))
        if arguments.unit:
            agency, _, unit = arguments.unit.partition("/")
            subject = str(unit_id(agency.upper(), unit.upper()))
        where = AuditFilter(
            originator_id=subject,
            actor_id=arguments.actor,
            actor_agencies=(arguments.agency,) if arguments.agency else (),
            recorded_from=_utc(arguments.start, zone),
            recorded_until=_utc(arguments.end, zone, next_day=True),
        )
        with ExitStack() as files:
            out: TextIO = (
                files.enter_context(open(arguments.output, "w", encoding="utf-8", newline=""))
                if arguments.output
                else sys.stdout
            )
            count = write(service.read.audit.stream(where), out, arguments.format)
    print(f"asn-graph audit export: {count} entries", file=sys.stderr)
    return 0


def _verify(arguments: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.bootstrap import build_service
    from asn_graph.projections.chain_verification import Anchor, verify

    anchor = Anchor.parse(arguments.anchor) if arguments.anchor else None
    with build_service(settings) as service:
        service.up_to_date()
        result = verify(service.store.recorder, service.read.audit, anchor)
    if result.mismatch is None:
        print(
            f"intact: {result.checked} entries up to log position {result.position}, "
            f"head {result.head_hash}"
        )
        return 0
    mismatch = result.mismatch
    print(
        f"NOT INTACT at log position {mismatch.position}: {mismatch.problem}\n"
        f"  subject {mismatch.originator_id} version {mismatch.version} "
        f"({mismatch.event_type})\n  {result.checked} entries before it are intact",
        file=sys.stderr,
    )
    return 1


def _head(_: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.bootstrap import build_service

    with build_service(settings) as service:
        service.up_to_date()
        head = service.read.audit.head()
    print(f"{head.position}:{head.entry_hash}" if head else "the audit trail is empty")
    return 0


def _utc(day: date | None, zone: ZoneInfo, *, next_day: bool = False) -> str | None:
    if day is None:
        return None
    start = day + timedelta(days=1) if next_day else day
    return datetime.combine(start, time(), zone).astimezone(UTC).isoformat()
