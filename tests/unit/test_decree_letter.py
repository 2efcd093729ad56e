"""The decree letter's bytes depend on its facts alone: the same in another process, and an
acting signatory is written with Plt./Plh. before the office."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import UTC, date, datetime
from uuid import UUID

from pypdf import PdfReader

from asn_graph.domain.case_records import Decree
from asn_graph.domain.office_terms import HolderCapacity
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_types import DecisionAuthority
from asn_graph.letters.facts import CORRECTED, ISSUED, REVOKED, LetterFacts, Post
from asn_graph.letters.render import render_letter
from asn_graph.letters.verification import LetterKey, VerificationIds, mask_name, mask_nip

URL = "https://asn.example.go.id/verifikasi/sk/abc-3-def"


def facts(capacity: HolderCapacity | None = HolderCapacity.PLT) -> LetterFacts:
    decree = Decree(
        number="821/12/BKPSDM/2026",
        issuer="Bupati Sidoarjo",
        authority=DecisionAuthority.PPK,
        signed_on=date(2026, 11, 2),
        signatory="Wakil Bupati Sidoarjo",
        effective_on=date(2026, 11, 16),
        signatory_nip="197001011995031001",
        signatory_capacity=capacity,
    )
    return LetterFacts(
        case_id=UUID(int=7),
        version=12,
        recorded_at=datetime(2026, 11, 2, 3, 4, 5, tzinfo=UTC),
        corrected=False,
        decree=decree,
        employee_name="Siti Rahmawati",
        nip="199003152015032001",
        rank="Penata Muda (III/a)",
        old_post=Post("Kabupaten Sidoarjo", "Dinas Kesehatan", "Analis Kepegawaian"),
        new_post=Post("Kabupaten Sidoarjo", "Sekretariat Daerah", "Analis Kebijakan"),
    )


def text_of(pdf: bytes) -> str:
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def test_the_same_facts_give_the_same_bytes_in_another_process() -> None:
    here = render_letter(facts(), URL)
    script = (
        "import sys; from tests.unit.test_decree_letter import facts, URL; "
        "from asn_graph.letters.render import render_letter; "
        "sys.stdout.buffer.write(render_letter(facts(), URL))"
    )
    there = subprocess.run(  # noqa: S603 (this interpreter, a fixed script)
        [sys.executable, "-c", script], capture_output=True, check=True
    ).stdout
    assert here == there
    assert here.startswith(b"%PDF")


def test_an_acting_signatory_signs_for_the_office() -> None:
    assert "Plt. Bupati Sidoarjo" in text_of(render_letter(facts(HolderCapacity.PLT), URL))
    assert "Plh. Bupati Sidoarjo" in text_of(render_letter(facts(HolderCapacity.PLH), URL))
    definitive = text_of(render_letter(facts(HolderCapacity.DEFINITIVE), URL))
    assert "Plt." not in definitive
    assert "Plh." not in definitive
    assert "NIP 197001011995031001" in definitive


def test_verification_ids_name_their_letter_and_refuse_forgeries() -> None:
    ids = VerificationIds("a secret of at least thirty-two characters")
    key = LetterKey(UUID(int=7), 12)
    made = ids.id_of(key)
    assert ids.key_of(made) == key
    assert VerificationIds("another secret of thirty-two characters").key_of(made) is None
    case, _, mac = made.split("-")
    assert ids.key_of(f"{case}-13-{mac}") is None
    assert ids.key_of("not-an-id") is None


def test_personal_data_on_the_public_page_is_masked() -> None:
    assert mask_name("Siti Rahmawati") == "S*** R********"
    assert mask_nip("199003152015032001") == "1990**********2001"


def test_the_letters_know_the_decree_events_by_their_own_topics() -> None:
    assert (ISSUED, CORRECTED, REVOKED) == (
        TransferCase.DecreeIssued.TOPIC,
        TransferCase.DecreeCorrected.TOPIC,
        TransferCase.DecreeRevoked.TOPIC,
    )
