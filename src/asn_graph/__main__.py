"""``python -m asn_graph``: the asn-graph command, where its script is not on the path."""

from asn_graph.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
