"""A fast scorer whose output is identical to VADER's ``polarity_scores``.

:class:`VaderScorer` is a re-implementation of
``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer.polarity_scores`` (vaderSentiment
3.3.2). It returns the same dict (``neg``, ``neu``, ``pos``, ``compound``) with bit-identical
values for any ``str``, but does less work per call:

* the word lists VADER rebuilds for every lexicon word (lower-cased copies of the whole
  sentence, the negation list, the idiom n-gram strings) are built once per text or once per
  scorer;
* words that are not in the lexicon cost one dict lookup, and only the non-neutral valences
  are carried through the "but" rule and the final sums;
* emoji are replaced by one compiled regex instead of a character-by-character loop, and not
  at all for ASCII text.

VADER's quirks are reproduced on purpose, because identical output is the contract:
two-letter words keep their punctuation ("no," is not "no"); "so"/"this" right before a word
amplify it (x1.25) even without "never" whenever the third word back is not in the lexicon;
the "but" rule finds values with ``list.index`` (so a value equal to an already-halved one is
re-scaled at the wrong place); special idioms are only looked for, and the multi-word boosters
("kind of", "sort of", "just enough") only act, when the third word back exists and is not in
the lexicon; "didn’t" with a typographic apostrophe is no negation. VADER's
``SENTIMENT_LADEN_IDIOMS`` are never consulted by ``polarity_scores``, so not here either.

The rule tables (booster words, negations, special idioms, ``C_INCR``, ``N_SCALAR``) are
imported from the installed vaderSentiment module and the lexicon files are read from its
package directory. The weights VADER writes inline (punctuation, damping, "but", "never so")
are copied below; ``tests/test_sentiment.py`` compares against the installed VADER, so any
drift after an upgrade shows up there.

``text`` must be a ``str`` (VADER fails on anything else too).
"""
from __future__ import annotations

import math
import re
import string
from itertools import compress
from pathlib import Path

from vaderSentiment import vaderSentiment as _vader

__all__ = ["VaderScorer"]

_PACKAGE_DIR = Path(_vader.__file__).resolve().parent
LEXICON_PATH = _PACKAGE_DIR / "vader_lexicon.txt"
EMOJI_LEXICON_PATH = _PACKAGE_DIR / "emoji_utf8_lexicon.txt"

# Weights VADER writes as module constants (read from the installed module) ...
_C_INCR: float = _vader.C_INCR          # a SHOUTED word among non-shouted ones
_N_SCALAR: float = _vader.N_SCALAR      # a negated word
# ... and the ones it writes inline in its code.
_ALPHA = 15                             # normalisation of the compound score
_EP_WEIGHT = 0.292                      # per "!" (at most _EP_MAX of them)
_EP_MAX = 4
_QM_WEIGHT = 0.18                       # per "?" when there are 2 or 3 of them
_QM_FLOOD = 0.96                        # when there are more than 3
_DAMPING = {2: 0.95, 3: 0.9}            # a booster 2 or 3 words before the word
_NEVER_SO = 1.25                        # "never so good", "never this good", "so good"
_BEFORE_BUT = 0.5
_AFTER_BUT = 1.5
_SO_THIS = frozenset({"so", "this"})
_OR_NOR = frozenset({"or", "nor"})
_AT_VERY = frozenset({"at", "very"})

_PUNCTUATION = string.punctuation
_ZERO_SCORES = {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}    # no words
_NEUTRAL_SCORES = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}  # no valences


def read_lexicon(path: Path = LEXICON_PATH) -> dict[str, float]:
    """word -> mean valence, parsed exactly as VADER's ``make_lex_dict`` (later lines win)."""
    lexicon: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").rstrip("\n").split("\n"):
        if not line:
            continue
        word, measure = line.strip().split("\t")[0:2]
        lexicon[word] = float(measure)
    return lexicon


def read_emoji_lexicon(path: Path = EMOJI_LEXICON_PATH) -> dict[str, str]:
    """emoji -> textual description, parsed exactly as VADER's ``make_emoji_dict``."""
    emojis: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        emojis[emoji] = description
    return emojis


def _emoji_candidates(emoji_chars: dict[str, str]) -> re.Pattern:
    """A regex matching every emoji character, and possibly other astral-plane characters.

    The BMP emoji go into one character class, which ``re`` compiles to a bitmap; listing the
    astral ones too would make ``re`` try them one by one for every character of the text, so
    the whole astral range stands in for them (matches are checked against the lexicon)."""
    bmp = sorted(c for c in emoji_chars if ord(c) <= 0xFFFF)
    astral = "\U00010000-\U0010FFFF" if any(ord(c) > 0xFFFF for c in emoji_chars) else ""
    return re.compile("[" + "".join(map(re.escape, bmp)) + astral + "]")


