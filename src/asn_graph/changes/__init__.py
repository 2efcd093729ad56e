"""The change feed: placement and case changes for subscribers, resumable by log position."""
