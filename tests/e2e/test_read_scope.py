"""The role walk: every root query of the schema, asked by every role over HTTP in a world of
two agencies with a case between them (and a third agency apart), answers only what the
caller's scope holds, or refuses with a typed code. A root field or a field that reads
beyond its object without a declared rule fails here."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from graphql import GraphQLObjectType
from strawberry.types.field import StrawberryField

from asn_graph.api.read_rules import NESTED_RULES, ROOT_RULES
from asn_graph.api.schema import build_schema
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from asn_graph.domain.read_scope import SCOPE_OF_ROLE, ReadScope
from tests.conftest import Api
from tests.e2e.read_scope_world import (
    CALLERS,
    OTHER,
    OURS,
    PARTNER,
    PROVINCE,
    ScopeWorld,
    build_scope_world,
)
from tests.e2e.scenario import open_case, placement
from tests.world import person, register

REFUSALS = {"FORBIDDEN", "NOT_FOUND"}


def _probes(w: ScopeWorld) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Per root field: questions in scope of the agency callers, and out of it."""
    case_fields = "id nip origin { agencyCode } destination { agencyCode } employee { nip }"
    employee_fields = "nip placement { agencyCode } transferCases { id nip }"
    unit = "agencyCode code staff { nip }"
    return {
        "me": [("{ me { id role agency nip readScope { national agencies nip provinces } } }", {})],
        "signingOffice": [
            (
                '{ signingOffice(authority: PPK, jurisdiction: "3578") '
                "{ jurisdiction terms { holderName } } }",
                {},
            )
        ],
        "agencies": [("{ agencies { code } }", {})],
        "agency": [('{ agency(code: "3372") { code } }', {})],
        "competencyCatalogue": [("{ competencyCatalogue { code } }", {})],
        "fieldsOfStudy": [("{ fieldsOfStudy { field } }", {})],
        "myTransferPlanConsultations": [("{ myTransferPlanConsultations { transferPlanId } }", {})],
        "myNotifications": [
            ("{ myNotifications { totalCount edges { node { id transferCaseId } } } }", {})
        ],
        "myUnreadNotificationCount": [("{ myUnreadNotificationCount }", {})],
        "publishedMonthlySummaries": [
            (f'{{ publishedMonthlySummaries(agencyCode: "{OURS}") {{ month version }} }}', {})
        ],
        "publishedMonthlySummary": [
            (
                f'{{ publishedMonthlySummary(agencyCode: "{OURS}", month: "{w.published_month}") '
                "{ month figures { casesOpened } } }",
                {},
            )
        ],
        "monthlySummaryPreview": [
            (
                f'{{ monthlySummaryPreview(agencyCode: "{OURS}") '
                "{ month figures { staffNeeded casesOpened } } }",
                {},
            )
        ],
        "workUnits": [
            (f'{{ workUnits(agencyCode: "{a}") {{ code }} }}', {}) for a in (OURS, OTHER)
        ],
        "workUnit": [
            (f'{{ workUnit(agencyCode: "{a}", code: "BKPSDM") {{ {unit} }} }}', {})
            for a in (OURS, OTHER)
        ],
        "workUnitAsOf": [
            (
                f'{{ workUnitAsOf(agencyCode: "{a}", code: "BKPSDM", version: 1) '
                f"{{ workUnit {{ {unit} }} }} }}",
                {},
            )
            for a in (OURS, OTHER)
        ],
        "employees": [
            ("{ employees { edges { node { nip } } } }", {}),
            ('{ employees(filter: {agencyCode: "3372"}) { edges { node { nip } } } }', {}),
        ],
        "transferCases": [
            ("{ transferCases { edges { node { id nip } } } }", {}),
            ('{ transferCases(filter: {agencyCode: "3372"}) { edges { node { id nip } } } }', {}),
        ],
        "transferCaseCounts": [
            ("{ transferCaseCounts { cases byState { state cases } stages { stints } } }", {}),
            ('{ transferCaseCounts(filter: {agencyCode: "3372"}) { cases overdue } }', {}),
        ],
        "placements": [
            (
                f'{{ placements(filter: {{agencyCode: "{a}"}}) {{ edges {{ node {{ nip }} }} }} }}',
                {},
            )
            for a in (OURS, OTHER)
        ],
        "unitMovements": [
            (
                f'{{ unitMovements(agencyCode: "{a}", unitCode: "BKPSDM") '
                "{ edges { node { nip } } } }",
                {},
            )
            for a in (OURS, OTHER)
        ],
        "staffingBalance": [
            (
                f'{{ staffingBalance(agencyCode: "{a}", unitCode: "BKPSDM") '
                "{ total { gap } } }",
                {},
            )
            for a in (OURS, OTHER)
        ],
        "unitBalances": [
            (f'{{ unitBalances(agencyCode: "{a}") {{ unitCode gap }} }}', {}) for a in (OURS, OTHER)
        ],
        "staffingGaps": [
            (f'{{ staffingGaps(agencyCode: "{a}") {{ positionCode }} }}', {}) for a in (OURS, OTHER)
        ],
        "worklist": [
            ("{ worklist { edges { node { caseId nip } } } }", {}),
            ('{ worklist(filter: {agencyCode: "3372"}) { edges { node { caseId nip } } } }', {}),
        ],
        "evaluationsDue": [
            ("{ evaluationsDue { edges { node { caseId nip } } } }", {}),
            ('{ evaluationsDue(filter: {agencyCode: "3372"}) { edges { node { nip } } } }', {}),
        ],
        "transferOutcomes": [
            ("{ transferOutcomes { edges { node { caseId nip } } } }", {}),
            ('{ transferOutcomes(filter: {agencyCode: "3372"}) { edges { node { nip } } } }', {}),
        ],
        "transferOutcomeSummary": [
            ("{ transferOutcomeSummary { moves } }", {}),
            ('{ transferOutcomeSummary(filter: {agencyCode: "3372"}) { moves } }', {}),
        ],
        "transferOutcomePeriods": [
            ("{ transferOutcomePeriods { period } }", {}),
            ('{ transferOutcomePeriods(filter: {agencyCode: "3372"}) { period } }', {}),
        ],
        "transferPlans": [
            ("{ transferPlans { edges { node { id } } } }", {}),
            ('{ transferPlans(agencyCode: "3372") { edges { node { id } } } }', {}),
        ],
        "candidates": [
            (
                f'{{ candidates(agencyCode: "{a}", unitCode: "BKPSDM", positionCode: '
                '"ANALIS-SDM") { edges { node { nip } } '
                "excluded { edges { node { nip } } } } }",
                {},
            )
            for a in (OURS, OTHER)
        ],
        "employee": [
            (f'{{ employee(nip: "{nip}") {{ {employee_fields} }} }}', {})
            for nip in (w.ours[0], w.crossing, w.partner_only, w.other)
        ],
        "employeeAsOf": [
            (f'{{ employeeAsOf(nip: "{nip}", version: 1) {{ employee {{ nip }} }} }}', {})
            for nip in (w.ours[0], w.crossing, w.other)
        ],
        "placementHistory": [
            (f'{{ placementHistory(nip: "{nip}") {{ nip }} }}', {})
            for nip in (w.ours[0], w.crossing, w.other)
        ],
        "placementOptions": [
            (f'{{ placementOptions(nip: "{nip}") {{ totalCount }} }}', {})
            for nip in (w.ours[0], w.other)
        ],
        "transferCase": [
            (f'{{ transferCase(id: "{case}") {{ {case_fields} }} }}', {})
            for case in (w.crossing_case, w.other_case)
        ],
        "transferCaseAsOf": [
            (
                f'{{ transferCaseAsOf(id: "{case}", version: 1) {{ transferCase {{ id nip }} }} }}',
                {},
            )
            for case in (w.crossing_case, w.other_case)
        ],
        "transferPlan": [
            (f'{{ transferPlan(id: "{plan}") {{ id }} }}', {})
            for plan in (w.our_plan, w.other_plan)
        ],
        "transferPlanAsOf": [
            (f'{{ transferPlanAsOf(id: "{plan}", version: 1) {{ transferPlan {{ id }} }} }}', {})
            for plan in (w.our_plan, w.other_plan)
        ],
        "transferPlanDifference": [
            (
                f'{{ transferPlanDifference(id: "{plan}", fromVersion: 1, toVersion: 1) '
                "{ fromVersion } }",
                {},
            )
            for plan in (w.our_plan, w.other_plan)
        ],
        "auditTrail": [
            ("{ auditTrail(first: 100) { edges { node { subjectId details } } } }", {}),
            (
                '{ auditTrail(filter: {actorAgency: "3372"}) { edges { node { subjectId } } } }',
                {},
            ),
            (
                f'{{ auditTrail(filter: {{subjectId: "{w.other_case}"}}) '
                "{ edges { node { subjectId } } } }",
                {},
            ),
            (
                f'{{ auditTrail(filter: {{subjectId: "{w.crossing_case}"}}) '
                "{ edges { node { subjectId details } } } }",
                {},
            ),
        ],
        "auditHead": [("{ auditHead { logPosition } }", {})],
        "auditChainVerification": [
            ("{ auditChainVerification { intact brokenLink { subjectId } } }", {})
        ],
    }


