"""A withdrawal of one company's events of an earlier version of a corrected article."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Retraction(BaseModel):
    """Published on ``stance-events`` (keyed by ``company_id``) when a corrected article no
    longer yields events for a company: the company's events of every other version of the
    article stop counting. Told apart from a StanceEvent by ``kind`` (and by having no
    ``event_id``)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["retraction"] = "retraction"
    article_id: str
    company_id: str
    content_hash: str = Field(description="The article's current version (which has no event for the company).")
    retracted_hash: str = Field(description="The version whose events are withdrawn.")
