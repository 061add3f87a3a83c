"""The live monitoring dashboard served by the worker's web server.

``install_dashboard(app, settings)`` (called once by ``streams.app``) adds the page, the JSON
API, the live stream and ``/metrics`` to the Faust app's web server, and a task that feeds this
process's :class:`DashboardState` from every partition of ``stance-events``.
"""
from __future__ import annotations

from typing import Any

from streams.dashboard.state import DashboardState
from streams.settings import Settings

__all__ = ["DashboardState", "install_dashboard"]


def install_dashboard(app: Any, settings: Settings) -> DashboardState:
    """Register the dashboard's views and feed on ``app``; returns the process's state."""
    from streams.dashboard.feed import DashboardFeed
    from streams.topics import ARTICLES, STANCE_EVENTS
    from streams.dashboard.web import LiveHub, register_views, update_message

    state = DashboardState()
    hub = LiveHub()

    def on_change(change: Any) -> None:
        if len(hub):  # nobody watching: nothing to render
            hub.publish(update_message(state, change))

    feed = DashboardFeed(settings, state, on_change)
    register_views(app, state, hub, lag=feed.lag,
                   input_topics={settings.topic(ARTICLES), settings.topic(STANCE_EVENTS)})

    @app.task
    async def dashboard_feed() -> None:
        if app.conf.web_enabled:  # `worker --without-web` serves no page: no need to read
            await feed.run()

    return state
