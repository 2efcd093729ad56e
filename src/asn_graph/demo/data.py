"""The reference lists the demo draws from: names, units, typical positions."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from functools import cache
from importlib import resources

from asn_graph.domain.competencies import (
    CATALOGUE,
    HIGHEST_LEVEL,
    CompetencyKind,
    HeldCompetency,
    RequiredCompetency,
)
from asn_graph.domain.reference import Education, EducationLevel, PositionKind

_KINDS = {
    ("jpt", "pratama"): PositionKind.JPT_PRATAMA,
    ("administrator", ""): PositionKind.ADMINISTRATOR,
    ("pengawas", ""): PositionKind.PENGAWAS,
    ("pelaksana", ""): PositionKind.PELAKSANA,
    ("fungsional_keahlian", "ahli_pertama"): PositionKind.AHLI_PERTAMA,
    ("fungsional_keahlian", "ahli_muda"): PositionKind.AHLI_MUDA,
    ("fungsional_keterampilan", "terampil"): PositionKind.TERAMPIL,
}
_TECHNICAL = tuple(d.code for d in CATALOGUE if d.kind is CompetencyKind.TECHNICAL)
_GRADES = {
    PositionKind.JPT_PRATAMA: 14,
    PositionKind.ADMINISTRATOR: 12,
    PositionKind.PENGAWAS: 9,
    PositionKind.AHLI_MUDA: 9,
    PositionKind.AHLI_PERTAMA: 8,
    PositionKind.TERAMPIL: 7,
    PositionKind.PELAKSANA: 5,
}


@dataclass(frozen=True)
class PositionTemplate:
    title: str
    kind: PositionKind
    field: str
    education: Education
    competencies: tuple[RequiredCompetency, ...]

    @property
    def grade(self) -> int:
        return _GRADES[self.kind]

    def held_by_a_holder(self, rng: random.Random) -> tuple[HeldCompetency, ...]:
        """What someone in this post holds: its competencies around the level asked, and now
        and then a technical competency of another field (experience from an earlier post)."""
        held = {
            required.code: max(1, min(HIGHEST_LEVEL, required.minimum_level + rng.randint(-1, 1)))
            for required in self.competencies
        }
        if rng.random() < 0.2:
            other = rng.choice(_TECHNICAL)
            held.setdefault(other, rng.randint(2, 4))
        return tuple(HeldCompetency(code, level) for code, level in sorted(held.items()))


@dataclass(frozen=True)
class UnitTemplate:
    kind: str
    name: str
    abbreviation: str
    field: str


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("asn_graph.demo").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = _rows("names.csv")
    given = tuple(r["value"] for r in rows if r["part"] == "given")
    family = tuple(r["value"] for r in rows if r["part"] == "family")
    return given, family


@cache
def positions() -> tuple[PositionTemplate, ...]:
    templates = []
    for row in _rows("positions.csv"):
        kind = _KINDS.get((row["kind"], row["level"]))
        if kind is None:
            continue
        level, _, field = row["typical_education"].partition(" ")
        templates.append(
            PositionTemplate(
                row["title"],
                kind,
                row["field"],
                Education(EducationLevel(level), field),
                _required(row["competencies"]),
            )
        )
    return tuple(templates)


def _required(text: str) -> tuple[RequiredCompetency, ...]:
    """``CODE:level;CODE:level`` as the competencies a position asks for."""
    pairs = (item.split(":") for item in text.split(";") if item)
    return tuple(RequiredCompetency(code, int(level)) for code, level in pairs)


@cache
def units() -> tuple[UnitTemplate, ...]:
    return tuple(
        UnitTemplate(r["kind"], r["name"], r["abbreviation"], r["field"])
        for r in _rows("regional_units.csv")
    )
