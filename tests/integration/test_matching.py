"""The Matching port of transfer plans (``service.matching``) on the candidate index, on SQLite
and PostgreSQL: vacancies, surpluses and the best matches of a scope, one match explained,
and exclusions that are a case's hard findings."""

from __future__ import annotations

import threading
from datetime import date
from uuid import uuid4

import pytest

from asn_graph.application import commands as c
from asn_graph.application.case_assessment import CaseAssessment
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import SYSTEM_ACTOR
from asn_graph.domain.errors import NotFound
from asn_graph.domain.matching import ScorePart
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import PlanScope
from asn_graph.domain.reference import BlockerKind
from asn_graph.domain.rules import Rule, Severity
from asn_graph.domain.transfer_types import Initiative, classify
from asn_graph.planning.scoring import raw_total
from asn_graph.projections import candidate_index, tracking
from asn_graph.projections.candidate_index import CandidateIndex
from asn_graph.projections.candidate_rows import CandidateFilter
from asn_graph.projections.source import Envelope
from asn_graph.projections.talent_pool import CONSULTATION_ANSWERED, TalentPoolProjection
from tests.conftest import event_count
from tests.matching_world import ANALYSTS, DIGITAL, SECTION, Cast, build_cast
from tests.world import person, register


@pytest.fixture
def cast(organised: Service) -> Cast:
    return build_cast(organised.app)


def test_a_plan_starts_from_the_vacancies_surpluses_and_best_matches_of_its_scope(
    organised: Service, cast: Cast
) -> None:
    before = event_count(organised)
    found = organised.matching.planning_input(
        PlanScope(("3578",)), per_destination=2, excluded=frozenset()
    )

    assert found.vacancies[DIGITAL] == 2
    assert found.vacancies[SECTION] == 1
    # five analysts where three are needed, one of them on the way out
    assert found.surpluses == {ANALYSTS: 1}
    # two vacancies: the two a plan could move there, and per_destination - 1 more to choose
    to_digital = [m for m in found.candidacies if m.destination == DIGITAL]
    assert [m.nip for m in to_digital][:2] == [cast.it_expert.nip, cast.lawyer.nip]
    assert len(to_digital) == 3
    assert {m.origin for m in found.candidacies} == {ANALYSTS}
    assert len([m for m in found.candidacies if m.destination == SECTION]) == 2
    explained = found.explain(found.candidacies)
    for candidacy, match in zip(found.candidacies, explained, strict=True):
        assert match.eligible
        assert (match.nip, match.destination, match.score.total) == (
            candidacy.nip,
            candidacy.destination,
            candidacy.total,
        )
        assert organised.matching.match(match.nip, match.destination) == match
    units = {(u.unit_code, u.needed, u.present) for u in found.units}
    assert ("BKPSDM", 3 + 1, 5) in units  # analysts and the clerk's post
    assert ("DISKOMINFO", 3 + 1 + 2 + 1, 2) in units
    assert event_count(organised) == before


def test_a_plan_leaves_out_the_employees_it_is_told_to_and_keeps_to_its_positions(
    organised: Service, cast: Cast
) -> None:
    found = organised.matching.planning_input(
        PlanScope(("3578",), unit_codes=("DISKOMINFO", "BKPSDM"), position_codes=("PRAKOM",)),
        per_destination=5,
        excluded=frozenset({cast.it_expert.nip}),
    )
    assert set(found.vacancies) == {DIGITAL}
    assert [m.nip for m in found.candidacies] == [cast.lawyer.nip, cast.manager.nip]
    only_digital = organised.matching.planning_input(
        PlanScope(("3578",), unit_codes=("DISKOMINFO",)), per_destination=5, excluded=frozenset()
    )
    assert only_digital.surpluses == {}
    assert only_digital.candidacies == ()
    assert [u.unit_code for u in only_digital.units] == ["DISKOMINFO"]
    with pytest.raises(NotFound):
        organised.matching.planning_input(
            PlanScope(("9999",)), per_destination=5, excluded=frozenset()
        )


