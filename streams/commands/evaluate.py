"""``policy-stance evaluate GOLD.jsonl``: score the core against company-level gold labels."""
from __future__ import annotations

import argparse
import json
import sys

from streams.core import ArticleRejected, analyse_article, decode_article, load_resources
from streams.evaluation import LABELS, evaluate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate", help="run the core over a gold file and print macro-F1 and every miss",
        description="Run the stance core over GOLD.jsonl (articles with 'gold', 'absent' and 'optional' "
                    "company labels) and print macro-F1, per-class F1, entity recall and every miss.",
    )
    p.add_argument("gold", metavar="GOLD.jsonl", help="gold articles, one JSON object per line")
    p.add_argument("--min-f1", type=float, default=0.0, help="exit 1 when macro-F1 is below this")
    p.add_argument("--quiet", action="store_true", help="print only the summary line")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        with open(args.gold, "rb") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        print(f"policy-stance evaluate: cannot read {args.gold}: {exc.strerror}", file=sys.stderr)
        return 2
    resources = load_resources()
    gold, events = [], []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            article = decode_article(record)
        except (json.JSONDecodeError, UnicodeDecodeError, ArticleRejected) as exc:
            print(f"{args.gold}:{number}: skipped: {exc}", file=sys.stderr)
            continue
        gold.append(record)
        events += [e.model_dump(mode="json") for e in analyse_article(article, resources).events]
    if not gold:
        print(f"policy-stance evaluate: no gold articles in {args.gold}", file=sys.stderr)
        return 2
    report = evaluate(gold, events)
    if not args.quiet:
        for article_id, company, want, got in report.misses:
            print(f"miss {article_id} {company}: gold {want}, got {got}")
        print("spurious companies:", report.spurious)
        print("absent names that got events:", report.absent_hits)
    print(f"articles={len(gold)} labels={report.labels} macroF1={report.macro_f1:.3f} acc={report.accuracy:.3f} "
          f"entity_recall={report.entity_recall:.3f} "
          f"F1({'/'.join(LABELS)})={'/'.join(f'{report.f1[x]:.2f}' for x in LABELS)} "
          f"spurious={len(report.spurious)} absent_hits={len(report.absent_hits)}")
    return 0 if report.macro_f1 >= args.min_f1 and not report.absent_hits else 1

