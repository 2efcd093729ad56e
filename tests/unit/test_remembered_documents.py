"""Remembered documents: parsed once, their tokens unlinked (so that a dropped document is
freed at once, not by a full pass of the garbage collector), weighed by their tokens."""

from __future__ import annotations

import gc
import uuid

from graphql import parse

from asn_graph.api import remembered_documents


def test_a_parsed_document_holds_no_cycle_through_its_tokens() -> None:
    query = f"{{ a{uuid.uuid4().hex}: __typename b: __typename }}"
    document = remembered_documents.parsed(query)
    assert remembered_documents.parsed(query) is document
    assert document.loc is not None
    assert document.loc.start_token.next is None
    assert document.loc.end_token.prev is None

    gc.collect()
    gc.disable()
    try:
        again = parse(query)
        remembered_documents.unlinked_tokens(again)
        del again
        assert gc.collect() == 0, "freed by reference counting alone"
    finally:
        gc.enable()
