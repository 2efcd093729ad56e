"""The browser files GraphiQL's page loads are shipped in the package as their README says:
each vendored file by its SHA-256, with its licence."""

from __future__ import annotations

import hashlib
import re

from asn_graph.api.ide import STATIC

OUR_OWN = {"asn-graph-ide.js", "asn-graph-ide.css", "README.md"}


def _readme() -> str:
    return (STATIC / "README.md").read_text(encoding="utf-8")


def _listed_hashes() -> dict[str, str]:
    block = _readme().split("SHA-256:", 1)[1]
    return {name: digest for digest, name in re.findall(r"^([0-9a-f]{64})  (\S+)$", block, re.M)}


def test_every_vendored_file_has_the_sha256_its_readme_states() -> None:
    listed = _listed_hashes()
    shipped = {path.name for path in STATIC.iterdir() if path.is_file()} - OUR_OWN
    assert set(listed) == shipped
    for name, digest in listed.items():
        assert hashlib.sha256((STATIC / name).read_bytes()).hexdigest() == digest, name


def test_every_vendored_file_names_its_version_and_a_licence_that_is_shipped() -> None:
    row = r"^\| `([^`]+)` \| `([^`]+)` \| `[^`]+` \| MIT, `([^`]+)` \|$"
    rows = re.findall(row, _readme(), re.M)
    assert {name for name, _, _ in rows} == set(_listed_hashes())
    for name, package, licence in rows:
        version = package.rsplit("@", 1)[1]
        assert version in name
        assert (STATIC / licence).read_text(encoding="utf-8").startswith("MIT License")
