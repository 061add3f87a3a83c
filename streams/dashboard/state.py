"""What the dashboard knows: every current stance event and the per-company aggregates.

Pure Python, no I/O. The feed (``streams.dashboard.feed``) reads ``stance-events`` from all
partitions and calls :meth:`DashboardState.add`; the web views only read.

Rules, the same as the ``company-stance`` aggregate's:

* each ``event_id`` counts once (delivery is at-least-once);
* only the latest version of an article counts: when an article id shows up with another
  ``content_hash`` (a correction) and a later record time, the events of the older version are
  removed; events of a version older than the current one are dropped when they arrive late
  (an article's events are spread over partitions, so they are not read in order); a
  ``Retraction`` record (a correction that yields no event for a company) moves the article
  to its new version the same way;
* ``score`` is the mean ``stance_score`` of the non-neutral speaker events (0 when there are
  none), and the company ``stance`` is its sign (``neutral`` when there are none).

Which events count toward the score, and the counting itself, are the aggregate's own
:class:`streams.aggregate.Fact` and :class:`streams.aggregate.Tally`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice, takewhile
from datetime import UTC, datetime, timedelta
from typing import Any

from schemas import StanceEvent
from schemas import Retraction
from streams.aggregate import Fact, Tally

__all__ = ["Change", "DashboardState", "Entry", "TIME_UNITS", "stance_of"]

#: Bucket sizes of the time series, smallest first; the state picks the smallest that keeps a
#: series at or under ``max_points`` buckets.
TIME_UNITS: dict[str, timedelta] = {
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
}
_EPOCH = datetime(1970, 1, 5, tzinfo=UTC)  # a Monday, so weeks start on Mondays


@dataclass(frozen=True, slots=True)
class Entry:
    """One stance event as the dashboard keeps it."""

    seq: int
    """The state's version when the event was added: the cursor of ``since``."""
    event: StanceEvent
    received_at: datetime
    """The Kafka record time (when the worker published it)."""
    fact: Fact
    """What the aggregate counts of the event; ``fact.at`` is the event time (the article's
    publication time, else the record time)."""

    @property
    def time(self) -> datetime:
        return self.fact.at

    def to_json(self) -> dict[str, Any]:
        data = self.event.model_dump(mode="json")
        data["seq"] = self.seq
        data["received_at"] = _iso(self.received_at)
        data["time"] = _iso(self.time)
        return data


@dataclass(slots=True)
class Change:
    """What one call of :meth:`DashboardState.add_many` changed (empty when nothing did)."""

    added: list[Entry] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    """Event ids taken out because their article was corrected."""
    companies: set[str] = field(default_factory=set)
    """Ids of the companies whose aggregate changed (a removed company is absent from the state)."""

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


def stance_of(tally: Tally) -> str:
    """The company-level label: the sign of the mean speaker score."""
    return "support" if tally.mean_score > 0 else "oppose" if tally.mean_score < 0 else "neutral"


def _merged(tallies: Iterable[Tally]) -> Tally:
    totals = dict.fromkeys(Tally.model_fields, 0)
    for tally in tallies:
        for name in totals:
            totals[name] += getattr(tally, name)
    return Tally(**totals)


@dataclass(slots=True)
class _Company:
    company_id: str
    name: str
    aliases: list[str]
    tally: Tally = field(default_factory=Tally)
    events: dict[str, Entry] = field(default_factory=dict)
    """By event id, in arrival order."""
    regulations: Counter = field(default_factory=Counter)
    articles: Counter = field(default_factory=Counter)
    hourly: dict[datetime, Tally] = field(default_factory=dict)


@dataclass(slots=True)
class _Version:
    content_hash: str
    received_at: datetime
    event_ids: dict[str, None] = field(default_factory=dict)


