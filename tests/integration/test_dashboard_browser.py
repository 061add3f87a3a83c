"""The dashboard page in headless Chromium, served by a worker on the embedded broker.

Uses Debian's /usr/bin/chromium (``scripts/ensure-chromium.sh`` installs it when missing; never
``playwright install``). Screenshots go to test-output/.
"""
from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from playwright.sync_api import expect

from schemas import Article
from streams.core import analyse_article, load_resources

from .conftest import REPO, seed_article, start_pipeline, stop_all

pytestmark = [pytest.mark.integration, pytest.mark.browser]

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OUTPUT = REPO / "test-output"
RESOURCES = load_resources()
WAIT_MS = 30_000


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        subprocess.run([str(REPO / "scripts" / "ensure-chromium.sh")], check=False, timeout=900)
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing and could not be installed: run scripts/ensure-chromium.sh as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def dashboard(broker_settings, tmp_path_factory):
    """A worker with the seed article processed; yields (pipeline, base URL)."""
    pipe = start_pipeline(broker_settings, "dash-ui.", tmp_path_factory.mktemp("dash-ui"))
    [worker] = pipe.workers
    try:
        worker.start()
        worker.wait_ready(timeout=30)
        pipe.wait_processed(pipe.send([seed_article()]))
        yield pipe, f"http://127.0.0.1:{worker.web_port}"
    finally:
        stop_all(pipe.workers)


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.errors = errors
    yield page
    page.close()


def company_stance(events, company_id: str) -> str:
    """The company-level label the page shows: the sign of the summed speaker scores."""
    scored = [e.stance_score for e in events if e.company_id == company_id and e.role == "speaker"
              and e.stance != "neutral"]
    return "neutral" if not scored else "support" if sum(scored) > 0 else "oppose"


def wait_live(page) -> None:
    """Wait until the page's event stream is connected.

    Uses a selector, not ``page.wait_for_function``: Playwright polls a string predicate with
    ``eval`` from the page's own animation frames, which the dashboard's CSP (``script-src 'self'``)
    refuses whenever the first check is false, so such a wait fails by timing alone.
    """
    page.locator('#live[data-state="live"]').wait_for(state="attached", timeout=WAIT_MS)


def row(page, company_id: str):
    return page.locator(f'#companies tbody tr[data-company-id="{company_id}"]')


def test_the_seed_companies_show_their_stance_and_a_new_article_appears_live(dashboard, page):
    pipe, base = dashboard
    seed_events = analyse_article(seed_article(), RESOURCES).events
    expected = {"tesla": "support", "cisco": "support", "meituan": "neutral"}
    assert {c: company_stance(seed_events, c) for c in expected} == expected, "the core changed its mind"

    page.goto(base + "/")
    for company_id, stance in expected.items():
        row(page, company_id).wait_for(timeout=WAIT_MS)
        assert row(page, company_id).locator(".c-stance").inner_text().strip().lower() == stance
    seed_companies = {e.company_id for e in seed_events}
    assert page.locator("#companies tbody tr").count() == len(seed_companies)
    wait_live(page)

    # A new article: its company appears without a reload.
    page.evaluate("window.__sameDocument = true")
    tag = uuid.uuid4().hex[:8]
    article = Article(id=f"live-{tag}", title="Siemens backs cyber resilience rules",
                      body="Siemens AG said it supported the EU Cyber Resilience Act and had been "
                           "preparing its products for months.")
    [event, *_] = analyse_article(article, RESOURCES).events
    assert event.company_id not in seed_companies
    pipe.send([article])
    row(page, event.company_id).wait_for(timeout=WAIT_MS)
    assert page.evaluate("window.__sameDocument") is True, "the page reloaded"
    assert row(page, event.company_id).locator(".c-stance").inner_text().strip().lower() == event.stance
    item = page.locator(f'#feed .feed-item[data-event-id="{event.event_id}"]')
    item.wait_for(timeout=WAIT_MS)
    assert event.speaker is None or event.speaker in item.inner_text()
    for cue in event.cues:
        assert cue in [m.inner_text() for m in item.locator("mark").all()] or cue.lower() in \
            [m.inner_text().lower() for m in item.locator("mark").all()]

    # Filters and sorting.
    page.fill("#filter-name", "cisc")
    expect(page.locator("#companies tbody tr")).to_have_count(1, timeout=WAIT_MS)
    assert row(page, "cisco").is_visible()
    page.fill("#filter-name", "")
    page.click('#companies th[data-sort="name"]')
    names = page.locator("#companies tbody tr .c-name a").all_inner_texts()
    assert names == sorted(names, key=str.lower)

    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "dashboard-live.png"), full_page=True)

    # The company view: statements grouped by article, with their evidence.
    row(page, "tesla").locator(".c-name a").click()
    drawer = page.locator("#drawer")
    drawer.locator(f'.article[data-article-id="{seed_article().id}"]').wait_for(timeout=WAIT_MS)
    assert page.locator("#drawer-title").inner_text() == next(e.company_name for e in seed_events
                                                               if e.company_id == "tesla")
    assert drawer.locator(".statement").count() == sum(e.company_id == "tesla" for e in seed_events)
    page.screenshot(path=str(OUTPUT / "dashboard-company.png"))
    page.keyboard.press("Escape")
    assert not drawer.is_visible()
    assert page.errors == []


def test_article_text_is_shown_as_text_and_runs_no_script(dashboard, page):
    pipe, base = dashboard
    payload_img = '<img src=x onerror="window.__xss=1">'
    payload_script = "<script>window.__xss=2</script>"
    tag = uuid.uuid4().hex[:8]
    article = Article(
        id=f"xss-{tag}", title=f"{payload_script} rules",
        body=f"Tesla Inc. said it welcomed the new data rules {payload_img} {payload_script} and "
             f"would comply with them.")
    events = analyse_article(article, RESOURCES).events
    hostile = [e for e in events if payload_img in e.text]
    assert hostile, "the core no longer keeps the markup in the statement text"

    page.goto(base + "/")
    wait_live(page)
    pipe.send([article])
    item = page.locator(f'#feed .feed-item[data-event-id="{hostile[0].event_id}"]')
    item.wait_for(timeout=WAIT_MS)
    assert payload_img in item.locator(".quote").inner_text()
    assert page.locator("#feed img, #feed script, #companies img").count() == 0

    # The article view lists its statements, again as text.
    item.locator("a.article-link").click()
    drawer = page.locator("#drawer")
    drawer.locator(f'[data-event-id="{hostile[0].event_id}"]').wait_for(timeout=WAIT_MS)
    assert payload_img in drawer.inner_text() and payload_script in drawer.inner_text()
    assert drawer.locator("img, script").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined", "a script from the article ran"
    assert page.errors == []
