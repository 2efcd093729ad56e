"""Typed configuration, read once from the environment. Zero configuration runs on SQLite."""

from __future__ import annotations

import math
import os
import secrets
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

DEFAULT_DATABASE_URL = "sqlite:///asn-graph.sqlite3"
DEFAULT_DATA_DIR = "~/.local/share/asn-graph"
DEFAULT_SECRET_FILE = ".asn-graph-secret"  # noqa: S105 (a file name)
DEFAULT_LETTER_KEY_FILE = ".asn-graph-letter-key"
DEFAULT_FILES_DIR = "files"
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024
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


def default_data_dir(env: Mapping[str, str]) -> Path:
    """Where an operator looks for a user's application data (XDG Base Directory): the same
    place whichever directory a command is run from."""
    xdg = env.get("XDG_DATA_HOME", "").strip()
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "asn-graph"
    return Path(DEFAULT_DATA_DIR).expanduser()


def _absolute_directory(text: str, default: Path) -> Path:
    # Made absolute once, when read: every path derived from it then means the same to a
    # peer process started elsewhere.
    return Path(text.strip()).expanduser().absolute() if text.strip() else default


class LogFormat(StrEnum):
    """How the server writes its logs."""

    TEXT = "text"
    """Uvicorn's lines, for a terminal."""
    JSON = "json"
    """One JSON object a line, with each request's id, operation, caller's role and outcome."""


def _whole(env: Mapping[str, str], name: str, default: int, meaning: str, minimum: int = 1) -> int:
    text = env.get(name, str(default)).strip()
    if not text.isdigit() or int(text) < minimum:
        raise SettingsError(f"{name} must be {meaning}: {text!r}")
    return int(text)


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    text = env.get(name, f"{default:g}").strip()
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < 3600:
        raise SettingsError(f"{name} must be a number of seconds above 0: {text!r}")
    return seconds


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


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
ROLE_NAMES = (
    "officer",
    "approver",
    "employee",
    "auditor",
    "integrator",
    "bkn",
    "governor",
    "minister",
)


@dataclass(frozen=True)
class IdentityProviderSettings:
    """An agency's OpenID Connect identity provider whose tokens the API accepts beside its
    own: found by discovery at ``issuer``, its keys from the JWKS discovery names."""

    issuer: str
    audience: str = "asn-graph"
    subject_claim: str = "sub"
    role_claim: str = "role"
    agency_claim: str = "agency"
    nip_claim: str = "nip"
    roles: tuple[tuple[str, str], ...] = ()
    """The provider's role values and the asn-graph role each stands for; none: the claim
    holds asn-graph role names."""
    timeout_seconds: float = 5.0
    keys_max_age_seconds: int = 3600
    """Keys are fetched again when older: a key the provider stopped publishing is refused
    from then on at the latest."""
    keys_min_interval_seconds: int = 60
    """A token naming a key not yet known fetches the keys again, but not more often: a
    stream of forged key ids cannot make the server hammer the provider."""
    client_id: str | None = None
    """This server as a client of the provider: people sign in to the web application through
    the provider (authorization code with PKCE) when it is set."""
    client_secret: str | None = None
    """None: a public client, proven by PKCE alone."""
    redirect_url: str | None = None
    """Where the provider sends a person back; None: the callback under the public URL."""
    display_name: str | None = None
    """The provider's name on the sign-in page; None: its issuer's host."""

    @property
    def signs_in_people(self) -> bool:
        return self.client_id is not None

    @property
    def name(self) -> str:
        return self.display_name or urlparse(self.issuer).hostname or self.issuer


def _issuer(text: str) -> str:
    parsed = urlparse(text)
    plain_http = parsed.scheme == "http" and parsed.hostname in LOOPBACK_HOSTS
    if not (parsed.scheme == "https" or plain_http) or not parsed.hostname:
        raise SettingsError(
            f"ASN_GRAPH_OIDC_ISSUER is an https:// URL (http:// only on this machine): {text!r}"
        )
    return text.rstrip("/")


def _redirect_url(text: str) -> str | None:
    if not text:
        return None
    parsed = urlparse(text)
    plain_http = parsed.scheme == "http" and parsed.hostname in LOOPBACK_HOSTS
    if not (parsed.scheme == "https" or plain_http) or not parsed.hostname:
        raise SettingsError(
            "ASN_GRAPH_OIDC_REDIRECT_URL is an https:// URL (http:// only on this machine): "
            f"{text!r}"
        )
    return text


