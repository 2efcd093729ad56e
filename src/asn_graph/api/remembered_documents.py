"""Each distinct document parsed and validated once and remembered by its text, within
bounds, whichever path answers it: the fast paths' ``PreparedDocuments`` and, with them off,
the schema's ``ParsedOnce`` and ``ValidatedOnce`` read and fill the same memory.

- Only a document that parses is remembered: one refused for its tokens or its syntax leaves
  nothing behind. A document longer than ``MAX_DOCUMENT_CHARACTERS`` never gets here (see
  ``asn_graph.api.document_gate``).
- The memory is bounded in documents (``DOCUMENTS_REMEMBERED``) and in bytes
  (``DOCUMENT_MEMORY_BYTES``, and ``DOCUMENT_MAX_BYTES`` for one document): a parsed
  document keeps every token of its text with its location, about ``TOKEN_BYTES`` a token,
  so a few hundred documents near the token limit would otherwise hold hundreds of
  megabytes.
- A document longer than ``INLINE_PARSE_CHARACTERS`` is parsed and validated on a thread of
  its own: near the token limit that takes 20 + 60 ms, which on the event loop would hold
  up every other request, ``/healthz`` among them. The depth and alias limits are checked
  before the other rules, so that a document beyond them costs little more than its parse.
"""

from __future__ import annotations

import asyncio
import functools
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse
from strawberry.schema.schema import validate_document

from asn_graph.api.bounded_lru import BoundedLru
from asn_graph.api.limits import (
    DOCUMENT_MAX_BYTES,
    DOCUMENT_MEMORY_BYTES,
    DOCUMENTS_REMEMBERED,
    INLINE_PARSE_CHARACTERS,
    LIMIT_RULES,
    MAX_TOKENS,
)

P = ParamSpec("P")
T = TypeVar("T")

TOKEN_BYTES = 400
"""What graphql-core keeps of a parsed document per token of its text (the nodes, their
locations and the tokens these point to): measured at 330-400 bytes."""

ValidationKey = tuple[GraphQLSchema, tuple[Any, ...]]


@dataclass
class Remembered:
    document: DocumentNode
    validations: dict[ValidationKey, list[GraphQLError]] = field(default_factory=dict)
    """By schema and rules. The errors point into the document, so they weigh nothing more."""


_remembered: BoundedLru[str, Remembered] = BoundedLru(
    DOCUMENTS_REMEMBERED, DOCUMENT_MEMORY_BYTES, DOCUMENT_MAX_BYTES
)
_preparing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="asn-graph-documents")
"""One thread: documents wait their turn rather than take the processor from the requests
the event loop serves (a thread holds Python's lock only for its switch interval)."""


def unlinked_tokens(document: DocumentNode) -> int:
    """Counts the document's tokens and cuts the links between them. Nothing reads the links
    once the document is parsed (graphql-core drops them when it pickles a document), and
    a list linked both ways makes the whole document a cycle of references: dropped, it
    would wait for one of the garbage collector's full passes, each of which holds up the
    event loop for as long as it walks every object; unlinked, it is freed at once."""
    tokens = 0
    token = document.loc.start_token if document.loc is not None else None
    while token is not None:
        following = token.next
        token.prev = token.next = None
        tokens += 1
        token = following
    return tokens


def parsed(query: str) -> DocumentNode:
    """The document of ``query`` (at most ``MAX_TOKENS`` tokens), remembered once it parses;
    raises the ``GraphQLError`` of one that does not."""
    remembered = _remembered.get(query)
    if remembered is not None:
        return remembered.document
    document = parse(query, max_tokens=MAX_TOKENS)
    weight = sys.getsizeof(query) + unlinked_tokens(document) * TOKEN_BYTES
    _remembered.put(query, Remembered(document), weight)
    return document


def validated(
    schema: GraphQLSchema, query: str, document: DocumentNode, rules: tuple[Any, ...]
) -> list[GraphQLError] | None:
    """The validation errors of the remembered ``document`` of ``query`` (validated once per
    schema and rules); None when ``document`` is not the one remembered for ``query``."""
    remembered = _remembered.get(query)
    if remembered is None or remembered.document is not document:
        return None
    key = (schema, rules)
    errors = remembered.validations.get(key)
    if errors is None:
        errors = remembered.validations[key] = validate(schema, document, rules)
    return errors


def validate(
    schema: GraphQLSchema, document: DocumentNode, rules: tuple[Any, ...]
) -> list[GraphQLError]:
    """Strawberry's validation, the limits first: a document beyond them is refused with
    their errors alone, without the other rules' walk (three times as long as the parse
    near the token limit)."""
    limits = tuple(rule for rule in rules if rule in LIMIT_RULES)
    if limits:
        errors = validate_document(schema, document, limits)
        if errors:
            return errors
    return validate_document(schema, document, rules)


async def in_turn(query: str, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``function`` run for ``query``: at once when the document is short, else on the
    documents' thread (remembered or not: the hop costs little beside a long text)."""
    if len(query) <= INLINE_PARSE_CHARACTERS:
        return function(*args, **kwargs)
    call = functools.partial(function, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_preparing, call)


def memory() -> dict[str, int]:
    """Documents remembered and the bytes they hold (estimated as ``weight`` does)."""
    return {"entries": _remembered.entries, "bytes": _remembered.bytes}
