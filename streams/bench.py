"""``make bench``: throughput of the stance core beside plain VADER on the same text, and (when
the streaming side is available) end to end through the embedded broker.

Figures are medians of several timed rounds in one process; run it on an idle machine.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from schemas import Article
from streams.core import analyse_article, load_resources
from streams.inputs import BadInput, read_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Plain VADER's unit of work: every sentence, split the naive way.
_NAIVE_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def load_corpus(paths: list[str] | None = None) -> list[Article]:
    """The articles to time: the seed corpus by default."""
    return [a for a in read_articles(paths or [str(SEEDS)]) if not isinstance(a, BadInput)]


def _rounds(fn, min_seconds: float, min_rounds: int = 5) -> list[float]:
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < min_rounds or time.perf_counter() - started < min_seconds:
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def bench_core(articles: list[Article], seconds: float = 3.0) -> dict[str, float]:
    """Articles/s and statements/s of the whole core, and of plain VADER over every sentence."""
    resources = load_resources()
    sentences = [s for a in articles for s in _NAIVE_SENTENCE.split(a.body) if s.strip()]
    statements = sum(len(analyse_article(a, resources).statements) for a in articles)
    vader = SentimentIntensityAnalyzer()  # plain VADER, the package as published

    def run_core() -> None:
        for a in articles:
            analyse_article(a, resources)

    def run_vader() -> None:
        for s in sentences:
            vader.polarity_scores(s)

    core_t = statistics.median(_rounds(run_core, seconds))
    vader_t = statistics.median(_rounds(run_vader, seconds))
    return {
        "articles": len(articles),
        "statements": statements,
        "sentences": len(sentences),
        "core_articles_per_s": len(articles) / core_t,
        "core_statements_per_s": statements / core_t,
        "vader_articles_per_s": len(articles) / vader_t,
        "vader_sentences_per_s": len(sentences) / vader_t,
        "ratio": vader_t / core_t,
    }


def print_core(r: dict[str, float]) -> None:
    print(f"core vs plain VADER on {int(r['articles'])} articles "
          f"({int(r['statements'])} statements; {int(r['sentences'])} naive sentences for VADER)")
    print(f"  stance core : {r['core_articles_per_s']:8.1f} articles/s  {r['core_statements_per_s']:9.1f} statements/s")
    print(f"  plain VADER : {r['vader_articles_per_s']:8.1f} articles/s  {r['vader_sentences_per_s']:9.1f} sentences/s")
    print(f"  ratio core/VADER (articles/s): {r['ratio']:.2f}x  (goal >= 1.0x)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m streams.bench", description=__doc__)
    parser.add_argument("paths", nargs="*", help="articles to time (default: seeds/)")
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum time per measured loop")
    parser.add_argument("--core-only", action="store_true", help="skip the end-to-end broker benchmark")
    args = parser.parse_args(argv)
    articles = load_corpus(args.paths)
    if not articles:
        print("no articles to time", file=sys.stderr)
        return 2
    core = bench_core(articles, args.seconds)
    print_core(core)
    if not args.core_only:
        try:
            from streams.bench_stream import bench_stream, print_stream
        except ImportError:
            print("end-to-end benchmark: not available")
        else:
            print_stream(bench_stream(articles, core))
    return 0


if __name__ == "__main__":
    sys.exit(main())
