"""A local OpenID Connect identity provider for the tests: discovery and a JWKS served on
127.0.0.1 from a thread, keys it can rotate, and tokens signed RS256 or ES256."""

from __future__ import annotations

import json
import socket
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from joserfc import jwt
from joserfc.jwk import ECKey, KeySet, RSAKey

Key = RSAKey | ECKey
REALM = "/realms/bkpsdm"


def new_key(algorithm: str, kid: str | None = None) -> Key:
    kid = kid or f"{algorithm.lower()}-{uuid.uuid4().hex[:8]}"
    if algorithm == "RS256":
        return RSAKey.generate_key(2048, {"kid": kid, "use": "sig"})
    return ECKey.generate_key("P-256", {"kid": kid, "use": "sig"})


class IdentityProviderServer:
    """Serves ``/.well-known/openid-configuration`` and ``/jwks`` for the keys it holds."""

    def __init__(self) -> None:
        self.keys: dict[str, Key] = {"RS256": new_key("RS256"), "ES256": new_key("ES256")}
        self.published: list[Key] = list(self.keys.values())
        self.jwks_requests = 0
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.removeprefix(REALM)
                if path == "/.well-known/openid-configuration":
                    body: dict[str, Any] = {
                        "issuer": provider.issuer,
                        "jwks_uri": f"{provider.issuer}/jwks",
                        "id_token_signing_alg_values_supported": ["RS256", "ES256"],
                    }
                elif path == "/jwks":
                    provider.jwks_requests += 1
                    body = dict(KeySet(list(provider.published)).as_dict(private=False))
                else:
                    self.send_error(404)
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
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
