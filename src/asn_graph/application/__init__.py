"""Use cases: one method per command or query, ids and primitives in, ids and results out."""
