"""The register of a signing office: how terms fit together, and who signs on a day."""

from __future__ import annotations

from datetime import date

import pytest

from asn_graph.domain.actors import SYSTEM_ACTOR
from asn_graph.domain.errors import NotFound, RuleViolation
from asn_graph.domain.office_terms import HolderCapacity, Office, Signatory
from asn_graph.domain.signing_office import SigningOffice
from asn_graph.domain.transfer_types import DecisionAuthority
from tests.unit.builders import POLICY

DEFINITIVE, PLT, PLH = HolderCapacity.DEFINITIVE, HolderCapacity.PLT, HolderCapacity.PLH


def appoint(
    office: SigningOffice,
    name: str,
    capacity: HolderCapacity,
    starts_on: date,
    ends_on: date | None = None,
    nip: str | None = None,
) -> None:
    office.appoint(
        holder_name=name,
        holder_nip=nip,
        capacity=capacity,
        starts_on=starts_on,
        ends_on=ends_on,
        decree_reference="SK/1",
        policy=POLICY,
        actor=SYSTEM_ACTOR,
        reason="",
    )


def governor() -> SigningOffice:
    office = SigningOffice.establish(Office(DecisionAuthority.GOVERNOR, "12"), SYSTEM_ACTOR)
    appoint(office, "Gubernur A", DEFINITIVE, date(2021, 1, 1), date(2025, 12, 31))
    return office


def test_a_vacancy_takes_a_plt_and_a_new_definitive_holder_after_it() -> None:
    office = governor()
    appoint(office, "Wakil Gubernur", PLT, date(2026, 1, 1), date(2026, 3, 31))
    with pytest.raises(RuleViolation, match="held in that period"):
        appoint(office, "Gubernur B", DEFINITIVE, date(2026, 3, 1))
    appoint(office, "Gubernur B", DEFINITIVE, date(2026, 4, 1))
    assert [t.holder_name for t in office.holders_on(date(2026, 2, 1))] == ["Wakil Gubernur"]
    assert office.term_of(Signatory("gubernur  b", None), date(2026, 4, 1)) is not None
    assert office.term_of(Signatory("Gubernur B", None), date(2026, 3, 31)) is None


def test_a_plh_stands_in_within_a_definitive_term_only() -> None:
    office = governor()
    with pytest.raises(RuleViolation, match="within their term"):
        appoint(office, "Sekda", PLH, date(2025, 12, 20), date(2026, 1, 5))
    appoint(office, "Sekda", PLH, date(2025, 6, 1), date(2025, 6, 10), nip="197001011995031001")
    with pytest.raises(RuleViolation, match="acting terms overlap"):
        appoint(office, "Asisten I", PLH, date(2025, 6, 10), date(2025, 6, 12))
    by_nip = Signatory("Sekretaris Daerah", "197001011995031001")
    assert office.term_of(by_nip, date(2025, 6, 5)) is not None


def test_a_term_is_shortened_never_lengthened() -> None:
    office = governor()
    with pytest.raises(RuleViolation, match="new appointment"):
        office.end_term(1, date(2026, 6, 30), SYSTEM_ACTOR, "Perpanjangan")
    with pytest.raises(NotFound):
        office.end_term(2, date(2025, 6, 30), SYSTEM_ACTOR, "Mengundurkan diri")
    office.end_term(1, date(2025, 6, 30), SYSTEM_ACTOR, "Mengundurkan diri")
    assert office.terms[0].ends_on == date(2025, 6, 30)
    assert office.holders_on(date(2025, 7, 1)) == ()
