"""The transfer domain: aggregates, value objects and rules. Pure Python, no I/O."""