def split_words(text: str) -> list[str]:
    """VADER's tokens: whitespace-separated, with leading/trailing ASCII punctuation removed
    unless that leaves two characters or fewer (which keeps ":)" -- and also "no,")."""
    words = text.split()
    for i, token in enumerate(words):
        stripped = token.strip(_PUNCTUATION)
        if len(stripped) > 2 and stripped is not token:
            words[i] = stripped
    return words


def is_negation_word(word: str, negations: frozenset[str]) -> bool:
    """VADER's ``negated([word])`` for one lower-cased word: a negation or any "n't" form."""
    return word in negations or "n't" in word


def booster_scalar(boost: float, valence: float, shouted: bool) -> float:
    """VADER's ``scalar_inc_dec`` for a word known to be a booster/dampener: the boost takes
    the sign of the valence and grows by ``C_INCR`` when the booster alone is in ALL CAPS."""
    scalar = boost
    if valence < 0:
        scalar *= -1
    if shouted:
        if valence > 0:
            scalar += _C_INCR
        else:
            scalar -= _C_INCR
    return scalar


def punctuation_amplifier(text: str) -> float:
    """Emphasis from "!" (up to four) and from "??"/"???" (more than three count as a flood)."""
    ep_count = text.count("!")
    if ep_count > _EP_MAX:
        ep_count = _EP_MAX
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * _QM_WEIGHT if qm_count <= 3 else _QM_FLOOD
    return ep_count * _EP_WEIGHT + qm_amplifier


def normalize(score: float, alpha: float = _ALPHA) -> float:
    """Map an unbounded valence sum into [-1, 1] as VADER does."""
    norm_score = score / math.sqrt((score * score) + alpha)
    if norm_score < -1.0:
        return -1.0
    if norm_score > 1.0:
        return 1.0
    return norm_score


def shift_around_but(positions: list[int], values: list[float], but_at: int) -> None:
    """VADER's ``_but_check`` on the non-neutral valences, in place: halve those before the
    first "but", raise by half those after it.

    VADER locates each value with ``list.index``, i.e. at the first position holding an equal
    value, which may be an earlier, already rescaled one; that is reproduced. Neutral (zero)
    valences are left out: whatever the rule does to them they stay zero and never equal a
    non-zero value, and only positions up to the current one are ever rewritten.
    """
    for value in values:
        j = values.index(value)
        if positions[j] < but_at:
            values[j] = value * _BEFORE_BUT
        elif positions[j] > but_at:
            values[j] = value * _AFTER_BUT


def scores_from_valences(values: list[float], n_words: int, text: str) -> dict[str, float]:
    """VADER's ``score_valence``: compound, and the pos/neg/neu proportions, rounded as VADER.

    ``values`` are the non-zero valences in word order; the other ``n_words - len(values)``
    words are neutral.
    """
    if not n_words:
        return dict(_ZERO_SCORES)
    amplifier = punctuation_amplifier(text)
    sum_s = float(sum(values))
    if sum_s > 0:
        sum_s += amplifier
    elif sum_s < 0:
        sum_s -= amplifier
    compound = normalize(sum_s)

    pos_sum = 0.0
    neg_sum = 0.0
    for s in values:
        if s > 0:
            pos_sum += (float(s) + 1)  # + 1: a neutral word counts 1
        else:
            neg_sum += (float(s) - 1)
    neu_count = n_words - len(values)
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {
        "neg": round(math.fabs(neg_sum / total), 3),
        "neu": round(math.fabs(neu_count / total), 3),
        "pos": round(math.fabs(pos_sum / total), 3),
        "compound": round(compound, 4),
    }


