"""Cut an article body into statements, dropping page furniture.

Statements keep character offsets into the original body. Boundaries come from sentence-final
punctuation, refined by the abbreviation knowledge in ``data/segmentation.json``; furniture
(photo credits, "Read also" plugs, subscription appeals, bylines) is recognised by the general
patterns in ``data/furniture.json``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

# A paragraph is a block of non-blank lines; single newlines inside it are kept.
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
# Candidate boundary: terminal punctuation, closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.&/]+)$")
_WORD_AFTER = re.compile(r"\s+([\"'“‘(\[]*)([\w’'.-]*)")
_OPEN_QUOTES = "“\""
_CLOSE_QUOTES = "”\""
_MAX_QUOTE_SPAN = 700  # a quote open longer than this is unbalanced: stop honouring it
_SHORT_PARAGRAPH = 400
_LINE = re.compile(r"[^\n]+")
_HEADING_MAX = 60
_CLOSING = ".!?:;,\"”’')…"
_ANCHORED_WINDOW = 200
_BULLET = re.compile(r"[*•▪‣◦·–-][ \t]")  # a list item stands alone, like a heading
_ALNUM = re.compile(r"[^\W_]")  # exactly str.isalnum, one character at a time


class Segment(NamedTuple):
    """A statement's span in the body and its text."""

    start: int
    end: int
    text: str
    is_quote: bool


@dataclass(frozen=True)
class FurniturePattern:
    """A furniture pattern and the cheap test that must pass before it is tried: one of its
    trigger fragments occurs (for a pattern anchored at ``^``, near the start)."""

    regex: re.Pattern[str]
    triggers: tuple[str, ...]
    max_chars: int | None
    window: int | None

    @classmethod
    def from_data(cls, data: dict) -> "FurniturePattern":
        anchored = data["pattern"].startswith("^")
        return cls(re.compile(data["pattern"], re.IGNORECASE), tuple(data["triggers"]), data.get("max_chars"),
                   _ANCHORED_WINDOW if anchored else None)

    def may_occur_in(self, lower: str) -> bool:
        """Whether a trigger occurs in the lower-cased text (of the whole body: if none does, no
        part of the body can match)."""
        return any(map(lower.__contains__, self.triggers))

    def search(self, text: str, lower: str) -> bool:
        if self.max_chars is not None and len(text) > self.max_chars:
            return False
        if self.window is not None:
            lower = lower[:self.window]
        return any(map(lower.__contains__, self.triggers)) and self.regex.search(text) is not None


@dataclass(frozen=True)
class SegmentationRules:
    """Compiled furniture patterns and abbreviation sets (built once from the data files)."""

    paragraph_furniture: tuple[FurniturePattern, ...]
    sentence_furniture: tuple[FurniturePattern, ...]
    tail_furniture: tuple[FurniturePattern, ...]
    never_final: frozenset[str]
    legal_forms: frozenset[str]
    country_abbreviations: frozenset[str]
    continuations: frozenset[str]
    sentence_starters: frozenset[str]

    @classmethod
    def from_data(cls, furniture: dict, segmentation: dict, names: dict) -> "SegmentationRules":
        def compile_all(key: str) -> tuple[FurniturePattern, ...]:
            return tuple(FurniturePattern.from_data(p) for p in furniture.get(key, []))

        return cls(
            paragraph_furniture=compile_all("paragraph"),
            sentence_furniture=compile_all("sentence"),
            tail_furniture=compile_all("tail"),
            never_final=frozenset(segmentation["never_final"]),
            legal_forms=frozenset(f.rstrip(".") for f in names["legal_forms"] + names["corporate_words"]),
            country_abbreviations=frozenset(segmentation["country_abbreviations"]),
            continuations=frozenset(w.lower() for w in segmentation["continuations_after_abbreviation"]),
            sentence_starters=frozenset(w.lower() for w in segmentation["sentence_starters"]),
        )


