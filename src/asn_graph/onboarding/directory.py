"""The units and positions of one agency as an import finds them: by code, or by name as
SIASN's exports and hand-kept sheets spell them (case and spacing aside)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol


class Rows(Protocol):
    def query(self, sql: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]: ...


def spelled(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass
class UnitEntry:
    code: str
    name: str
    positions_by_code: dict[str, str] = field(default_factory=dict)
    positions_by_title: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class AgencyDirectory:
    agency_code: str
    units_by_code: dict[str, UnitEntry] = field(default_factory=dict)
    units_by_name: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def read(cls, rows: Rows, agency_code: str) -> AgencyDirectory:
        directory = cls(agency_code)
        for unit in rows.query(
            "SELECT code, name FROM directory_units WHERE agency_code = :agency",
            {"agency": agency_code},
        ):
            directory.add_unit(str(unit["code"]), str(unit["name"]))
        for position in rows.query(
            "SELECT unit_code, code, title FROM directory_positions WHERE agency_code = :agency",
            {"agency": agency_code},
        ):
            entry = directory.units_by_code.get(str(position["unit_code"]))
            if entry is not None:
                directory.add_position(entry, str(position["code"]), str(position["title"]))
        return directory

    def add_unit(self, code: str, name: str) -> UnitEntry:
        entry = UnitEntry(code, name)
        self.units_by_code[code] = entry
        self.units_by_name.setdefault(spelled(name), []).append(code)
        return entry

    @staticmethod
    def add_position(unit: UnitEntry, code: str, title: str) -> None:
        unit.positions_by_code[code] = title
        unit.positions_by_title.setdefault(spelled(title), []).append(code)