class DashboardState:
    """Current stance events by company and article, with incremental aggregates."""

    def __init__(self, *, max_points: int = 120) -> None:
        self.max_points = max_points
        self.seq = 0
        """Version of the state: goes up by one for every event added or removed."""
        self.duplicates = 0
        self.stale = 0
        self.corrections = 0
        self._entries: dict[str, Entry] = {}  # by event id, in arrival order
        self._companies: dict[str, _Company] = {}
        self._versions: dict[str, _Version] = {}  # by article id
        self._first: datetime | None = None
        self._last: datetime | None = None

    # -- writing ---------------------------------------------------------------------------

    def add(self, event: StanceEvent | Retraction, received_at: datetime | None = None) -> Change:
        """Take one record of ``stance-events``; ``received_at`` is its Kafka record time
        (now when unknown)."""
        return self.add_many([(event, received_at)])

    def add_many(self, items: Iterable[tuple[StanceEvent | Retraction, datetime | None]]) -> Change:
        """Take records in the order read; returns everything that changed."""
        change = Change()
        for event, received_at in items:
            self._add_one(event, _utc(received_at) if received_at else datetime.now(UTC), change)
        # An event added and then removed by a later correction in the same batch is not news.
        transient = set(change.removed) & {e.event.event_id for e in change.added}
        if transient:
            change.added = [e for e in change.added if e.event.event_id not in transient]
            change.removed = [i for i in change.removed if i not in transient]
        return change

    def _current_version(self, article_id: str, content_hash: str, received_at: datetime,
                         change: Change) -> _Version | None:
        """The article's version record for ``content_hash``, after replacing an older
        version's events; None when ``content_hash`` is older than the current version."""
        version = self._versions.get(article_id)
        if version is not None and version.content_hash == content_hash:
            return version
        if version is not None:
            if received_at < version.received_at:
                self.stale += 1  # a late record of an older version of the article
                return None
            self.corrections += 1
            for event_id in list(version.event_ids):
                self._remove(event_id, change)
        version = self._versions[article_id] = _Version(content_hash, received_at)
        return version

    def _add_one(self, item: StanceEvent | Retraction, received_at: datetime, change: Change) -> None:
        if isinstance(item, Retraction):
            # A correction without events for a company: the new version still replaces the old.
            self._current_version(item.article_id, item.content_hash, received_at, change)
            return
        event = item
        if event.event_id in self._entries:
            self.duplicates += 1
            return
        version = self._current_version(event.article_id, event.content_hash, received_at, change)
        if version is None:
            return
        self.seq += 1
        entry = Entry(self.seq, event, received_at, Fact.of(event, at=received_at, seq=self.seq))
        self._entries[event.event_id] = entry
        version.event_ids[event.event_id] = None
        company = self._companies.get(event.company_id)
        if company is None:
            company = self._companies[event.company_id] = _Company(
                event.company_id, event.company_name, list(event.company_aliases))
        company.name = event.company_name
        company.aliases = list(event.company_aliases) or company.aliases
        company.events[event.event_id] = entry
        self._apply(company, entry, +1)
        t = entry.time
        self._first = t if self._first is None or t < self._first else self._first
        self._last = t if self._last is None or t > self._last else self._last
        change.added.append(entry)
        change.companies.add(event.company_id)

    def _remove(self, event_id: str, change: Change) -> None:
        entry = self._entries.pop(event_id)
        company = self._companies[entry.event.company_id]
        del company.events[event_id]
        self._apply(company, entry, -1)
        if not company.events:
            del self._companies[company.company_id]
        self.seq += 1  # the state's version moves on removals too
        change.removed.append(event_id)
        change.companies.add(company.company_id)

    @staticmethod
    def _apply(company: _Company, entry: Entry, sign: int) -> None:
        event = entry.event
        company.tally = company.tally.plus(entry.fact, sign)
        company.articles[event.article_id] += sign
        if not company.articles[event.article_id]:
            del company.articles[event.article_id]
        if event.regulation:
            company.regulations[event.regulation] += sign
            if not company.regulations[event.regulation]:
                del company.regulations[event.regulation]
        hour = entry.time.replace(minute=0, second=0, microsecond=0)
        bucket = company.hourly.get(hour, Tally()).plus(entry.fact, sign)
        if bucket.events:
            company.hourly[hour] = bucket
        else:
            del company.hourly[hour]

    # -- reading ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._entries

    def time_unit(self) -> str:
        """The bucket size of the trends: the smallest that fits ``max_points`` buckets."""
        if self._first is None or self._last is None:
            return "hour"
        span = self._last - self._first
        for name, size in TIME_UNITS.items():
            if span / size < self.max_points:
                return name
        return "week"

    def overview(self) -> dict[str, Any]:
        """Totals for the page header."""
        return {
            "companies": len(self._companies),
            "events": len(self._entries),
            "articles": len(self._versions),
            "seq": self.seq,
            "first_time": _iso(self._first) if self._first else None,
            "last_time": _iso(self._last) if self._last else None,
            "unit": self.time_unit(),
            "duplicates": self.duplicates,
            "stale": self.stale,
            "corrections": self.corrections,
        }

    def company_ids(self) -> list[str]:
        return list(self._companies)

    def companies(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Summaries of the given (default: all) companies, most events first."""
        unit = self.time_unit()
        chosen = (self._companies[i] for i in ids if i in self._companies) if ids is not None \
            else self._companies.values()
        rows = [self._summary(c, unit) for c in chosen]
        rows.sort(key=lambda r: (-r["events"], r["name"].lower()))
        return rows

    def company(self, company_id: str, *, limit: int = 500) -> dict[str, Any] | None:
        """A company's summary, full series, strongest statement and its latest ``limit``
        events grouped by article (newest article first)."""
        company = self._companies.get(company_id)
        if company is None:
            return None
        unit = self.time_unit()
        data = self._summary(company, unit)
        data["series"] = self._series(company, unit)
        scored = [e for e in company.events.values() if e.fact.scored]
        strongest = max(scored, key=lambda e: (abs(e.event.stance_score), e.seq), default=None)
        data["strongest"] = strongest.to_json() if strongest else None
        recent = islice(reversed(company.events.values()), limit)
        groups: dict[str, list[dict[str, Any]]] = {}
        for entry in recent:
            groups.setdefault(entry.event.article_id, []).append(entry.to_json())
        data["articles"] = [
            {"article_id": article_id, "published_at": items[0]["published_at"],
             "events": sorted(items, key=lambda e: e["statement_index"])}
            for article_id, items in groups.items()
        ]
        data["truncated"] = len(company.events) > limit
        return data

    def events(self, *, company: str | None = None, article: str | None = None,
               since: int | datetime | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """The newest ``limit`` events, optionally of one company or article, and only those
        after a sequence number (int) or at/after an event time (datetime)."""
        if company is not None:
            found = self._companies.get(company)
            pool: Iterable[Entry] = reversed(found.events.values()) if found else ()
            if article is not None:
                pool = (e for e in pool if e.event.article_id == article)
        elif article is not None:
            version = self._versions.get(article)
            pool = (self._entries[i] for i in reversed(version.event_ids)) if version else ()
        else:
            pool = reversed(self._entries.values())
        if isinstance(since, int):
            pool = takewhile(lambda e: e.seq > since, pool)  # newest first: stop at the cursor
        elif isinstance(since, datetime):
            moment = _utc(since)
            pool = (e for e in pool if e.time >= moment)
        return [e.to_json() for e in islice(pool, max(limit, 0))]

    def _summary(self, company: _Company, unit: str) -> dict[str, Any]:
        tally = company.tally
        last = next(reversed(company.events.values()))
        return {
            "id": company.company_id,
            "name": company.name,
            "aliases": company.aliases,
            "stance": stance_of(tally),
            "score": tally.mean_score,
            "scored_events": tally.score_n,
            "events": tally.events,
            "support": tally.support,
            "oppose": tally.oppose,
            "neutral": tally.neutral,
            "articles": len(company.articles),
            "regulations": dict(company.regulations.most_common()),
            "last_seq": last.seq,
            "updated_at": _iso(last.received_at),
            "trend": [[p["t"], p["score"]] for p in self._series(company, unit) if p["score"] is not None],
        }

    def _series(self, company: _Company, unit: str) -> list[dict[str, Any]]:
        """Per bucket of ``unit``: counts, the bucket's mean score and the running score
        (None until the company's first scored statement: it has had no stance to measure)."""
        size = TIME_UNITS[unit]
        grouped: dict[datetime, list[Tally]] = {}
        for hour, tally in company.hourly.items():
            grouped.setdefault(_EPOCH + ((hour - _EPOCH) // size) * size, []).append(tally)
        points = []
        running = Tally()
        for start in sorted(grouped):
            tally = _merged(grouped[start])
            running = _merged([running, tally])
            points.append({
                "t": _iso(start), "events": tally.events, "support": tally.support,
                "oppose": tally.oppose, "neutral": tally.neutral,
                "mean": tally.mean_score if tally.score_n else None,
                "score": running.mean_score if running.score_n else None,
            })
        return points


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _iso(moment: datetime) -> str:
    return _utc(moment).isoformat().replace("+00:00", "Z")
