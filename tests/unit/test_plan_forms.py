"""Reading the plan pages' forms: typed text into the mutations' inputs, or an Indonesian
message for each field that cannot be read; the API's refusals in the page's language; the
staffing chart's scale."""

from __future__ import annotations

import pytest
from starlette.datastructures import FormData

from asn_graph.api.web.messages import MESSAGES, Language
from asn_graph.api.web.page_data import PageDataRefused
from asn_graph.api.web.plan_forms import Submission, refusal_errors
from asn_graph.domain.plan_records import ObjectionReason

INDONESIAN = MESSAGES[Language.INDONESIAN]
ENGLISH = MESSAGES[Language.ENGLISH]


def submitted(*fields: tuple[str, str]) -> Submission:
    return Submission(FormData(list(fields)), INDONESIAN)


def test_codes_are_split_on_commas_and_spaces_in_capitals_once_each() -> None:
    form = submitted(("units", " dinkes, DISHUB  bidang-tik,dinkes "))
    assert form.codes("units") == ["DINKES", "DISHUB", "BIDANG-TIK"]
    assert not form.errors


def test_placements_take_the_plans_agency_unless_written() -> None:
    form = submitted(("positions", "dinkes/perawat\n3515/SETDA/ANALIS-SDM"))
    assert form.placements("positions", "3578") == [
        {"agencyCode": "3578", "unitCode": "DINKES", "positionCode": "PERAWAT"},
        {"agencyCode": "3515", "unitCode": "SETDA", "positionCode": "ANALIS-SDM"},
    ]
    wrong = submitted(("positions", "DINKES"))
    assert wrong.placements("positions", "3578") == []
    assert wrong.errors.fields == {"positions": INDONESIAN["plans_error_placement"]}


@pytest.mark.parametrize(
    ("typed", "read", "message"),
    [
        ("", None, None),
        ("3", 3, None),
        ("0", None, "plans_error_count"),
        ("-2", None, "plans_error_count"),
        ("dua", None, "plans_error_count"),
    ],
)
def test_a_count_is_a_whole_number_of_at_least_one(
    typed: str, read: int | None, message: str | None
) -> None:
    form = submitted(("most", typed))
    assert form.count("most") == read
    assert form.errors.fields.get("most") == (INDONESIAN[message] if message else None)


def test_required_fields_dates_and_nips() -> None:
    form = submitted(
        ("title", "   "), ("start", "2027-02-30"), ("end", "2027-06-30"), ("nips", "1 2")
    )
    assert form.required("title") == ""
    assert form.day("start") is None
    assert form.day("end") == "2027-06-30"
    assert form.nips("nips") == ["1", "2"]
    assert form.count("size", required=True) is None
    assert form.errors.fields == {
        "title": "Wajib diisi.",
        "start": "Tanggal tidak valid; gunakan format TTTT-BB-HH.",
        "nips": "NIP terdiri atas 18 angka.",
        "size": "Wajib diisi.",
    }


def test_a_choice_is_a_member_of_its_enumeration() -> None:
    form = submitted(("reason", "FAMILY"), ("other", "BORED"))
    assert form.member("reason", ObjectionReason, required=True) == "FAMILY"
    assert form.member("other", ObjectionReason, required=False) is None
    assert form.member("missing", ObjectionReason, required=False) is None
    assert form.member("absent", ObjectionReason, required=True) is None
    assert set(form.errors.fields) == {"other", "absent"}


def test_what_was_typed_is_kept_to_show_again() -> None:
    form = submitted(("note", "a"), ("units", "3578/DINKES"), ("units", "3578/DISHUB"))
    assert form.values() == {"note": "a", "units": ["3578/DINKES", "3578/DISHUB"]}


def test_a_refusal_is_told_beside_its_field_or_above_the_form_in_the_pages_language() -> None:
    backwards = PageDataRefused(
        "BAD_INPUT", "a plan's period cannot end before it starts", "periodEnd"
    )
    beside = refusal_errors(backwards, {"periodEnd": "period-end"}, INDONESIAN, True)
    assert beside.fields == {"period-end": "Periode tidak boleh berakhir sebelum dimulai."}
    unknown_field = PageDataRefused("BAD_INPUT", "odd", "note")
    assert refusal_errors(unknown_field, {"note": "note"}, ENGLISH, False).fields == {
        "note": "Refused: odd"
    }
    rule = PageDataRefused(
        "RULE_VIOLATION", "2 employees have not been heard yet", None, ["EMPLOYEE_OBJECTION"]
    )
    above = refusal_errors(rule, {"reason": "approve-reason"}, INDONESIAN, True)
    assert above.general == (
        "Ditolak karena aturan: 2 employees have not been heard yet (Keberatan pegawai)"
    )
    outage = refusal_errors(PageDataRefused("UNAVAILABLE", "down"), {}, ENGLISH, False)
    assert outage.general == "The request could not be processed: down"


def test_an_action_the_plans_state_refuses_is_told_as_such() -> None:
    refused = PageDataRefused(
        "RULE_VIOLATION", "cannot change a plan that is CANCELLED", None, ["ILLEGAL_TRANSITION"]
    )
    assert refusal_errors(refused, {}, INDONESIAN, True).general == (
        "Tidak dapat dilakukan pada keadaan rencana sekarang: "
        "cannot change a plan that is CANCELLED"
    )
