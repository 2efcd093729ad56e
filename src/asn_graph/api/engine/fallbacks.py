"""Every time a fast path hands a request (or a field, or a line) to the library's general path.

A fast path gives up on what it deliberately does not take (a null, a value of another type, a
document that does not validate): that is expected and only counted. Anything else it raises
is a bug of the fast path, which the general path then hides by answering correctly: it is
counted too, and logged at WARNING with its traceback, once per reason and place (a selection,
say), so that a bug shows without flooding the log on every request.

``snapshot()`` gives the counts by reason; ``/healthz`` answers them with the server's mode.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Hashable
from enum import StrEnum

logger = logging.getLogger("asn_graph.api.engine")

PLACES_REMEMBERED = 1024
"""How many (reason, place) pairs are remembered as already logged: selections come and go
with the documents clients send, so the memory of them is bounded."""


class Fallback(StrEnum):
    COMPILED_MISS = "compiled selection: value not taken"
    COMPILED_ERROR = "compiled selection: unexpected error"
    PLAIN_LEAF = "plain leaf: null or value that does not read or coerce"
    PLAIN_COERCION = "plain leaf: coerced by the type's general coercion"
    PLAIN_OBJECT = "plain object: null, deferred or value not taken"
    SHORT_PATH_BODY = "short path: body is not one plain JSON operation"
    SHORT_PATH_DOCUMENT = "short path: document does not validate"
    SHORT_PATH_OPERATION = "short path: no operation of that name, or a subscription"
    SHORT_PATH_INTROSPECTION = "short path: introspection, allowed or refused by the general path"
    DOCUMENT_UNPARSED = "prepared documents: document does not parse"
    DOCUMENT_NOT_REMEMBERED = "prepared documents: document validated without the cache"
    ACCESS_LINE = "access line: formatted by uvicorn"


_lock = threading.Lock()
_counts: dict[str, int] = {}
_logged: OrderedDict[tuple[str, Hashable], None] = OrderedDict()


def count(reason: Fallback) -> None:
    """An expected fallback."""
    with _lock:
        _counts[reason] = _counts.get(reason, 0) + 1


def unexpected(reason: Fallback, place: Hashable, error: BaseException) -> None:
    """A fallback caused by an error the fast path did not expect: counted, and logged with
    its traceback the first time for this reason and place."""
    key = (reason.value, place)
    with _lock:
        _counts[reason] = _counts.get(reason, 0) + 1
        first = key not in _logged
        if first:
            _logged[key] = None
            if len(_logged) > PLACES_REMEMBERED:
                _logged.popitem(last=False)
    if first:
        logger.warning(
            "%s (the general path answered instead): %r", reason.value, place, exc_info=error
        )


def snapshot() -> dict[str, int]:
    """The fallbacks counted so far in this process, by reason."""
    with _lock:
        return {str(reason): n for reason, n in _counts.items()}


def reset() -> None:
    with _lock:
        _counts.clear()
        _logged.clear()
