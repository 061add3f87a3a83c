"""The Faust app (``streams.app:app``): two thin agents around the pure code.

* ``articles`` -> :func:`process_articles`: :func:`streams.processing.handle_article` decides
  (dead letter, replay, correction) and calls the core; the agent publishes ``statements``
  (keyed by article id), ``stance-events`` (keyed by company id, plus a watched company's
  ``stance-events.<id>``) or an ``articles-dlq`` record, waits for the broker to acknowledge
  them, then remembers the article version in the ``article-versions`` table.
* ``stance-events`` -> :func:`aggregate_stance`: :mod:`streams.aggregate` updates the
  ``company-aggregates`` table (each company's state and its per-article contributions) and
  the agent publishes the company's ``company-stance`` record (compacted, keyed by company id).

Both tables are keyed so that they live in the partition of the record being processed, i.e.
they are co-partitioned with their input topic. Delivery is at-least-once (the embedded
broker has no transactions): replays are recognised by article version, and aggregates count
each ``event_id`` once.

The settings come from the environment when the module is imported; the ``worker`` command
and ``faust -A streams.app worker`` both run this ``app``.
"""
from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime
from typing import Any

import faust
from pydantic import ValidationError

from schemas import StanceEvent
from streams import aggregate, metrics, topics
from streams.core import analyse_article, load_resources
from streams.faust_fixes import TableManager as FlowHoldingTableManager
from streams.faust_fixes import shorten_fetch_wait
from streams.dashboard import install_dashboard
from streams.processing import Origin, handle_article
from streams.settings import Settings

log = logging.getLogger(__name__)


class StanceApp(faust.App):
    """A Faust app that creates its topics (with kafka-python) before anything subscribes."""

    stance_settings: Settings

    async def on_first_start(self) -> None:
        created = await asyncio.to_thread(topics.ensure_topics, self.stance_settings)
        if created:
            log.info("created %d topics", len(created))
        self.conf.datadir.parent.mkdir(parents=True, exist_ok=True)
        await super().on_first_start()


def faust_config(settings: Settings) -> dict[str, Any]:
    """Faust settings tuned for the embedded broker (see the README, section Streaming), valid on Kafka too."""
    return dict(
        broker=settings.faust_broker,
        broker_credentials=settings.faust_credentials(),
        # Tansu answers the first JoinGroup after half the session timeout: 6 s (Kafka's
        # minimum) makes a worker ready in about 5 s instead of 30.
        broker_session_timeout=6.0,
        broker_heartbeat_interval=1.0,
        broker_commit_interval=1.0,
        # Transactions do not work on Tansu: at-least-once, de-duplicated downstream.
        processing_guarantee="at_least_once",
        # One record per produce batch keeps Tansu's high watermarks exact, which table
        # recovery relies on.
        producer_max_batch_size=1,
        producer_max_request_size=topics.MAX_MESSAGE_BYTES + 64 * 1024,
        consumer_max_fetch_size=topics.MAX_MESSAGE_BYTES,
        consumer_auto_offset_reset="earliest",
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        web_bind=settings.web_host,
        web_host=settings.web_host,
        web_port=settings.web_port,
        datadir=str(settings.faust_data_dir),
        store="memory://",
        # Holds records while recovery seeks partitions (faust-streaming #596).
        TableManager=FlowHoldingTableManager,
    )


