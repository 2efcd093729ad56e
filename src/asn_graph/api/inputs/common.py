"""Inputs shared by several mutations: a placement, an education."""

from __future__ import annotations

import strawberry

from asn_graph.api.types.enums import EducationLevel
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
