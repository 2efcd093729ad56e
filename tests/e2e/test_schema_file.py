"""The committed schema.graphql is the schema the server serves."""

from pathlib import Path

from asn_graph.api.schema import schema

SCHEMA_FILE = Path(__file__).parents[2] / "schema.graphql"


def test_schema_graphql_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text() == schema.as_str() + "\n", (
        "schema.graphql is stale: run 'asn-graph schema > schema.graphql'"
    )
