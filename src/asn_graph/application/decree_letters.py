"""The recorded SHA-256 of decree letters: written when a decree is issued or corrected (by
whoever recorded the decree), read when a letter is verified."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from asn_graph.application.store import StoreApplication
from asn_graph.domain.actors import Actor
from asn_graph.domain.decree_letter_register import DecreeLetterRegister, register_id
from asn_graph.domain.errors import Conflict

ATTEMPTS = 5


class DecreeLetterUseCases:
    def __init__(self, store: StoreApplication) -> None:
        self.store = store

    def record(self, actor: Actor, case_id: UUID, version: int, sha256: str) -> None:
        """Records the SHA-256 of the letter the case's decree event ``version`` made."""
        for _ in range(ATTEMPTS):
            register = self._register(case_id) or DecreeLetterRegister.open(case_id, actor)
            if not register.record(version, sha256, actor):
                return
            try:
                self.store.save(register)
            except IntegrityError:
                continue  # recorded at the same moment by another request: read it again
            return
        raise Conflict("decree_letters.changed_by_others")

    def recorded(self, case_id: UUID) -> dict[int, str]:
        """The SHA-256 recorded for each decree event's letter, by the case's version."""
        register = self._register(case_id)
        return dict(register.letters) if register is not None else {}

    def _register(self, case_id: UUID) -> DecreeLetterRegister | None:
        try:
            found = self.store.aggregate(register_id(case_id))
        except AggregateNotFoundError:
            return None
        return found if isinstance(found, DecreeLetterRegister) else None
