"""``policy-stance worker``: a Faust worker of ``streams.app:app``.

Several workers may run in one consumer group (they share the partitions); give each its
own ``--web-port`` or ``--without-web``.
"""
from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "worker", help="run a stream worker (Faust)",
        description="Run a Faust worker: read articles, publish statements, stance events and "
                    "per-company aggregates. Settings come from the environment (see the README, section Streaming). "
                    "Options after '--' go to `faust worker` unchanged.")
    web = parser.add_mutually_exclusive_group()
    web.add_argument("--web-port", type=int, metavar="N",
                     help="port of this worker's web server (default: STANCE_WEB_PORT or 6066)")
    web.add_argument("--without-web", action="store_true", help="run no web server")
    parser.add_argument("--web-host", metavar="HOST", help="address the web server binds (default: STANCE_WEB_HOST)")
    parser.add_argument("-l", "--loglevel", default="info", choices=("crit", "error", "warn", "info", "debug"))
    parser.add_argument("-f", "--logfile", metavar="FILE", help="log to FILE instead of stderr")
    parser.add_argument("faust_args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


def faust_argv(args: argparse.Namespace) -> list[str]:
    """The ``faust worker`` command line for our options."""
    argv = ["worker", "--loglevel", args.loglevel]
    if args.without_web:
        argv.append("--without-web")
    elif args.web_port is not None:
        argv += ["--web-port", str(args.web_port)]
    if args.web_host:
        argv += ["--web-host", args.web_host, "--web-bind", args.web_host]
    if args.logfile:
        argv += ["--logfile", args.logfile]
    extra = list(args.faust_args)
    return argv + (extra[1:] if extra[:1] == ["--"] else extra)


def run(args: argparse.Namespace) -> int:
    from streams.app import app  # reads the settings from the environment

    sys.argv = ["policy-stance", *faust_argv(args)]
    app.main()  # exits the process when the worker stops
    return 0
