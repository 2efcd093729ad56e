"""The role walk of the subscriptions: every subscription field, opened over WebSocket by every
caller of the query walk, in the world of two agencies with a case between them and a third
agency apart. Changes are then made in every agency (placements, a transfer into ours, a move
within the other, cases and plans of both); each subscriber receives exactly the changes its
scope holds, in log order, or is refused with a typed code when it asks for what it may not
follow. A subscription field without questions in the walk fails here.

Every question ends on a change written for it (its sentinel), the latest of the log when it is
read, so that a subscriber's list up to it is the whole of what it could have been sent."""

from __future__ import annotations

import asyncio
import hashlib
import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from asn_graph.api.schema import build_schema
from asn_graph.changes.reader import CASE_TOPICS, PLAN_TOPICS
from asn_graph.domain.actors import Role
from asn_graph.domain.employee import Employee
from tests.conftest import Api
from tests.e2e import operations as op
from tests.e2e.read_scope_world import (
    CALLERS,
    OTHER,
    OURS,
    PARTNER,
    ScopeWorld,
    build_scope_world,
)
from tests.e2e.scenario import approve_route, complete_file, decree_and_move, open_case, placement
from tests.subscriptions.conftest import Served
from tests.subscriptions.helpers import Socket, hire, http_api, move

DOCUMENTS = {
    "placementChanged": """
subscription Walk($agencyCode: String, $unitCode: String, $after: Int) {
  placementChanged(agencyCode: $agencyCode, unitCode: $unitCode, after: $after) {
    position nip placement { agencyCode unitCode } previousPlacement { agencyCode unitCode }
  }
}""",
    "transferCaseChanged": """
subscription Walk($id: ID, $agencyCode: String, $after: Int) {
  transferCaseChanged(id: $id, agencyCode: $agencyCode, after: $after) {
    position transferCaseId nip origin { agencyCode } destination { agencyCode }
    event { version eventType }
  }
}""",
    "transferPlanChanged": """
subscription Walk($id: ID, $agencyCode: String, $after: Int) {
  transferPlanChanged(id: $id, agencyCode: $agencyCode, after: $after) {
    position transferPlanId agencyCode event { version eventType }
  }
}""",
}
MAY_FOLLOW = {
    "placementChanged": {Role.OFFICER, Role.AUDITOR, Role.INTEGRATOR},
    "transferCaseChanged": {Role.OFFICER, Role.AUDITOR, Role.INTEGRATOR, Role.EMPLOYEE},
    "transferPlanChanged": {Role.OFFICER, Role.APPROVER, Role.AUDITOR, Role.INTEGRATOR},
}
"""Who may subscribe to each field at all (employees follow only their own cases)."""

SET_CONSTRAINTS = """
mutation($input: SetTransferPlanConstraintsInput!) {
  setTransferPlanConstraints(input: $input) { position }
}"""

Change = dict[str, Any]
Sentinel = tuple[int, str]
"""The log head before a question's own change, and that change's subject (NIP or id)."""


def _subject(subscription: str, change: Change) -> str:
    if subscription == "placementChanged":
        return str(change["nip"])
    if subscription == "transferCaseChanged":
        return str(change["transferCaseId"])
    return str(change["transferPlanId"])


def _places(subscription: str, change: Change) -> set[tuple[str, str | None]]:
    """The agencies (with units, where the change names them) a change touches."""
    if subscription == "placementChanged":
        places = [change["placement"], change["previousPlacement"]]
        return {(p["agencyCode"], p["unitCode"]) for p in places if p is not None}
    if subscription == "transferCaseChanged":
        return {(p["agencyCode"], None) for p in (change["origin"], change["destination"])}
    return {(change["agencyCode"], None)}


@dataclass
class Question:
    subscription: str
    arguments: dict[str, str]
    write_sentinel: Callable[[], Awaitable[Sentinel]]
    open: dict[str, Socket] = field(default_factory=dict)


