"""The candidate index: the talent pool held in memory as numpy columns, so that the
candidates of a vacancy are ranked among a hundred thousand employees in milliseconds.

It loads the talent pool once, then, whenever the read model has moved on, reads only the
rows whose ``seq`` is past the position it holds (an employee rated, placed or blocked; a
position whose requirements or counts changed), not the whole pool again. One lock guards
the columns: a refresh and a ranking never overlap. It answers the candidate queries of the
API and, through ``bootstrap``, the ``Matching`` port of transfer plans. It records nothing.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, NamedTuple

import numpy as np
import orjson
from numpy.typing import NDArray

from asn_graph.domain.competencies import RequiredCompetency
from asn_graph.domain.eligibility import rule_years
from asn_graph.domain.employee_records import Blocker
from asn_graph.domain.errors import InvalidInput, NotFound, RuleViolation
from asn_graph.domain.fields_of_study import FAMILIES, family_of
from asn_graph.domain.matching import Candidacy, Match, ScorePart
from asn_graph.domain.moratorium import Moratorium
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import PlanScope, UnitRef
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.positions import Position
from asn_graph.domain.reference import (
    BlockerKind,
    Education,
    EducationLevel,
    EmploymentStatus,
    PositionKind,
)
from asn_graph.domain.rules import Rule
from asn_graph.domain.talent import Potential
from asn_graph.planning.scoring import (
    CODES,
    COLUMN,
    RATING_SCORES,
    Candidate,
    Circumstances,
    EmployeeTerms,
    Pool,
    Posts,
    Rows,
    Scored,
    Target,
    asked_for_part,
    competency_part,
    education_part,
    employee_terms,
    exclusion_bits,
    exclusions,
    explain,
    fields_in_family_of,
    own_fractions,
    part_fractions,
    score_pool,
    top,
    weighed,
    weighted_total,
)
from asn_graph.projections import tracking
from asn_graph.projections.candidate_rows import (
    CandidateFilter,
    CandidateRow,
    Opening,
    OptionRow,
    PlanningData,
    UnitStaff,
)
from asn_graph.projections.collector import paced_for_bulk
from asn_graph.projections.database import Database
from asn_graph.projections.rows import Page
from asn_graph.projections.sql import one_of, where_clause
from asn_graph.projections.talent_pool import TalentPoolProjection

MODEL = TalentPoolProjection.name
PARTS = tuple(ScorePart)
LEVELS = tuple(EducationLevel)
POTENTIALS = (None, *Potential)
BAD_CURSOR = "pagination.cursor_not_one_this_list"
"""The message key of a cursor this list did not give out."""

PositionKey = tuple[str, str, str]


class _EmployeeRecord(NamedTuple):
    id: str
    nip: str
    name: str
    status: str
    rank: str
    appointed_on: str
    agency_code: str | None
    unit_code: str | None
    position_code: str | None
    placed_since: str | None
    education_rank: int
    education_field: str
    competencies: str
    ratings: str
    potentials: str
    blockers: str
    active_case_id: str | None
    request_agency: str | None
    request_unit: str | None
    request_position: str | None
    preferences: str | None
    seq: int


class _Requirement(NamedTuple):
    """What a position asks of its holder; positions alike share one."""

    title: str
    kind: PositionKind
    grade: int
    education: Education | None
    required: tuple[RequiredCompetency, ...]


class _PositionRecord(NamedTuple):
    agency_code: str
    unit_code: str
    code: str
    title: str
    kind: str
    grade: int
    education_level: str | None
    education_field: str | None
    competencies: str
    needed: int | None
    present: int
    incoming: int
    outgoing: int
    seq: int


CHUNK = 5000
"""Rows read a statement at a time: the pool is loaded without holding all its rows at once."""
_EMPLOYEES = (
    "SELECT id, nip, name, status, rank, appointed_on, agency_code, unit_code, position_code, "
    "placed_since, education_rank, education_field, competencies, ratings, potentials, "
    "blockers, active_case_id, request_agency, request_unit, request_position, preferences, "
    "seq FROM talent_employees WHERE seq > :after AND (seq > :seq OR (seq = :seq AND id > :id)) "
    "ORDER BY seq, id LIMIT :limit"
)
# The staff a position needs and has are the directory's; the talent pool marks the
# position (seq) whenever they change.
_POSITIONS = (
    "SELECT t.agency_code, t.unit_code, t.code, t.title, t.kind, t.grade, t.education_level, "
    "t.education_field, t.competencies, d.needed, COALESCE(d.present, 0) AS present, "
    "COALESCE(d.incoming, 0) AS incoming, COALESCE(d.outgoing, 0) AS outgoing, t.seq "
    "FROM talent_positions t LEFT JOIN directory_positions d ON d.agency_code = t.agency_code "
    "AND d.unit_code = t.unit_code AND d.code = t.code WHERE t.seq > :after AND (t.seq > :seq "
    "OR (t.seq = :seq AND (t.agency_code, t.unit_code, t.code) > (:agency, :unit, :code))) "
    "ORDER BY t.seq, t.agency_code, t.unit_code, t.code LIMIT :limit"
)


@dataclass(frozen=True)
class _Day:
    """Everything a ranking reads, as of one load of the index and one day."""

    circumstances: Circumstances
    pool: Pool
    posts: Posts
    terms: EmployeeTerms
    tie_order: NDArray[np.int64]
    """Each row's place in NIP order: equal totals rank by NIP."""
    vacancies: NDArray[np.int64]
    """By position id."""


