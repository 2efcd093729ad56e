"""What one request may ask, whichever path answers it: the same numbers and the same rules
with the fast paths on or off."""

from __future__ import annotations

from graphql import specified_rules
from strawberry.extensions.max_aliases import create_validator as aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5_000
DOCUMENTS_REMEMBERED = 256

LIMIT_RULES = (depth_rule(MAX_DEPTH, None), aliases_rule(MAX_ALIASES))
"""Made once: a validation cache is keyed by the rules too, and Strawberry's limiter
extensions make a new rule class for every request, which would miss the cache every time."""

REQUEST_RULES = (*specified_rules, *LIMIT_RULES)
"""What a request is validated with: Strawberry's default rules (graphql-core's specified
ones), then the limits."""