def _role_map(text: str) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        theirs, equals, ours = item.rpartition("=")
        role, colon, scope = ours.strip().lower().partition(":")
        if (
            not equals
            or not theirs.strip()
            or role not in ROLE_NAMES
            or (colon and (scope != "national" or role not in ("auditor", "integrator")))
        ):
            raise SettingsError(
                "ASN_GRAPH_OIDC_ROLES is a comma-separated list of <provider's role>=<role>, "
                f"the role one of {', '.join(ROLE_NAMES)} (auditor:national or "
                f"integrator:national grant national scope): {item!r}"
            )
        pairs.append((theirs.strip(), ours.strip().lower()))
    return tuple(pairs)


class SmtpSecurity(StrEnum):
    """How the connection to the SMTP server is protected."""

    NONE = "none"
    """Plain SMTP (a relay on the same host or a trusted network)."""
    STARTTLS = "starttls"
    """Plain at first, then TLS before anything is sent (port 587)."""
    TLS = "tls"
    """TLS from the start (smtps://, port 465)."""


@dataclass(frozen=True)
class SmtpSettings:
    """The SMTP server the employees' notifications are mailed through."""

    host: str
    port: int
    sender: str
    security: SmtpSecurity = SmtpSecurity.NONE
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout_seconds: float = 10.0
    retry_seconds: float = 60.0
    """The first pause before a failed message is tried again (doubling up to an hour)."""


def _smtp(
    url: str, sender: str, starttls: bool, timeout_seconds: float, retry_seconds: float
) -> SmtpSettings | None:
    url, sender = url.strip(), sender.strip()
    if not url:
        return None
    parsed = urlparse(url)
    if parsed.scheme not in ("smtp", "smtps") or not parsed.hostname:
        raise SettingsError(
            "ASN_GRAPH_SMTP_URL is smtp://[user:password@]host[:port] or smtps://...: "
            f"{parsed.scheme}://{parsed.hostname or ''}"
        )
    if "@" not in sender:
        raise SettingsError(
            "ASN_GRAPH_SMTP_FROM is the address notifications are sent from "
            f"(needed with ASN_GRAPH_SMTP_URL): {sender!r}"
        )
    if parsed.scheme == "smtps" and starttls:
        raise SettingsError("smtps:// is TLS from the start: ASN_GRAPH_SMTP_STARTTLS is off")
    security = (
        SmtpSecurity.TLS
        if parsed.scheme == "smtps"
        else SmtpSecurity.STARTTLS
        if starttls
        else SmtpSecurity.NONE
    )
    return SmtpSettings(
        host=parsed.hostname,
        port=parsed.port or (465 if security is SmtpSecurity.TLS else 25),
        sender=sender,
        security=security,
        username=unquote(parsed.username) if parsed.username else None,
        password=unquote(parsed.password) if parsed.password else None,
        timeout_seconds=timeout_seconds,
        retry_seconds=retry_seconds,
    )


def _smtp_environment(smtp: SmtpSettings | None) -> dict[str, str]:
    if smtp is None:
        return {}
    scheme = "smtps" if smtp.security is SmtpSecurity.TLS else "smtp"
    login = ""
    if smtp.username:
        password = f":{quote(smtp.password, safe='')}" if smtp.password else ""
        login = f"{quote(smtp.username, safe='')}{password}@"
    return {
        "ASN_GRAPH_SMTP_URL": f"{scheme}://{login}{smtp.host}:{smtp.port}",
        "ASN_GRAPH_SMTP_FROM": smtp.sender,
        "ASN_GRAPH_SMTP_STARTTLS": "on" if smtp.security is SmtpSecurity.STARTTLS else "off",
        "ASN_GRAPH_SMTP_TIMEOUT_SECONDS": f"{smtp.timeout_seconds:g}",
        "ASN_GRAPH_SMTP_RETRY_SECONDS": f"{smtp.retry_seconds:g}",
    }


@dataclass(frozen=True)
class Variable:
    """One environment variable the server reads, as ``asn-graph serve --help`` names it."""

    name: str
    default: str | None
    """As it would be written in the environment; None: not set unless given."""
    meaning: str


