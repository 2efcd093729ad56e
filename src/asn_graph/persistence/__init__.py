"""Adapters to the event store: transcodings and store configuration."""
