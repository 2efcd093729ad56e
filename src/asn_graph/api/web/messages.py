"""The pages' messages in Indonesian (the default) and English, and the language of a request:
the language cookie, else the browser's ``Accept-Language``, else Indonesian."""

from __future__ import annotations

from types import MappingProxyType

from starlette.requests import Request

from asn_graph.api.web import texts
from asn_graph.domain.messages import Language as Language  # the pages import it from here

LANGUAGE_COOKIE = "asn_graph_language"


DEFAULT_LANGUAGE = Language.INDONESIAN


def _joined(language: Language) -> dict[str, str]:
    joined: dict[str, str] = {}
    for part in texts.PARTS:
        for key, text in getattr(part, language.name).items():
            if key in joined:
                raise ValueError(f"the text {key!r} is defined twice ({part.__name__})")
            joined[key] = text
    return joined


_CATALOGUE: dict[Language, dict[str, str]] = {language: _joined(language) for language in Language}
MESSAGES = MappingProxyType(
    {language: MappingProxyType(entries) for language, entries in _CATALOGUE.items()}
)


def chosen_language(value: str | None) -> Language | None:
    try:
        return Language(value) if value else None
    except ValueError:
        return None


def language_of(request: Request) -> Language:
    chosen = chosen_language(request.cookies.get(LANGUAGE_COOKIE))
    if chosen is not None:
        return chosen
    return accepted_language(request.headers.get("accept-language", ""))


def accepted_language(header: str) -> Language:
    """The most preferred of our languages in an ``Accept-Language`` header (RFC 9110)."""
    ranked: list[tuple[float, int, Language]] = []
    for order, item in enumerate(header.split(",")):
        tag, _, parameters = item.strip().partition(";")
        language = chosen_language(tag.strip().split("-")[0].lower())
        if language is None:
            continue
        ranked.append((-_quality(parameters), order, language))
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


def _quality(parameters: str) -> float:
    name, _, value = parameters.strip().partition("=")
    if name.strip() != "q":
        return 1.0
    try:
        return float(value)
    except ValueError:
        return 0.0
