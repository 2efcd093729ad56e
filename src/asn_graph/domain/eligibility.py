"""The eligibility rules checked when a case is opened and again before it moves on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from asn_graph.domain.calendar import months_between
from asn_graph.domain.employee import Employee
from asn_graph.domain.moratorium import Moratorium
from asn_graph.domain.placement import Placement
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.positions import Position, Staffing
from asn_graph.domain.reference import EmploymentStatus
from asn_graph.domain.rules import Finding, Rule, Severity, hard, warning
from asn_graph.domain.transfer_types import Initiative, TransferType


@dataclass(frozen=True)
class ProposedMove:
    transfer_type: TransferType
    initiative: Initiative
    origin: Placement
    origin_position: Position | None
    destination: Placement
    destination_position: Position


def assess(
    employee: Employee,
    move: ProposedMove,
    staffing: Staffing,
    moratoria: Sequence[Moratorium],
    policy: TransferPolicy,
    today: date,
) -> tuple[Finding, ...]:
    """Every finding for this move today, hard blocks and warnings alike."""
    checks = (
        _status(employee, move),
        _ten_year_rule(employee, move, policy, today),
        *_tenure(employee, policy, today),
        *_blockers(employee),
        *_performance(employee, policy, today),
        _vacancy(staffing, policy),
        *_qualification(employee, move.destination_position),
        _moratorium(move, moratoria),
    )
    return tuple(finding for finding in checks if finding is not None)


def _status(employee: Employee, move: ProposedMove) -> Finding | None:
    if employee.status is EmploymentStatus.PPPK and move.transfer_type.crosses_agencies:
        return hard(Rule.EMPLOYMENT_STATUS, "a PPPK employee cannot move to another agency")
    return None


def _ten_year_rule(
    employee: Employee, move: ProposedMove, policy: TransferPolicy, today: date
) -> Finding | None:
    if move.initiative is not Initiative.OWN_REQUEST or not move.transfer_type.crosses_agencies:
        return None
    served = months_between(employee.appointed_on, today)
    if served < policy.years_before_leaving_agency * 12:
        return hard(
            Rule.TEN_YEAR_RULE,
            f"own-request moves to another agency need {policy.years_before_leaving_agency} "
            f"years since appointment; served {served // 12} years {served % 12} months",
        )
    return None


def _tenure(employee: Employee, policy: TransferPolicy, today: date) -> list[Finding]:
    since = employee.placed_since
    if since is None:
        return []
    months = months_between(since, today)
    if months < policy.minimum_months_in_post:
        return [
            Finding(
                Rule.TENURE_MINIMUM,
                policy.tenure_below_minimum,
                f"{months} months in post, the minimum is {policy.minimum_months_in_post}",
            )
        ]
    if months > policy.maximum_months_in_post:
        return [
            warning(
                Rule.TENURE_MAXIMUM,
                f"{months} months in post, beyond the maximum of "
                f"{policy.maximum_months_in_post}: rotation is overdue",
            )
        ]
    return []


def _blockers(employee: Employee) -> list[Finding]:
    return [
        hard(Rule.BLOCKER, f"{blocker.kind.value} since {blocker.since} ({blocker.reference})")
        for blocker in employee.blockers.values()
    ]


def _performance(employee: Employee, policy: TransferPolicy, today: date) -> list[Finding]:
    years = range(today.year - policy.rating_years, today.year)
    findings = []
    for year, rating in employee.ratings_for(years).items():
        if rating is None:
            findings.append(hard(Rule.PERFORMANCE, f"no performance rating for {year}"))
        elif not rating.at_least(policy.minimum_rating):
            findings.append(
                hard(
                    Rule.PERFORMANCE,
                    f"rating {rating.value} in {year} is below {policy.minimum_rating.value}",
                )
            )
    return findings


def _vacancy(staffing: Staffing, policy: TransferPolicy) -> Finding | None:
    if staffing.vacancies > 0:
        return None
    return Finding(
        Rule.DESTINATION_VACANCY,
        policy.destination_without_vacancy,
        f"destination position has no vacancy: needed {staffing.needed}, present "
        f"{staffing.present}, incoming {staffing.incoming}, outgoing {staffing.outgoing}",
    )


def _qualification(employee: Employee, position: Position) -> list[Finding]:
    findings = []
    if not employee.education.meets(position.required_education):
        required = position.required_education
        assert required is not None
        findings.append(
            warning(
                Rule.QUALIFICATION,
                f"position asks for {required.level.value} {required.field}; employee has "
                f"{employee.education.level.value} {employee.education.field}",
            )
        )
    held = employee.competency_levels
    short = [
        f"{required.code} {held.get(required.code, 0)}/{required.minimum_level}"
        for required in position.required_competencies
        if held.get(required.code, 0) < required.minimum_level
    ]
    if short:
        findings.append(
            warning(
                Rule.QUALIFICATION,
                f"competencies below the level asked (held/required): {', '.join(short)}",
            )
        )
    return findings


def _moratorium(move: ProposedMove, moratoria: Sequence[Moratorium]) -> Finding | None:
    positions = (move.origin_position, move.destination_position)
    if not moratoria or not any(p is not None and p.kind.is_official for p in positions):
        return None
    basis = "; ".join(m.basis for m in moratoria)
    return hard(Rule.MORATORIUM, f"officials may not be replaced during a moratorium: {basis}")


def blocking(findings: Sequence[Finding], overridden: set[Rule]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.HARD and f.rule not in overridden]
