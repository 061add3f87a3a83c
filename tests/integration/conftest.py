"""A real embedded broker for the session, and a worker subprocess on its own topic prefix.

Every subprocess started here is stopped at the end of the session, also when tests fail
(and, on Linux, gets SIGTERM should pytest itself be killed).
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
from kafka import TopicPartition

from schemas import Article, CompanyStance
from streams import clients, topics
from streams.broker import EmbeddedBroker, free_port
from streams.commands.replay import encode, load_articles
from streams.local import WorkerProcess
from streams.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEED_ID = "000_5d94109387f108c0"


def seed_article() -> Article:
    """The reference article: the seeds/ record once it exists, else the shared text file."""
    jsonl = REPO / "seeds" / f"{SEED_ID}.jsonl"
    path = jsonl if jsonl.exists() else SHARED / "seeds" / f"{SEED_ID}.txt"
    [article], _ = load_articles([str(path)], max_body_bytes=10 * 1024 * 1024)
    return article


def seed_articles() -> list[Article]:
    return load_articles([str(REPO / "seeds")], max_body_bytes=10 * 1024 * 1024)[0]


@dataclass
class Pipeline:
    """A worker group on one topic prefix, and helpers to drive it and read what it wrote."""

    settings: Settings
    workers: list[WorkerProcess]
    ready_seconds: float | None = None

    def topic(self, name: str) -> str:
        return self.settings.topic(name)

    def send_raw(self, records: Iterable[tuple[bytes | None, bytes | None]]) -> list:
        """Produce (key, value) records to ``articles``; their RecordMetadata."""
        producer = clients.producer(self.settings)
        try:
            futures = [producer.send(self.topic(topics.ARTICLES), key=k, value=v) for k, v in records]
            producer.flush()
            return [f.get(timeout=30) for f in futures]
        finally:
            producer.close()

    def send(self, articles: Iterable[Article]) -> list:
        return self.send_raw(encode(a) for a in articles)

    def wait_processed(self, sent: list, timeout: float = 60.0) -> None:
        """Until the group is done with the ``sent`` articles and then with the stance events
        they gave (the article agent commits an article once its events are acknowledged, and
        the workers' one-record batches keep the end offsets of stance-events exact)."""
        targets: dict[TopicPartition, int] = {}
        for meta in sent:
            tp = TopicPartition(meta.topic, meta.partition)
            targets[tp] = max(targets.get(tp, 0), meta.offset + 1)
        clients.wait_until_committed(self.settings, self.settings.group_id, targets, timeout=timeout)
        ends = clients.end_offsets(self.settings, [self.topic(topics.STANCE_EVENTS)])
        clients.wait_until_committed(self.settings, self.settings.group_id,
                                     {tp: n for tp, n in ends.items() if n}, timeout=timeout)

    def read(self, name: str) -> list:
        """Every record of a topic (logical name) up to its current end, values decoded."""
        return read_topic(self.settings, self.topic(name))

    def aggregates(self) -> dict[str, CompanyStance]:
        """The latest company-stance record of each company."""
        latest = {}
        for record in self.read(topics.COMPANY_STANCE):
            latest[record.key.decode()] = CompanyStance.model_validate(record.value)
        return latest


def read_topic(settings: Settings, topic: str, timeout: float = 30.0) -> list:
    consumer = clients.consumer(settings)
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        ends = consumer.end_offsets(partitions)
        records = []
        deadline = time.monotonic() + timeout
        while any(consumer.position(tp) < ends[tp] for tp in partitions):
            if time.monotonic() > deadline:
                raise TimeoutError(f"could not read {topic} to its end")
            for batch in consumer.poll(timeout_ms=200).values():
                records.extend(r for r in batch if r.offset < ends[TopicPartition(r.topic, r.partition)])
        return [r._replace(value=json.loads(r.value)) if r.value is not None else r for r in records]
    finally:
        consumer.close()


def stop_all(workers: Iterable[WorkerProcess]) -> None:
    workers = list(workers)
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.stop()


@pytest.fixture(scope="session")
def broker():
    with EmbeddedBroker(port=free_port()) as running:
        yield running


@pytest.fixture(scope="session")
def broker_settings(broker) -> Settings:
    return Settings.from_env({}, bootstrap_servers=broker.bootstrap)


def start_pipeline(broker_settings: Settings, prefix: str, log_dir: Path, count: int = 1,
                   **settings) -> Pipeline:
    """Topics for ``prefix`` and ``count`` workers, each with its own web port (not waited for)."""
    configured = Settings.from_env(broker_settings.to_env(), topic_prefix=prefix, **settings)
    topics.ensure_topics(configured)
    workers = [WorkerProcess(configured, log_path=log_dir / f"{prefix}worker-{i + 1}.log",
                             web_port=free_port()) for i in range(count)]
    return Pipeline(configured, workers)


@pytest.fixture(scope="session")
def pipeline(broker_settings, tmp_path_factory):
    """One worker for the tests that share a prefix; ``ready_seconds`` is its start time."""
    pipe = start_pipeline(broker_settings, "it.", tmp_path_factory.mktemp("workers"), watchlist="alibaba,tencent")
    started = time.monotonic()
    try:
        [worker] = pipe.workers
        worker.start()
        worker.wait_ready(timeout=30)
        pipe.ready_seconds = time.monotonic() - started
        yield pipe
    finally:
        stop_all(pipe.workers)
