"""``asn-graph documents``: the GraphQL documents the server knows by their hash."""

from __future__ import annotations

import argparse
from typing import Any

import orjson

from asn_graph.settings import Settings


def add_commands(commands: Any) -> None:
    documents = commands.add_parser(
        "documents", help="the GraphQL documents the server trusts (persisted operations)"
    )
    actions = documents.add_subparsers(required=True, metavar="ACTION")
    manifest = actions.add_parser(
        "manifest",
        help="print the trusted documents as a JSON manifest (SHA-256 -> document)",
        description="Print the package's own documents and those of "
        "ASN_GRAPH_TRUSTED_DOCUMENTS_FILE as one JSON object, each document under the "
        "SHA-256 of its text: what clients send as documentId (sha256:<hash>) or "
        "extensions.persistedQuery.sha256Hash.",
    )
    manifest.set_defaults(handler=_manifest)


def _manifest(_: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.api.trusted_documents import TrustedDocuments

    trusted = TrustedDocuments.load(settings.trusted_documents_file)
    print(
        orjson.dumps(
            dict(trusted.by_hash), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
        ).decode()
    )
    return 0
