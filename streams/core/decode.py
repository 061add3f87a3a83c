"""Turn raw input (Kafka payloads, JSON lines, plain-text files) into validated Articles.

Every failure is an :class:`ArticleRejected` with a machine-readable ``reason`` matching
``schemas.DeadLetter.reason``, so the agent can dead-letter it and the CLI can report it.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import PurePath

from pydantic import ValidationError

from schemas import DEFAULT_MAX_BODY_BYTES, Article


class ArticleRejected(ValueError):
    """An input that cannot become an Article; ``reason`` is a DeadLetter reason."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def decode_article(payload: bytes | str | dict, *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> Article:
    """Decode one Article from UTF-8 JSON bytes, JSON text or an already-parsed mapping."""
    if isinstance(payload, (bytes, bytearray, memoryview)):
        try:
            payload = bytes(payload).decode("utf-8-sig")  # a leading byte-order mark is not content
        except UnicodeDecodeError as exc:
            raise ArticleRejected("not_utf8", f"payload is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    if isinstance(payload, str):
        payload = payload.removeprefix("\ufeff")
        try:
            payload = json.loads(payload)
        except json.JSONDecodeError as exc:
            raise ArticleRejected("not_json", f"payload is not JSON: {exc.msg} (char {exc.pos})") from None
    if not isinstance(payload, dict):
        raise ArticleRejected("invalid_article", f"expected a JSON object, got {type(payload).__name__}")
    try:
        return Article.model_validate(payload, context={"max_body_bytes": max_body_bytes})
    except ValidationError as exc:
        raise _rejection(exc) from None


def article_from_text(path: str, text: str, *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> Article:
    """An Article from a plain-text file: the file stem is the id, the first line the title."""
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), None)
    data = {"id": PurePath(path).stem, "body": text, "title": first_line, "source": PurePath(path).name}
    try:
        return Article.model_validate(data, context={"max_body_bytes": max_body_bytes})
    except ValidationError as exc:
        raise _rejection(exc) from None


def content_hash(article: Article) -> str:
    """A short stable hash of what is scored (title and body): a new hash is a correction."""
    digest = hashlib.sha256()
    digest.update((article.title or "").encode("utf-8"))
    digest.update(b"\x00")
    digest.update(article.body.encode("utf-8"))
    return digest.hexdigest()[:16]


def _rejection(exc: ValidationError) -> ArticleRejected:
    errors = exc.errors(include_url=False)
    too_large = any(e.get("loc") == ("body",) and "over the limit" in str(e.get("msg")) for e in errors)
    detail = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'article'}: {e['msg']}" for e in errors)
    return ArticleRejected("body_too_large" if too_large else "invalid_article", detail)
