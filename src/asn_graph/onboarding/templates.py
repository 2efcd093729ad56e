"""The kinds of file an agency imports, by the name the command line and the web use, in the
order an agency brings them in, and asn-graph's own template of each, with example rows (the
samples in the package). Plain data: the pages offer them without the application."""

from __future__ import annotations

from importlib.resources import files

KIND_NAMES = ("units", "positions", "workload", "employees", "ratings")


def sample(kind: str) -> bytes:
    """asn-graph's own template of the kind, with example rows (UTF-8 CSV)."""
    return files("asn_graph.onboarding").joinpath("samples", f"{kind}.csv").read_bytes()


def header_only(kind: str) -> bytes:
    """The template's header row alone: the columns, to fill in."""
    return sample(kind).split(b"\n", 1)[0].rstrip(b"\r") + b"\n"
