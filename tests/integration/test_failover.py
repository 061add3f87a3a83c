"""Two workers in one group; one is killed with SIGKILL in the middle of the stream."""
from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict

import pytest

from streams import clients, topics
from streams.core import analyse_article, load_resources

from .conftest import seed_articles, start_pipeline, stop_all

pytestmark = pytest.mark.integration

ASSIGNED = re.compile(r"Setting newly assigned partitions\s*\n(.*?) for group", re.S)


# The corpus grows with every gold set; the failover test takes a fixed-size sample of it (three
# rounds under fresh ids), so that its deadlines hold whatever the size of seeds/.
SAMPLE = 300


def failover_sample(articles: list) -> list:
    """Every k-th seed article, about SAMPLE of them: all kinds of article, a fixed amount of work."""
    return articles[::max(1, len(articles) // SAMPLE)][:SAMPLE]


def articles_partitions(log: str, topic: str) -> set[int] | None:
    """The partitions of ``topic`` in a worker's latest assignment (None before the first)."""
    tables = ASSIGNED.findall(log)
    if not tables:
        return None
    row = re.search(rf"^\|\s*{re.escape(topic)}\s*\|\s*\{{(.*?)\}}", tables[-1], re.M)
    if not row:
        return set()
    partitions: set[int] = set()
    for part in row.group(1).split(","):
        low, _, high = part.strip().partition("-")
        partitions.update(range(int(low), int(high or low) + 1))
    return partitions


def wait_for_split(workers, topic: str, partitions: int, timeout: float = 30.0) -> list[set[int]]:
    deadline = time.monotonic() + timeout
    while True:
        owned = [articles_partitions(w.log_text(), topic) or set() for w in workers]
        if all(owned) and set().union(*owned) == set(range(partitions)) and sum(map(len, owned)) == partitions:
            return owned
        if time.monotonic() > deadline:
            raise AssertionError(f"the workers did not split {topic}: {owned}")
        time.sleep(0.2)


def test_the_survivor_takes_over_and_nothing_is_lost_or_counted_twice(broker_settings, tmp_path):
    pipe = start_pipeline(broker_settings, "failover.", tmp_path, count=2)
    seeds = failover_sample(seed_articles())
    before = [a.model_copy(update={"id": f"{a.id}~{r}"}) for r in ("a", "b") for a in seeds]
    after = [a.model_copy(update={"id": f"{a.id}~c"}) for a in seeds]
    resources = load_resources()
    expected: dict[str, str] = {}  # event id -> company id
    for article in before + after:
        expected.update((e.event_id, e.company_id) for e in analyse_article(article, resources).events)
    try:
        for worker in pipe.workers:
            worker.start()
        for worker in pipe.workers:
            worker.wait_ready(timeout=30)
        articles_topic = pipe.topic(topics.ARTICLES)
        split = wait_for_split(pipe.workers, articles_topic, pipe.settings.partitions)
        assert all(split), split
        survivor, victim = pipe.workers

        # Kill the second worker once it has published part of the first batch.
        sent = pipe.send(before)
        victim_partitions = articles_partitions(victim.log_text(), articles_topic)
        consumer = clients.consumer(pipe.settings, pipe.topic(topics.STANCE_EVENTS))
        seen: set[str] = set()
        deadline = time.monotonic() + 30
        while len(seen) < len(expected) // 6 and time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=50).values():
                seen.update(json.loads(r.value).get("event_id") for r in batch)
        consumer.close()
        victim.kill()
        killed_at = time.monotonic()
        sent += pipe.send(after)

        pipe.wait_processed(sent, timeout=90)
        takeover = time.monotonic() - killed_at
        assert survivor.alive()
        assert articles_partitions(survivor.log_text(), articles_topic) == set(range(pipe.settings.partitions))

        records = [r for r in pipe.read(topics.STANCE_EVENTS) if "event_id" in r.value]
        by_id = defaultdict(list)
        for record in records:
            by_id[record.value["event_id"]].append(record.value)
        missing = set(expected) - set(by_id)
        assert not missing, f"{len(missing)} of {len(expected)} events missing"
        assert set(by_id) == set(expected)
        # At-least-once: a duplicate is the same event again, never a different one.
        assert all(all(v == values[0] for v in values) for values in by_id.values())
        duplicates = len(records) - len(by_id)

        aggregates = pipe.aggregates()
        per_company = Counter(expected.values())
        assert {c: aggregates[c].events for c in per_company} == dict(per_company)
        print(f"\nfailover: victim had partitions {sorted(victim_partitions or ())}; "
              f"{len(expected)} events, {duplicates} duplicates; caught up {takeover:.1f} s after the kill")
    finally:
        stop_all(pipe.workers)
