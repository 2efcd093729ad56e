"""Every event type survives the trip through the store's JSON transcoder."""

from datetime import date

from eventsourcing.persistence import DatetimeAsISO, JSONTranscoder, UUIDAsHex

from asn_graph.domain.case_records import Training
from asn_graph.domain.transfer_types import ApprovalStep
from asn_graph.persistence.transcodings import register_domain_transcodings
from tests.unit.builders import APPROVER, HANDOVER, OFFICER, POLICY, TODAY, case, decree
from tests.unit.test_transfer_case import in_approval


def test_value_objects_round_trip() -> None:
    transcoder = JSONTranscoder()
    for builtin in (UUIDAsHex(), DatetimeAsISO()):
        transcoder.register(builtin)
    register_domain_transcodings(transcoder)
    subject = in_approval(case())
    subject.decide(ApprovalStep.REVIEW_BOARD, True, date(2026, 10, 1), "BA/1", APPROVER, "")
    subject.record_handover(HANDOVER, OFFICER)
    subject.issue_decree(decree(), (), APPROVER)
    subject.record_installation(date(2026, 11, 10), POLICY, OFFICER)
    subject.take_effect(TODAY, POLICY, OFFICER)
    subject.record_training(Training("Orientasi", "BPSDM", 16, TODAY), OFFICER)
    for event in subject.collect_events():
        state = dict(event.__dict__)
        # JSON has no tuples: the event's own tuple fields come back as lists.
        expected = {k: list(v) if isinstance(v, tuple) else v for k, v in state.items()}
        assert transcoder.decode(transcoder.encode(state)) == expected