def test_one_match_is_explained_part_by_part(organised: Service, cast: Cast) -> None:
    match = organised.matching.match(cast.it_expert.nip, DIGITAL)
    parts = dict(match.score.parts)
    assert parts[ScorePart.COMPETENCY] == 35  # TEK-APL 4 of 3, TEK-DATA 3 of 2
    assert parts[ScorePart.EDUCATION] == 15  # S1 Sistem Informasi, family komputer
    assert parts[ScorePart.SURPLUS_ORIGIN] == 5
    assert match.score.total == round(raw_total(match), 2)
    assert [(f.code, f.required_level, f.held_level) for f in match.score.competencies] == [
        ("TEK-APL", 3, 4),
        ("TEK-DATA", 2, 3),
    ]
    assert match.destination_kind is not None
    with pytest.raises(NotFound):
        organised.matching.match("199901012020011009", DIGITAL)
    with pytest.raises(NotFound):
        organised.matching.match(cast.it_expert.nip, Placement("3578", "DISKOMINFO", "NOPE"))


def test_the_index_follows_the_log(organised: Service, cast: Cast) -> None:
    app = organised.app
    assert organised.matching.match(cast.blocked.nip, DIGITAL).exclusions
    app.employees.lift_blocker(
        SYSTEM_ACTOR,
        c.LiftBlocker(cast.blocked.nip, BlockerKind.DISCIPLINARY_PROCEEDINGS, "Selesai"),
    )
    assert organised.matching.match(cast.blocked.nip, DIGITAL).eligible
    newcomer = person("3578", "BKPSDM", 41)
    register(app, newcomer)
    assert organised.matching.match(newcomer.nip, DIGITAL).eligible


COMMON_RULES = {
    Rule.EMPLOYMENT_STATUS,
    Rule.TEN_YEAR_RULE,
    Rule.TENURE_MINIMUM,
    Rule.BLOCKER,
    Rule.PERFORMANCE,
    Rule.MORATORIUM,
}


def test_exclusions_are_the_hard_findings_a_case_would_get(organised: Service, cast: Cast) -> None:
    app, store = organised.app, organised.store
    app.agencies.declare_moratorium(
        SYSTEM_ACTOR,
        c.DeclareMoratorium(
            "3515", date(2026, 6, 1), date(2027, 6, 1), "Pilkada Kabupaten Sidoarjo 2026"
        ),
    )
    assessment = CaseAssessment(store, organised.fresh_reads)
    destinations = (
        DIGITAL,
        SECTION,
        Placement("3515", "DISKOMINFO", "ANALIS-SDM"),
        Placement("3578", "DISKOMINFO", "PENGADMINISTRASI"),
    )
    everyone = (*cast.eligible, *cast.excluded, cast.contract_elsewhere)
    compared = 0
    for who in everyone:
        employee = store.employee(who.nip)
        origin = employee.placement
        assert origin is not None
        for destination in destinations:
            if destination == origin:
                continue
            transfer_type = classify(
                store.agency(origin.agency_code).profile,
                store.agency(destination.agency_code).profile,
            )
            findings = assessment.of_move(
                employee, transfer_type, Initiative.AGENCY_INTEREST, origin, destination, None
            )
            expected = [
                (f.rule, f.message)
                for f in findings
                if f.severity is Severity.HARD and f.rule in COMMON_RULES
            ]
            match = organised.matching.match(who.nip, destination)
            found = [(e.rule, e.reason) for e in match.exclusions if e.rule in COMMON_RULES]
            assert found == expected, (who.nip, destination)
            compared += bool(expected)
    assert compared >= 8
    in_case = organised.matching.match(cast.in_case.nip, DIGITAL)
    assert [e.rule for e in in_case.exclusions] == [Rule.ONE_ACTIVE_CASE]
    same = organised.matching.match(cast.manager.nip, ANALYSTS)
    assert [e.rule for e in same.exclusions] == [Rule.SAME_PLACEMENT]


