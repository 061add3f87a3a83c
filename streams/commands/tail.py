"""``policy-stance tail``: follow a topic and print its records readably (or as JSON lines)."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from streams import topics
from streams.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "tail", help="follow a topic",
        description="Follow a topic (name without the prefix) and print each record, until Ctrl-C.")
    parser.add_argument("topic", nargs="?", default=topics.STANCE_EVENTS,
                        help=f"{', '.join(topics.ALL)} or stance-events.<company> (default: %(default)s)")
    parser.add_argument("--company", metavar="ID", help="only records of this company id")
    parser.add_argument("--json", action="store_true", help="print each value as one JSON line")
    parser.add_argument("--from-beginning", action="store_true", help="start with the oldest record")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from streams import clients

    settings = Settings.from_env()
    name = settings.topic(args.topic)
    consumer = clients.consumer(settings, name, from_beginning=args.from_beginning)
    print(f"following {name} at {settings.bootstrap} (Ctrl-C stops)", file=sys.stderr)
    try:
        for record in consumer:
            key = record.key.decode("utf-8", "replace") if record.key is not None else None
            try:
                value = json.loads(record.value) if record.value is not None else None
            except ValueError:
                value = None
            if args.company and not _about(args.company, key, value):
                continue
            if args.json:
                line = json.dumps(value, ensure_ascii=False) if value is not None else \
                    json.dumps({"undecodable": (record.value or b"").decode("utf-8", "replace")})
            else:
                line = render(args.topic, key, value, record.timestamp)
            print(line, flush=True)
    finally:
        consumer.close()
    return 0


def _about(company: str, key: str | None, value: Any) -> bool:
    if key == company:
        return True
    return isinstance(value, dict) and company in (value.get("company_id"), *(
        m.get("company_id") for m in value.get("companies") or () if isinstance(m, dict)))


def render(topic: str, key: str | None, value: Any, timestamp_ms: int | None = None) -> str:
    """One human-readable line for a record of ``topic`` (a logical name)."""
    when = datetime.fromtimestamp(timestamp_ms / 1000).strftime("%H:%M:%S") if timestamp_ms else "--:--:--"
    if not isinstance(value, dict):
        return f"{when}  {key}: (not JSON)"
    if topic == topics.COMPANY_STANCE:
        strongest = value.get("strongest_statement") or {}
        return (f"{when}  {value.get('company_name')} [{value.get('company_id')}]  "
                f"{value.get('events')} events: support {value.get('support')}  oppose {value.get('oppose')}  "
                f"neutral {value.get('neutral')}  mean {value.get('mean_score', 0):+.2f}"
                + (f"  strongest: {_quote(strongest.get('text'))}" if strongest else ""))
    if topic == topics.DEAD_LETTERS:
        return (f"{when}  DEAD LETTER {value.get('topic')}[{value.get('partition')}]@{value.get('offset')} "
                f"key={value.get('key')}  {value.get('reason')}: {value.get('error')}")
    if topic == topics.STATEMENTS:
        companies = ", ".join(f"{m.get('company_id')}({m.get('role')})" for m in value.get("companies") or ())
        return f"{when}  {value.get('article_id')} #{value.get('index')}: {_quote(value.get('text'))}" + (
            f"  [{companies}]" if companies else "")
    if topic == topics.ARTICLES:
        return f"{when}  {value.get('id')}: {value.get('title') or '(no title)'} ({len(value.get('body') or '')} chars)"
    if value.get("kind") == "retraction":
        return (f"{when}  {value.get('company_id'):<14} RETRACTED  article {value.get('article_id')} "
                f"version {value.get('retracted_hash')} (now {value.get('content_hash')})")
    if "event_id" in value:
        speaker = f" {value.get('speaker')}" if value.get("speaker") else ""
        regulation = f" on {value['regulation']}" if value.get("regulation") else ""
        return (f"{when}  {value.get('company_id'):<14} {str(value.get('stance')).upper():<8} "
                f"{value.get('stance_score', 0):+.2f}  {value.get('role')}{speaker}{regulation}: "
                f"{_quote(value.get('text'))}  ({value.get('article_id')})")
    return f"{when}  {key}: {json.dumps(value, ensure_ascii=False)[:200]}"


def _quote(text: str | None, width: int = 120) -> str:
    text = " ".join((text or "").split())
    return f"\"{text if len(text) <= width else text[:width - 1] + '…'}\""
