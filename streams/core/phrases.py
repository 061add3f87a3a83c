"""A phrase index over lower-cased word tokens, used by the lexicons (stance cues, topics).

Phrases are written with ``{a|b}`` alternatives and ``*`` for up to two other words; they are
expanded once at load time into token tuples and indexed by their first token, so a lookup
costs one dictionary probe per token of the text, whatever the size of the lexicon.
"""
from __future__ import annotations

import itertools
import re
from typing import Generic, Iterable, NamedTuple, TypeVar

T = TypeVar("T")
WORD = re.compile(r"\w+")
_ALTERNATIVES = re.compile(r"\{([^{}]*)\}")
_WILDCARD = "*"
_MAX_WILDCARD = 3


class PhraseMatch(NamedTuple, Generic[T]):
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


_VALUE = "\0"  # key of a node's value: no word token can be "\0"


class PhraseIndex(Generic[T]):
    """Longest-match, left-to-right, non-overlapping phrase finder over a token trie."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._root: dict = {}
        for phrase, value in entries:
            for tokens in expand(phrase):
                node = self._root
                for tok in tokens:
                    node = node.setdefault(tok, {})
                node.setdefault(_VALUE, value)  # the first entry of a phrase wins

    def __contains__(self, token: str) -> bool:
        return token in self._root

    def find(self, tokens: list[str], start: int = 0, stop: int | None = None) -> list[PhraseMatch[T]]:
        """Matches in ``tokens[start:stop]``; at each position the longest phrase wins."""
        root = self._root
        if stop is None:
            if root.keys().isdisjoint(tokens):
                return []  # the common case, decided in C
            stop = len(tokens)
        found: list[PhraseMatch[T]] = []
        free = start  # matches do not overlap: the first position not inside an earlier match
        # Only positions whose word can start a phrase are tried; most words cannot.
        for i in [i for i in range(start, stop) if tokens[i] in root]:
            if i < free:
                continue
            best = _longest(root[tokens[i]], tokens, i + 1, stop)
            if best is not None:
                found.append(PhraseMatch(i, best[0], best[1]))
                free = best[0]
        return found


def _longest(node: dict, tokens: list[str], j: int, stop: int):
    """(end, value) of the longest phrase continuing from ``node`` at token ``j``, or None."""
    best = (j, node[_VALUE]) if _VALUE in node else None
    if j < stop:
        child = node.get(tokens[j])
        if child is not None:
            deeper = _longest(child, tokens, j + 1, stop)
            if deeper is not None and (best is None or deeper[0] > best[0]):
                best = deeper
    wild = node.get(_WILDCARD)
    if wild is not None:
        for skip in range(0, _MAX_WILDCARD + 1):
            if j + skip > stop:
                break
            deeper = _longest_after_wildcard(wild, tokens, j + skip, stop)
            if deeper is not None and (best is None or deeper[0] > best[0]):
                best = deeper
    return best


def _longest_after_wildcard(node: dict, tokens: list[str], j: int, stop: int):
    # A wildcard must be followed by a real word: match that word here.
    if j >= stop:
        return None
    child = node.get(tokens[j])
    return None if child is None else _longest(child, tokens, j + 1, stop)
