"""Domain enums exposed to GraphQL, each described with its Indonesian term."""

from __future__ import annotations

import strawberry

from asn_graph.api.errors import ErrorCode
from asn_graph.domain import reference, rules, transfer_types
from asn_graph.domain.case_records import DocumentType as DomainDocumentType
from asn_graph.domain.case_state import CaseState as DomainCaseState
from asn_graph.domain.nip import Gender as DomainGender

Rank = strawberry.enum(
    reference.Rank,
    name="Rank",
    description="Pangkat/golongan ruang, from I/a (Juru Muda) to IV/e (Pembina Utama).",
)
EmploymentStatus = strawberry.enum(
    reference.EmploymentStatus,
    name="EmploymentStatus",
    description="Status kepegawaian: PNS (civil servant) or PPPK (contract employee).",
)
PerformanceRating = strawberry.enum(
    reference.PerformanceRating,
    name="PerformanceRating",
    description="Predikat kinerja SKP (PermenPANRB 6/2022).",
)
PositionKind = strawberry.enum(
    reference.PositionKind,
    name="PositionKind",
    description="Jenis jabatan: JPT, administrator, pengawas, pelaksana, fungsional by level.",
)
EducationLevel = strawberry.enum(
    reference.EducationLevel, name="EducationLevel", description="Jenjang pendidikan."
)
BlockerKind = strawberry.enum(
    reference.BlockerKind,
    name="BlockerKind",
    description="Hambatan mutasi: proceedings (hukuman disiplin/proses hukum), study leave "
    "(tugas belajar), bonded service (ikatan dinas), audit findings (temuan).",
)
AgencyKind = strawberry.enum(
    reference.AgencyKind,
    name="AgencyKind",
    description="Jenis instansi: provinsi, kabupaten, kota, or instansi pusat.",
)
Gender = strawberry.enum(DomainGender, name="Gender", description="Jenis kelamin (NIP digit 15).")
TransferType = strawberry.enum(
    transfer_types.TransferType,
    name="TransferType",
    description="Jenis mutasi: within one agency (dalam satu instansi), between kabupaten/kota "
    "of one province, province <-> kabupaten/kota, across provinces, regional <-> central, "
    "between central agencies.",
)
Initiative = strawberry.enum(
    transfer_types.Initiative,
    name="Initiative",
    description="Kepentingan dinas (agency interest) or atas permintaan sendiri (APS).",
)
ApprovalStep = strawberry.enum(
    transfer_types.ApprovalStep,
    name="ApprovalStep",
    description="Steps of the route: review board (Baperjakat/Tim Penilai Kinerja), origin "
    "release (persetujuan melepas), destination acceptance (persetujuan menerima), technical "
    "review (pertimbangan teknis BKN).",
)
DecisionAuthority = strawberry.enum(
    transfer_types.DecisionAuthority,
    name="DecisionAuthority",
    description="Who signs the SK: PPK, Gubernur, Mendagri or Kepala BKN.",
)
CaseState = strawberry.enum(
    DomainCaseState, name="CaseState", description="Status usulan mutasi."
)
DocumentType = strawberry.enum(
    DomainDocumentType, name="DocumentType", description="Berkas persyaratan mutasi."
)
Rule = strawberry.enum(
    rules.Rule, name="Rule", description="The rules the system checks (aturan mutasi)."
)
Severity = strawberry.enum(
    rules.Severity,
    name="Severity",
    description="HARD blocks the case until overridden; WARNING is recorded on the case.",
)
ErrorCodeEnum = strawberry.enum(
    ErrorCode, name="ErrorCode", description="Values of extensions.code on GraphQL errors."
)
