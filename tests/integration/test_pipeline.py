"""The pipeline on the embedded broker with one worker: outputs, dead letters, replays and
corrections. (A core that raises is covered by tests/test_processing.py: there is no honest
way to make the real core fail from the outside.)"""
from __future__ import annotations

import base64
import json
import subprocess
import sys
import uuid
from collections import Counter

import pytest

from schemas import Article, DeadLetter, StanceEvent
from streams import topics
from streams.core import analyse_article, load_resources

from .conftest import SEED_ID, SHARED, seed_article, seed_articles

pytestmark = pytest.mark.integration

RESOURCES = load_resources()
COUNTS = ("events", "support", "oppose", "neutral")


def events_of(pipeline, article_id: str) -> list[dict]:
    return [r.value for r in pipeline.read(topics.STANCE_EVENTS)
            if r.value.get("article_id") == article_id and "event_id" in r.value]


def test_a_worker_is_ready_within_ten_seconds(pipeline):
    assert pipeline.ready_seconds < 10


def test_the_seed_article_yields_the_expected_stance_events(pipeline, tmp_path):
    article = seed_article()
    pipeline.wait_processed(pipeline.send([article]))
    events = events_of(pipeline, article.id)
    assert events, "no stance events for the seed article"
    # Keyed by company id, and exactly what the core gives the article (each once or more).
    records = [r for r in pipeline.read(topics.STANCE_EVENTS) if r.value.get("article_id") == article.id]
    assert all(r.key.decode() == r.value["company_id"] for r in records)
    offline = analyse_article(article, RESOURCES)
    assert {e["event_id"] for e in events} == {e.event_id for e in offline.events}
    statements = [r for r in pipeline.read(topics.STATEMENTS) if r.key.decode() == article.id]
    assert {r.value["statement_id"] for r in statements} == {s.statement_id for s in offline.statements}
    # The watch-list fans Alibaba's events out to their own topic.
    watched = pipeline.read("stance-events.alibaba")
    assert {r.value["event_id"] for r in watched if r.value.get("article_id") == article.id} == {
        e.event_id for e in offline.events if e.company_id == "alibaba"}

    path = tmp_path / "seed-events.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events))
    check = subprocess.run([sys.executable, str(SHARED / "eval" / "seed_check.py"),
                            str(SHARED / "eval" / "seed_expectations.json"), str(path)],
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, f"seed_check failed for {SEED_ID}:\n{check.stdout}{check.stderr}"


def test_unusable_inputs_land_on_the_dead_letter_topic_and_processing_goes_on(pipeline):
    tag = uuid.uuid4().hex[:8]
    valid = Article(id=f"valid-{tag}", title="Spotify on the DMA",
                    body="Spotify Technology SA applauded the European Commission's enforcement of the "
                         "Digital Markets Act, saying users would finally see fair prices.")
    big_body = "x" * (2 * 1024 * 1024)
    records = {
        "not_utf8": (f"bin-{tag}".encode(), b"\xff\xfe\xfa binary"),
        "not_json": (f"json-{tag}".encode(), b'{"id": "broken", "body": '),
        "invalid_article": (f"fields-{tag}".encode(), json.dumps({"title": "no id, no body"}).encode()),
        "body_too_large": (f"big-{tag}".encode(), json.dumps({"id": f"big-{tag}", "body": big_body}).encode()),
        "valid": (valid.id.encode(), valid.model_dump_json().encode()),
    }
    sent = pipeline.send_raw(records.values())
    pipeline.wait_processed(sent)

    where = {(m.partition, m.offset): reason for m, reason in zip(sent, records)}
    letters = {}
    for record in pipeline.read(topics.DEAD_LETTERS):
        letter = DeadLetter.model_validate(record.value)
        if letter.topic == pipeline.topic(topics.ARTICLES) and (letter.partition, letter.offset) in where:
            letters[where[(letter.partition, letter.offset)]] = letter
    assert set(letters) == {"not_utf8", "not_json", "invalid_article", "body_too_large"}
    for reason, letter in letters.items():
        key, payload = records[reason]
        assert letter.reason == reason and letter.error and letter.key == key.decode()
        original = base64.b64decode(letter.payload) if letter.payload_encoding == "base64" else letter.payload.encode()
        assert original == payload
    # The valid article sent after them was processed.
    expected = {e.event_id for e in analyse_article(valid, RESOURCES).events}
    assert expected and {e["event_id"] for e in events_of(pipeline, valid.id)} == expected


def _comparable(aggregates):
    return {c: s.model_dump(exclude={"updated_at"}) for c, s in aggregates.items()}


def test_replaying_the_seeds_changes_nothing(pipeline):
    articles = seed_articles()
    pipeline.wait_processed(pipeline.send(articles))
    events_before = len(pipeline.read(topics.STANCE_EVENTS))
    stances_before = len(pipeline.read(topics.COMPANY_STANCE))
    aggregates_before = pipeline.aggregates()

    pipeline.wait_processed(pipeline.send(articles))
    assert len(pipeline.read(topics.STANCE_EVENTS)) == events_before
    assert len(pipeline.read(topics.COMPANY_STANCE)) == stances_before
    assert _comparable(pipeline.aggregates()) == _comparable(aggregates_before)
    # And the aggregates count what the core gives the seeds, once.
    per_company = Counter(e.company_id for a in {a.id: a for a in articles}.values()
                          for e in analyse_article(a, RESOURCES).events)
    assert all(aggregates_before[c].events >= n for c, n in per_company.items())


def _counts(aggregates, company):
    stance = aggregates.get(company)
    return Counter({f: getattr(stance, f) for f in COUNTS}) if stance else Counter()


def _expected(article):
    counts: dict[str, Counter] = {}
    for event in analyse_article(article, RESOURCES).events:
        counts.setdefault(event.company_id, Counter()).update(events=1, **{event.stance: 1})
    return counts


def test_a_correction_replaces_the_earlier_version_in_the_aggregates(pipeline):
    tag = uuid.uuid4().hex[:8]
    v1 = Article(id=f"correction-{tag}", title="EU app store rules",
                 body="Spotify Technology SA applauded the European Commission's enforcement of the Digital "
                      "Markets Act, saying users would finally see fair prices. Apple said the rules forced it "
                      "to make changes that put users at risk.")
    v2 = v1.model_copy(update={"body": "Spotify Technology SA criticised the European Commission's enforcement "
                                       "of the Digital Markets Act, saying it would raise prices for users."})
    first, second = _expected(v1), _expected(v2)
    dropped = set(first) - set(second)
    assert dropped and set(second), "the core no longer gives these articles the companies this test needs"

    before = pipeline.aggregates()
    pipeline.wait_processed(pipeline.send([v1]))
    middle = pipeline.aggregates()
    for company, counts in first.items():
        assert _counts(middle, company) - _counts(before, company) == counts

    pipeline.wait_processed(pipeline.send([v2]))
    after = pipeline.aggregates()
    for company in set(first) | set(second):
        delta = Counter(_counts(after, company))
        delta.subtract(_counts(before, company))
        assert +delta == second.get(company, Counter()), company
    # The dropped company got a retraction, keyed by its id, on stance-events.
    retractions = [r for r in pipeline.read(topics.STANCE_EVENTS)
                   if r.value.get("kind") == "retraction" and r.value["article_id"] == v1.id]
    assert {r.key.decode() for r in retractions} == dropped
    # Both versions' events stay on stance-events (it is a log); the new ones are new ids.
    published = {e["content_hash"] for e in events_of(pipeline, v1.id)}
    assert len(published) == (2 if second else 1)
    assert all(StanceEvent.model_validate(e) for e in events_of(pipeline, v1.id))
