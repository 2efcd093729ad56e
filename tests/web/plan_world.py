"""The plan pages' ground: the web store (``web_service``) with the planning world of
``tests.planning_world`` (a health office short of nurses, a transport office with staff to
spare), an approver of the city and local accounts for the transport staff a plan may move."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import httpx
import pytest

from asn_graph.api.auth import actor_of
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import SYSTEM_ACTOR, Role
from tests.planning_world import CITY, PlanningWorld, build_planning_world

APPROVER_PASSWORD = "kata-sandi-ani-2026"
STAFF_PASSWORD = "kata-sandi-staf-2026"


@dataclass(frozen=True)
class PlanGround:
    service: Service
    world: PlanningWorld
    usernames: dict[str, str]
    """The account of each transport employee, by NIP."""


@pytest.fixture
def plan_ground(web_service: Service) -> PlanGround:
    world = build_planning_world(web_service.app)
    accounts = web_service.app.local_accounts
    approver = actor_of("ani", Role.APPROVER, CITY, None)
    accounts.add(SYSTEM_ACTOR, approver, APPROVER_PASSWORD, "PPK Kota Surabaya")
    usernames = {}
    for username, staff in (
        ("rina", world.nurse),
        ("maya", world.midwife),
        ("joko", world.driver),
        ("dodi", world.programmer),
    ):
        claims = actor_of(username, Role.EMPLOYEE, None, staff.nip)
        accounts.add(SYSTEM_ACTOR, claims, STAFF_PASSWORD, "pegawai DISHUB")
        usernames[staff.nip] = username
    return PlanGround(web_service, world, usernames)


def hidden_fields(page: str, action: str, nip: str | None = None) -> dict[str, str]:
    """The hidden fields (form token, idempotency key, ...) of the page's form posting to
    ``action`` (of the move of ``nip`` when the page has one such form per move)."""
    for form in re.findall(r"<form [^>]*>.*?</form>", page, flags=re.S):
        if f'action="{action}"' not in form:
            continue
        hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
        if nip is None or hidden.get("nip") == nip:
            return hidden
    raise AssertionError(f"no form posts to {action}")


async def post_form(
    client: httpx.AsyncClient,
    page_path: str,
    action: str,
    fields: Mapping[str, str | list[str]],
    nip: str | None = None,
) -> httpx.Response:
    """Posts the form of ``page_path`` that goes to ``action``, with its hidden fields, as a
    browser does after loading the page."""
    page = await client.get(page_path)
    assert page.status_code == 200, page.text
    data = {**hidden_fields(page.text, action, nip), **fields}
    return await client.post(action, data=data)


def plan_id_of(location: str) -> str:
    found = re.match(r"^/rencana/([0-9a-f-]{36})\?", location)
    assert found is not None, location
    return found.group(1)
