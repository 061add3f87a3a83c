"""A speaker's stance toward the regulation, from cue phrases, negation and their targets.

VADER's compound score is a weaker feature added on top: it is right about half the time on
news sentences ("We strongly oppose this regulation" scores positive), so it never overrides
an explicit cue and only decides when the statement is about a rule and is strongly worded.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from streams.core.phrases import PhraseIndex, PhraseMatch

SUPPORT, OPPOSE, NEUTRAL = "support", "oppose", "neutral"
_DECISION = 0.15
_NEGATED = -0.6  # "did not oppose" is weaker than "supported"
_CLAUSE_STOP = frozenset(",;:.!?")


@dataclass(frozen=True, slots=True)
class Cue:
    """A lexicon entry: polarity +1 support, -1 oppose, 0 neutral; ``kind`` request takes its
    polarity from the action it asks for."""

    polarity: int
    weight: float
    kind: str  # support | oppose | neutral | request


@dataclass(frozen=True)
class StanceLexicon:
    """The compiled stance-cue lexicon of ``data/stance_cues.json``."""

    cues: PhraseIndex[Cue]
    actions: PhraseIndex[int]
    inversion_targets: frozenset[str]
    negators: frozenset[str]
    negation_window: int
    object_window: int

    @classmethod
    def from_data(cls, data: dict) -> "StanceLexicon":
        entries: list[tuple[str, Cue]] = []
        entries += [(c["phrase"], Cue(1, c["weight"], SUPPORT)) for c in data["support"]]
        entries += [(c["phrase"], Cue(-1, c["weight"], OPPOSE)) for c in data["oppose"]]
        entries += [(p, Cue(0, 0.0, NEUTRAL)) for p in data["neutral"]]
        entries += [(p, Cue(0, 0.0, "request")) for p in data["requests"]]
        return cls(
            cues=PhraseIndex(entries),
            actions=PhraseIndex(data["actions"].items()),
            inversion_targets=frozenset(data["inversion_targets"]),
            negators=frozenset(data["negators"]),
            negation_window=data["negation_window"],
            object_window=data["object_window"],
        )


@dataclass(frozen=True, slots=True)
class StanceResult:
    stance: str
    score: float
    confidence: float
    cues: tuple[str, ...]


NEUTRAL_RESULT = StanceResult(NEUTRAL, 0.0, 0.8, ())


def score_stance(
    text: str,
    tokens: list,
    matches: list[PhraseMatch[Cue]],
    regions: list[tuple[int, int]],
    lexicon: StanceLexicon,
    compound: float,
    about_rules: bool,
) -> StanceResult:
    """Stance of a speaker whose words are the token ``regions`` of a statement.

    ``tokens`` are the statement's tokens (with ``.word``, ``.gap``, ``.start``, ``.end``),
    ``matches`` the cue phrases found in them once per statement.
    """
    raw = 0.0
    explicit = False
    neutral_cue = False
    evidence: list[str] = []
    for m in matches:
        if tokens[m.start].gap.endswith("-") or not any(a <= m.start < b for a, b in regions):
            continue  # "Tencent-backed" is not the word "backed"
        cue = m.value
        if cue.kind == NEUTRAL:
            neutral_cue = True
            evidence.append(_span(text, tokens, m.start, m.end))
            continue
        polarity, weight, tail = cue.polarity, cue.weight, m.end
        if cue.kind == "request":
            action = _action(tokens, m.end, lexicon)
            if action is None:
                continue
            polarity, tail = action
            weight = 0.9
        else:
            target = _inversion(tokens, m.end, lexicon)
            if target is not None:
                polarity, tail = -polarity, target + 1
        neg = _negator(tokens, m.start, lexicon)
        contribution = polarity * weight * (_NEGATED if neg is not None else 1.0)
        raw += contribution
        explicit = True
        evidence.append(_span(text, tokens, m.start if neg is None else neg, tail))
    vader_weight = 0.3 if about_rules else 0.12
    if explicit:
        score = math.tanh(1.2 * raw) + vader_weight * compound
        agree = compound * raw > 0 and abs(compound) > 0.2
        clash = compound * raw < 0 and abs(compound) > 0.5
        confidence = 0.5 + 0.4 * min(1.0, abs(raw)) + (0.1 if agree else 0.0) - (0.1 if clash else 0.0)
    elif neutral_cue:
        return StanceResult(NEUTRAL, 0.0, 0.75, tuple(evidence))
    elif about_rules and abs(compound) >= 0.5:
        score = vader_weight * compound
        confidence = 0.25 + 0.25 * abs(compound)
        evidence.append(f"sentiment {compound:+.2f}")
    else:
        return StanceResult(NEUTRAL, 0.0, 0.4, ())
    score = max(-1.0, min(1.0, score))
    stance = SUPPORT if score >= _DECISION else OPPOSE if score <= -_DECISION else NEUTRAL
    return StanceResult(stance, round(score, 4), round(max(0.0, min(1.0, confidence)), 4), tuple(evidence))


def _negator(tokens: list, start: int, lexicon: StanceLexicon) -> int | None:
    """Index of a negator within a few words before a cue, in the same clause."""
    for i in range(start - 1, max(-1, start - 1 - lexicon.negation_window), -1):
        if tokens[i].word in lexicon.negators:
            return i
        if _CLAUSE_STOP.intersection(tokens[i + 1].gap):
            return None
    return None


def _object_range(tokens: list, end: int, lexicon: StanceLexicon) -> range:
    stop = min(len(tokens), end + lexicon.object_window)
    for i in range(end, stop):
        if i > end and _CLAUSE_STOP.intersection(tokens[i].gap):
            return range(end, i)
    return range(end, stop)


def _inversion(tokens: list, end: int, lexicon: StanceLexicon) -> int | None:
    """Index of a delay, waiver or critic that the cue is aimed at, if any."""
    for i in _object_range(tokens, end, lexicon):
        if tokens[i].word in lexicon.inversion_targets:
            return i
    return None


def _action(tokens: list, end: int, lexicon: StanceLexicon) -> tuple[int, int] | None:
    """Polarity and end of the action a request asks for ("urged … to delay the rule")."""
    span = _object_range(tokens, end, lexicon)
    words = [t.word for t in tokens[span.start:span.stop]]
    found = lexicon.actions.find(words)
    if not found:
        return None
    return found[0].value, span.start + found[0].end


def _span(text: str, tokens: list, start: int, end: int) -> str:
    return text[tokens[start].start:tokens[end - 1].end]