class VaderScorer:
    """VADER's ``polarity_scores`` with identical output, several times faster.

    >>> VaderScorer().polarity_scores("The book was good.")
    {'neg': 0.0, 'neu': 0.508, 'pos': 0.492, 'compound': 0.4404}

    Build one instance and reuse it: construction reads the two lexicon files of the
    installed vaderSentiment package. Instances are read-only after construction, so one can
    be shared between threads.
    """

    def __init__(self, lexicon_path: Path = LEXICON_PATH, emoji_path: Path = EMOJI_LEXICON_PATH):
        self.lexicon = read_lexicon(lexicon_path)
        self.emojis = read_emoji_lexicon(emoji_path)
        boosters: dict[str, float] = dict(_vader.BOOSTER_DICT)
        negations = frozenset(_vader.NEGATE)
        self._boosters = boosters
        self._negations = negations
        # Words scored by their own lexicon valence: boosters never are, even when listed.
        self._scorable = {w: v for w, v in self.lexicon.items() if w not in boosters}
        # Multi-word tables keyed by word tuples (tokens never contain whitespace, so a
        # tuple matches exactly when VADER's space-joined string does).
        self._special_cases = {tuple(k.split(" ")): v for k, v in _vader.SPECIAL_CASES.items()}
        self._booster_ngrams = {tuple(k.split(" ")): v for k, v in boosters.items() if " " in k}
        idiom_heads = frozenset(k[0] for k in (*self._special_cases, *self._booster_ngrams))
        self._idiom_heads = idiom_heads
        # A lexicon word keeps its plain valence (up to ALL-CAPS emphasis) unless one of
        # these is among the three words before it, or it is itself one of the second set;
        # "n't" forms are checked separately. See ``word_valence``.
        self._modifiers = frozenset(boosters) | negations | idiom_heads | {"no", "this", "least"}
        self._self_modifiers = idiom_heads | {"no"}
        # Only single characters can match in VADER's character loop.
        self._emoji_chars = {c: d for c, d in self.emojis.items() if len(c) == 1}
        self._emoji_re = _emoji_candidates(self._emoji_chars)
        self._ascii_emoji = any(c.isascii() for c in self._emoji_chars)

    # -- public API ---------------------------------------------------------------------

    def polarity_scores(self, text: str) -> dict[str, float]:
        """``{"neg", "neu", "pos", "compound"}`` for ``text``, exactly as VADER computes them."""
        text = self.replace_emoji(text)
        words = split_words(text)
        if not words:
            return dict(_ZERO_SCORES)
        lowered = list(map(str.lower, words))
        positions, values = self.valences(words, lowered, text)
        if not values:
            return dict(_NEUTRAL_SCORES)
        if "but" in lowered:
            shift_around_but(positions, values, lowered.index("but"))
        return scores_from_valences(values, len(words), text)

    def compound(self, text: str) -> float:
        """Just the compound score of ``text``."""
        return self.polarity_scores(text)["compound"]

    # -- steps --------------------------------------------------------------------------

    def replace_emoji(self, text: str) -> str:
        """Each emoji character replaced by its description, preceded by a space unless it
        starts the text or follows a space (VADER's loop; leading/trailing whitespace, which
        VADER strips afterwards, does not matter to any later step)."""
        if text.isascii() and not self._ascii_emoji:
            return text
        if self._emoji_re.search(text) is None:
            return text
        emoji_chars = self._emoji_chars

        def describe(match: re.Match) -> str:
            description = emoji_chars.get(match.group())
            if description is None:  # an astral character that is no emoji
                return match.group()
            start = match.start()
            if start == 0 or text[start - 1] == " ":
                return description
            return " " + description

        return self._emoji_re.sub(describe, text)

    def valences(self, words: list[str], lowered: list[str], text: str
                 ) -> tuple[list[int], list[float]]:
        """Positions and valences of the words whose valence is not zero, in word order.

        ``words`` are VADER's tokens of ``text`` and ``lowered`` the same lower-cased.
        """
        scorable = self._scorable
        hits = list(compress(range(len(lowered)), map(scorable.__contains__, lowered)))
        if not hits:
            return [], []
        n_caps = sum(map(str.isupper, words))
        cap_diff = 0 < n_caps < len(words)
        # Could any word hold an "n't" form? (Only "N"/"T" lower-case to "n"/"t".)
        has_nt = "'t" in text or "'T" in text
        modifiers = self._modifiers
        self_modifiers = self._self_modifiers
        positions: list[int] = []
        values: list[float] = []
        last = len(lowered) - 1
        for i in hits:
            word = lowered[i]
            if word == "kind" and i < last and lowered[i + 1] == "of":
                continue
            before = lowered[i - 3 if i > 3 else 0:i]
            if (modifiers.isdisjoint(before) and word not in self_modifiers
                    and not (has_nt and any("n't" in w for w in before))):
                # Nothing around can modify the word: only ALL-CAPS emphasis applies.
                valence = scorable[word]
                if cap_diff and words[i].isupper():
                    valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
            else:
                valence = self.word_valence(i, scorable[word], words, lowered, cap_diff)
            if valence:
                positions.append(i)
                values.append(valence)
        return positions, values

    def word_valence(self, i: int, base: float, words: list[str], lowered: list[str],
                     cap_diff: bool) -> float:
        """Valence of the lexicon word at ``i`` after all of VADER's rules: "no" before/after
        it, ALL-CAPS emphasis, boosters and negations up to three words back, special idioms,
        and "least"."""
        lexicon = self.lexicon
        valence = base
        if i:
            valence = self._no_rule(i, base, lowered)
        elif lowered[0] == "no" and len(lowered) > 1 and lowered[1] in lexicon:
            valence = 0.0
        if cap_diff and words[i].isupper():
            if valence > 0:
                valence += _C_INCR
            else:
                valence -= _C_INCR
        for distance in (1, 2, 3):
            if i < distance:
                break
            before = lowered[i - distance]
            if before in lexicon:
                continue
            boost = self._boosters.get(before)
            if boost is not None:
                s = booster_scalar(boost, valence, cap_diff and words[i - distance].isupper())
                if distance > 1:
                    s = s * _DAMPING[distance]
                valence = valence + s
            valence = self._negation_rule(distance, valence, i, lowered)
            if distance == 3 and not self._idiom_heads.isdisjoint(lowered[i - 3:i + 1]):
                valence = self._idiom_rule(valence, i, lowered)
        if i and lowered[i - 1] == "least" and "least" not in lexicon:
            if i == 1 or lowered[i - 2] not in _AT_VERY:
                valence = valence * _N_SCALAR
        return valence

    # -- rules --------------------------------------------------------------------------

    def _no_rule(self, i: int, base: float, lowered: list[str]) -> float:
        """"no" as its own word (valence 0 when a lexicon word follows) versus "no" up to
        three words back (which negates, also through "or"/"nor")."""
        word = lowered[i]
        valence = base
        if word == "no" and i != len(lowered) - 1 and lowered[i + 1] in self.lexicon:
            valence = 0.0
        if (lowered[i - 1] == "no"
                or (i > 1 and lowered[i - 2] == "no")
                or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in _OR_NOR)):
            valence = base * _N_SCALAR
        return valence

    def _negation_rule(self, distance: int, valence: float, i: int, lowered: list[str]) -> float:
        """VADER's ``_negation_check`` for the non-lexicon word ``distance`` words back,
        including its "never so/this" amplification and "without doubt" exemption."""
        negations = self._negations
        if distance == 1:
            if is_negation_word(lowered[i - 1], negations):
                valence = valence * _N_SCALAR
        elif distance == 2:
            one, two = lowered[i - 1], lowered[i - 2]
            if two == "never" and one in _SO_THIS:
                valence = valence * _NEVER_SO
            elif two == "without" and one == "doubt":
                pass
            elif is_negation_word(two, negations):
                valence = valence * _N_SCALAR
        else:
            one, two, three = lowered[i - 1], lowered[i - 2], lowered[i - 3]
            if (three == "never" and two in _SO_THIS) or one in _SO_THIS:
                valence = valence * _NEVER_SO
            elif three == "without" and (two == "doubt" or one == "doubt"):
                pass
            elif is_negation_word(three, negations):
                valence = valence * _N_SCALAR
        return valence

    def _idiom_rule(self, valence: float, i: int, lowered: list[str]) -> float:
        """VADER's ``_special_idioms_check``: a special idiom ending at or just before the
        word, or starting at it, replaces the valence; a multi-word booster ("kind of") in
        the three preceding words adds to it."""
        special = self._special_cases
        zero, one, two, three = lowered[i], lowered[i - 1], lowered[i - 2], lowered[i - 3]
        for seq in ((one, zero), (two, one, zero), (two, one), (three, two, one), (three, two)):
            hit = special.get(seq)
            if hit is not None:
                valence = hit
                break
        n = len(lowered)
        if n - 1 > i:
            hit = special.get((zero, lowered[i + 1]))
            if hit is not None:
                valence = hit
        if n - 1 > i + 1:
            hit = special.get((zero, lowered[i + 1], lowered[i + 2]))
            if hit is not None:
                valence = hit
        ngrams = self._booster_ngrams
        for gram in ((three, two, one), (three, two), (two, one)):
            boost = ngrams.get(gram)
            if boost is not None:
                valence = valence + boost
        return valence
