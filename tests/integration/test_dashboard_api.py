"""The dashboard's JSON API, live stream and metrics, served by real workers on the embedded
broker after replaying the seed article.

Two workers share the partitions, and each one's dashboard must still show every company.
"""
from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter

import pytest

from schemas import Article
from streams import topics
from streams.core import analyse_article, load_resources

from .conftest import seed_article, start_pipeline, stop_all

pytestmark = pytest.mark.integration

RESOURCES = load_resources()


def get(base: str, path: str, timeout: float = 10.0):
    with urllib.request.urlopen(base + path, timeout=timeout) as response:
        body = response.read()
        kind = response.headers["Content-Type"]
    return json.loads(body) if kind.startswith("application/json") else body.decode()


def wait_until(check, timeout: float = 30.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.2)


def expected_by_company(article: Article) -> dict[str, list]:
    events: dict[str, list] = {}
    for event in analyse_article(article, RESOURCES).events:
        events.setdefault(event.company_id, []).append(event)
    return events


@pytest.fixture(scope="module")
def dashboards(broker_settings, tmp_path_factory):
    """Two workers in one group (each with its own web port), the seed replayed and every
    worker's dashboard caught up; yields (pipeline, [base URL of each worker])."""
    pipe = start_pipeline(broker_settings, "dash-api.", tmp_path_factory.mktemp("dash-api"), count=2)
    try:
        for worker in pipe.workers:
            worker.start()
        for worker in pipe.workers:
            worker.wait_ready(timeout=30)
        seed = seed_article()
        pipe.wait_processed(pipe.send([seed]))
        total = len(analyse_article(seed, RESOURCES).events)
        bases = [f"http://127.0.0.1:{w.web_port}" for w in pipe.workers]
        for base in bases:
            wait_until(lambda: get(base, "/api/companies")["overview"]["events"] >= total, 30,
                       f"the dashboard of {base} to read the seed's {total} events")
        yield pipe, bases
    finally:
        stop_all(pipe.workers)


def test_every_worker_shows_every_company_of_the_seed(dashboards):
    pipe, bases = dashboards
    expected = expected_by_company(seed_article())
    views = [get(base, "/api/companies") for base in bases]
    for view in views:
        companies = {c["id"]: c for c in view["companies"]}
        assert set(expected) <= set(companies)
        for company_id, events in expected.items():
            counts = Counter(e.stance for e in events)
            row = companies[company_id]
            assert (row["support"], row["oppose"], row["neutral"]) == (
                counts["support"], counts["oppose"], counts["neutral"]), company_id
            scored = [e.stance_score for e in events if e.role == "speaker" and e.stance != "neutral"]
            assert row["score"] == pytest.approx(sum(scored) / len(scored) if scored else 0.0, abs=1e-3)
    # Both workers' pages agree although each owns only part of the partitions.
    assert [c["id"] for c in views[0]["companies"]] == [c["id"] for c in views[1]["companies"]]
    by_name = {c["name"].split()[0].lower(): c for c in views[0]["companies"]}
    assert by_name["tesla"]["stance"] == "support"
    assert by_name["cisco"]["stance"] == "support"
    assert by_name["meituan"]["stance"] == "neutral"


def test_company_detail_and_events(dashboards):
    pipe, [base, _] = dashboards
    seed = seed_article()
    expected = expected_by_company(seed)
    tesla = get(base, "/api/companies/tesla")
    assert tesla["articles"][0]["article_id"] == seed.id
    assert {e["event_id"] for a in tesla["articles"] for e in a["events"]} == {e.event_id for e in expected["tesla"]}
    assert tesla["series"] and tesla["recent"]
    events = get(base, f"/api/events?article={seed.id}&limit=1000")
    assert {e["event_id"] for e in events["events"]} == {e.event_id for a in expected.values() for e in a}
    assert all(e["text"] and e["stance"] in ("support", "oppose", "neutral") for e in events["events"])
    only_cisco = get(base, "/api/events?company=cisco")["events"]
    assert only_cisco and {e["company_id"] for e in only_cisco} == {"cisco"}
    newest = get(base, "/api/events?limit=2")["events"]
    assert len(newest) == 2 and newest[0]["seq"] > newest[1]["seq"]
    assert get(base, f"/api/events?since={newest[0]['seq']}")["events"] == []
    with pytest.raises(urllib.error.HTTPError) as missing:
        get(base, "/api/companies/no-such-company")
    assert missing.value.code == 404


