"""asn-graph: the system of record for transfers (mutasi) of Indonesian civil servants."""

__version__ = "0.1.0"
