"""Per-company stance aggregates: pure functions behind the ``company-stance`` agent.

The aggregate agent reads ``stance-events`` (keyed by company id, so one company's records
arrive in order, in one partition) and keeps one table, ``company-aggregates``,
co-partitioned with it, holding two kinds of value:

* key ``company_id``: the running :class:`CompanyState` (counts, score sums, tumbling
  windows, last and strongest statement), from which each ``company-stance`` record is
  rendered by :func:`company_stance`;
* key ``<company_id>\\x1f<article_id>``: the :class:`Contribution` of one version of one
  article to one company: its content hash and, by ``event_id``, the few facts of each event
  the aggregate needs (a :class:`Fact`).

Rules:

* An ``event_id`` counts once: a redelivered event changes nothing.
* Only the latest version of an article counts. An event whose ``content_hash`` differs from
  the stored contribution's replaces it: the old version's facts are subtracted first. Records
  of one company are read in the order they were written, and the article agent never writes
  an older version after a newer one, so "differs" means "newer".
* A correction that no longer mentions a company reaches that company as a
  :class:`Retraction` on ``stance-events`` (same key), which subtracts the old contribution.
* Counts and sums are updated incrementally. Only when the statement shown as ``last`` or
  ``strongest`` is taken out does the agent rescan the company's contributions
  (:func:`rebuild_refs`); corrections are rare, so that stays off the hot path.
* Crash safety without transactions: for each record the agent writes the state first and
  the contribution second. Both land in the same changelog partition, which keeps their
  order, so after a crash the table holds a prefix of the writes: at worst a state that has
  counted a record whose contribution was lost. The state remembers the offset of the last
  record it counted (:attr:`CompanyState.applied_seq`); when that record is read again, only
  the contribution is written.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict

from schemas import CompanyStance, Retraction, StanceEvent, StanceWindow, StatementRef

KEY_SEPARATOR = "\x1f"
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
#: Tumbling windows kept per company, counted back from its newest window.
HOURLY_WINDOWS = 48
DAILY_WINDOWS = 30


def is_retraction(record: dict) -> bool:
    return record.get("kind") == "retraction"


class Fact(BaseModel):
    """What the aggregate keeps of one stance event."""

    model_config = ConfigDict(frozen=True)

    event_id: str
    statement_id: str
    stance: Literal["support", "oppose", "neutral"]
    score: float
    role: str
    regulation: str | None = None
    at: datetime
    """Event time: the article's ``published_at``, else the record's timestamp."""
    seq: int = 0
    """Position of the record in its partition; orders events of equal time."""
    text: str
    speaker: str | None = None

    @classmethod
    def of(cls, event: StanceEvent, *, at: datetime, seq: int) -> Fact:
        return cls(event_id=event.event_id, statement_id=event.statement_id, stance=event.stance,
                   score=event.stance_score, role=event.role, regulation=event.regulation,
                   at=_utc(event.published_at or at), seq=seq, text=event.text, speaker=event.speaker)

    @property
    def scored(self) -> bool:
        """Counts toward ``mean_score``: a non-neutral statement of the company's own speaker."""
        return self.role == "speaker" and self.stance != "neutral"

    def ref(self, article_id: str) -> StatementRef:
        return StatementRef(event_id=self.event_id, article_id=article_id, statement_id=self.statement_id,
                            text=self.text, stance=self.stance, stance_score=self.score, speaker=self.speaker)


class Contribution(BaseModel):
    """One version of one article, as far as one company is concerned."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    content_hash: str
    facts: dict[str, Fact] = {}


class Tally(BaseModel):
    """Counts and score sum of a set of facts."""

    model_config = ConfigDict(frozen=True)

    support: int = 0
    oppose: int = 0
    neutral: int = 0
    score_sum: float = 0.0
    score_n: int = 0

    def plus(self, fact: Fact, sign: int = 1) -> Tally:
        update = {fact.stance: getattr(self, fact.stance) + sign}
        if fact.scored:
            n = self.score_n + sign
            update.update(score_n=n, score_sum=self.score_sum + sign * fact.score if n else 0.0)
        return self.model_copy(update=update)

    @property
    def events(self) -> int:
        return self.support + self.oppose + self.neutral

    @property
    def mean_score(self) -> float:
        return round(self.score_sum / self.score_n, 4) if self.score_n else 0.0


class Ranked(BaseModel):
    """A fact shown on the aggregate, with the article it belongs to."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    fact: Fact


