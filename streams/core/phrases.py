"""A phrase index over lower-cased word tokens, used by the lexicons (stance cues, topics).

Phrases are written with ``{a|b}`` alternatives and ``*`` for up to two other words; they are
expanded once at load time into token tuples and indexed by their first token, so a lookup
costs one dictionary probe per token of the text, whatever the size of the lexicon.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Generic, Iterable, TypeVar

T = TypeVar("T")
WORD = re.compile(r"\w+")
_ALTERNATIVES = re.compile(r"\{([^{}]*)\}")
_WILDCARD = "*"
_MAX_WILDCARD = 3


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """A phrase found at tokens ``[start, end)``."""

    start: int
    end: int
    value: T


def expand(phrase: str) -> list[tuple[str, ...]]:
    """All token sequences a lexicon phrase stands for."""
    parts = _ALTERNATIVES.split(phrase)
    # split() alternates literal text and the inside of {...}
    choices = [[part] if i % 2 == 0 else part.split("|") for i, part in enumerate(parts)]
    out = []
    for combo in itertools.product(*choices):
        text = "".join(combo).lower()
        tokens = tuple(t if t == _WILDCARD else t for t in re.findall(r"\*|\w+", text))
        if tokens and tokens[0] != _WILDCARD:
            out.append(tokens)
    return out


class PhraseIndex(Generic[T]):
    """Longest-match, left-to-right, non-overlapping phrase finder."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for phrase, value in entries:
            for tokens in expand(phrase):
                self._index.setdefault(tokens[0], []).append((tokens, value))
        for candidates in self._index.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def __contains__(self, token: str) -> bool:
        return token in self._index

    def find(self, tokens: list[str], start: int = 0, stop: int | None = None) -> list[PhraseMatch[T]]:
        """Matches in ``tokens[start:stop]``; at each position the longest phrase wins."""
        stop = len(tokens) if stop is None else stop
        index = self._index
        found: list[PhraseMatch[T]] = []
        i = start
        while i < stop:
            candidates = index.get(tokens[i])
            if candidates:
                for phrase, value in candidates:
                    end = _match(phrase, tokens, i, stop)
                    if end:
                        found.append(PhraseMatch(i, end, value))
                        i = end - 1
                        break
            i += 1
        return found


def _match(phrase: tuple[str, ...], tokens: list[str], i: int, stop: int) -> int:
    """End index when ``phrase`` matches at ``i`` (``*`` skips 0 to 2 tokens), else 0."""
    if len(phrase) == 1:
        return i + 1
    j = i + 1
    for k in range(1, len(phrase)):
        want = phrase[k]
        if want == _WILDCARD:
            continue
        if phrase[k - 1] == _WILDCARD:
            for skip in range(_MAX_WILDCARD + 1):
                if j + skip < stop and tokens[j + skip] == want:
                    j += skip + 1
                    break
            else:
                return 0
        elif j < stop and tokens[j] == want:
            j += 1
        else:
            return 0
    return j
