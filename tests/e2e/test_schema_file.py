"""The committed schema.graphql is the schema the server serves."""

from pathlib import Path

from asn_graph.api.schema import build_schema

SCHEMA_FILE = Path(__file__).parents[2] / "schema.graphql"


def test_schema_graphql_is_up_to_date_with_the_fast_paths_on_and_off() -> None:
    for fast_paths in (True, False):
        assert SCHEMA_FILE.read_text() == build_schema(fast_paths).as_str() + "\n", (
            "schema.graphql is stale: run 'asn-graph schema > schema.graphql'"
        )
