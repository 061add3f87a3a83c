"""DashboardState: de-duplication, corrections, aggregates, series and queries."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from schemas import Sentiment, StanceEvent
from schemas import Retraction
from streams.dashboard.state import DashboardState

T0 = datetime(2024, 6, 1, 8, 0, tzinfo=UTC)


def event(company: str = "tesla", *, article: str = "a1", version: str = "v1", index: int = 0,
          stance: str = "support", score: float | None = None, role: str = "speaker",
          regulation: str | None = "data rules", published: datetime | None = None,
          name: str | None = None) -> StanceEvent:
    if score is None:
        score = {"support": 0.6, "oppose": -0.6, "neutral": 0.0}[stance]
    return StanceEvent(
        event_id=f"{article}:{version}:{index}:{company}", article_id=article, content_hash=version,
        statement_id=f"{article}:{index}", statement_index=index, company_id=company,
        company_name=name or company.title(), role=role, speaker="Someone" if role == "speaker" else None,
        stance=stance, stance_score=score, confidence=0.8, regulation=regulation,
        text=f"{company} said something {index}", cues=["said"],
        sentiment=Sentiment(neg=0, neu=1, pos=0, compound=0), published_at=published,
    )


def test_counts_score_and_stance_of_a_company():
    state = DashboardState()
    change = state.add_many([
        (event(index=0, stance="support", score=0.8), T0),
        (event(index=1, stance="oppose", score=-0.2), T0),
        (event(index=2, stance="neutral"), T0),
        (event(index=3, stance="support", score=0.9, role="subject"), T0),  # not a speaker: no score
    ])
    assert [e.seq for e in change.added] == [1, 2, 3, 4] and change.companies == {"tesla"}
    [tesla] = state.companies()
    assert (tesla["support"], tesla["oppose"], tesla["neutral"], tesla["events"]) == (2, 1, 1, 4)
    assert tesla["score"] == pytest.approx(0.3) and tesla["scored_events"] == 2
    assert tesla["stance"] == "support"
    assert tesla["regulations"] == {"data rules": 4} and tesla["articles"] == 1


def test_company_without_scored_speaker_events_is_neutral():
    state = DashboardState()
    state.add(event("meituan", role="subject", stance="neutral"), T0)
    state.add(event("meituan", index=1, role="mention", stance="support", score=0.5), T0)
    [meituan] = state.companies()
    assert meituan["stance"] == "neutral" and meituan["score"] == 0.0


def test_duplicate_event_ids_count_once():
    state = DashboardState()
    assert state.add(event(), T0)
    assert not state.add(event(), T0 + timedelta(seconds=5))
    assert len(state) == 1 and state.duplicates == 1
    assert state.companies()[0]["events"] == 1


def test_a_correction_replaces_the_older_version_of_the_article():
    state = DashboardState()
    state.add_many([(event("tesla", version="v1"), T0), (event("cisco", version="v1", index=1), T0)])
    change = state.add(event("tesla", version="v2", stance="oppose"), T0 + timedelta(minutes=1))
    assert sorted(change.removed) == ["a1:v1:0:tesla", "a1:v1:1:cisco"]
    assert change.companies == {"tesla", "cisco"}
    assert state.company_ids() == ["tesla"]  # cisco is gone with the old version
    assert state.companies()[0]["stance"] == "oppose"
    assert state.corrections == 1


def test_late_events_of_an_older_version_are_dropped():
    """Events of one article come from several partitions, so an old version can arrive late."""
    state = DashboardState()
    state.add(event("tesla", version="v2"), T0 + timedelta(minutes=1))
    change = state.add(event("cisco", version="v1", index=1), T0)
    assert not change and state.stale == 1 and state.company_ids() == ["tesla"]


def test_a_retraction_moves_the_article_to_its_new_version():
    state = DashboardState()
    state.add_many([(event("tesla", version="v1"), T0), (event("cisco", version="v1", index=1), T0)])
    retraction = Retraction(article_id="a1", company_id="cisco", content_hash="v2", retracted_hash="v1")
    change = state.add(retraction, T0 + timedelta(minutes=1))
    assert sorted(change.removed) == ["a1:v1:0:tesla", "a1:v1:1:cisco"] and not change.added
    assert state.company_ids() == [] and state.overview()["articles"] == 1
    # the new version's events (read from another partition) still count
    state.add(event("tesla", version="v2"), T0 + timedelta(minutes=1))
    assert state.company_ids() == ["tesla"]
    # a stale retraction changes nothing
    old = Retraction(article_id="a1", company_id="x", content_hash="v0", retracted_hash="v-1")
    assert not state.add(old, T0) and state.stale == 1


def test_correction_inside_one_batch_reports_only_the_survivors():
    state = DashboardState()
    change = state.add_many([(event(version="v1"), T0), (event(version="v2"), T0 + timedelta(seconds=1))])
    assert [e.event.content_hash for e in change.added] == ["v2"] and change.removed == []


def test_other_articles_are_untouched_by_a_correction():
    state = DashboardState()
    state.add(event(article="a1"), T0)
    state.add(event(article="a2"), T0)
    state.add(event(article="a1", version="v2", stance="neutral"), T0 + timedelta(seconds=1))
    assert {e["article_id"] for e in state.events()} == {"a1", "a2"}
    assert state.companies()[0]["events"] == 2


def test_series_is_bucketed_by_event_time_with_a_running_score():
    state = DashboardState()
    state.add(event(index=0, score=0.8, published=T0), T0)
    state.add(event(index=1, score=0.4, published=T0 + timedelta(minutes=20)), T0)
    state.add(event(index=2, stance="oppose", score=-0.9, published=T0 + timedelta(hours=2)), T0)
    detail = state.company("tesla")
    assert [p["t"] for p in detail["series"]] == ["2024-06-01T08:00:00Z", "2024-06-01T10:00:00Z"]
    assert [p["events"] for p in detail["series"]] == [2, 1]
    assert detail["series"][0]["mean"] == pytest.approx(0.6)
    assert detail["series"][1]["score"] == pytest.approx((0.8 + 0.4 - 0.9) / 3, abs=1e-4)
    assert detail["trend"] == [[p["t"], p["score"]] for p in detail["series"]]


def test_the_running_score_starts_with_the_first_scored_statement():
    state = DashboardState()
    state.add(event(index=0, stance="neutral", role="subject", published=T0), T0)
    state.add(event(index=1, score=0.5, published=T0 + timedelta(hours=1)), T0)
    detail = state.company("tesla")
    assert [p["score"] for p in detail["series"]] == [None, 0.5]
    assert detail["trend"] == [["2024-06-01T09:00:00Z", 0.5]]


def test_event_time_falls_back_to_the_record_time():
    state = DashboardState()
    state.add(event(), T0 + timedelta(minutes=42))
    [e] = state.events()
    assert e["time"] == "2024-06-01T08:42:00Z" and e["received_at"] == e["time"]


def test_time_unit_grows_with_the_span():
    state = DashboardState(max_points=100)
    state.add(event(index=0, published=T0), T0)
    state.add(event(index=1, published=T0 + timedelta(hours=50)), T0)
    assert state.time_unit() == "hour"
    state.add(event(index=2, published=T0 + timedelta(days=30)), T0)
    assert state.time_unit() == "day"
    state.add(event(index=3, published=T0 + timedelta(days=400)), T0)
    assert state.time_unit() == "week"
    assert len(state.company("tesla")["series"]) == 4


def test_events_query_filters_and_orders_newest_first():
    state = DashboardState()
    state.add(event("tesla", article="a1", published=T0), T0)
    state.add(event("cisco", article="a1", index=1, published=T0 + timedelta(hours=1)), T0)
    state.add(event("tesla", article="a2", index=2, published=T0 + timedelta(hours=2)), T0)
    assert [e["seq"] for e in state.events()] == [3, 2, 1]
    assert [e["seq"] for e in state.events(limit=2)] == [3, 2]
    assert [e["seq"] for e in state.events(company="tesla")] == [3, 1]
    assert [e["seq"] for e in state.events(article="a1")] == [2, 1]
    assert [e["seq"] for e in state.events(company="tesla", article="a1")] == [1]
    assert [e["seq"] for e in state.events(since=1)] == [3, 2]
    assert [e["seq"] for e in state.events(since=T0 + timedelta(hours=1))] == [3, 2]
    assert state.events(company="nobody") == [] and state.events(article="nothing") == []


def test_company_detail_groups_statements_by_article():
    state = DashboardState()
    state.add(event(article="a1", index=1, stance="support", score=0.3), T0)
    state.add(event(article="a1", index=0, stance="oppose", score=-0.9), T0)
    state.add(event(article="a2", index=0), T0)
    detail = state.company("tesla")
    assert [a["article_id"] for a in detail["articles"]] == ["a2", "a1"]
    assert [e["statement_index"] for e in detail["articles"][1]["events"]] == [0, 1]
    assert detail["strongest"]["stance_score"] == -0.9
    assert detail["truncated"] is False
    assert state.company("nobody") is None


def test_event_json_keeps_the_text_as_is():
    """The state never escapes nor rewrites text; the page renders it as text."""
    state = DashboardState()
    ev = event().model_copy(update={"text": '<img src=x onerror="alert(1)"><script>x()</script>'})
    state.add(ev, T0)
    assert state.events()[0]["text"] == ev.text


def test_overview_and_latest_name():
    state = DashboardState()
    state.add(event(name="Tesla"), T0)
    state.add(event(index=1, name="Tesla Inc."), T0)
    assert state.companies()[0]["name"] == "Tesla Inc."
    overview = state.overview()
    assert (overview["companies"], overview["events"], overview["articles"], overview["seq"]) == (1, 2, 1, 2)
