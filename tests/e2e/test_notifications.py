"""The employee's notifications over HTTP: ``myNotifications`` a page at a time, the unread
count, ``markNotificationsRead``; each employee reads and marks only their own."""

from __future__ import annotations

from typing import Any

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api, event_count
from tests.notification_world import approve, propose, submit
from tests.world import person, register

INBOX = """query($first: Int!, $after: String, $unreadOnly: Boolean! = false) {
  myUnreadNotificationCount
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind read transferCaseId state step } }
  }
}"""
MARK = """mutation($ids: [ID!], $all: Boolean! = false) {
  markNotificationsRead(ids: $ids, all: $all) { marked unreadCount }
}"""


def nodes(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in data["myNotifications"]["edges"]]


async def test_an_employee_pages_through_their_notifications_and_marks_them_read(
    api: Api, organised: Service
) -> None:
    who = person("3578", "DISKOMINFO", 71)
    register(organised.app, who)
    case = approve(organised, submit(organised, propose(organised, who)))
    own = api.token(Role.EMPLOYEE, nip=who.nip)

    first = await api.ok(INBOX, {"first": 3}, token=own)
    assert first["myUnreadNotificationCount"] == 4
    assert first["myNotifications"]["totalCount"] == 4
    assert [(n["kind"], n["state"], n["step"]) for n in nodes(first)] == [
        ("STAGE_CHANGED", "AWAITING_DECREE", "REVIEW_BOARD"),
        ("STAGE_CHANGED", "IN_APPROVAL", None),
        ("STAGE_CHANGED", "SUBMITTED", None),
    ]
    assert {n["transferCaseId"] for n in nodes(first)} == {str(case.id)}
    page_info = first["myNotifications"]["pageInfo"]
    assert page_info["hasNextPage"]
    rest = await api.ok(INBOX, {"first": 3, "after": page_info["endCursor"]}, token=own)
    assert [(n["kind"], n["state"]) for n in nodes(rest)] == [("PROPOSAL_AWAITING_ANSWER", "DRAFT")]
    assert not rest["myNotifications"]["pageInfo"]["hasNextPage"]

    before = event_count(organised)
    newest = nodes(first)[0]["id"]
    marked = await api.ok(MARK, {"ids": [newest]}, token=own)
    assert marked["markNotificationsRead"] == {"marked": 1, "unreadCount": 3}
    again = await api.ok(MARK, {"ids": [newest]}, token=own)
    assert again["markNotificationsRead"] == {"marked": 0, "unreadCount": 3}
    unread = await api.ok(INBOX, {"first": 10, "unreadOnly": True}, token=own)
    assert newest not in {n["id"] for n in nodes(unread)}
    assert len(nodes(unread)) == 3
    everything = await api.ok(MARK, {"all": True}, token=own)
    assert everything["markNotificationsRead"] == {"marked": 3, "unreadCount": 0}
    read = await api.ok(INBOX, {"first": 10}, token=own)
    assert all(n["read"] for n in nodes(read))
    # Read marks are the inbox's state, not the legal record: no event was recorded.
    assert event_count(organised) == before


async def test_nobody_reads_or_marks_another_persons_notifications(
    api: Api, organised: Service
) -> None:
    who = person("3578", "DISKOMINFO", 72)
    other = person("3578", "DISKOMINFO", 73)
    register(organised.app, who)
    register(organised.app, other)
    submit(organised, propose(organised, who))
    theirs = api.token(Role.EMPLOYEE, nip=who.nip)
    ids = [n["id"] for n in nodes(await api.ok(INBOX, {"first": 10}, token=theirs))]
    assert len(ids) == 2

    someone_else = api.token(Role.EMPLOYEE, nip=other.nip)
    assert nodes(await api.ok(INBOX, {"first": 10}, token=someone_else)) == []
    marked = await api.ok(MARK, {"ids": ids}, token=someone_else)
    assert marked["markNotificationsRead"] == {"marked": 0, "unreadCount": 0}
    still = await api.ok(INBOX, {"first": 10}, token=theirs)
    assert still["myUnreadNotificationCount"] == 2

    officer = api.token(Role.OFFICER, agency="3578")
    for document, variables in ((INBOX, {"first": 10}), (MARK, {"all": True})):
        error = await api.error(document, variables, token=officer)
        assert error["extensions"]["code"] == "FORBIDDEN"
    unsigned = await api.error(INBOX, {"first": 10})
    assert unsigned["extensions"]["code"] == "UNAUTHENTICATED"


async def test_bad_input_names_its_field(api: Api, organised: Service) -> None:
    who = person("3578", "DISKOMINFO", 74)
    register(organised.app, who)
    own = api.token(Role.EMPLOYEE, nip=who.nip)
    marks: tuple[tuple[dict[str, Any], str], ...] = (
        ({"ids": ["abc"]}, "ids"),
        ({}, "ids"),
        ({"ids": ["1"], "all": True}, "ids"),
    )
    for variables, field in marks:
        error = await api.error(MARK, variables, token=own)
        assert error["extensions"]["code"] == "BAD_INPUT"
        assert error["extensions"]["field"] == field
    pages: tuple[dict[str, Any], ...] = ({"first": 0}, {"first": 10, "after": "not-a-cursor"})
    # The list alone: a sibling field still reading when the refusal ends the request would
    # outlive the test's store.
    page = """query($first: Int!, $after: String) {
      myNotifications(first: $first, after: $after) { totalCount }
    }"""
    for variables in pages:
        error = await api.error(page, variables, token=own)
        assert error["extensions"]["code"] == "BAD_INPUT"
