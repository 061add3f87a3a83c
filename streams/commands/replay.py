"""``policy-stance replay``: produce articles to the input topic, keyed by article id.

Reads JSON Lines files (one article per line; extra fields such as ``gold`` are dropped) and
plain-text files (the file stem is the id, see ``article_from_text``), or directories of them.
Lines that are not valid articles are reported on stderr with their line number and skipped:
this is a producer of valid articles. To exercise the dead-letter topic, produce bad records
with any Kafka client.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from typing import TextIO

from schemas import Article
from streams import topics
from streams.inputs import BadInput, expand_paths, read_articles
from streams.settings import Settings

DEFAULT_PATHS = ("seeds",)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "replay", help="produce articles to the input topic",
        description="Produce articles from JSON Lines and .txt files (or directories of them) to the "
                    "articles topic, keyed by article id.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: seeds/)")
    parser.add_argument("--rate", type=float, metavar="N", help="articles per second (default: as fast as possible)")
    parser.add_argument("--loop", action="store_true", help="start over at the end, until Ctrl-C")
    parser.add_argument("--new-ids", action="store_true",
                        help="with --loop: give each round's articles new ids (<id>.r<round>), so the "
                             "workers process them again instead of recognising a replay")
    parser.set_defaults(run=run)


def load_articles(paths: Iterable[str], *, max_body_bytes: int,
                  errors: TextIO | None = sys.stderr) -> tuple[list[Article], list[str]]:
    """The valid articles of ``paths`` (files or directories) and the files read; every
    input that is not a valid article is reported to ``errors`` (file and line) and skipped."""
    paths = list(paths)
    articles: list[Article] = []
    for item in read_articles(paths, max_body_bytes=max_body_bytes):
        if isinstance(item, BadInput):
            if errors is not None:
                print(f"{item} (skipped)", file=errors)
        else:
            articles.append(item)
    return articles, expand_paths(paths)


def encode(article: Article) -> tuple[bytes, bytes]:
    """Kafka key and value of an article."""
    return article.id.encode("utf-8"), article.model_dump_json(exclude_none=True).encode("utf-8")


def send_articles(producer, topic: str, articles: Iterable[Article], *, rate: float | None = None,
                  progress: Progress | None = None) -> list:
    """Send ``articles`` (at most ``rate`` per second); the send futures, in order."""
    futures = []
    started = time.monotonic()
    for n, article in enumerate(articles):
        if rate:
            delay = started + n / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        key, value = encode(article)
        futures.append(producer.send(topic, key=key, value=value))
        if progress:
            progress.update(n + 1)
    return futures


class Progress:
    """A one-line progress bar on a terminal (nothing when the stream is not one)."""

    def __init__(self, total: int | None, stream: TextIO = sys.stderr, label: str = "articles") -> None:
        self.total = total
        self.stream = stream
        self.label = label
        self.enabled = stream.isatty()
        self.started = time.monotonic()
        self._shown = 0.0

    def update(self, done: int, *, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self._shown < 0.1):
            return
        self._shown = now
        rate = done / max(now - self.started, 1e-9)
        if self.total:
            filled = int(30 * done / self.total)
            bar = f"[{'#' * filled}{'.' * (30 - filled)}] {done}/{self.total}"
        else:
            bar = f"{done}"
        self.stream.write(f"\r{bar} {self.label}  {rate:,.1f}/s ")
        self.stream.flush()

    def close(self, done: int) -> None:
        if self.enabled:
            self.update(done, force=True)
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from streams import clients

    settings = Settings.from_env()
    articles, files = load_articles(args.paths or DEFAULT_PATHS, max_body_bytes=settings.max_body_bytes)
    if not articles:
        print(f"replay: no valid articles in {', '.join(map(str, files)) or 'the given paths'}", file=sys.stderr)
        return 1
    topics.ensure_topics(settings)
    topic = settings.topic(topics.ARTICLES)
    producer = clients.producer(settings)
    sent = failed = rounds = 0
    started = time.monotonic()
    try:
        while True:
            rounds += 1
            batch = articles
            if args.loop and args.new_ids and rounds > 1:
                batch = [a.model_copy(update={"id": f"{a.id}.r{rounds}"}) for a in articles]
            progress = Progress(len(batch), label=f"articles (round {rounds})" if args.loop else "articles")
            futures = send_articles(producer, topic, batch, rate=args.rate, progress=progress)
            producer.flush()
            progress.close(len(batch))
            for future in futures:
                try:
                    future.get(timeout=30)
                    sent += 1
                except Exception as exc:  # noqa: BLE001 - count and report each failed send
                    failed += 1
                    print(f"replay: a send failed: {exc}", file=sys.stderr)
            if not args.loop:
                break
    except KeyboardInterrupt:
        producer.flush()
    finally:
        producer.close()
    elapsed = time.monotonic() - started
    print(f"sent {sent} articles from {len(files)} files to {topic} at {settings.bootstrap} "
          f"in {elapsed:.1f} s" + (f"; {failed} sends failed" if failed else ""), file=sys.stderr)
    return 1 if failed else 0
