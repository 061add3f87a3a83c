"""``policy-stance score`` and ``evaluate`` on bad input: they report, skip and go on; they
never end in a traceback."""
from __future__ import annotations

import json

import pytest

from schemas import StanceEvent

GOOD_1 = "Siemens AG said it supported the new grid rules and welcomed the law."
GOOD_2 = "Shell Plc criticised the proposed levy and said it would appeal."
GERMAN = ("Die Siemens AG begrüßte die neuen Regeln der Europäischen Kommission und sagte, "
          "sie unterstütze das Gesetz voll und ganz.")
TWO_MIB = 2 * 1024 * 1024


def line(**record) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def events_of(result) -> list[StanceEvent]:
    return [StanceEvent.model_validate_json(ln) for ln in result.stdout.decode().splitlines() if ln.strip()]


def assert_no_traceback(result) -> None:
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")[-3000:]


# line number -> (what it is, what stderr must say about it)
MIXED = {
    1: (line(id="good-1", body=GOOD_1), None),
    2: (b'{"id": "broken", "body": ', ":2: not_json"),
    3: (b'[{"id": "in-an-array", "body": "Shell Plc welcomed the ban."}]', ":3: invalid_article"),
    4: (line(id="no-body"), ":4: invalid_article: body"),
    5: (line(body="Shell Plc welcomed the ban."), ":5: invalid_article: id"),
    6: (line(id="huge", body="Shell Plc welcomed the ban. " * (TWO_MIB // 27 + 1)), ":6: body_too_large"),
    7: (b'{"id": "bad-bytes", "body": "Shell Plc \xff\xfe welcomed the ban."}', ":7: not_utf8"),
    8: (line(id="empty", body=""), "article 'empty' not scored: empty body"),
    9: (line(id="german", body=GERMAN), "article 'german' not scored: language"),
    10: (b"   ", None),  # a blank line is no input at all
    11: (line(id="good-2", body=GOOD_2, unknown_field={"nested": [1, 2]}), None),
}
BAD_LINES = 6  # lines 2 to 7


@pytest.fixture(scope="module")
def mixed_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "mixed.jsonl"
    path.write_bytes(b"\n".join(content for content, _ in MIXED.values()) + b"\n")
    return path


@pytest.fixture(scope="module")
def mixed_run(cli, mixed_file):
    return cli("score", mixed_file)


def test_bad_lines_are_reported_with_their_line_number(mixed_run, mixed_file):
    assert mixed_run.returncode == 0
    assert_no_traceback(mixed_run)
    stderr = mixed_run.stderr.decode()
    for number, (_, message) in MIXED.items():
        if message is None:
            continue
        if message.startswith(":"):
            assert f"{mixed_file}{message}" in stderr, (number, stderr)
        else:
            assert message in stderr, (number, stderr)
    assert f"{BAD_LINES} bad inputs skipped" in stderr
    assert ":10:" not in stderr and ":1:" not in stderr and ":11:" not in stderr


def test_valid_lines_around_bad_ones_still_produce_events(mixed_run):
    events = events_of(mixed_run)
    assert {e.article_id for e in events} == {"good-1", "good-2"}
    assert {(e.article_id, e.company_id, e.stance) for e in events} == {
        ("good-1", "siemens", "support"), ("good-2", "shell", "oppose")}


def test_strict_exits_1_when_any_line_was_bad(cli, mixed_file, mixed_run):
    strict = cli("score", "--strict", mixed_file)
    assert strict.returncode == 1
    assert_no_traceback(strict)
    assert strict.stdout == mixed_run.stdout  # still scores everything it can


def test_strict_exits_0_on_clean_input(cli, tmp_path):
    path = tmp_path / "clean.jsonl"
    path.write_bytes(line(id="good-1", body=GOOD_1) + b"\n")
    result = cli("score", "--strict", path)
    assert result.returncode == 0 and len(events_of(result)) == 1


def test_empty_file(cli, tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    result = cli("score", path)
    assert (result.returncode, result.stdout) == (0, b"")
    assert_no_traceback(result)
    assert "0 articles" in result.stderr.decode()


def test_directory_argument_reads_its_article_files(cli, tmp_path):
    (tmp_path / "a.jsonl").write_bytes(line(id="from-jsonl", body=GOOD_1) + b"\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "from-text.txt").write_text("Levy row\n\n" + GOOD_2, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Shell Plc \xff welcomed the ban.")
    result = cli("score", tmp_path)
    assert result.returncode == 0
    assert_no_traceback(result)
    assert {e.article_id for e in events_of(result)} == {"from-jsonl", "from-text"}
    assert "bad.txt: not_utf8" in result.stderr.decode()


def test_nonexistent_file(cli, tmp_path):
    missing = tmp_path / "missing.jsonl"
    result = cli("score", missing)
    assert (result.returncode, result.stdout) == (0, b"")
    assert_no_traceback(result)
    assert f"{missing}: unreadable" in result.stderr.decode()
    assert cli("score", "--strict", missing).returncode == 1


def test_stdin_lines_are_numbered(cli):
    result = cli("score", "-", input=b"not json\n" + line(id="good-1", body=GOOD_1) + b"\n")
    assert result.returncode == 0
    assert "<stdin>:1: not_json" in result.stderr.decode()
    assert {e.article_id for e in events_of(result)} == {"good-1"}


def test_max_body_bytes_from_the_environment(cli, tmp_path):
    path = tmp_path / "sizes.jsonl"
    path.write_bytes(line(id="small", body=GOOD_1) + b"\n" + line(id="large", body=GOOD_2 + " " + GOOD_2) + b"\n")
    limit = len(GOOD_1.encode()) + 10
    result = cli("score", path, env={"STANCE_MAX_BODY_BYTES": str(limit)})
    assert result.returncode == 0
    stderr = result.stderr.decode()
    assert f"{path}:2: body_too_large" in stderr and f"over the limit of {limit} bytes" in stderr
    assert {e.article_id for e in events_of(result)} == {"small"}
    # and without it the default limit (1 MiB) lets both through
    assert {e.article_id for e in events_of(cli("score", path))} == {"small", "large"}


def test_invalid_setting_is_a_clear_error(cli, tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_bytes(line(id="good-1", body=GOOD_1) + b"\n")
    result = cli("score", path, env={"STANCE_MAX_BODY_BYTES": "lots"})
    assert result.returncode == 2
    assert_no_traceback(result)
    assert "invalid settings" in result.stderr.decode()


def test_lone_surrogate_escape_is_reported_not_fatal(cli, tmp_path):
    path = tmp_path / "surrogate.jsonl"
    path.write_bytes(b'{"id": "surrogate", "body": "Shell Plc welcomed the ban on coal \\ud800 plants."}\n'
                     + line(id="good-2", body=GOOD_2) + b"\n")
    result = cli("score", path)
    assert_no_traceback(result)
    assert result.returncode == 0
    assert {e.article_id for e in events_of(result)} == {"good-2"}
    assert f"{path}:1:" in result.stderr.decode()


def test_byte_order_mark_does_not_lose_the_first_article(cli, tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + line(id="good-1", body=GOOD_1) + b"\n" + line(id="good-2", body=GOOD_2) + b"\n")
    result = cli("score", path)
    assert {e.article_id for e in events_of(result)} == {"good-1", "good-2"}


# --- evaluate and --help -------------------------------------------------------------------

def test_evaluate_nonexistent_file(cli, tmp_path):
    result = cli("evaluate", tmp_path / "missing.jsonl")
    assert result.returncode == 2
    assert_no_traceback(result)
    assert f"cannot read {tmp_path / 'missing.jsonl'}" in result.stderr.decode()


def test_evaluate_file_without_gold_articles(cli, tmp_path):
    path = tmp_path / "junk.jsonl"
    path.write_bytes(b"not json\n[1, 2]\n\xff\xfe\n")
    result = cli("evaluate", path)
    assert result.returncode == 2
    assert_no_traceback(result)
    stderr = result.stderr.decode()
    assert f"{path}:1: skipped" in stderr and f"{path}:2: skipped" in stderr and f"{path}:3: skipped" in stderr
    assert "no gold articles" in stderr


@pytest.mark.parametrize("command, words", [
    ("score", ["--strict", "--statements"]),
    ("evaluate", ["--min-f1", "GOLD.jsonl"]),
])
def test_help(cli, command, words):
    result = cli(command, "--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert out.startswith(f"usage: policy-stance {command}")
    assert all(w in out for w in words)
