"""The package's own GraphQL documents: the operations its clients send (the web application's
will live here), one named operation per ``.graphql`` file. With trusted documents on
(``ASN_GRAPH_TRUSTED_DOCUMENTS``) the server runs these, the allowlist's, and nothing else;
``asn-graph documents manifest`` prints them keyed by their SHA-256."""

from __future__ import annotations

import hashlib
from importlib import resources


def document_hash(text: str) -> str:
    """The SHA-256 of a document's text (UTF-8), in hexadecimal: the key of a persisted query
    (Apollo's ``sha256Hash``) and, after ``sha256:``, of a trusted document's ``documentId``."""
    return hashlib.sha256(text.encode()).hexdigest()


def package_documents() -> dict[str, str]:
    """Each document by its file's name without ``.graphql``."""
    folder = resources.files(__name__)
    return {
        entry.name.removesuffix(".graphql"): entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda entry: entry.name)
        if entry.name.endswith(".graphql")
    }


def manifest() -> dict[str, str]:
    """The package's documents by their hash."""
    return {document_hash(text): text for text in package_documents().values()}
