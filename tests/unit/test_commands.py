"""Commands: fingerprints stay what idempotency records stored before, and views hold no
aggregate."""

from __future__ import annotations

import dataclasses
import typing
from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate

from asn_graph.application import commands as c
from asn_graph.application import views
from asn_graph.domain.case_records import Decree, Handover
from asn_graph.domain.placement import Placement
from asn_graph.domain.positions import Position, WorkloadItem
from asn_graph.domain.reference import Education, EducationLevel, PositionKind
from asn_graph.domain.transfer_types import ApprovalStep, DecisionAuthority, Initiative


def test_fingerprints_match_those_stored_by_earlier_releases() -> None:
    # Recorded by the release before typed commands: a retry sent across an upgrade is
    # still recognised as the same request.
    opening = c.OpenCase(
        "196705261993031001",
        Placement("1272", "BKPSDM", "J02"),
        Initiative.AGENCY_INTEREST,
        "Pemerataan pegawai",
    )
    assert opening.fingerprint() == (
        "3f204875934e0a045de6b1c08a7e43e9f2ba6c1cf4b5e9e1b4c6359fbd20f4c2"
    )
    decision = c.DecideStep(
        UUID("6f1c2a52-0d7e-4b8e-9a51-5d6c4f0b2e11"),
        ApprovalStep.ORIGIN_RELEASE,
        True,
        date(2026, 11, 2),
        "800/12/BKPSDM/2026",
        "",
    )
    assert decision.fingerprint() == (
        "c208e17598bdddde32e422ccf42548f76667fa6fc9d8e20187a6466982d733e6"
    )


def test_a_case_opened_from_a_plan_is_another_request() -> None:
    plan = UUID("0b9a7a52-3d1e-4c55-8f0a-6a2f3c1d9e01")
    fields = (
        "196705261993031001",
        Placement("1272", "BKPSDM", "J02"),
        Initiative.AGENCY_INTEREST,
        "Pemerataan pegawai",
    )
    without = c.OpenCase(*fields).fingerprint()
    assert c.OpenCase(*fields, plan_id=None, plan_move=None).fingerprint() == without
    planned = c.OpenCase(*fields, plan_id=plan, plan_move="M-1")
    assert planned.fingerprint() not in {
        without,
        c.OpenCase(*fields, plan_id=plan, plan_move="M-2").fingerprint(),
    }
    assert planned.fingerprint() == (
        c.OpenCase(*fields, plan_id=plan, plan_move="M-1").fingerprint()
    )


def test_fingerprints_of_nested_value_objects_match_too() -> None:
    # A value object goes into the fingerprint by its repr: its class name and fields.
    case_id = UUID("6f1c2a52-0d7e-4b8e-9a51-5d6c4f0b2e11")
    decree = Decree(
        "821/2/2026",
        "Wali Kota Surabaya",
        DecisionAuthority.PPK,
        date(2026, 11, 2),
        "Wali Kota",
        date(2026, 11, 16),
    )
    position = Position(
        "ANALIS-SDM",
        "Analis SDM Aparatur Ahli Pertama",
        PositionKind.AHLI_PERTAMA,
        8,
        Education(EducationLevel.S1, "Manajemen"),
        (),
    )
    handover = Handover(None, "Plt. Kasubbag", date(2026, 10, 30), "Diserahkan")
    workload = (WorkloadItem("Verifikasi usulan", 1000, 225),)
    expected = {
        c.IssueDecree(case_id, decree): (
            "8e5f464a3b204bd6dda3b72a63322227a36fa1c3bb3ad36e0daee86a4ca9caea"
        ),
        c.EstablishPosition("3578", "BKPSDM", position): (
            "3f26a0d79707e9f05d88156471001f0afdb926ea3c8e28cbf7311d2318963226"
        ),
        c.RecordHandover(case_id, handover): (
            "3f4bf5ad68ac2f0586ef865f453e579ae7d580062d6618a7246dd323989cb6bf"
        ),
        c.AssessWorkload("3578", "BKPSDM", "ANALIS-SDM", workload): (
            "3e1334e6f7b3065ad71ffdf2ab35c8927b097509bc346845ddfc02c963fd6e36"
        ),
    }
    assert {command: command.fingerprint() for command in expected} == expected


def test_every_command_has_its_own_stable_name() -> None:
    commands = [
        value
        for value in vars(c).values()
        if isinstance(value, type) and issubclass(value, c.Command) and "NAME" in vars(value)
    ]
    names = [command.NAME for command in commands]
    assert len(commands) >= 32
    assert len(set(names)) == len(names)


def test_views_are_frozen_and_hold_no_aggregate() -> None:
    for name in ("AgencyView", "WorkUnitView", "PositionView", "EmployeeView", "CaseView"):
        view = getattr(views, name)
        assert dataclasses.is_dataclass(view)
        assert getattr(view, "__dataclass_params__").frozen  # noqa: B009
        hints = typing.get_type_hints(view)
        for hint in hints.values():
            for part in typing.get_args(hint) or (hint,):
                assert not (isinstance(part, type) and issubclass(part, Aggregate)), name
