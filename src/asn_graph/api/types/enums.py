"""Domain enums exposed to GraphQL, each described with its Indonesian term.

The GraphQL types annotate fields with the domain enums themselves; registering them here
gives each its schema name and description.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

import strawberry

from asn_graph.domain import (
    case_actions,
    case_records,
    case_state,
    competencies,
    matching,
    nip,
    notifications,
    office_terms,
    reference,
    rules,
    stages,
    talent,
    transfer_types,
)

DESCRIPTIONS: dict[type[Enum], str] = {
    reference.Rank: "Pangkat/golongan ruang, from I/a (Juru Muda) to IV/e (Pembina Utama).",
    reference.EmploymentStatus: "Status kepegawaian: PNS (civil servant) or PPPK (contract).",
    reference.PerformanceRating: "Predikat kinerja SKP (PermenPANRB 6/2022).",
    reference.PositionKind: "Jenis jabatan: JPT, administrator, pengawas, pelaksana, "
    "fungsional keahlian and keterampilan by level.",
    reference.EducationLevel: "Jenjang pendidikan.",
    reference.BlockerKind: "Hambatan mutasi: proceedings (hukuman disiplin/proses hukum), study "
    "leave (tugas belajar), bonded service (ikatan dinas), audit findings (temuan).",
    reference.AgencyKind: "Jenis instansi: provinsi, kabupaten, kota, or instansi pusat.",
    nip.Gender: "Jenis kelamin (NIP digit 15).",
    transfer_types.TransferType: "Jenis mutasi: within one agency (dalam satu instansi), "
    "between kabupaten/kota of one province, province <-> kabupaten/kota, across provinces, "
    "regional <-> central, between central agencies.",
    transfer_types.Initiative: "Kepentingan dinas (agency interest) or atas permintaan sendiri "
    "(APS, the employee's own request).",
    transfer_types.ApprovalStep: "Steps of the route: review board (Baperjakat/Tim Penilai "
    "Kinerja), origin release (persetujuan melepas), destination acceptance (persetujuan "
    "menerima), technical review (pertimbangan teknis BKN).",
    transfer_types.DecisionAuthority: "Who signs the SK: PPK, Gubernur, Mendagri or Kepala BKN.",
    case_state.CaseState: "Status usulan mutasi.",
    case_actions.CaseAction: "A command on a case, named after its mutation: attachDocument, "
    "submitTransferCase, returnDocuments, verifyDocuments, rejectTransferCase, answerProposal, "
    "the decision of each route step, overrideRule, issueDecree, correctDecree, revokeDecree, "
    "recordInstallation, recordHandover, recordEffective, recordTraining, recordEvaluation, "
    "closeTransferCase, withdrawTransferCase, cancelTransferCase, expireTransferCase.",
    competencies.CompetencyKind: "Jenis kompetensi (PermenPANRB 38/2017): teknis, manajerial, "
    "sosial kultural.",
    talent.Potential: "Potensi (manajemen talenta, PermenPANRB 3/2020): rendah, menengah, tinggi.",
    case_records.DocumentType: "Berkas persyaratan mutasi.",
    rules.Rule: "The rules the system checks (aturan mutasi).",
    notifications.NotificationKind: "Jenis notifikasi: a case's stage changed, a proposal or a "
    "plan consultation awaits the employee's answer, the decree was issued or corrected, an "
    "evaluation is due.",
    rules.Severity: "HARD blocks the case until overridden; WARNING is recorded on the case.",
    matching.ScorePart: "Parts of a candidate's score (unsur penilaian kecocokan): competency "
    "fit, education, performance, potential, time in post, asked for by the employee, "
    "leaving a post in surplus.",
    office_terms.HolderCapacity: "Kedudukan pemegang jabatan: definitif, Pelaksana Tugas (Plt., "
    "the office is vacant) or Pelaksana Harian (Plh., the definitive holder is away).",
    stages.DeadlineKind: "Batas waktu (Perban BKN 5/2019): BKN's technical review within 15 "
    "days of a complete file; appointment (pelantikan) within 30 working days of the SK.",
}

E = TypeVar("E", bound=Enum)


def members(enum_type: type[E]) -> Mapping[Any, E]:
    """The members of an enum by value: rows of the read models hold values, and a lookup
    here is ten times cheaper than calling the enum, which counts on long lists."""
    return {member.value: member for member in enum_type}


for enum_type, description in DESCRIPTIONS.items():
    strawberry.enum(enum_type, description=description)

Rank = reference.Rank
EmploymentStatus = reference.EmploymentStatus
PerformanceRating = reference.PerformanceRating
PositionKind = reference.PositionKind
EducationLevel = reference.EducationLevel
BlockerKind = reference.BlockerKind
AgencyKind = reference.AgencyKind
Gender = nip.Gender
TransferType = transfer_types.TransferType
Initiative = transfer_types.Initiative
ApprovalStep = transfer_types.ApprovalStep
DecisionAuthority = transfer_types.DecisionAuthority
CaseState = case_state.CaseState
CaseAction = case_actions.CaseAction
DocumentType = case_records.DocumentType
Rule = rules.Rule
Severity = rules.Severity
DeadlineKind = stages.DeadlineKind
CompetencyKind = competencies.CompetencyKind
Potential = talent.Potential
ScorePart = matching.ScorePart
HolderCapacity = office_terms.HolderCapacity
NotificationKind = notifications.NotificationKind
