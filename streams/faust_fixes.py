"""Two work-arounds for Faust 0.15 (faust-streaming) that the app installs.

1. Records lost after a rebalance (faust-streaming #596)

When recovery completes, Faust's ``Recovery.on_recovery_completed`` resumes fetching the
stream partitions, then seeks them to their committed offsets (one broker round trip per
partition), then resumes flow control, which *clears* every agent's input queue. Flow
control is already active at that point (it was resumed to read the table changelogs), so
records fetched during the seeks are put in the queues, and those still there are cleared.
A partition with a committed offset is sought back and reads them again; a partition with
none (a new topic, or one whose previous owner died before its first commit) is not: the
records are never processed and Faust never commits that partition again. Our failover
test lost events this way in about one run in three.

:class:`FlowHoldingRecovery` suspends flow control just before that step, so that fetched
records wait at the door (``Conductor.on_message`` acquires flow control before it queues a
record) instead of entering queues about to be cleared. Faust's own ``flow_control.resume()``
at the end of the step lets them in. A record held while its partition is sought back is
delivered once more: at-least-once, which the agents are built for.

2. A fixed 1.5 s fetch wait

Faust creates its aiokafka consumer with ``fetch_max_wait_ms=1500``, with no setting to change
it. On the embedded broker an aiokafka fetch that finds no data then returns late even when
records arrive meanwhile: a record waited about 300 ms (450 ms at worst) to reach an idle
worker, and as much again at each hop. :func:`shorten_fetch_wait` makes the worker's
consumer wait at most :data:`FETCH_MAX_WAIT_MS`, as kafka-python and the Java client default
to (500 ms) or less: a record then reaches an idle worker in about 5 ms. On Apache Kafka a
shorter wait only means more empty fetches while idle.
"""
from __future__ import annotations

from faust.tables import TableManager as FaustTableManager
from faust.tables.recovery import Recovery
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread


class FlowHoldingRecovery(Recovery):
    """Faust's Recovery, holding stream records while partitions are sought and queues cleared."""

    async def on_recovery_completed(self, generation_id: int = 0) -> None:
        # If recovery is interrupted by another rebalance, the next one resumes flow control.
        self.app.flow_control.suspend()
        await super().on_recovery_completed(generation_id)

    async def _resume_streams(self, generation_id: int = 0) -> None:
        self.app.flow_control.suspend()  # the same steps, for apps without tables
        await super()._resume_streams(generation_id)


class TableManager(FaustTableManager):
    """Faust's TableManager with :class:`FlowHoldingRecovery` (the ``TableManager`` app setting)."""

    @property
    def recovery(self) -> Recovery:
        if self._recovery is None:
            self._recovery = FlowHoldingRecovery(self.app, self, beacon=self.beacon, loop=self.loop)
        return self._recovery


#: The longest a fetch of the workers' consumer waits for records (see the module docstring).
FETCH_MAX_WAIT_MS = 100


def shorten_fetch_wait() -> None:
    """Make Faust's consumer (created when the worker starts) wait at most FETCH_MAX_WAIT_MS."""
    create = AIOKafkaConsumerThread._create_worker_consumer
    if getattr(create, "shortened", False):
        return

    def _create_worker_consumer(self, transport):
        consumer = create(self, transport)
        consumer._fetch_max_wait_ms = FETCH_MAX_WAIT_MS  # read by AIOKafkaConsumer.start()
        return consumer

    _create_worker_consumer.shortened = True
    AIOKafkaConsumerThread._create_worker_consumer = _create_worker_consumer
