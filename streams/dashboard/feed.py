"""Feeds a :class:`DashboardState` from ``stance-events``: every partition, from the beginning.

Each worker process runs one feed, outside the workers' consumer group (``group_id=None``:
every partition is read by this consumer, nothing is committed), so the page of any worker shows every company
whichever partitions its worker owns. Duplicates and corrections are the state's business.
"""
from __future__ import annotations

import asyncio
import json
import logging
import ssl
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from pydantic import ValidationError

from schemas import StanceEvent
from schemas import Retraction
from streams.aggregate import is_retraction
from streams.dashboard.state import Change, DashboardState
from streams.settings import Settings
from streams.topics import STANCE_EVENTS

log = logging.getLogger(__name__)


def aiokafka_config(settings: Settings) -> dict[str, Any]:
    """The settings' connection and security options in aiokafka's terms."""
    config = settings.kafka_python_config()
    cafile = config.pop("ssl_cafile", None)
    if settings.security_protocol.endswith("SSL"):
        config["ssl_context"] = ssl.create_default_context(cafile=cafile)
    return config


class DashboardFeed:
    """Reads the stance events into ``state`` and hands every change to ``on_change``."""

    def __init__(self, settings: Settings, state: DashboardState,
                 on_change: Callable[[Change], None], *, batch: int = 500) -> None:
        self.settings = settings
        self.topic = settings.topic(STANCE_EVENTS)
        self.state = state
        self.on_change = on_change
        self.batch = batch
        self.invalid = 0
        self._consumer: AIOKafkaConsumer | None = None
        self._next: dict[TopicPartition, int] = {}

    def lag(self) -> dict[tuple[str, int], int]:
        """Records not read yet per partition (from the last fetch's high watermarks)."""
        consumer = self._consumer
        if consumer is None:
            return {}
        lags = {}
        for tp in consumer.assignment():
            highwater = consumer.highwater(tp)
            if highwater is not None:
                lags[(tp.topic, tp.partition)] = max(0, highwater - self._next.get(tp, 0))
        return lags

    async def run(self) -> None:
        """Read until cancelled; starts over (the state skips known events) after an error."""
        while True:
            # Subscribed without a group: aiokafka assigns every partition of the topic to this
            # consumer (and any partition added later); nothing is committed.
            consumer = AIOKafkaConsumer(
                self.topic, group_id=None, enable_auto_commit=False, auto_offset_reset="earliest",
                fetch_max_wait_ms=200, **aiokafka_config(self.settings))
            try:
                await consumer.start()
                self._consumer = consumer
                self._next = {}
                await self._read(consumer)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - keep the dashboard alive, retry
                log.warning("dashboard feed: %s: %s; retrying in 2 s", type(exc).__name__, exc)
                await asyncio.sleep(2.0)
            finally:
                self._consumer = None
                await consumer.stop()

    async def _read(self, consumer: AIOKafkaConsumer) -> None:
        while True:
            records = await consumer.getmany(timeout_ms=1000, max_records=self.batch)
            items = []
            for tp, messages in records.items():
                for message in messages:
                    self._next[tp] = message.offset + 1
                    try:
                        record = json.loads(message.value)
                        item = Retraction.model_validate(record) if is_retraction(record) \
                            else StanceEvent.model_validate(record)
                    except (ValidationError, ValueError, TypeError, AttributeError) as exc:
                        self.invalid += 1
                        log.debug("dashboard feed: skipping %s@%d: %s", tp, message.offset, exc)
                        continue
                    items.append((item, datetime.fromtimestamp(message.timestamp / 1000, UTC)))
            if items:
                change = self.state.add_many(items)
                if change:
                    self.on_change(change)
