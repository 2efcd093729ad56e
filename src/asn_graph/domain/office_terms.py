"""Who held a signing office when: terms of definitive and acting holders (Plt., Plh.)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.transfer_types import DecisionAuthority


class HolderCapacity(Enum):
    """In what capacity a holder holds an office."""

    DEFINITIVE = "DEFINITIVE"
    """Pejabat definitif."""
    PLT = "PLT"
    """Pelaksana Tugas: the office is vacant (its holder is permanently away)."""
    PLH = "PLH"
    """Pelaksana Harian: the definitive holder is away for a while."""

    @property
    def is_acting(self) -> bool:
        return self is not HolderCapacity.DEFINITIVE


@dataclass(frozen=True)
class Office:
    """A signing office: who decides (``authority``) for whom (``jurisdiction``: the agency
    code of a PPK, the province code of a governor, ``KEMENDAGRI`` for the minister, ``BKN``
    for the Head of BKN)."""

    authority: DecisionAuthority
    jurisdiction: str


@dataclass(frozen=True)
class Term:
    """One holder's term in an office, from ``starts_on`` to ``ends_on`` (both included;
    ``None``: until further notice)."""

    number: int
    """The term's place in the office's register, from 1."""
    holder_name: str
    holder_nip: str | None
    """Elected and political office holders (governor, minister) have no NIP."""
    capacity: HolderCapacity
    starts_on: date
    ends_on: date | None
    decree_reference: str
    """The appointment's decree or order (SK / surat perintah)."""

    def covers(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)

    def overlaps(self, other: Term) -> bool:
        return (other.ends_on is None or self.starts_on <= other.ends_on) and (
            self.ends_on is None or other.starts_on <= self.ends_on
        )

    def within(self, other: Term) -> bool:
        return other.covers(self.starts_on) and (
            other.ends_on is None or (self.ends_on is not None and self.ends_on <= other.ends_on)
        )

    def is_held_by(self, signatory: Signatory) -> bool:
        if signatory.nip is not None:
            return self.holder_nip == signatory.nip
        return _name_key(self.holder_name) == _name_key(signatory.name)


@dataclass(frozen=True)
class Signatory:
    """Who signed a decree: by NIP where the holder has one, else by name."""

    name: str
    nip: str | None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidInput("office_terms.decree_needs_signatory", field="signatory")


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())
