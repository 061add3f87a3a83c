"""Company-level scoring of stance events against gold labels.

The rules are those of the team's shared ``stance_eval.py``: per (article, company), the label
is the sign of the summed ``stance_score`` of the company's non-neutral speaker events (ties
go to the majority label), else ``neutral``; a gold key matches an event when its words are a
prefix of the event's company name or id, legal words aside, or equal one of its aliases.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

LABELS = ("support", "oppose", "neutral")
_LEGAL = frozenset({"inc", "corp", "corporation", "co", "ltd", "limited", "group", "holding", "holdings", "plc",
                    "ag", "se", "nv", "sa", "llc", "the", "company", "platforms", "global", "technologies",
                    "technology", "international"})


def _words(name: str | None) -> list[str]:
    tokens = [w for w in re.split(r"[^a-z0-9]+", (name or "").lower()) if w]
    return [w for w in tokens if w not in _LEGAL] or tokens


def name_matches(alias: str, event: Mapping) -> bool:
    """Whether a gold name refers to the company of an event."""
    want = _words(alias)
    for key in ("company_name", "company_id"):
        if _words(event.get(key))[:len(want)] == want:
            return True
    return any(_words(a) == want for a in event.get("company_aliases") or ())


def company_label(events: Iterable[Mapping]) -> str:
    """The company-level stance implied by one company's events in one article."""
    spoken = [e for e in events if e.get("role") == "speaker" and e.get("stance") in ("support", "oppose")]
    if not spoken:
        return "neutral"
    total = sum(float(e.get("stance_score") or 0.0) for e in spoken)
    if abs(total) > 1e-9:
        return "support" if total > 0 else "oppose"
    return Counter(e["stance"] for e in spoken).most_common(1)[0][0]


@dataclass
class Evaluation:
    """Scores of a run against a gold set, with every disagreement."""

    macro_f1: float
    accuracy: float
    entity_recall: float
    f1: dict[str, float]
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # article, company, gold, got
    spurious: list[tuple[str, str]] = field(default_factory=list)
    absent_hits: list[tuple[str, str]] = field(default_factory=list)
    labels: int = 0


def evaluate(gold: list[Mapping], events: Iterable[Mapping]) -> Evaluation:
    """Compare company events with gold records (``id``, ``gold``, ``absent``, ``optional``)."""
    by_article: dict[str, list[Mapping]] = defaultdict(list)
    for e in events:
        if e.get("entity_type", "company") == "company":
            by_article[str(e.get("article_id"))].append(e)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    found = total = 0
    result = Evaluation(0.0, 0.0, 0.0, {})
    for g in gold:
        article_events = by_article.get(g["id"], [])
        used: set[int] = set()
        for key, want in g.get("gold", {}).items():
            total += 1
            hit = [i for i, e in enumerate(article_events) if any(name_matches(a, e) for a in key.split("|"))]
            used.update(hit)
            got = company_label([article_events[i] for i in hit]) if hit else "missing"
            found += bool(hit)
            if got == want:
                tp[want] += 1
            else:
                fn[want] += 1
                if got in LABELS:
                    fp[got] += 1
                result.misses.append((g["id"], key, want, got))
        for name in g.get("optional", []):
            used.update(i for i, e in enumerate(article_events) if any(name_matches(a, e) for a in name.split("|")))
        result.absent_hits += [(g["id"], name) for name in g.get("absent", [])
                               if any(name_matches(name, e) for e in article_events)]
        result.spurious += [(g["id"], str(e.get("company_name") or e.get("company_id")))
                            for i, e in enumerate(article_events) if i not in used]
    for label in LABELS:
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        result.f1[label] = 2 * p * r / (p + r) if p + r else 0.0
    result.macro_f1 = sum(result.f1.values()) / len(LABELS)
    result.accuracy = sum(tp.values()) / total if total else 0.0
    result.entity_recall = found / total if total else 0.0
    result.labels = total
    result.spurious = sorted(set(result.spurious))
    return result
