"""The kinds of file an agency imports, by the name the command line and the web use, in the
order an agency brings them in: units, then positions and their workload, then employees and
their ratings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from asn_graph.application.app import AsnGraph
from asn_graph.onboarding.directory import Rows
from asn_graph.onboarding.employees import EmployeeRows
from asn_graph.onboarding.importer import RowKind
from asn_graph.onboarding.organisation import PositionRows, UnitRows, WorkloadRows
from asn_graph.onboarding.ratings import RatingRows
from asn_graph.onboarding.templates import sample as sample

KINDS: dict[str, Callable[[AsnGraph, Rows, str], Any]] = {
    "units": UnitRows,
    "positions": PositionRows,
    "workload": WorkloadRows,
    "employees": EmployeeRows,
    "ratings": lambda app, _views, agency: RatingRows(app, agency),
}


def row_kind(kind: str, app: AsnGraph, views: Rows, agency_code: str) -> RowKind:
    made: RowKind = KINDS[kind](app, views, agency_code)
    return made
