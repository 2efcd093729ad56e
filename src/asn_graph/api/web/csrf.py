"""Cross-site request forgery protection for the pages' forms, by double submission: a random
token in a SameSite cookie, repeated in a hidden field of every form; a state-changing form is
accepted only when both are present and equal. Another site can make a browser send the
cookie, but cannot read it to write the field."""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request
from starlette.responses import Response

CSRF_COOKIE = "asn_graph_csrf"
CSRF_FIELD = "csrf_token"


def csrf_token(request: Request) -> str:
    """The request's token: the one its cookie holds, or a new one (set by ``keep_token``)."""
    return request.cookies.get(CSRF_COOKIE) or new_token()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def keep_token(request: Request, response: Response, token: str) -> None:
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(
            CSRF_COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )


def genuine(request: Request, submitted: object) -> bool:
    expected = request.cookies.get(CSRF_COOKIE)
    return (
        expected is not None
        and expected != ""
        and isinstance(submitted, str)
        and hmac.compare_digest(expected.encode(), submitted.encode())
    )
