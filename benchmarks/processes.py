"""Processes a benchmark measures: started on the CPUs it is allowed, awaited until healthy,
watched for resident memory, and stopped."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from asn_graph.settings import Settings

SERVER_CPUS = frozenset({0})
"""The CPU every measured server (ours, the plain endpoint, PostGraphile) and the direct
baseline run on: the same allowance for each side of a comparison."""


def client_cpus() -> frozenset[int]:
    """Where load generators run: every CPU but the servers', if the machine has more."""
    others = frozenset(range(os.cpu_count() or 1)) - SERVER_CPUS
    return others or SERVER_CPUS


@contextmanager
def pinned(cpus: frozenset[int]) -> Iterator[None]:
    """Runs the calling process on ``cpus`` for the block."""
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, cpus)
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    peak_rss_kb: int = 0
    _watching: bool = field(default=False, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rss_kb(self) -> int:
        """Resident memory of the process now (VmRSS)."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    @contextmanager
    def watching_memory(self, interval: float = 0.1) -> Iterator[None]:
        """Samples resident memory during the block; the peak is in ``peak_rss_kb``."""
        self._watching = True

        def sample() -> None:
            while self._watching:
                self.peak_rss_kb = max(self.peak_rss_kb, self.rss_kb())
                time.sleep(interval)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            yield
        finally:
            self._watching = False
            sampler.join()


@contextmanager
def serve(
    command: Sequence[str],
    env: dict[str, str],
    *,
    port: int,
    health_path: str,
    cwd: Path,
    log: Path,
    cpus: frozenset[int] = SERVER_CPUS,
    timeout: float = 120,
    healthy: Callable[[int], bool] = lambda status: status == 200,
) -> Iterator[Server]:
    """Starts ``command`` on ``cpus``, waits until a GET of ``health_path`` answers with a
    status ``healthy`` accepts, and stops it after."""
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603
            list(command),
            env=env,
            cwd=cwd,
            stdout=output,
            stderr=subprocess.STDOUT,
            preexec_fn=lambda: os.sched_setaffinity(0, cpus),
        )
    server = Server(process, port)
    try:
        _await_health(server, health_path, timeout, log, healthy)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _await_health(
    server: Server, path: str, timeout: float, log: Path, healthy: Callable[[int], bool]
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"{log.name}: the server exited at start:\n{log.read_text()[-3000:]}")
        try:
            if healthy(httpx.get(server.base_url + path, timeout=1).status_code):
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{log.name}: the server did not answer {path} in {timeout:.0f} s")


@contextmanager
def asn_graph_server(
    settings: Settings, workdir: Path, *, projections: str = "inline", **extra: str
) -> Iterator[Server]:
    """``asn-graph serve`` on the store of ``settings``, with the fast paths as the
    benchmark's own ``ASN_GRAPH_FAST_PATHS`` says (on unless set). The load comes from a few
    tokens on purpose, so the per-caller command limit is off unless ``extra`` sets it."""
    port = free_port()
    fast_paths = os.environ.get("ASN_GRAPH_FAST_PATHS", "on")
    with serve(
        [sys.executable, "-m", "asn_graph", "serve", "--port", str(port)],
        settings.environment_for_peer(
            ASN_GRAPH_PROJECTIONS=projections,
            ASN_GRAPH_FAST_PATHS=fast_paths,
            **({"ASN_GRAPH_COMMANDS_PER_MINUTE": "0"} | extra),
        ),
        port=port,
        health_path="/healthz",
        cwd=workdir,
        log=workdir / "asn-graph-serve.log",
    ) as server:
        yield server