class CandidateIndex:
    def __init__(
        self, database: Database, policy: TransferPolicy, today: Callable[[], date]
    ) -> None:
        self.database = database
        self.policy = policy
        self.today = today
        self._lock = threading.RLock()
        self._reset()

    # --- loading -------------------------------------------------------------------------

    def _reset(self) -> None:
        self._through = 0
        self._version = 0
        self._day: tuple[tuple[int, date], _Day] | None = None
        self._size = 0
        self._capacity = 0
        self._agency_ids: dict[str, int] = {}
        self._agency_codes: list[str] = []
        self._unit_ids: dict[tuple[str, str], int] = {}
        self._unit_keys: list[tuple[str, str]] = []
        self._position_ids: dict[PositionKey, int] = {}
        self._position_keys: list[PositionKey] = []
        self._requirements: list[_Requirement] = []
        self._requirement_ids: dict[tuple[Any, ...], int] = {}
        self._placements: dict[int, Placement] = {}
        self._places: dict[str, NDArray[Any]] = {}
        self._places_capacity = 0
        self._field_ids: dict[str, int] = {}
        self._fields: list[str] = []
        self._field_fits: dict[Education, NDArray[np.bool_]] = {}
        self._moratoria: dict[str, list[Moratorium]] = {}
        self._rows: dict[str, int] = {}
        self._nip_rows: dict[str, int] = {}
        self._nips: list[str] = []
        self._names: list[str] = []
        self._ranks: list[str] = []
        self._blockers: dict[int, tuple[Blocker, ...]] = {}
        self._cases: dict[int, str] = {}
        self._asked: dict[int, tuple[frozenset[int], frozenset[PositionKind]]] = {}
        self._asked_units: dict[int, set[int]] = {}
        self._asked_kinds: dict[PositionKind, set[int]] = {}
        self._ratings: dict[int, NDArray[np.int8]] = {}
        self._ties: NDArray[np.int64] | None = None
        self._columns: dict[str, NDArray[Any]] = {}
        self._grow(1024)
        self._grow_places(256)

    _COLUMN_TYPES: Mapping[str, type[np.generic]] = {
        "agency": np.int32,
        "unit": np.int32,
        "position": np.int32,
        "pppk": np.bool_,
        "appointed_month": np.int32,
        "appointed_day": np.int8,
        "placed_month": np.int32,
        "placed_day": np.int8,
        "education_rank": np.int8,
        "education_field": np.int32,
        "potential": np.int8,
        "blocked": np.bool_,
        "in_case": np.bool_,
    }

    def _grow(self, capacity: int) -> None:
        """Room for ``capacity`` rows (the columns double as the pool grows)."""
        if capacity <= self._capacity:
            return
        capacity = max(capacity, self._capacity * 2)
        size = self._size

        def grown(old: NDArray[Any] | None, shape: tuple[int, ...], dtype: Any) -> NDArray[Any]:
            new = np.zeros(shape, dtype=dtype)
            if old is not None:
                new[:size] = old[:size]
            return new

        for name, dtype in self._COLUMN_TYPES.items():
            self._columns[name] = grown(self._columns.get(name), (capacity,), dtype)
        self._columns["held"] = grown(self._columns.get("held"), (capacity, len(CODES)), np.uint8)
        for year, ratings in self._ratings.items():
            self._ratings[year] = grown(ratings, (capacity,), np.int8)
        self._capacity = capacity

    _PLACE_TYPES: Mapping[str, type[np.generic]] = {
        "agency": np.int32,
        "unit": np.int32,
        "needed": np.int64,
        "present": np.int64,
        "incoming": np.int64,
        "outgoing": np.int64,
        "official": np.bool_,
        "known": np.bool_,
        "requirement": np.int32,
    }
    """Columns of the positions, by position id (``needed`` -1: no workload assessed;
    ``known``: its row was read, ``requirement`` its index in ``_requirements``)."""

    def _grow_places(self, capacity: int) -> None:
        if capacity <= self._places_capacity:
            return
        capacity = max(capacity, self._places_capacity * 2)
        count = len(self._position_keys)
        for name, dtype in self._PLACE_TYPES.items():
            grown = np.zeros(capacity, dtype=dtype)
            old = self._places.get(name)
            if old is not None:
                grown[:count] = old[:count]
            self._places[name] = grown
        self._places_capacity = capacity

    def refresh(self) -> None:
        """Read what changed in the talent pool since the last refresh."""
        with self._lock:
            reached = tracking.read_committed(self.database, [MODEL]).get(MODEL)
            position = reached.position if reached is not None else 0
            if position == self._through:
                return
            if position < self._through:
                # The read model was made again from an earlier point: start over.
                self._reset()
            if self._through == 0:
                # The whole pool: a hundred thousand rows make objects that all live on,
                # which the collector would otherwise go over again and again.
                with paced_for_bulk():
                    self._read_changes(0)
            else:
                self._read_changes(self._through)
            self._through = position
            self._version += 1

    def _read_changes(self, after: int) -> None:
        """The rows changed after log position ``after``, a chunk at a time: positions first
        (employees' requests name them), moratoria, employees."""
        start: dict[str, Any] = {"seq": after, "agency": "", "unit": "", "code": ""}
        while True:
            chunk = self.database.query_as(
                _PositionRecord, _POSITIONS, {**start, "after": after, "limit": CHUNK}
            )
            for record in chunk:
                self._set_position(record)
            if len(chunk) < CHUNK:
                break
            last = chunk[-1]
            start = {
                "seq": last.seq,
                "agency": last.agency_code,
                "unit": last.unit_code,
                "code": last.code,
            }
        for row in self.database.query(
            "SELECT agency_code, starts_on, ends_on, basis FROM talent_moratoria "
            "WHERE seq > :after ORDER BY seq",
            {"after": after},
        ):
            self._moratoria.setdefault(row["agency_code"], []).append(
                Moratorium(
                    date.fromisoformat(row["starts_on"]),
                    date.fromisoformat(row["ends_on"]),
                    row["basis"],
                )
            )
        start = {"seq": after, "id": ""}
        while True:
            rows = self.database.query_as(
                _EmployeeRecord, _EMPLOYEES, {**start, "after": after, "limit": CHUNK}
            )
            for employee in rows:
                self._set_employee(employee)
            if len(rows) < CHUNK:
                break
            start = {"seq": rows[-1].seq, "id": rows[-1].id}

    def _agency(self, code: str) -> int:
        found = self._agency_ids.get(code)
        if found is None:
            found = self._agency_ids[code] = len(self._agency_codes)
            self._agency_codes.append(code)
        return found

    def _unit(self, agency_code: str, unit_code: str) -> int:
        key = (agency_code, unit_code)
        found = self._unit_ids.get(key)
        if found is None:
            self._agency(agency_code)
            found = self._unit_ids[key] = len(self._unit_keys)
            self._unit_keys.append(key)
        return found

    def _position(self, key: PositionKey) -> int:
        found = self._position_ids.get(key)
        if found is None:
            found = self._position_ids[key] = len(self._position_keys)
            self._grow_places(found + 1)
            agency, unit, code = (sys.intern(part) for part in key)
            self._position_keys.append((agency, unit, code))
            places = self._places
            places["agency"][found] = self._agency(key[0])
            places["unit"][found] = self._unit(key[0], key[1])
            places["needed"][found] = -1
            places["requirement"][found] = -1
        return found

    def _field(self, text: str) -> int:
        found = self._field_ids.get(text)
        if found is None:
            found = self._field_ids[text] = len(self._fields)
            self._fields.append(text)
            self._field_fits.clear()
        return found

    def _set_position(self, record: _PositionRecord) -> None:
        position_id = self._position((record.agency_code, record.unit_code, record.code))
        requirement = self._requirement(record)
        places = self._places
        places["needed"][position_id] = record.needed if record.needed is not None else -1
        places["present"][position_id] = record.present
        places["incoming"][position_id] = record.incoming
        places["outgoing"][position_id] = record.outgoing
        places["official"][position_id] = self._requirements[requirement].kind.is_official
        places["known"][position_id] = True
        places["requirement"][position_id] = requirement

    def _requirement(self, record: _PositionRecord) -> int:
        key = (
            record.title,
            record.kind,
            record.grade,
            record.education_level,
            record.education_field,
            record.competencies,
        )
        found = self._requirement_ids.get(key)
        if found is None:
            education = (
                Education(EducationLevel(record.education_level), record.education_field or "")
                if record.education_level is not None
                else None
            )
            required = tuple(
                RequiredCompetency(code, level)
                for code, level in sorted(orjson.loads(record.competencies).items())
            )
            found = self._requirement_ids[key] = len(self._requirements)
            self._requirements.append(
                _Requirement(
                    record.title, PositionKind(record.kind), record.grade, education, required
                )
            )
        return found

    def _post(self, position_id: int) -> Position | None:
        """The position with what it asks of its holder (None when its row is not read)."""
        requirement = int(self._places["requirement"][position_id])
        if requirement < 0:
            return None
        return Position(self._position_keys[position_id][2], *self._requirements[requirement])

    def _kind(self, position_id: int) -> PositionKind | None:
        requirement = int(self._places["requirement"][position_id])
        return self._requirements[requirement].kind if requirement >= 0 else None

    def _counts(self, position_id: int) -> tuple[int | None, int, int, int]:
        """Staff needed (None: no workload assessed), present, incoming and outgoing."""
        places = self._places
        needed = int(places["needed"][position_id])
        return (
            needed if needed >= 0 else None,
            int(places["present"][position_id]),
            int(places["incoming"][position_id]),
            int(places["outgoing"][position_id]),
        )

    def _set_employee(self, record: _EmployeeRecord) -> None:
        row = self._rows.get(record.id)
        if row is None:
            row = self._size
            self._grow(row + 1)
            self._size += 1
            self._rows[record.id] = row
            self._nips.append(record.nip)
            self._names.append(record.name)
            self._ranks.append(sys.intern(record.rank))
        else:
            self._names[row] = record.name
            self._ranks[row] = sys.intern(record.rank)
        self._nip_rows[record.nip] = row
        columns = self._columns
        if record.agency_code and record.unit_code and record.position_code:
            placement = (record.agency_code, record.unit_code, record.position_code)
            columns["agency"][row] = self._agency(record.agency_code)
            columns["unit"][row] = self._unit(record.agency_code, record.unit_code)
            columns["position"][row] = self._position(placement)
            since = date.fromisoformat(record.placed_since or "")
            columns["placed_month"][row] = since.year * 12 + since.month - 1
            columns["placed_day"][row] = since.day
        else:
            for name in ("agency", "unit", "position", "placed_month"):
                columns[name][row] = -1
            columns["placed_day"][row] = 0
        appointed = date.fromisoformat(record.appointed_on)
        columns["appointed_month"][row] = appointed.year * 12 + appointed.month - 1
        columns["appointed_day"][row] = appointed.day
        columns["pppk"][row] = record.status == EmploymentStatus.PPPK.value
        columns["education_rank"][row] = record.education_rank
        columns["education_field"][row] = self._field(record.education_field)
        held = columns["held"]
        held[row] = 0
        for code, level in orjson.loads(record.competencies).items():
            column = COLUMN.get(code)
            if column is not None:
                held[row, column] = level
        for ratings in self._ratings.values():
            ratings[row] = 0
        for year, rating in orjson.loads(record.ratings).items():
            self._rating_column(int(year))[row] = _RATING_VALUES[rating]
        potentials = orjson.loads(record.potentials)
        latest = potentials[max(potentials, key=int)] if potentials else None
        columns["potential"][row] = Potential(latest).band if latest else 0
        blockers = tuple(
            Blocker(BlockerKind(kind), value["reference"], date.fromisoformat(value["since"]))
            for kind, value in orjson.loads(record.blockers).items()
        )
        _keep(self._blockers, row, blockers)
        columns["blocked"][row] = bool(blockers)
        _keep(self._cases, row, record.active_case_id)
        columns["in_case"][row] = record.active_case_id is not None
        self._set_asked(row, record)

    def _rating_column(self, year: int) -> NDArray[np.int8]:
        column = self._ratings.get(year)
        if column is None:
            column = self._ratings[year] = np.zeros(self._capacity, dtype=np.int8)
        return column

    def _set_asked(self, row: int, record: _EmployeeRecord) -> None:
        """The units and kinds of post the employee asked for: their open own request's
        destination, and the preferences of their latest consultation answer."""
        units: set[int] = set()
        kinds: set[PositionKind] = set()
        if record.request_agency and record.request_unit and record.request_position:
            units.add(self._unit(record.request_agency, record.request_unit))
            key = (record.request_agency, record.request_unit, record.request_position)
            requested = self._kind(self._position(key))
            if requested is not None:
                kinds.add(requested)
        if record.preferences:
            stated = orjson.loads(record.preferences)
            units.update(self._unit(agency, unit) for agency, unit in stated["units"])
            kinds.update(PositionKind(kind) for kind in stated["position_kinds"])
        before_units, before_kinds = self._asked.get(row, (frozenset(), frozenset()))
        for unit in before_units:
            self._asked_units[unit].discard(row)
        for kind in before_kinds:
            self._asked_kinds[kind].discard(row)
        for unit in units:
            self._asked_units.setdefault(unit, set()).add(row)
        for kind in kinds:
            self._asked_kinds.setdefault(kind, set()).add(row)
        _keep(self._asked, row, (frozenset(units), frozenset(kinds)) if units or kinds else None)

    # --- a day's view --------------------------------------------------------------------

    def _state(self) -> _Day:
        """The pool as loaded, with today's terms (worked out once per load and day)."""
        today = self.today()
        key = (self._version, today)
        if self._day is not None and self._day[0] == key:
            return self._day[1]
        size = self._size
        columns = {name: values[:size] for name, values in self._columns.items()}
        pool = Pool(
            agency=columns["agency"],
            unit=columns["unit"],
            position=columns["position"],
            pppk=columns["pppk"],
            appointed_month=columns["appointed_month"],
            appointed_day=columns["appointed_day"],
            placed_month=columns["placed_month"],
            placed_day=columns["placed_day"],
            education_rank=columns["education_rank"],
            education_field=columns["education_field"],
            held=columns["held"],
            ratings={year: values[:size] for year, values in self._ratings.items()},
            potential=columns["potential"],
            blocked=columns["blocked"],
            in_case=columns["in_case"],
            asked_units={u: _rows_of(rows) for u, rows in self._asked_units.items() if rows},
            asked_kinds={k: _rows_of(rows) for k, rows in self._asked_kinds.items() if rows},
            fields=tuple(self._fields),
        )
        in_force = {
            code: found
            for code, moratoria in self._moratoria.items()
            if (found := next((m for m in moratoria if m.covers(today)), None)) is not None
        }
        circumstances = Circumstances(self.policy, today, in_force)
        count = len(self._position_keys)
        places = {name: values[:count] for name, values in self._places.items()}
        needed = places["needed"]
        # Staffing.vacancies over every position at once.
        vacancies = (
            np.maximum(needed, 0) - places["present"] + places["outgoing"] - places["incoming"]
        )
        posts = Posts(
            official=places["official"].copy(),
            surplus=places["known"] & (needed >= 0) & (vacancies < 0),
            moratorium=np.array([code in in_force for code in self._agency_codes], np.bool_),
        )
        tie_order = self._tie_order()
        day = _Day(
            circumstances=circumstances,
            pool=pool,
            posts=posts,
            terms=employee_terms(pool, posts, circumstances),
            tie_order=tie_order,
            vacancies=vacancies,
        )
        self._day = (key, day)
        return day

    def _tie_order(self) -> NDArray[np.int64]:
        """Each row's place in NIP order (a row keeps its NIP: worked out again only when
        employees were added)."""
        size = self._size
        if self._ties is None or len(self._ties) != size:
            ties = np.empty(size, dtype=np.int64)
            ties[np.argsort(np.array(self._nips, dtype=str), kind="stable")] = np.arange(size)
            self._ties = ties
        return self._ties

    def _fits(self, required: Education | None) -> NDArray[np.bool_] | None:
        if required is None:
            return None
        fits = self._field_fits.get(required)
        if fits is None:
            fits = self._field_fits[required] = fields_in_family_of(self._fields, required)
        return fits

    def _opening(self, destination: Placement) -> tuple[int, Opening]:
        key = (destination.agency_code, destination.unit_code, destination.position_code)
        position_id = self._position_ids.get(key)
        post = self._post(position_id) if position_id is not None else None
        if position_id is None or post is None:
            raise NotFound("candidate_index.position_not_found", destination=destination)
        return position_id, Opening(destination, post, *self._counts(position_id))

    def _target(self, position_id: int, opening: Opening, day: _Day) -> Target:
        destination = opening.placement
        return Target(
            destination,
            opening.position,
            self._agency_ids.get(destination.agency_code, -1),
            self._unit_ids.get((destination.agency_code, destination.unit_code), -1),
            position_id,
            destination.agency_code in day.circumstances.moratoria,
        )

    def _candidate(self, row: int, day: _Day) -> Candidate:
        pool, columns = day.pool, self._columns
        position_id = int(pool.position[row])
        if position_id < 0:
            raise RuleViolation(
                "candidate_index.employee_has_no_current_placement",
                rules=(Rule.SAME_PLACEMENT.value,),
                nip=self._nips[row],
            )
        asked_units, asked_kinds = self._asked.get(row, (frozenset(), frozenset()))
        placed_month = int(columns["placed_month"][row])
        assert placed_month >= 0, "a placed employee has the month of their placement"
        held = columns["held"][row]
        return Candidate(
            nip=self._nips[row],
            name=self._names[row],
            status=EmploymentStatus.PPPK if pool.pppk[row] else EmploymentStatus.PNS,
            origin=Placement(*self._position_keys[position_id]),
            origin_kind=self._kind(position_id),
            origin_in_surplus=bool(day.posts.surplus[position_id]),
            appointed_on=_date(
                int(columns["appointed_month"][row]), int(columns["appointed_day"][row])
            ),
            placed_since=_date(placed_month, int(columns["placed_day"][row])),
            education=Education(
                LEVELS[int(columns["education_rank"][row])],
                self._fields[int(columns["education_field"][row])],
            ),
            competencies={CODES[c]: int(held[c]) for c in np.flatnonzero(held)},
            ratings={
                year: RATING_SCORES[int(values[row])]
                for year, values in sorted(self._ratings.items())
                if values[row]
            },
            potential=POTENTIALS[int(columns["potential"][row])],
            blockers=self._blockers.get(row, ()),
            active_case=self._cases.get(row),
            asked_units=frozenset(UnitRef(*self._unit_keys[u]) for u in asked_units),
            asked_kinds=asked_kinds,
        )

    def _cursor(self, after: str | None, day: _Day) -> tuple[float, int] | None:
        """A ranking cursor's key (``total|nip``) as a total and a place in NIP order."""
        if after is None:
            return None
        total, _, nip = after.rpartition("|")
        row = self._nip_rows.get(nip)
        try:
            value = float(total)
        except ValueError:
            raise InvalidInput(BAD_CURSOR, field="after") from None
        if row is None or row >= len(day.tie_order) or not np.isfinite(value):
            raise InvalidInput(BAD_CURSOR, field="after")
        return value, int(day.tie_order[row])

    def footprint(self) -> int:
        """Bytes held in the numpy columns (employees, ratings by year, positions)."""
        with self._lock:
            columns = [*self._columns.values(), *self._ratings.values(), *self._places.values()]
            return sum(values.nbytes for values in columns)

    # --- questions -----------------------------------------------------------------------

    def rank(self, destination: Placement, where: CandidateFilter) -> Ranking:
        """The employees ``where`` selects, scored against the position: the eligible ones
        from the best (none below the policy's minimum score), and those a hard rule
        excludes apart."""
        with self._lock:
            self.refresh()
            day = self._state()
            position_id, opening = self._opening(destination)
            target = self._target(position_id, opening, day)
            rows = self._selected(where, destination, day)
            scored = score_pool(
                day.pool,
                day.terms,
                rows,
                target,
                day.circumstances,
                self._fits(opening.position.required_education),
            )
            eligible = (scored.bits == 0) & (scored.totals >= self.policy.matching.minimum_score)
            return Ranking(self, day, opening, scored, eligible, scored.bits != 0)

    def _selected(self, where: CandidateFilter, destination: Placement, day: _Day) -> Rows:
        pool = day.pool
        selected = pool.position >= 0
        agencies = where.agency_codes or (destination.agency_code,)
        known = {self._agency_ids[code] for code in agencies if code in self._agency_ids}
        if len(known) < len(self._agency_codes):
            selected &= np.isin(pool.agency, list(known))
        if where.units:
            units = [
                self._unit_ids[key] for key in self._subtrees(where.units) if key in self._unit_ids
            ]
            selected &= np.isin(pool.unit, units)
        for code, level in where.competencies:
            column = COLUMN.get(code)
            if column is None:
                raise InvalidInput(
                    "competencies.unknown_competency_code", field="competencies", code=code
                )
            selected &= pool.held[:, column] >= level
        if where.education_family is not None:
            if where.education_family not in FAMILIES:
                raise InvalidInput(
                    "candidate_index.unknown_education_family",
                    field="educationFamily",
                    education_family=where.education_family,
                )
            fields = [
                i
                for i, text in enumerate(self._fields)
                if family_of(text) == where.education_family
            ]
            selected &= np.isin(pool.education_field, fields)
        if where.minimum_rating is not None:
            none = np.zeros(pool.size, dtype=np.int8)
            for year in rule_years(self.policy, day.circumstances.today):
                selected &= pool.ratings.get(year, none) >= where.minimum_rating.score
        if where.surplus_only:
            selected &= day.terms.surplus > 0
        return np.flatnonzero(selected)

    def _subtrees(self, units: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """The units given and every unit below them."""
        found: list[tuple[str, str]] = []
        for agency_code, unit_code in units:
            rows = self.database.query(
                "SELECT unit_code FROM directory_unit_tree "
                "WHERE agency_code = :agency AND ancestor_code = :unit",
                {"agency": agency_code, "unit": unit_code},
            )
            found += [(agency_code, row["unit_code"]) for row in rows]
        return found

    def _explained(
        self, rows: Sequence[int], destination: Placement, post: Position, day: _Day
    ) -> list[Match]:
        return [
            explain(self._candidate(row, day), destination, post, day.circumstances) for row in rows
        ]

    def match(self, nip: str, destination: Placement) -> Match:
        """One employee scored against one position, with the rules that exclude them."""
        with self._lock:
            self.refresh()
            day = self._state()
            row = self._row(nip)
            _, opening = self._opening(destination)
            return explain(
                self._candidate(row, day), destination, opening.position, day.circumstances
            )

    def origin_of(self, nip: str) -> Placement:
        """Where the employee is now (refused for one without a placement)."""
        with self._lock:
            self.refresh()
            return self._candidate(self._row(nip), self._state()).origin

    def _row(self, nip: str) -> int:
        row = self._nip_rows.get(nip)
        if row is None:
            raise NotFound("matching.employee_not_found", nip=nip)
        return row

    def placement_options(
        self, nip: str, agency_codes: Sequence[str], first: int, after: str | None
    ) -> Page[OptionRow]:
        """Positions with room in the employee's agency and the agencies given, the eligible
        ones first, each group best first."""
        with self._lock:
            self.refresh()
            day = self._state()
            circumstances = day.circumstances
            candidate = self._candidate(self._row(nip), day)
            own = own_fractions(candidate, circumstances)
            agencies = [candidate.origin.agency_code, *agency_codes]
            count = len(self._position_keys)
            places = {name: values[:count] for name, values in self._places.items()}
            known = [self._agency_ids[code] for code in agencies if code in self._agency_ids]
            room = places["known"] & (day.vacancies > 0) & np.isin(places["agency"], known)
            origin = _key(candidate.origin)
            # Positions alike ask alike: the competency and education parts are worked out
            # once per requirement, and the rules that exclude depend only on the agency and
            # whether the post is an official's. Matches are explained for the page alone.
            asks: dict[int, tuple[float, float]] = {}
            excluding: dict[tuple[str, bool], bool] = {}
            options: list[tuple[tuple[int, float, str], int]] = []
            for position_id in np.flatnonzero(room).tolist():
                key = self._position_keys[position_id]
                if key == origin:
                    continue
                requirement_id = int(places["requirement"][position_id])
                requirement = self._requirements[requirement_id]
                asked = asks.get(requirement_id)
                if asked is None:
                    asked = asks[requirement_id] = (
                        competency_part(candidate.competencies, requirement.required)[0],
                        education_part(candidate.education, requirement.education),
                    )
                unit = UnitRef(key[0], key[1])
                total, _ = weighed(
                    {
                        **own,
                        ScorePart.COMPETENCY: asked[0],
                        ScorePart.EDUCATION: asked[1],
                        ScorePart.ASKED_FOR: asked_for_part(candidate, unit, requirement.kind),
                    },
                    circumstances.weights,
                )
                rules = (key[0], requirement.kind.is_official)
                excluded = excluding.get(rules)
                if excluded is None:
                    post = self._post(position_id)
                    assert post is not None, "a position with room has its row read"
                    excluded = excluding[rules] = bool(
                        exclusions(candidate, Placement(*key), post, circumstances)
                    )
                options.append(((int(excluded), -total, "/".join(key)), position_id))
            options.sort()
            count = len(options)
            start = _option_cursor(after)
            if start is not None:
                options = [option for option in options if option[0] > start]
            rows = []
            for order, position_id in options[:first]:
                destination = self._placement_of(position_id)
                post = self._post(position_id)
                assert post is not None, "a position with room has its row read"
                match = explain(candidate, destination, post, circumstances, own)
                opening = Opening(destination, post, *self._counts(position_id))
                rows.append(OptionRow(opening, match, _option_key(order)))
            return Page(rows, len(options) > first, lambda: count)

    # --- a plan's starting point ---------------------------------------------------------

    def planning_data(
        self, scope: PlanScope, per_destination: int, excluded: frozenset[str]
    ) -> PlanningData:
        with self._lock:
            self.refresh()
            day = self._state()
            units = self._scope_units(scope)
            in_scope = [self._unit_ids[(a, u)] for a, u, _ in units if (a, u) in self._unit_ids]
            count = len(self._position_keys)
            places = {name: values[:count] for name, values in self._places.items()}
            scoped = places["known"] & np.isin(places["unit"], in_scope)
            codes = set(scope.position_codes)
            vacancies: dict[Placement, int] = {}
            open_positions: list[int] = []
            for position_id in np.flatnonzero(scoped & (day.vacancies > 0)):
                key = self._position_keys[position_id]
                if not codes or key[2] in codes:
                    vacancies[Placement(*key)] = int(day.vacancies[position_id])
                    open_positions.append(int(position_id))
            surplus_ids = np.flatnonzero(scoped & day.posts.surplus)
            surpluses = {
                Placement(*self._position_keys[i]): -int(day.vacancies[i]) for i in surplus_ids
            }
            # A province's plan weighs a hundred thousand candidacies, all kept: the
            # collector would go over them again and again (half the time taken, measured).
            with paced_for_bulk():
                candidacies, alike = self._plan_candidacies(
                    day, open_positions, surplus_ids.tolist(), per_destination, excluded
                )
            # A unit's need and staff over its own positions.
            weights = np.where(scoped, 1, 0)
            unit_count = len(self._unit_keys)
            needed = np.bincount(
                places["unit"], weights * np.maximum(places["needed"], 0), minlength=unit_count
            )
            present = np.bincount(places["unit"], weights * places["present"], minlength=unit_count)
            balances = []
            for agency, unit, name in units:
                unit_id = self._unit_ids.get((agency, unit))
                staff = (0, 0) if unit_id is None else (int(needed[unit_id]), int(present[unit_id]))
                balances.append(UnitStaff(agency, unit, name, *staff))
            return PlanningData(
                vacancies,
                surpluses,
                candidacies,
                alike,
                partial(self._explain_candidacies, day),
                tuple(balances),
            )

    def _explain_candidacies(self, day: _Day, chosen: Sequence[Candidacy]) -> tuple[Match, ...]:
        """The chosen moves of a plan scored part by part, as of the day they were ranked."""
        with self._lock:
            made = []
            for candidacy in chosen:
                _, opening = self._opening(candidacy.destination)
                row = self._row(candidacy.nip)
                made += self._explained([row], candidacy.destination, opening.position, day)
            return tuple(made)

    def _scope_units(self, scope: PlanScope) -> list[tuple[str, str, str]]:
        """Every unit of the scope (agency, code, name): those named with their sub-units,
        or every unit of the agencies."""
        params: dict[str, Any] = {}
        known = self.database.query(
            "SELECT code FROM directory_agencies WHERE "  # noqa: S608
            + one_of("code", list(scope.agency_codes), "agency", params),
            params,
        )
        missing = sorted(set(scope.agency_codes) - {row["code"] for row in known})
        if missing:
            raise NotFound("candidate_index.agency_not_found", codes=", ".join(missing))
        clauses = [one_of("agency_code", list(scope.agency_codes), "agency", params)]
        if scope.unit_codes:
            named = one_of("t.ancestor_code", list(scope.unit_codes), "unit", params)
            clauses.append(
                "code IN (SELECT t.unit_code FROM directory_unit_tree t "  # noqa: S608
                f"WHERE t.agency_code = u.agency_code AND {named})"
            )
        rows = self.database.query(
            "SELECT agency_code, code, name FROM directory_units u"  # noqa: S608
            f"{where_clause(clauses)} ORDER BY agency_code, code",
            params,
        )
        return [(row["agency_code"], row["code"], row["name"]) for row in rows]

    def _plan_candidacies(
        self,
        day: _Day,
        open_positions: list[int],
        surplus_positions: list[int],
        per_destination: int,
        excluded: frozenset[str],
    ) -> tuple[tuple[Candidacy, ...], dict[Placement, tuple[Placement, ...]]]:
        """For each open position, its best eligible candidates among the employees of the
        surplus positions. Positions alike but for their unit (same agency, kind and
        requirements) score everyone alike: they are one destination, named by the first of
        them, with the positions it stands for (the second value)."""
        pool, terms = day.pool, day.terms
        if not open_positions or not surplus_positions or per_destination <= 0:
            return (), {}
        chosen = np.isin(pool.position, surplus_positions) & (terms.bits == 0)
        left_out = [self._nip_rows[nip] for nip in excluded if nip in self._nip_rows]
        chosen[left_out] = False
        rows = np.flatnonzero(chosen)
        if not len(rows):
            return (), {}
        index_of = np.full(pool.size, -1, dtype=np.int64)
        index_of[rows] = np.arange(len(rows))
        tie = day.tie_order[rows]
        weights = self.policy.matching
        groups: dict[tuple[Any, ...], list[int]] = {}
        # In the order of their keys, not of loading: the same scope names the same
        # representatives and shares its moves alike in every process.
        requirements = self._places["requirement"]
        for position_id in sorted(open_positions, key=self._position_keys.__getitem__):
            agency = self._position_keys[position_id][0]
            groups.setdefault((agency, int(requirements[position_id])), []).append(position_id)
        candidacies: list[Candidacy] = []
        alike: dict[Placement, tuple[Placement, ...]] = {}
        for position_ids in groups.values():
            first_id = position_ids[0]
            _, opening = self._opening(Placement(*self._position_keys[first_id]))
            target = self._target(first_id, opening, day)
            fractions = part_fractions(
                pool,
                terms,
                rows,
                target,
                self._fits(opening.position.required_education),
                asked=False,
            )
            totals = weighted_total(fractions, weights)
            valid_mask = exclusion_bits(pool, terms, rows, target, day.circumstances) == 0
            valid = np.flatnonzero(valid_mask)
            # Alike positions are one destination with their vacancies added up: enough
            # candidates to fill every one and still choose among ``per_destination``.
            wanted = per_destination - 1 + int(day.vacancies[position_ids].sum())
            best = valid[top(totals[valid], tie[valid], wanted)]
            if len(position_ids) > 1:
                alike[Placement(*self._position_keys[first_id])] = tuple(
                    Placement(*self._position_keys[position_id]) for position_id in position_ids
                )
            candidacies += self._candidacies_of(
                day, position_ids, rows, index_of, fractions, valid_mask, best, wanted
            )
        return tuple(candidacies), alike

    def _candidacies_of(
        self,
        day: _Day,
        position_ids: list[int],
        rows: Rows,
        index_of: NDArray[np.int64],
        fractions: Mapping[ScorePart, NDArray[np.float64]],
        valid: NDArray[np.bool_],
        best: NDArray[np.intp],
        wanted: int,
    ) -> list[Candidacy]:
        pool = day.pool
        destination = self._placement_of(position_ids[0])
        requirement = self._requirements[int(self._places["requirement"][position_ids[0]])]
        # Those who asked for this kind of post (0.5) or the unit of one of these positions
        # (1, which wins), among the eligible: few, so kept apart rather than as a column.
        asked: dict[int, float] = {}
        wishes = [(pool.asked_kinds.get(requirement.kind), 0.5)]
        if len(position_ids) == 1:
            # Positions alike in several units are one destination only while everyone
            # scores alike on each: asking for one of their units does not count there.
            unit = int(self._places["unit"][position_ids[0]])
            wishes.append((pool.asked_units.get(unit), 1.0))
        for wanted_by, value in wishes:
            if wanted_by is not None:
                inside = index_of[wanted_by]
                inside = inside[inside >= 0]
                asked.update(dict.fromkeys(inside[valid[inside]].tolist(), value))
        considered = (
            np.union1d(best, np.fromiter(asked, dtype=np.intp, count=len(asked))) if asked else best
        )
        weights = self.policy.matching
        # Each part's points, then their sum in ScorePart order: what weighted_total and
        # explain add, so that a chosen move's explanation gives the same total.
        totals = np.zeros(len(considered))
        for part in PARTS:
            if part is ScorePart.ASKED_FOR:
                values = np.array([asked.get(i, 0.0) for i in considered.tolist()])
            else:
                values = fractions[part][considered]
            totals += weights.weight(part) * values
        good = np.flatnonzero(totals >= weights.minimum_score)
        picked = good[top(totals[good], day.tie_order[rows[considered[good]]], wanted)]
        chosen_rows = rows[considered[picked]].tolist()
        return [
            Candidacy(
                self._nips[row],
                self._placement_of(int(pool.position[row])),
                destination,
                requirement.kind,
                round(total, 2),
            )
            for row, total in zip(chosen_rows, totals[picked].tolist(), strict=True)
        ]

    def _placement_of(self, position_id: int) -> Placement:
        found = self._placements.get(position_id)
        if found is None:
            found = self._placements[position_id] = Placement(*self._position_keys[position_id])
        return found


class Ranking:
    """The candidates of one position: the eligible ones and the excluded ones, each a list
    read a page at a time, best first (equal totals by NIP)."""

    def __init__(
        self,
        index: CandidateIndex,
        day: _Day,
        opening: Opening,
        scored: Scored,
        eligible: NDArray[np.bool_],
        excluded: NDArray[np.bool_],
    ) -> None:
        self._index = index
        self._day = day
        self.opening = opening
        self._scored = scored
        self._eligible = eligible
        self._excluded = excluded
        self._tie = (
            day.tie_order if len(scored.rows) == len(day.tie_order) else day.tie_order[scored.rows]
        )

    def ranked(self, first: int, after: str | None) -> Page[CandidateRow]:
        return self._page(self._eligible, first, after)

    def excluded(self, first: int, after: str | None) -> Page[CandidateRow]:
        return self._page(self._excluded, first, after)

    def _page(self, listed: NDArray[np.bool_], first: int, after: str | None) -> Page[CandidateRow]:
        index, day, scored = self._index, self._day, self._scored
        with index._lock:
            cursor = index._cursor(after, day)
            picked = top(scored.totals, self._tie, first + 1, cursor, among=listed)
            rows = [int(scored.rows[i]) for i in picked[:first]]
            matches = index._explained(rows, self.opening.placement, self.opening.position, day)
            made = [
                CandidateRow(
                    match, index._ranks[row], f"{float(scored.totals[i])!r}|{index._nips[row]}"
                )
                for match, row, i in zip(matches, rows, picked, strict=False)
            ]
        count = int(np.count_nonzero(listed))
        return Page(made, len(picked) > first, lambda: count)


def _rows_of(rows: set[int]) -> Rows:
    return np.fromiter(sorted(rows), dtype=np.intp, count=len(rows))


def _keep(values: dict[int, Any], row: int, value: Any) -> None:
    """Set a row's sparse value, or forget it when there is none."""
    if value:
        values[row] = value
    else:
        values.pop(row, None)


def _date(month: int, day: int) -> date:
    """The date of a row's month (year * 12 + month - 1) and day."""
    return date(month // 12, month % 12 + 1, day)


def _key(placement: Placement) -> PositionKey:
    return placement.agency_code, placement.unit_code, placement.position_code


_RATING_VALUES = {rating.value: score for score, rating in RATING_SCORES.items()}


def _option_key(order: tuple[int, float, str]) -> str:
    excluded, negative_total, destination = order
    return f"{excluded}|{-negative_total!r}|{destination}"


def _option_cursor(after: str | None) -> tuple[int, float, str] | None:
    if after is None:
        return None
    excluded, _, rest = after.partition("|")
    total, _, destination = rest.partition("|")
    try:
        return (int(excluded), -float(total), destination)
    except ValueError:
        raise InvalidInput(BAD_CURSOR, field="after") from None
