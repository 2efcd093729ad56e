"""What every read model is: tables, a schema version, handlers for the events it keeps."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from asn_graph.projections.database import Session
from asn_graph.projections.source import Envelope

Handler = Callable[[Session, Envelope], None]


class ReadModel:
    """A projection's tables and the way each event changes them.

    ``version`` names the shape of the tables and the meaning of the handlers: when it changes,
    the rows on disk were made by other code and the read model must be rebuilt.
    """

    name: ClassVar[str]
    version: ClassVar[int]
    tables: ClassVar[tuple[str, ...]]
    statements: ClassVar[tuple[str, ...]]
    weight: ClassVar[int] = 1
    """About how much work the model's handlers are beside the others' (to share a rebuild
    out between processes)."""
    reads_plain_state: ClassVar[bool] = False
    """Its handlers read ``envelope.plain`` (the stored values in plain form), never the
    decoded event: a projector of such models alone need not decode the log."""
    indexes: ClassVar[tuple[str, ...]] = ()
    """Indexes only queries use (the handlers find their rows without them): a rebuild makes
    them after the last batch, which is much cheaper than keeping them up row by row."""

    def __init__(self) -> None:
        self._handlers: dict[type[Any], Handler] = {}
        self._resolved: dict[type[Any], Handler | None] = {}
        self._by_topic: dict[str, Handler] = {}

    def on(self, event_type: type[Any], handler: Handler) -> None:
        """Handle ``event_type`` and its subclasses (unless they have a handler of their own)."""
        self._handlers[event_type] = handler
        self._resolved.clear()

    def on_topic(self, topic: str, handler: Handler) -> None:
        """Handle the events stored under ``topic``, given in plain form (``envelope.plain``):
        events of another part of the system that this model reads without importing it."""
        self._by_topic[topic] = handler

    def keeps_topic(self, topic: str) -> bool:
        """Whether this model reads the events of ``topic`` by name, in plain form."""
        return topic in self._by_topic

    def begin(self, session: Session, envelopes: Sequence[Envelope]) -> None:
        """Called at the start of each transaction that applies events, with the events it
        will be given (to read at once the rows they change)."""

    def finish(self, session: Session) -> None:
        """Called after the last ``apply`` of a transaction (to write what it kept)."""

    def apply(self, session: Session, envelope: Envelope) -> None:
        handler = self._by_topic.get(envelope.topic) or self._handler_for(type(envelope.event))
        if handler is not None:
            handler(session, envelope)

    def keeps(self, event_type: type[Any]) -> bool:
        """Whether events of ``event_type`` change this read model."""
        return self._handler_for(event_type) is not None

    def _handler_for(self, event_type: type[Any]) -> Handler | None:
        try:
            return self._resolved[event_type]
        except KeyError:
            handler = next(
                (self._handlers[c] for c in event_type.__mro__ if c in self._handlers), None
            )
            self._resolved[event_type] = handler
            return handler

    def statements_for(self, dialect: str) -> tuple[str, ...]:
        """The statements that make the tables on ``dialect`` (the same on both databases
        unless a model says otherwise)."""
        return self.statements

    def create_tables(self, session: Session, *, indexes: bool = True) -> None:
        for statement in self.statements_for(session.dialect):
            session.execute(statement)
        if indexes:
            self.create_indexes(session)

    def create_indexes(self, session: Session) -> None:
        for statement in self.indexes:
            session.execute(statement)

    def drop_tables(self, session: Session) -> None:
        for table in reversed(self.tables):
            session.execute(f"DROP TABLE IF EXISTS {table}")
