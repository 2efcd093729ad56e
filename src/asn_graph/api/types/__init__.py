"""GraphQL types and their mapping from domain values (aggregates never go out as they are)."""
