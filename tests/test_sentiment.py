"""``streams.core.sentiment.VaderScorer`` must give exactly VADER's ``polarity_scores``.

Every comparison is on ``repr`` of the two dicts, so key order, value types and every digit
(even the sign of a zero) must agree. Corpora: the seed text, the seed articles, the dev
articles (whole, by paragraph and by sentence), hand-picked cases for each of VADER's rules
and quirks, and seeded random word salads built from the lexicon and the rule words.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from vaderSentiment import vaderSentiment as vader_module
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from streams.core.sentiment import EMOJI_LEXICON_PATH, LEXICON_PATH, VaderScorer

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"
SEED_TEXT = SHARED_DIR / "seeds" / "000_5d94109387f108c0.txt"
DEV_ARTICLES = SHARED_DIR / "eval" / "dev_articles.jsonl"
SEED_ARTICLES = sorted((REPO_ROOT / "seeds").glob("*.jsonl"))

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@pytest.fixture(scope="module")
def vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def scorer() -> VaderScorer:
    return VaderScorer()


def assert_same(texts, vader: SentimentIntensityAnalyzer, scorer: VaderScorer) -> None:
    """Every text scores identically; the message lists the first few that do not."""
    texts = list(texts)
    assert texts, "nothing to compare"
    mismatches = []
    for text in texts:
        expected, got = repr(vader.polarity_scores(text)), repr(scorer.polarity_scores(text))
        if expected != got:
            mismatches.append(f"{text[:120]!r}\n  vader: {expected}\n  ours:  {got}")
    assert not mismatches, f"{len(mismatches)}/{len(texts)} differ:\n" + "\n".join(mismatches[:5])


def pieces(body: str) -> list[str]:
    """The body, its paragraphs and its sentences (split after . ! ?)."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    sentences = [s for s in _SENTENCE_END.split(body) if s.strip()]
    return [body, *paragraphs, *sentences]


def read_bodies(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["body"] for line in lines if line.strip()]


# -- construction ----------------------------------------------------------------------


def test_lexicons_come_from_the_installed_package(vader, scorer):
    package_dir = Path(vader_module.__file__).resolve().parent
    assert LEXICON_PATH.parent == package_dir == EMOJI_LEXICON_PATH.parent
    assert scorer.lexicon == vader.lexicon
    assert scorer.emojis == vader.emojis


def test_api(scorer):
    scores = scorer.polarity_scores("The book was good.")
    assert list(scores) == ["neg", "neu", "pos", "compound"]
    assert scores == {"neg": 0.0, "neu": 0.508, "pos": 0.492, "compound": 0.4404}
    assert scorer.compound("The book was good.") == 0.4404
    # Results are fresh dicts: mutating one does not leak into the next call.
    for text in ("", "plain words", "good"):
        scorer.polarity_scores(text)["neu"] = 99
        assert scorer.polarity_scores(text)["neu"] != 99


# -- corpora ---------------------------------------------------------------------------


def test_seed_text(vader, scorer):
    assert_same(pieces(SEED_TEXT.read_text(encoding="utf-8")), vader, scorer)


def test_seed_articles(vader, scorer):
    assert SEED_ARTICLES, "no seeds/*.jsonl"
    texts = [t for path in SEED_ARTICLES for body in read_bodies(path) for t in pieces(body)]
    assert_same(texts, vader, scorer)


def test_dev_articles(vader, scorer):
    assert_same([t for body in read_bodies(DEV_ARTICLES) for t in pieces(body)], vader, scorer)


# -- hand-picked cases, rule by rule ---------------------------------------------------

