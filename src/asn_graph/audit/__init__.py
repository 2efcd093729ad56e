"""What auditors rely on: the audit trail's hash chain checked against the event store, and
exports of the trail. The projections keep the trail and compute the chain."""
