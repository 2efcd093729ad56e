"""Read models kept by projections of the event log."""