ENVIRONMENT: tuple[Variable, ...] = (
    Variable("ASN_GRAPH_DATA_DIR", DEFAULT_DATA_DIR, "SQLite files and secret file"),
    Variable("ASN_GRAPH_DATABASE_URL", DEFAULT_DATABASE_URL, "the event store (or postgresql://)"),
    Variable("ASN_GRAPH_DATABASE_SCHEMA", None, "PostgreSQL schema (must exist)"),
    Variable("ASN_GRAPH_JWT_SECRET", None, "HS256 signing secret, 32+ characters"),
    Variable("ASN_GRAPH_SECRET_FILE", DEFAULT_SECRET_FILE, "secret made when none is set"),
    Variable("ASN_GRAPH_LETTER_KEY", None, "key of decree letters' verification addresses"),
    Variable("ASN_GRAPH_LETTER_KEY_FILE", DEFAULT_LETTER_KEY_FILE, "letter key made when none"),
    Variable("ASN_GRAPH_POOL_SIZE", "8", "worker threads and database connections"),
    Variable("ASN_GRAPH_DATABASE_TIMEOUT_SECONDS", "2", "longest wait for the database"),
    Variable("ASN_GRAPH_REQUEST_TIMEOUT_SECONDS", "30", "longest a request's work may take"),
    Variable("ASN_GRAPH_TIMEZONE", "Asia/Jakarta", "the zone in which 'today' is reckoned"),
    Variable("ASN_GRAPH_POLICY_FILE", None, "JSON file with the agency's policy values"),
    Variable("ASN_GRAPH_GRAPHIQL", "true", "serve GraphiQL on GET /graphql"),
    Variable("ASN_GRAPH_ACCESS_LOG", "true", "one log line per HTTP request"),
    Variable("ASN_GRAPH_LOG_FORMAT", "text", "json: one JSON object a line"),
    Variable("ASN_GRAPH_FAST_PATHS", "on", "off: the libraries' general paths only"),
    Variable("ASN_GRAPH_PROJECTIONS", "inline", "external: an 'asn-graph project' worker"),
    Variable("ASN_GRAPH_READ_WAIT_MS", "2000", "wait for X-Asn-Graph-Min-Position"),
    Variable("ASN_GRAPH_PROJECTION_BATCH", "1000", "events per projection transaction"),
    Variable("ASN_GRAPH_SUBSCRIBER_BUFFER", "1000", "pending changes before FELL_BEHIND"),
    Variable("ASN_GRAPH_KEEPALIVE_SECONDS", "15", "pings on subscription sockets"),
    Variable("ASN_GRAPH_ALLOWED_ORIGINS", None, "origins whose pages may call the API (CORS)"),
    Variable("ASN_GRAPH_PUBLIC_URL", "http://127.0.0.1:8000", "address printed on decree letters"),
    Variable("ASN_GRAPH_FILES_DIR", DEFAULT_FILES_DIR, "uploaded documents, named by SHA-256"),
    Variable("ASN_GRAPH_MAX_FILE_BYTES", str(DEFAULT_MAX_FILE_BYTES), "largest uploaded document"),
    Variable("ASN_GRAPH_MAX_BODY_BYTES", "262144", "largest request body (413 beyond)"),
    Variable("ASN_GRAPH_READY_MAX_LAG", "1000", "read models' lag in events before /readyz 503"),
    Variable("ASN_GRAPH_COMMANDS_PER_MINUTE", "600", "commands a caller may send a minute"),
    Variable("ASN_GRAPH_TOKEN_MAX_HOURS", "24", "the longest a token may live"),
    Variable("ASN_GRAPH_INTROSPECTION", "authenticated", "who may ask for the schema"),
    Variable("ASN_GRAPH_REVOCATION_SECONDS", "10", "revoked tokens read again after"),
    Variable("ASN_GRAPH_OIDC_ISSUER", None, "an identity provider whose tokens are accepted"),
    Variable("ASN_GRAPH_OIDC_AUDIENCE", "asn-graph", "the audience its tokens must name"),
    Variable("ASN_GRAPH_OIDC_SUBJECT_CLAIM", "sub", "claim naming the caller"),
    Variable("ASN_GRAPH_OIDC_ROLE_CLAIM", "role", "claim holding the role (a.b: nested)"),
    Variable("ASN_GRAPH_OIDC_AGENCY_CLAIM", "agency", "claim holding the agency code"),
    Variable("ASN_GRAPH_OIDC_NIP_CLAIM", "nip", "claim holding an employee's NIP"),
    Variable("ASN_GRAPH_OIDC_ROLES", None, "provider role=asn-graph role, comma-separated"),
    Variable("ASN_GRAPH_OIDC_TIMEOUT_SECONDS", "5", "wait for discovery and keys"),
    Variable("ASN_GRAPH_OIDC_KEYS_MAX_AGE", "3600", "seconds before keys are fetched again"),
    Variable("ASN_GRAPH_OIDC_KEYS_MIN_INTERVAL", "60", "fewest seconds between key fetches"),
    Variable("ASN_GRAPH_OIDC_CLIENT_ID", None, "client id: people sign in through the provider"),
    Variable("ASN_GRAPH_OIDC_CLIENT_SECRET", None, "client secret (none: PKCE alone)"),
    Variable("ASN_GRAPH_OIDC_REDIRECT_URL", None, "sign-in callback (none: under the public URL)"),
    Variable("ASN_GRAPH_OIDC_NAME", None, "the provider's name on the sign-in page"),
    Variable("ASN_GRAPH_FAILED_SIGNINS_PER_MINUTE", "20", "bad tokens an address may send"),
    Variable("ASN_GRAPH_TRUSTED_DOCUMENTS", "off", "on: only known documents run"),
    Variable("ASN_GRAPH_TRUSTED_DOCUMENTS_FILE", None, "allowlist: JSON manifest hash -> document"),
    Variable(
        "ASN_GRAPH_SMTP_URL", None, "smtp[s]://[user:password@]host[:port]: mail notifications"
    ),
    Variable("ASN_GRAPH_SMTP_FROM", None, "the address notifications are mailed from"),
    Variable("ASN_GRAPH_SMTP_STARTTLS", "off", "on: STARTTLS before sending (port 587)"),
    Variable("ASN_GRAPH_SMTP_TIMEOUT_SECONDS", "10", "longest wait for the SMTP server"),
    Variable("ASN_GRAPH_SMTP_RETRY_SECONDS", "60", "first wait before a failed mail is retried"),
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
    secret_file: Path = Path(DEFAULT_SECRET_FILE)
    """Relative to ``data_dir`` unless absolute."""
    letter_key: str | None = None
    """The key of decree letters' verification addresses: their own, so that rotating the
    token secret leaves the addresses printed on letters valid."""
    letter_key_file: Path = Path(DEFAULT_LETTER_KEY_FILE)
    """Relative to ``data_dir`` unless absolute; made on first use when no key is set."""
    data_dir: Path = field(default_factory=lambda: default_data_dir(os.environ))
    """Where relative SQLite files and the secret file are, wherever a command runs from."""
    pool_size: int = 8
    database_timeout_seconds: float = 2.0
    request_timeout_seconds: float = 30.0
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
    public_url: str = "http://127.0.0.1:8000"
    """Where the public pages are reached; decree letters print their verification address on
    it, so changing it changes the letters (and their SHA-256) rendered from then on."""
    access_log: bool = True
    fast_paths: bool = True
    max_body_bytes: int = 262_144
    commands_per_minute: int = 600
    token_max_hours: int = 24
    ready_max_lag: int = 1000
    introspection: Introspection = Introspection.AUTHENTICATED
    revocation_seconds: int = 10
    identity_provider: IdentityProviderSettings | None = None
    log_format: LogFormat = LogFormat.TEXT
    failed_signins_per_minute: int = 20
    trusted_documents: bool = False
    trusted_documents_file: Path | None = None
    files_dir: Path = Path(DEFAULT_FILES_DIR)
    """The uploaded documents' store; relative to ``data_dir`` unless absolute."""
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    smtp: SmtpSettings | None = None
    """Where the employees' notifications are mailed through; none: no e-mail."""

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
        issuer = env.get("ASN_GRAPH_OIDC_ISSUER", "").strip()
        identity_provider = (
            IdentityProviderSettings(
                issuer=_issuer(issuer),
                audience=env.get("ASN_GRAPH_OIDC_AUDIENCE", "asn-graph").strip(),
                subject_claim=env.get("ASN_GRAPH_OIDC_SUBJECT_CLAIM", "sub").strip(),
                role_claim=env.get("ASN_GRAPH_OIDC_ROLE_CLAIM", "role").strip(),
                agency_claim=env.get("ASN_GRAPH_OIDC_AGENCY_CLAIM", "agency").strip(),
                nip_claim=env.get("ASN_GRAPH_OIDC_NIP_CLAIM", "nip").strip(),
                roles=_role_map(env.get("ASN_GRAPH_OIDC_ROLES", "")),
                timeout_seconds=_whole(env, "ASN_GRAPH_OIDC_TIMEOUT_SECONDS", 5, "seconds"),
                keys_max_age_seconds=_whole(env, "ASN_GRAPH_OIDC_KEYS_MAX_AGE", 3600, "seconds"),
                keys_min_interval_seconds=_whole(
                    env, "ASN_GRAPH_OIDC_KEYS_MIN_INTERVAL", 60, "seconds", minimum=0
                ),
                client_id=env.get("ASN_GRAPH_OIDC_CLIENT_ID", "").strip() or None,
                client_secret=env.get("ASN_GRAPH_OIDC_CLIENT_SECRET", "").strip() or None,
                redirect_url=_redirect_url(env.get("ASN_GRAPH_OIDC_REDIRECT_URL", "").strip()),
                display_name=env.get("ASN_GRAPH_OIDC_NAME", "").strip() or None,
            )
            if issuer
            else None
        )
        log_format = env.get("ASN_GRAPH_LOG_FORMAT", "text").strip().lower()
        if log_format not in set(LogFormat):
            raise SettingsError(f"ASN_GRAPH_LOG_FORMAT is 'text' or 'json', not {log_format!r}")
        return cls(
            identity_provider=identity_provider,
            revocation_seconds=_whole(
                env, "ASN_GRAPH_REVOCATION_SECONDS", 10, "seconds", minimum=0
            ),
            introspection=Introspection(introspection),
            log_format=LogFormat(log_format),
            projection_batch=_whole(env, "ASN_GRAPH_PROJECTION_BATCH", 1000, "a positive count"),
            projections=projections,
            read_wait_ms=_whole(env, "ASN_GRAPH_READ_WAIT_MS", 2000, "milliseconds", minimum=0),
            data_dir=_absolute_directory(env.get("ASN_GRAPH_DATA_DIR", ""), default_data_dir(env)),
            database_url=env.get("ASN_GRAPH_DATABASE_URL", DEFAULT_DATABASE_URL),
            database_schema=env.get("ASN_GRAPH_DATABASE_SCHEMA") or None,
            jwt_secret=env.get("ASN_GRAPH_JWT_SECRET") or None,
            secret_file=Path(env.get("ASN_GRAPH_SECRET_FILE", DEFAULT_SECRET_FILE)),
            letter_key=env.get("ASN_GRAPH_LETTER_KEY") or None,
            letter_key_file=Path(env.get("ASN_GRAPH_LETTER_KEY_FILE", DEFAULT_LETTER_KEY_FILE)),
            pool_size=_whole(env, "ASN_GRAPH_POOL_SIZE", 8, "a positive integer"),
            database_timeout_seconds=_seconds(env, "ASN_GRAPH_DATABASE_TIMEOUT_SECONDS", 2.0),
            request_timeout_seconds=_seconds(env, "ASN_GRAPH_REQUEST_TIMEOUT_SECONDS", 30.0),
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
            public_url=env.get("ASN_GRAPH_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/"),
            files_dir=Path(env.get("ASN_GRAPH_FILES_DIR", "").strip() or DEFAULT_FILES_DIR),
            max_file_bytes=_whole(
                env, "ASN_GRAPH_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES, "a size in bytes"
            ),
            smtp=_smtp(
                env.get("ASN_GRAPH_SMTP_URL", ""),
                env.get("ASN_GRAPH_SMTP_FROM", ""),
                _on(env, "ASN_GRAPH_SMTP_STARTTLS", default=False),
                _seconds(env, "ASN_GRAPH_SMTP_TIMEOUT_SECONDS", 10.0),
                _seconds(env, "ASN_GRAPH_SMTP_RETRY_SECONDS", 60.0),
            ),
        )

    def environment_for_peer(self, **extra: str) -> dict[str, str]:
        """The environment of another asn-graph process (a worker, a second API) on the same
        store with the same signing secret, the same fast paths and the same refusals: this
        process's environment without its own ASN_GRAPH_ variables, then the store's, then
        ``extra``."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("ASN_GRAPH_")}
        env["ASN_GRAPH_DATABASE_URL"] = self.database_url
        env["ASN_GRAPH_DATA_DIR"] = str(self.data_dir)
        env["ASN_GRAPH_SECRET_FILE"] = str(self.secret_path)
        env["ASN_GRAPH_LETTER_KEY_FILE"] = str(self.data_dir / self.letter_key_file)
        if self.letter_key:
            env["ASN_GRAPH_LETTER_KEY"] = self.letter_key
        env["ASN_GRAPH_FAST_PATHS"] = "on" if self.fast_paths else "off"
        env["ASN_GRAPH_INTROSPECTION"] = self.introspection.value
        env["ASN_GRAPH_DATABASE_TIMEOUT_SECONDS"] = f"{self.database_timeout_seconds:g}"
        env["ASN_GRAPH_REQUEST_TIMEOUT_SECONDS"] = f"{self.request_timeout_seconds:g}"
        env["ASN_GRAPH_REVOCATION_SECONDS"] = str(self.revocation_seconds)
        env.update(_identity_provider_environment(self.identity_provider))
        env["ASN_GRAPH_LOG_FORMAT"] = self.log_format.value
        # Every API process of a deployment refuses the same documents and callers.
        env["ASN_GRAPH_TRUSTED_DOCUMENTS"] = "on" if self.trusted_documents else "off"
        if self.trusted_documents_file is not None:
            env["ASN_GRAPH_TRUSTED_DOCUMENTS_FILE"] = str(self.trusted_documents_file.resolve())
        env["ASN_GRAPH_FAILED_SIGNINS_PER_MINUTE"] = str(self.failed_signins_per_minute)
        # Every API process renders the same letter for a decree.
        env["ASN_GRAPH_PUBLIC_URL"] = self.public_url
        # Every API process serves the documents any of them received.
        env["ASN_GRAPH_FILES_DIR"] = str(self.files_path)
        env["ASN_GRAPH_MAX_FILE_BYTES"] = str(self.max_file_bytes)
        if self.database_schema:
            env["ASN_GRAPH_DATABASE_SCHEMA"] = self.database_schema
        env["ASN_GRAPH_JWT_SECRET"] = self.jwt_secret or ""
        # A second API process mails notifications too (each is claimed by one sender).
        env.update(_smtp_environment(self.smtp))
        env.update(extra)
        return env

    @property
    def token_max_lifetime(self) -> timedelta:
        return timedelta(hours=self.token_max_hours)

    @property
    def is_postgres(self) -> bool:
        return urlparse(self.database_url).scheme in ("postgres", "postgresql")

    @property
    def sqlite_path(self) -> Path:
        parsed = urlparse(self.database_url)
        if parsed.scheme != "sqlite":
            raise SettingsError(f"not a SQLite URL: {self.database_url}")
        # A relative path is in the data directory; an absolute one replaces it.
        return self.data_dir / (unquote(parsed.path.removeprefix("/")) or "asn-graph.sqlite3")

    @property
    def files_path(self) -> Path:
        """The uploaded documents' store, at the same place wherever a command runs from."""
        return self.data_dir / self.files_dir

    @property
    def secret_path(self) -> Path:
        """The secret file, at the same place whichever directory a command runs from."""
        return self.data_dir / self.secret_file

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
            "PERSISTENCE_MODULE": "asn_graph.persistence.postgres_event_store",
            "POSTGRES_DBNAME": parsed.path.removeprefix("/") or "postgres",
            "POSTGRES_HOST": parsed.hostname or "localhost",
            "POSTGRES_PORT": str(parsed.port or 5432),
            "POSTGRES_USER": unquote(parsed.username or "postgres"),
            "POSTGRES_PASSWORD": unquote(parsed.password or ""),
            "POSTGRES_POOL_SIZE": str(self.pool_size),
            "POSTGRES_MAX_OVERFLOW": str(self.pool_size),
            "POSTGRES_ENABLE_DB_FUNCTIONS": "n",
            # Each wait for the database (connecting, a pooled connection, the store's write
            # lock) is bounded, and so is the sum of the library's retries.
            "POSTGRES_WAIT_TIMEOUT": f"{self.database_timeout_seconds:g}",
            "POSTGRES_CONNECT_TIMEOUT": str(max(1, math.ceil(self.database_timeout_seconds))),
            "POSTGRES_LOCK_TIMEOUT": str(max(1, math.ceil(self.database_timeout_seconds))),
            "CREATE_TABLE": "y",
        }

    @property
    def views_location(self) -> str:
        """Read models live in the same PostgreSQL database, or in a SQLite file of their own."""
        if self.is_postgres:
            return self.database_url
        path = self.sqlite_path
        return str(path.with_name(path.stem + ".views" + path.suffix))

    def signing_secret(self) -> str:
        """The JWT secret: from the environment, else a local secret file made on first use."""
        if self.jwt_secret:
            if len(self.jwt_secret) < MIN_SECRET_LENGTH:
                raise SettingsError(
                    f"ASN_GRAPH_JWT_SECRET needs at least {MIN_SECRET_LENGTH} characters"
                )
            return self.jwt_secret
        return _kept_secret(self.secret_path, "secret")

    def letter_verification_key(self) -> str:
        """The key of decree letters' verification addresses: from the environment, else a
        file of its own in the data directory made on first use (never the token secret)."""
        if self.letter_key:
            if len(self.letter_key) < MIN_SECRET_LENGTH:
                raise SettingsError(
                    f"ASN_GRAPH_LETTER_KEY needs at least {MIN_SECRET_LENGTH} characters"
                )
            return self.letter_key
        return _kept_secret(self.data_dir / self.letter_key_file, "letter key")


