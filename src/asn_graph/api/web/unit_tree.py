"""An agency's work units as a tree, each with its staffing balance (rolled up through the
units below it, as ``unitBalances`` answers)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class UnitNode:
    """A unit of the tree with its balance and the units directly below it."""

    code: str
    name: str
    parent_code: str | None
    balance: Mapping[str, Any] | None
    children: list[UnitNode] = field(default_factory=list)

    def walk(self, depth: int = 0) -> Iterator[tuple[int, UnitNode]]:
        """This unit and every unit below it, depth first, each with its depth."""
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)


def unit_tree(
    units: Sequence[Mapping[str, Any]], balances: Sequence[Mapping[str, Any]]
) -> list[UnitNode]:
    """The agency's top units, each with the units below it, by code; a unit whose parent is
    not among the units stands at the top."""
    by_code = {b["unitCode"]: b for b in balances}
    nodes = {
        u["code"]: UnitNode(u["code"], u["name"], u["parentCode"], by_code.get(u["code"]))
        for u in units
    }
    top: list[UnitNode] = []
    for unit in sorted(units, key=lambda u: u["code"]):
        parent = nodes.get(unit["parentCode"] or "")
        (parent.children if parent is not None else top).append(nodes[unit["code"]])
    return top


def top_balances(tree: Sequence[UnitNode]) -> list[Mapping[str, Any]]:
    """The balances of the top units of ``tree``: together, the agency's (each is rolled up
    through the units below it)."""
    return [node.balance for node in tree if node.balance is not None]
