"""The ``policy-stance`` command line: one sub-command per module in ``streams.commands``."""
from __future__ import annotations

import argparse
import importlib
import sys

from pydantic import ValidationError

# Each module defines ``register(subparsers)``, which adds its parser and sets ``run``.
COMMAND_MODULES = (
    "streams.commands.score",
    "streams.commands.evaluate",
    "streams.commands.broker",
    "streams.commands.worker",
    "streams.commands.replay",
    "streams.commands.tail",
    "streams.commands.demo",
)


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="policy-stance",
        description="Stance of companies toward regulation, from news articles on Kafka.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except ValidationError as exc:
        # Settings come from the environment: a bad value is a user error, not a crash.
        print(f"policy-stance {args.command}: invalid settings: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `policy-stance score ... | head` closes stdout early; that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
