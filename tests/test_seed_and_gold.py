"""End to end through the console script: the seed article against the team's expectations,
F1 floors on the dev set and the gold-labelled corpus, and agreement between our
``streams.evaluation`` and the team's shared ``stance_eval.py``.

The shared files live beside the checkout (``../shared``), in CI too.
"""
from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from streams.evaluation import evaluate

SEED_ID = "000_5d94109387f108c0"
# Corpus macro-F1 was 0.960 when this floor was set (53 articles, 198 labels); the floor sits a
# few points under it so that lexicon work cannot quietly lose ground. Raise it as the core improves.
CORPUS_MIN_F1 = 0.93
DEV_MIN_F1 = 0.9
_FIGURE = re.compile(r"([A-Za-z0-9_]+(?:\([^)]*\))?)=(\S+)")


def run_python(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)


def figures(stdout: str, key: str = "macroF1") -> dict[str, str]:
    """The key=value figures of the summary line (the last line that has ``key=``)."""
    [line] = [ln for ln in stdout.splitlines() if f"{key}=" in ln][-1:]
    return dict(_FIGURE.findall(line))


def score_to_file(cli, source: Path, out: Path) -> list[dict]:
    result = cli("score", source)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    out.write_bytes(result.stdout)
    return [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seed_events(cli, seed_text_path, repo_root, tmp_path_factory) -> dict[str, tuple[Path, list[dict]]]:
    out = tmp_path_factory.mktemp("seed")
    return {
        "txt": (out / "txt.jsonl", score_to_file(cli, seed_text_path, out / "txt.jsonl")),
        "jsonl": (out / "jsonl.jsonl", score_to_file(cli, repo_root / "seeds" / f"{SEED_ID}.jsonl", out / "jsonl.jsonl")),
    }


@pytest.mark.parametrize("kind", ["txt", "jsonl"])
def test_seed_meets_the_shared_expectations(seed_events, shared_dir, kind):
    path, events = seed_events[kind]
    assert events, "the seed article yields events"
    check = run_python(shared_dir / "eval" / "seed_check.py", shared_dir / "eval" / "seed_expectations.json", path,
                       cwd=shared_dir)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "forbidden=0 boilerplate=0" in check.stdout


def test_seed_text_and_record_give_the_same_events(seed_events):
    (_, from_text), (_, from_record) = seed_events["txt"], seed_events["jsonl"]
    assert [e["event_id"] for e in from_text] == [e["event_id"] for e in from_record]
    assert {e["article_id"] for e in from_text} == {SEED_ID}
    assert {e["published_at"] for e in from_record} == {"2021-09-26T12:00:00Z"}


def test_dev_set_floor(cli, shared_dir):
    result = cli("evaluate", shared_dir / "eval" / "dev_articles.jsonl", "--min-f1", DEV_MIN_F1)
    stdout = result.stdout.decode()
    assert result.returncode == 0, stdout + result.stderr.decode()
    assert float(figures(stdout)["macroF1"]) >= DEV_MIN_F1
    assert figures(stdout)["absent_hits"] == "0"


@pytest.fixture(scope="module")
def corpus(cli, repo_root, tmp_path_factory):
    """Events of the gold corpus written by ``score``, and the gold records."""
    gold_path = repo_root / "seeds" / "articles.jsonl"
    events_path = tmp_path_factory.mktemp("corpus") / "events.jsonl"
    events = score_to_file(cli, gold_path, events_path)
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return gold_path, gold, events_path, events


def assert_floor(cli, capsys, gold_path, floor: float, label: str) -> None:
    """``evaluate`` on a gold file exits 0 (no absent hits) and reaches ``floor``."""
    result = cli("evaluate", gold_path, "--min-f1", floor)
    stdout = result.stdout.decode()
    macro = float(figures(stdout)["macroF1"])
    with capsys.disabled():
        print(f"\n{label} macro-F1 {macro:.3f} (floor {floor})")
    assert result.returncode == 0, stdout + result.stderr.decode()
    assert macro >= floor


def test_corpus_floor(cli, corpus, capsys):
    assert_floor(cli, capsys, corpus[0], CORPUS_MIN_F1, "corpus")


def test_floor_is_enforced_by_the_exit_code(cli, shared_dir):
    result = cli("evaluate", shared_dir / "eval" / "dev_articles.jsonl", "--min-f1", "1.01", "--quiet")
    assert result.returncode == 1


def _stance_eval(shared_dir: Path, gold: Path, events: Path) -> subprocess.CompletedProcess:
    return run_python(shared_dir / "eval" / "stance_eval.py", gold, events, cwd=shared_dir)


def _their_misses(stdout: str) -> set[tuple[str, str, str, str]]:
    out = set()
    for line in stdout.splitlines():
        if line.startswith("miss "):
            parts = line.split(" ")
            out.add((parts[1], " ".join(parts[2:-2]), parts[-2], parts[-1]))
    return out


def _their_list(stdout: str, prefix: str) -> list:
    [line] = [ln for ln in stdout.splitlines() if ln.startswith(prefix)]
    return ast.literal_eval(line[len(prefix):].strip())


def assert_same_scores(theirs: subprocess.CompletedProcess, ours, gold_records) -> None:
    assert "Traceback" not in theirs.stderr, theirs.stderr
    got = figures(theirs.stdout)
    expected = {
        "macroF1": f"{ours.macro_f1:.3f}", "acc": f"{ours.accuracy:.3f}", "entity_recall": f"{ours.entity_recall:.3f}",
        "F1(support/oppose/neutral)": "/".join(f"{ours.f1[x]:.2f}" for x in ("support", "oppose", "neutral")),
        "spurious": str(len(ours.spurious)), "absent_hits": str(len(ours.absent_hits)),
    }
    assert got == expected
    assert _their_misses(theirs.stdout) == set(ours.misses)
    assert sorted(_their_list(theirs.stdout, "spurious companies:")) == sorted(ours.spurious)
    assert sorted(_their_list(theirs.stdout, "absent names that got events:")) == sorted(ours.absent_hits)


def test_our_evaluation_agrees_with_stance_eval_on_the_corpus(cli, corpus, shared_dir):
    gold_path, gold, events_path, events = corpus
    theirs = _stance_eval(shared_dir, gold_path, events_path)
    ours = evaluate(gold, events)
    assert_same_scores(theirs, ours, gold)
    # and `policy-stance evaluate`, which runs the core itself, prints the same figures
    printed = figures(cli("evaluate", gold_path, "--quiet").stdout.decode())
    assert {k: printed[k] for k in figures(theirs.stdout)} == figures(theirs.stdout)


def test_our_evaluation_agrees_with_stance_eval_on_edge_cases(shared_dir, tmp_path):
    """Hand-made events for the corners of the rules: ties, aliases, legal words, optional and
    absent names, non-speaker and non-company events, missing companies."""
    gold = [
        {"id": "g1", "gold": {"Acme": "support", "Globex Corp": "oppose", "Initech|Initrode": "neutral"},
         "absent": ["Umbrella"], "optional": ["Hooli"]},
        {"id": "g2", "gold": {"Acme": "oppose", "Soylent": "support", "Vandelay": "neutral"}, "absent": [],
         "optional": []},
        {"id": "g3", "gold": {"Stark Industries": "support"}, "absent": ["Wayne"], "optional": []},
    ]

    def ev(article, name, role, stance, score, cid=None, aliases=(), entity_type="company"):
        return {"article_id": article, "company_id": cid or name.lower().replace(" ", "-"), "company_name": name,
                "company_aliases": list(aliases), "role": role, "stance": stance, "stance_score": score,
                "entity_type": entity_type}

    events = [
        ev("g1", "Acme Inc", "speaker", "support", 0.6),
        ev("g1", "Acme Inc", "speaker", "oppose", -0.2),            # summed: support
        ev("g1", "Globex", "speaker", "oppose", -0.5, cid="globex"),  # gold key has a legal word
        ev("g1", "Initrode Global", "subject", "neutral", 0.0),        # second alternative of the key
        ev("g1", "Hooli", "speaker", "support", 0.9),                  # optional: not spurious
        ev("g1", "Umbrella Corp", "mention", "neutral", 0.0),          # absent name with an event
        ev("g1", "Cyberdyne", "speaker", "oppose", -0.4),              # spurious
        ev("g2", "Acme", "speaker", "support", 0.5),
        ev("g2", "Acme", "speaker", "oppose", -0.5),                   # a tie: the majority label decides
        ev("g2", "Acme", "speaker", "oppose", 0.0),
        ev("g2", "Soylent Green", "subject", "support", 0.7),          # not a speaker: neutral
        ev("g2", "Vandelay Industries", "speaker", "support", 0.3, entity_type="regulator"),  # ignored
        ev("g3", "Tony's Firm", "speaker", "support", 0.8, cid="stark", aliases=["Stark Industries"]),
        ev("g3", "Wayne Enterprises", "speaker", "support", 0.1, entity_type="publisher"),  # not a company
    ]
    gold_path, events_path = tmp_path / "gold.jsonl", tmp_path / "events.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    events_path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    ours = evaluate(gold, events)
    # Our own reading of the rules, so that agreement is not agreement on nonsense.
    assert sorted(ours.misses) == [("g2", "Soylent", "support", "neutral"), ("g2", "Vandelay", "neutral", "missing")]
    assert ours.absent_hits == [("g1", "Umbrella")]
    assert ours.spurious == [("g1", "Cyberdyne"), ("g1", "Umbrella Corp")]
    assert ours.f1 == pytest.approx({"support": 0.8, "oppose": 1.0, "neutral": 0.5})
    assert (ours.accuracy, ours.entity_recall) == pytest.approx((5 / 7, 6 / 7))
    theirs = _stance_eval(shared_dir, gold_path, events_path)
    assert_same_scores(theirs, ours, gold)


# The blind sets were written without sight of the code and scored on arrival before any fix
# (README, Quality). The floors keep the general mechanisms each set prompted, a few points
# below where each set stands; sets 19, 25, 29, 34, 41, 49, 53 and 54 were held out, each scored
# once on its round's final code.
BLIND_MIN_F1 = 0.88
BLIND_FLOORS = {
    "articles_blind.jsonl": BLIND_MIN_F1, "articles_blind2.jsonl": BLIND_MIN_F1,
    "articles_blind3.jsonl": BLIND_MIN_F1, "articles_blind4.jsonl": BLIND_MIN_F1,
    "articles_blind5.jsonl": BLIND_MIN_F1, "articles_blind6.jsonl": BLIND_MIN_F1,
    "articles_blind7.jsonl": BLIND_MIN_F1, "articles_blind8.jsonl": BLIND_MIN_F1,
    "articles_blind9.jsonl": BLIND_MIN_F1, "articles_blind10.jsonl": BLIND_MIN_F1,
    "articles_blind11.jsonl": BLIND_MIN_F1, "articles_blind12.jsonl": 0.87, "articles_blind13.jsonl": BLIND_MIN_F1,
    "articles_blind14.jsonl": BLIND_MIN_F1, "articles_blind15.jsonl": 0.87, "articles_blind16.jsonl": BLIND_MIN_F1,
    "articles_blind17.jsonl": BLIND_MIN_F1, "articles_blind18.jsonl": 0.87, "articles_blind19.jsonl": 0.87,
    "articles_blind20.jsonl": 0.86, "articles_blind21.jsonl": 0.87, "articles_blind22.jsonl": BLIND_MIN_F1,
    "articles_blind23.jsonl": 0.85, "articles_blind24.jsonl": 0.85, "articles_blind25.jsonl": 0.82,
    "articles_blind26.jsonl": BLIND_MIN_F1, "articles_blind27.jsonl": BLIND_MIN_F1,
    "articles_blind28.jsonl": BLIND_MIN_F1, "articles_blind29.jsonl": 0.83, "articles_blind30.jsonl": 0.86,
    "articles_blind31.jsonl": BLIND_MIN_F1, "articles_blind32.jsonl": BLIND_MIN_F1,
    "articles_blind33.jsonl": BLIND_MIN_F1, "articles_blind34.jsonl": BLIND_MIN_F1, "articles_blind35.jsonl": 0.83,
    "articles_blind36.jsonl": 0.87, "articles_blind37.jsonl": 0.83, "articles_blind38.jsonl": 0.86,
    "articles_blind39.jsonl": 0.84, "articles_blind40.jsonl": 0.84, "articles_blind41.jsonl": 0.83,
    "articles_blind42.jsonl": 0.85, "articles_blind43.jsonl": BLIND_MIN_F1, "articles_blind44.jsonl": 0.87,
    "articles_blind45.jsonl": 0.85, "articles_blind46.jsonl": 0.83, "articles_blind47.jsonl": 0.84,
    "articles_blind48.jsonl": 0.85, "articles_blind49.jsonl": 0.82, "articles_blind50.jsonl": BLIND_MIN_F1,
    "articles_blind51.jsonl": 0.85, "articles_blind52.jsonl": 0.85, "articles_blind53.jsonl": 0.80,
    "articles_blind54.jsonl": 0.77, "articles_blind55.jsonl": 0.85, "articles_blind56.jsonl": 0.84,
    "articles_blind57.jsonl": 0.82, "articles_blind58.jsonl": BLIND_MIN_F1, "articles_blind59.jsonl": BLIND_MIN_F1,
    "articles_blind60.jsonl": 0.71, "articles_blind61.jsonl": BLIND_MIN_F1, "articles_blind62.jsonl": BLIND_MIN_F1,
    "articles_blind63.jsonl": 0.81, "articles_blind64.jsonl": 0.82, "articles_blind65.jsonl": 0.86,
    "articles_blind66.jsonl": 0.77,
}


@pytest.mark.parametrize("name, floor", BLIND_FLOORS.items())
def test_blind_set_floor(cli, repo_root, capsys, name, floor):
    assert_floor(cli, capsys, repo_root / "seeds" / name, floor, name)
