"""The dashboard's HTTP views on a Faust app's web server, over a hand-filled state.

No broker here: the views only read the DashboardState (the feed is tested in
tests/integration/test_dashboard_api.py against the embedded broker).
"""
from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import faust
import pytest
from aiohttp.test_utils import TestClient, TestServer

from streams.dashboard.state import DashboardState
from streams.dashboard.web import LiveHub, register_views, update_message
from test_dashboard_state import event

T0 = datetime(2024, 6, 1, 8, tzinfo=UTC)


def run(scenario):
    """Serve a fresh app with a filled state and run ``scenario(client, state, hub)``."""
    app = faust.App("dashboard-web-test", broker="memory://", web_port=6066)
    state = DashboardState()
    state.add_many([
        (event("tesla", index=0, stance="support", score=0.7, name="Tesla Inc.", published=T0), T0),
        (event("cisco", index=1, stance="support", score=0.5, name="Cisco", published=T0), T0),
        (event("meituan", article="a2", index=0, stance="neutral", role="subject", name="Meituan"),
         T0 - timedelta(hours=1)),
    ])
    hub = LiveHub()
    register_views(app, state, hub, lag=lambda: {("stance-events", 0): 3})

    async def main():
        app.web.init_server()
        client = TestClient(TestServer(app.web.web_app))
        await client.start_server()
        try:
            await scenario(client, state, hub)
        finally:
            await client.close()

    asyncio.run(main())


def test_page_and_static_files_are_served_with_a_strict_policy():
    async def scenario(client, state, hub):
        for path in ("/", "/dashboard"):
            response = await client.get(path)
            assert response.status == 200
            assert response.content_type == "text/html"
            assert "default-src 'none'" in response.headers["Content-Security-Policy"]
            assert "script-src 'self'" in response.headers["Content-Security-Policy"]
            page = await response.text()
            assert '<script src="/static/dashboard.js"' in page and "http" not in page.replace("http-equiv", "")
        for name, kind in (("dashboard.js", "text/javascript"), ("dashboard.css", "text/css"),
                           ("favicon.svg", "image/svg+xml")):
            response = await client.get(f"/static/{name}")
            assert response.status == 200 and response.content_type == kind
        assert (await client.get("/static/nothing.js")).status == 404
        assert (await client.get("/static/..%2Fweb.py")).status == 404

    run(scenario)


def test_the_page_script_never_writes_html():
    from streams.dashboard.web import STATIC_DIR
    script = (STATIC_DIR / "dashboard.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script.replace("never innerHTML", ""), sink


def test_companies_and_company_detail():
    async def scenario(client, state, hub):
        data = await (await client.get("/api/companies")).json()
        assert data["overview"]["companies"] == 3 and data["overview"]["seq"] == 3
        by_id = {c["id"]: c for c in data["companies"]}
        assert by_id["tesla"]["stance"] == "support" and by_id["meituan"]["stance"] == "neutral"
        detail = await (await client.get("/api/companies/tesla")).json()
        assert detail["name"] == "Tesla Inc." and detail["series"] and detail["recent"][0]["company_id"] == "tesla"
        assert detail["articles"][0]["article_id"] == "a1"
        missing = await client.get("/api/companies/nobody")
        assert missing.status == 404 and "error" in await missing.json()

    run(scenario)


def test_events_query():
    async def scenario(client, state, hub):
        async def seqs(query):
            response = await client.get("/api/events" + query)
            assert response.status == 200, await response.text()
            return [e["seq"] for e in (await response.json())["events"]]

        assert await seqs("") == [3, 2, 1]
        assert await seqs("?company=tesla") == [1]
        assert await seqs("?article=a1") == [2, 1]
        assert await seqs("?since=1&limit=1") == [3]
        assert await seqs("?since=2024-06-01T08:00:00Z") == [2, 1]  # meituan's event time is its record time
        for bad in ("?since=yesterday", "?limit=-1", "?limit=x"):
            assert (await client.get("/api/events" + bad)).status == 400

    run(scenario)


def test_the_server_is_read_only():
    async def scenario(client, state, hub):
        for path in ("/", "/api/companies", "/api/companies/tesla", "/api/events", "/api/stream",
                     "/metrics", "/static/dashboard.js"):
            for method in ("POST", "PUT", "DELETE", "PATCH"):
                response = await client.request(method, path)
                assert response.status == 405, (method, path)

    run(scenario)


def test_metrics_endpoint():
    async def scenario(client, state, hub):
        response = await client.get("/metrics")
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"
        text = await response.text()
        assert "# TYPE policy_stance_article_processing_seconds histogram" in text
        assert 'policy_stance_dashboard_lag{topic="stance-events",partition="0"} 3' in text

    run(scenario)


async def _next_sse(response) -> tuple[str, dict]:
    """The next ``event:``/``data:`` pair of a server-sent event stream (comments skipped)."""
    name, data = None, None
    while True:
        line = (await asyncio.wait_for(response.content.readline(), 5)).decode().rstrip("\n")
        if line.startswith("event: "):
            name = line[7:]
        elif line.startswith("data: "):
            data = json.loads(line[6:])
        elif line == "" and name:
            return name, data


def test_stream_sends_hello_then_updates_and_ends_on_close():
    async def scenario(client, state, hub):
        response = await client.get("/api/stream")
        assert response.status == 200 and response.content_type == "text/event-stream"
        name, hello = await _next_sse(response)
        assert name == "hello" and hello["overview"]["seq"] == 3
        await asyncio.sleep(0.05)
        assert len(hub) == 1
        change = state.add(event("newco", article="a3", name="NewCo"), T0)
        hub.publish(update_message(state, change))
        name, update = await _next_sse(response)
        assert name == "update" and update["overview"]["seq"] == 4
        assert [e["company_id"] for e in update["events"]] == ["newco"]
        assert [c["id"] for c in update["companies"]] == ["newco"] and update["gone"] == []
        await hub.close()
        assert await asyncio.wait_for(response.content.read(), 5) == b""  # the server ended it
        assert len(hub) == 0
        head = await client.head("/api/companies")
        assert head.status == 200 and await head.read() == b""

    run(scenario)


def test_a_slow_stream_is_told_to_resync():
    async def scenario(client, state, hub):
        hub.queue_size = 2
        response = await client.get("/api/stream")
        await _next_sse(response)
        head = await asyncio.wait_for(client.head("/api/stream"), 5)  # answered, not streamed
        assert head.status == 200 and head.content_type == "text/event-stream"
        await asyncio.sleep(0.05)
        for _ in range(5):  # the stream cannot drain while this loop runs
            hub.publish({"overview": state.overview()})
        names = [(await _next_sse(response))[0] for _ in range(2)]
        assert names[-1] == "resync" and len(hub) == 0

    run(scenario)


@pytest.mark.parametrize("text", ['<img src=x onerror="alert(1)">', "</script><script>alert(1)</script>"])
def test_api_returns_text_as_json_strings(text):
    async def scenario(client, state, hub):
        state.add(event("evil", article="x", name=text).model_copy(update={"text": text}), T0)
        raw = await (await client.get("/api/events?company=evil")).text()
        assert json.loads(raw)["events"][0]["text"] == text
        assert (await client.get("/api/events")).content_type == "application/json"

    run(scenario)
