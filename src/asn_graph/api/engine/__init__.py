"""The engine: fast paths that answer what most requests ask for with less of the general
machinery of Strawberry, graphql-core and uvicorn, each giving exactly the general path's
answer and handing anything else to it.

- ``short_path``: one POSTed JSON operation answered without Strawberry's general view;
- ``documents``: parsing and validation remembered per document text, with the limits;
- ``compiled`` and ``execution``: selection sets compiled to functions, plain fields read
  directly;
- ``input_conversion``: input objects built by a plan per type;
- ``names``: GraphQL names converted once;
- ``assembler``: objects of long lists built by position;
- ``access_log``: access lines written in batches and formatted cheaply;
- ``fallbacks``: every hand-over to a general path, counted (and logged when unexpected).

``ASN_GRAPH_FAST_PATHS=off`` serves with the general paths only (``asn_graph.api.schema``
builds each schema; ``use_on_types`` sets what lives on the Python types).
"""

from __future__ import annotations

import strawberry

from asn_graph.api.engine.assembler import use_fast_assembly
from asn_graph.api.engine.input_conversion import install, remove


def use_on_types(schema: strawberry.Schema, fast_paths: bool) -> None:
    """Sets the fast paths that live on the Python types rather than on one schema (input
    plans on the input types' definitions, assemblers made when the types are imported):
    process-wide, so the last application made decides for every schema of the process.
    Answers are the same either way; only the cost differs."""
    if fast_paths:
        install(schema)
    else:
        remove(schema)
    use_fast_assembly(fast_paths)
