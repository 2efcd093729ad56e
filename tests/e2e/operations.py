"""GraphQL operations the scenarios send, as an officer's client would."""

CASE_FIELDS = """
  id state transferType initiative nip pendingStep route decreeAuthority
  missingDocuments
  origin { agencyCode unitCode positionCode }
  destination { agencyCode unitCode positionCode }
  findings { rule severity message }
  approvals { step approved reference actor { id role agency } }
  decree { number issuer authority signedOn effectiveOn }
"""

OPEN_CASE = f"""
mutation Open($input: OpenTransferCaseInput!, $key: String) {{
  openTransferCase(input: $input, idempotencyKey: $key) {{
    position replayed transferCase {{ {CASE_FIELDS} }}
  }}
}}"""

ATTACH = """
mutation Attach($input: AttachDocumentInput!) {
  attachDocument(input: $input) { transferCase { id missingDocuments } }
}"""

SUBMIT = "mutation($id: ID!) { submitTransferCase(caseId: $id) { transferCase { state } } }"
VERIFY = """
mutation($id: ID!) { verifyDocuments(caseId: $id) { transferCase { state pendingStep } } }"""

DECIDE = {
    "REVIEW_BOARD": "recordReviewBoardDecision",
    "ORIGIN_RELEASE": "decideRelease",
    "DESTINATION_ACCEPTANCE": "decideAcceptance",
    "TECHNICAL_REVIEW": "recordTechnicalReview",
}


def decide(step: str) -> str:
    return (
        "mutation($input: DecisionInput!) { "
        f"{DECIDE[step]}(input: $input) {{ transferCase {{ state pendingStep }} }} }}"
    )


HANDOVER = """
mutation($input: HandoverInput!) { recordHandover(input: $input) { transferCase { state } } }"""

ISSUE_DECREE = f"""
mutation($input: DecreeInput!) {{
  issueDecree(input: $input) {{ position transferCase {{ {CASE_FIELDS} }} }}
}}"""

INSTALL = """
mutation($input: InstallationInput!) {
  recordInstallation(input: $input) { transferCase { state installedOn } }
}"""

EFFECTIVE = """
mutation($id: ID!) { recordEffective(caseId: $id) { transferCase { state effectiveOn } } }"""

TRAINING = """
mutation($input: TrainingInput!) { recordTraining(input: $input) { transferCase { state } } }"""

EVALUATION = """
mutation($input: EvaluationInput!) {
  recordEvaluation(input: $input) { transferCase { state evaluation { rating } } }
}"""

CLOSE = "mutation($id: ID!) { closeTransferCase(caseId: $id) { transferCase { state } } }"

EMPLOYEE = """
query($nip: String!) {
  employee(nip: $nip) {
    nip name activeCaseId
    placement { agencyCode unitCode positionCode }
    placementHistory { since decreeNumber handedOverTo caseId
                       placement { agencyCode unitCode positionCode } }
    transferCases { id state }
  }
}"""

CASE = f"""
query($id: ID!) {{
  transferCase(id: $id) {{
    {CASE_FIELDS}
    handover {{ actingOfficial }}
    trainings {{ title hours }}
    evaluation {{ rating summary }}
    evaluations {{ rating evaluatedOn }}
    evaluationSchedule {{ dueOn evaluatedOn overdue }}
    history {{ version eventType actor {{ id role agency }} reason details }}
  }}
}}"""
