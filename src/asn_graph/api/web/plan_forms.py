"""Reading the plan pages' forms into the inputs of their mutations: what a person typed, made
into dates, numbers, codes and placements, with a message in the page's language beside each
field that cannot be read (the mutation is then not sent, so nothing is recorded); and the
API's refusal of a form's mutation, told in the page's language."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from starlette.datastructures import FormData

from asn_graph.api.web.form_errors import FormErrors
from asn_graph.api.web.page_data import PageDataRefused
from asn_graph.domain.names import name_of_code
from asn_graph.domain.nip import NIP_LENGTH

ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION"
"""The rule an ``IllegalTransition`` cites: an action the object's present state refuses."""
_SEPARATORS = re.compile(r"[\s,;]+")
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9._-]*$")
_REFUSAL_PREFIX = {
    "RULE_VIOLATION": "plans_refused_rule",
    "CONFLICT": "plans_refused_conflict",
    "FORBIDDEN": "plans_refused_forbidden",
    "NOT_FOUND": "plans_refused_not_found",
    "BAD_INPUT": "plans_refused_input",
}


@dataclass
class Submission:
    """A posted form, read field by field; each field that cannot be read gets its message."""

    form: FormData
    text: Mapping[str, str]
    errors: FormErrors = field(default_factory=FormErrors)

    def value(self, name: str) -> str:
        return " ".join(str(self.form.get(name, "")).split())

    def values(self) -> dict[str, Any]:
        """The fields as typed, to show again in the form beside their messages."""
        shown: dict[str, Any] = {}
        for key in self.form:
            entries = [str(entry) for entry in self.form.getlist(key)]
            shown[key] = entries if len(entries) > 1 else entries[0]
        return shown

    def chosen(self, name: str) -> list[str]:
        """The values of a group of checkboxes."""
        return [str(entry) for entry in self.form.getlist(name)]

    def required(self, name: str) -> str:
        typed = self.value(name)
        if not typed:
            self.errors.add(name, self.text["plans_error_required"])
        return typed

    def day(self, name: str) -> str | None:
        """A required date (the browser's date field sends ``YYYY-MM-DD``)."""
        typed = self.value(name)
        if not typed:
            self.errors.add(name, self.text["plans_error_required"])
            return None
        try:
            return date.fromisoformat(typed).isoformat()
        except ValueError:
            self.errors.add(name, self.text["plans_error_date"])
            return None

    def count(self, name: str, *, required: bool = False) -> int | None:
        """A whole number of at least 1; empty is none (when not required)."""
        typed = self.value(name)
        if not typed:
            if required:
                self.errors.add(name, self.text["plans_error_required"])
            return None
        if not typed.isdigit() or int(typed) < 1:
            self.errors.add(name, self.text["plans_error_count"])
            return None
        return int(typed)

    def codes(self, name: str, *, required: bool = False) -> list[str]:
        """Codes separated by commas or spaces, in capitals."""
        found = [code.upper() for code in _SEPARATORS.split(self.value(name)) if code]
        if required and not found:
            self.errors.add(name, self.text["plans_error_required"])
        elif any(not _CODE.match(code) for code in found):
            self.errors.add(name, self.text["plans_error_codes"])
        return list(dict.fromkeys(found))

    def nips(self, name: str) -> list[str]:
        found = [nip for nip in _SEPARATORS.split(self.value(name)) if nip]
        if any(not (nip.isdigit() and len(nip) == NIP_LENGTH) for nip in found):
            self.errors.add(name, self.text["plans_error_nip"])
        return list(dict.fromkeys(found))

    def nip(self, name: str) -> str:
        typed = self.required(name)
        if typed and not (typed.isdigit() and len(typed) == NIP_LENGTH):
            self.errors.add(name, self.text["plans_error_nip"])
        return typed

    def placements(self, name: str, agency_code: str) -> list[dict[str, str]]:
        """Positions written ``UNIT/POSITION`` (in the plan's agency) or
        ``AGENCY/UNIT/POSITION``, separated by commas or spaces."""
        placements = []
        for written in _SEPARATORS.split(self.value(name)):
            if not written:
                continue
            parts = written.upper().split("/")
            if len(parts) == 2:
                parts.insert(0, agency_code)
            if len(parts) != 3 or not all(_CODE.match(part) for part in parts):
                self.errors.add(name, self.text["plans_error_placement"])
                return []
            agency, unit, position = parts
            placements.append({"agencyCode": agency, "unitCode": unit, "positionCode": position})
        return placements

    def member(self, name: str, enumeration: type[Enum], *, required: bool) -> str | None:
        """The name of one member of ``enumeration`` chosen in a list."""
        typed = self.value(name)
        if not typed:
            if required:
                self.errors.add(name, self.text["plans_error_choose"])
            return None
        if typed not in enumeration.__members__:
            self.errors.add(name, self.text["plans_error_choose"])
            return None
        return typed


def refusal_errors(
    refused: PageDataRefused,
    fields: Mapping[str, str],
    text: Mapping[str, str],
    indonesian: bool,
) -> FormErrors:
    """The API's refusal of a form's mutation: beside the form's field when it names one the
    form shows (``fields``: the API's input field -> the form's), else above the form; in the
    page's language, the API's own words kept as the detail."""
    if refused.field is not None and refused.field in fields:
        known = text.get(f"plans_refused_{refused.field}")
        message = known or text["plans_refused_field"].format(detail=refused.message)
        return FormErrors(fields={fields[refused.field]: message})
    if refused.rules == (ILLEGAL_TRANSITION,):
        # Not a rule of the domain: the plan's state does not allow the action (any more).
        return FormErrors(general=f"{text['plans_refused_conflict']} {refused.message}")
    prefix = text[_REFUSAL_PREFIX.get(refused.code, "plans_refused_other")]
    rules = ", ".join(name_of_code("Rule", rule, indonesian) for rule in refused.rules)
    detail = f"{refused.message} ({rules})" if rules else refused.message
    return FormErrors(general=f"{prefix} {detail}")
