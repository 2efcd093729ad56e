"""Who reads what: the read rule of every root query and subscription field, and of every
object field that reads beyond the object it belongs to (``Type.field``).

The rules are applied by the resolvers (through ``asn_graph.api.scoping``); this table names
them in one place, and the schema's role walk fails for a field that is not in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum


class ReadRule(Enum):
    REFERENCE = "every signed-in caller: reference data, nobody's personal record"
    SELF = "the caller's own identity, consultations or notifications"
    OFFICES = (
        "the holders of the signing offices, for every signed-in caller: a decree names its "
        "signer, and who holds a public office is public"
    )
    AGENCY = (
        "the records of an agency the caller reads: named (refused with FORBIDDEN outside "
        "the scope) or, when left out, the caller's own; national readers every agency; "
        "employees refused"
    )
    EMPLOYEE = (
        "an employee in scope: the caller themselves, one placed in an agency the caller reads, "
        "or the employee of a case from or to one (otherwise NOT_FOUND)"
    )
    CASE = "a case from or to an agency the caller reads, or the employee's own (else NOT_FOUND)"
    PLAN = (
        "a plan of an agency the caller reads (else NOT_FOUND); an employee only a plan that "
        "consults them, showing their own move"
    )
    AUDIT = (
        "a subject in scope (subjectId), or else the actions of the actors of an agency the "
        "caller reads (actorAgency, the caller's own by default)"
    )
    CHAIN_HEAD = "the audit chain's latest hash, for its readers: no record's content"
    CHAIN = (
        "the audit chain verified, for auditors: positions and hashes; a broken link's subject "
        "only when the caller reads that subject"
    )
    PUBLISHED = (
        "an agency's published monthly summaries, for every signed-in caller: numbers only, "
        "no personal record, published for the public"
    )
    PUBLISHER = (
        "the figures a monthly summary would publish, for the officers and approvers of the "
        "agency alone (else FORBIDDEN)"
    )
    PARENT = "within its parent, which was read under its own rule"
    SCOPED_CASES = "the employee's cases from or to an agency the caller reads"
    SCOPED_STAFF = "the unit's staff, when the caller reads the unit's agency"


ROOT_RULES: Mapping[str, ReadRule] = {
    # references and the caller
    "me": ReadRule.SELF,
    "agencies": ReadRule.REFERENCE,
    "agency": ReadRule.REFERENCE,
    "competencyCatalogue": ReadRule.REFERENCE,
    "fieldsOfStudy": ReadRule.REFERENCE,
    "myTransferPlanConsultations": ReadRule.SELF,
    "myNotifications": ReadRule.SELF,
    "myUnreadNotificationCount": ReadRule.SELF,
    "signingOffice": ReadRule.OFFICES,
    "publishedMonthlySummaries": ReadRule.PUBLISHED,
    "publishedMonthlySummary": ReadRule.PUBLISHED,
    # an agency's records
    "monthlySummaryPreview": ReadRule.PUBLISHER,
    "workUnits": ReadRule.AGENCY,
    "workUnit": ReadRule.AGENCY,
    "workUnitAsOf": ReadRule.AGENCY,
    "employees": ReadRule.AGENCY,
    "transferCases": ReadRule.AGENCY,
    "transferCaseCounts": ReadRule.AGENCY,
    "placements": ReadRule.AGENCY,
    "unitMovements": ReadRule.AGENCY,
    "staffingBalance": ReadRule.AGENCY,
    "staffingGaps": ReadRule.AGENCY,
    "unitBalances": ReadRule.AGENCY,
    "worklist": ReadRule.AGENCY,
    "evaluationsDue": ReadRule.AGENCY,
    "transferOutcomes": ReadRule.AGENCY,
    "transferOutcomeSummary": ReadRule.AGENCY,
    "transferOutcomePeriods": ReadRule.AGENCY,
    "transferPlans": ReadRule.AGENCY,
    "candidates": ReadRule.AGENCY,
    # one record
    "employee": ReadRule.EMPLOYEE,
    "employeeAsOf": ReadRule.EMPLOYEE,
    "placementHistory": ReadRule.EMPLOYEE,
    "placementOptions": ReadRule.EMPLOYEE,
    "transferCase": ReadRule.CASE,
    "transferCaseAsOf": ReadRule.CASE,
    "transferPlan": ReadRule.PLAN,
    "transferPlanAsOf": ReadRule.PLAN,
    "transferPlanDifference": ReadRule.PLAN,
    "auditTrail": ReadRule.AUDIT,
    "auditHead": ReadRule.CHAIN_HEAD,
    "auditChainVerification": ReadRule.CHAIN,
    # subscriptions
    "placementChanged": ReadRule.AGENCY,
    "transferCaseChanged": ReadRule.CASE,
    "transferPlanChanged": ReadRule.PLAN,
}

NESTED_RULES: Mapping[str, ReadRule] = {
    "Caller.readScope": ReadRule.SELF,
    "Employee.transferCases": ReadRule.SCOPED_CASES,
    "WorkUnit.staff": ReadRule.SCOPED_STAFF,
    "Position.staffing": ReadRule.PARENT,
    "TransferCase.history": ReadRule.PARENT,
    "TransferCase.stage": ReadRule.PARENT,
    "TransferCaseSummary.stages": ReadRule.PARENT,
    "TransferCase.employee": ReadRule.PARENT,
    "TransferCase.decreeLetter": ReadRule.PARENT,
    "TransferCase.allowedActions": ReadRule.PARENT,
    "TransferPlan.progress": ReadRule.PARENT,
    "RankedCandidates.excluded": ReadRule.PARENT,
    # The request is read only for its language.
    "Finding.message": ReadRule.PARENT,
    "Exclusion.reason": ReadRule.PARENT,
    **{
        f"{connection}.totalCount": ReadRule.PARENT
        for connection in (
            "AuditEntryConnection",
            "CandidateConnection",
            "EmployeeSummaryConnection",
            "EvaluationDueConnection",
            "NotificationConnection",
            "PlacementEntryConnection",
            "PlacementOptionConnection",
            "PlacementStintConnection",
            "RankedCandidates",
            "TransferCaseSummaryConnection",
            "TransferOutcomeConnection",
            "TransferPlanSummaryConnection",
            "WorkItemConnection",
        )
    },
}
