"""The per-company aggregate rules (streams.aggregate), without Kafka."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from schemas import StanceEvent
from streams.aggregate import (
    CompanyState, Contribution, Retraction, apply_event, apply_retraction, company_stance,
    contribution_key, is_contribution_of, rebuild_refs,
)

T0 = datetime(2024, 6, 1, 8, 30, tzinfo=UTC)
NOW = datetime(2024, 6, 2, tzinfo=UTC)


def event(n: int, *, article: str = "a1", version: str = "h1", company: str = "acme", stance: str = "support",
          score: float = 0.5, role: str = "speaker", at: datetime | None = T0, regulation: str | None = "DMA"):
    return StanceEvent(
        event_id=f"{article}-{version}-{n}-{company}", article_id=article, content_hash=version,
        statement_id=f"{article}-{n}", statement_index=n, company_id=company, company_name=company.title(),
        role=role, speaker="Jane Doe" if role == "speaker" else None, stance=stance, stance_score=score,
        confidence=0.8, regulation=regulation, text=f"statement {n} of {article}",
        sentiment={"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}, published_at=at,
    )


class Company:
    """Drives the pure functions the way the agent does: state first, then the contribution."""

    def __init__(self) -> None:
        self.states: dict[str, CompanyState] = {}
        self.contributions: dict[str, Contribution] = {}
        self.seq = 0
        self.published = 0

    def feed(self, record, *, seq: int | None = None, crash_before_contribution: bool = False) -> bool:
        """Apply ``record`` (at the next offset unless ``seq`` is given); True if the totals changed.

        ``crash_before_contribution``: the state is written, the contribution write is lost.
        """
        if seq is None:
            self.seq += 1
            seq = self.seq
        company, article = record.company_id, record.article_id
        key = contribution_key(company, article)
        if isinstance(record, Retraction):
            update = apply_retraction(self.states.get(company), self.contributions.get(key), record, seq=seq)
        else:
            update = apply_event(self.states.get(company), self.contributions.get(key), record, at=NOW, seq=seq)
        if update.state_changed:
            state = update.state
            if update.needs_rebuild:
                others = [c for k, c in self.contributions.items() if k != key and is_contribution_of(k, company)]
                state = rebuild_refs(state, others + ([update.contribution] if update.contribution else []))
            self.states[company] = state
        if update.contribution_changed and not crash_before_contribution:
            if update.contribution is None:
                del self.contributions[key]
            else:
                self.contributions[key] = update.contribution
        self.published += update.state_changed or update.replayed
        return update.state_changed

    def stance(self, company: str = "acme"):
        return company_stance(self.states[company], now=NOW)


def test_counts_mean_and_statements():
    agg = Company()
    agg.feed(event(0, stance="support", score=0.6))
    agg.feed(event(1, stance="oppose", score=-0.2))
    agg.feed(event(2, stance="neutral", score=0.0, role="subject", regulation=None))
    agg.feed(event(3, stance="support", score=0.9, role="mention", at=T0 + timedelta(hours=2)))
    out = agg.stance()
    assert (out.events, out.support, out.oppose, out.neutral) == (4, 2, 1, 1)
    assert out.mean_score == pytest.approx(0.2)  # (0.6 - 0.2) / 2: speaker, non-neutral only
    assert out.regulations == {"DMA": 3}
    assert out.last_statement.statement_id == "a1-3"  # latest published
    assert out.strongest_statement.statement_id == "a1-0"  # speakers first, then |score|
    assert out.company_name == "Acme" and out.updated_at == NOW


def test_each_event_id_counts_once():
    agg = Company()
    assert agg.feed(event(0))
    before = agg.stance()
    assert not agg.feed(event(0))
    assert agg.stance() == before


def test_tumbling_windows():
    agg = Company()
    agg.feed(event(0, at=T0))
    agg.feed(event(1, at=T0 + timedelta(minutes=20), stance="oppose", score=-0.4))
    agg.feed(event(2, at=T0 + timedelta(hours=1)))
    agg.feed(event(3, at=T0 + timedelta(days=1)))
    out = agg.stance()
    assert [(w.start.hour, w.support, w.oppose) for w in out.hourly] == [(8, 1, 1), (9, 1, 0), (8, 1, 0)]
    assert all(w.end - w.start == timedelta(hours=1) for w in out.hourly)
    assert out.hourly[0].mean_score == pytest.approx(0.05)
    assert [(w.start.day, w.support + w.oppose) for w in out.daily] == [(1, 3), (2, 1)]


def test_old_windows_expire():
    agg = Company()
    for hour in range(60):
        agg.feed(event(hour, at=T0 + timedelta(hours=hour)))
    out = agg.stance()
    assert len(out.hourly) == 48 and out.hourly[-1].start.hour == (8 + 59) % 24
    assert out.events == 60  # the totals keep everything


def test_events_without_published_at_use_the_record_time():
    agg = Company()
    agg.feed(event(0, at=None))
    assert agg.stance().hourly[0].start == NOW


def test_correction_replaces_the_older_version():
    agg = Company()
    for n in range(3):
        agg.feed(event(n, version="h1", stance="oppose", score=-0.5))
    agg.feed(event(0, article="other", stance="support", score=0.3, regulation="AI Act"))
    agg.feed(event(0, version="h2", stance="support", score=0.8))
    out = agg.stance()
    assert (out.events, out.support, out.oppose) == (2, 2, 0)
    assert out.mean_score == pytest.approx(0.55)
    assert out.regulations == {"DMA": 1, "AI Act": 1}
    assert sum(w.support + w.oppose + w.neutral for w in out.daily) == 2
    assert {out.last_statement.event_id, out.strongest_statement.event_id} == {"a1-h2-0-acme"}
    # A replay of the current version changes nothing.
    assert not agg.feed(event(0, version="h2", stance="support", score=0.8))


def test_retraction_withdraws_the_company_and_rebuilds_the_shown_statements():
    agg = Company()
    agg.feed(event(0, article="keep", stance="support", score=0.2, at=T0))
    agg.feed(event(0, article="gone", stance="oppose", score=-0.9, at=T0 + timedelta(hours=1)))
    assert agg.stance().strongest_statement.article_id == "gone"
    assert agg.feed(Retraction(article_id="gone", company_id="acme", content_hash="h2", retracted_hash="h1"))
    out = agg.stance()
    assert (out.events, out.support, out.oppose) == (1, 1, 0)
    assert out.last_statement.article_id == "keep" and out.strongest_statement.article_id == "keep"
    assert agg.contributions.keys() == {contribution_key("acme", "keep")}
    # Redelivered: nothing left to withdraw.
    assert not agg.feed(Retraction(article_id="gone", company_id="acme", content_hash="h2", retracted_hash="h1"))


def test_retraction_of_the_current_version_is_ignored():
    agg = Company()
    agg.feed(event(0, version="h2"))
    assert not agg.feed(Retraction(article_id="a1", company_id="acme", content_hash="h2", retracted_hash="h1"))
    assert agg.stance().events == 1


def test_state_survives_the_table_round_trip():
    agg = Company()
    agg.feed(event(0))
    agg.feed(event(1, stance="oppose", score=-0.3, at=T0 + timedelta(days=2)))
    state = agg.states["acme"]
    again = CompanyState.model_validate_json(state.model_dump_json())
    assert again == state
    contribution = agg.contributions[contribution_key("acme", "a1")]
    assert Contribution.model_validate(contribution.model_dump(mode="json")) == contribution


def test_keys():
    key = contribution_key("acme", "a/1")
    assert is_contribution_of(key, "acme") and "a/1" in key
    assert not is_contribution_of("acme", "acme") and not is_contribution_of(contribution_key("acme2", "a"), "acme")


# A crash between the state's write and the contribution's: the record is read again with
# the same offset, and the state has counted it already.

def test_a_record_read_again_after_a_lost_contribution_counts_once():
    agg = Company()
    agg.feed(event(0))
    assert agg.feed(event(1, stance="oppose", score=-0.4), crash_before_contribution=True)
    counted = agg.stance()
    assert "a1-h1-1-acme" not in agg.contributions[contribution_key("acme", "a1")].facts
    published = agg.published
    assert not agg.feed(event(1, stance="oppose", score=-0.4), seq=agg.seq)  # the reprocessing
    assert agg.stance() == counted and counted.events == 2
    assert "a1-h1-1-acme" in agg.contributions[contribution_key("acme", "a1")].facts
    assert agg.published == published + 1  # the company-stance record may have been lost too
    # A later duplicate of the same event (a new offset) is recognised by the mended contribution.
    assert not agg.feed(event(1, stance="oppose", score=-0.4))
    assert agg.stance().events == 2


def test_a_correction_read_again_after_a_lost_contribution_replaces_once():
    agg = Company()
    for n in range(3):
        agg.feed(event(n, version="h1", stance="oppose", score=-0.5))
    assert agg.feed(event(0, version="h2", stance="support", score=0.8), crash_before_contribution=True)
    assert not agg.feed(event(0, version="h2", stance="support", score=0.8), seq=agg.seq)
    out = agg.stance()
    assert (out.events, out.support, out.oppose) == (1, 1, 0)
    contribution = agg.contributions[contribution_key("acme", "a1")]
    assert contribution.content_hash == "h2" and list(contribution.facts) == ["a1-h2-0-acme"]
    # The next statement of the new version counts normally.
    assert agg.feed(event(1, version="h2", stance="support", score=0.4))
    assert agg.stance().events == 2


def test_a_retraction_read_again_after_a_lost_contribution_subtracts_once():
    agg = Company()
    agg.feed(event(0, article="keep"))
    agg.feed(event(0, article="gone", stance="oppose", score=-0.9))
    retraction = Retraction(article_id="gone", company_id="acme", content_hash="h2", retracted_hash="h1")
    assert agg.feed(retraction, crash_before_contribution=True)
    assert not agg.feed(retraction, seq=agg.seq)
    out = agg.stance()
    assert (out.events, out.support, out.oppose) == (1, 1, 0)
    assert agg.contributions.keys() == {contribution_key("acme", "keep")}
