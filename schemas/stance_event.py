"""The main output: one company's stance toward the regulation in one statement."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Stance = Literal["support", "oppose", "neutral"]


class Sentiment(BaseModel):
    """VADER's scores for the statement: a feature, not the stance."""

    model_config = ConfigDict(frozen=True)

    neg: float
    neu: float
    pos: float
    compound: float


class StanceEvent(BaseModel):
    """One event per statement and company, keyed by ``company_id`` on ``stance-events``.

    ``event_id`` is deterministic (article id, content hash, statement index, company id), so a
    replay yields the same ids and consumers can de-duplicate at-least-once delivery.
    """

    model_config = ConfigDict(frozen=True)

    schema_version: int = SCHEMA_VERSION
    event_id: str
    article_id: str
    content_hash: str = Field(description="Hash of the article body; a new hash is a correction.")
    statement_id: str
    statement_index: int
    entity_type: Literal["company"] = "company"
    company_id: str
    company_name: str
    company_aliases: list[str] = []
    role: Literal["speaker", "subject", "mention"]
    speaker: str | None = None
    stance: Stance
    stance_score: float = Field(ge=-1.0, le=1.0)
    confidence: float = Field(ge=0.0, le=1.0)
    regulation: str | None = None
    text: str
    cues: list[str] = []
    sentiment: Sentiment
    published_at: datetime | None = None
