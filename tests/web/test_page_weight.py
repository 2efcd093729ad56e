"""The web application's own stylesheets and scripts stay light: each, and all of them
together (what a page can load at most), under 150 KB once compressed with gzip."""

from __future__ import annotations

import gzip
from pathlib import Path

import asn_graph.api.web

STATIC = Path(asn_graph.api.web.__file__).with_name("static")
LIMIT_BYTES = 150 * 1024


def test_every_static_asset_is_under_the_page_weight_compressed() -> None:
    assets = sorted(path for path in STATIC.rglob("*") if path.is_file())
    assert assets, "no static assets found"
    compressed = {path.name: len(gzip.compress(path.read_bytes())) for path in assets}
    assert {name: size for name, size in compressed.items() if size >= LIMIT_BYTES} == {}
    styles_and_scripts = sum(
        size for name, size in compressed.items() if name.endswith((".css", ".js"))
    )
    assert styles_and_scripts < LIMIT_BYTES
