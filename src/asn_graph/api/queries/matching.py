"""Queries of candidate matching: the candidates of a position and the positions open to one
employee. Both read the candidate index; neither records anything nor holds anyone."""

from __future__ import annotations

from functools import partial

import strawberry

from asn_graph.api.context import Context, Ctx
from asn_graph.api.inputs.common import RequiredCompetencyInput, education_family
from asn_graph.api.pagination import (
    Connection,
    check_page_size,
    connection,
    decode_cursor,
    ranking_key,
)
from asn_graph.api.permissions import STAFF, allowed
from asn_graph.api.scoping import check_own_nip, require_agencies, scope_of
from asn_graph.api.types.enums import PerformanceRating
from asn_graph.api.types.matching import (
    Candidate,
    OpenPosition,
    PlacementOption,
    RankedCandidates,
)
from asn_graph.domain.errors import Forbidden, NotFound
from asn_graph.domain.nip import Nip
from asn_graph.domain.placement import Placement
from asn_graph.projections.candidate_rows import CandidateFilter, CandidateRow, OptionRow
from asn_graph.projections.interface import CandidateRanking
from asn_graph.projections.rows import Page


def _code(text: str) -> str:
    return text.strip().upper()


@strawberry.input(description="A work unit of an agency, with the units below it.")
class UnitRefInput:
    agency_code: str
    unit_code: str


@strawberry.input(description="Whom to rank; all optional, combined with AND.")
class CandidateFilterInput:
    agency_codes: list[str] | None = strawberry.field(
        default=None,
        description="Employees of these agencies (moves between the agencies of a province); "
        "by default of the position's own agency.",
    )
    units: list[UnitRefInput] | None = strawberry.field(
        default=None, description="Employees of these units, each with the units below it."
    )
    competencies: list[RequiredCompetencyInput] | None = strawberry.field(
        default=None, description="Each competency held at least at the level given."
    )
    education_family: str | None = strawberry.field(
        default=None, description="Rumpun ilmu of the employee's field of study, e.g. komputer."
    )
    minimum_rating: PerformanceRating | None = strawberry.field(
        default=None, description="Every rating of the policy's rating years at least this."
    )
    surplus_only: bool = strawberry.field(
        default=False, description="Only employees of positions with staff beyond their need."
    )

    def to_filter(self) -> CandidateFilter:
        held = [wanted.to_domain() for wanted in self.competencies or ()]
        return CandidateFilter(
            agency_codes=tuple(_code(code) for code in self.agency_codes or ()),
            units=tuple((_code(u.agency_code), _code(u.unit_code)) for u in self.units or ()),
            competencies=tuple((wanted.code, wanted.minimum_level) for wanted in held),
            education_family=(
                education_family(self.education_family) if self.education_family else None
            ),
            minimum_rating=self.minimum_rating,
            surplus_only=self.surplus_only,
        )


def _may_rank_for(context: Context, agency_code: str) -> None:
    """Callers rank candidates for the positions of the agencies they read, and read the
    options of those agencies' employees."""
    if not scope_of(context).covers_agency(agency_code):
        raise Forbidden(
            "matching.does_not_read_agency",
            role=context.caller().role.value,
            agency_code=agency_code,
        )


@strawberry.type
class MatchingQueries:
    @strawberry.field(
        description="Calon for a position: the eligible employees ranked by a score whose parts "
        "are shown, the position's vacancies, and apart the employees a hard rule excludes. "
        "Nothing is recorded and nobody is held."
    )
    async def candidates(
        self,
        info: Ctx,
        agency_code: str,
        unit_code: str,
        position_code: str,
        filter: CandidateFilterInput | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> RankedCandidates:
        allowed(info.context, STAFF)
        destination = Placement(_code(agency_code), _code(unit_code), position_code.strip())
        _may_rank_for(info.context, destination.agency_code)
        where = (filter or CandidateFilterInput()).to_filter()
        require_agencies(
            info.context,
            [*where.agency_codes, *(agency for agency, _ in where.units)],
            "filter.agencyCodes",
        )
        size = check_page_size(first)
        cursor = decode_cursor("candidate", after)
        read = await info.context.read()

        def ranked() -> tuple[CandidateRanking, Page[CandidateRow]]:
            ranking = read.candidates.rank(destination, where)
            return ranking, ranking.ranked(size, cursor)

        ranking, page = await info.context.run(ranked)
        weights = info.context.app.policy.matching
        listed = connection(page, "candidate", ranking_key, partial(Candidate.of, weights=weights))
        return RankedCandidates(
            edges=listed.edges,
            page_info=listed.page_info,
            counter=listed.counter,
            position=OpenPosition.of(ranking.opening),
            ranking=ranking,
            weights=weights,
        )

    @strawberry.field(
        description="Positions with room for an employee who asks to move or sits in a surplus "
        "post: in their agency and the agencies given, those open to them first, each best "
        "first, with the score's parts and the rules that exclude."
    )
    async def placement_options(
        self,
        info: Ctx,
        nip: str,
        agency_codes: list[str] | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[PlacementOption]:
        parsed = Nip.parse(nip).value
        scope = check_own_nip(info.context, parsed)
        agencies = tuple(_code(code) for code in agency_codes or ())
        size = check_page_size(first)
        cursor = decode_cursor("option", after)
        read = await info.context.read()

        def options() -> Page[OptionRow]:
            origin = read.candidates.origin_of(parsed).agency_code
            if not (scope.covers_nip(parsed) or scope.covers_agency(origin)):
                raise NotFound("matching.employee_not_found", nip=nip)
            return read.candidates.placement_options(parsed, agencies, size, cursor)

        page = await info.context.run(options)
        weights = info.context.app.policy.matching
        return connection(page, "option", ranking_key, partial(PlacementOption.of, weights=weights))
