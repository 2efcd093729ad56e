"""The register of a case's decree letters: for each decree event (an issue or a correction),
the SHA-256 of the letter made from it, recorded when the decree was recorded. A copy someone
holds is genuine when its SHA-256 is the one recorded here, whatever renders letters later."""

from __future__ import annotations

import re
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from asn_graph.domain.actors import Actor
from asn_graph.domain.audited import AuditedAggregate
from asn_graph.domain.errors import Conflict, InvalidInput
from asn_graph.domain.placement import ID_NAMESPACE

SHA256 = re.compile(r"[0-9a-f]{64}")


def register_id(case_id: UUID) -> UUID:
    return uuid5(ID_NAMESPACE, f"decree-letters:{case_id}")


class DecreeLetterRegister(AuditedAggregate):
    TOPIC = "asn-graph/decree-letter-register"

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/decree-letter-register/event"
        actor: Actor
        reason: str

    class Opened(Event, Aggregate.Created):
        TOPIC = "asn-graph/decree-letter-register/opened"
        case_id: UUID

    class LetterRecorded(Event):
        TOPIC = "asn-graph/decree-letter-register/letter-recorded"
        version: int
        """The case's version whose decree event the letter was made from."""
        sha256: str

        def apply(self, aggregate: Any) -> None:
            aggregate.letters[self.version] = self.sha256

    def __init__(self, case_id: UUID, **_: Any) -> None:
        self.case_id = case_id
        self.letters: dict[int, str] = {}

    @classmethod
    def open(cls, case_id: UUID, actor: Actor) -> DecreeLetterRegister:
        return cls._create(
            cls.Opened, id=register_id(case_id), actor=actor, reason="", case_id=case_id
        )

    def record(self, version: int, sha256: str, actor: Actor) -> bool:
        """Records the letter of the decree event ``version``; False when it is recorded
        already with the same SHA-256 (a retried request). A letter's SHA-256 never changes."""
        if not SHA256.fullmatch(sha256):
            raise InvalidInput("decree_letters.sha256_format", field="sha256")
        recorded = self.letters.get(version)
        if recorded == sha256:
            return False
        if recorded is not None:
            raise Conflict("decree_letters.version_recorded_with_other_sha256", version=version)
        self._record(self.LetterRecorded, actor, "", version=version, sha256=sha256)
        return True
