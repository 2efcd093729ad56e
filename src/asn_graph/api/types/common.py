"""Small shared types: actors, placements, plan links, education, competencies, findings."""

from __future__ import annotations

import strawberry

from asn_graph.api.languages import language_of_context
from asn_graph.api.types.enums import (
    CaseState,
    CompetencyKind,
    EducationLevel,
    Rule,
    Severity,
    TransferType,
)
from asn_graph.api.types.mirror import mirror
from asn_graph.domain import (
    actors,
    case_records,
    competencies,
    fields_of_study,
    placement,
    reference,
    rules,
)


@strawberry.type(description="Who performed an action (pelaku), as named by their token.")
class ActorInfo:
    id: str = strawberry.field(description="Subject of the caller's token.")
    role: str = strawberry.field(
        description="officer, approver, employee, auditor, integrator, bkn, governor, minister."
    )
    agency: str | None = strawberry.field(
        description="Kode instansi the actor acted for; a regulator's office: BKN or a Kanreg "
        "(KANREG-VI), a governor's province code, KEMENDAGRI."
    )
    nip: str | None = strawberry.field(description="NIP, when the actor is an employee.")

    @classmethod
    def of(cls, actor: actors.Actor) -> ActorInfo:
        return cls(id=actor.id, role=actor.role.value, agency=actor.agency, nip=actor.nip)


@strawberry.type(description="Penempatan: a position (jabatan) in a work unit of an agency.")
class Placement:
    agency_code: str = strawberry.field(description="Kode instansi.")
    unit_code: str = strawberry.field(description="Kode unit organisasi (unor).")
    position_code: str = strawberry.field(description="Kode jabatan within the unit.")

    @classmethod
    def of(cls, value: placement.Placement) -> Placement:
        return mirror(cls, value)


@strawberry.type(description="How many cases (of a plan, of a filter) are in one state.")
class CaseStateCount:
    state: CaseState
    cases: int


@strawberry.type(description="How many of the counted cases are of one transfer type.")
class TransferTypeCount:
    transfer_type: TransferType
    cases: int


@strawberry.type(description="The transfer plan (rencana mutasi) a case was opened from.")
class PlanLink:
    plan_id: strawberry.ID
    move: str = strawberry.field(description="The move's key within the plan.")

    @classmethod
    def of(cls, link: case_records.PlanLink) -> PlanLink:
        return cls(plan_id=strawberry.ID(str(link.plan_id)), move=link.move)

    @classmethod
    def of_columns(cls, plan_id: str | None, move: str | None) -> PlanLink | None:
        """The link as a read model stores it (both columns, or neither)."""
        if plan_id is None or move is None:
            return None
        return cls(plan_id=strawberry.ID(plan_id), move=move)


@strawberry.type(description="Pendidikan: level and field of study.")
class Education:
    level: EducationLevel
    field: str

    @classmethod
    def of(cls, value: reference.Education) -> Education:
        return mirror(cls, value)


@strawberry.type(description="Pendidikan: level and field of study, with the field's family.")
class EducationDetail:
    level: EducationLevel
    field: str
    family: str | None = strawberry.field(
        description="Rumpun ilmu of the field; null for a field not in the reference list."
    )

    @classmethod
    def of(cls, value: reference.Education) -> EducationDetail:
        return cls(
            level=value.level, field=value.field, family=fields_of_study.family_of(value.field)
        )


@strawberry.type(description="A competency of the catalogue (PermenPANRB 38/2017).")
class CompetencyDefinition:
    code: str
    kind: CompetencyKind
    name: str

    @classmethod
    def of(cls, definition: competencies.CompetencyDefinition) -> CompetencyDefinition:
        return mirror(cls, definition)


def _definition(code: str) -> competencies.CompetencyDefinition:
    found = competencies.definition_of(code)
    assert found is not None, f"a stored competency code is in the catalogue: {code}"
    return found


@strawberry.type(description="Kompetensi held, at the level assessed (1-5).")
class HeldCompetency:
    code: str
    kind: CompetencyKind
    name: str
    level: int

    @classmethod
    def of(cls, held: competencies.HeldCompetency) -> HeldCompetency:
        definition = _definition(held.code)
        return cls(code=held.code, kind=definition.kind, name=definition.name, level=held.level)


@strawberry.type(description="Kompetensi a position asks for, at a minimum level (1-5).")
class RequiredCompetency:
    code: str
    kind: CompetencyKind
    name: str
    minimum_level: int

    @classmethod
    def of(cls, required: competencies.RequiredCompetency) -> RequiredCompetency:
        definition = _definition(required.code)
        return cls(
            code=required.code,
            kind=definition.kind,
            name=definition.name,
            minimum_level=required.minimum_level,
        )


@strawberry.type(description="Temuan: the outcome of one rule on a case.")
class Finding:
    rule: Rule
    severity: Severity
    finding: strawberry.Private[rules.Finding]

    @strawberry.field(
        description="The finding in words, in the request's language (Accept-Language: "
        "English unless Indonesian is asked for)."
    )
    def message(self, info: strawberry.Info) -> str:
        return self.finding.text(language_of_context(info.context))

    @classmethod
    def of(cls, value: rules.Finding) -> Finding:
        return cls(rule=value.rule, severity=value.severity, finding=value)


@strawberry.type(description="A page position in a list (keyset pagination).")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None
