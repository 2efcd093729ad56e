"""Every event type survives the trip through the store's JSON transcoder."""

import math
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar
from uuid import uuid4

import pytest
from eventsourcing.persistence import DatetimeAsISO, DecimalAsStr, JSONTranscoder, UUIDAsHex

from asn_graph.domain.case_records import PlanLink, Training
from asn_graph.domain.transfer_types import ApprovalStep
from asn_graph.persistence.json_form import json_form
from asn_graph.persistence.transcodings import StoreTranscoder, register_domain_transcodings
from tests.unit.builders import (
    APPROVER,
    HANDOVER,
    JURISDICTION,
    OFFICER,
    POLICY,
    TODAY,
    case,
    decree,
    signing,
)
from tests.unit.test_transfer_case import in_approval

T = TypeVar("T", bound=JSONTranscoder)


def _registered(transcoder: T) -> T:
    for builtin in (UUIDAsHex(), DatetimeAsISO()):
        transcoder.register(builtin)
    register_domain_transcodings(transcoder)
    return transcoder


def _events_of_a_long_case() -> list[dict[str, Any]]:
    subject = in_approval(case(plan=PlanLink(uuid4(), "BKPSDM-ANALIS-1")))
    subject.decide(
        ApprovalStep.REVIEW_BOARD,
        True,
        date(2026, 10, 1),
        "BA/1",
        APPROVER,
        "",
        jurisdiction=JURISDICTION,
        policy=POLICY,
    )
    subject.record_handover(HANDOVER, OFFICER)
    subject.issue_decree(decree(), (), APPROVER, signing(subject), POLICY)
    subject.record_installation(date(2026, 11, 10), POLICY, OFFICER)
    subject.take_effect(TODAY, POLICY, OFFICER)
    subject.record_training(Training("Orientasi", "BPSDM", 16, TODAY), OFFICER)
    return [dict(event.__dict__) for event in subject.collect_events()]


@pytest.mark.parametrize("transcoder_type", [JSONTranscoder, StoreTranscoder])
def test_value_objects_round_trip(transcoder_type: type[JSONTranscoder]) -> None:
    transcoder = _registered(transcoder_type())
    for state in _events_of_a_long_case():
        # JSON has no tuples: the event's own tuple fields come back as lists.
        expected = {k: list(v) if isinstance(v, tuple) else v for k, v in state.items()}
        assert transcoder.decode(transcoder.encode(state)) == expected


def test_the_store_writes_what_the_library_writes_and_reads_it_back_the_same() -> None:
    library, store = _registered(JSONTranscoder()), _registered(StoreTranscoder())
    for state in _events_of_a_long_case():
        stored = library.encode(state)
        assert store.encode(state) == stored
        assert store.decode(stored) == library.decode(stored)


@pytest.mark.parametrize(
    "document",
    [
        b'{"score": NaN}',
        b'{"big": 123456789012345678901234567890}',
        b'{"low": -9223372036854775809}',
        b'{"nested": [{"big": 18446744073709551616}]}',
        b'["\\ud800"]',
        b"5",
    ],
)
def test_documents_orjson_reads_otherwise_decode_as_the_library_decodes_them(
    document: bytes,
) -> None:
    library, store = _registered(JSONTranscoder()), _registered(StoreTranscoder())
    decoded, expected = store.decode(document), library.decode(document)
    if isinstance(expected, dict) and isinstance(expected.get("score"), float):
        assert math.isnan(decoded["score"])
    else:
        assert decoded == expected
        assert repr(decoded) == repr(expected)


def test_plain_state_is_the_plain_form_of_every_decoded_value() -> None:
    library, store = _registered(JSONTranscoder()), _registered(StoreTranscoder())
    for state in _events_of_a_long_case():
        stored = library.encode(state)
        assert store.decode_plain(stored) == json_form(library.decode(stored))


def test_values_of_transcodings_without_a_known_plain_form_are_decoded_then_made_plain() -> None:
    library, store = _registered(JSONTranscoder()), _registered(StoreTranscoder())
    for transcoder in (library, store):
        transcoder.register(DecimalAsStr())
    stored = library.encode({"allowance": [Decimal("1250000.50")], "on": date(2026, 1, 5)})

    assert store.decode_plain(stored) == {"allowance": [Decimal("1250000.50")], "on": "2026-01-05"}


@pytest.mark.parametrize(
    "document",
    [
        b'{"big": 123456789012345678901234567890, '
        b'"on": {"_type_": "date_iso", "_data_": "2026-01-05"}}',
        b'{"nested": [{"big": 18446744073709551616}]}',
    ],
)
def test_plain_state_of_documents_orjson_reads_otherwise_is_the_library_s(document: bytes) -> None:
    library, store = _registered(JSONTranscoder()), _registered(StoreTranscoder())

    assert store.decode_plain(document) == json_form(library.decode(document))


def test_a_document_that_is_not_an_object_has_no_plain_state() -> None:
    with pytest.raises(ValueError, match="JSON object"):
        _registered(StoreTranscoder()).decode_plain(b"[1, 2]")
