"""A local OpenID Connect identity provider for the tests: discovery and a JWKS served on
127.0.0.1 from a thread, keys it can rotate, and tokens signed RS256 or ES256; and the
authorization code flow with PKCE: its authorization endpoint signs in at once the person the
test chose (``person``) and sends the browser back with a code, its token endpoint exchanges
the code for an ID token once its verifier, redirect address and client are right."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import socket
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote_plus, urlencode, urlparse

from joserfc import jwt
from joserfc.jwk import ECKey, KeySet, RSAKey

Key = RSAKey | ECKey
REALM = "/realms/bkpsdm"


def new_key(algorithm: str, kid: str | None = None) -> Key:
    kid = kid or f"{algorithm.lower()}-{uuid.uuid4().hex[:8]}"
    if algorithm == "RS256":
        return RSAKey.generate_key(2048, {"kid": kid, "use": "sig"})
    return ECKey.generate_key("P-256", {"kid": kid, "use": "sig"})


CLIENT_ID = "asn-graph-web"
CLIENT_SECRET = "rahasia-klien-asn-graph"


class IdentityProviderServer:
    """Serves ``/.well-known/openid-configuration`` and ``/jwks`` for the keys it holds, and
    ``/authorize`` and ``/token`` for the client ``CLIENT_ID``."""

    def __init__(self) -> None:
        self.keys: dict[str, Key] = {"RS256": new_key("RS256"), "ES256": new_key("ES256")}
        self.published: list[Key] = list(self.keys.values())
        self.jwks_requests = 0
        self.person: dict[str, Any] = {}
        """The claims of whoever signs in at ``/authorize`` (beside ``token``'s own)."""
        self.id_token_changes: dict[str, Any] = {}
        """Claims the ID token is given whatever was asked (a wrong nonce, audience...)."""
        self.authorizations: list[dict[str, str]] = []
        """The parameters of every request to ``/authorize``."""
        self.exchanges: list[dict[str, str]] = []
        """The form of every request to ``/token``, with the client its Basic header named."""
        self._codes: dict[str, dict[str, str]] = {}
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                address = urlparse(self.path)
                path = address.path.removeprefix(REALM)
                if path == "/.well-known/openid-configuration":
                    body: dict[str, Any] = {
                        "issuer": provider.issuer,
                        "jwks_uri": f"{provider.issuer}/jwks",
                        "authorization_endpoint": f"{provider.issuer}/authorize",
                        "token_endpoint": f"{provider.issuer}/token",
                        "id_token_signing_alg_values_supported": ["RS256", "ES256"],
                        "code_challenge_methods_supported": ["S256"],
                    }
                elif path == "/jwks":
                    provider.jwks_requests += 1
                    body = dict(KeySet(list(provider.published)).as_dict(private=False))
                elif path == "/authorize":
                    query = {k: v[0] for k, v in parse_qs(address.query).items()}
                    provider.authorizations.append(query)
                    self.send_response(302)
                    self.send_header("Location", provider._answer(query))
                    self.end_headers()
                    return
                else:
                    self.send_error(404)
                    return
                self._json(200, body)

            def do_POST(self) -> None:
                if urlparse(self.path).path.removeprefix(REALM) != "/token":
                    self.send_error(404)
                    return
                length = int(self.headers.get("Content-Length", "0"))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                client, secret = _basic(self.headers.get("Authorization", ""))
                provider.exchanges.append(form | {"basic_client": client})
                status, body = provider._exchange(form, client, secret)
                self._json(status, body)

            def _json(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}{REALM}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> IdentityProviderServer:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self.thread.is_alive():
            self.server.shutdown()
        self.server.server_close()

    def _answer(self, query: dict[str, str]) -> str:
        """Where the browser is sent back: with a code for the person, or the client's error."""
        back = query.get("redirect_uri", "")
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            return f"{back}?{urlencode({'error': 'unauthorized_client'})}"
        code = secrets.token_urlsafe(16)
        self._codes[code] = query
        return f"{back}?{urlencode({'code': code, 'state': query.get('state', '')})}"

    def _exchange(
        self, form: dict[str, str], client: str, secret: str
    ) -> tuple[int, dict[str, Any]]:
        asked = self._codes.pop(form.get("code", ""), None)  # a code serves once
        if client != CLIENT_ID or secret != CLIENT_SECRET:
            return 401, {"error": "invalid_client"}
        if (
            asked is None
            or form.get("grant_type") != "authorization_code"
            or form.get("redirect_uri") != asked.get("redirect_uri")
            or asked.get("code_challenge_method") != "S256"
            or _s256(form.get("code_verifier", "")) != asked.get("code_challenge")
        ):
            return 400, {"error": "invalid_grant"}
        claims = {"aud": CLIENT_ID, "nonce": asked.get("nonce")} | self.person
        id_token = self.token(**(claims | self.id_token_changes))
        return 200, {
            "access_token": secrets.token_urlsafe(16),
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": id_token,
        }

    def expire_codes(self) -> None:
        """Every code given so far expires: the token endpoint no longer exchanges it."""
        self._codes.clear()

    def rotate(self, algorithm: str) -> Key:
        """A new key for ``algorithm`` replaces the old one, which is no longer published."""
        old = self.keys[algorithm]
        self.keys[algorithm] = new_key(algorithm)
        self.published = [k for k in self.published if k is not old] + [self.keys[algorithm]]
        return old

    def token(
        self,
        *,
        algorithm: str = "RS256",
        key: Key | None = None,
        lifetime: float = 3600,
        issued: float | None = None,
        **claims: Any,
    ) -> str:
        key = key or self.keys[algorithm]
        now = int(time.time() if issued is None else issued)
        payload: dict[str, Any] = {
            "iss": self.issuer,
            "aud": "asn-graph",
            "iat": now,
            "exp": int(now + lifetime),
            "jti": uuid.uuid4().hex,
            "sub": "f3a1c2d4-0000-4000-8000-000000000001",
            "preferred_username": "budi.bkpsdm",
            "realm_access": {"roles": ["offline_access", "bkpsdm-staff"]},
            "agency": "1272",
        }
        payload.update(claims)
        return jwt.encode({"alg": algorithm, "kid": key.kid}, payload, key)


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _basic(header: str) -> tuple[str, str]:
    """The client id and secret of an HTTP Basic header (form-encoded, RFC 6749 2.3.1)."""
    if not header.startswith("Basic "):
        return "", ""
    client, _, secret = base64.b64decode(header[6:]).decode().partition(":")
    return unquote_plus(client), unquote_plus(secret)


class SilentServer:
    """Accepts connections and never answers: an identity provider that hangs."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.issuer = f"http://127.0.0.1:{self.socket.getsockname()[1]}"

    def __enter__(self) -> SilentServer:
        return self

    def __exit__(self, *_: object) -> None:
        self.socket.close()
