"""A record of an input that could not be processed, kept with its original payload."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

Reason = Literal["not_utf8", "not_json", "invalid_article", "body_too_large", "core_error"]


class DeadLetter(BaseModel):
    """Published on ``articles-dlq``. ``payload`` is the original bytes: UTF-8 text when they
    decode, base64 otherwise (``payload_encoding`` says which)."""

    model_config = ConfigDict(frozen=True)

    reason: Reason
    error: str
    payload: str
    payload_encoding: Literal["utf-8", "base64"]
    key: str | None = None
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    received_at: datetime
