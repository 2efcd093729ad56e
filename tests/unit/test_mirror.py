"""Objects of long lists are assembled by position exactly as their keyword ``__init__``
builds them."""

from __future__ import annotations

from datetime import date

import pytest
import strawberry

from asn_graph.api.engine.assembler import assembler, use_fast_assembly
from asn_graph.api.pagination import Edge
from asn_graph.api.types.enums import PositionKind, Rank
from asn_graph.api.types.staffing import PlacementEntry
from asn_graph.projections.rows import PlacementRow


def test_an_assembled_object_equals_the_one_init_builds_and_keeps_its_methods() -> None:
    built = Edge(node="n", kind="nip", key="199001012015031001")

    assembled = assembler(Edge)("n", "nip", "199001012015031001")

    assert type(assembled) is Edge
    assert vars(assembled) == vars(built)
    assert assembled.cursor() == built.cursor()


def test_with_the_fast_paths_off_an_assembler_calls_the_type_s_own_constructor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assemble = assembler(Edge)
    built: list[dict[str, object]] = []
    init = Edge.__init__

    def watched(self: Edge[object], **fields: object) -> None:
        built.append(fields)
        init(self, **fields)  # type: ignore[arg-type]

    monkeypatch.setattr(Edge, "__init__", watched)
    use_fast_assembly(False)
    try:
        by_constructor = assemble("n", "nip", "199001012015031001")
    finally:
        use_fast_assembly(True)

    assert built == [{"node": "n", "kind": "nip", "key": "199001012015031001"}]
    assert vars(by_constructor) == vars(assemble("n", "nip", "199001012015031001"))
    assert len(built) == 1


def test_a_placement_entry_is_read_off_its_row() -> None:
    row = PlacementRow(
        "emp-1",
        "199001012015031001",
        "Budi Santoso",
        "III/a",
        "12",
        "BAG-HUKUM",
        "Bagian Hukum",
        "JF-ANALIS-HUKUM",
        "Analis Hukum",
        "AHLI_PERTAMA",
        "2020-01-02",
        "800/1/2020",
        "",
    )

    assert PlacementEntry.of(row) == PlacementEntry(
        employee_id=strawberry.ID("emp-1"),
        nip="199001012015031001",
        name="Budi Santoso",
        rank=Rank.III_A,
        agency_code="12",
        unit_code="BAG-HUKUM",
        unit_name="Bagian Hukum",
        position_code="JF-ANALIS-HUKUM",
        position_title="Analis Hukum",
        position_kind=PositionKind.AHLI_PERTAMA,
        since=date(2020, 1, 2),
        decree_number="800/1/2020",
        case_id=None,
    )


@strawberry.type
class Normalised:
    name: str

    def __post_init__(self) -> None:
        self.name = self.name.strip()


def test_a_type_whose_init_does_more_is_refused() -> None:
    with pytest.raises(TypeError, match="does more than store its fields"):
        assembler(Normalised)
