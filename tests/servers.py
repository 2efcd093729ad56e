"""Real asn-graph processes for the tests: a server on a free port, run until the test ends."""

from __future__ import annotations

import socket as sockets
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from asn_graph.settings import Settings
from tests.read_side.helpers import asn_graph


def free_port() -> int:
    with sockets.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def server(
    settings: Settings, cwd: Path, **environment: str
) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    """``asn-graph serve`` with the settings' environment (and ``environment``), once it
    answers /healthz; terminated at the end unless the test ended it."""
    port = free_port()
    env = settings.environment_for_peer(**environment)
    process = asn_graph("serve", "--port", str(port), env=env, cwd=cwd)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.communicate()
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not come up"
            time.sleep(0.1)
        yield port, process
    finally:
        if process.poll() is None:
            process.terminate()
        process.communicate(timeout=30)
