"""The access log writes its lines in batches: late by at most its interval, at once for a
warning or a full batch, and everything that waits when it closes."""

from __future__ import annotations

import io
import logging
import logging.config
import time

import pytest
from uvicorn.logging import AccessFormatter

from asn_graph.api.engine.access_log import (
    AccessLineFormatter,
    BatchedStreamHandler,
    logging_config,
)


def _record(message: str, level: int = logging.INFO) -> logging.LogRecord:
    return logging.LogRecord("uvicorn.access", level, __file__, 1, message, None, None)


def test_lines_wait_for_the_interval_then_are_written_together() -> None:
    stream = io.StringIO()
    handler = BatchedStreamHandler(stream, interval=0.05)
    try:
        for n in range(3):
            handler.handle(_record(f"GET /healthz {n}"))
        assert stream.getvalue() == ""
        deadline = time.monotonic() + 5
        while not stream.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert stream.getvalue().splitlines() == [f"GET /healthz {n}" for n in range(3)]
    finally:
        handler.close()


def test_a_warning_or_a_full_batch_is_written_at_once_and_close_writes_the_rest() -> None:
    stream = io.StringIO()
    handler = BatchedStreamHandler(stream, interval=60, batch_bytes=100)
    handler.handle(_record("first"))
    handler.handle(_record("slow client", logging.WARNING))
    assert stream.getvalue().splitlines() == ["first", "slow client"]
    handler.handle(_record("x" * 120))
    assert stream.getvalue().splitlines()[-1] == "x" * 120
    handler.handle(_record("last"))
    handler.close()
    assert stream.getvalue().splitlines()[-1] == "last"


def test_uvicorns_configuration_takes_the_batched_handler() -> None:
    config = logging_config()
    logging.config.dictConfig(config)
    try:
        handlers = logging.getLogger("uvicorn.access").handlers
        assert [type(h) for h in handlers] == [BatchedStreamHandler]
    finally:
        for handler in logging.getLogger("uvicorn.access").handlers:
            handler.close()
        logging.getLogger("uvicorn.access").handlers.clear()


@pytest.mark.parametrize("status", [200, 400, 404, 503, 299])
def test_an_access_line_reads_as_uvicorns_own(status: int) -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:51234", "POST", "/graphql?x=1", "1.1", status),
        None,
    )
    fmt = logging_config()["formatters"]["access"]["fmt"]

    ours = AccessLineFormatter(fmt, use_colors=False).format(record)

    assert ours == AccessFormatter(fmt, use_colors=False).format(record)
    assert ours.startswith('INFO:     127.0.0.1:51234 - "POST /graphql?x=1 HTTP/1.1" ')


def test_the_access_logger_uses_the_cheaper_formatter() -> None:
    config = logging_config()
    logging.config.dictConfig(config)
    try:
        (handler,) = logging.getLogger("uvicorn.access").handlers
        assert type(handler.formatter) is AccessLineFormatter
    finally:
        handler.close()
        logging.getLogger("uvicorn.access").handlers.clear()
