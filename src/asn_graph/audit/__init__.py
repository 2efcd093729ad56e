"""What auditors rely on: a hash chain over the log, its verification, and exports."""
