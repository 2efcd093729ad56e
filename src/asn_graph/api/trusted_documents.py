"""The documents the server knows by their SHA-256: the package's own
(``asn_graph.documents``) and those of an allowlist file (``ASN_GRAPH_TRUSTED_DOCUMENTS_FILE``).

The allowlist is a JSON manifest in either of the usual forms: an object of hash -> document
(GraphQL Code Generator's ``persisted-documents.json``, and what ``asn-graph documents
manifest`` prints), or Apollo's persisted query manifest
(``{"format": "apollo-persisted-query-manifest", "operations": [{"id", "body", ...}]}``).
A key may be written ``sha256:<hex>``. Every key must be the SHA-256 of its document: a
client that sends the text instead of the hash must find it by the same key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from asn_graph.documents import document_hash, manifest
from asn_graph.settings import SettingsError

HASH_PREFIX = "sha256:"


def hash_key(name: str) -> str:
    """A document's key as sent (``sha256:<hex>`` or ``<hex>``, any case) in one form."""
    return name.strip().lower().removeprefix(HASH_PREFIX)


@dataclass(frozen=True)
class TrustedDocuments:
    by_hash: Mapping[str, str]

    @classmethod
    def load(cls, allowlist: Path | None) -> TrustedDocuments:
        documents = dict(manifest())
        if allowlist is not None:
            documents.update(_read_manifest(allowlist))
        return cls(documents)

    def named(self, key: str) -> str | None:
        return self.by_hash.get(hash_key(key))

    def knows(self, text: str) -> bool:
        return document_hash(text) in self.by_hash


def _read_manifest(path: Path) -> dict[str, str]:
    try:
        content: Any = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as error:
        raise SettingsError(f"ASN_GRAPH_TRUSTED_DOCUMENTS_FILE {path}: {error}") from None
    entries = _entries(content, path)
    documents: dict[str, str] = {}
    for key, text in entries:
        if not isinstance(key, str) or not isinstance(text, str):
            raise SettingsError(f"{path}: each document is a text under its hash as a string")
        if hash_key(key) != document_hash(text):
            raise SettingsError(
                f"{path}: {key} is not the SHA-256 of its document ({document_hash(text)})"
            )
        documents[hash_key(key)] = text
    return documents


def _entries(content: Any, path: Path) -> list[tuple[Any, Any]]:
    if isinstance(content, dict) and isinstance(content.get("operations"), list):
        operations = content["operations"]
        if not all(isinstance(operation, dict) for operation in operations):
            raise SettingsError(f"{path}: each operation is an object with 'id' and 'body'")
        return [(operation.get("id"), operation.get("body")) for operation in operations]
    if isinstance(content, dict):
        return list(content.items())
    raise SettingsError(
        f"{path}: a manifest is an object of hash -> document, or Apollo's persisted query manifest"
    )
