"""What one request may ask, whichever path answers it: the same numbers and the same rules
with the fast paths on or off."""

from __future__ import annotations

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    specified_rules,
)
from strawberry.extensions.max_aliases import create_validator as aliases_rule

MAX_DEPTH = 12
MAX_INTROSPECTION_DEPTH = 16
"""The schema's own questions (``__schema``, ``__type``) nest deeper than any other: the
standard introspection query (graphql-js's, which GraphiQL sends) reaches 14 with its chain of
``ofType``. They are bounded by this instead of ``MAX_DEPTH``."""
INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})
MAX_ALIASES = 30
MAX_TOKENS = 5_000


class DepthLimit(ValidationRule):
    """No operation nests fields deeper than ``MAX_DEPTH``, counting each field with a
    selection of its own (as Strawberry's ``QueryDepthLimiter`` does). Unlike it, the
    introspection fields (``__schema``, ``__type``) count too, against a bound of their own
    (``MAX_INTROSPECTION_DEPTH``): a nested introspection query costs the server as much as
    any other, whoever may send it, but the standard one must pass."""

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        definitions = context.document.definitions
        self.fragments = {
            d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)
        }
        for operation in definitions:
            if isinstance(operation, OperationDefinitionNode):
                name = operation.name.value if operation.name else "anonymous"
                self.introspection_too_deep = False
                deepest = self._deepest(operation.selection_set, 0, frozenset(), MAX_DEPTH)
                if deepest > MAX_DEPTH or self.introspection_too_deep:
                    limit = MAX_INTROSPECTION_DEPTH if deepest <= MAX_DEPTH else MAX_DEPTH
                    context.report_error(
                        GraphQLError(
                            f"'{name}' exceeds maximum operation depth of {limit}", [operation]
                        )
                    )

    def _deepest(
        self, selections: SelectionSetNode, depth: int, seen: frozenset[str], limit: int
    ) -> int:
        """The depth the selections reach, from ``depth``; it stops counting past ``limit``,
        so that a document cannot make the count itself expensive. An introspection field's
        selections are measured against their own bound, apart."""
        deepest = depth
        for selection in selections.selections:
            if deepest > limit or self.introspection_too_deep:
                break
            if isinstance(selection, FieldNode):
                if selection.selection_set is None:
                    continue
                if selection.name.value in INTROSPECTION_ROOTS and limit == MAX_DEPTH:
                    inner = self._deepest(
                        selection.selection_set, depth + 1, seen, MAX_INTROSPECTION_DEPTH
                    )
                    if inner > MAX_INTROSPECTION_DEPTH:
                        self.introspection_too_deep = True
                    deepest = max(deepest, depth + 1)
                else:
                    deepest = max(
                        deepest, self._deepest(selection.selection_set, depth + 1, seen, limit)
                    )
            elif isinstance(selection, InlineFragmentNode):
                deepest = max(deepest, self._deepest(selection.selection_set, depth, seen, limit))
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                # An unknown or cyclic fragment is refused by the specified rules.
                if fragment is not None and name not in seen:
                    deepest = max(
                        deepest,
                        self._deepest(fragment.selection_set, depth, seen | {name}, limit),
                    )
        return deepest


LIMIT_RULES = (DepthLimit, aliases_rule(MAX_ALIASES))
"""Made once: a validation cache is keyed by the rules too, and Strawberry's limiter
extensions make a new rule class for every request, which would miss the cache every time."""

REQUEST_RULES = (*specified_rules, *LIMIT_RULES)
"""What a request is validated with: Strawberry's default rules (graphql-core's specified
ones), then the limits."""

MAX_DOCUMENT_CHARACTERS = 65_536
"""A longer document is refused before it is parsed (and never remembered): one of
``MAX_TOKENS`` tokens with short names is about 30,000 characters; the rest of a longer one
would be comments, spaces or long strings, which cost the parser and the memory alike."""
DOCUMENTS_REMEMBERED = 256
DOCUMENT_MEMORY_BYTES = 8 * 1024 * 1024
"""What the remembered documents may hold at most (see ``asn_graph.api.remembered_documents``):
about two hundred everyday operations."""
DOCUMENT_MAX_BYTES = DOCUMENT_MEMORY_BYTES // 8
"""A document that would hold more (about 2,500 tokens) is parsed again each time it comes,
never remembered: a few such documents would push out everything the everyday clients send,
and their hundreds of thousands of objects would lengthen every full pass of Python's
garbage collector, which holds up the event loop (with eight near the token limit, 40-80 ms
a pass here)."""
INLINE_PARSE_CHARACTERS = 8_192
"""Longer documents are parsed and validated off the event loop; shorter ones take well
under a millisecond and are parsed where they arrive."""
