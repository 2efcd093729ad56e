"""unitBalances over GraphQL: every unit of an agency rolled up through the units below it,
with the staff missing and the staff beyond need summed apart, on both databases."""

from __future__ import annotations

from asn_graph.application.commands import EstablishPosition, RegisterWorkUnit
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import SYSTEM_ACTOR, Role
from tests.conftest import Api
from tests.world import ANALYST, person, register

BALANCES = """
query($agency: String!) {
  unitBalances(agencyCode: $agency) {
    unitCode unitName positions needed present deficit surplus gap
  }
}"""


def staff_a_sub_unit(service: Service) -> None:
    """BKPSDM of 3578 with one analyst of the three needed and two clerks of the one needed,
    and below it a unit whose analyst post has no workload (it needs nobody) but is held."""
    app = service.app
    app.work_units.register(
        SYSTEM_ACTOR, RegisterWorkUnit("3578", "BKPSDM-MUTASI", "Bidang Mutasi", "BKPSDM")
    )
    app.work_units.establish_position(
        SYSTEM_ACTOR, EstablishPosition("3578", "BKPSDM-MUTASI", ANALYST)
    )
    register(app, person("3578", "BKPSDM", 1))
    register(app, person("3578", "BKPSDM", 2, position="PENGADMINISTRASI"))
    register(app, person("3578", "BKPSDM", 3, position="PENGADMINISTRASI"))
    register(app, person("3578", "BKPSDM-MUTASI", 4))


async def test_every_unit_is_rolled_up_with_its_deficit_and_surplus_apart(
    api: Api, organised: Service
) -> None:
    staff_a_sub_unit(organised)
    officer = api.token(Role.OFFICER, "3578")
    data = await api.ok(BALANCES, {"agency": "3578"}, token=officer)
    by_unit = {row["unitCode"]: row for row in data["unitBalances"]}
    assert list(by_unit) == ["BKPSDM", "BKPSDM-MUTASI", "DISKOMINFO"]
    assert by_unit["BKPSDM"] == {
        "unitCode": "BKPSDM",
        "unitName": "Badan Kepegawaian dan Pengembangan SDM",
        "positions": 3,
        "needed": 4,
        "present": 4,
        # two analysts missing; one clerk too many, and the sub-unit's unneeded analyst
        "deficit": 2,
        "surplus": 2,
        "gap": 0,
    }
    assert by_unit["BKPSDM-MUTASI"]["deficit"] == 0
    assert by_unit["BKPSDM-MUTASI"]["surplus"] == 1
    assert by_unit["BKPSDM-MUTASI"]["gap"] == -1
    assert by_unit["DISKOMINFO"]["deficit"] == 4
    assert by_unit["DISKOMINFO"]["surplus"] == 0
    for row in by_unit.values():
        assert row["gap"] == row["deficit"] - row["surplus"]


async def test_the_same_totals_as_the_staffing_balance_of_each_unit(
    api: Api, organised: Service
) -> None:
    staff_a_sub_unit(organised)
    officer = api.token(Role.OFFICER, "3578")
    every = (await api.ok(BALANCES, {"agency": "3578"}, token=officer))["unitBalances"]
    for row in every:
        one = await api.ok(
            'query($unit: String!) { staffingBalance(agencyCode: "3578", unitCode: $unit) '
            "{ total { unitCode unitName positions needed present deficit surplus gap } } }",
            {"unit": row["unitCode"]},
            token=officer,
        )
        assert one["staffingBalance"]["total"] == row


async def test_other_agencies_and_employees_are_refused(api: Api, organised: Service) -> None:
    outsider = await api.call(BALANCES, {"agency": "3578"}, token=api.token(Role.OFFICER, "3372"))
    assert outsider["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    employee = person("3578", "BKPSDM", 9)
    register(organised.app, employee)
    own = await api.call(
        BALANCES, {"agency": "3578"}, token=api.token(Role.EMPLOYEE, nip=employee.nip)
    )
    assert own["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    auditor = await api.ok(BALANCES, {"agency": "3578"}, token=api.token(Role.AUDITOR))
    assert [row["unitCode"] for row in auditor["unitBalances"]] == ["BKPSDM", "DISKOMINFO"]
