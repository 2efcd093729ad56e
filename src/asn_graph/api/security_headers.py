"""Headers that tell a browser how to treat what the server sends.

Every answer says ``X-Content-Type-Options: nosniff``: a JSON answer is never taken for a
script or a page. Every HTML page also gets a Content-Security-Policy (unless the page brings
its own), ``frame-ancestors 'none'`` among it and ``X-Frame-Options: DENY`` for browsers
without it, so no other site can frame a page under a user's session, and
``Referrer-Policy: no-referrer``. The default policy allows scripts and styles of this origin
only: a page with inline script is refused it, whoever injected it.

GraphiQL's page (``asn_graph.api.ide``) loads every script and style from this origin too;
its policy (``IDE_POLICY``) only adds the fonts its stylesheet carries as ``data:`` addresses.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "Content-Security-Policy"
STRICT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
IDE_POLICY = STRICT_POLICY.replace("connect-src", "font-src 'self' data:; connect-src")
_NOSNIFF = (b"x-content-type-options", b"nosniff")
_HTML_HEADERS = (
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
_POLICY_NAME = CONTENT_SECURITY_POLICY.lower().encode()


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