TRICKY = {
    "vader_examples": [
        "VADER is smart, handsome, and funny.", "VADER is smart, handsome, and funny!",
        "VADER is very smart, handsome, and funny.", "VADER is VERY SMART, handsome, and FUNNY.",
        "VADER is VERY SMART, handsome, and FUNNY!!!",
        "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
        "VADER is not smart, handsome, nor funny.", "The book was good.",
        "At least it isn't a horrible book.", "The book was only kind of good.",
        "The plot was good, but the characters are uncompelling and the dialog is not great.",
        "Today SUX!", "Today only kinda sux! But I'll get by, lol", "Make sure you :) or :D today!",
        "Catch utf-8 emoji such as 💘 and 💋 and 😁", "Not bad at all",
        "Sentiment analysis has never been good.", "Sentiment analysis has never been this good!",
        "Most automated sentiment analysis tools are shit.",
        "With VADER, sentiment analysis is the shit!", "Other sentiment analysis tools can be quite bad.",
        "On the other hand, VADER is quite bad ass", "VADER is such a badass!",
        "Without a doubt, excellent idea.",
        "Roger Dodger is one of the most compelling variations on this theme.",
        "Roger Dodger is at least compelling as a variation on the theme.",
        "Roger Dodger is one of the least compelling variations on this theme.",
        "Not such a badass after all.", "Without a doubt, an excellent idea.",
        "It was one of the worst movies I've seen, despite good reviews. Unbelievably bad acting!! "
        "Poor direction. VERY poor production. The movie was bad. Very bad movie. VERY BAD movie!",
    ],
    "negation": [
        "The book was not good.", "not bad at all", "NOT GOOD", "not not good", "never good",
        "nothing good came of it", "nope, bad", "without good reason", "uh-uh great",
        "aint bad", "Rarely good", "seldom bad", "despite the good news", "neither good nor bad",
        "none of it was good", "the fine was not at all fair", "not, good", "not very good",
        "very not good", "totally not good", "good not", "not", "never",
    ],
    "n't": [
        "It isn't good", "It ISN'T good", "I didn't like it", "I didn’t like it", "wasn't horrible",
        "they couldn't be happier", "can't complain", "Won't fail", "WASN'T great",
        "it doesn'T help", "don't", "n't good", "isn't very good at all", "didn't really fail",
        # "n't" forms outside VADER's NEGATE list still negate, in any case.
        "it mayN'T be good", "it mayn't be good", "usedn't x y good", "SHAN'T worry",
    ],
    "no": [
        "no good", "no problem", "No way this is good", "no, good", "no or bad", "no fun nor joy",
        "no no no", "no", "No.", "There is no doubt", "no really good", "no kind of good",
        "good no", "no good bad", "NO GOOD", "no time or effort wasted", "no x y good",
        "no x y z good", "no, it's bad",
    ],
    "but": [
        "good but bad", "bad but good but great", "but", "but good", "good but", "BUT it was great",
        "But, honestly, it was great", "love, but also hate", "great great but great great",
        # VADER's list.index rescales an earlier equal value: 3.2 halved equals 1.6 after "but".
        "best but accept", "the best, but I accept it", "killed, but hurt",
        "love but pretty", "It was wonderful but useful", "happy happy happy but sad sad sad",
        "good, bad, but good, bad, but good", "no but good", "good butter but",
    ],
    "caps": [
        "GOOD", "GOOD BAD", "THIS IS GREAT", "this is GREAT", "EXTREMELY good", "extremely GOOD",
        "I LOVE IT", "I love IT", "VERY VERY bad", "the plan is VERY bad", "NOT great",
        "the EU is GREAT", "U.S. regulators are HAPPY", "A B C good", "ΣΟΦΟΣ good", "OK ok",
        "KIND OF GOOD", "it was SO GOOD", "it is Kinda GOOD", "LOL", "lol LOL",
        # "NO" before a lexicon word has valence 0, and ALL CAPS then makes it -C_INCR.
        "NO good here", "they said NO wonderful things", "NO NO good",
    ],
    "punctuation": [
        "good!", "good!!!", "good!!!!!!!!", "good??", "good???", "good????", "bad!!", "bad?!?!",
        "?!", "!!!", "???", "...", "good!?!?!?", "Is it good?", "bad...", "good?? bad!!",
        "!good!", "?bad?", "'good'", '"bad"', "(great)", "[good],", "--bad--", "good.bad",
    ],
    "emoji": [
        "💘💋😁", "I am 😁", "😁abc", "abc😁", "a😁b", "\t😁", " 😁 ", "🔛 great", "great 🔛🔛🔛",
        "❤️ it", "👍🏽 nice", "‼ good", "good ™", "🇺🇸 flag", "😀😀😀!!!", "🆙 🔛 ok", "🙂", "😡 bad",
        "not 😁", "very 😁", "😁 but 😡", "©®™", "good😁bad", "\n😁\n", "x\u00a0😁",
    ],
    "kind_of": [
        "kind of bad", "Kind Of good", "KIND OF GOOD", "kind of", "a kind person", "kind",
        "kinda good", "it is sort of good", "sort of bad but kind of good", "just enough good",
        "I was just enough happy today", "he is kind of the best", "it was kind of, good",
        "they were sort of kind", "kind-of good", "sortof bad", "it is kind of really good",
        "kind of kind", "of kind", "x kind of y good", "just enough x good",
    ],
    "boosters": [
        "very good", "very very good", "extremely bad", "slightly good", "barely bad",
        "hardly good", "most amazing", "the most extremely very good", "fricking awesome",
        "uber cool", "less good", "more bad", "absolutely", "so", "very", "VERY", "really really bad",
        "x very good", "very x good", "very x y good", "very x y z good", "VERY x y good",
        "completely, utterly, totally good", "incredible", "incredibly", "major win",
    ],
    "least": [
        "at least compelling", "very least good", "least good", "the least bad", "least",
        "LEAST good", "at least", "in the least good", "Least, good", "not the least bit good",
    ],
    "never_so": [
        "never so good", "it was never so good", "so good", "this good", "it is so very good",
        "never this bad", "NEVER SO GOOD", "never x so good", "never so x good", "so x y good",
        "this x y good", "never, so good",
    ],
    "without_doubt": [
        "Without doubt, excellent idea.", "without doubt good", "without any doubt good",
        "without a doubt an excellent idea", "without doubt", "doubt", "no doubt good",
        "without x doubt y good",
    ],
    "idioms": [
        "the shit", "that was the shit", "He really is the shit", "the bomb",
        "this party is the bomb", "I think this is the bomb", "bad ass", "badass", "a real bad ass",
        "bus stop", "I waited at the bus stop", "it's a bus stop", "yeah right", "oh yeah right",
        "oh yeah right that is great", "kiss of death", "it was the kiss of death for them",
        "to die for", "a cake to die for", "beating heart", "a strong beating heart",
        "x y z beating heart", "x y z kiss of death", "w x y yeah right", "x y the shit good",
        "x the bomb y", "the shit the bomb bad ass", "THE SHIT", "The Bomb!",
        # SENTIMENT_LADEN_IDIOMS exist in VADER but polarity_scores never uses them.
        "cut the mustard", "hand to mouth", "in the red", "under the weather", "upper hand",
        "break a leg", "we are in the black", "cooking with gas", "on the ball", "blowing smoke",
    ],
    "empty_and_punctuation_only": [
        "", " ", "   ", "\n\t ", "\u00a0", "\u2003\u3000", "\x1c\x1f", ".", "!!!", "?", ":)",
        ":-)", ":(", "<3", ":D", ":d", "XD", "(:", "O.o", "o.O", "...", "!?", "--", "''", '"',
        "#", "@", "(-:O", ":-p", ";)", "</3", "=D", "$:", "¯\\_(ツ)_/¯",
    ],
    "non_ascii": [
        "Ich bin überrascht zu sehen, nur wie erstaunlich nützlich VADER!",
        "Я удивлен увидеть, как раз как удивительно полезно ВЕЙДЕРА!",
        "私はちょうどどのように驚くほど役に立つベイダーを見て驚いています!",
        "naïve café good", "İstanbul is great", "İİ. good", "ΣΟΦΟΣ ΑΣ. good", "ǅ good",
        "ﬁne good", "ß GOOD", "Ⅻ good", "𝐆𝐎𝐎𝐃 good", "good\u200bbad", "\ud83d good",
        "“good”", "‘bad’", "good—bad", "good…", "« bon »", "goodé", "GOOD É",
    ],
    "numbers": [
        "2024", "€500 million fine", "3.5 stars, good", "10/10 would recommend",
        "1,000,000 great", "0 bad", "-5 good", "100% good", "$1bn fine", "1st place win",
    ],
}