def read_sse(response, until, timeout: float):
    """Server-sent events (name, data) from ``response`` until ``until(name, data)``."""
    seen = []
    deadline = time.monotonic() + timeout
    name = None
    while time.monotonic() < deadline:
        line = response.fp.readline().decode().rstrip("\n")
        if line.startswith("event: "):
            name = line[7:]
        elif line.startswith("data: "):
            data = json.loads(line[6:])
            seen.append((name, data))
            if until(name, data):
                return seen
    raise AssertionError(f"no matching event within {timeout:.0f} s; got {[n for n, _ in seen]}")


def test_the_stream_carries_a_new_article_and_its_correction(dashboards):
    pipe, [_, base] = dashboards
    tag = uuid.uuid4().hex[:8]
    v1 = Article(id=f"dash-{tag}", title="Siemens on the Cyber Resilience Act",
                 body="Siemens AG said it supported the EU Cyber Resilience Act and had been preparing "
                      "its products for months.")
    v2 = v1.model_copy(update={"body": "Siemens AG said the EU Cyber Resilience Act was a burden and "
                                       "criticised its deadlines."})
    first, second = analyse_article(v1, RESOURCES).events, analyse_article(v2, RESOURCES).events
    assert first and second, "the core no longer finds Siemens in these sentences"

    connection = http.client.HTTPConnection("127.0.0.1", int(base.rsplit(":", 1)[1]), timeout=20)
    connection.request("GET", "/api/stream")
    response = connection.getresponse()
    try:
        assert response.status == 200 and response.headers["Content-Type"].startswith("text/event-stream")
        [(name, hello)] = read_sse(response, lambda n, d: n == "hello", 10)
        started = time.monotonic()
        pipe.send([v1])
        seen = read_sse(response, lambda n, d: n == "update" and any(
            e["article_id"] == v1.id for e in d["events"]), 30)
        latency = time.monotonic() - started
        update = seen[-1][1]
        assert update["overview"]["seq"] > hello["overview"]["seq"]
        assert {e["event_id"] for e in update["events"] if e["article_id"] == v1.id} <= {e.event_id for e in first}
        assert any(c["id"] == first[0].company_id for c in update["companies"])
        assert latency < 15, f"the article took {latency:.1f} s to reach the page"

        pipe.send([v2])
        seen = read_sse(response, lambda n, d: n == "update" and d["removed"], 30)
        assert set(seen[-1][1]["removed"]) <= {e.event_id for e in first}
    finally:
        connection.close()
    current = wait_until(lambda: (lambda evs: evs if {e["event_id"] for e in evs} == {e.event_id for e in second}
                                  else None)(get(base, f"/api/events?article={v1.id}")["events"]),
                         15, "the corrected version to replace the first")
    assert {e["content_hash"] for e in current} == {second[0].content_hash}


def test_metrics(dashboards):
    pipe, bases = dashboards
    texts = [get(base, "/metrics") for base in bases]
    samples = {}
    for text in texts:
        for line in text.splitlines():
            if line and not line.startswith("#"):
                name, value = line.rsplit(" ", 1)
                samples[name] = samples.get(name, 0.0) + float(value)
    assert samples["policy_stance_articles_total"] >= 1
    assert samples["policy_stance_statements_total"] >= 1
    events = sum(v for k, v in samples.items() if k.startswith("policy_stance_stance_events_total{"))
    assert events >= len(analyse_article(seed_article(), RESOURCES).events)
    assert samples["policy_stance_article_processing_seconds_count"] >= 1
    assert samples['policy_stance_article_processing_seconds_bucket{le="+Inf"}'] == \
        samples["policy_stance_article_processing_seconds_count"]
    articles_topic = pipe.topic(topics.ARTICLES)
    lag = [k for k in samples if k.startswith(f'policy_stance_consumer_lag{{topic="{articles_topic}"')]
    assert len(lag) == pipe.settings.partitions  # the two workers own all partitions between them
    for text in texts:  # each worker's dashboard reads every partition of stance-events
        feed = [line for line in text.splitlines() if line.startswith("policy_stance_dashboard_lag{")]
        assert len(feed) == pipe.settings.partitions


def test_the_server_is_read_only(dashboards):
    pipe, [base, _] = dashboards
    for path in ("/", "/api/companies", "/api/events", "/metrics"):
        request = urllib.request.Request(base + path, method="POST", data=b"{}")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 405
