"""The deployment as shipped: compose.yaml's services, health checks and commands, the image's
volume and user, and compose's topology run without Docker (two API processes and one
projection worker on one PostgreSQL schema)."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from asn_graph.api.consistency import MIN_POSITION_HEADER
from asn_graph.application.clock import FixedClock
from asn_graph.bootstrap import build_service
from asn_graph.domain.actors import Role
from asn_graph.settings import ENVIRONMENT
from tests.conftest import SECRET
from tests.e2e.test_bad_input import registration
from tests.read_side.helpers import asn_graph
from tests.servers import server
from tests.world import TODAY, build_organisation

ROOT = Path(__file__).parents[2]
ASN_GRAPH_SERVICES = ("projector", "api", "api-2")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    return loaded


def test_compose_runs_two_apis_a_worker_and_postgresql(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"postgres", *ASN_GRAPH_SERVICES}
    assert services["projector"]["command"] == ["asn-graph", "project"]
    for name in ("api", "api-2"):
        assert services[name]["command"][:2] == ["asn-graph", "serve"]
    published = [
        port.split(":")[0] for name in ("api", "api-2") for port in services[name]["ports"]
    ]
    assert len(set(published)) == 2
    known = {variable.name for variable in ENVIRONMENT}
    for name in ASN_GRAPH_SERVICES:
        environment = services[name]["environment"]
        assert environment["ASN_GRAPH_PROJECTIONS"] == "external"
        assert environment["ASN_GRAPH_DATABASE_URL"].startswith("postgresql://")
        assert set(environment) <= known
        # The signing secret comes from an env file kept out of the repository.
        assert "ASN_GRAPH_JWT_SECRET" not in environment
        assert services[name]["env_file"] == "asn-graph.env"
    assert "asn-graph.env" in (ROOT / ".gitignore").read_text().splitlines()
    assert "asn-graph.env" in (ROOT / ".dockerignore").read_text().splitlines()
    assert SECRET not in (ROOT / "compose.yaml").read_text()


def test_compose_waits_for_health(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    for name in ASN_GRAPH_SERVICES:
        assert services[name]["depends_on"]["postgres"] == {"condition": "service_healthy"}
    for name in ("api", "api-2"):
        check = services[name]["healthcheck"]
        assert check["test"][0] == "CMD"
        assert "http://127.0.0.1:8000/readyz" in " ".join(check["test"])
        assert services[name]["depends_on"]["projector"] == {"condition": "service_started"}
    # The worker answers no HTTP: the image's check on /healthz is turned off for it.
    assert services["projector"]["healthcheck"] == {"disable": True}


@pytest.mark.parametrize("service", ASN_GRAPH_SERVICES)
def test_each_command_of_compose_is_one_the_cli_has(compose: dict[str, Any], service: str) -> None:
    program, *arguments = compose["services"][service]["command"]
    assert program == "asn-graph"
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "asn_graph", *arguments, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: asn-graph {arguments[0]}")


def test_the_image_keeps_its_data_in_a_volume_and_runs_as_a_user() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    final = dockerfile[dockerfile.rindex("\nFROM ") :]
    assert re.search(r"^VOLUME /var/lib/asn-graph$", final, re.MULTILINE)
    assert "ASN_GRAPH_DATA_DIR=/var/lib/asn-graph" in final
    users = re.findall(r"^USER (\S+)$", final, re.MULTILINE)
    assert users
    assert users[-1] not in ("root", "0")
    assert final.index("VOLUME") > final.index("chown")
    check = final[final.index("HEALTHCHECK") :]
    assert "http://127.0.0.1:8000/healthz" in check.split("\nCMD [")[0]
    assert re.search(r'^CMD \["asn-graph", "serve"', final, re.MULTILINE)


@pytest.mark.postgres
async def test_compose_topology_serves_a_write_of_one_api_on_the_other(
    settings_for: Any, tokens: Any, tmp_path: Path
) -> None:
    settings = settings_for("postgres")
    with build_service(settings, clock=FixedClock(TODAY)) as service:
        build_organisation(service.app)
    external = {"ASN_GRAPH_PROJECTIONS": "external"}
    officer = {
        "Authorization": f"Bearer {tokens.mint(role=Role.OFFICER, subject='o', agency='3578')}"
    }
    nip = "199005172015032001"
    with ExitStack() as processes:
        worker_env = settings.environment_for_peer(**external, ASN_GRAPH_LOG_FORMAT="json")
        worker = asn_graph("project", env=worker_env, cwd=tmp_path)
        processes.callback(worker.terminate)
        first, _ = processes.enter_context(server(settings, tmp_path, **external))
        second, _ = processes.enter_context(server(settings, tmp_path, **external))
        async with httpx.AsyncClient() as client:
            written = await client.post(
                f"http://127.0.0.1:{first}/graphql",
                json={
                    "query": "mutation($input: RegisterEmployeeInput!) "
                    "{ registerEmployee(input: $input) { position employee { nip } } }",
                    "variables": {"input": registration(nip)},
                },
                headers=officer,
            )
            assert "errors" not in written.json(), written.text
            position = written.json()["data"]["registerEmployee"]["position"]
            # Read from the other process, once the worker has projected the write.
            read = await client.post(
                f"http://127.0.0.1:{second}/graphql",
                json={"query": f'{{ employee(nip: "{nip}") {{ nip placement {{ unitCode }} }} }}'},
                headers={**officer, MIN_POSITION_HEADER: str(position)},
            )
            assert "errors" not in read.json(), read.text
            assert read.json()["data"] == {
                "employee": {"nip": nip, "placement": {"unitCode": "BKPSDM"}}
            }
            for port in (first, second):
                ready = await client.get(f"http://127.0.0.1:{port}/readyz")
                assert ready.status_code == 200, ready.text
        assert worker.poll() is None, "the worker stopped"
    _, reported = worker.communicate(timeout=30)
    # As compose runs it: the worker's lines are JSON too.
    messages = [json.loads(line)["message"] for line in reported.splitlines()]
    assert messages[0].startswith("following the log from position")
    assert messages[-1] == f"signal {signal.SIGTERM.value}, stopping after this batch"
