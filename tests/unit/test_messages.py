"""The catalogue of messages: every key in Indonesian and English with the same parameters, and
every key a raise site (or a finding, or a message within a message) uses is in it, given the
parameters its templates name."""

from __future__ import annotations

import ast
import string
from datetime import date
from pathlib import Path

import pytest
from eventsourcing.persistence import DatetimeAsISO, JSONTranscoder, UUIDAsHex

import asn_graph
from asn_graph.domain.actors import Role
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.errors import IllegalTransition, InvalidInput, RuleViolation
from asn_graph.domain.message_catalogue import CATALOGUE
from asn_graph.domain.messages import Language, Message, describe
from asn_graph.domain.names import stage_words
from asn_graph.domain.rules import Finding, Rule, Severity, hard, warning
from asn_graph.domain.stages import DeadlineKind, Stage
from asn_graph.domain.transfer_types import ApprovalStep
from asn_graph.persistence.deadline import OUTAGE
from asn_graph.persistence.transcodings import StoreTranscoder, register_domain_transcodings
from asn_graph.projections.candidate_index import BAD_CURSOR

SOURCE = Path(asn_graph.__file__).parent
ERRORS = {
    "DomainError",
    "InvalidInput",
    "NotFound",
    "RuleViolation",
    "IllegalTransition",
    "Conflict",
    "Forbidden",
    "Unavailable",
    "DatabaseUnavailable",
    "Unauthenticated",
    "RateLimited",
    "PlanInfeasible",
    "CellError",
    "_refuse",
}
KEY_POSITION = {**dict.fromkeys(ERRORS, 0), "Message": 0, "hard": 1, "warning": 1, "finding": 2}
ACTION_KEYS = {"_require_state", "_require_status"}
"""Methods that take the key of the action refused (a message without parameters)."""


