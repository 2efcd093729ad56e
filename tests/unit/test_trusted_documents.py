"""The trusted documents: the package's own (each valid against the schema), an allowlist in
either manifest form, refused when a key is not its document's hash, and the manifest the
command prints."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from graphql import OperationDefinitionNode, parse
from strawberry.schema.schema import validate_document

from asn_graph.api.limits import REQUEST_RULES
from asn_graph.api.schema import build_schema
from asn_graph.api.trusted_documents import TrustedDocuments
from asn_graph.cli import main
from asn_graph.documents import document_hash, manifest, package_documents
from asn_graph.settings import SettingsError

QUERY = "query Agencies { agencies { code } }"


@pytest.mark.parametrize("name", sorted(package_documents()))
def test_each_package_document_is_one_named_operation_valid_against_the_schema(
    name: str,
) -> None:
    document = parse(package_documents()[name])
    (operation,) = document.definitions
    assert isinstance(operation, OperationDefinitionNode)
    assert operation.name is not None
    assert operation.name.value == name
    assert validate_document(build_schema(True)._schema, document, REQUEST_RULES) == []


def test_an_allowlist_adds_to_the_package_documents_in_either_form(tmp_path: Path) -> None:
    key = document_hash(QUERY)
    plain, apollo = tmp_path / "plain.json", tmp_path / "apollo.json"
    plain.write_bytes(orjson.dumps({f"SHA256:{key.upper()}": QUERY}))
    operation = {"id": key, "name": "Agencies", "type": "query", "body": QUERY}
    apollo.write_bytes(
        orjson.dumps({"format": "apollo-persisted-query-manifest", "operations": [operation]})
    )
    for allowlist in (plain, apollo):
        trusted = TrustedDocuments.load(allowlist)
        assert trusted.named(f"sha256:{key}") == trusted.named(key) == QUERY
        assert trusted.knows(QUERY)
        assert set(manifest()) < set(trusted.by_hash)


@pytest.mark.parametrize(
    ("content", "refusal"),
    [
        (orjson.dumps({"0" * 64: QUERY}), "is not the SHA-256 of its document"),
        (orjson.dumps([QUERY]), "a manifest is an object"),
        (orjson.dumps({document_hash(QUERY): 7}), "a text under its hash"),
        (b"{not json", "ASN_GRAPH_TRUSTED_DOCUMENTS_FILE"),
    ],
    ids=["wrong-hash", "not-an-object", "not-a-text", "not-json"],
)
def test_an_allowlist_that_is_not_a_manifest_is_refused(
    tmp_path: Path, content: bytes, refusal: str
) -> None:
    allowlist = tmp_path / "trusted.json"
    allowlist.write_bytes(content)
    with pytest.raises(SettingsError, match=refusal):
        TrustedDocuments.load(allowlist)


def test_the_command_prints_the_manifest(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ASN_GRAPH_TRUSTED_DOCUMENTS_FILE", raising=False)
    assert main(["documents", "manifest"]) == 0
    printed = orjson.loads(capsys.readouterr().out)
    assert printed == manifest()
    assert all(document_hash(text) == key for key, text in printed.items())
    assert set(printed.values()) == set(package_documents().values())
