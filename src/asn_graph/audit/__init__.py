"""What auditors take away: exports of the audit trail. The projections keep the trail,
compute its hash chain and verify it against the event store (``chain_verification``)."""
