"""A statement (sentence or quote) cut from an article, with the companies in it."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Role = Literal["speaker", "subject", "mention"]


class CompanyMention(BaseModel):
    """A company found in a statement and the part it plays there."""

    model_config = ConfigDict(frozen=True)

    company_id: str
    company_name: str
    role: Role
    surface: str
    """The text as written in the article (alias, executive or pronoun resolved to it)."""


class Statement(BaseModel):
    """One statement of an article; ``start``/``end`` are character offsets into the body."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    statement_id: str
    index: int
    start: int
    end: int
    text: str
    is_quote: bool = False
    speaker: str | None = None
    companies: list[CompanyMention] = []
