"""Sentences/s of streams.core.sentiment.VaderScorer beside vaderSentiment's
SentimentIntensityAnalyzer on the seed corpus sentences (median of several rounds), and the
same for whole article bodies.

    .venv/bin/python scripts/bench_sentiment.py [--rounds 7]
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from streams.core.sentiment import VaderScorer

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT.parent / "shared" / "seeds" / "000_5d94109387f108c0.txt"
_NAIVE_SENTENCE = re.compile(r"(?<=[.!?])\s+")  # as streams/bench.py splits for plain VADER


def corpus_bodies() -> list[str]:
    """The seed text and every article body under seeds/."""
    bodies = [SEED_TEXT.read_text(encoding="utf-8")] if SEED_TEXT.exists() else []
    for path in sorted((ROOT / "seeds").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                bodies.append(json.loads(line)["body"])
    return bodies


def corpus_sentences() -> list[str]:
    """Every naive sentence of the corpus bodies."""
    return [s for b in corpus_bodies() for s in _NAIVE_SENTENCE.split(b) if s.strip()]


def timed_rounds(score, sentences: list[str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for s in sentences:
            score(s)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    vader, ours = SentimentIntensityAnalyzer(), VaderScorer()
    for unit, texts in (("sentences", corpus_sentences()), ("articles", corpus_bodies())):
        assert all(repr(vader.polarity_scores(t)) == repr(ours.polarity_scores(t)) for t in texts)
        rates = {}
        for name, scorer in (("vaderSentiment", vader), ("VaderScorer", ours)):
            t = statistics.median(timed_rounds(scorer.polarity_scores, texts, args.rounds))
            rates[name] = len(texts) / t
        words = sum(len(t.split()) for t in texts)
        print(f"{len(texts)} {unit} ({words} words), median of {args.rounds} rounds")
        for name, rate in rates.items():
            print(f"  {name:15s}: {rate:10.0f} {unit}/s")
        print(f"  speed-up: {rates['VaderScorer'] / rates['vaderSentiment']:.2f}x")


if __name__ == "__main__":
    main()