def _checked_secret_file(path: Path, what: str) -> str:
    """The secret kept in a file, refused when it is short or others may read it (a secret
    anyone on the machine can read signs tokens for anyone)."""
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        raise SettingsError(
            f"the {what} file {path} may be read by others (mode {mode:o}): chmod 600 {path}"
        )
    secret = path.read_text().strip()
    if len(secret) < MIN_SECRET_LENGTH:
        raise SettingsError(
            f"the {what} file {path} holds {len(secret)} characters; a {what} "
            f"needs at least {MIN_SECRET_LENGTH}: remove the file and a new one is made"
        )
    return secret


def _kept_secret(path: Path, what: str) -> str:
    """The secret of a file, made on first use."""
    if path.exists():
        return _checked_secret_file(path, what)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    # Written whole under another name, then linked into place: a process starting at the
    # same moment (the API and a `token` command) finds either no file or the whole one.
    descriptor, written = tempfile.mkstemp(dir=path.parent, prefix=".secret-")
    try:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secret)
        os.link(written, path)
    except FileExistsError:
        return _checked_secret_file(path, what)
    finally:
        os.unlink(written)
    return secret


def _identity_provider_environment(
    provider: IdentityProviderSettings | None,
) -> dict[str, str]:
    if provider is None:
        return {}
    return {
        "ASN_GRAPH_OIDC_ISSUER": provider.issuer,
        "ASN_GRAPH_OIDC_AUDIENCE": provider.audience,
        "ASN_GRAPH_OIDC_SUBJECT_CLAIM": provider.subject_claim,
        "ASN_GRAPH_OIDC_ROLE_CLAIM": provider.role_claim,
        "ASN_GRAPH_OIDC_AGENCY_CLAIM": provider.agency_claim,
        "ASN_GRAPH_OIDC_NIP_CLAIM": provider.nip_claim,
        "ASN_GRAPH_OIDC_ROLES": ",".join(f"{theirs}={ours}" for theirs, ours in provider.roles),
        "ASN_GRAPH_OIDC_TIMEOUT_SECONDS": f"{provider.timeout_seconds:g}",
        "ASN_GRAPH_OIDC_KEYS_MAX_AGE": str(provider.keys_max_age_seconds),
        "ASN_GRAPH_OIDC_KEYS_MIN_INTERVAL": str(provider.keys_min_interval_seconds),
        "ASN_GRAPH_OIDC_CLIENT_ID": provider.client_id or "",
        "ASN_GRAPH_OIDC_CLIENT_SECRET": provider.client_secret or "",
        "ASN_GRAPH_OIDC_REDIRECT_URL": provider.redirect_url or "",
        "ASN_GRAPH_OIDC_NAME": provider.display_name or "",
    }
