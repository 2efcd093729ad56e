"""Headers that tell a browser how to treat what the server sends.

Every answer says ``X-Content-Type-Options: nosniff``: a JSON answer is never taken for a
script or a page. Every HTML page also gets a Content-Security-Policy (unless the page brings
its own), ``frame-ancestors 'none'`` among it and ``X-Frame-Options: DENY`` for browsers
without it, so no other site can frame a page under a user's session, and
``Referrer-Policy: no-referrer``. The default policy allows scripts and styles of this origin
only: a page with inline script is refused it, whoever injected it.

GraphiQL (``ide_policy``) is a page of Strawberry's with one inline script and its libraries
from a CDN, pinned by Subresource Integrity: its policy allows that script by its SHA-256 and
each library by its exact address, never ``'unsafe-inline'`` scripts. Its inline styles
(the page's ``<style>`` and the editors') are allowed.
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "Content-Security-Policy"
STRICT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
_NOSNIFF = (b"x-content-type-options", b"nosniff")
_HTML_HEADERS = (
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
_POLICY_NAME = CONTENT_SECURITY_POLICY.lower().encode()
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_SCRIPT_SOURCE = re.compile(r"<script[^>]*\ssrc=\"([^\"]+)\"", re.DOTALL)
_STYLESHEET = re.compile(r"<link[^>]*rel=\"stylesheet\"[^>]*\shref=\"([^\"]+)\"", re.DOTALL)


def ide_policy(page: str) -> str:
    """The policy of an IDE page: its inline scripts by hash, its libraries by address."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in _INLINE_SCRIPT.findall(page)
    ]
    scripts = " ".join([*hashes, *_SCRIPT_SOURCE.findall(page)])
    styles = " ".join(_STYLESHEET.findall(page))
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline' {styles}; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = _secured(list(message.get("headers", ())))
            await send(message)

        await self.app(scope, receive, send_secured)


def _secured(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    html = False
    policy = False
    for name, value in headers:
        if name == b"content-type":
            html = value[:9].lower() == b"text/html"
        elif name == _POLICY_NAME:
            policy = True
    headers.append(_NOSNIFF)
    if html:
        headers.extend(_HTML_HEADERS)
        if not policy:
            headers.append((_POLICY_NAME, STRICT_POLICY.encode()))
    return headers
