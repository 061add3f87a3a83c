"""The article agent's decisions (streams.processing.handle_article), without Kafka.

The core is replaced by small stand-ins here: these tests are about the plumbing around it
(dead letters, replays, corrections, fan-out), including a core that raises, which the
integration tests cannot provoke honestly.
"""
from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from schemas import DeadLetter, StanceEvent, Statement
from schemas import Retraction
from streams.core import ArticleAnalysis, content_hash
from streams.processing import DEAD_LETTER_MAX_PAYLOAD, ArticleVersion, Origin, handle_article
from streams.settings import Settings

SETTINGS = Settings(topic_prefix="p.", watchlist=("acme",), max_body_bytes=1000)
NOW = datetime(2024, 6, 1, tzinfo=UTC)


def fake_core(companies_by_word: dict[str, str] | None = None):
    """One statement per sentence; an event for each known company named in it."""
    names = companies_by_word or {"Acme": "acme", "Globex": "globex"}

    def analyse(article):
        digest = content_hash(article)
        statements, events = [], []
        for i, sentence in enumerate(s.strip() for s in article.body.split(".") if s.strip()):
            sid = f"{article.id}:{i}"
            statements.append(Statement(article_id=article.id, statement_id=sid, index=i, start=0, end=1, text=sentence))
            for word, company in names.items():
                if word in sentence:
                    events.append(StanceEvent(
                        event_id=f"{article.id}:{digest}:{i}:{company}", article_id=article.id, content_hash=digest,
                        statement_id=sid, statement_index=i, company_id=company, company_name=word, role="speaker",
                        stance="support", stance_score=0.5, confidence=0.5, text=sentence,
                        sentiment={"neg": 0, "neu": 1, "pos": 0, "compound": 0}))
        return ArticleAnalysis(article.id, digest, statements, events)

    return analyse


def handle(payload, *, key=b"k", versions=None, analyse=None, offset=7, partition=1):
    return handle_article(payload, key, Origin("p.articles", partition, offset), settings=SETTINGS,
                          versions=versions if versions is not None else {}, analyse=analyse or fake_core(),
                          now=lambda: NOW)


def article(body="Acme backs the rule. Globex does not. Weather is fine.", id="a1"):
    return json.dumps({"id": id, "title": "T", "body": body}).encode()


def letter_of(outcome) -> DeadLetter:
    assert outcome.status == "dead_letter" and outcome.version is None
    [output] = outcome.outputs
    assert output.topic == "p.articles-dlq"
    return DeadLetter.model_validate(output.value)


@pytest.mark.parametrize(("payload", "reason"), [
    (b"\xff\xfe\x00 binary", "not_utf8"),
    (b"{not json", "not_json"),
    (b"", "not_json"),
    (None, "not_json"),  # a tombstone
    (b"[1, 2]", "invalid_article"),
    (b'{"id": "x"}', "invalid_article"),
    (json.dumps({"id": "x", "body": "b" * 1001}).encode(), "body_too_large"),
])
def test_unusable_inputs_are_dead_lettered_with_their_origin(payload, reason):
    letter = letter_of(handle(payload))
    assert letter.reason == reason and letter.error
    assert (letter.topic, letter.partition, letter.offset, letter.key) == ("p.articles", 1, 7, "k")
    assert letter.received_at == NOW
    original = base64.b64decode(letter.payload) if letter.payload_encoding == "base64" else letter.payload.encode()
    assert original == (payload or b"")


def test_a_failing_core_is_dead_lettered_and_the_article_is_not_remembered():
    def broken(article):
        raise RuntimeError("tokenizer exploded")

    outcome = handle(article(), analyse=broken)
    letter = letter_of(outcome)
    assert letter.reason == "core_error" and "RuntimeError: tokenizer exploded" in letter.error
    assert json.loads(letter.payload)["id"] == "a1"


def test_huge_payloads_are_cut_in_the_dead_letter():
    payload = b"x" * (DEAD_LETTER_MAX_PAYLOAD + 10)
    letter = letter_of(handle(payload))
    assert len(letter.payload) == DEAD_LETTER_MAX_PAYLOAD and "cut" in letter.error


def test_a_new_article_publishes_statements_events_and_watched_copies():
    outcome = handle(article())
    assert outcome.status == "processed" and not outcome.correction
    by_topic: dict[str, list] = {}
    for output in outcome.outputs:
        by_topic.setdefault(output.topic, []).append(output)
    assert [o.key for o in by_topic["p.statements"]] == ["a1"] * 3
    assert [(o.key, o.value["company_id"]) for o in by_topic["p.stance-events"]] == [("acme", "acme"), ("globex", "globex")]
    assert [o.key for o in by_topic["p.stance-events.acme"]] == ["acme"]  # watched
    assert "p.stance-events.globex" not in by_topic
    assert outcome.version == ArticleVersion(content_hash=outcome.analysis.content_hash, partition=1, offset=7,
                                             companies=["acme", "globex"])


def test_the_same_content_again_is_a_replay():
    first = handle(article(), offset=7)
    again = handle(article(), versions={"a1": first.version.model_dump(mode="json")}, offset=9)
    assert again.status == "replayed" and again.outputs == [] and again.version is None


def test_a_record_at_or_before_the_remembered_offset_is_a_redelivery():
    first = handle(article(), offset=7)
    changed = article("Acme changed its mind.")
    versions = {"a1": first.version}
    assert handle(changed, versions=versions, offset=7).status == "redelivered"
    assert handle(changed, versions=versions, offset=3).status == "redelivered"
    assert handle(changed, versions=versions, offset=3, partition=2).status == "processed"


def test_a_correction_publishes_the_new_events_and_retracts_dropped_companies():
    first = handle(article(), offset=7)
    outcome = handle(article("Acme now opposes the rule."), versions={"a1": first.version}, offset=8)
    assert outcome.status == "processed" and outcome.correction
    events = [o for o in outcome.outputs if o.topic == "p.stance-events"]
    retractions = [Retraction.model_validate(o.value) for o in events if o.value.get("kind") == "retraction"]
    assert retractions == [Retraction(article_id="a1", company_id="globex", content_hash=outcome.version.content_hash,
                                      retracted_hash=first.version.content_hash)]
    assert [o.key for o in events] == ["globex", "acme"]
    assert outcome.version.companies == ["acme"]


def test_a_correction_without_events_retracts_every_company():
    first = handle(article(), offset=7)
    outcome = handle(article("Nothing to see."), versions={"a1": first.version}, offset=8)
    kinds = [(o.topic, o.key, o.value.get("kind")) for o in outcome.outputs if "stance-events" in o.topic]
    assert kinds == [("p.stance-events", "acme", "retraction"), ("p.stance-events.acme", "acme", "retraction"),
                     ("p.stance-events", "globex", "retraction")]
    assert outcome.version.companies == []
