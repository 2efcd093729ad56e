"""Logs as JSON lines (``ASN_GRAPH_LOG_FORMAT=json``): one object a line, for a log collector
to read without parsing text.

Every line has ``time`` (UTC), ``level``, ``logger`` and ``message``. An access record adds the
fields of ``request_log.access_fields``; any other record logged while a request is answered
(an unexpected error) adds that request's ``request_id``, ``operation``, ``actor_role`` and
``actor_agency``; an exception adds ``error`` (its type) and ``traceback``.

The access records go to standard output, everything else to standard error, as uvicorn's own
configuration does; with the fast paths on the access records are written in batches
(``engine.access_log``), with them off line by line. The fields are the same either way.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import orjson

from asn_graph.api.engine.access_log import BatchedStreamHandler
from asn_graph.api.request_log import ACCESS_LOGGER, current_request


class JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        access = getattr(record, "access", None)
        if isinstance(access, dict):
            line.update(access)
        else:
            note = current_request.get()
            if note is not None:
                line["request_id"] = note.request_id
                line["operation"] = note.operation
                line["actor_role"] = note.role
                line["actor_agency"] = note.agency
        if record.exc_info and record.exc_info[0] is not None:
            line["error"] = record.exc_info[0].__name__
            line["traceback"] = self.formatException(record.exc_info)
        return orjson.dumps(line, default=str).decode()


def json_logging_config(fast_paths: bool = True) -> dict[str, Any]:
    """The logging configuration of ``asn-graph serve`` with JSON lines (for ``uvicorn.run``,
    whose own access line is then turned off: the access records are the application's)."""
    formatter = {"()": f"{__name__}.{JsonLines.__name__}"}
    access_handler = (
        f"{BatchedStreamHandler.__module__}.{BatchedStreamHandler.__name__}"
        if fast_paths
        else "logging.StreamHandler"
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": formatter},
        "handlers": {
            "default": {
                "formatter": "json",
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
            },
            "access": {"formatter": "json", "class": access_handler, "stream": "ext://sys.stdout"},
        },
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"level": "INFO"},
            "asn_graph": {"handlers": ["default"], "level": "INFO", "propagate": False},
            ACCESS_LOGGER: {"handlers": ["access"], "level": "INFO", "propagate": False},
        },
    }
