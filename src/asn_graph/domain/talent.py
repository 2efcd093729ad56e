"""Talent data (manajemen talenta): potential beside performance, placed on the nine-box.

PermenPANRB 3/2020 places each civil servant on a grid of three performance bands (below, as,
above expectation) by three potential levels (low, middle, high); box 9 is high potential with
performance above expectation, box 1 low potential with performance below it.
"""

from __future__ import annotations

from enum import Enum

from asn_graph.domain.reference import PerformanceRating


class Potential(Enum):
    """Potensi, assessed by the agency (assessment centre, talent review)."""

    RENDAH = "RENDAH"
    MENENGAH = "MENENGAH"
    TINGGI = "TINGGI"

    @property
    def band(self) -> int:
        """1 (low) to 3 (high)."""
        return list(Potential).index(self) + 1


def performance_band(rating: PerformanceRating) -> int:
    """1 below expectation, 2 as expected (BAIK), 3 above expectation (SANGAT_BAIK)."""
    if rating is PerformanceRating.SANGAT_BAIK:
        return 3
    if rating is PerformanceRating.BAIK:
        return 2
    return 1


# (performance band, potential band) -> box number of the nine-box grid.
_BOXES = {
    (1, 1): 1,
    (1, 2): 2,
    (2, 1): 3,
    (1, 3): 4,
    (2, 2): 5,
    (3, 1): 6,
    (2, 3): 7,
    (3, 2): 8,
    (3, 3): 9,
}


def talent_box(rating: PerformanceRating, potential: Potential) -> int:
    """The box (1-9) of the nine-box grid for a year's rating and potential."""
    return _BOXES[(performance_band(rating), potential.band)]