def create_app(settings: Settings) -> StanceApp:
    shorten_fetch_wait()
    app = StanceApp(settings.group_id, **faust_config(settings))
    app.stance_settings = settings

    def topic(name: str, *, raw_values: bool = False) -> faust.TopicT:
        return app.topic(name, key_serializer="raw", value_serializer="raw" if raw_values else "json",
                         partitions=settings.partitions)

    articles = topic(settings.topic(topics.ARTICLES), raw_values=True)
    stance_events = topic(settings.topic(topics.STANCE_EVENTS))
    company_stance = topic(settings.topic(topics.COMPANY_STANCE))
    outputs = {t.get_topic_name(): t for t in (
        topic(settings.topic(topics.STATEMENTS)),
        stance_events,
        topic(settings.topic(topics.DEAD_LETTERS)),
        *(topic(topics.watch_topic(settings, company)) for company in settings.watchlist),
    )}

    def table(name: str) -> faust.TableT:
        return app.Table(name, partitions=settings.partitions,
                         schema=faust.Schema(key_serializer="json", value_serializer="json"))

    versions = table(topics.ARTICLE_VERSIONS_TABLE)
    aggregates = table(topics.AGGREGATES_TABLE)

    @app.agent(articles, name="articles")
    async def process_articles(stream: faust.StreamT) -> None:
        resources = await asyncio.to_thread(load_resources)

        def analyse(article):
            return analyse_article(article, resources)

        async for event in stream.events():
            message = event.message
            started = time.perf_counter()
            metrics.article_received()
            outcome = handle_article(
                event.value, message.key, Origin(message.topic, message.partition, message.offset),
                settings=settings, versions=versions, analyse=analyse)
            # Everything is acknowledged before the version is remembered: a crash in
            # between reprocesses the article (duplicates) rather than losing its events.
            sent = [await outputs[o.topic].send(key=o.key, value=o.value) for o in outcome.outputs]
            await asyncio.gather(*sent)
            if outcome.version is not None:
                versions[outcome.article_id] = outcome.version.model_dump(mode="json")
            if outcome.dead_letter is not None:
                letter = outcome.dead_letter
                metrics.dead_lettered(letter.reason)
                log.warning("dead letter from %s[%s]@%s: %s: %s", letter.topic, letter.partition,
                            letter.offset, letter.reason, letter.error[:300])
            elif outcome.analysis is not None:
                analysis = outcome.analysis
                metrics.article_scored(len(analysis.statements), [e.stance for e in analysis.events],
                                       time.perf_counter() - started, analysis.skipped_reason)
                log.debug("article %s: %d statements, %d events%s", outcome.article_id,
                          len(analysis.statements), len(analysis.events),
                          " (correction)" if outcome.correction else "")
            else:
                log.debug("article %s: %s, nothing to publish", outcome.article_id, outcome.status)

    @app.agent(stance_events, name="company-stance")
    async def aggregate_stance(stream: faust.StreamT) -> None:
        async for event in stream.events():
            message = event.message
            record = event.value
            try:
                if aggregate.is_retraction(record):
                    item = aggregate.Retraction.model_validate(record)
                else:
                    item = StanceEvent.model_validate(record)
            except (ValidationError, TypeError) as exc:
                log.error("skipping a record of %s[%s]@%s that is neither a stance event nor a "
                          "retraction: %s", message.topic, message.partition, message.offset, exc)
                continue
            company_id = item.company_id
            key = aggregate.contribution_key(company_id, item.article_id)
            state = _load(aggregate.CompanyState, aggregates.get(company_id))
            contribution = _load(aggregate.Contribution, aggregates.get(key))
            if isinstance(item, aggregate.Retraction):
                update = aggregate.apply_retraction(state, contribution, item, seq=message.offset)
            else:
                at = datetime.fromtimestamp(message.timestamp, UTC) if message.timestamp else datetime.now(UTC)
                update = aggregate.apply_event(state, contribution, item, at=at, seq=message.offset)
            # The state before the contribution: see "Crash safety" in streams.aggregate.
            if update.state_changed:
                state = update.state
                if update.needs_rebuild:
                    current = [] if update.contribution is None else [update.contribution]
                    state = aggregate.rebuild_refs(state, current + [
                        aggregate.Contribution.model_validate(value) for k, value in aggregates.items()
                        if k != key and aggregate.is_contribution_of(k, company_id)])
                aggregates[company_id] = state.model_dump(mode="json")
            if update.contribution_changed:
                if update.contribution is None:
                    aggregates.pop(key, None)
                else:
                    aggregates[key] = update.contribution.model_dump(mode="json")
            if update.state_changed or update.replayed:
                result = aggregate.company_stance(state, now=datetime.now(UTC))
                await company_stance.send(key=company_id, value=result.model_dump(mode="json"))

    install_dashboard(app, settings)
    return app


def _load(model, value):
    return None if value is None else model.model_validate(value)


app = create_app(Settings.from_env())
