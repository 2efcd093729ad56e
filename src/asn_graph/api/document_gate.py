"""What a request's document must be before anything parses it, on every transport (the
short path, Strawberry's HTTP view, both WebSocket protocols):

- no longer than ``MAX_DOCUMENT_CHARACTERS`` (``BAD_INPUT``);
- named by its hash, the document the server knows by it: ``extensions.persistedQuery.
  sha256Hash`` (Apollo's persisted queries) or ``documentId`` (the GraphQL-over-HTTP
  convention for trusted documents, ``sha256:<hex>``); an unknown hash is
  ``PERSISTED_QUERY_NOT_FOUND``, and a text sent with it must have that hash;
- with trusted documents required (``ASN_GRAPH_TRUSTED_DOCUMENTS=on``), a text whose hash is
  known, or a known hash: anything else is ``DOCUMENT_NOT_TRUSTED``.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphql import GraphQLError

from asn_graph.api.errors import ErrorCode
from asn_graph.api.limits import MAX_DOCUMENT_CHARACTERS
from asn_graph.api.trusted_documents import TrustedDocuments, hash_key
from asn_graph.documents import document_hash


class DocumentRefused(Exception):
    def __init__(self, message: str, code: ErrorCode) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def error(self) -> GraphQLError:
        return GraphQLError(self.message, extensions={"code": self.code.value})

    def formatted(self) -> dict[str, object]:
        return {"message": self.message, "extensions": {"code": self.code.value}}


@dataclass(frozen=True)
class DocumentGate:
    trusted: TrustedDocuments
    required: bool
    """Only known documents run (``ASN_GRAPH_TRUSTED_DOCUMENTS=on``)."""

    def admit(self, query: object, extensions: object, document_id: object) -> str | None:
        """The text to run: the query sent, or the known document the request names by its
        hash; None when there is neither (the transport says a query is missing)."""
        name = _named(extensions, document_id)
        if name is not None:
            return self._known(name, query)
        if not isinstance(query, str) or not query:
            if self.required:
                raise DocumentRefused(
                    "this server runs only trusted documents: send documentId or "
                    "extensions.persistedQuery.sha256Hash",
                    ErrorCode.DOCUMENT_NOT_TRUSTED,
                )
            return None
        if len(query) > MAX_DOCUMENT_CHARACTERS:
            raise DocumentRefused(
                f"the document is longer than {MAX_DOCUMENT_CHARACTERS} characters",
                ErrorCode.BAD_INPUT,
            )
        if self.required and not self.trusted.knows(query):
            raise DocumentRefused(
                "this server runs only trusted documents, and this is not one of them",
                ErrorCode.DOCUMENT_NOT_TRUSTED,
            )
        return query

    def _known(self, name: str, query: object) -> str:
        text = self.trusted.named(name)
        if text is None:
            raise DocumentRefused(
                f"no document is known by {name}", ErrorCode.PERSISTED_QUERY_NOT_FOUND
            )
        if isinstance(query, str) and query and document_hash(query) != hash_key(name):
            raise DocumentRefused(
                f"the query sent is not the document {name} names", ErrorCode.BAD_INPUT
            )
        return text


def _named(extensions: object, document_id: object) -> str | None:
    """The hash a request names its document by, if any."""
    if document_id is not None:
        if not isinstance(document_id, str) or not document_id.strip():
            raise DocumentRefused("documentId is a string", ErrorCode.BAD_INPUT)
        return document_id
    persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
    if persisted is None:
        return None
    sha256 = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
    if not isinstance(sha256, str) or not sha256.strip():
        raise DocumentRefused(
            "extensions.persistedQuery needs sha256Hash, a string", ErrorCode.BAD_INPUT
        )
    return sha256
