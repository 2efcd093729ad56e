import pytest

from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.positions import Workload, WorkloadItem


@pytest.mark.parametrize(
    ("minutes", "hours", "needed"),
    [
        (0, 1250, 0),
        (54_000, 1250, 1),
        (75_000, 1250, 1),
        (225_000, 1250, 3),
        (262_500, 1250, 4),
        (225_000, 1300, 3),
        (72_000 * 2, 1200, 2),
    ],
)
def test_staff_needed_is_workload_over_effective_time(
    minutes: int, hours: int, needed: int
) -> None:
    workload = Workload((WorkloadItem("Tugas", minutes, 1),), hours)
    assert workload.staff_needed == needed


def test_a_task_needs_a_positive_norm_time() -> None:
    with pytest.raises(InvalidInput):
        WorkloadItem("Tugas", 10, 0)
