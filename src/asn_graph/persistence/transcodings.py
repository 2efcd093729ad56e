"""JSON transcodings for the domain's value objects and enums.

Each transcoding has a stable name: stored events keep decoding after code moves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import DatetimeAsISO, JSONTranscoder, Transcoding, UUIDAsHex

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_records import (
    Approval,
    Decree,
    DocumentEvidence,
    DocumentType,
    Evaluation,
    Handover,
    Override,
    PlanLink,
    ProposalAnswer,
    Training,
)
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.competencies import (
    LOWEST_LEVEL,
    HeldCompetency,
    RequiredCompetency,
    from_legacy_text,
)
from asn_graph.domain.employee_records import Blocker, PlacementRecord
from asn_graph.domain.matching import CompetencyFit, Score, ScorePart
from asn_graph.domain.moratorium import Moratorium
from asn_graph.domain.nip import Gender
from asn_graph.domain.office_terms import HolderCapacity, Term
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import (
    ConsultationAnswer,
    LaunchOutcome,
    MoveSource,
    ObjectionReason,
    PlannedMove,
    PlanScope,
    PlanStatus,
    Preferences,
    UnitBalance,
    UnitRef,
)
from asn_graph.domain.positions import Position, Workload, WorkloadItem
from asn_graph.domain.reference import (
    AgencyKind,
    BlockerKind,
    Education,
    EducationLevel,
    EmploymentStatus,
    PerformanceRating,
    PositionKind,
    Rank,
)
from asn_graph.domain.rules import Finding, Rule, Severity
from asn_graph.domain.talent import Potential
from asn_graph.domain.transfer_types import (
    ApprovalStep,
    DecisionAuthority,
    Initiative,
    TransferType,
)
from asn_graph.persistence.json_form import json_form, recorded_fields

_EXACT_FLOATS = 2.0**63
"""orjson reads an integer beyond 64 bits as a float: a float this large may have been one."""
_WALKED = frozenset({dict, list, float})


class _ReadOtherwise(Exception):
    """The document holds a value orjson may read otherwise than the standard library."""


class StoreTranscoder(JSONTranscoder):
    """Encodes as the library does, so stored bytes stay what they always were, and decodes
    with orjson, reviving transcoded values from the parsed tree innermost first as the
    library's object hook does: reading the log was mostly the standard library's decoder.
    Documents orjson refuses (NaN, lone surrogates) or may read otherwise (it makes a float
    of an integer beyond 64 bits) are decoded by the library, as before."""

    def __init__(self) -> None:
        self._plain_forms: dict[str, Callable[[Any], Any] | None] = {}
        super().__init__()

    def register(self, transcoding: Transcoding) -> None:
        super().register(transcoding)
        self._plain_forms[transcoding.name] = self._plain_form(transcoding)

    def decode(self, data: bytes) -> Any:
        try:
            return self._revive(orjson.loads(data))
        except (orjson.JSONDecodeError, _ReadOtherwise):
            return super().decode(data)

    def decode_plain(self, data: bytes) -> dict[str, Any]:
        """The stored document with every value in its plain JSON form (what ``json_form``
        makes of the decoded value), read without building the domain's objects: readers
        that only show or store an event's values (the audit trail) need not decode it."""
        try:
            document = self._plain(orjson.loads(data))
        except (orjson.JSONDecodeError, _ReadOtherwise):
            document = json_form(super().decode(data))
        if type(document) is not dict:
            raise ValueError(f"a stored event's state is a JSON object, not {document!r:.80}")
        return document

    def _plain_form(self, transcoding: Transcoding) -> Callable[[Any], Any] | None:
        """How the stored data of ``transcoding`` becomes its value's plain form, where that
        needs no decoding (``None``: decode it)."""
        if isinstance(transcoding, EnumAsValue | DateAsISO | DatetimeAsISO):
            return _as_stored
        if isinstance(transcoding, DataclassAsDict):
            return self._plain
        if isinstance(transcoding, UUIDAsHex):
            return _uuid_text
        return None

    def _plain(self, value: Any) -> Any:
        kind = type(value)
        if kind is dict:
            if len(value) == 2 and "_type_" in value and "_data_" in value:
                name = value["_type_"]
                form = self._plain_forms.get(name)
                if form is not None:
                    return form(value["_data_"])
                return json_form(self._revive(value))
            return {
                key: self._plain(item) if type(item) in _WALKED else item
                for key, item in value.items()
            }
        if kind is list:
            return [self._plain(item) if type(item) in _WALKED else item for item in value]
        if kind is float and not -_EXACT_FLOATS < value < _EXACT_FLOATS:
            raise _ReadOtherwise
        return value

    def _revive(self, value: Any) -> Any:
        kind = type(value)
        if kind is dict:
            for key, item in value.items():
                if type(item) in _WALKED:
                    value[key] = self._revive(item)
            if len(value) == 2 and "_type_" in value and "_data_" in value:
                transcoding = self.names.get(value["_type_"])
                if transcoding is not None:
                    return transcoding.decode(value["_data_"])
                return self._decode_obj(value)
            return value
        if kind is list:
            for index, item in enumerate(value):
                if type(item) in _WALKED:
                    value[index] = self._revive(item)
            return value
        if kind is float and not -_EXACT_FLOATS < value < _EXACT_FLOATS:
            raise _ReadOtherwise
        return value