class CompanyState(BaseModel):
    """The running aggregate of one company (the ``company-aggregates`` table value)."""

    model_config = ConfigDict(frozen=True)

    company_id: str
    company_name: str
    total: Tally = Tally()
    regulations: dict[str, int] = {}
    hourly: dict[datetime, Tally] = {}
    daily: dict[datetime, Tally] = {}
    last: Ranked | None = None
    strongest: Ranked | None = None
    applied_seq: int = -1
    """Partition offset of the last record counted: a record at or before it is counted already."""


@dataclass(frozen=True, slots=True)
class Update:
    """Result of applying one record: what to write, state first."""

    state: CompanyState | None
    contribution: Contribution | None
    """The article's contribution now; None: delete it."""
    state_changed: bool = False
    contribution_changed: bool = False
    needs_rebuild: bool = False
    """The last or strongest statement was taken out: call :func:`rebuild_refs`."""
    replayed: bool = False
    """The state had counted this record already (read again after a crash): publish the state
    again, since the crash may have come before its ``company-stance`` record was sent."""


def contribution_key(company_id: str, article_id: str) -> str:
    return f"{company_id}{KEY_SEPARATOR}{article_id}"


def is_contribution_of(key: str, company_id: str) -> bool:
    """Whether a ``company-aggregates`` key is one of the company's contributions (not its state)."""
    return key.startswith(company_id + KEY_SEPARATOR)


def apply_event(state: CompanyState | None, contribution: Contribution | None, event: StanceEvent,
                *, at: datetime, seq: int) -> Update:
    """Count ``event`` (record time ``at``, partition offset ``seq``) into the aggregate."""
    replayed = state is not None and seq <= state.applied_seq
    if contribution is not None and contribution.content_hash == event.content_hash \
            and event.event_id in contribution.facts:
        return Update(state, contribution, replayed=replayed)
    replaced = contribution if contribution is not None and contribution.content_hash != event.content_hash else None
    if contribution is None or replaced is not None:
        contribution = Contribution(article_id=event.article_id, content_hash=event.content_hash)
    fact = Fact.of(event, at=at, seq=seq)
    contribution = contribution.model_copy(update={"facts": {**contribution.facts, fact.event_id: fact}})
    if replayed:
        return Update(state, contribution, contribution_changed=True, replayed=True)
    if state is None:
        state = CompanyState(company_id=event.company_id, company_name=event.company_name)
    needs_rebuild = False
    if replaced is not None:  # a correction: the older version stops counting
        state, needs_rebuild = _subtract(state, replaced)
    state = _add(state.model_copy(update={"company_name": event.company_name, "applied_seq": seq}),
                 event.article_id, fact)
    return Update(state, contribution, state_changed=True, contribution_changed=True, needs_rebuild=needs_rebuild)


def apply_retraction(state: CompanyState | None, contribution: Contribution | None,
                     retraction: Retraction, *, seq: int) -> Update:
    """Withdraw the company's events of every version of the article but the current one."""
    replayed = state is not None and seq <= state.applied_seq
    if contribution is None or contribution.content_hash == retraction.content_hash:
        return Update(state, contribution, replayed=replayed)
    if state is None or replayed:
        return Update(state, None, contribution_changed=True, replayed=replayed)
    state, needs_rebuild = _subtract(state, contribution)
    state = state.model_copy(update={"applied_seq": seq})
    return Update(state, None, state_changed=True, contribution_changed=True, needs_rebuild=needs_rebuild)


def rebuild_refs(state: CompanyState, contributions: Iterable[Contribution]) -> CompanyState:
    """Recompute ``last`` and ``strongest`` from all of the company's contributions."""
    state = state.model_copy(update={"last": None, "strongest": None})
    for contribution in contributions:
        for fact in contribution.facts.values():
            state = _rank(state, contribution.article_id, fact)
    return state


