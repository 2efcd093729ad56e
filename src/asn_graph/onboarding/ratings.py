"""Importing performance ratings (predikat kinerja, SKP): one row per employee and year. A
rating recorded as the file says is left alone; a different one is recorded again (a rating
corrected after an objection), the year's latest rating being the one that counts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager

from asn_graph.application.app import AsnGraph
from asn_graph.application.commands import RatePerformance
from asn_graph.application.registers import nip_register_id
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.messages import Message
from asn_graph.domain.nip import Nip
from asn_graph.onboarding.cells import rating_of, year_of
from asn_graph.onboarding.importer import Plan, Step, nothing_kept, one_by_one
from asn_graph.onboarding.row_reader import Columns, RowReader, missing_columns, unknown_columns
from asn_graph.onboarding.summary import Outcome
from asn_graph.onboarding.tables import Row

RATING_COLUMNS: Columns = {
    "nip": ("nip", "nip_baru"),
    "year": ("tahun", "tahun_penilaian"),
    "rating": ("predikat", "predikat_kinerja", "nilai_kinerja"),
}
RECOGNISED = ("nama",)


class RatingRows:
    name = "penilaian kinerja"

    def __init__(self, app: AsnGraph, agency_code: str) -> None:
        self.app = app
        self.agency_code = agency_code

    def header_problems(self, header: Sequence[str]) -> tuple[list[str], list[str]]:
        required = ("nip", "year", "rating")
        return missing_columns(header, RATING_COLUMNS, required), unknown_columns(
            header, RATING_COLUMNS, RECOGNISED
        )

    def entries(self, rows: Iterator[Row]) -> Iterator[list[Row]]:
        return one_by_one(rows)

    def reading(self) -> AbstractContextManager[None]:
        return nothing_kept()

    def plan(self, entry: list[Row], reason: str) -> Plan:
        (row,) = entry
        reader = RowReader(row, RATING_COLUMNS)
        nip = reader.text("nip", required=True).lstrip("'")
        year = reader.read("year", year_of, required=True)
        rating = reader.read("rating", rating_of, required=True)
        if nip:
            try:
                nip = Nip.parse(nip).value
            except InvalidInput:
                reader.reject(
                    reader.column_named("nip"), nip, Message("import.nip_not_valid_digits")
                )
            else:
                if not self.app.store.exists(nip_register_id(nip)):
                    reader.reject(
                        reader.column_named("nip"), nip, Message("import.employee_not_registered")
                    )
        reader.refuse_if_rejected()
        assert year is not None
        assert rating is not None
        employee = self.app.store.employee(nip)
        placement = employee.placement
        if placement is None or placement.agency_code != self.agency_code:
            reader.reject(
                reader.column_named("nip"), nip, Message("import.employee_of_another_agency")
            )
            reader.refuse_if_rejected()
        key = f"{nip}/{year}"
        recorded = employee.ratings.get(year)
        if recorded is rating:
            return Plan(Outcome.UNCHANGED, (), key)
        command = RatePerformance(nip, year, rating, reason)
        outcome = Outcome.RECORDED if recorded is None else Outcome.CHANGED
        return Plan(outcome, (Step(self.app.employees.rate_performance, command),), key, nip)

    def absent(self, keys: set[str]) -> list[str]:
        return []
