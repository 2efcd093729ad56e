"""Every kind of event a person may read in a history or the audit trail has a name in
Indonesian and English."""

from __future__ import annotations

import importlib
import pkgutil

from eventsourcing.domain import Aggregate

import asn_graph.application
import asn_graph.domain
from asn_graph.domain.event_names import EVENT_NAMES, event_name

INTERNAL = ("asn-graph/idempotency-record/",)


def _topics() -> set[str]:
    topics = set()
    for package in (asn_graph.domain, asn_graph.application):
        for module_info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            module = importlib.import_module(module_info.name)
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, Aggregate):
                    for member in vars(value).values():
                        topic = getattr(member, "TOPIC", None)
                        if (
                            isinstance(member, type)
                            and issubclass(member, Aggregate.Event)
                            and isinstance(topic, str)
                            and not topic.endswith("/event")
                            and not topic.startswith(INTERNAL)
                        ):
                            topics.add(topic)
    return topics


def test_every_event_is_named_in_both_languages() -> None:
    topics = _topics()
    assert "asn-graph/transfer-case/decree-issued" in topics
    assert sorted(topics - set(EVENT_NAMES)) == []
    for indonesian, english in EVENT_NAMES.values():
        assert indonesian.strip()
        assert english.strip()


def test_an_unknown_topic_is_shown_as_it_is() -> None:
    assert event_name("asn-graph/transfer-case/closed") == "Usulan selesai"
    assert event_name("asn-graph/transfer-case/closed", indonesian=False) == "Case closed"
    assert event_name("something/else") == "something/else"
