"""The Prometheus text rendering of streams.metrics."""
from __future__ import annotations

import re

import pytest

from streams import metrics
from streams.metrics import Counter, Gauge, Histogram, Registry

# One sample line of the text format: name{labels} value
SAMPLE = re.compile(r'^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? \S+$')


def test_counter_with_and_without_labels():
    registry = Registry()
    plain = registry.register(Counter("things_total", "Things seen."))
    by_reason = registry.register(Counter("fails_total", "Fails.", ["reason"]))
    plain.inc()
    plain.inc(2)
    by_reason.inc(reason="not_json")
    by_reason.inc(reason='odd "quoted"\nreason\\')
    text = registry.render()
    assert "# HELP things_total Things seen.\n# TYPE things_total counter\nthings_total 3\n" in text
    assert 'fails_total{reason="not_json"} 1' in text
    assert r'fails_total{reason="odd \"quoted\"\nreason\\"} 1' in text
    with pytest.raises(ValueError):
        plain.inc(-1)
    with pytest.raises(ValueError):
        by_reason.inc(wrong="x")


def test_histogram_buckets_are_cumulative():
    registry = Registry()
    hist = registry.register(Histogram("latency_seconds", "Latency.", [0.1, 1, 0.5]))
    for value in (0.05, 0.1, 0.3, 2.0):
        hist.observe(value)
    lines = [l for l in registry.render().splitlines() if not l.startswith("#")]
    assert lines == [
        'latency_seconds_bucket{le="0.1"} 2',
        'latency_seconds_bucket{le="0.5"} 3',
        'latency_seconds_bucket{le="1"} 3',
        'latency_seconds_bucket{le="+Inf"} 4',
        "latency_seconds_sum 2.45",
        "latency_seconds_count 4",
    ]


def test_gauge_set_and_clear():
    registry = Registry()
    lag = registry.register(Gauge("lag", "Lag.", ["topic", "partition"]))
    lag.set(5, topic="articles", partition=1)
    assert 'lag{topic="articles",partition="1"} 5' in registry.render()
    lag.clear()
    assert "lag{" not in registry.render()


def test_names_are_unique_in_a_registry():
    registry = Registry()
    registry.register(Counter("x_total", "x"))
    with pytest.raises(ValueError):
        registry.register(Counter("x_total", "x again"))


def test_agent_helpers_feed_the_default_registry():
    before_articles = metrics.ARTICLES.value()
    before_support = metrics.EVENTS.value(stance="support")
    before_count = metrics.LATENCY.count
    metrics.article_received()
    metrics.article_scored(4, ["support", "support", "neutral"], 0.012)
    metrics.article_scored(0, [], 0.001, skipped_reason="language:de")
    metrics.dead_lettered("not_json")
    assert metrics.ARTICLES.value() == before_articles + 1
    assert metrics.EVENTS.value(stance="support") == before_support + 2
    assert metrics.SKIPPED.value(reason="language") >= 1
    assert metrics.DEAD_LETTERS.value(reason="not_json") >= 1
    assert metrics.LATENCY.count == before_count + 2
    text = metrics.render()
    for name in ("policy_stance_articles_total", "policy_stance_statements_total",
                 "policy_stance_stance_events_total", "policy_stance_dead_letters_total",
                 "policy_stance_article_processing_seconds", "policy_stance_consumer_lag"):
        assert f"# TYPE {name} " in text
    assert 'policy_stance_stance_events_total{stance="oppose"}' in text  # present from the start
    for line in text.splitlines():
        assert line.startswith("# HELP ") or line.startswith("# TYPE ") or SAMPLE.match(line), line
    assert text.endswith("\n")
