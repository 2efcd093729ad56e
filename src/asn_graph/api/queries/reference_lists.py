"""Queries of the reference lists a form needs: the competency catalogue, fields of study."""

from __future__ import annotations

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.types.common import CompetencyDefinition
from asn_graph.domain import competencies, fields_of_study


@strawberry.type(description="A field of study (program studi) and its family (rumpun ilmu).")
class FieldOfStudy:
    field: str
    family: str


@strawberry.type
class ReferenceListQueries:
    @strawberry.field(
        description="The competency catalogue: managerial, socio-cultural and technical codes."
    )
    def competency_catalogue(self, info: Ctx) -> list[CompetencyDefinition]:
        info.context.reader()
        return [CompetencyDefinition.of(d) for d in competencies.CATALOGUE]

    @strawberry.field(description="Fields of study grouped into families; related fields match.")
    def fields_of_study(self, info: Ctx) -> list[FieldOfStudy]:
        info.context.reader()
        return [FieldOfStudy(field=f, family=family) for f, family in fields_of_study.FIELDS]
