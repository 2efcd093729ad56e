"""Inputs shared by several mutations and queries: a placement, an education, competencies."""

from __future__ import annotations

import strawberry

from asn_graph.api.types.enums import EducationLevel
from asn_graph.domain.competencies import HeldCompetency, RequiredCompetency
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.fields_of_study import FAMILIES
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import Education


@strawberry.input(description="A position (jabatan) in a work unit of an agency.")
class PlacementInput:
    agency_code: str
    unit_code: str
    position_code: str

    def to_domain(self) -> Placement:
        return Placement(
            self.agency_code.strip().upper(),
            self.unit_code.strip().upper(),
            self.position_code.strip(),
        )


@strawberry.input(description="Pendidikan: level and field of study.")
class EducationInput:
    level: EducationLevel
    field: str = ""

    def to_domain(self) -> Education:
        return Education(self.level, self.field.strip())


@strawberry.input(description="A competency held: its catalogue code and the level assessed (1-5).")
class HeldCompetencyInput:
    code: str
    level: int

    def to_domain(self) -> HeldCompetency:
        return HeldCompetency(self.code.strip().upper(), self.level)


@strawberry.input(description="A competency a position asks for, at a minimum level (1-5).")
class RequiredCompetencyInput:
    code: str
    minimum_level: int

    def to_domain(self) -> RequiredCompetency:
        return RequiredCompetency(self.code.strip().upper(), self.minimum_level)


def education_family(text: str) -> str:
    """A family of fields of study (rumpun ilmu) as the reference list names it."""
    family = " ".join(text.split()).casefold()
    if family not in FAMILIES:
        raise InvalidInput(
            "common.unknown_education_family_see_fieldsofstudy", field="educationFamily", text=text
        )
    return family
