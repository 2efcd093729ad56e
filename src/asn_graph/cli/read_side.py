"""Commands of the read side: run the projection worker, show status, rebuild read models."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable
from functools import partial
from typing import Any

from asn_graph.settings import LogFormat, Settings


def add_commands(commands: Any) -> None:
    project = commands.add_parser(
        "project", help="apply new events to the read models continuously (a worker process)"
    )
    project.set_defaults(handler=_project)

    projections = commands.add_parser("projections", help="status and rebuild of read models")
    actions = projections.add_subparsers(required=True, metavar="ACTION")
    status = actions.add_parser("status", help="each read model's position against the log")
    status.set_defaults(handler=_status)
    rebuild = actions.add_parser(
        "rebuild", help="rebuild read models from zero beside the live ones, then swap them in"
    )
    rebuild.add_argument("names", nargs="*", metavar="NAME", help="read models (default: all)")
    rebuild.add_argument(
        "--restart", action="store_true", help="discard an interrupted rebuild, start from zero"
    )
    rebuild.add_argument("--batch", type=int, default=2000, help="events per transaction")
    rebuild.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes to share the read models between (default: one per core on "
        "PostgreSQL, one on SQLite)",
    )
    rebuild.set_defaults(handler=_rebuild)


def _project(_: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.bootstrap import build_service

    say = _worker_log(settings)
    with build_service(settings) as service:
        worker = service.read_side.worker

        def stop(signum: int, __: Any) -> None:
            say(f"signal {signum}, stopping after this batch")
            worker.request_stop()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        say(f"following the log from position {service.projector.position()}")
        worker.run()
    return 0


def _worker_log(settings: Settings) -> Callable[[str], None]:
    """How the worker reports: lines of text, or JSON lines as the API's (with its failed
    batches among them) under ``ASN_GRAPH_LOG_FORMAT=json``."""
    if settings.log_format is not LogFormat.JSON:
        return lambda text: print(f"asn-graph project: {text}", file=sys.stderr)
    import logging
    import logging.config

    from asn_graph.api.log_lines import json_logging_config

    logging.config.dictConfig(json_logging_config())
    return logging.getLogger("asn_graph.worker").info


def _status(_: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.bootstrap import build_service

    with build_service(settings) as service:
        head = service.log.head()
        positions = service.projector.positions()
        staging = service.staging()
        print(f"log head: {head}")
        print(f"{'read model':<20} {'version':>8} {'position':>10} {'lag':>8}  state")
        for model in service.models():
            tracking = positions[model.name]
            state = "current" if tracking.position >= head else "catching up"
            if tracking.version != model.version:
                state = f"stale: made by version {tracking.version}, rebuild it"
            print(
                f"{model.name:<20} {model.version:>8} {tracking.position:>10} "
                f"{head - tracking.position:>8}  {state}"
            )
        if staging.exists():
            print("a rebuild was interrupted; 'projections rebuild' resumes it")
    return 0


def _rebuild(arguments: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.bootstrap import build_service, open_rebuild_store
    from asn_graph.cli.progress import ProgressBar
    from asn_graph.projections.rebuild import Rebuild
    from asn_graph.projections.rebuild_processes import default_shares, in_processes

    with build_service(settings) as service:
        models = service.models(arguments.names)
        names = ", ".join(m.name for m in models)
        rebuild = Rebuild(
            service.log,
            service.staging(),
            models,
            batch_size=arguments.batch,
            shares=arguments.workers or default_shares(service.views),
            share_out=in_processes(partial(open_rebuild_store, settings), arguments.batch),
        )
        with ProgressBar(f"rebuilding {names}") as bar:
            result = rebuild.run(restart=arguments.restart, progress=bar)
    resumed = f", resumed from {result.resumed_from}" if result.resumed_from else ""
    print(f"rebuilt {names} to log position {result.position}{resumed}; now live")
    return 0
