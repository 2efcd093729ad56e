"""Candidate matching as read from the candidate index: scores with their parts, the rules
that exclude, the position ranked, and the positions open to one employee."""

from __future__ import annotations

from functools import partial

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.languages import language_of_context
from asn_graph.api.pagination import (
    Connection,
    check_page_size,
    connection,
    decode_cursor,
    ranking_key,
)
from asn_graph.api.types.common import Education, Placement, RequiredCompetency
from asn_graph.api.types.enums import PositionKind, Rank, Rule, ScorePart
from asn_graph.domain import competencies, matching
from asn_graph.domain.matching import MatchingWeights
from asn_graph.projections.candidate_rows import CandidateRow, Opening, OptionRow
from asn_graph.projections.interface import CandidateRanking


@strawberry.type(
    description="One part of a score: its weight (a policy value), the fraction of it earned "
    "(0-1), and the points it adds (weight x fraction)."
)
class ScoreContribution:
    part: ScorePart
    weight: float
    fraction: float
    points: float


@strawberry.type(
    description="A competency the position asks for: the level asked and the level the "
    "employee holds (0: not held)."
)
class CompetencyFit:
    code: str
    name: str
    required: int
    held: int

    @classmethod
    def of(cls, fit: matching.CompetencyFit) -> CompetencyFit:
        definition = competencies.definition_of(fit.code)
        return cls(
            code=fit.code,
            name=definition.name if definition else fit.code,
            required=fit.required_level,
            held=fit.held_level,
        )


@strawberry.type(description="Skor kecocokan: the sum of its parts, each shown.")
class MatchScore:
    total: float = strawberry.field(
        description="The sum of the parts, two decimals (100 at most with the default weights)."
    )
    parts: list[ScoreContribution]
    competencies: list[CompetencyFit] = strawberry.field(
        description="Per competency the position asks for."
    )

    @classmethod
    def of(cls, score: matching.Score, weights: MatchingWeights) -> MatchScore:
        parts = []
        for part, points in score.parts:
            weight = weights.weight(part)
            parts.append(
                ScoreContribution(
                    part=part,
                    weight=weight,
                    fraction=round(points / weight, 4) if weight else 0.0,
                    points=round(points, 2),
                )
            )
        return cls(
            total=score.total,
            parts=parts,
            competencies=[CompetencyFit.of(fit) for fit in score.competencies],
        )


@strawberry.type(description="A hard rule that keeps the employee out of the position, and why.")
class Exclusion:
    rule: Rule
    exclusion: strawberry.Private[matching.Exclusion]

    @strawberry.field(
        description="Why, in the request's language (Accept-Language: English unless "
        "Indonesian is asked for)."
    )
    def reason(self, info: Ctx) -> str:
        return self.exclusion.text(language_of_context(info.context))


def _exclusions(match: matching.Match) -> list[Exclusion]:
    return [Exclusion(rule=e.rule, exclusion=e) for e in match.exclusions]


@strawberry.type(description="Calon: an employee scored against a position.")
class Candidate:
    nip: str
    name: str
    rank: Rank
    placement: Placement = strawberry.field(description="Where the employee is now.")
    score: MatchScore
    eligible: bool = strawberry.field(description="No hard rule excludes the employee.")
    exclusions: list[Exclusion]

    @classmethod
    def of(cls, row: CandidateRow, weights: MatchingWeights) -> Candidate:
        match = row.match
        return cls(
            nip=match.nip,
            name=match.name,
            rank=Rank(row.rank),
            placement=Placement.of(match.origin),
            score=MatchScore.of(match.score, weights),
            eligible=match.eligible,
            exclusions=_exclusions(match),
        )


@strawberry.type(
    description="A position (jabatan) with what it asks of its holder and its staffing after "
    "the moves in flight."
)
class OpenPosition:
    placement: Placement
    title: str
    kind: PositionKind
    required_education: Education | None
    required_competencies: list[RequiredCompetency]
    needed: int | None = strawberry.field(description="Staff needed by the ABK; null if none.")
    present: int
    incoming: int = strawberry.field(description="Moves into this position in flight.")
    outgoing: int = strawberry.field(description="Moves out of this position in flight.")
    vacancies: int = strawberry.field(
        description="Needed - present + outgoing - incoming: room for more staff when positive."
    )

    @classmethod
    def of(cls, opening: Opening) -> OpenPosition:
        position = opening.position
        education = position.required_education
        return cls(
            placement=Placement.of(opening.placement),
            title=position.title,
            kind=position.kind,
            required_education=Education.of(education) if education else None,
            required_competencies=[
                RequiredCompetency.of(required) for required in position.required_competencies
            ],
            needed=opening.needed,
            present=opening.present,
            incoming=opening.incoming,
            outgoing=opening.outgoing,
            vacancies=opening.vacancies,
        )


@strawberry.type(
    description="The eligible candidates of a position, best first (equal scores by NIP), "
    "with the position and, apart, the employees a hard rule excludes. Nothing is recorded "
    "and nobody is held by it."
)
class RankedCandidates(Connection[Candidate]):
    position: OpenPosition
    ranking: strawberry.Private[CandidateRanking]
    weights: strawberry.Private[MatchingWeights]

    @strawberry.field(
        description="Employees of the same selection that a hard rule keeps out, each with "
        "the rules and reasons; best score first."
    )
    async def excluded(
        self, info: Ctx, first: int = 20, after: str | None = None
    ) -> Connection[Candidate]:
        size = check_page_size(first)
        cursor = decode_cursor("excluded", after)
        page = await info.context.run(self.ranking.excluded, size, cursor)
        return connection(
            page, "excluded", ranking_key, partial(Candidate.of, weights=self.weights)
        )


@strawberry.type(description="A position with room, scored for one employee.")
class PlacementOption:
    position: OpenPosition
    score: MatchScore
    eligible: bool = strawberry.field(description="No hard rule keeps the employee out.")
    exclusions: list[Exclusion]

    @classmethod
    def of(cls, row: OptionRow, weights: MatchingWeights) -> PlacementOption:
        return cls(
            position=OpenPosition.of(row.opening),
            score=MatchScore.of(row.match.score, weights),
            eligible=row.match.eligible,
            exclusions=_exclusions(row.match),
        )
