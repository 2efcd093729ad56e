"""NIP (Nomor Induk Pegawai): the civil servant's 18-digit lifelong number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from asn_graph.domain.errors import InvalidInput

NIP_LENGTH = 18
EARLIEST_APPOINTMENT_YEAR = 1950
MINIMUM_AGE_AT_APPOINTMENT = 17


class Gender(Enum):
    MALE = "1"
    FEMALE = "2"


@dataclass(frozen=True)
class Nip:
    """A validated NIP: birth date YYYYMMDD, CPNS appointment YYYYMM, gender digit, sequence."""

    value: str

    @classmethod
    def parse(cls, text: str, *, today: date | None = None) -> Nip:
        candidate = text.replace(" ", "").strip()
        if len(candidate) != NIP_LENGTH or not candidate.isdigit():
            raise InvalidInput("nip.length", field="nip", nip_length=NIP_LENGTH, text=text)
        nip = cls(candidate)
        birth = nip._birth_date()
        year, month = nip.appointment_year_month
        if not 1 <= month <= 12 or year < EARLIEST_APPOINTMENT_YEAR:
            raise InvalidInput(
                "nip.nip_has_no_plausible_appointment", field="nip", candidate=candidate
            )
        if year - birth.year < MINIMUM_AGE_AT_APPOINTMENT:
            raise InvalidInput(
                "nip.nip_appointment_before_age",
                field="nip",
                candidate=candidate,
                minimum_age_at_appointment=MINIMUM_AGE_AT_APPOINTMENT,
            )
        if today is not None and (year, month) > (today.year, today.month):
            raise InvalidInput("nip.nip_has_appointment_future", field="nip", candidate=candidate)
        if candidate[14] not in {g.value for g in Gender}:
            raise InvalidInput("nip.gender_digit", field="nip", candidate=candidate)
        return nip

    def _birth_date(self) -> date:
        digits = self.value
        try:
            return date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
        except ValueError:
            raise InvalidInput("nip.nip_has_no_real_birth", field="nip", digits=digits) from None

    @property
    def birth_date(self) -> date:
        return self._birth_date()

    @property
    def appointment_year_month(self) -> tuple[int, int]:
        return int(self.value[8:12]), int(self.value[12:14])

    @property
    def gender(self) -> Gender:
        return Gender(self.value[14])

    @property
    def sequence(self) -> int:
        return int(self.value[15:18])

    def __str__(self) -> str:
        return self.value
