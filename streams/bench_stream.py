"""End-to-end benchmark (the streaming half of ``make bench``): articles through the embedded
broker and one worker, beside the in-process core on the same articles in the same run.

* **Throughput**: a backlog of articles (the corpus repeated under fresh ids) is produced at
  once; the figure is articles / (time of the last ``company-stance`` record of the backlog -
  time of the first send), i.e. through both agents, aggregates included.
* **Latency** at half that rate: for each article, from just before its send to the record
  time of its last stance event (articles the core gives no event are left out). The worker
  stamps records with the same clock as this process (same machine).

The worker runs without its web server, so the dashboard's own reader of ``stance-events``
is not part of the figures.
"""
from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from kafka import TopicPartition

from schemas import Article
from streams import clients, topics
from streams.broker import EmbeddedBroker, free_port
from streams.commands.replay import encode
from streams.core import analyse_article, load_resources
from streams.local import WorkerProcess
from streams.settings import Settings

GOAL_RATIO = 0.5
GOAL_P99_MS = 500.0


def bench_stream(articles: list[Article], core: dict[str, float] | None = None, *,
                 backlog: int = 600, latency_seconds: float = 10.0) -> dict[str, float]:
    """Throughput and latency through the embedded broker; ``core`` is :func:`bench_core`'s
    result on the same articles (its ``core_articles_per_s`` is the in-process figure)."""
    resources = load_resources()
    events_of = {a.id: len({e.event_id for e in analyse_article(a, resources).events}) for a in articles}
    if core is None:
        started = time.perf_counter()
        for a in articles:
            analyse_article(a, resources)
        core = {"core_articles_per_s": len(articles) / (time.perf_counter() - started)}
    log_dir = Path(tempfile.mkdtemp(prefix="policy-stance-bench-"))

    with EmbeddedBroker(port=free_port()) as broker:
        settings = Settings.from_env({}, bootstrap_servers=broker.bootstrap, topic_prefix="bench.")
        topics.ensure_topics(settings)
        worker = WorkerProcess(settings, log_path=log_dir / "worker.log", loglevel="info").start()
        producer = clients.producer(settings, linger_ms=0)
        try:
            runs = _Runs(articles, events_of)
            # Warm-up: the worker joins the group, loads its resources, creates its producer.
            _produce_and_wait(settings, producer, runs.batch("warm", len(articles)), events_of, worker)

            batch = runs.batch("tp", backlog)
            started, _, done = _produce_and_wait(settings, producer, batch, events_of, worker,
                                                 until_aggregated=True)
            throughput = len(batch) / (done - started)

            rate = throughput / 2
            paced = runs.batch("lat", max(20, int(rate * latency_seconds)))
            latencies: dict[str, float] = {}
            _produce_and_wait(settings, producer, paced, events_of, worker, rate=rate, latencies=latencies)
        finally:
            producer.close()
            worker.stop()
    ms = sorted(v * 1000 for v in latencies.values())
    return {
        "backlog_articles": len(batch),
        "throughput_articles_per_s": throughput,
        "core_articles_per_s": core["core_articles_per_s"],
        "ratio": throughput / core["core_articles_per_s"],
        "latency_rate_per_s": rate,
        "latency_articles": len(ms),
        "latency_p50_ms": statistics.median(ms),
        "latency_p99_ms": ms[min(len(ms) - 1, int(round(0.99 * (len(ms) - 1))))],
        "latency_max_ms": ms[-1],
        "worker_log": str(worker.log_path),
    }


def print_stream(r: dict[str, float]) -> None:
    print(f"end to end: embedded broker + one worker, {int(r['backlog_articles'])} articles backlog")
    print(f"  through the stream : {r['throughput_articles_per_s']:8.1f} articles/s (aggregates included)")
    print(f"  core in process    : {r['core_articles_per_s']:8.1f} articles/s")
    print(f"  ratio stream/core  : {r['ratio']:.2f}x  (goal >= {GOAL_RATIO}x)")
    print(f"  latency at {r['latency_rate_per_s']:.1f} articles/s ({int(r['latency_articles'])} articles): "
          f"p50 {r['latency_p50_ms']:.0f} ms, p99 {r['latency_p99_ms']:.0f} ms, max {r['latency_max_ms']:.0f} ms "
          f"(goal p99 <= {GOAL_P99_MS:.0f} ms)")


