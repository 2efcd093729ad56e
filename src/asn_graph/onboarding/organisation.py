"""Importing an agency's organisation: its units (unor) with their parents, its position map
(peta jabatan) and the workload of each position (ABK). A unit or position already recorded
as the file says is left alone; one recorded otherwise is refused for an officer to look
into (the store keeps no renaming of a unit or a position); a workload that changed is
assessed again."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager

from asn_graph.application.app import AsnGraph
from asn_graph.application.commands import AssessWorkload, EstablishPosition, RegisterWorkUnit
from asn_graph.domain.messages import Listed, Message
from asn_graph.domain.placement import unit_id
from asn_graph.domain.positions import Position, WorkloadItem
from asn_graph.domain.reference import Education
from asn_graph.domain.work_unit import WorkUnit
from asn_graph.onboarding.cells import (
    education_level_of,
    position_kind_of,
    study_field_of,
    whole_number_of,
)
from asn_graph.onboarding.directory import Rows
from asn_graph.onboarding.importer import Deferred, Plan, Step, nothing_kept, one_by_one
from asn_graph.onboarding.rejections import Rejection, RowRejected
from asn_graph.onboarding.row_reader import Columns, RowReader, missing_columns, unknown_columns
from asn_graph.onboarding.summary import Outcome
from asn_graph.onboarding.tables import Row

UNIT_COLUMNS: Columns = {
    "code": ("unit_kode", "unor_id", "id"),
    "name": ("unit_nama", "unor_nama", "nama_unor", "nama"),
    "parent": ("induk_kode", "diatasan_id", "unor_induk_id"),
}
POSITION_COLUMNS: Columns = {
    "unit": ("unit_kode", "unor_id"),
    "code": ("jabatan_kode", "kode_jabatan"),
    "title": ("jabatan_nama", "nama_jabatan"),
    "kind": ("jenis_jabatan",),
    "grade": ("kelas_jabatan",),
    "education_level": ("pendidikan_minimal", "tingkat_pendidikan"),
    "education_field": ("bidang_pendidikan", "pendidikan"),
}
WORKLOAD_COLUMNS: Columns = {
    "unit": ("unit_kode", "unor_id"),
    "position": ("jabatan_kode", "kode_jabatan"),
    "task": ("uraian_tugas", "tugas"),
    "volume": ("volume", "volume_per_tahun", "beban_kerja"),
    "norm": ("norma_waktu", "norma_waktu_menit"),
}

# The facts a reason names.
POSITION_GRADE = Message("import.fact.position_grade")
VOLUME = Message("import.fact.volume")
TIME_NORM = Message("import.fact.time_norm")
TITLE = Message("import.fact.title")
KIND = Message("import.fact.kind")
GRADE = Message("import.fact.grade")
EDUCATION = Message("import.fact.education")


class _AgencyRows:
    """What the three kinds share: the agency, the store, the refusal of a unit not found."""

    columns: Columns
    required: tuple[str, ...]

    def __init__(self, app: AsnGraph, views: Rows, agency_code: str) -> None:
        self.app = app
        self.views = views
        self.agency_code = agency_code

    def header_problems(self, header: Sequence[str]) -> tuple[list[str], list[str]]:
        return missing_columns(header, self.columns, self.required), unknown_columns(
            header, self.columns
        )

    def entries(self, rows: Iterator[Row]) -> Iterator[list[Row]]:
        return one_by_one(rows)

    def reading(self) -> AbstractContextManager[None]:
        return nothing_kept()

    def unit(self, reader: RowReader, code: str) -> WorkUnit | None:
        if not code:
            return None
        if not self.app.store.exists(unit_id(self.agency_code, code)):
            reader.reject(
                reader.column_named("unit"),
                code,
                Message("import.unit_not_found", {"agency": self.agency_code}),
            )
            return None
        return self.app.store.work_unit(self.agency_code, code)


class UnitRows(_AgencyRows):
    name = "unit kerja"
    columns = UNIT_COLUMNS
    required = ("code", "name")

    def __init__(self, app: AsnGraph, views: Rows, agency_code: str) -> None:
        super().__init__(app, views, agency_code)
        # Units known to exist, and those this import records (a dry run records none, yet
        # a unit named later in the file may sit under one named earlier).
        self.known: set[str] = {
            str(row["code"])
            for row in views.query(
                "SELECT code FROM directory_units WHERE agency_code = :agency",
                {"agency": agency_code},
            )
        }

    def plan(self, entry: list[Row], reason: str) -> Plan:
        (row,) = entry
        reader = RowReader(row, self.columns)
        code = reader.text("code", required=True).upper()
        name = " ".join(reader.text("name", required=True).split())
        parent = reader.text("parent").upper() or None
        reader.refuse_if_rejected()
        if parent is not None and parent not in self.known and parent != code:
            raise Deferred(
                Rejection(
                    row.number,
                    reader.column_named("parent"),
                    parent,
                    Message("import.parent_unit_not_found"),
                )
            )
        if not self.app.store.exists(unit_id(self.agency_code, code)):
            command = RegisterWorkUnit(self.agency_code, code, name, parent, reason)
            self.known.add(code)
            return Plan(Outcome.RECORDED, (Step(self.app.work_units.register, command),), code)
        unit = self.app.store.work_unit(self.agency_code, code)
        differing = [
            Rejection(
                row.number,
                reader.column_named(fact),
                given or "",
                Message(
                    "import.unit_recorded_otherwise", {"code": code, "recorded": recorded or "-"}
                ),
            )
            for fact, given, recorded in (
                ("name", name, unit.name),
                ("parent", parent, unit.parent_code),
            )
            if given != recorded
        ]
        if differing:
            raise RowRejected(differing)
        return Plan(Outcome.UNCHANGED, (), code)

    def absent(self, keys: set[str]) -> list[str]:
        rows = self.views.query(
            "SELECT code, name FROM directory_units WHERE agency_code = :agency ORDER BY code",
            {"agency": self.agency_code},
        )
        return [f"{row['code']} {row['name']}" for row in rows if row["code"] not in keys]


class PositionRows(_AgencyRows):
    name = "jabatan"
    columns = POSITION_COLUMNS
    required = ("unit", "code", "title", "kind", "grade")

    def plan(self, entry: list[Row], reason: str) -> Plan:
        (row,) = entry
        reader = RowReader(row, self.columns)
        unit = self.unit(reader, reader.text("unit", required=True).upper())
        code = reader.text("code", required=True).upper()
        title = " ".join(reader.text("title", required=True).split())
        kind = reader.read("kind", position_kind_of, required=True)
        grade = reader.read("grade", lambda value: whole_number_of(value, POSITION_GRADE, 1), True)
        level = reader.read("education_level", education_level_of)
        field = study_field_of(reader.text("education_field"))
        reader.refuse_if_rejected()
        assert unit is not None
        assert kind is not None
        assert grade is not None
        required_education = Education(level, field) if level is not None else None
        position = Position(code, title, kind, grade, required_education, ())
        key = f"{unit.code}/{code}"
        recorded = unit.positions.get(code)
        if recorded is None:
            command = EstablishPosition(self.agency_code, unit.code, position, reason)
            step = Step(self.app.work_units.establish_position, command)
            return Plan(Outcome.RECORDED, (step,), key)
        differing = [
            label
            for label, given, kept in (
                (TITLE, title, recorded.title),
                (KIND, kind, recorded.kind),
                (GRADE, grade, recorded.grade),
                (EDUCATION, required_education, recorded.required_education),
            )
            if given != kept
        ]
        if differing:
            raise RowRejected(
                [
                    Rejection(
                        row.number,
                        reader.column_named("code"),
                        code,
                        Message(
                            "import.position_recorded_otherwise",
                            {"code": code, "unit": unit.code, "facts": Listed(tuple(differing))},
                        ),
                    )
                ]
            )
        return Plan(Outcome.UNCHANGED, (), key)

    def absent(self, keys: set[str]) -> list[str]:
        rows = self.views.query(
            "SELECT unit_code, code, title FROM directory_positions "
            "WHERE agency_code = :agency ORDER BY unit_code, code",
            {"agency": self.agency_code},
        )
        return [
            f"{row['unit_code']}/{row['code']} {row['title']}"
            for row in rows
            if f"{row['unit_code']}/{row['code']}" not in keys
        ]


class WorkloadRows(_AgencyRows):
    """One row per task; the tasks of a position, wherever they stand in the file, make its
    assessment."""

    name = "beban kerja"
    columns = WORKLOAD_COLUMNS
    required = ("unit", "position", "task", "volume", "norm")

    def entries(self, rows: Iterator[Row]) -> Iterator[list[Row]]:
        groups: dict[tuple[str, str], list[Row]] = {}
        for row in rows:
            reader = RowReader(row, self.columns)
            key = (reader.text("unit").upper(), reader.text("position").upper())
            groups.setdefault(key, []).append(row)
        return iter(groups.values())

    def plan(self, entry: list[Row], reason: str) -> Plan:
        readers = [RowReader(row, self.columns) for row in entry]
        first = readers[0]
        unit = self.unit(first, first.text("unit", required=True).upper())
        code = first.text("position", required=True).upper()
        items: list[WorkloadItem] = []
        for reader in readers:
            task = " ".join(reader.text("task", required=True).split())
            volume = reader.read("volume", lambda v: whole_number_of(v, VOLUME, 0), True)
            norm = reader.read("norm", lambda v: whole_number_of(v, TIME_NORM, 1), True)
            if volume is not None and norm is not None and task:
                items.append(WorkloadItem(task, volume, norm))
        if unit is not None and code and code not in unit.positions:
            first.reject(
                first.column_named("position"),
                code,
                Message("import.position_not_found", {"unit": unit.code}),
            )
        rejections = [rejection for reader in readers for rejection in reader.rejections]
        if rejections:
            raise RowRejected(rejections)
        assert unit is not None
        key = f"{unit.code}/{code}"
        recorded = unit.workloads.get(code)
        if recorded is not None and recorded.items == tuple(items):
            return Plan(Outcome.UNCHANGED, (), key)
        command = AssessWorkload(self.agency_code, unit.code, code, tuple(items), reason)
        outcome = Outcome.RECORDED if recorded is None else Outcome.CHANGED
        return Plan(outcome, (Step(self.app.work_units.assess_workload, command),), key)

    def absent(self, keys: set[str]) -> list[str]:
        return []
