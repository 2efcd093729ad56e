"""Adapters to the event store and to files: transcodings, the JSON form of domain values and
which of an event's fields are its own, and the policy file."""
