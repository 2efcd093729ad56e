"""Typed configuration, read once from the environment. Zero configuration runs on SQLite."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import unquote, urlparse

DEFAULT_DATABASE_URL = "sqlite:///asn-graph.sqlite3"
MIN_SECRET_LENGTH = 32


class SettingsError(ValueError):
    """A setting is missing or malformed."""


class Introspection(StrEnum):
    """Who may ask the API for its schema (``__schema``, ``__type``)."""

    ON = "on"
    """Anyone, signed in or not; errors also suggest the names a caller may have meant."""
    OFF = "off"
    """No one."""
    AUTHENTICATED = "authenticated"
    """Callers with a valid token."""


def _whole(env: Mapping[str, str], name: str, default: int, meaning: str, minimum: int = 1) -> int:
    text = env.get(name, str(default)).strip()
    if not text.isdigit() or int(text) < minimum:
        raise SettingsError(f"{name} must be {meaning}: {text!r}")
    return int(text)


def _yes(env: Mapping[str, str], name: str, default: bool = True) -> bool:
    text = env.get(name, "true" if default else "false").strip().lower()
    if text not in ("1", "true", "yes", "0", "false", "no"):
        raise SettingsError(f"{name} is true or false: {text!r}")
    return text in ("1", "true", "yes")


def _on(env: Mapping[str, str], name: str, default: bool = True) -> bool:
    text = env.get(name, "on" if default else "off").strip().lower()
    if text not in ("on", "off"):
        raise SettingsError(f"{name} is 'on' or 'off', not {text!r}")
    return text == "on"


@dataclass(frozen=True)
class Variable:
    """One environment variable the server reads, as ``asn-graph serve --help`` names it."""

    name: str
    default: str | None
    """As it would be written in the environment; None: not set unless given."""
    meaning: str


ENVIRONMENT: tuple[Variable, ...] = (
    Variable("ASN_GRAPH_DATABASE_URL", DEFAULT_DATABASE_URL, "the event store (or postgresql://)"),
    Variable("ASN_GRAPH_DATABASE_SCHEMA", None, "PostgreSQL schema (must exist)"),
    Variable("ASN_GRAPH_JWT_SECRET", None, "HS256 signing secret, 32+ characters"),
    Variable("ASN_GRAPH_SECRET_FILE", ".asn-graph-secret", "secret made when none is set"),
    Variable("ASN_GRAPH_POOL_SIZE", "8", "worker threads and database connections"),
    Variable("ASN_GRAPH_TIMEZONE", "Asia/Jakarta", "the zone in which 'today' is reckoned"),
    Variable("ASN_GRAPH_POLICY_FILE", None, "JSON file with the agency's policy values"),
    Variable("ASN_GRAPH_GRAPHIQL", "true", "serve GraphiQL on GET /graphql"),
    Variable("ASN_GRAPH_ACCESS_LOG", "true", "one log line per HTTP request"),
    Variable("ASN_GRAPH_FAST_PATHS", "on", "off: the libraries' general paths only"),
    Variable("ASN_GRAPH_PROJECTIONS", "inline", "external: an 'asn-graph project' worker"),
    Variable("ASN_GRAPH_READ_WAIT_MS", "2000", "wait for X-Asn-Graph-Min-Position"),
    Variable("ASN_GRAPH_PROJECTION_BATCH", "1000", "events per projection transaction"),
    Variable("ASN_GRAPH_SUBSCRIBER_BUFFER", "1000", "pending changes before FELL_BEHIND"),
    Variable("ASN_GRAPH_KEEPALIVE_SECONDS", "15", "pings on subscription sockets"),
    Variable("ASN_GRAPH_ALLOWED_ORIGINS", None, "origins whose pages may call the API (CORS)"),
    Variable("ASN_GRAPH_MAX_BODY_BYTES", "262144", "largest request body (413 beyond)"),
    Variable("ASN_GRAPH_READY_MAX_LAG", "1000", "read models' lag in events before /readyz 503"),
    Variable("ASN_GRAPH_COMMANDS_PER_MINUTE", "600", "commands a caller may send a minute"),
    Variable("ASN_GRAPH_TOKEN_MAX_HOURS", "24", "the longest a token may live"),
    Variable("ASN_GRAPH_INTROSPECTION", "authenticated", "who may ask for the schema"),
    Variable("ASN_GRAPH_FAILED_SIGNINS_PER_MINUTE", "20", "bad tokens an address may send"),
    Variable("ASN_GRAPH_TRUSTED_DOCUMENTS", "off", "on: only known documents run"),
    Variable("ASN_GRAPH_TRUSTED_DOCUMENTS_FILE", None, "allowlist: JSON manifest hash -> document"),
)
"""Every variable ``Settings.from_env`` reads, with its default: the one list the command's
help is made from (a test holds it to this module's code and to the README)."""


def environment_help() -> str:
    width = max(len(variable.name) for variable in ENVIRONMENT)
    lines = [
        f"  {variable.name:<{width}}  {variable.meaning}"
        + ("" if variable.default is None else f" (default: {variable.default})")
        for variable in ENVIRONMENT
    ]
    return "environment variables:\n" + "\n".join(lines)


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    database_schema: str | None = None
    jwt_secret: str | None = None
    secret_file: Path = Path(".asn-graph-secret")
    pool_size: int = 8
    timezone: str = "Asia/Jakarta"
    graphiql: bool = True
    policy_file: Path | None = None
    token_issuer: str = "asn-graph"  # noqa: S105
    projections: str = "inline"
    read_wait_ms: int = 2000
    projection_batch: int = 1000
    subscriber_buffer: int = 1000
    keepalive_seconds: int = 15
    allowed_origins: tuple[str, ...] = ()
    access_log: bool = True
    fast_paths: bool = True
    max_body_bytes: int = 262_144
    commands_per_minute: int = 600
    token_max_hours: int = 24
    ready_max_lag: int = 1000
    introspection: Introspection = Introspection.AUTHENTICATED
    failed_signins_per_minute: int = 20
    trusted_documents: bool = False
    trusted_documents_file: Path | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        projections = env.get("ASN_GRAPH_PROJECTIONS", "inline").lower()
        if projections not in ("inline", "external"):
            raise SettingsError(
                f"ASN_GRAPH_PROJECTIONS is 'inline' or 'external', not {projections!r}"
            )
        introspection = env.get("ASN_GRAPH_INTROSPECTION", "authenticated").strip().lower()
        if introspection not in set(Introspection):
            raise SettingsError(
                f"ASN_GRAPH_INTROSPECTION is 'on', 'off' or 'authenticated', not {introspection!r}"
            )
        return cls(
            introspection=Introspection(introspection),
            projection_batch=_whole(env, "ASN_GRAPH_PROJECTION_BATCH", 1000, "a positive count"),
            projections=projections,
            read_wait_ms=_whole(env, "ASN_GRAPH_READ_WAIT_MS", 2000, "milliseconds", minimum=0),
            database_url=env.get("ASN_GRAPH_DATABASE_URL", DEFAULT_DATABASE_URL),
            database_schema=env.get("ASN_GRAPH_DATABASE_SCHEMA") or None,
            jwt_secret=env.get("ASN_GRAPH_JWT_SECRET") or None,
            secret_file=Path(env.get("ASN_GRAPH_SECRET_FILE", ".asn-graph-secret")),
            pool_size=_whole(env, "ASN_GRAPH_POOL_SIZE", 8, "a positive integer"),
            timezone=env.get("ASN_GRAPH_TIMEZONE", "Asia/Jakarta"),
            graphiql=_yes(env, "ASN_GRAPH_GRAPHIQL"),
            access_log=_yes(env, "ASN_GRAPH_ACCESS_LOG"),
            fast_paths=_on(env, "ASN_GRAPH_FAST_PATHS"),
            policy_file=Path(env["ASN_GRAPH_POLICY_FILE"])
            if env.get("ASN_GRAPH_POLICY_FILE")
            else None,
            subscriber_buffer=_whole(
                env, "ASN_GRAPH_SUBSCRIBER_BUFFER", 1000, "a positive count of changes"
            ),
            keepalive_seconds=_whole(env, "ASN_GRAPH_KEEPALIVE_SECONDS", 15, "seconds"),
            max_body_bytes=_whole(env, "ASN_GRAPH_MAX_BODY_BYTES", 262_144, "a size in bytes"),
            token_max_hours=_whole(env, "ASN_GRAPH_TOKEN_MAX_HOURS", 24, "hours"),
            commands_per_minute=_whole(
                env, "ASN_GRAPH_COMMANDS_PER_MINUTE", 600, "a count (0: no limit)", minimum=0
            ),
            failed_signins_per_minute=_whole(
                env, "ASN_GRAPH_FAILED_SIGNINS_PER_MINUTE", 20, "a count (0: no limit)", minimum=0
            ),
            trusted_documents=_on(env, "ASN_GRAPH_TRUSTED_DOCUMENTS", default=False),
            trusted_documents_file=Path(env["ASN_GRAPH_TRUSTED_DOCUMENTS_FILE"])
            if env.get("ASN_GRAPH_TRUSTED_DOCUMENTS_FILE")
            else None,
            ready_max_lag=_whole(
                env, "ASN_GRAPH_READY_MAX_LAG", 1000, "a count of events", minimum=0
            ),
            allowed_origins=tuple(
                origin.strip()
                for origin in env.get("ASN_GRAPH_ALLOWED_ORIGINS", "").split(",")
                if origin.strip()
            ),
        )

    def environment_for_peer(self, **extra: str) -> dict[str, str]:
        """The environment of another asn-graph process (a worker, a second API) on the same
        store with the same signing secret, the same fast paths and the same refusals: this
        process's environment without its own ASN_GRAPH_ variables, then the store's, then
        ``extra``."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("ASN_GRAPH_")}
        env["ASN_GRAPH_DATABASE_URL"] = self.database_url
        env["ASN_GRAPH_FAST_PATHS"] = "on" if self.fast_paths else "off"
        env["ASN_GRAPH_INTROSPECTION"] = self.introspection.value
        # Every API process of a deployment refuses the same documents and callers.
        env["ASN_GRAPH_TRUSTED_DOCUMENTS"] = "on" if self.trusted_documents else "off"
        if self.trusted_documents_file is not None:
            env["ASN_GRAPH_TRUSTED_DOCUMENTS_FILE"] = str(self.trusted_documents_file.resolve())
        env["ASN_GRAPH_FAILED_SIGNINS_PER_MINUTE"] = str(self.failed_signins_per_minute)
        if self.database_schema:
            env["ASN_GRAPH_DATABASE_SCHEMA"] = self.database_schema
        env["ASN_GRAPH_JWT_SECRET"] = self.jwt_secret or ""
        env.update(extra)
        return env

    @property
    def is_postgres(self) -> bool:
        return urlparse(self.database_url).scheme in ("postgres", "postgresql")

    @property
    def sqlite_path(self) -> Path:
        parsed = urlparse(self.database_url)
        if parsed.scheme != "sqlite":
            raise SettingsError(f"not a SQLite URL: {self.database_url}")
        return Path(unquote(parsed.path.removeprefix("/")) or "asn-graph.sqlite3")

    def event_store_env(self) -> dict[str, str]:
        """The eventsourcing library's settings for this database."""
        if not self.is_postgres:
            return {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": str(self.sqlite_path),
                "SQLITE_LOCK_TIMEOUT": "10",
                "CREATE_TABLE": "y",
            }
        parsed = urlparse(self.database_url)
        schema = {"POSTGRES_SCHEMA": self.database_schema} if self.database_schema else {}
        return {
            **schema,
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": parsed.path.removeprefix("/") or "postgres",
            "POSTGRES_HOST": parsed.hostname or "localhost",
            "POSTGRES_PORT": str(parsed.port or 5432),
            "POSTGRES_USER": unquote(parsed.username or "postgres"),
            "POSTGRES_PASSWORD": unquote(parsed.password or ""),
            "POSTGRES_POOL_SIZE": str(self.pool_size),
            "POSTGRES_MAX_OVERFLOW": str(self.pool_size),
            "POSTGRES_ENABLE_DB_FUNCTIONS": "n",
            "CREATE_TABLE": "y",
        }

    @property
    def views_location(self) -> str:
        """Read models live in the same PostgreSQL database, or in a SQLite file of their own."""
        if self.is_postgres:
            return self.database_url
        path = self.sqlite_path
        return str(path.with_name(path.stem + ".views" + path.suffix))

    def _checked_secret_file(self) -> str:
        """The secret kept in the secret file, refused when it is short or others may read it
        (a secret anyone on the machine can read signs tokens for anyone)."""
        path = self.secret_file
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            raise SettingsError(
                f"the secret file {path.resolve()} may be read by others (mode {mode:o}): "
                f"chmod 600 {path}"
            )
        secret = path.read_text().strip()
        if len(secret) < MIN_SECRET_LENGTH:
            raise SettingsError(
                f"the secret file {path.resolve()} holds {len(secret)} characters; a secret "
                f"needs at least {MIN_SECRET_LENGTH}: remove the file and a new one is made"
            )
        return secret

    def signing_secret(self) -> str:
        """The JWT secret: from the environment, else a local secret file made on first use."""
        if self.jwt_secret:
            if len(self.jwt_secret) < MIN_SECRET_LENGTH:
                raise SettingsError(
                    f"ASN_GRAPH_JWT_SECRET needs at least {MIN_SECRET_LENGTH} characters"
                )
            return self.jwt_secret
        if self.secret_file.exists():
            return self._checked_secret_file()
        secret = secrets.token_urlsafe(48)
        self.secret_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secret)
        return secret
