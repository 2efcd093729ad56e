"""Every message a person reads from the domain, the application and the API (errors and
findings), in Indonesian and English.

A message is a key of the catalogue (``asn_graph.domain.message_catalogue``) and its
parameters: ``raise InvalidInput("nip.length", field="nip", nip_length=NIP_LENGTH,
text=text)``. The error keeps both, and ``.message`` is its English text (what the logs and
an API client that asks for no language read); ``error.text(Language.INDONESIAN)`` is the
same message in Indonesian. A finding of a rule (``Finding``) carries a key and parameters
the same way.

For the pages' authors:

- ``describe(key, params, language)`` words any message of the catalogue;
- an API refusal reaches a page already in the page's language (``PageData.run`` asks the
  API in it), and so does a finding's ``message``;
- the names of codes (states, stages, rules, roles...) are in ``asn_graph.domain.names``
  (``name_of``, ``name_of_code``; in templates the filter ``named``), and the stage a case
  waits in is described by ``stage_words``.

A parameter is shown as it is (``str.format`` with the template's format spec), except a
``Message`` (worded in the same language), a sequence of messages (worded and joined with
"; "), a ``Listed`` (its messages worded and joined with its separator), and a member of an
enumeration (its code in English, as the messages always showed it; its Indonesian name in
Indonesian, when ``names`` knows one).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any

from asn_graph.domain.message_catalogue import CATALOGUE


class Language(StrEnum):
    INDONESIAN = "id"
    ENGLISH = "en"


@dataclass(frozen=True)
class Message:
    """A message of the catalogue with its parameters, worded when it is read."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def text(self, language: Language = Language.ENGLISH) -> str:
        return describe(self.key, self.params, language)


@dataclass(frozen=True)
class Listed:
    """Messages named together within another (the facts that differ), each worded in that
    message's language and joined with ``separator``."""

    items: tuple[Message, ...]
    separator: str = ", "

    def text(self, language: Language = Language.ENGLISH) -> str:
        return self.separator.join(item.text(language) for item in self.items)


def describe(key: str, params: Mapping[str, Any], language: Language) -> str:
    """The message ``key`` with ``params`` in ``language``. A key the catalogue does not
    hold is a text written before it had one: it is shown as it is."""
    templates = CATALOGUE.get(key)
    if templates is None:
        return key
    template = templates[0] if language is Language.INDONESIAN else templates[1]
    shown = {name: _shown(value, language) for name, value in params.items()}
    try:
        return template.format_map(shown)
    except (KeyError, IndexError, ValueError):
        # A parameter missing or of another kind: the words without it beat no answer
        # (the catalogue's tests keep templates and raise sites matched).
        return template


def _shown(value: Any, language: Language) -> Any:
    if isinstance(value, Message | Listed):
        return value.text(language)
    if isinstance(value, Enum):
        if language is Language.INDONESIAN:
            # Imported here: the names import the domain's modules, which import errors.
            from asn_graph.domain.names import name_of_code

            return name_of_code(type(value).__name__, str(value.value))
        return str(value.value)
    if (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and value
        and all(isinstance(item, Message) for item in value)
    ):
        return "; ".join(item.text(language) for item in value)
    return value
