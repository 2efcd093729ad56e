"""Verification addresses of decree letters: the case and the version of the letter, with a
keyed MAC so that addresses cannot be guessed or walked (the case id alone opens nothing)."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from uuid import UUID

VERIFICATION_PATH = "/verifikasi/sk/"
MAC_LENGTH = 24


@dataclass(frozen=True)
class LetterKey:
    case_id: UUID
    version: int


class VerificationIds:
    def __init__(self, secret: str) -> None:
        # A key of its own, derived from the server's secret: a verification address
        # reveals nothing that would help forge a token.
        self._key = hmac.new(secret.encode(), b"asn-graph decree letters", hashlib.sha256).digest()

    def id_of(self, key: LetterKey) -> str:
        return f"{key.case_id.hex}-{key.version}-{self._mac(key)}"

    def key_of(self, verification_id: str) -> LetterKey | None:
        """The letter an id names, or None for an id this server did not make."""
        parts = verification_id.split("-")
        if len(parts) != 3 or not parts[1].isdigit() or len(parts[1]) > 9:
            return None
        try:
            key = LetterKey(UUID(hex=parts[0]), int(parts[1]))
        except ValueError:
            return None
        return key if hmac.compare_digest(parts[2], self._mac(key)) else None

    def _mac(self, key: LetterKey) -> str:
        message = f"{key.case_id}:{key.version}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:MAC_LENGTH]


def mask_name(name: str) -> str:
    """The first letter of each word: enough to recognise one's own decree, not to learn a
    stranger's name."""
    return " ".join(word[0] + "*" * (len(word) - 1) for word in name.split())


def mask_nip(nip: str) -> str:
    return nip[:4] + "*" * (len(nip) - 8) + nip[-4:] if len(nip) > 8 else "*" * len(nip)
