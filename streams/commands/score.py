"""``policy-stance score``: the core, offline, from files to StanceEvent JSON Lines."""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from streams.core import analyse_article, load_resources
from streams.inputs import BadInput, read_articles
from streams.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "score", help="score articles offline and print stance events as JSON Lines",
        description="Read Article JSON Lines (or whole .txt articles, or directories of them; '-' or nothing "
                    "for stdin) and write one StanceEvent per line to stdout, with exactly the code the "
                    "stream agents run. Bad lines are reported on stderr with their line number, skipped "
                    "and counted; the run goes on.",
    )
    p.add_argument("paths", nargs="*", default=["-"], metavar="FILE", help="article files, directories or '-'")
    p.add_argument("--statements", action="store_true", help="write Statement records instead of events")
    p.add_argument("--strict", action="store_true", help="exit 1 when any input was bad")
    p.add_argument("--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    resources = load_resources()
    out = sys.stdout
    counts: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    for item in read_articles(args.paths, max_body_bytes=settings.max_body_bytes):
        if isinstance(item, BadInput):
            counts["bad"] += 1
            print(f"policy-stance score: skipped {item}", file=sys.stderr)
            continue
        try:
            analysis = analyse_article(item, resources)
        except Exception as exc:  # a core bug must not end the run; it is reported like bad input
            counts["bad"] += 1
            print(f"policy-stance score: article {item.id!r} failed in the core: {type(exc).__name__}: {exc}",
                  file=sys.stderr)
            continue
        counts["articles"] += 1
        counts["statements"] += len(analysis.statements)
        counts["events"] += len(analysis.events)
        if analysis.skipped_reason:
            skipped[analysis.skipped_reason] += 1
            print(f"policy-stance score: article {item.id!r} not scored: {analysis.skipped_reason}", file=sys.stderr)
        records = analysis.statements if args.statements else analysis.events
        out.writelines(r.model_dump_json() + "\n" for r in records)
    out.flush()
    if not args.quiet:
        print(f"policy-stance score: {counts['articles']} articles, {counts['statements']} statements, "
              f"{counts['events']} events; {counts['bad']} bad inputs skipped; "
              f"{sum(skipped.values())} articles not scored", file=sys.stderr)
    return 1 if args.strict and counts["bad"] else 0
