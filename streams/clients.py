"""kafka-python clients (producer, consumer, admin) configured from :class:`Settings`.

The command-line tools, the demo, the benchmark and the tests use these; the workers use
Faust (aiokafka). Both get the same bootstrap servers and security options.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition

from streams.settings import Settings
from streams.topics import MAX_MESSAGE_BYTES

# Tansu holds JoinGroup replies for half the session timeout; kafka-python's default (45 s)
# makes a group consumer wait ~23 s for its first message. 6 s is also Kafka's minimum.
GROUP_TIMEOUTS = {"session_timeout_ms": 6000, "heartbeat_interval_ms": 1000}


def producer(settings: Settings, **options: Any) -> KafkaProducer:
    """An idempotent producer (``acks='all'``) that sends bytes."""
    config: dict[str, Any] = {"acks": "all", "enable_idempotence": True, "linger_ms": 5,
                              "max_request_size": MAX_MESSAGE_BYTES}
    config.update(options)
    return KafkaProducer(**settings.kafka_python_config(), **config)


def consumer(settings: Settings, *topics: str, group_id: str | None = None,
             from_beginning: bool = True, **options: Any) -> KafkaConsumer:
    """A consumer of full topic names. Without ``group_id`` it reads every partition itself
    (no group, so no join delay) and commits nothing."""
    config: dict[str, Any] = {
        "group_id": group_id,
        "auto_offset_reset": "earliest" if from_beginning else "latest",
        "enable_auto_commit": group_id is not None,
        "fetch_max_wait_ms": 100,
        "max_partition_fetch_bytes": MAX_MESSAGE_BYTES,
    }
    if group_id is not None:
        config.update(GROUP_TIMEOUTS)
    config.update(options)
    return KafkaConsumer(*topics, **settings.kafka_python_config(), **config)


def admin(settings: Settings, **options: Any) -> KafkaAdminClient:
    return KafkaAdminClient(**settings.kafka_python_config(), **options)


def committed_offsets(admin_client: KafkaAdminClient, group_id: str) -> dict[TopicPartition, int]:
    """The offsets ``group_id`` has committed (next offset to read), by partition."""
    result = admin_client.list_group_offsets(group_id).get(group_id, {})
    return {tp: meta.offset for tp, meta in result.items() if meta is not None and meta.offset >= 0}


def wait_until_committed(settings: Settings, group_id: str, targets: Mapping[TopicPartition, int],
                         *, timeout: float = 60.0, poll: float = 0.2) -> None:
    """Block until ``group_id`` has committed at least ``targets[tp]`` on every partition.

    A Faust worker commits an offset once the agent has finished with the message, so this
    says "the workers are done with everything up to there".
    """
    client = admin(settings)
    try:
        deadline = time.monotonic() + timeout
        while True:
            done = committed_offsets(client, group_id)
            behind = {tp: (done.get(tp, 0), want) for tp, want in targets.items() if done.get(tp, 0) < want}
            if not behind:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"group {group_id} still behind after {timeout:.0f} s (committed, wanted): {behind}")
            time.sleep(poll)
    finally:
        client.close()


def end_offsets(settings: Settings, topics: Iterable[str]) -> dict[TopicPartition, int]:
    """The end offset of every partition of ``topics``.

    Exact on the embedded broker only for topics whose producer sends one record per batch
    (the workers do: ``producer_max_batch_size=1``). For topics written by other producers
    use the offsets the producer got back instead.
    """
    probe = consumer(settings)
    try:
        partitions = [TopicPartition(topic, p) for topic in topics
                      for p in sorted(probe.partitions_for_topic(topic) or ())]
        return dict(probe.end_offsets(partitions)) if partitions else {}
    finally:
        probe.close()