@pytest.mark.parametrize("group", sorted(TRICKY))
def test_tricky_cases(group, vader, scorer):
    assert_same(TRICKY[group], vader, scorer)


def test_very_long_texts(vader, scorer):
    seed = SEED_TEXT.read_text(encoding="utf-8")
    texts = [
        "good " * 3000,
        "The movie was good, but the ending was bad. " * 200,
        "NOT GOOD!!! " * 500 + "fine",
        "😁" * 300 + "!",
        seed * 3,
        " ".join([seed.replace("\n", " ")] * 3),
    ]
    assert_same(texts, vader, scorer)


# -- random word salads ----------------------------------------------------------------

_FUNCTION_WORDS = (
    "no or nor but least at very never so this without doubt kind of sort just enough the a is "
    "it n't isn't not i me ok okay kinda sorta kind-of yeah right kiss to die for beating heart "
    "bus stop bad ass badass shit bomb death"
).split()
_FILLER = [
    "company", "said", "Apple", "EU", "rules", "2024", "€500", "ltd.", "U.S.", "a", "an", "to",
    "in", "x", "yo", ":)", ":(", ":D", ":-)", "<3", "(:", "):", "--", "...", "'s", "naïve", "ΣΑΣ",
    "İİ", "日本", "ÀÉ", "𝐆𝐎", "’", "didn’t",
]
_ATTACHED = ["", "", "", ",", ".", "!", "?", "!!", "??", "???", "!!!!!", "?!", "'", '"', ":", ";",
             ")", "(", "...", "-"]