def _as_stored(data: Any) -> Any:
    return data


def _uuid_text(data: str) -> str:
    return str(UUID(data))


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class EnumAsValue(Transcoding):
    """An enum member stored as its value under a stable name."""

    def __init__(self, enum_type: type[Enum], name: str) -> None:
        self.type = enum_type
        self.name = name
        # Members by value: a dictionary lookup instead of the enum call's machinery.
        self._members = {member.value: member for member in enum_type}

    def encode(self, obj: Enum) -> Any:
        return obj.value

    def decode(self, data: Any) -> Enum:
        member = self._members.get(data)
        return self.type(data) if member is None else member


class DataclassAsDict(Transcoding):
    """A frozen dataclass stored field by field; nested values use their own transcodings."""

    def __init__(self, dataclass_type: type[Any], name: str) -> None:
        self.type = dataclass_type
        self.name = name
        self._fields = [f.name for f in recorded_fields(dataclass_type)]
        # A field added with a default later reads as its default from older records.
        self._defaults = {
            f.name: f.default
            for f in recorded_fields(dataclass_type)
            if f.default is not dataclasses.MISSING
        }

    def encode(self, obj: Any) -> dict[str, Any]:
        return {name: getattr(obj, name) for name in self._fields}

    def decode(self, data: dict[str, Any]) -> Any:
        # JSON has no tuples; value objects hold tuples to stay hashable.
        # Stored facts are rebuilt as they were, without re-running today's validation.
        obj: Any = object.__new__(self.type)
        obj.__dict__.update(self._defaults)
        obj.__dict__.update(
            {key: tuple(value) if type(value) is list else value for key, value in data.items()}
        )
        return obj


class PositionAsDict(DataclassAsDict):
    """A position; one stored before the competency catalogue asked for free text, read as
    the codes that text names, at the lowest level (text naming no code is left out: the
    stored event keeps it, and the requirement is restated from the catalogue)."""

    def decode(self, data: dict[str, Any]) -> Any:
        required = data.get("required_competencies") or ()
        legacy = [item for item in required if type(item) is str]
        if legacy:
            codes, _ = from_legacy_text(legacy)
            kept = [item for item in required if type(item) is not str]
            known = {item.code for item in kept}
            data["required_competencies"] = kept + [
                RequiredCompetency(code, LOWEST_LEVEL) for code in codes if code not in known
            ]
        return super().decode(data)


class FindingAsDict(DataclassAsDict):
    """A finding, its message's parameters (name, value) pairs read back as tuples (one
    recorded before findings had keys reads with none)."""

    def decode(self, data: dict[str, Any]) -> Any:
        if "params" in data:
            data["params"] = tuple(tuple(pair) for pair in data["params"])
        return super().decode(data)


class ScoreAsDict(DataclassAsDict):
    """A score, its parts (part, points) pairs read back as tuples."""

    def decode(self, data: dict[str, Any]) -> Any:
        data["parts"] = tuple(tuple(pair) for pair in data["parts"])
        return super().decode(data)


ENUMS: dict[str, type[Enum]] = {
    "role": Role,
    "gender": Gender,
    "employment_status": EmploymentStatus,
    "rank": Rank,
    "performance_rating": PerformanceRating,
    "position_kind": PositionKind,
    "education_level": EducationLevel,
    "blocker_kind": BlockerKind,
    "agency_kind": AgencyKind,
    "transfer_type": TransferType,
    "initiative": Initiative,
    "approval_step": ApprovalStep,
    "decision_authority": DecisionAuthority,
    "case_state": CaseState,
    "document_type": DocumentType,
    "rule": Rule,
    "severity": Severity,
    "potential": Potential,
    "score_part": ScorePart,
    "plan_status": PlanStatus,
    "move_source": MoveSource,
    "objection_reason": ObjectionReason,
    "holder_capacity": HolderCapacity,
}

VALUE_OBJECTS: dict[str, type[Any]] = {
    "actor": Actor,
    "education": Education,
    "placement": Placement,
    "placement_record": PlacementRecord,
    "blocker": Blocker,
    "moratorium": Moratorium,
    "held_competency": HeldCompetency,
    "required_competency": RequiredCompetency,
    "workload": Workload,
    "workload_item": WorkloadItem,
    "document_evidence": DocumentEvidence,
    "approval": Approval,
    "decree": Decree,
    "handover": Handover,
    "training": Training,
    "evaluation": Evaluation,
    "override": Override,
    "proposal_answer": ProposalAnswer,
    "competency_fit": CompetencyFit,
    "unit_ref": UnitRef,
    "plan_scope": PlanScope,
    "preferences": Preferences,
    "consultation_answer": ConsultationAnswer,
    "planned_move": PlannedMove,
    "unit_balance": UnitBalance,
    "launch_outcome": LaunchOutcome,
    "plan_link": PlanLink,
    "office_term": Term,
}


def register_domain_transcodings(transcoder: JSONTranscoder) -> None:
    transcoder.register(DateAsISO())
    for name, enum_type in ENUMS.items():
        transcoder.register(EnumAsValue(enum_type, name))
    for name, value_type in VALUE_OBJECTS.items():
        transcoder.register(DataclassAsDict(value_type, name))
    transcoder.register(PositionAsDict(Position, "position"))
    transcoder.register(ScoreAsDict(Score, "score"))
    transcoder.register(FindingAsDict(Finding, "finding"))
