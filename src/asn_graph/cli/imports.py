"""Importing an agency's existing records from CSV or XLSX files (SIASN's exports or asn-graph's
templates): `asn-graph import employees FILE`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from asn_graph.cli.help import DefaultsAndEpilogShown
from asn_graph.cli.progress import ProgressBar
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Forbidden
from asn_graph.onboarding.templates import KIND_NAMES
from asn_graph.settings import Settings

KINDS = KIND_NAMES
SHOWN_REJECTIONS = 50
BATCH_SIZE = 200
"""Rows saved to one transaction when the fast paths are on (ASN_GRAPH_FAST_PATHS)."""
SHOWN_ABSENT = 20


def add_commands(commands: Any) -> None:
    command = commands.add_parser(
        "import",
        help="import an agency's records from a CSV or XLSX file",
        description="Read a file row by row and record each row through the same use cases "
        "as the API, as the importing officer; every fact's reason names the file and its "
        "SHA-256. Rows that cannot be taken are reported (row, column, value, reason) and "
        "wait for correction; the others are recorded. Running the same or a newer file "
        "again records only what changed, so a killed import resumes by running it again.",
        formatter_class=DefaultsAndEpilogShown,
    )
    command.add_argument("kind", choices=KINDS, help="what the file holds")
    command.add_argument("file", type=Path, help="the CSV or XLSX file")
    command.add_argument(
        "--template",
        action="store_true",
        help="write asn-graph's template of the kind, with example rows, to FILE and stop",
    )
    command.add_argument(
        "--officer",
        help="the username of the importing officer's local account (role officer), or "
        "their identifier with --agency when the agency signs in through its identity provider",
    )
    command.add_argument("--agency", help="the agency code (taken from the account if omitted)")
    command.add_argument(
        "--dry-run", action="store_true", help="check every row and record nothing"
    )
    command.add_argument(
        "--report",
        type=Path,
        help="write the rejected rows as CSV here (default: FILE with .ditolak.csv beside it)",
    )
    command.set_defaults(handler=_import)


def _import(arguments: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.bootstrap import build_service
    from asn_graph.onboarding.kinds import sample
    from asn_graph.onboarding.rejections import write_report

    path: Path = arguments.file
    if arguments.template:
        path.write_bytes(sample(arguments.kind))
        print(f"template of {arguments.kind} written to {path}")
        return 0
    if not arguments.officer:
        print("asn-graph: name the importing officer with --officer", file=sys.stderr)
        return 2
    if not path.is_file():
        print(f"asn-graph: no such file: {path}", file=sys.stderr)
        return 2
    with build_service(settings) as service:
        actor = _importing_officer(service.app.local_accounts.accounts(), arguments)
        with ProgressBar(f"impor {arguments.kind}", unit="rows") as bar:
            summary = service.import_file(
                arguments.kind,
                path,
                actor,
                dry_run=arguments.dry_run,
                batch_size=BATCH_SIZE if settings.fast_paths else 1,
                progress=bar,
            )
    report = arguments.report or path.with_name(f"{path.stem}.ditolak.csv")
    if summary.rejections:
        write_report(report, summary.rejections)
    _show(summary, report if summary.rejections else None)
    return 1 if summary.rejections else 0


def _importing_officer(accounts: list[Any], arguments: argparse.Namespace) -> Actor:
    username = arguments.officer.strip().lower()
    account = next((a for a in accounts if a.username == username), None)
    if account is not None:
        if account.role is not Role.OFFICER or account.disabled:
            raise Forbidden("imports.not_an_active_officer", username=username)
        if arguments.agency and arguments.agency != account.agency:
            raise Forbidden(
                "imports.account_acts_for",
                username=username,
                agency=account.agency,
                asked=arguments.agency,
            )
        return Actor(account.username, Role.OFFICER, account.agency)
    if not arguments.agency:
        raise ValueError(f"no local account {username}: name the agency with --agency")
    return Actor(username, Role.OFFICER, arguments.agency)


def _show(summary: Any, report: Path | None) -> None:
    from asn_graph.onboarding.summary import Outcome

    console = Console()
    verb = "diperiksa (tanpa mencatat)" if summary.dry_run else "diimpor"
    console.print(
        f"Berkas {summary.file_name} (sha256:{summary.sha256[:12]}…) {verb}: {summary.rows} baris"
    )
    counts = Table(show_header=False, box=None)
    labels = {
        Outcome.RECORDED: "baru dicatat" if not summary.dry_run else "akan dicatat",
        Outcome.CHANGED: "berubah" if not summary.dry_run else "akan berubah",
        Outcome.UNCHANGED: "tidak berubah",
        Outcome.REJECTED: "ditolak",
    }
    for outcome, label in labels.items():
        counts.add_row(label, f"{summary.counts[outcome]:,}")
    console.print(counts)
    if summary.unknown_columns:
        console.print(f"Kolom tidak dikenal (diabaikan): {', '.join(summary.unknown_columns)}")
    if summary.rejections:
        rejected = Table("baris", "kolom", "nilai", "alasan", title="Baris ditolak")
        for rejection in summary.rejections[:SHOWN_REJECTIONS]:
            rejected.add_row(
                str(rejection.row), rejection.column, rejection.value, rejection.reason
            )
        console.print(rejected)
        more = len(summary.rejections) - SHOWN_REJECTIONS
        if more > 0:
            console.print(f"… dan {more} lagi.")
        console.print(f"Laporan lengkap: {report}")
    if summary.absent:
        console.print(
            f"{len(summary.absent)} {summary.kind} tercatat tidak ada di berkas (tidak dihapus):"
        )
        for line in summary.absent[:SHOWN_ABSENT]:
            console.print(f"  {line}")
