"""``policy-stance demo``: the whole pipeline on this machine, start to finish.

Starts the embedded broker (unless ``KAFKA_BOOTSTRAP_SERVERS`` names a cluster) and one
worker, replays ``seeds/``, waits until the pipeline has caught up, prints a per-company
table from ``company-stance`` and stops everything (or keeps it running with
``--keep-running``).

How it knows the pipeline has caught up: the core is deterministic, so the demo runs it on
the seed articles itself and knows every ``event_id`` the worker will publish. It waits until
each of them has been read from ``stance-events`` and each company's ``company-stance``
record counts at least as many events as the seeds give it. No fixed sleeps, and no
completion markers in the topics.
"""
from __future__ import annotations

import argparse
import json
import signal
import socket
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from schemas import Article, CompanyStance
from streams import topics
from streams.commands.replay import DEFAULT_PATHS, Progress, load_articles, send_articles
from streams.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo", help="broker, worker and replay of seeds/, then a per-company table",
        description="Run the pipeline locally on the seed articles and print each company's stance.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="articles to replay (default: seeds/)")
    parser.add_argument("--keep-running", action="store_true",
                        help="leave the broker and the worker running (with the dashboard) until Ctrl-C")
    parser.add_argument("--web-port", type=int, metavar="N", help="the worker's web port (default: STANCE_WEB_PORT or 6066)")
    parser.add_argument("--timeout", type=float, default=90.0, metavar="SECONDS",
                        help="give up when the results are not all there after this long (default: %(default)s)")
    parser.set_defaults(run=run)


def expected_events(articles: list[Article]) -> tuple[set[str], Counter]:
    """Every event id the core gives ``articles`` (latest version of each id), and the
    number of events per company."""
    from streams.core import analyse_article, load_resources

    resources = load_resources()
    latest = {article.id: article for article in articles}
    event_ids: set[str] = set()
    per_company: Counter = Counter()
    for article in latest.values():
        for event in analyse_article(article, resources).events:
            if event.event_id not in event_ids:
                event_ids.add(event.event_id)
                per_company[event.company_id] += 1
    return event_ids, per_company


def run(args: argparse.Namespace) -> int:
    from streams import clients, local

    settings = Settings.from_env()
    articles, files = load_articles(args.paths or DEFAULT_PATHS, max_body_bytes=settings.max_body_bytes)
    if not articles:
        print("demo: no articles to replay", file=sys.stderr)
        return 1
    web_port = args.web_port or _port_or_free(settings.web_host, settings.web_port)
    log_dir = Path(tempfile.mkdtemp(prefix="policy-stance-demo-"))
    started = time.monotonic()

    with local.broker_for(settings) as live:
        where = "embedded broker" if settings.embedded else "cluster"
        print(f"{where} at {live.bootstrap}", file=sys.stderr)
        topics.ensure_topics(live)
        worker = local.WorkerProcess(live, log_path=log_dir / "worker.log", web_port=web_port).start()
        try:
            # The worker starts (about 5 s) while we work out what it will publish and send it.
            event_ids, per_company = expected_events(articles)
            producer = clients.producer(live)
            progress = Progress(len(articles))
            send_articles(producer, live.topic(topics.ARTICLES), articles, progress=progress)
            producer.flush()
            producer.close()
            progress.close(len(articles))
            print(f"replayed {len(articles)} articles from {len(files)} files; waiting for "
                  f"{len(event_ids)} stance events of {len(per_company)} companies", file=sys.stderr)
            results = wait_for_results(live, event_ids, per_company, worker, timeout=args.timeout)
            print(render_table(results.values()))
            print(f"\n{len(articles)} articles, {len(event_ids)} stance events, {len(results)} companies "
                  f"in {time.monotonic() - started:.1f} s (worker log: {worker.log_path})", file=sys.stderr)
            if args.keep_running:
                print(f"\ndashboard: http://{_display_host(settings.web_host)}:{web_port}/\n"
                      f"broker:    {live.bootstrap}   (e.g. KAFKA_BOOTSTRAP_SERVERS={live.bootstrap} "
                      f"policy-stance tail)\nCtrl-C stops everything.", flush=True)
                _wait_for_interrupt(worker)
            return 0
        except (TimeoutError, local.WorkerError) as exc:
            print(f"demo: {exc}\n--- worker log ({worker.log_path}) ---\n{worker.log_tail()}", file=sys.stderr)
            return 1
        finally:
            worker.stop()


def wait_for_results(settings: Settings, event_ids: set[str], per_company: Counter, worker, *,
                     timeout: float) -> dict[str, CompanyStance]:
    """Read ``stance-events`` and ``company-stance`` until everything expected is there; the
    latest aggregate of each expected company."""
    from streams import clients, local

    consumer = clients.consumer(settings, settings.topic(topics.STANCE_EVENTS), settings.topic(topics.COMPANY_STANCE))
    aggregates_topic = settings.topic(topics.COMPANY_STANCE)
    missing = set(event_ids)
    latest: dict[str, CompanyStance] = {}
    deadline = time.monotonic() + timeout
    try:
        while True:
            behind = {c for c, n in per_company.items() if c not in latest or latest[c].events < n}
            if not missing and not behind:
                return {c: latest[c] for c in per_company}
            if time.monotonic() > deadline:
                raise TimeoutError(f"after {timeout:.0f} s, {len(missing)} of {len(event_ids)} stance events "
                                   f"and the aggregates of {len(behind)} companies are still missing")
            if not worker.alive():
                raise local.WorkerError("the worker has exited")
            for records in consumer.poll(timeout_ms=200).values():
                for record in records:
                    value = json.loads(record.value)
                    if record.topic == aggregates_topic:
                        stance = CompanyStance.model_validate(value)
                        latest[stance.company_id] = stance
                    else:
                        missing.discard(value.get("event_id"))
    finally:
        consumer.close()


def render_table(results) -> str:
    """The per-company table: most events first."""
    rows = sorted(results, key=lambda s: (-s.events, s.company_name.lower()))
    header = f"{'company':<28} {'support':>7} {'oppose':>7} {'neutral':>7} {'mean':>6}  strongest statement"
    lines = [header, "-" * len(header)]
    for s in rows:
        strongest = s.strongest_statement
        quote = ""
        if strongest is not None:
            text = " ".join(strongest.text.split())
            quote = f"{strongest.stance} {strongest.stance_score:+.2f} \"{text[:77] + '…' if len(text) > 78 else text}\""
        lines.append(f"{s.company_name[:28]:<28} {s.support:>7} {s.oppose:>7} {s.neutral:>7} {s.mean_score:>+6.2f}  {quote}")
    return "\n".join(lines)


def _port_or_free(host: str, port: int) -> int:
    """``port`` if nothing listens there, else a free one."""
    from streams.broker import free_port

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
            return port
        except OSError:
            pass
    other = free_port(host)
    print(f"port {port} is taken; the worker's web server uses {other}", file=sys.stderr)
    return other


def _display_host(host: str) -> str:
    return "127.0.0.1" if host in ("0.0.0.0", "") else host


def _wait_for_interrupt(worker) -> None:
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        while worker.alive():
            time.sleep(0.5)
        print("the worker has exited", file=sys.stderr)
    except KeyboardInterrupt:
        print("\nstopping", file=sys.stderr)