@dataclass
class Walk:
    served: Served
    api: Api
    world: ScopeWorld
    own_case: str
    documents: dict[str, list[str]]
    """Documents each case still misses: each attachment is one more event of the case."""
    hires: itertools.count[int] = field(default_factory=lambda: itertools.count(40))
    limits: itertools.count[int] = field(default_factory=lambda: itertools.count(2))

    async def hire(self, agency: str, unit: str) -> Sentinel:
        head = self.served.service.log.head()
        sequence = next(self.hires)
        app = self.served.service.app
        (nip,) = await asyncio.to_thread(hire, app, agency, unit, range(sequence, sequence + 1))
        return head, nip

    async def attach(self, case_id: str, agency: str) -> Sentinel:
        head = self.served.service.log.head()
        document = self.documents[case_id].pop()
        await self.api.ok(
            op.ATTACH,
            {
                "input": {
                    "caseId": case_id,
                    "documentType": document,
                    "number": f"800/{document}/2026",
                    "issuedOn": "2026-10-01",
                    "issuer": "BKPSDM",
                    "sha256": hashlib.sha256(f"{case_id}:{document}".encode()).hexdigest(),
                }
            },
            token=self.api.token(Role.OFFICER, agency),
        )
        return head, case_id

    async def constrain(self, plan_id: str, agency: str) -> Sentinel:
        head = self.served.service.log.head()
        constraints = {
            "planId": plan_id,
            "scope": {"agencyCodes": [agency], "unitCodes": ["BKPSDM"]},
            "maxMoves": next(self.limits),
        }
        await self.api.ok(
            SET_CONSTRAINTS, {"input": constraints}, token=self.api.token(Role.OFFICER, agency)
        )
        return head, plan_id

    def expected(self, caller: str, question: Question) -> str | Callable[[Change], bool]:
        """The refusal a caller gets, or which changes it is sent: the rule the walk holds
        the subscriptions to, written out apart from their code."""
        role, _, reach = CALLERS[caller]
        subscription, arguments = question.subscription, question.arguments
        if role not in MAY_FOLLOW[subscription]:
            return "FORBIDDEN"
        subject, agency = arguments.get("id"), arguments.get("agencyCode")
        ours = (self.world.crossing_case, self.world.our_plan)
        if reach == "agency" and subject is not None and subject not in ours:
            return "NOT_FOUND"
        if reach == "agency" and agency not in (None, OURS):
            return "FORBIDDEN"
        if reach == "own" and subject not in (None, self.own_case):
            return "NOT_FOUND"

        def wanted(change: Change) -> bool:
            places = _places(subscription, change)
            agencies = {code for code, _ in places}
            in_scope = (
                reach == "national"
                or (reach == "agency" and OURS in agencies)
                or (reach == "own" and change["nip"] == self.world.ours[0])
            )
            unit = arguments.get("unitCode")
            return (
                in_scope
                and (subject is None or _subject(subscription, change) == subject)
                and (agency is None or agency in agencies)
                and (unit is None or (agency, unit) in places)
            )

        return wanted


async def _refusal(socket: Socket) -> str:
    message = await socket.receive(30)
    assert message["id"] == "walk", message
    errors = message["payload"]["errors"] if message["type"] == "next" else message["payload"]
    assert message["type"] in ("next", "error"), message
    assert errors, message
    if message["type"] == "next":
        assert await socket.receive(30) == {"id": "walk", "type": "complete"}
    code: str = errors[0]["extensions"]["code"]
    return code


async def _until(socket: Socket, subscription: str, sentinel: Sentinel) -> list[Change]:
    """Every change a subscriber is sent, up to and with the question's sentinel."""
    head, subject = sentinel
    received = []
    while True:
        message = await socket.receive(30)
        assert message["type"] == "next", message
        assert not message["payload"].get("errors"), message
        change: Change = message["payload"]["data"][subscription]
        received.append(change)
        if change["position"] > head and _subject(subscription, change) == subject:
            return received


def _logged(served: Served, subscription: str, up_to: int) -> int:
    """Changes of a kind in the store up to a position, read apart from the change feed."""
    topics = {
        "placementChanged": [Employee.Placed.TOPIC],
        "transferCaseChanged": list(CASE_TOPICS),
        "transferPlanChanged": list(PLAN_TOPICS),
    }[subscription]
    notifications = served.service.store.recorder.select_notifications(1, 1_000_000, topics=topics)
    return sum(1 for n in notifications if n.id <= up_to)


async def _make_changes_in_every_agency(walk: Walk) -> None:
    """Placements in the three agencies, a transfer from the partner into ours and one within
    the other agency, documents of every case, constraints of both plans."""
    api, world = walk.api, walk.world
    for agency in (OURS, PARTNER, OTHER):
        await walk.hire(agency, "BKPSDM")
    app = walk.served.service.app
    (arriving,) = await asyncio.to_thread(hire, app, PARTNER, "BKPSDM", range(30, 31))
    case = await open_case(api, arriving, PARTNER, placement(OURS, "BKPSDM", "ANALIS-SDM"))
    await complete_file(api, case, PARTNER)
    await approve_route(api, case)
    await decree_and_move(api, case, "800/MASUK/2026")
    (leaving,) = await asyncio.to_thread(hire, app, OTHER, "BKPSDM", range(31, 32))
    await move(api, leaving, OTHER, "DISKOMINFO", "800/INTERNAL/2026")
    await walk.attach(world.crossing_case, PARTNER)
    await walk.attach(world.other_case, OTHER)
    await walk.attach(walk.own_case, OURS)
    await walk.constrain(world.our_plan, OURS)
    await walk.constrain(world.other_plan, OTHER)


