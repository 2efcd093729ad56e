"""The hash chain over the event log: each entry's hash covers the stored event and the hash
before it, so that changing, removing or inserting any stored event breaks every later link."""

from __future__ import annotations

import hashlib
from uuid import UUID

GENESIS = "0" * 64


def link(
    previous: str,
    position: int,
    originator_id: UUID | str,
    version: int,
    topic: str,
    state: bytes,
) -> str:
    """The hash of one log entry, given the hash of the entry before it."""
    digest = hashlib.sha256()
    digest.update(previous.encode())
    digest.update(f"\n{position}\n{originator_id}\n{version}\n{topic}\n".encode())
    digest.update(state)
    return digest.hexdigest()
