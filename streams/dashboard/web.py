"""The dashboard's HTTP endpoints on the worker's web server (Faust views over aiohttp).

Read-only: every view answers GET (and HEAD) only. Pages and JSON carry a strict
Content-Security-Policy; the page renders all article text with ``textContent``.

* ``/`` and ``/dashboard`` - the page; ``/static/{name}`` - its script, style and icon
* ``/api/companies`` - every company's summary, plus totals
* ``/api/companies/{company_id}`` - one company: summary, series, statements grouped by article
* ``/api/events?company=&article=&since=&limit=`` - the newest events, filtered
* ``/api/stream`` - server-sent events: one ``update`` per batch of changes
* ``/metrics`` - Prometheus text format
"""
from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from aiohttp import web as aioweb
from faust import web

from streams import metrics
from streams.dashboard.state import Change, DashboardState

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
MAX_LIMIT = 1000
#: Seconds between SSE comments that keep proxies and the browser from timing out.
HEARTBEAT_SECONDS = 15.0

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


class LiveHub:
    """Fan-out of state changes to the open ``/api/stream`` connections.

    Each subscriber has a bounded queue; one that falls behind gets ``None`` (resync) instead of
    an unbounded backlog. :meth:`close` ends every stream (on web server shutdown).
    """

    def __init__(self, queue_size: int = 256) -> None:
        self.queue_size = queue_size
        self.closed = False
        self._queues: set[asyncio.Queue] = set()

    def __len__(self) -> int:
        return len(self._queues)

    def subscribe(self) -> asyncio.Queue:
        queue: asyncio.Queue = asyncio.Queue(self.queue_size)
        self._queues.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue) -> None:
        self._queues.discard(queue)

    def publish(self, message: Mapping[str, Any]) -> None:
        for queue in list(self._queues):
            try:
                queue.put_nowait(message)
            except asyncio.QueueFull:
                self._queues.discard(queue)
                _put_last(queue, None)  # tells the stream to send a resync and stop

    async def close(self, *_: Any) -> None:
        self.closed = True
        for queue in list(self._queues):
            _put_last(queue, None)
        self._queues.clear()


def _put_last(queue: asyncio.Queue, item: Any) -> None:
    while True:
        try:
            queue.put_nowait(item)
            return
        except asyncio.QueueFull:
            queue.get_nowait()


def update_message(state: DashboardState, change: Change) -> dict[str, Any]:
    """The SSE payload of one change: new events, removed ids, fresh summaries, totals.

    ``overview.seq`` is the state's version after the change."""
    summaries = state.companies(change.companies)
    return {
        "overview": state.overview(),
        "events": [entry.to_json() for entry in change.added],
        "removed": change.removed,
        "companies": summaries,
        "gone": sorted(change.companies - {row["id"] for row in summaries}),
    }


def _sse(event: str, data: Mapping[str, Any], event_id: int | None = None) -> bytes:
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


def _parse_since(value: str | None) -> int | datetime | None:
    if value is None or value == "":
        return None
    if value.isdigit():
        return int(value)
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("since must be a sequence number or an ISO 8601 time") from None


def _parse_limit(value: str | None, default: int = 100) -> int:
    if value is None or value == "":
        return default
    if not value.isdigit():
        raise ValueError("limit must be a positive integer")
    return max(1, min(int(value), MAX_LIMIT))


STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


def _load_static(directory: Path) -> dict[str, tuple[bytes, str]]:
    """The page's files by name, read once: nothing else on disk is reachable."""
    return {
        path.name: (path.read_bytes(), STATIC_TYPES[path.suffix])
        for path in sorted(directory.iterdir()) if path.suffix in STATIC_TYPES
    }