def _strings(value: Any) -> Iterator[tuple[str | None, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str):
                yield key, item
            else:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _leaks(data: Any, world: ScopeWorld, reach: str) -> list[str]:
    """NIPs and ids out of the caller's reach found anywhere in an answer."""
    every_nip = world.visible_nips("national")
    visible, hidden = world.visible_nips(reach), world.hidden_ids(reach)
    found = []
    for _, text in _strings(data):
        found += [nip for nip in every_nip - visible if nip in text]
        found += [ident for ident in hidden if ident in text]
    return found


def reaching_fields() -> set[str]:
    """Object fields that read beyond their object: their resolver takes the request."""
    schema = build_schema(False)._schema
    roots = {schema.query_type, schema.mutation_type, schema.subscription_type}
    found = set()
    for name, kind in schema.type_map.items():
        if name.startswith("__") or kind in roots or not isinstance(kind, GraphQLObjectType):
            continue
        for field_name, field in kind.fields.items():
            definition = field.extensions.get("strawberry-definition")
            resolver = definition.base_resolver if isinstance(definition, StrawberryField) else None
            if resolver is not None and (resolver.info_parameter or resolver.is_async):
                found.add(f"{name}.{field_name}")
    return found


def test_every_root_field_and_every_reaching_field_has_a_read_rule() -> None:
    schema = build_schema(False)._schema
    assert schema.query_type is not None
    assert schema.subscription_type is not None
    roots = set(schema.query_type.fields) | set(schema.subscription_type.fields)
    assert roots - set(ROOT_RULES) == set(), "root fields without a read rule"
    assert set(ROOT_RULES) - roots == set(), "read rules of fields the schema does not have"
    assert reaching_fields() - set(NESTED_RULES) == set(), "fields without a read rule"


def test_every_role_but_the_system_has_a_scope_and_a_caller_in_the_walk() -> None:
    callers = {role for role, _, _ in CALLERS.values()}
    assert callers == set(Role) - {Role.SYSTEM}
    assert set(Role) - set(SCOPE_OF_ROLE) == set()


async def test_the_role_walk_answers_every_root_query_within_the_callers_scope(
    api: Api, organised: Service
) -> None:
    world = await build_scope_world(api, organised)
    probes = _probes(world)
    schema = build_schema(False)._schema
    assert schema.query_type is not None
    assert set(probes) == set(schema.query_type.fields), "a root query the walk does not ask"
    covered = 0
    for field, questions in probes.items():
        answered = False
        for caller, (_, _, reach) in CALLERS.items():
            token = world.token(api.tokens, caller)
            for query, variables in questions:
                answer = await api.call(query, variables, token=token)
                errors = answer.get("errors") or []
                codes = {error["extensions"]["code"] for error in errors}
                # Callers who read no single agency of their own name the agency of a list.
                allowed = REFUSALS | ({"BAD_INPUT"} if reach in ("own", "province") else set())
                assert codes <= allowed, (field, caller, query, errors)
                assert _leaks(answer.get("data"), world, reach) == [], (field, caller, query)
                answered = answered or not errors
            covered += 1
        assert answered, f"{field}: no caller got an answer; the walk's question is wrong"
    assert covered == len(probes) * len(CALLERS)
    print(f"role walk: {len(probes)} root queries x {len(CALLERS)} callers = {covered}")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("{ employees { edges { node { nip } } } }", "ours"),
        ("{ transferCases { edges { node { id } } } }", "cases"),
    ],
)
async def test_an_officer_reads_their_agency_and_the_case_from_the_partner(
    api: Api, organised: Service, query: str, expected: str
) -> None:
    world = await build_scope_world(api, organised)
    officer = api.token(Role.OFFICER, OURS)
    data = await api.ok(query, token=officer)
    rows = next(iter(data.values()))["edges"]
    if expected == "ours":
        assert {row["node"]["nip"] for row in rows} == set(world.ours)
    else:
        assert [row["node"]["id"] for row in rows] == [world.crossing_case]
    crossing = await api.ok(
        f'{{ employee(nip: "{world.crossing}") {{ nip transferCases {{ id }} }} }}', token=officer
    )
    assert crossing["employee"]["transferCases"] == [{"id": world.crossing_case}]
    hidden = await api.error(
        f'{{ employee(nip: "{world.partner_only}") {{ nip }} }}', token=officer
    )
    assert hidden["extensions"]["code"] == "NOT_FOUND"
    elsewhere = await api.error(
        '{ employees(filter: {agencyCode: "3372"}) { totalCount } }', token=officer
    )
    assert elsewhere["extensions"]["code"] == "FORBIDDEN"


