"""GraphQL names converted once per Python name, instead of Strawberry's conversion on every use.

Replaces Strawberry's default ``NameConverter`` (used with the fast paths off), which converts
a Python name to its GraphQL name each time it meets it, in every request's argument and input
conversion too. A schema has a few hundred names: each is converted once, and the same name
comes out, so the printed schema is the same either way.
"""

from __future__ import annotations

from strawberry.schema.name_converter import NameConverter


class RememberedNames(NameConverter):
    def __init__(self) -> None:
        super().__init__()
        self._names: dict[tuple[bool, str], str] = {}

    def apply_naming_config(self, name: str) -> str:
        key = (self.auto_camel_case, name)
        converted = self._names.get(key)
        if converted is None:
            converted = self._names[key] = super().apply_naming_config(name)
        return converted