_SEPARATORS = [" "] * 20 + ["  ", "\n", "\t", "\u00a0", "", "\u2003"]


def _broad_salads(vader: SentimentIntensityAnalyzer, seed: int, count: int) -> list[str]:
    """Texts mixing lexicon words, boosters, negations, rule words, emoji and filler, with
    random casing, attached punctuation and odd separators."""
    rng = random.Random(seed)
    lexicon = sorted(vader.lexicon)
    boosters = sorted(vader_module.BOOSTER_DICT)
    negations = list(vader_module.NEGATE)
    idiom_words = [w for k in vader_module.SPECIAL_CASES for w in k.split()]
    emoji = sorted(vader.emojis)
    pools = [(0.30, lexicon), (0.12, boosters), (0.08, negations), (0.15, _FUNCTION_WORDS),
             (0.07, idiom_words), (0.05, emoji), (1.0, _FILLER)]

    def word() -> str:
        r = rng.random()
        pool = _FILLER
        for limit, candidates in pools:  # shares of the draw, in order
            if r < limit:
                pool = candidates
                break
            r -= limit
        w = rng.choice(pool)
        case = rng.random()
        if case < 0.12:
            w = w.upper()
        elif case < 0.18:
            w = w.capitalize()
        if rng.random() < 0.25:
            w += rng.choice(_ATTACHED)
        if rng.random() < 0.06:
            w = rng.choice(_ATTACHED) + w
        return w

    texts = []
    for _ in range(count):
        n = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 60])
        text = "".join(word() + rng.choice(_SEPARATORS) for _ in range(n))
        if rng.random() < 0.1:
            text = rng.choice(["", " ", "!"]) + text + rng.choice(["", " ", "!", "??"])
        texts.append(text)
    return texts


def _dense_salads(seed: int, count: int) -> list[str]:
    """Short texts from a small vocabulary full of rule words, so that rules interact often
    (negation after booster after "no", idioms next to "kind of", repeated values and "but")."""
    rng = random.Random(seed)
    vocabulary = (
        "good bad great love hate no but not very kind of the shit bomb least at never so this "
        "without doubt sort just enough yeah right kiss death to die for beating heart bus stop "
        "ass badass nor or isn't don't extremely slightly barely really most less happy sad nice "
        "best accept"
    ).split()
    texts = []
    for _ in range(count):
        words = []
        for _ in range(rng.randint(0, 14)):
            w = rng.choice(vocabulary)
            if rng.random() < 0.15:
                w = w.upper()
            if rng.random() < 0.1:
                w += rng.choice(",.!?")
            words.append(w)
        texts.append(" ".join(words) + rng.choice(["", "!", "??", "!!!!!!", "????", "."]))
    return texts


def test_random_broad_salads(vader, scorer):
    assert_same(_broad_salads(vader, seed=20240611, count=2500), vader, scorer)


def test_random_dense_salads(vader, scorer):
    assert_same(_dense_salads(seed=7, count=4000), vader, scorer)
