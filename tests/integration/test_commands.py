"""The command-line tools against a real broker: demo, replay and tail."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest

from streams.broker import free_port

from .conftest import REPO, read_topic

pytestmark = pytest.mark.integration


def cli_env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STANCE_", "KAFKA_"))}
    env.update(settings, PYTHONUNBUFFERED="1")
    return env


def policy_stance(*args: str) -> list[str]:
    return [sys.executable, "-m", "streams.cli", *args]


def test_demo_runs_the_pipeline_on_the_seeds_and_prints_the_table():
    # The timeout only guards against a hang: how fast the demo runs is the benchmark's business
    # (it grows with the seed corpus and the machine's load; 80 s on the 1,709 seed articles in
    # the last fresh-clone run).
    run = subprocess.run(policy_stance("demo"), cwd=REPO, capture_output=True, text=True, timeout=300,
                         env=cli_env(STANCE_WEB_PORT=str(free_port())))
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.splitlines()
    assert lines[0].split()[:5] == ["company", "support", "oppose", "neutral", "mean"]
    assert any(line.startswith("Alibaba ") for line in lines[2:]), run.stdout[:2000]
    assert "stance events" in run.stderr


def test_replay_sends_valid_articles_keyed_by_id_and_reports_bad_lines(broker_settings, tmp_path):
    good = {"id": "replay-1", "title": "T", "body": "Acme Corp said it supports the rule.", "gold": {"x": 1}}
    (tmp_path / "articles.jsonl").write_text(
        json.dumps(good) + "\n\n" + "{broken\n" + json.dumps({"id": "no-body"}) + "\n")
    (tmp_path / "note.txt").write_text("A headline\n\nSome text about nothing.\n")
    env = cli_env(KAFKA_BOOTSTRAP_SERVERS=broker_settings.bootstrap, STANCE_TOPIC_PREFIX="replay.")
    run = subprocess.run(policy_stance("replay", str(tmp_path), "--rate", "50"), cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "articles.jsonl:3: not_json:" in run.stderr
    assert "articles.jsonl:4: invalid_article:" in run.stderr
    assert "sent 2 articles from 2 files" in run.stderr
    records = read_topic(broker_settings, "replay.articles")
    by_key = {r.key.decode(): r.value for r in records}
    assert set(by_key) == {"replay-1", "note"}
    assert by_key["replay-1"]["body"] == good["body"] and "gold" not in by_key["replay-1"]
    assert by_key["note"]["title"] == "A headline"

    # tail prints the same records, from the beginning, as JSON lines or readably.
    for flags, expect in ((["--json"], '"id": "replay-1"'), ([], "replay-1: T (")):
        tail = subprocess.Popen(policy_stance("tail", "articles", "--from-beginning", *flags), cwd=REPO,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        watchdog = threading.Timer(30, tail.kill)  # readline must not hang the suite
        watchdog.start()
        try:
            lines = [tail.stdout.readline() for _ in range(2)]
        finally:
            watchdog.cancel()
            tail.terminate()
            tail.wait(10)
        assert any(expect in line for line in lines), lines
