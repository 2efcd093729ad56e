"""The forms of the case page: one per action of a case's route, each sent as its package
GraphQL mutation. A form's fields are checked here first (filled, a date, a number, one of
the choices), so that a slip is answered beside its field in the person's language before
anything reaches the API; the API's own refusal is shown the same way when it names a
field the form shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from starlette.datastructures import FormData, UploadFile

from asn_graph.api.web.form_errors import FormErrors
from asn_graph.api.web.uploads import uploaded
from asn_graph.domain.case_actions import CaseAction
from asn_graph.domain.case_records import DocumentType
from asn_graph.domain.reference import PerformanceRating
from asn_graph.domain.rules import Rule


class FieldKind(Enum):
    TEXT = "text"
    TEXTAREA = "textarea"
    DATE = "date"
    HOURS = "hours"
    FILE = "file"
    """A document's file, uploaded: the input takes the SHA-256 it is kept by."""
    DOCUMENT_TYPE = "document_type"
    RATING = "rating"
    RULE = "rule"
    """A rule to override, those blocking the case first."""
    YES_NO = "yes_no"


@dataclass(frozen=True)
class FormField:
    name: str
    """The field of the mutation's input, as the API names it (and its errors)."""
    label: str
    """The key of its label in the texts."""
    kind: FieldKind = FieldKind.TEXT
    required: bool = True

    def html_id(self, action: CaseAction) -> str:
        """Unique on the page, which holds several forms."""
        return f"{action.value.lower()}-{self.name}"


@dataclass(frozen=True)
class ActionForm:
    action: CaseAction
    operation: str
    """The package document that sends it."""
    fields: tuple[FormField, ...] = ()
    takes_input: bool = True
    """The mutation takes ``input: {caseId, ...}``; else only ``caseId``."""
    decree: bool = False
    """The decree's authority is the case's own, not asked."""

    @property
    def field_names(self) -> frozenset[str]:
        return frozenset(field.name for field in self.fields)

    @property
    def file_field(self) -> FormField | None:
        """The field of the document's file the form uploads, if it has one."""
        return next((field for field in self.fields if field.kind is FieldKind.FILE), None)

    def upload(self, posted: FormData) -> UploadFile | None:
        """The file posted in the form's file field (None when it was left empty)."""
        field = self.file_field
        return uploaded(posted.get(field.html_id(self.action))) if field is not None else None


REASON = FormField("reason", "casework_reason", FieldKind.TEXTAREA)
OPTIONAL_REASON = FormField("reason", "casework_reason_optional", FieldKind.TEXTAREA, False)
_DECISION = (
    FormField("approved", "casework_approved", FieldKind.YES_NO),
    FormField("decidedOn", "casework_decided_on", FieldKind.DATE),
    FormField("reference", "casework_reference"),
    FormField("reason", "casework_decision_reason", FieldKind.TEXTAREA, False),
)
_DECREE = (
    FormField("number", "casework_decree_number"),
    FormField("issuer", "casework_decree_issuer"),
    FormField("signedOn", "casework_signed_on", FieldKind.DATE),
    FormField("signatory", "casework_signatory"),
    FormField("signatoryNip", "casework_signatory_nip", required=False),
    FormField("effectiveOn", "casework_effective_on", FieldKind.DATE),
)

FORMS: Mapping[CaseAction, ActionForm] = {
    form.action: form
    for form in (
        ActionForm(
            CaseAction.ATTACH_DOCUMENT,
            "AttachDocument",
            (
                FormField("documentType", "casework_document_type", FieldKind.DOCUMENT_TYPE),
                FormField("number", "casework_document_number"),
                FormField("issuedOn", "casework_issued_on", FieldKind.DATE),
                FormField("issuer", "casework_document_issuer"),
                FormField("sha256", "upload_file", FieldKind.FILE),
            ),
        ),
        ActionForm(CaseAction.SUBMIT, "SubmitTransferCase", takes_input=False),
        ActionForm(CaseAction.RETURN_DOCUMENTS, "ReturnDocuments", (REASON,)),
        ActionForm(CaseAction.VERIFY_DOCUMENTS, "VerifyDocuments", takes_input=False),
        ActionForm(CaseAction.REJECT, "RejectTransferCase", (REASON,)),
        ActionForm(CaseAction.RECORD_REVIEW_BOARD_DECISION, "RecordReviewBoardDecision", _DECISION),
        ActionForm(CaseAction.DECIDE_RELEASE, "DecideRelease", _DECISION),
        ActionForm(CaseAction.DECIDE_ACCEPTANCE, "DecideAcceptance", _DECISION),
        ActionForm(CaseAction.RECORD_TECHNICAL_REVIEW, "RecordTechnicalReview", _DECISION),
        ActionForm(
            CaseAction.OVERRIDE_RULE,
            "OverrideRule",
            (
                FormField("rule", "casework_rule", FieldKind.RULE),
                FormField("authorityReference", "casework_authority_reference"),
                REASON,
            ),
        ),
        ActionForm(CaseAction.ISSUE_DECREE, "IssueDecree", _DECREE, decree=True),
        ActionForm(CaseAction.CORRECT_DECREE, "CorrectDecree", (*_DECREE, REASON), decree=True),
        ActionForm(CaseAction.REVOKE_DECREE, "RevokeDecree", (REASON,)),
        ActionForm(
            CaseAction.RECORD_INSTALLATION,
            "RecordInstallation",
            (FormField("installedOn", "casework_installed_on", FieldKind.DATE),),
        ),
        ActionForm(
            CaseAction.RECORD_HANDOVER,
            "RecordHandover",
            (
                FormField("handedOverOn", "casework_handed_over_on", FieldKind.DATE),
                FormField("successorNip", "casework_successor_nip", required=False),
                FormField("actingOfficial", "casework_acting_official", required=False),
                FormField("notes", "casework_notes", FieldKind.TEXTAREA, False),
            ),
        ),
        ActionForm(CaseAction.RECORD_EFFECTIVE, "RecordEffective", takes_input=False),
        ActionForm(
            CaseAction.RECORD_TRAINING,
            "RecordTraining",
            (
                FormField("title", "casework_training_title"),
                FormField("provider", "casework_training_provider"),
                FormField("hours", "casework_training_hours", FieldKind.HOURS),
                FormField("completedOn", "casework_completed_on", FieldKind.DATE),
            ),
        ),
        ActionForm(
            CaseAction.RECORD_EVALUATION,
            "RecordEvaluation",
            (
                FormField("rating", "casework_rating", FieldKind.RATING),
                FormField("evaluatedOn", "casework_evaluated_on", FieldKind.DATE),
                FormField("summary", "casework_summary", FieldKind.TEXTAREA),
            ),
        ),
        ActionForm(CaseAction.CLOSE, "CloseTransferCase", takes_input=False),
        ActionForm(CaseAction.WITHDRAW, "WithdrawTransferCase", (REASON,)),
        ActionForm(CaseAction.CANCEL, "CancelTransferCase", (REASON,)),
        ActionForm(CaseAction.EXPIRE, "ExpireTransferCase", (REASON,)),
    )
}
"""The forms the case page offers; the employee's answer to a proposal is on their own
pages, not here."""

