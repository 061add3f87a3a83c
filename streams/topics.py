"""Topic names and their creation.

Every topic the app reads or writes, including the changelogs of its Faust tables, is
created up front with the configured partition count: topics the broker creates on first use
get the broker's default count, and a Faust table whose changelog does not match its source
topic's partitions refuses to start (``PartitionsMismatch``).
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from streams.settings import Settings

log = logging.getLogger(__name__)

# Logical names; the full name is ``settings.topic(name)`` (the prefix + the name).
ARTICLES = "articles"
STATEMENTS = "statements"
STANCE_EVENTS = "stance-events"
COMPANY_STANCE = "company-stance"
DEAD_LETTERS = "articles-dlq"
ALL = (ARTICLES, STATEMENTS, STANCE_EVENTS, COMPANY_STANCE, DEAD_LETTERS)

# Faust tables. Their changelogs are named ``<app id>-<table>-changelog``.
ARTICLE_VERSIONS_TABLE = "article-versions"
#: Each company's state and its per-article contributions, in one table so that the two
#: writes of one record land in one changelog partition, in order (see streams.aggregate).
AGGREGATES_TABLE = "company-aggregates"
TABLES = (ARTICLE_VERSIONS_TABLE, AGGREGATES_TABLE)

TOPIC_ALREADY_EXISTS = 36
#: Record size limit of the input and dead-letter topics (and of the producers writing them):
#: an article may be over the body limit, and its dead letter carries it.
MAX_MESSAGE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    partitions: int
    compacted: bool = False

    max_message_bytes: int | None = None

    @property
    def configs(self) -> dict[str, str]:
        configs = {"cleanup.policy": "compact"} if self.compacted else {}
        if self.max_message_bytes:
            configs["max.message.bytes"] = str(self.max_message_bytes)
        return configs


def watch_topic(settings: Settings, company_id: str) -> str:
    """Full name of a watch-list company's own topic: ``<prefix>stance-events.<company_id>``."""
    return settings.topic(f"{STANCE_EVENTS}.{company_id}")


def changelog_topic(settings: Settings, table: str) -> str:
    return f"{settings.group_id}-{table}-changelog"


def topic_specs(settings: Settings) -> list[TopicSpec]:
    """Every topic the app needs, with partitions and cleanup policy."""
    n = settings.partitions
    specs = [TopicSpec(settings.topic(name), n, compacted=(name == COMPANY_STANCE),
                       max_message_bytes=MAX_MESSAGE_BYTES if name in (ARTICLES, DEAD_LETTERS) else None)
             for name in ALL]
    # A watch-list topic carries one key only, so one partition is all it can use.
    specs += [TopicSpec(watch_topic(settings, company), 1) for company in settings.watchlist]
    specs += [TopicSpec(changelog_topic(settings, table), n, compacted=True) for table in TABLES]
    # Faust's partition assignor elects a leader through this single-partition topic.
    specs.append(TopicSpec(f"{settings.group_id}-__assignor-__leader", 1))
    return specs


def ensure_topics(settings: Settings, *, timeout: float = 60.0) -> list[str]:
    """Create the missing topics of :func:`topic_specs`; the names it created.

    Retries while the broker is not reachable yet (a worker container may start first).
    Existing topics are left as they are; a partition count that differs is logged, since a
    running cluster's topics are not repartitioned behind its users' backs.
    """
    from kafka.errors import KafkaError, RetriableError

    from streams import clients

    deadline = time.monotonic() + timeout
    while True:
        try:
            admin = clients.admin(settings)
            break
        except RetriableError as exc:
            if time.monotonic() > deadline:
                raise
            log.info("waiting for the broker at %s (%s)", settings.bootstrap, exc)
            time.sleep(1.0)
    try:
        specs = topic_specs(settings)
        existing = set(admin.list_topics())
        missing = [spec for spec in specs if spec.name not in existing]
        if missing:
            result = admin.create_topics(
                {spec.name: {"num_partitions": spec.partitions,
                             "replication_factor": settings.replication_factor,
                             "configs": spec.configs} for spec in missing},
                raise_errors=False,
            )
            for topic in result["topics"]:
                if topic["error_code"] not in (0, TOPIC_ALREADY_EXISTS):
                    raise KafkaError(f"cannot create topic {topic['name']}: error {topic['error_code']} "
                                     f"{topic.get('error_message') or ''}".strip())
        _check_partitions(admin, [spec for spec in specs if spec.name in existing])
        created = [spec.name for spec in missing]
        if created:
            log.info("created topics: %s", ", ".join(created))
        return created
    finally:
        admin.close()


def _check_partitions(admin, specs: list[TopicSpec]) -> None:
    if not specs:
        return
    for described in admin.describe_topics([spec.name for spec in specs]):
        want = next(spec.partitions for spec in specs if spec.name == described["name"])
        have = len(described.get("partitions") or ())
        if have and have != want:
            log.warning("topic %s has %d partitions, the settings say %d", described["name"], have, want)
