"""The input message: one news article."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

DEFAULT_MAX_BODY_BYTES = 1024 * 1024


class Article(BaseModel):
    """A news article as it arrives on the ``articles`` topic.

    Unknown fields are ignored. The body limit (UTF-8 bytes) defaults to 1 MiB and can be
    changed per validation with ``Article.model_validate(data, context={"max_body_bytes": n})``.
    """

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    id: str = Field(min_length=1, max_length=512, description="Stable article id; the Kafka key.")
    body: str = Field(description="Full article text.")
    title: str | None = None
    source: str | None = Field(default=None, description="Publisher or feed name.")
    url: str | None = None
    published_at: datetime | None = Field(default=None, description="ISO 8601 timestamp.")
    language: str | None = Field(default=None, description="ISO 639-1 code when known, e.g. 'en'.")

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        # Numeric ids are common in feeds; keep them as their decimal text.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("id", "body", "title", "source", "url", "language")
    @classmethod
    def _encodable(cls, value: str | None) -> str | None:
        # JSON can carry a lone surrogate ("\ud800"); it is not text and cannot be re-encoded.
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("contains a lone surrogate (not valid Unicode text)") from None
        return value

    @field_validator("body")
    @classmethod
    def _body_within_limit(cls, value: str, info: ValidationInfo) -> str:
        limit = (info.context or {}).get("max_body_bytes", DEFAULT_MAX_BODY_BYTES)
        size = len(value.encode("utf-8"))
        if size > limit:
            raise ValueError(f"body is {size} bytes, over the limit of {limit} bytes")
        return value
