"""What the article agent does with one input record, as a plain function.

:func:`handle_article` decides everything (dead letter, replay, correction, what to publish
and which version to remember); the Faust agent in :mod:`streams.app` only feeds it records
and carries out the result. Kept apart from Faust so it is tested without a broker,
including a core that raises.
"""
from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from schemas import Article, DeadLetter
from streams import topics
from schemas import Retraction
from streams.core import ArticleAnalysis, ArticleRejected, content_hash, decode_article
from streams.settings import Settings

log = logging.getLogger(__name__)

#: A dead letter keeps the original payload up to this size, so that it stays under the
#: topics' record size limit (``topics.MAX_MESSAGE_BYTES``) even once escaped as JSON.
DEAD_LETTER_MAX_PAYLOAD = 4 * 1024 * 1024


class ArticleVersion(BaseModel):
    """The last processed version of an article (the ``article-versions`` table value)."""

    model_config = ConfigDict(frozen=True)

    content_hash: str
    partition: int | None = None
    offset: int | None = None
    """Where that version was read: a record at or before it is a redelivery."""
    companies: list[str] = []
    """Companies it yielded events for: a correction that drops one retracts it there."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was read."""

    topic: str
    partition: int | None = None
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class Output:
    """A record to publish: full topic name, key and JSON value."""

    topic: str
    key: str | None
    value: dict[str, Any]


@dataclass(slots=True)
class Outcome:
    status: Literal["processed", "replayed", "redelivered", "dead_letter"]
    article_id: str | None = None
    outputs: list[Output] = field(default_factory=list)
    version: ArticleVersion | None = None
    """To remember for ``article_id`` once ``outputs`` are published (None: remember nothing)."""
    analysis: ArticleAnalysis | None = None
    dead_letter: DeadLetter | None = None
    correction: bool = False


def handle_article(payload: bytes | None, key: bytes | None, origin: Origin, *, settings: Settings,
                   versions: Mapping[str, Any], analyse: Callable[[Article], ArticleAnalysis],
                   now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> Outcome:
    """Decide what one record of ``articles`` turns into.

    ``versions`` maps article ids to the :class:`ArticleVersion` (or its JSON form) last
    processed; ``analyse`` is the core with its resources bound.
    """
    try:
        article = decode_article(payload if payload is not None else b"", max_body_bytes=settings.max_body_bytes)
    except ArticleRejected as exc:
        return _dead_letter(settings, exc.reason, exc.message, payload, key, origin, now())

    previous = _version(versions.get(article.id))
    if previous is not None and _at_or_before(origin, previous):
        return Outcome("redelivered", article.id)
    digest = content_hash(article)
    if previous is not None and previous.content_hash == digest:
        return Outcome("replayed", article.id)

    try:
        analysis = analyse(article)
    except Exception as exc:  # noqa: BLE001 - any failure of the core dead-letters the input
        log.exception("core failed on article %r", article.id)
        return _dead_letter(settings, "core_error", f"{type(exc).__name__}: {exc}", payload, key, origin, now())

    outputs = [Output(settings.topic(topics.STATEMENTS), article.id, s.model_dump(mode="json"))
               for s in analysis.statements]
    companies = list(dict.fromkeys(e.company_id for e in analysis.events))
    if previous is not None:
        for company in previous.companies:
            if company not in companies:
                retraction = Retraction(article_id=article.id, company_id=company, content_hash=digest,
                                        retracted_hash=previous.content_hash)
                outputs += _to_stance_topics(settings, company, retraction.model_dump(mode="json"))
    for event in analysis.events:
        outputs += _to_stance_topics(settings, event.company_id, event.model_dump(mode="json"))
    version = ArticleVersion(content_hash=digest, partition=origin.partition, offset=origin.offset,
                             companies=companies)
    return Outcome("processed", article.id, outputs, version, analysis, correction=previous is not None)


def _to_stance_topics(settings: Settings, company_id: str, value: dict[str, Any]) -> list[Output]:
    """``stance-events``, keyed by company, plus the company's own topic if it is watched."""
    outputs = [Output(settings.topic(topics.STANCE_EVENTS), company_id, value)]
    if company_id in settings.watchlist:
        outputs.append(Output(topics.watch_topic(settings, company_id), company_id, value))
    return outputs


def _version(value: Any) -> ArticleVersion | None:
    if value is None or isinstance(value, ArticleVersion):
        return value
    return ArticleVersion.model_validate(value)


def _at_or_before(origin: Origin, previous: ArticleVersion) -> bool:
    """The record is one that was already processed (at-least-once delivers it again)."""
    return (origin.partition is not None and origin.offset is not None and previous.offset is not None
            and origin.partition == previous.partition and origin.offset <= previous.offset)


def _dead_letter(settings: Settings, reason: str, error: str, payload: bytes | None, key: bytes | None,
                 origin: Origin, received_at: datetime) -> Outcome:
    payload = payload or b""
    if len(payload) > DEAD_LETTER_MAX_PAYLOAD:
        error += f" (payload cut to its first {DEAD_LETTER_MAX_PAYLOAD} of {len(payload)} bytes)"
        payload = payload[:DEAD_LETTER_MAX_PAYLOAD]
    try:
        text, encoding = payload.decode("utf-8"), "utf-8"  # a cut may split a character: base64 then
    except UnicodeDecodeError:
        text, encoding = base64.b64encode(payload).decode("ascii"), "base64"
    letter = DeadLetter(
        reason=reason, error=error, payload=text, payload_encoding=encoding,
        key=key.decode("utf-8", "backslashreplace") if key is not None else None,
        topic=origin.topic, partition=origin.partition, offset=origin.offset, received_at=received_at,
    )
    output = Output(settings.topic(topics.DEAD_LETTERS), letter.key, letter.model_dump(mode="json"))
    return Outcome("dead_letter", outputs=[output], dead_letter=letter)