def company_stance(state: CompanyState, *, now: datetime) -> CompanyStance:
    """The ``company-stance`` record of a state."""
    total = state.total
    return CompanyStance(
        company_id=state.company_id,
        company_name=state.company_name,
        events=total.events,
        support=total.support,
        oppose=total.oppose,
        neutral=total.neutral,
        mean_score=total.mean_score,
        regulations=dict(sorted(state.regulations.items())),
        last_statement=state.last.fact.ref(state.last.article_id) if state.last else None,
        strongest_statement=state.strongest.fact.ref(state.strongest.article_id) if state.strongest else None,
        hourly=_windows(state.hourly, HOUR),
        daily=_windows(state.daily, DAY),
        updated_at=now,
    )


# -- internals ---------------------------------------------------------------------------


def _add(state: CompanyState, article_id: str, fact: Fact) -> CompanyState:
    regulations = dict(state.regulations)
    if fact.regulation:
        regulations[fact.regulation] = regulations.get(fact.regulation, 0) + 1
    state = state.model_copy(update={
        "total": state.total.plus(fact),
        "regulations": regulations,
        "hourly": _count_in_window(state.hourly, fact, HOUR, HOURLY_WINDOWS, +1),
        "daily": _count_in_window(state.daily, fact, DAY, DAILY_WINDOWS, +1),
    })
    return _rank(state, article_id, fact)


def _subtract(state: CompanyState, contribution: Contribution) -> tuple[CompanyState, bool]:
    total, regulations = state.total, dict(state.regulations)
    hourly, daily = state.hourly, state.daily
    shown = {ranked.fact.event_id for ranked in (state.last, state.strongest) if ranked is not None}
    for fact in contribution.facts.values():
        total = total.plus(fact, -1)
        if fact.regulation and fact.regulation in regulations:
            regulations[fact.regulation] -= 1
            if regulations[fact.regulation] <= 0:
                del regulations[fact.regulation]
        hourly = _count_in_window(hourly, fact, HOUR, HOURLY_WINDOWS, -1)
        daily = _count_in_window(daily, fact, DAY, DAILY_WINDOWS, -1)
    state = state.model_copy(update={"total": total, "regulations": regulations, "hourly": hourly, "daily": daily})
    return state, bool(shown & contribution.facts.keys())


def _rank(state: CompanyState, article_id: str, fact: Fact) -> CompanyState:
    candidate = Ranked(article_id=article_id, fact=fact)
    update = {}
    if state.last is None or _recency(fact) > _recency(state.last.fact):
        update["last"] = candidate
    if state.strongest is None or _strength(fact) > _strength(state.strongest.fact):
        update["strongest"] = candidate
    return state.model_copy(update=update) if update else state


def _recency(fact: Fact) -> tuple:
    return (fact.at, fact.seq, fact.event_id)


def _strength(fact: Fact) -> tuple:
    """Own speakers' statements first, then the larger absolute score, then the more recent."""
    return (fact.role == "speaker", abs(fact.score), _recency(fact))


def _window_start(at: datetime, size: timedelta) -> datetime:
    at = _utc(at)
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    return epoch + ((at - epoch) // size) * size


def _count_in_window(windows: dict[datetime, Tally], fact: Fact, size: timedelta, keep: int,
                     sign: int) -> dict[datetime, Tally]:
    start = _window_start(fact.at, size)
    if sign < 0 and start not in windows:
        return windows  # the window has already expired
    windows = dict(windows)
    tally = windows.get(start, Tally()).plus(fact, sign)
    if tally.events > 0:
        windows[start] = tally
    else:
        windows.pop(start, None)
    if windows:
        horizon = max(windows) - (keep - 1) * size
        windows = {s: t for s, t in windows.items() if s >= horizon}
    return windows


def _windows(windows: dict[datetime, Tally], size: timedelta) -> list[StanceWindow]:
    return [StanceWindow(start=start, end=start + size, support=t.support, oppose=t.oppose,
                         neutral=t.neutral, mean_score=t.mean_score)
            for start, t in sorted(windows.items())]


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