async def test_me_shows_the_callers_read_scope(api: Api, organised: Service) -> None:
    world = await build_scope_world(api, organised)
    nobody: dict[str, Any] = {"national": False, "agencies": [], "nip": None, "provinces": []}
    expected = {
        "agency": nobody | {"agencies": [OURS]},
        "own": nobody | {"nip": world.ours[0]},
        "national": nobody | {"national": True},
        "province": nobody | {"provinces": [PROVINCE]},
    }
    for caller, (_, _, reach) in CALLERS.items():
        data = await api.ok(
            "{ me { readScope { national agencies nip provinces } } }",
            token=world.token(api.tokens, caller),
        )
        assert data["me"]["readScope"] == expected[reach], caller


LISTS = {
    "employees": ("{ employees(first: 100 ARGS) { edges { node { nip } } } }", "nip"),
    "transferCases": ("{ transferCases(first: 100 ARGS) { edges { node { id } } } }", "id"),
    "worklist": ("{ worklist(first: 100 ARGS) { edges { node { caseId } } } }", "caseId"),
    "transferPlans": ("{ transferPlans(first: 100 ARGS) { edges { node { id } } } }", "id"),
    "evaluationsDue": (
        "{ evaluationsDue(first: 100 ARGS) { edges { node { caseId } } } }",
        "caseId",
    ),
    "transferOutcomes": (
        "{ transferOutcomes(first: 100 ARGS) { edges { node { caseId } } } }",
        "caseId",
    ),
    "auditTrail": ("{ auditTrail(first: 100 ARGS) { edges { node { subjectId } } } }", "subjectId"),
}