def register_views(app: Any, state: DashboardState, hub: LiveHub, *,
                   lag: Callable[[], Mapping[tuple[str, int], int]] | None = None,
                   input_topics: Collection[str] = ()) -> None:
    """Add the dashboard's routes to ``app``'s web server.

    ``/metrics`` reports the worker's consumer lag on ``input_topics`` (the agents' inputs,
    not the table changelogs) and the dashboard feed's lag from ``lag()``.
    Call before the web server starts (the app module's import time), so that ``/`` is ours
    and not Faust's status index.
    """
    static = _load_static(STATIC_DIR)
    if "index.html" not in static:
        raise RuntimeError(f"dashboard page missing from {STATIC_DIR}")

    def respond(view: web.View, body: bytes, content_type: str, status: int = 200) -> web.Response:
        headers = {**SECURITY_HEADERS, "Content-Type": content_type}
        return view.bytes(body, status=status, headers=headers)

    def respond_json(view: web.View, data: Any, status: int = 200) -> web.Response:
        body = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
        return respond(view, body, "application/json; charset=utf-8", status)

    def error(view: web.View, status: int, message: str) -> web.Response:
        return respond_json(view, {"error": message}, status)

    async def page(self: web.View, request: web.Request) -> web.Response:
        return respond(self, *static["index.html"])

    app.page("/", name="dashboard_index")(page)
    app.page("/dashboard", name="dashboard_page")(page)

    @app.page("/static/{name}", name="dashboard_static")
    async def static_file(self: web.View, request: web.Request, name: str) -> web.Response:
        if name not in static:
            return error(self, 404, "no such file")
        return respond(self, *static[name])

    @app.page("/api/companies", name="dashboard_companies")
    async def companies(self: web.View, request: web.Request) -> web.Response:
        return respond_json(self, {"overview": state.overview(), "companies": state.companies()})

    @app.page("/api/companies/{company_id}", name="dashboard_company")
    async def company(self: web.View, request: web.Request, company_id: str) -> web.Response:
        try:
            limit = _parse_limit(request.query.get("limit"), default=500)
        except ValueError as exc:
            return error(self, 400, str(exc))
        detail = state.company(company_id, limit=limit)
        if detail is None:
            return error(self, 404, f"no events for company {company_id!r}")
        detail["recent"] = state.events(company=company_id, limit=20)
        return respond_json(self, detail)

    @app.page("/api/events", name="dashboard_events")
    async def events(self: web.View, request: web.Request) -> web.Response:
        query = request.query
        try:
            since = _parse_since(query.get("since"))
            limit = _parse_limit(query.get("limit"))
        except ValueError as exc:
            return error(self, 400, str(exc))
        found = state.events(company=query.get("company") or None, article=query.get("article") or None,
                             since=since, limit=limit)
        return respond_json(self, {"seq": state.seq, "count": len(found), "events": found})

    @app.page("/api/stream", name="dashboard_stream")
    async def stream(self: web.View, request: web.Request) -> Any:
        """Server-sent events: ``hello`` with the totals, then one ``update`` per change
        (``id`` = the state's version). A client loads ``/api/companies`` after ``hello`` and
        applies the updates with a higher version; after ``resync`` it reconnects."""
        response = aioweb.StreamResponse(headers={
            **SECURITY_HEADERS, "Content-Type": "text/event-stream", "Cache-Control": "no-store",
            "X-Accel-Buffering": "no"})
        await response.prepare(request)
        if hub.closed or request.method == "HEAD":
            return response
        queue = hub.subscribe()
        try:
            await response.write(_sse("hello", {"overview": state.overview()}, state.seq))
            while True:
                try:
                    message = await asyncio.wait_for(queue.get(), HEARTBEAT_SECONDS)
                except asyncio.TimeoutError:
                    await response.write(b": keep-alive\n\n")
                    continue
                if message is None:  # closing, or this client fell behind
                    if not hub.closed:
                        await response.write(_sse("resync", {"overview": state.overview()}))
                    break
                await response.write(_sse("update", message, message["overview"]["seq"]))
        except ConnectionResetError:
            pass  # the browser went away
        finally:
            hub.unsubscribe(queue)
        return response

    @app.page("/metrics", name="dashboard_metrics")
    async def metrics_view(self: web.View, request: web.Request) -> web.Response:
        metrics.CONSUMER_LAG.clear()
        for (topic, partition), value in _worker_lag(self.app, input_topics).items():
            metrics.CONSUMER_LAG.set(value, topic=topic, partition=partition)
        metrics.DASHBOARD_LAG.clear()
        for (topic, partition), value in (lag() if lag else {}).items():
            metrics.DASHBOARD_LAG.set(value, topic=topic, partition=partition)
        return respond(self, metrics.render().encode(), metrics.CONTENT_TYPE)

    # aiohttp waits for open handlers at shutdown: end the streams first.
    app.web.web_app.on_shutdown.append(hub.close)


def _worker_lag(app: Any, topics: Collection[str]) -> dict[tuple[str, int], int]:
    """Lag of the worker's group consumer per assigned partition of ``topics`` (best effort:
    reads the consumer's last delivered offsets, which Faust keeps in ``_read_offset``)."""
    try:
        consumer = app.consumer
        read_offsets = getattr(consumer, "_read_offset", {})
        result = {}
        for tp in consumer.assignment():
            if tp.topic not in topics:
                continue
            highwater = consumer.highwater(tp)
            if highwater is None:
                continue
            read = read_offsets.get(tp)
            result[(tp.topic, tp.partition)] = max(0, highwater - (read + 1 if read is not None else 0))
        return result
    except Exception:  # noqa: BLE001 - not started, or no consumer in this process
        return {}
