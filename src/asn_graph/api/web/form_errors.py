"""A form's errors: the message beside each field it concerns, and the one refusal that
concerns no field the form shows (a rule, a conflict, an outage), shown above the form."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from asn_graph.api.web.page_data import PageDataRefused


@dataclass
class FormErrors:
    fields: dict[str, str] = field(default_factory=dict)
    general: str | None = None

    def __bool__(self) -> bool:
        return bool(self.fields) or self.general is not None

    def add(self, name: str, message: str) -> None:
        self.fields.setdefault(name, message)

    @classmethod
    def of(cls, refused: PageDataRefused, shown: Collection[str]) -> FormErrors:
        """The API's refusal of a form's command, beside the field it names when the form
        shows that field."""
        if refused.field is not None and refused.field in shown:
            return cls(fields={refused.field: refused.message})
        return cls(general=refused.message)
