"""From one Article to its statements and stance events: the whole core in one call."""
from __future__ import annotations

from dataclasses import dataclass, field

from schemas import Article, StanceEvent, Statement
from streams.core.resources import Resources


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """What the core makes of one article.

    ``skipped_reason`` is set (and ``events`` empty) when the article is not scored at all,
    e.g. ``"language:de"`` or ``"empty body"``.
    """

    article_id: str
    content_hash: str
    statements: list[Statement] = field(default_factory=list)
    events: list[StanceEvent] = field(default_factory=list)
    skipped_reason: str | None = None


def analyse_article(article: Article, resources: Resources) -> ArticleAnalysis:
    """Segment, attribute and score one article. Pure: same input, same output."""
    raise NotImplementedError("being written")
