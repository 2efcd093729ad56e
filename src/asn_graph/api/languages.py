"""The language a request is answered in: the most preferred of Indonesian and English in its
``Accept-Language`` header (RFC 9110), else a default. The API's default is English, so that
an integrator who sends no header reads what it always read; the web pages default to
Indonesian (``asn_graph.api.web.messages.language_of``). Error messages and the human text of
fields (a finding's message, a candidate's exclusion reasons) follow it; codes never change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from asn_graph.domain.messages import Language

API_DEFAULT_LANGUAGE = Language.ENGLISH
ACCEPT_LANGUAGE = "accept-language"


def preferred_language(header: str | None, default: Language) -> Language:
    """The most preferred of our languages in an ``Accept-Language`` header; ``default`` when
    it names neither (or there is none)."""
    ranked: list[tuple[float, int, Language]] = []
    for order, item in enumerate((header or "").split(",")):
        tag, _, parameters = item.strip().partition(";")
        language = language_named(tag.strip().split("-")[0].lower())
        if language is None:
            continue
        quality = _quality(parameters)
        if quality > 0:
            ranked.append((-quality, order, language))
    return min(ranked)[2] if ranked else default


def language_named(code: str | None) -> Language | None:
    try:
        return Language(code) if code else None
    except ValueError:
        return None


def connection_language(params: Mapping[str, Any] | None, default: Language) -> Language:
    """The language a WebSocket's ``connection_init`` payload asks for, as a browser cannot
    set headers on a WebSocket: ``{"Accept-Language": "id"}`` (any case); else ``default``
    (the handshake's own header)."""
    for key, value in (params or {}).items():
        if key.lower() == ACCEPT_LANGUAGE and isinstance(value, str):
            return preferred_language(value, default)
    return default


def language_of_context(context: object) -> Language:
    """The language of the request a GraphQL context serves."""
    language = getattr(context, "language", None)
    return language if isinstance(language, Language) else API_DEFAULT_LANGUAGE


def _quality(parameters: str) -> float:
    name, _, value = parameters.strip().partition("=")
    if name.strip() != "q":
        return 1.0
    try:
        return float(value)
    except ValueError:
        return 0.0
