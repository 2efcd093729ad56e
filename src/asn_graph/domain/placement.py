"""Where an employee sits: a position in a work unit of an agency."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import NAMESPACE_URL, UUID, uuid5

ID_NAMESPACE = uuid5(NAMESPACE_URL, "https://asn-graph.id/ids")


def unit_id(agency_code: str, unit_code: str) -> UUID:
    """Work units are addressed by agency and unit code; the id follows from both."""
    return uuid5(ID_NAMESPACE, f"unit:{agency_code}:{unit_code}")


def agency_id(agency_code: str) -> UUID:
    return uuid5(ID_NAMESPACE, f"agency:{agency_code}")


@dataclass(frozen=True)
class Placement:
    """A position (jabatan) in a work unit (unor) of an agency (instansi)."""

    agency_code: str
    unit_code: str
    position_code: str

    @property
    def unit_id(self) -> UUID:
        return unit_id(self.agency_code, self.unit_code)

    def __str__(self) -> str:
        return f"{self.agency_code}/{self.unit_code}/{self.position_code}"
