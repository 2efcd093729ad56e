"""Passwords of local accounts, hashed with Argon2id (argon2-cffi's defaults, RFC 9106's
second recommended profile); only the hash is ever kept."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()
SHORTEST_PASSWORD = 10
LONGEST_PASSWORD = 1024
_UNKNOWN_ACCOUNT_HASH = _HASHER.hash("no account has this password")
"""Checked against when no account has the name given, so that a sign-in takes as long
whether or not the account exists."""


def password_hash(password: str) -> str:
    return _HASHER.hash(password)


def matches(password: str, hashed: str | None) -> bool:
    try:
        return _HASHER.verify(hashed or _UNKNOWN_ACCOUNT_HASH, password) and hashed is not None
    except (VerificationError, InvalidHashError):
        return False
