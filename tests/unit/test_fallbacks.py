"""A fast path's hand-over to the general path is counted; one it did not mean is logged too,
and the answer is the general path's either way."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from typing import Any

import pytest
import strawberry

from asn_graph.api.engine import fallbacks
from asn_graph.api.engine.compiled import Compiler
from asn_graph.api.engine.execution import PlainFieldExecutionContext
from asn_graph.api.engine.fallbacks import Fallback


@strawberry.type
class Row:
    nip: str
    name: str


@strawberry.type
class Query:
    @strawberry.field
    def rows(self) -> list[Row]:
        return [Row(nip="a1", name="Ani"), Row(nip="b2", name=None)]  # type: ignore[arg-type]


QUERY = "{ rows { nip name } }"


@pytest.fixture(autouse=True)
def counted() -> Iterator[None]:
    fallbacks.reset()
    yield
    fallbacks.reset()


def _answers(query: str, times: int = 1) -> tuple[Any, list[Any]]:
    general = strawberry.Schema(query=Query)
    fast = strawberry.Schema(query=Query, execution_context_class=PlainFieldExecutionContext)
    return (
        asyncio.run(general.execute(query)),
        [asyncio.run(fast.execute(query)) for _ in range(times)],
    )


def test_a_value_the_compiled_selection_does_not_take_is_counted_and_not_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="asn_graph.api.engine"):
        general, (fast,) = _answers(QUERY)

    assert fast.data == general.data
    assert [e.message for e in fast.errors] == [e.message for e in general.errors]
    # The whole answer's selection, then the second row's on its own.
    assert fallbacks.snapshot()[Fallback.COMPILED_MISS] == 2
    assert Fallback.COMPILED_ERROR not in fallbacks.snapshot()
    assert not [r for r in caplog.records if r.name == "asn_graph.api.engine"]


def test_an_error_the_compiled_selection_did_not_mean_is_logged_once_and_counted(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    compiled = Compiler.compiled

    def broken(source: Any) -> Any:
        raise KeyError("a bug of the fast path")

    def with_a_bug(self: Compiler, *args: Any) -> Any:
        return None if compiled(self, *args) is None else broken

    monkeypatch.setattr(Compiler, "compiled", with_a_bug)
    with caplog.at_level(logging.WARNING, logger="asn_graph.api.engine"):
        general, answers = _answers("{ rows { nip } }", times=2)

    for fast in answers:
        assert fast.errors is None
        assert fast.data == general.data == {"rows": [{"nip": "a1"}, {"nip": "b2"}]}
    # The answer's selection and each row's, in each of the two requests; one place, one line.
    assert fallbacks.snapshot()[Fallback.COMPILED_ERROR] == 6
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert all(r.exc_info and isinstance(r.exc_info[1], KeyError) for r in warnings)


def test_one_place_is_logged_once_however_often_it_falls_back(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="asn_graph.api.engine"):
        for _ in range(3):
            fallbacks.unexpected(Fallback.COMPILED_ERROR, "selection", RuntimeError("bug"))

    assert fallbacks.snapshot() == {Fallback.COMPILED_ERROR.value: 3}
    assert len(caplog.records) == 1