def segment_article(body: str, rules: SegmentationRules) -> list[Segment]:
    """Split ``body`` into statements with furniture removed; offsets index ``body``."""
    lower = body.lower()
    paragraph, sentence_furniture, tail = (tuple(p for p in patterns if p.may_occur_in(lower)) for patterns in (
        rules.paragraph_furniture, rules.sentence_furniture, rules.tail_furniture))
    blocks = [block for para in _PARAGRAPH.finditer(body) for block in _blocks(body, para.start(), para.end())]
    spans = _cut_tail(body, [span for start, end in blocks
                             for span in _paragraph_spans(body, start, end, rules, paragraph)], tail)
    segments = []
    for s, e in spans:
        sentence = body[s:e]
        if _matches_any(sentence, sentence_furniture) or not _ALNUM.search(sentence):
            continue
        segments.append(Segment(s, e, sentence, _is_quote(sentence)))
    return segments


def _blocks(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph's lines, grouped, with headings, time stamps ("10:48am", "What happens
    next") and list items ("* Barrick -1.3%") on their own: a short line without closing
    punctuation, or a bulleted one, does not run into the next."""
    if "\n" not in body[start:end]:
        return [(start, end)]
    blocks: list[tuple[int, int]] = []
    block_start = start
    for line in _LINE.finditer(body, start, end):
        text = line.group().strip()
        if text and ((len(text) < _HEADING_MAX and text[-1] not in _CLOSING) or _BULLET.match(text)):
            if line.start() > block_start:
                blocks.append((block_start, line.start()))
            blocks.append((line.start(), line.end()))
            block_start = line.end()
    if block_start < end:
        blocks.append((block_start, end))
    return blocks


def _paragraph_spans(body: str, start: int, end: int, rules: SegmentationRules,
                     furniture: tuple[FurniturePattern, ...]) -> list[tuple[int, int]]:
    """The sentence spans of one paragraph; none when the paragraph is furniture (a caption, a byline)."""
    start, end = _trim(body, start, end)
    if start >= end:
        return []
    spans = _merge_fragments(body, _split_sentences(body, start, end, rules))
    if len(spans) <= 2 or end - start <= _SHORT_PARAGRAPH:
        return [] if _matches_any(body[start:end], furniture) else spans
    # A long paragraph is article text: only its furniture sentences go.
    return [(s, e) for s, e in spans if not _matches_any(body[s:e], furniture)]


def _cut_tail(body: str, spans: list[tuple[int, int]], furniture: tuple[FurniturePattern, ...]) -> list[tuple[int, int]]:
    """Drop everything from a strong end-of-article marker ("support our journalism") on."""
    threshold = len(body) * 2 // 3
    for i, (s, e) in enumerate(spans):
        if s >= threshold and _matches_any(body[s:e], furniture):
            return spans[:i]
    return spans


def _split_sentences(body: str, start: int, end: int, rules: SegmentationRules):
    """Yield (start, end) spans of the sentences of ``body[start:end]``."""
    text = body[start:end]
    cut = 0
    quote_open_at: int | None = None
    pos = 0
    for m in _BOUNDARY.finditer(text):
        quote_open_at = _quote_state(text, pos, m.end(), quote_open_at)
        pos = m.end()
        if quote_open_at is not None and m.end() - quote_open_at < _MAX_QUOTE_SPAN and _closes_later(
                text, m.end(), text[quote_open_at]):
            continue
        if not _is_boundary(text, m, rules):
            continue
        quote_open_at = None
        s, e = _trim(body, start + cut, start + m.end())
        if s < e:
            yield s, e
        cut = m.end()
    s, e = _trim(body, start + cut, end)
    if s < e:
        yield s, e


def _merge_fragments(body: str, spans) -> list[tuple[int, int]]:
    """Attach spans with no letters or digits (a stray quote mark) to the sentence before."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and not _ALNUM.search(body, s, e):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _quote_state(text: str, begin: int, stop: int, open_at: int | None) -> int | None:
    """Whether a double quote is open at ``stop`` (curly marks pair; straight ones toggle)."""
    last_open, last_close = text.rfind("“", begin, stop), text.rfind("”", begin, stop)
    if last_open > last_close:
        open_at = last_open
    elif last_close > last_open:
        open_at = None
    if text.count('"', begin, stop) % 2:
        open_at = text.rfind('"', begin, stop) if open_at is None else None
    return open_at


def _closes_later(text: str, pos: int, mark: str) -> bool:
    """Whether a quotation opened with ``mark`` is closed after ``pos``: not when the next curly
    mark opens another one (machine translation drops closing marks: "“We support it, X said.
    … “The rules …")."""
    window = text[pos:pos + _MAX_QUOTE_SPAN]
    if mark == "“" and (close := window.find("”")) >= 0:
        return not 0 <= window.find("“") < close
    return "”" in window or '"' in window


_CAMEL_CASE = re.compile(r"[a-z]{1,2}[A-Z]\w")


def _is_boundary(text: str, m: re.Match[str], rules: SegmentationRules) -> bool:
    punct = m.group(0)
    after = _WORD_AFTER.match(text, m.end())
    if after is None:
        return True
    opener, next_word = after.group(1), after.group(2)
    nxt = text[after.end(1):after.end(1) + 1]
    if nxt.islower() and not opener and not _CAMEL_CASE.match(next_word):
        # "Inc. do business", "company. who wants": a lower-case word continues the sentence;
        # a brand like "eMedia" or "iPhone" may open the next one.
        return False
    if not punct.startswith("."):
        return True
    before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    word = before.group(1) if before else ""
    bare = word.rstrip(".")
    last = bare.rsplit(".", 1)[-1] if "." in bare and bare not in rules.country_abbreviations else bare
    if bare in rules.never_final or last in rules.never_final:
        return False
    if _INITIALS.fullmatch(bare) and bare not in rules.country_abbreviations and not _after_preposition(text, before):
        return False  # initials: "Jay Y. Lee", "U. S. Steel", "A.P. Moller-Maersk"; not "a post on X. Amazon said"
    capital_follows = bool(opener) or nxt.isupper()
    next_lower = next_word.lower()
    if bare == "Co" and text[max(0, before.start() - 2):before.start()] == "& " and _legal_form_ahead(text, m.end(), rules):
        return False  # "Cedar & Co. Cosmetics LLC": the "& Co." of a longer name
    if bare in rules.legal_forms or last in rules.legal_forms:
        # "Apple Inc. €500 million", "Xiaomi Corp. Co-founder Lei Jun", "Kiranpay Pvt. Ltd.": the name goes on;
        # so does "Deere & Co. (NYSE: DE) said".
        return (capital_follows and opener != "(" and next_lower not in rules.continuations
                and next_word.rstrip(".") not in rules.legal_forms)
    if bare in rules.country_abbreviations:
        if _DASH_AFTER.match(text, m.end()):
            return False  # a dateline: "BURLINGTON, Vt. — A federal judge …"
        return bool(opener) or next_lower in rules.sentence_starters
    return True


def _legal_form_ahead(text: str, pos: int, rules: SegmentationRules) -> bool:
    """Whether one to three capitalised words after ``pos`` end in a legal form: "Cosmetics LLC"."""
    words = text[pos:pos + 80].split()[:4]
    for k, w in enumerate(words):
        if not w[:1].isupper():
            return False
        if k > 0 and w.rstrip(".,;:") in rules.legal_forms:
            return True
    return False


def _after_preposition(text: str, before: re.Match[str] | None) -> bool:
    """Whether the word before ``before`` is a preposition ("on X.", "in B."): then the letter
    is a name of its own, not an initial."""
    if before is None:
        return False
    prev = _WORD_BEFORE_INITIAL.search(text, max(0, before.start() - 30), before.start())
    return prev is not None and prev.group(1) in _PREPOSITIONS


_DASH_AFTER = re.compile(r"[ \t]*[—–-]{1,2}[ \t]")
_WORD_BEFORE_INITIAL = re.compile(r"(\w+)\s+$")
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")
_PREPOSITIONS = frozenset({"on", "in", "at", "from", "by", "to", "of", "via", "with", "for", "about", "into", "onto"})


def _matches_any(text: str, patterns: tuple[FurniturePattern, ...]) -> bool:
    if not patterns:
        return False
    lower = text.lower()
    for p in patterns:
        if p.search(text, lower):
            return True
    return False


def _is_quote(sentence: str) -> bool:
    return any(q in sentence for q in "“”\"")


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end