def test_the_index_reads_the_pool_a_chunk_at_a_time(
    organised: Service, cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = organised.read.candidates.rank(DIGITAL, CandidateFilter()).ranked(50, None)
    monkeypatch.setattr(candidate_index, "CHUNK", 2)
    index = CandidateIndex(organised.views, organised.store.policy, organised.store.clock.today)
    chunked = index.rank(DIGITAL, CandidateFilter()).ranked(50, None)
    assert [row.match for row in chunked.rows] == [row.match for row in whole.rows]
    assert index.footprint() > 0


def test_rankings_and_writes_side_by_side(organised: Service, cast: Cast) -> None:
    failures: list[BaseException] = []

    def rank() -> None:
        try:
            for _ in range(20):
                organised.fresh_reads.up_to_date()
                ranking = organised.read.candidates.rank(DIGITAL, CandidateFilter())
                ranking.ranked(10, None)
                ranking.excluded(10, None)
        except BaseException as error:  # a reader thread's failure fails the test
            failures.append(error)

    readers = [threading.Thread(target=rank) for _ in range(3)]
    for reader in readers:
        reader.start()
    for sequence in range(60, 70):
        register(organised.app, person("3578", "BKPSDM", sequence))
    for reader in readers:
        reader.join()
    assert failures == []
    organised.fresh_reads.up_to_date()
    found = organised.read.candidates.rank(DIGITAL, CandidateFilter()).ranked(50, None)
    assert len(found.rows) == 3 + 10


def test_what_an_employee_asked_for_in_a_consultation_counts(
    organised: Service, cast: Cast
) -> None:
    # A plan's consultation answer as the talent pool reads it (by topic, in plain form);
    # the last event of this test, given the position after the log's head.
    head = organised.log.head()
    answer = {
        "nip": cast.manager.nip,
        "answer": {
            "agrees": False,
            "preferences": {
                "units": [{"agency_code": "3578", "unit_code": "DISKOMINFO"}],
                "position_kinds": ["PENGAWAS"],
            },
            "reason": "CAREER",
            "note": "",
            "answered_on": "2026-11-20",
        },
    }
    envelope = Envelope(head + 1, uuid4(), 3, CONSULTATION_ANSWERED, b"", None, "plan", answer)
    model = TalentPoolProjection()
    with organised.views.transaction(write=True) as session:
        model.begin(session, [envelope])
        model.apply(session, envelope)
        model.finish(session)
        tracking.advance(session, model.name, head + 1)

    asked = organised.read.candidates.rank(DIGITAL, CandidateFilter()).ranked(10, None)
    manager = next(row.match for row in asked.rows if row.match.nip == cast.manager.nip)
    assert dict(manager.score.parts)[ScorePart.ASKED_FOR] == 5
    found = organised.read.candidates.planning_data(PlanScope(("3578",)), 3, frozenset())
    matches = found.explain(found.candidacies)
    for candidacy, match in zip(found.candidacies, matches, strict=True):
        assert organised.read.candidates.match(match.nip, match.destination) == match
        assert match.score.total == candidacy.total
    to_digital = {m.nip: m for m in matches if m.destination == DIGITAL}
    assert to_digital[cast.manager.nip] == manager
    to_section = {m.nip: m for m in matches if m.destination == SECTION}
    assert dict(to_section[cast.manager.nip].score.parts)[ScorePart.ASKED_FOR] == 5


def test_placement_options_are_the_matches_of_each_position_with_room(
    organised: Service, cast: Cast
) -> None:
    organised.app.agencies.declare_moratorium(
        SYSTEM_ACTOR,
        c.DeclareMoratorium("3578", date(2026, 6, 1), date(2027, 6, 1), "Pilkada Surabaya"),
    )
    organised.fresh_reads.up_to_date()
    index = organised.read.candidates
    for who in (cast.it_expert, cast.contract_elsewhere, cast.blocked):
        page = index.placement_options(who.nip, ("3578", "3515"), 50, None)
        assert page.rows
        assert all(row.opening.vacancies > 0 for row in page.rows)
        for row in page.rows:
            assert row.match == organised.matching.match(who.nip, row.opening.placement)
        order = [(not row.match.eligible, -raw_total(row.match)) for row in page.rows]
        assert order == sorted(order)
    contract = index.placement_options(cast.contract_elsewhere.nip, ("3578",), 50, None)
    rules = {
        row.opening.placement.agency_code: {e.rule for e in row.match.exclusions}
        for row in contract.rows
    }
    assert Rule.EMPLOYMENT_STATUS in rules["3578"]
    head = next(row for row in contract.rows if row.opening.placement == SECTION)
    assert Rule.MORATORIUM in {e.rule for e in head.match.exclusions}
