"""Decree letters of a case: rendered from the events, named by their verification address,
and checked against a copy someone holds."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from uuid import UUID

from asn_graph.application.interface import Application
from asn_graph.domain.actors import Actor
from asn_graph.domain.errors import NotFound
from asn_graph.letters.facts import (
    LetterFacts,
    LetterRecord,
    LetterStatus,
    letter_facts,
    letter_records,
)
from asn_graph.letters.render import render_letter
from asn_graph.letters.verification import VERIFICATION_PATH, LetterKey, VerificationIds

DOWNLOAD_ROUTE = "/sk/{case_id}.pdf"


def download_path(case_id: UUID) -> str:
    return DOWNLOAD_ROUTE.format(case_id=case_id)


@dataclass(frozen=True)
class Letter:
    facts: LetterFacts
    record: LetterRecord
    verification_id: str
    verification_url: str
    pdf: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()

    @property
    def file_name(self) -> str:
        safe = "".join(c if c.isalnum() else "-" for c in self.facts.decree.number).strip("-")
        return f"SK-{safe}-{self.facts.nip}.pdf"


@dataclass(frozen=True)
class Verification:
    letter: Letter
    superseded_by: Letter | None
    recorded_sha256: str | None
    """The SHA-256 recorded when the decree was recorded; None for a decree recorded before
    letters' SHA-256 were (its letter is then checked against the one rendered now)."""

    @property
    def genuine_sha256(self) -> str:
        """What a genuine copy's SHA-256 is: the recorded one, else the letter's rendered now."""
        return self.recorded_sha256 or self.letter.sha256


class DecreeLetters:
    def __init__(self, app: Application, ids: VerificationIds, public_url: str) -> None:
        self.app = app
        self.ids = ids
        self.public_url = public_url.rstrip("/")

    def current(self, case_id: UUID) -> Letter:
        """The letter in force for a case; NotFound when it has none (no decree, or revoked)."""
        records = letter_records(self.app, case_id)
        if not records or records[-1].status is not LetterStatus.VALID:
            raise NotFound("letters.transfer_case_has_no_decree", case_id=case_id)
        return self._letter(case_id, records[-1])

    def verify(self, verification_id: str) -> Verification:
        key = self.ids.key_of(verification_id)
        if key is None:
            raise NotFound("letters.no_decree_letter_has_this")
        records = letter_records(self.app, key.case_id)
        record = next((r for r in records if r.version == key.version), None)
        if record is None:
            raise NotFound("letters.no_decree_letter_has_this")
        letter = self._letter(key.case_id, record)
        later = next((r for r in records if r.version == record.superseded_by), None)
        recorded = self.app.decree_letters.recorded(key.case_id).get(record.version)
        return Verification(letter, self._letter(key.case_id, later) if later else None, recorded)

    def record_current(self, actor: Actor, case_id: UUID) -> Letter:
        """Records the SHA-256 of the letter the case's latest decree event made, as ``actor``
        (who recorded the decree); called when a decree is issued or corrected."""
        letter = self.current(case_id)
        self.app.decree_letters.record(actor, case_id, letter.record.version, letter.sha256)
        return letter

    def _letter(self, case_id: UUID, record: LetterRecord) -> Letter:
        verification_id = self.ids.id_of(LetterKey(case_id, record.version))
        url = f"{self.public_url}{VERIFICATION_PATH}{verification_id}"
        facts = letter_facts(self.app, case_id, record)
        return Letter(facts, record, verification_id, url, render_letter(facts, url))
