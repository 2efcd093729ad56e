"""Which demo transfer cases to make: a target state for each, an employee free to move and a
destination with room, in the shares a real agency's register shows."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date

from asn_graph.demo.organisation import DemoPosition
from asn_graph.demo.people import DemoEmployee
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import EmploymentStatus
from asn_graph.domain.transfer_types import Initiative, TransferType

STATE_SHARES = (
    (CaseState.DRAFT, 15),
    (CaseState.SUBMITTED, 15),
    (CaseState.DOCUMENTS_RETURNED, 10),
    (CaseState.IN_APPROVAL, 20),
    (CaseState.AWAITING_DECREE, 15),
    (CaseState.DECREE_ISSUED, 15),
    (CaseState.APPOINTED, 10),
    (CaseState.EFFECTIVE, 25),
    (CaseState.CLOSED, 40),
    (CaseState.REJECTED, 10),
    (CaseState.WITHDRAWN, 10),
    (CaseState.CANCELLED, 8),
    (CaseState.EXPIRED, 7),
)
TYPE_PAIRS: dict[TransferType, tuple[tuple[str, str], ...]] = {
    TransferType.WITHIN_AGENCY: (
        ("12", "12"),
        ("1272", "1272"),
        ("1208", "1208"),
        ("3372", "3372"),
    ),
    TransferType.BETWEEN_LOCAL_SAME_PROVINCE: (("1272", "1208"), ("1208", "1272")),
    TransferType.PROVINCE_LOCAL: (("12", "1272"), ("1208", "12")),
    TransferType.ACROSS_PROVINCES: (("1272", "3372"), ("3372", "12")),
    TransferType.REGIONAL_CENTRAL: (("1208", "BKN"), ("KEMENDAGRI", "1272")),
    TransferType.BETWEEN_CENTRAL: (("BKN", "KEMENDAGRI"), ("KEMENDAGRI", "BKN")),
}
TYPE_WEIGHTS = (50, 12, 12, 10, 10, 6)


@dataclass
class Plan:
    target: CaseState
    transfer_type: TransferType
    employee: DemoEmployee
    destination: DemoPosition
    initiative: Initiative


def plan_cases(
    rng: random.Random,
    employees: list[DemoEmployee],
    positions: list[DemoPosition],
    count: int,
    today: date,
) -> list[Plan]:
    shares = [state for state, share in STATE_SHARES for _ in range(share)]
    targets = shares * (count // len(shares))
    # A store smaller than one full round still gets cases in every kind of state.
    remainder = shares[:]
    rng.shuffle(remainder)
    targets += remainder[: count - len(targets)]
    free = [e for e in employees if e.eligible]
    rng.shuffle(free)
    room = Counter({p.placement: p.needed for p in positions})
    for employee in employees:
        room[employee.position.placement] -= 1
    plans = []
    for target in targets:
        transfer_type = rng.choices(list(TYPE_PAIRS), weights=TYPE_WEIGHTS)[0]
        origin_code, destination_code = rng.choice(TYPE_PAIRS[transfer_type])
        plan = _pick(
            rng, free, positions, room, target, transfer_type, origin_code, destination_code, today
        )
        if plan is not None:
            plans.append(plan)
    return plans


def _pick(
    rng: random.Random,
    free: list[DemoEmployee],
    positions: list[DemoPosition],
    room: Counter[Placement],
    target: CaseState,
    transfer_type: TransferType,
    origin_code: str,
    destination_code: str,
    today: date,
) -> Plan | None:
    crosses = transfer_type.crosses_agencies
    for index, employee in enumerate(free):
        if employee.position.placement.agency_code != origin_code:
            continue
        if crosses and employee.status is EmploymentStatus.PPPK:
            continue
        destinations = [
            p
            for p in positions
            if p.placement.agency_code == destination_code
            and room[p.placement] > 0
            and p.placement.unit_code != employee.position.placement.unit_code
        ]
        if not destinations:
            return None
        same_kind = [p for p in destinations if p.kind is employee.position.kind]
        destination = rng.choice(same_kind or destinations)
        room[destination.placement] -= 1
        free.pop(index)
        ten_years = employee.appointed_on <= today.replace(year=today.year - 10)
        own = rng.random() < 0.25 and (ten_years or not crosses)
        initiative = Initiative.OWN_REQUEST if own else Initiative.AGENCY_INTEREST
        return Plan(target, transfer_type, employee, destination, initiative)
    return None
