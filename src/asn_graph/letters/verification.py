"""Verification addresses of decree letters: the case and the version of the letter, with a
keyed MAC so that addresses cannot be guessed or walked (the case id alone opens nothing)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from uuid import UUID

VERIFICATION_PATH = "/verifikasi/sk/"
MAC_LENGTH = 24


@dataclass(frozen=True)
class LetterKey:
    case_id: UUID
    version: int


class VerificationIds:
    """Ids made with a key of their own (``key``: the settings' letter key, never the token
    secret, so that rotating that secret leaves the addresses on letters valid). Ids made
    with one of the ``retired`` MAC keys are still recognised: letters printed before the key
    changed keep verifying."""

    def __init__(self, key: str | Callable[[], str], retired: Sequence[bytes] = ()) -> None:
        # A key read (or made) on first use: a server that never shows a letter needs none.
        self._read_key = key if callable(key) else lambda: key
        self._mac_key: bytes | None = None
        self._retired = tuple(retired)

    @property
    def _key(self) -> bytes:
        if self._mac_key is None:
            self._mac_key = _mac_key(self._read_key())
        return self._mac_key

    def id_of(self, key: LetterKey) -> str:
        return f"{key.case_id.hex}-{key.version}-{_mac(self._key, key)}"

    def key_of(self, verification_id: str) -> LetterKey | None:
        """The letter an id names, or None for an id this server did not make."""
        parts = verification_id.split("-")
        if len(parts) != 3 or not parts[1].isdigit() or len(parts[1]) > 9:
            return None
        try:
            key = LetterKey(UUID(hex=parts[0]), int(parts[1]))
        except ValueError:
            return None
        return (
            key
            if any(hmac.compare_digest(parts[2], _mac(k, key)) for k in (self._key, *self._retired))
            else None
        )


def former_mac_key(token_secret: str) -> bytes:
    """The MAC key earlier releases derived from the token secret, for the ids on letters made
    then: recognised as retired only, new ids never depend on the token secret."""
    return hmac.new(token_secret.encode(), b"asn-graph decree letters", hashlib.sha256).digest()


def _mac_key(key: str) -> bytes:
    return hmac.new(key.encode(), b"asn-graph decree letter verification", hashlib.sha256).digest()


def _mac(mac_key: bytes, key: LetterKey) -> str:
    message = f"{key.case_id}:{key.version}".encode()
    return hmac.new(mac_key, message, hashlib.sha256).hexdigest()[:MAC_LENGTH]


def mask_name(name: str) -> str:
    """The first letter of each word: enough to recognise one's own decree, not to learn a
    stranger's name."""
    return " ".join(word[0] + "*" * (len(word) - 1) for word in name.split())


def mask_nip(nip: str) -> str:
    return nip[:4] + "*" * (len(nip) - 8) + nip[-4:] if len(nip) > 8 else "*" * len(nip)
