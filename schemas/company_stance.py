"""The rolling per-company aggregate published on ``company-stance`` (compacted)."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class StatementRef(BaseModel):
    """A statement that stands behind an aggregate (the last one, or the strongest)."""

    model_config = ConfigDict(frozen=True)

    event_id: str
    article_id: str
    statement_id: str
    text: str
    stance: str
    stance_score: float
    speaker: str | None = None


class StanceWindow(BaseModel):
    """Counts and mean score of one tumbling window."""

    model_config = ConfigDict(frozen=True)

    start: datetime
    end: datetime
    support: int = 0
    oppose: int = 0
    neutral: int = 0
    mean_score: float = 0.0


class CompanyStance(BaseModel):
    """Aggregate of a company's stance events, each ``event_id`` counted once and only the
    latest version of each article counted."""

    model_config = ConfigDict(frozen=True)

    company_id: str
    company_name: str
    events: int = 0
    support: int = 0
    oppose: int = 0
    neutral: int = 0
    mean_score: float = 0.0
    """Mean ``stance_score`` of the non-neutral speaker events (0 when there are none)."""
    regulations: dict[str, int] = {}
    last_statement: StatementRef | None = None
    strongest_statement: StatementRef | None = None
    hourly: list[StanceWindow] = []
    daily: list[StanceWindow] = []
    updated_at: datetime | None = None
