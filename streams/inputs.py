"""Reading articles from files: JSON Lines (one Article per line) or plain-text articles.

Shared by ``score``, ``evaluate`` and ``replay``. Every input that cannot become an Article is
yielded as a :class:`BadInput` with its place (file and line), never raised, so a run goes on.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from schemas import DEFAULT_MAX_BODY_BYTES, Article
from streams.core.decode import ArticleRejected, article_from_text, decode_article

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".json", ".ndjson"})


@dataclass(frozen=True, slots=True)
class BadInput:
    """An input that was skipped: where it was and why."""

    source: str
    line: int | None
    reason: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}: {self.message}"


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files named, with directories replaced by their article files (sorted); '-' is stdin."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            out += sorted(str(f) for f in path.rglob("*") if f.is_file() and f.suffix in TEXT_SUFFIXES | JSONL_SUFFIXES)
        else:
            out.append(p)
    return out


def read_articles(paths: Iterable[str], *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> Iterator[Article | BadInput]:
    """Articles from each path in turn: ``.txt`` files whole, anything else as JSON Lines."""
    for name in expand_paths(paths):
        if name == "-":
            yield from _json_lines("<stdin>", sys.stdin.buffer, max_body_bytes)
            continue
        path = Path(name)
        try:
            if path.suffix in TEXT_SUFFIXES:
                yield _text_article(path, max_body_bytes)
            else:
                with path.open("rb") as fh:
                    yield from _json_lines(name, fh, max_body_bytes)
        except OSError as exc:
            yield BadInput(name, None, "unreadable", exc.strerror or str(exc))


def _text_article(path: Path, max_body_bytes: int) -> Article | BadInput:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return BadInput(str(path), None, "not_utf8", f"not UTF-8 at byte {exc.start}")
    try:
        return article_from_text(path.name, text, max_body_bytes=max_body_bytes)
    except ArticleRejected as exc:
        return BadInput(str(path), None, exc.reason, exc.message)


def _json_lines(name: str, stream, max_body_bytes: int) -> Iterator[Article | BadInput]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield decode_article(line, max_body_bytes=max_body_bytes)
        except ArticleRejected as exc:
            yield BadInput(name, number, exc.reason, exc.message)
