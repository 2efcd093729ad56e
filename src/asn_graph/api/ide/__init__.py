"""GraphiQL served from the package, so that it works on a network without internet access.

The page (``page.html``) names its assets by file; each is served from ``static/`` under
``/graphql/ide/`` with the first hex digits of its SHA-256 in the address, so browsers may keep
it for a year: a changed file gets a new address. The page has no inline script or style,
which lets it run under a policy of this origin only (``IDE_POLICY``).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

ASSETS_PATH = "/graphql/ide"
STATIC = Path(__file__).parent / "static"
_PAGE = Path(__file__).parent / "page.html"
_ASSET = re.compile(r"\{([\w.-]+)\}")
_IMMUTABLE = "public, max-age=31536000, immutable"


def ide_page() -> str:
    """The page, each asset named by an address that changes with its content."""
    return _ASSET.sub(lambda asset: asset_address(asset[1]), _PAGE.read_text(encoding="utf-8"))


def asset_address(name: str) -> str:
    digest = hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:16]
    return f"{ASSETS_PATH}/{name}?v={digest}"


class IdeAssets(StaticFiles):
    """The page's files, with their licences, cached for long: their addresses change with them."""

    def __init__(self) -> None:
        super().__init__(directory=STATIC)

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code in (200, 304):
            response.headers["Cache-Control"] = _IMMUTABLE
        return response