async def _list(api: Api, token: str, field: str, arguments: str) -> set[str]:
    query, key = LISTS[field]
    data = await api.ok(query.replace("ARGS", arguments), token=token)
    return {edge["node"][key] for edge in data[field]["edges"]}


async def test_a_scope_of_several_agencies_reads_every_list_across_all_of_them(
    api: Api, organised: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scope covering several agencies (future regulator roles): a list asked of no agency
    answers the rows of each of them, and only theirs; one of them may be named alone."""
    world = await build_scope_world(api, organised)
    both = ReadScope(agencies=frozenset({OURS, OTHER}))
    monkeypatch.setitem(SCOPE_OF_ROLE, Role.AUDITOR, lambda _, __: both)
    regulator = api.token(Role.AUDITOR, OURS)
    me = await api.ok("{ me { readScope { agencies } } }", token=regulator)
    assert me["me"]["readScope"]["agencies"] == sorted([OURS, OTHER])

    assert await _list(api, regulator, "employees", "") == {*world.ours, world.other}
    cases = {world.crossing_case, world.other_case}
    assert await _list(api, regulator, "transferCases", "") == cases
    assert await _list(api, regulator, "worklist", "") == cases
    assert await _list(api, regulator, "transferPlans", "") == {world.our_plan, world.other_plan}
    # Nothing has taken effect yet: answered, and empty.
    assert await _list(api, regulator, "evaluationsDue", "") == set()
    assert await _list(api, regulator, "transferOutcomes", "") == set()
    summary = await api.ok("{ transferOutcomeSummary { moves } }", token=regulator)
    assert summary["transferOutcomeSummary"]["moves"] == 0
    # The actions of both agencies' actors: the plans their officers drafted, the case the
    # other agency's officer opened; not the case the partner's officer opened.
    trail = await _list(api, regulator, "auditTrail", "")
    assert {world.our_plan, world.other_plan, world.other_case} <= trail
    assert world.crossing_case not in trail

    named = await _list(api, regulator, "employees", f'filter: {{agencyCode: "{OTHER}"}}')
    assert named == {world.other}
    refused = await api.error(
        f'{{ employees(filter: {{agencyCode: "{PARTNER}"}}) {{ totalCount }} }}', token=regulator
    )
    assert refused["extensions"]["code"] == "FORBIDDEN"


async def test_a_governor_reads_the_agencies_of_their_province_and_no_other(
    api: Api, organised: Service
) -> None:
    world = await build_scope_world(api, organised)
    governor = world.token(api.tokens, "governor")
    partner = await api.ok(
        f'{{ employees(filter: {{agencyCode: "{PARTNER}"}}) {{ edges {{ node {{ nip }} }} }} }}',
        token=governor,
    )
    assert {edge["node"]["nip"] for edge in partner["employees"]["edges"]} == {
        world.crossing,
        world.partner_only,
    }
    case = await api.ok(f'{{ transferCase(id: "{world.crossing_case}") {{ id }} }}', token=governor)
    assert case["transferCase"]["id"] == world.crossing_case
    elsewhere = await api.error(
        f'{{ employees(filter: {{agencyCode: "{OTHER}"}}) {{ totalCount }} }}', token=governor
    )
    assert elsewhere["extensions"]["code"] == "FORBIDDEN"
    unnamed = await api.error("{ employees { totalCount } }", token=governor)
    assert unnamed["extensions"]["code"] == "BAD_INPUT"
    # One of another province moving into it is theirs to read, with the case.
    incoming = person(OTHER, "BKPSDM", 6)
    await asyncio.to_thread(register, organised.app, incoming)
    await open_case(api, incoming.nip, OTHER, placement(OURS, "BKPSDM", "ANALIS-SDM"))
    read = await api.ok(
        f'{{ employee(nip: "{incoming.nip}") {{ nip transferCases {{ id }} }} }}', token=governor
    )
    assert len(read["employee"]["transferCases"]) == 1
    hidden = await api.error(
        f'{{ transferCase(id: "{world.other_case}") {{ id }} }}', token=governor
    )
    assert hidden["extensions"]["code"] == "NOT_FOUND"
    worklist = await api.ok(
        f'{{ worklist(filter: {{agencyCode: "{OURS}"}}) {{ totalCount }} }}', token=governor
    )
    assert worklist["worklist"]["totalCount"] >= 1