def _parameters(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_parameters(key: str) -> None:
    indonesian, english = CATALOGUE[key]
    assert indonesian.strip()
    assert english.strip()
    assert _parameters(indonesian) == _parameters(english)
    params = dict.fromkeys(_parameters(english), 1)
    for language in Language:
        describe(key, params, language)  # well formed: formats without error


def _function_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _uses() -> list[tuple[str, str, set[str] | None]]:
    """Each (place, key, parameters given) of the package; None where the parameters are
    given otherwise than by name (``**params``)."""
    uses: list[tuple[str, str, set[str] | None]] = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = _function_name(node)
            place = f"{path.relative_to(SOURCE)}:{node.lineno}"
            if name in ACTION_KEYS and isinstance(node.args[0], ast.Constant):
                uses.append((place, str(node.args[0].value), set()))
                continue
            if name not in KEY_POSITION or len(node.args) <= KEY_POSITION[name]:
                continue
            key = node.args[KEY_POSITION[name]]
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                continue
            given: set[str] | None = {k.arg for k in node.keywords if k.arg is not None}
            if any(k.arg is None for k in node.keywords):
                given = None
            if name == "Message":
                given = set()
                if len(node.args) > 1:
                    params = node.args[1]
                    if isinstance(params, ast.Dict) and all(
                        isinstance(k, ast.Constant) for k in params.keys
                    ):
                        given = {str(k.value) for k in params.keys if isinstance(k, ast.Constant)}
                    else:
                        given = None
            uses.append((place, key.value, given))
    return uses


def test_every_key_used_is_in_the_catalogue_and_given_the_parameters_it_names() -> None:
    uses = _uses()
    assert len(uses) > 250  # the scan sees the raise sites
    unknown = [(place, key) for place, key, _ in uses if key not in CATALOGUE]
    assert not unknown
    short = [
        (place, key, _parameters(CATALOGUE[key][1]) - given)
        for place, key, given in uses
        if given is not None and not _parameters(CATALOGUE[key][1]) <= given
    ]
    assert not short
    assert OUTAGE in CATALOGUE
    assert BAD_CURSOR in CATALOGUE


def test_every_reason_an_import_rejects_a_row_for_is_used_where_the_scan_sees_it() -> None:
    used = {key for _, key, _ in _uses() if key.startswith("import.")}
    assert used == {key for key in CATALOGUE if key.startswith("import.")}


def test_an_error_keeps_its_english_message_and_words_it_in_indonesian() -> None:
    error = InvalidInput("transfer_case.transfer_case_states_reason", field="reason")
    assert error.message == str(error) == "a transfer case states its reason"
    assert error.text(Language.INDONESIAN) == "usulan mutasi menyebut alasannya"
    assert error.field == "reason"


def test_codes_read_as_codes_in_english_and_by_their_names_in_indonesian() -> None:
    error = IllegalTransition(
        "transfer_case.not_in_state",
        action=Message("transfer_case.action.submit"),
        state=CaseState.DECREE_ISSUED,
    )
    assert error.message == "cannot submit a case in state DECREE_ISSUED"
    assert error.text(Language.INDONESIAN) == "tidak dapat mengajukan usulan berstatus SK terbit"
    assert error.rules == ("ILLEGAL_TRANSITION",)


def test_messages_within_a_message_are_worded_in_its_language() -> None:
    findings = [
        hard(Rule.PERFORMANCE, "eligibility.no_rating", year=2025).as_message(with_rule=True),
        warning(Rule.DEADLINE, "transfer_case.installed_late", late=40, deadline=30).as_message(
            with_rule=True
        ),
    ]
    error = RuleViolation("transfer_case.blocked_by_findings", findings=findings)
    assert error.message == (
        "PERFORMANCE: no performance rating for 2025; "
        "DEADLINE: installed 40 working days after the decree; the deadline is 30"
    )
    assert error.text(Language.INDONESIAN) == (
        "Kinerja: tidak ada penilaian kinerja untuk tahun 2025; "
        "Batas waktu: dilantik 40 hari kerja setelah SK; batas waktunya 30 hari kerja"
    )


def test_a_text_without_a_key_is_shown_as_it_is() -> None:
    assert describe("the database cannot be reached now", {}, Language.INDONESIAN) == (
        "the database cannot be reached now"
    )


def _transcoder() -> StoreTranscoder:
    transcoder = StoreTranscoder()
    for builtin in (UUIDAsHex(), DatetimeAsISO()):
        transcoder.register(builtin)
    register_domain_transcodings(transcoder)
    return transcoder


@pytest.mark.parametrize("transcoder_type", [JSONTranscoder, StoreTranscoder])
def test_a_finding_keeps_its_key_and_parameters_in_the_store(
    transcoder_type: type[JSONTranscoder],
) -> None:
    transcoder = transcoder_type()
    for builtin in (UUIDAsHex(), DatetimeAsISO()):
        transcoder.register(builtin)
    register_domain_transcodings(transcoder)
    finding = hard(Rule.PERFORMANCE, "eligibility.no_rating", year=2025)
    read = transcoder.decode(transcoder.encode({"f": finding}))["f"]
    assert read == finding
    assert hash(read) == hash(finding)
    assert read.text(Language.INDONESIAN) == "tidak ada penilaian kinerja untuk tahun 2025"


def test_a_finding_recorded_before_findings_had_keys_reads_in_its_recorded_english() -> None:
    stored = (
        b'{"f":{"_type_":"finding","_data_":{"rule":{"_type_":"rule","_data_":"PERFORMANCE"},'
        b'"severity":{"_type_":"severity","_data_":"HARD"},'
        b'"message":"no performance rating for 2024"}}}'
    )
    finding = _transcoder().decode(stored)["f"]
    assert finding == Finding(Rule.PERFORMANCE, Severity.HARD, "no performance rating for 2024")
    assert finding.text(Language.INDONESIAN) == "no performance rating for 2024"
    assert finding.text(Language.ENGLISH) == "no performance rating for 2024"


def test_a_stage_reads_in_words_in_either_language() -> None:
    approval = Stage(CaseState.IN_APPROVAL, ApprovalStep.ORIGIN_RELEASE, Role.APPROVER, None, None)
    assert stage_words(approval, Language.INDONESIAN) == (
        "Dalam persetujuan: Persetujuan melepas; ditangani Pejabat pembina kepegawaian (PPK)"
    )
    assert stage_words(approval, Language.ENGLISH) == (
        "In approval: Release by the origin; Approving official (PPK) acts next"
    )
    installing = Stage(
        CaseState.DECREE_ISSUED, None, Role.OFFICER, DeadlineKind.APPOINTMENT, date(2026, 12, 1)
    )
    assert stage_words(installing, Language.INDONESIAN) == (
        "SK terbit; ditangani Petugas BKPSDM, paling lambat 2026-12-01"
    )
    assert stage_words(installing, Language.ENGLISH) == (
        "Decree issued; Personnel officer acts next, by 2026-12-01"
    )