async def _prepare(served: Served, api: Api) -> Walk:
    world = await build_scope_world(api, served.service)
    own = await open_case(api, world.ours[0], OURS, placement(OTHER, "BKPSDM", "ANALIS-SDM"))
    auditor = api.token(Role.AUDITOR)
    documents = {}
    for case_id in (world.crossing_case, world.other_case, own["id"]):
        data = await api.ok(
            "query($id: ID!) { transferCase(id: $id) { missingDocuments } }",
            {"id": case_id},
            token=auditor,
        )
        documents[case_id] = list(data["transferCase"]["missingDocuments"])
    return Walk(served, api, world, own["id"], documents)


def _questions(walk: Walk) -> list[Question]:
    """Per subscription field: the caller's default, another agency, and records by id, each
    with the change that ends it."""
    w = walk.world
    return [
        Question("placementChanged", {}, lambda: walk.hire(OURS, "BKPSDM")),
        Question("placementChanged", {"agencyCode": OTHER}, lambda: walk.hire(OTHER, "BKPSDM")),
        Question(
            "placementChanged",
            {"agencyCode": OURS, "unitCode": "DISKOMINFO"},
            lambda: walk.hire(OURS, "DISKOMINFO"),
        ),
        Question("transferCaseChanged", {}, lambda: walk.attach(walk.own_case, OURS)),
        Question(
            "transferCaseChanged", {"agencyCode": OTHER}, lambda: walk.attach(walk.own_case, OURS)
        ),
        Question(
            "transferCaseChanged",
            {"id": w.crossing_case},
            lambda: walk.attach(w.crossing_case, PARTNER),
        ),
        Question(
            "transferCaseChanged", {"id": w.other_case}, lambda: walk.attach(w.other_case, OTHER)
        ),
        Question("transferPlanChanged", {}, lambda: walk.constrain(w.our_plan, OURS)),
        Question(
            "transferPlanChanged",
            {"agencyCode": OTHER},
            lambda: walk.constrain(w.other_plan, OTHER),
        ),
        Question(
            "transferPlanChanged", {"id": w.our_plan}, lambda: walk.constrain(w.our_plan, OURS)
        ),
        Question(
            "transferPlanChanged", {"id": w.other_plan}, lambda: walk.constrain(w.other_plan, OTHER)
        ),
    ]


async def _subscribe(served: Served, token: str, question: Question) -> Socket:
    socket = await Socket.open(served.url, token)
    await socket.acknowledged()
    variables = {**question.arguments, "after": 0}
    await socket.subscribe("walk", DOCUMENTS[question.subscription], variables)
    return socket


async def test_the_role_walk_follows_every_subscription_within_the_callers_scope(
    served: Served,
) -> None:
    schema = build_schema(False)._schema
    assert schema.subscription_type is not None
    fields = set(schema.subscription_type.fields)
    async with http_api(served) as api:
        walk = await _prepare(served, api)
        questions = _questions(walk)
        assert {q.subscription for q in questions} == fields, "a subscription the walk omits"
        observers = {
            name: await _subscribe(served, api.token(Role.INTEGRATOR), Question(name, {}, _never))
            for name in fields
        }
        # Everyone subscribes before the changes: what was recorded is replayed, the rest live.
        refused = 0
        for question in questions:
            for caller in CALLERS:
                token = walk.world.token(served.tokens, caller)
                socket = await _subscribe(served, token, question)
                expected = walk.expected(caller, question)
                if isinstance(expected, str):
                    code = await _refusal(socket)
                    assert code == expected, (caller, question.subscription, question.arguments)
                    await socket.close()
                    refused += 1
                else:
                    question.open[caller] = socket
        await _make_changes_in_every_agency(walk)

        answered: dict[str, int] = dict.fromkeys(fields, 0)
        seen: dict[str, list[Change]] = {name: [] for name in fields}
        for question in questions:
            name = question.subscription
            sentinel = await question.write_sentinel()
            seen[name] += await _until(observers[name], name, sentinel)
            every = seen[name]
            assert len(every) == _logged(served, name, every[-1]["position"]), name
            for caller, socket in question.open.items():
                expected = walk.expected(caller, question)
                assert callable(expected)
                received = await _until(socket, name, sentinel)
                wanted = [change for change in every if expected(change)]
                assert received == wanted, (caller, name, question.arguments)
                answered[name] += len(received)
                await socket.close()
        for socket in observers.values():
            await socket.close()

    assert all(answered.values()), answered
    covered = {(q.subscription, caller) for q in questions for caller in CALLERS}
    assert covered == set(itertools.product(fields, CALLERS))
    opened = len(questions) * len(CALLERS)
    print(
        f"subscription walk: {len(fields)} subscriptions x {len(CALLERS)} callers = "
        f"{len(covered)}; {opened} subscriptions opened ({len(questions)} questions), "
        f"{refused} refused, {sum(answered.values())} changes received"
    )


async def _never() -> Sentinel:
    raise AssertionError("an observer writes nothing")
