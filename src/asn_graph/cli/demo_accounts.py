"""The demo's local accounts: one for each role, so that whoever starts ``serve --demo`` can sign
in to the web application at once. Their passwords are generated the first time and kept in a
file of the data directory (readable by its owner alone), so that a restart prints the same
accounts and passwords again instead of making new ones."""

from __future__ import annotations

import os
import secrets
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from asn_graph.api.auth import actor_of
from asn_graph.bootstrap import Service
from asn_graph.demo.organisation import AGENCIES
from asn_graph.domain.actors import SYSTEM_ACTOR, Role
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.errors import DomainError
from asn_graph.projections.rows import CaseFilter, EmployeeFilter

ACCOUNTS_FILE = "demo-accounts.txt"
CITY = AGENCIES[1]
"""Kota Pematangsiantar: the agency whose people the demo accounts are."""
REGENCY = AGENCIES[2]
"""Kabupaten Simalungun: the other side of transfers between the province's agencies."""
REASON = "akun demo (asn-graph serve --demo)"
COLUMNS = ("username", "role", "agency", "nip", "password")
UNKNOWN = "(unknown:this-file-was-lost)"
DISABLED = "(disabled)"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    agency: str | None = None
    nip: str | None = None
    national: bool = False
    password: str | None = None
    """None: the account is in the store but its password is not known here any more."""
    disabled: bool = False


WANTED = (
    # The employee's NIP is chosen from the demo data when the account is made.
    DemoAccount(f"pegawai.{CITY.code}", Role.EMPLOYEE),
    # The same names as the demo's own officers and approvers, who recorded its cases.
    DemoAccount(CITY.officer.id, Role.OFFICER, CITY.code),
    DemoAccount(CITY.approver.id, Role.APPROVER, CITY.code),
    DemoAccount(REGENCY.officer.id, Role.OFFICER, REGENCY.code),
    DemoAccount(REGENCY.approver.id, Role.APPROVER, REGENCY.code),
    DemoAccount("auditor", Role.AUDITOR, national=True),
    DemoAccount("integrator", Role.INTEGRATOR, national=True),
    DemoAccount("bkn.kanreg-vi", Role.BKN, "KANREG-VI"),
    DemoAccount("gubernur.12", Role.GOVERNOR, "12"),
    DemoAccount("menteri", Role.MINISTER, "KEMENDAGRI"),
)


def demo_accounts(service: Service, data_dir: Path) -> list[DemoAccount]:
    """The demo accounts of a store holding the demo data, made where missing, with their
    passwords; none for a store that does not hold the demo data (an agency's real one)."""
    if not _holds_demo_data(service):
        return []
    path = data_dir / ACCOUNTS_FILE
    kept = _passwords(path)
    existing = {view.username: view for view in service.app.local_accounts.accounts()}
    accounts: list[DemoAccount] = []
    for wanted in WANTED:
        view = existing.get(wanted.username)
        if view is None:
            if wanted.role is Role.EMPLOYEE:
                wanted = replace(wanted, nip=_employee_nip(service))
            made = secrets.token_urlsafe(12)
            claims = actor_of(
                wanted.username, wanted.role, wanted.agency, wanted.nip, wanted.national
            )
            service.app.local_accounts.add(SYSTEM_ACTOR, claims, made, REASON)
            accounts.append(replace(wanted, password=made))
            continue
        # The file is trusted rather than each password checked again: a check costs a
        # deliberately slow hash, and the file is written with the accounts it names.
        password = None if view.disabled else kept.get(wanted.username)
        accounts.append(
            DemoAccount(
                view.username,
                view.role,
                view.agency,
                view.nip,
                view.national,
                password,
                view.disabled,
            )
        )
    _write(path, accounts)
    return accounts


def accounts_table(accounts: list[DemoAccount]) -> str:
    rows = [COLUMNS] + [
        (
            account.username,
            account.role.value + (":national" if account.national else ""),
            account.agency or "-",
            account.nip or "-",
            DISABLED if account.disabled else account.password or UNKNOWN,
        )
        for account in accounts
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def _employee_nip(service: Service) -> str:
    """An employee of the city with a case under way (something to follow), else any."""
    service.projector.catch_up()
    directory = service.read.directory
    under_way = tuple(state.value for state in CaseState if state.holds_employee)
    cases = directory.cases(CaseFilter(states=under_way, agency_codes=(CITY.code,)), 100, None)
    for case in cases.rows:
        if case.origin_agency == CITY.code:
            return case.nip
    employees = directory.employees(EmployeeFilter(agency_codes=(CITY.code,)), 1, None)
    if not employees.rows:
        raise DomainError("demo_accounts.no_employee", agency=CITY.code)
    return employees.rows[0].nip


def _holds_demo_data(service: Service) -> bool:
    try:
        return service.app.agencies.get(CITY.code).name == CITY.name
    except DomainError:
        return False


def _passwords(path: Path) -> dict[str, str]:
    """The passwords the file keeps, by username."""
    if not path.exists():
        return {}
    passwords: dict[str, str] = {}
    for line in path.read_text().splitlines()[1:]:
        cells = line.split()
        if len(cells) == len(COLUMNS) and not cells[-1].startswith("("):
            passwords[cells[0]] = cells[-1]
    return passwords


def _write(path: Path, accounts: list[DemoAccount]) -> None:
    # Written whole under another name, readable by the owner alone, then moved into place.
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor, written = tempfile.mkstemp(dir=path.parent, prefix=".demo-accounts-")
    with os.fdopen(descriptor, "w") as handle:
        handle.write(accounts_table(accounts) + "\n")
    os.replace(written, path)