class _Runs:
    """The corpus repeated under fresh ids, so that the worker processes every copy."""

    def __init__(self, articles: list[Article], events_of: dict[str, int]) -> None:
        self.articles = articles
        self.events_of = events_of

    def batch(self, tag: str, size: int) -> list[Article]:
        out = []
        for i in range(size):
            base = self.articles[i % len(self.articles)]
            copy = base.model_copy(update={"id": f"{base.id}~{tag}{i}"})
            self.events_of[copy.id] = self.events_of[base.id]
            out.append(copy)
        return out


def _produce_and_wait(settings: Settings, producer, batch: list[Article], events_of: dict[str, int], worker,
                      *, rate: float | None = None, until_aggregated: bool = False,
                      latencies: dict[str, float] | None = None, timeout: float = 300.0):
    """Send ``batch`` (paced at ``rate`` if given) and read ``stance-events`` until every event
    of it is there; (time of the first send, send times by article id, time the work was done)."""
    stance_topic = settings.topic(topics.STANCE_EVENTS)
    aggregates_topic = settings.topic(topics.COMPANY_STANCE)
    consumer = clients.consumer(settings, fetch_max_wait_ms=10)
    tps = [TopicPartition(t, p) for t in (stance_topic, aggregates_topic)
           for p in sorted(consumer.partitions_for_topic(t) or ())]
    consumer.assign(tps)
    for tp, offset in consumer.end_offsets(tps).items():  # exact: the worker sends one record per batch
        consumer.seek(tp, offset)
    payloads = [encode(a) for a in batch]
    missing = {a.id: events_of[a.id] for a in batch if events_of[a.id]}
    seen: dict[str, set[str]] = defaultdict(set)
    last_event: dict[str, float] = {}
    last_aggregate = 0.0
    sent_at: dict[str, float] = {}
    topic = settings.topic(topics.ARTICLES)
    started = time.time()
    for n, (article, (key, value)) in enumerate(zip(batch, payloads)):
        if rate:
            delay = started + n / rate - time.time()
            if delay > 0:
                _poll(consumer, stance_topic, missing, seen, last_event, timeout_ms=int(delay * 1000))
                delay = started + n / rate - time.time()
                if delay > 0:
                    time.sleep(delay)
        sent_at[article.id] = time.time()
        producer.send(topic, key=key, value=value)
    producer.flush()
    deadline = time.monotonic() + timeout
    while missing:
        if time.monotonic() > deadline or not worker.alive():
            raise RuntimeError(f"{len(missing)} articles still without all their events; worker log: {worker.log_path}")
        last_aggregate = max(last_aggregate, _poll(consumer, stance_topic, missing, seen, last_event, timeout_ms=100))
    done = max(last_event.values(), default=time.time())
    if until_aggregated:  # the aggregate agent may still be behind: wait until it is idle
        idle_since = time.monotonic()
        while time.monotonic() - idle_since < 1.0:
            newest = _poll(consumer, stance_topic, missing, seen, last_event, timeout_ms=100)
            if newest > last_aggregate:
                last_aggregate, idle_since = newest, time.monotonic()
        done = max(done, last_aggregate)
    consumer.close()
    if latencies is not None:
        latencies.update({a: last_event[a] - sent_at[a] for a in last_event if a in sent_at})
    return started, sent_at, done


def _poll(consumer, stance_topic: str, missing: dict[str, int], seen: dict[str, set[str]],
          last_event: dict[str, float], *, timeout_ms: int) -> float:
    """Read what is there; the record time of the newest company-stance record read (0 if none)."""
    newest_aggregate = 0.0
    for tp, records in consumer.poll(timeout_ms=max(1, timeout_ms)).items():
        for record in records:
            when = record.timestamp / 1000
            if tp.topic != stance_topic:
                newest_aggregate = max(newest_aggregate, when)
                continue
            value = json.loads(record.value)
            article_id = value.get("article_id")
            if "event_id" not in value or article_id not in missing:
                continue
            seen[article_id].add(value["event_id"])
            last_event[article_id] = max(last_event.get(article_id, 0.0), when)
            if len(seen[article_id]) >= missing[article_id]:
                del missing[article_id]
    return newest_aggregate