DOCUMENT_TYPES = tuple(member.name for member in DocumentType)
RATINGS = tuple(member.name for member in PerformanceRating)


@dataclass
class Filled:
    """A posted form: the values as typed (to show again) and, when every field passed its
    check, the mutation's variables."""

    values: dict[str, str]
    errors: FormErrors
    variables: dict[str, Any] | None


def read_form(
    form: ActionForm,
    posted: FormData,
    case: Mapping[str, Any],
    texts: Mapping[str, str],
) -> Filled:
    """The variables of ``form`` from what was posted, or the message beside each field
    that is missing or malformed. A file is only checked to be there: the page keeps it and
    sets its SHA-256 in the input once every other field passed."""
    values = {
        field.name: _typed(posted.get(field.html_id(form.action), "")) for field in form.fields
    }
    errors = FormErrors()
    fields: dict[str, Any] = {}
    for field in form.fields:
        value = values[field.name]
        if not value:
            if field.required:
                errors.add(field.name, texts["casework_required"])
            elif field.kind is not FieldKind.TEXTAREA:
                fields[field.name] = None
            else:
                fields[field.name] = ""
            continue
        if field.kind is FieldKind.FILE:
            continue
        checked = _checked(field, value, case, texts)
        if isinstance(checked, _Refusal):
            errors.add(field.name, checked.message)
        else:
            fields[field.name] = checked
    if fields.get("approved") is False and not fields.get("reason"):
        # A refusal states its reason (the API would refuse it too, in its own words).
        errors.add("reason", texts["casework_reason_when_refusing"])
    if errors:
        return Filled(values, errors, None)
    if not form.takes_input:
        return Filled(values, errors, {"caseId": case["id"]})
    if form.decree:
        fields["authority"] = case["decreeAuthority"]
    return Filled(values, errors, {"input": {"caseId": case["id"], **fields}})


def _typed(value: str | UploadFile) -> str:
    """A field's value as typed; for a file, its name (never shown again: a browser does not
    take a file back into a form)."""
    if isinstance(value, UploadFile):
        return value.filename or ""
    return value.strip()


@dataclass(frozen=True)
class _Refusal:
    message: str


def _checked(
    field: FormField, value: str, case: Mapping[str, Any], texts: Mapping[str, str]
) -> Any:
    kind = field.kind
    if kind is FieldKind.DATE:
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            return _Refusal(texts["casework_bad_date"])
    if kind is FieldKind.HOURS:
        if not value.isdigit() or int(value) <= 0:
            return _Refusal(texts["casework_bad_hours"])
        return int(value)
    if kind is FieldKind.YES_NO:
        if value not in ("yes", "no"):
            return _Refusal(texts["casework_bad_choice"])
        return value == "yes"
    choices = {
        FieldKind.DOCUMENT_TYPE: DOCUMENT_TYPES,
        FieldKind.RATING: RATINGS,
        FieldKind.RULE: overridable_rules(case),
    }.get(kind)
    if choices is not None and value not in choices:
        return _Refusal(texts["casework_bad_choice"])
    return value


def overridable_rules(case: Mapping[str, Any]) -> tuple[str, ...]:
    """The rules an override may name: first those whose hard findings block the case now,
    then the others not overridden yet (one may block only when the decree is checked)."""
    overridden = {override["rule"] for override in case["overrides"]}
    blocking = [
        finding["rule"]
        for finding in case["findings"]
        if finding["severity"] == "HARD" and finding["rule"] not in overridden
    ]
    others = [rule.name for rule in Rule if rule.name not in overridden]
    return tuple(dict.fromkeys([*blocking, *others]))


def initial_values(form: ActionForm, case: Mapping[str, Any]) -> dict[str, str]:
    """What a form shows before anything is typed: a correction starts from the decree in
    force."""
    decree = case.get("decree")
    if form.action is CaseAction.CORRECT_DECREE and decree:
        return {
            name: str(decree.get(name) or "")
            for name in ("number", "issuer", "signedOn", "signatory", "signatoryNip", "effectiveOn")
        }
    return {}
