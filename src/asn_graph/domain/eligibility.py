"""The eligibility rules checked when a case is opened and again before it moves on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from asn_graph.domain.calendar import months_between
from asn_graph.domain.employee import Employee
from asn_graph.domain.employee_records import Blocker
from asn_graph.domain.moratorium import Moratorium
from asn_graph.domain.placement import Placement
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.positions import Position, Staffing
from asn_graph.domain.reference import EmploymentStatus, PerformanceRating
from asn_graph.domain.rules import Finding, Rule, Severity, finding, hard, warning
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
    crosses = move.transfer_type.crosses_agencies
    posts = (move.origin_position, move.destination_position)
    officials = any(post is not None and post.kind.is_official for post in posts)
    checks = (
        status_finding(employee.status, crosses),
        ten_year_finding(employee.appointed_on, move.initiative, crosses, policy, today),
        *tenure_findings(employee.placed_since, policy, today),
        *blocker_findings(tuple(employee.blockers.values())),
        *performance_findings(employee.ratings, policy, today),
        _vacancy(staffing, policy),
        *_qualification(employee, move.destination_position),
        moratorium_finding(officials, moratoria),
    )
    return tuple(finding for finding in checks if finding is not None)


# The rules about the employee take plain values, so that candidate matching
# (asn_graph.planning), which scores employees it holds as columns, words its exclusions
# exactly as a case's findings.


def status_finding(status: EmploymentStatus, crosses_agencies: bool) -> Finding | None:
    if status is EmploymentStatus.PPPK and crosses_agencies:
        return hard(Rule.EMPLOYMENT_STATUS, "eligibility.pppk_cannot_move")
    return None


def ten_year_finding(
    appointed_on: date,
    initiative: Initiative,
    crosses_agencies: bool,
    policy: TransferPolicy,
    today: date,
) -> Finding | None:
    if initiative is not Initiative.OWN_REQUEST or not crosses_agencies:
        return None
    served = months_between(appointed_on, today)
    if served < policy.years_before_leaving_agency * 12:
        return hard(
            Rule.TEN_YEAR_RULE,
            "eligibility.ten_year_rule",
            years=policy.years_before_leaving_agency,
            served_years=served // 12,
            served_months=served % 12,
        )
    return None


def tenure_findings(since: date | None, policy: TransferPolicy, today: date) -> list[Finding]:
    if since is None:
        return []
    months = months_between(since, today)
    if months < policy.minimum_months_in_post:
        return [
            finding(
                Rule.TENURE_MINIMUM,
                policy.tenure_below_minimum,
                "eligibility.tenure_below_minimum",
                months=months,
                minimum=policy.minimum_months_in_post,
            )
        ]
    if months > policy.maximum_months_in_post:
        return [
            warning(
                Rule.TENURE_MAXIMUM,
                "eligibility.tenure_beyond_maximum",
                months=months,
                maximum=policy.maximum_months_in_post,
            )
        ]
    return []


def blocker_findings(blockers: Sequence[Blocker]) -> list[Finding]:
    return [
        hard(
            Rule.BLOCKER,
            "eligibility.blocker",
            kind=blocker.kind.value,
            since=blocker.since.isoformat(),
            reference=blocker.reference,
        )
        for blocker in blockers
    ]


def rule_years(policy: TransferPolicy, today: date) -> range:
    """The years whose ratings the performance rule reads: the last ``rating_years`` before
    this one."""
    return range(today.year - policy.rating_years, today.year)


def performance_findings(
    ratings: Mapping[int, PerformanceRating], policy: TransferPolicy, today: date
) -> list[Finding]:
    findings = []
    for year in rule_years(policy, today):
        rating = ratings.get(year)
        if rating is None:
            findings.append(hard(Rule.PERFORMANCE, "eligibility.no_rating", year=year))
        elif not rating.at_least(policy.minimum_rating):
            findings.append(
                hard(
                    Rule.PERFORMANCE,
                    "eligibility.rating_below_minimum",
                    rating=rating.value,
                    year=year,
                    minimum=policy.minimum_rating.value,
                )
            )
    return findings


def _vacancy(staffing: Staffing, policy: TransferPolicy) -> Finding | None:
    if staffing.vacancies > 0:
        return None
    return finding(
        Rule.DESTINATION_VACANCY,
        policy.destination_without_vacancy,
        "eligibility.no_vacancy",
        needed=staffing.needed,
        present=staffing.present,
        incoming=staffing.incoming,
        outgoing=staffing.outgoing,
    )


def _qualification(employee: Employee, position: Position) -> list[Finding]:
    findings = []
    if not employee.education.meets(position.required_education):
        required = position.required_education
        assert required is not None
        findings.append(
            warning(
                Rule.QUALIFICATION,
                "eligibility.education_short",
                required_level=required.level.value,
                required_field=required.field,
                held_level=employee.education.level.value,
                held_field=employee.education.field,
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
                "eligibility.competencies_short",
                competencies=", ".join(short),
            )
        )
    return findings


def moratorium_finding(officials: bool, moratoria: Sequence[Moratorium]) -> Finding | None:
    """``officials``: whether the post left or the post taken is an official's."""
    if not moratoria or not officials:
        return None
    basis = "; ".join(m.basis for m in moratoria)
    return hard(Rule.MORATORIUM, "eligibility.moratorium", basis=basis)


def blocking(findings: Sequence[Finding], overridden: set[Rule]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.HARD and f.rule not in overridden]
