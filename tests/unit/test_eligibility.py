from dataclasses import replace
from datetime import date

from asn_graph.domain.competencies import RequiredCompetency
from asn_graph.domain.eligibility import ProposedMove, assess
from asn_graph.domain.employee import Employee
from asn_graph.domain.employee_records import Blocker
from asn_graph.domain.moratorium import Moratorium
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.positions import Position, Staffing
from asn_graph.domain.reference import (
    BlockerKind,
    Education,
    EducationLevel,
    EmploymentStatus,
    PerformanceRating,
    PositionKind,
)
from asn_graph.domain.rules import Rule, Severity
from asn_graph.domain.transfer_types import Initiative, TransferType
from tests.unit.builders import EXTERNAL, INTERNAL, OFFICER, ORIGIN, POLICY, TODAY, employee

ANALYST = Position(
    "ANALIS", "Analis SDM", PositionKind.AHLI_PERTAMA, 8, Education(EducationLevel.S1, ""), ()
)
ROOM = Staffing(needed=3, present=1, incoming=0, outgoing=0)


def move(
    transfer_type: TransferType = TransferType.WITHIN_AGENCY,
    initiative: Initiative = Initiative.AGENCY_INTEREST,
    destination_position: Position = ANALYST,
) -> ProposedMove:
    destination = INTERNAL if transfer_type is TransferType.WITHIN_AGENCY else EXTERNAL
    return ProposedMove(
        transfer_type, initiative, ORIGIN, ANALYST, destination, destination_position
    )


def rules(
    person: Employee,
    proposed: ProposedMove | None = None,
    staffing: Staffing = ROOM,
    moratoria: tuple[Moratorium, ...] = (),
    policy: TransferPolicy = POLICY,
) -> dict[Rule, Severity]:
    findings = assess(person, proposed or move(), staffing, moratoria, policy, TODAY)
    return {f.rule: f.severity for f in findings}


def test_an_eligible_move_has_no_findings() -> None:
    assert rules(employee()) == {}


def test_pppk_cannot_move_between_agencies() -> None:
    pppk = employee(status=EmploymentStatus.PPPK)
    assert rules(pppk) == {}
    assert rules(pppk, move(TransferType.BETWEEN_LOCAL_SAME_PROVINCE)) == {
        Rule.EMPLOYMENT_STATUS: Severity.HARD
    }


def test_the_ten_year_rule_binds_own_requests_to_other_agencies_only() -> None:
    junior = employee(nip="199003122018012003", appointed=date(2018, 1, 1))
    assert Rule.TEN_YEAR_RULE not in rules(junior, move(TransferType.ACROSS_PROVINCES))
    assert Rule.TEN_YEAR_RULE not in rules(junior, move(initiative=Initiative.OWN_REQUEST))
    assert (
        rules(junior, move(TransferType.ACROSS_PROVINCES, Initiative.OWN_REQUEST))[
            Rule.TEN_YEAR_RULE
        ]
        is Severity.HARD
    )


def test_time_in_post_below_the_minimum_follows_the_policy() -> None:
    newcomer = employee(placed_since=date(2025, 6, 1))
    assert rules(newcomer)[Rule.TENURE_MINIMUM] is Severity.HARD
    lenient = TransferPolicy(minimum_months_in_post=6, tenure_below_minimum=Severity.WARNING)
    assert Rule.TENURE_MINIMUM not in rules(newcomer, policy=lenient)
    warned = TransferPolicy(tenure_below_minimum=Severity.WARNING)
    assert rules(newcomer, policy=warned)[Rule.TENURE_MINIMUM] is Severity.WARNING


def test_time_in_post_beyond_the_maximum_warns() -> None:
    assert rules(employee(placed_since=date(2019, 1, 1)))[Rule.TENURE_MAXIMUM] is (Severity.WARNING)


def test_an_active_blocker_is_hard() -> None:
    person = employee()
    person.record_blocker(
        Blocker(BlockerKind.STUDY_LEAVE, "SK-TB/1", date(2026, 1, 1)), OFFICER, "Tugas belajar S2"
    )
    assert rules(person) == {Rule.BLOCKER: Severity.HARD}
    person.lift_blocker(BlockerKind.STUDY_LEAVE, OFFICER, "Selesai")
    assert rules(person) == {}


def test_performance_below_baik_or_missing_is_hard() -> None:
    weak = employee(ratings=(PerformanceRating.BAIK, PerformanceRating.BUTUH_PERBAIKAN))
    assert rules(weak) == {Rule.PERFORMANCE: Severity.HARD}
    strict = TransferPolicy(rating_years=3)
    assert rules(employee(), policy=strict) == {Rule.PERFORMANCE: Severity.HARD}


def test_a_destination_without_vacancy_counts_moves_in_flight() -> None:
    assert Rule.DESTINATION_VACANCY not in rules(employee(), staffing=ROOM)
    full = Staffing(needed=3, present=2, incoming=1, outgoing=0)
    assert rules(employee(), staffing=full)[Rule.DESTINATION_VACANCY] is Severity.HARD
    leaving = Staffing(needed=3, present=3, incoming=0, outgoing=1)
    assert Rule.DESTINATION_VACANCY not in rules(employee(), staffing=leaving)
    assert full.vacancies == 0
    assert leaving.vacancies == 1


def test_qualification_gaps_warn() -> None:
    doctor = Position(
        "DOKTER",
        "Dokter Ahli Pertama",
        PositionKind.AHLI_PERTAMA,
        9,
        Education(EducationLevel.S1, "Kedokteran"),
        (RequiredCompetency("TEK-KLINIS", 3),),
    )
    found = assess(employee(), move(destination_position=doctor), ROOM, (), POLICY, TODAY)
    assert [(f.rule, f.severity) for f in found] == [
        (Rule.QUALIFICATION, Severity.WARNING),
        (Rule.QUALIFICATION, Severity.WARNING),
    ]


def test_a_moratorium_stops_moves_of_officials_only() -> None:
    election = (Moratorium(date(2026, 6, 1), date(2027, 6, 1), "SE Mendagri 100/2026"),)
    assert Rule.MORATORIUM not in rules(employee(), moratoria=election)
    head = replace(ANALYST, kind=PositionKind.ADMINISTRATOR)
    assert (
        rules(employee(), move(destination_position=head), moratoria=election)[Rule.MORATORIUM]
        is Severity.HARD
    )
