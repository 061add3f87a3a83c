"""A speaker's stance toward the regulation, from cue phrases, negation and their targets.

VADER's compound score is a weaker feature added on top: it is right about half the time on
news sentences ("We strongly oppose this regulation" scores positive), so it never overrides
an explicit cue and only decides when the statement is about a rule and is strongly worded.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from streams.core.phrases import PhraseIndex, PhraseMatch

SUPPORT, OPPOSE, NEUTRAL = "support", "oppose", "neutral"
_DECISION = 0.15
_SENTIMENT_ONLY = 0.5  # VADER alone decides a statement about rules only when it is this sure
_NEGATED = -0.6  # "did not oppose" is weaker than "supported"
_CLAUSE_STOP = frozenset(",;:.!?")
_SENTENCE_END = frozenset(".!?")


@dataclass(frozen=True, slots=True)
class Cue:
    """A lexicon entry: polarity +1 support, -1 oppose, 0 neutral; ``kind`` request takes its
    polarity from the action it asks for."""

    polarity: int
    weight: float
    kind: str  # support | oppose | neutral | request | hedge | relative | answer (to the previous speaker) | non_cue
    evaluative: bool = False
    rule_object: bool = False  # counts only when aimed at the rule: "not against the levy", not "not against investment"


@dataclass(frozen=True)
class StanceLexicon:
    """The compiled stance-cue lexicon of ``data/stance_cues.json``."""

    cues: PhraseIndex[Cue]
    actions: PhraseIndex[int]
    inversion_targets: frozenset[str]
    inversion_after: dict[str, frozenset[str]]
    generic_references: frozenset[str]
    rule_nouns: frozenset[str]
    position_nouns: frozenset[str]
    past_markers: PhraseIndex[bool]
    contrast_words: frozenset[str]
    negators: frozenset[str]
    uncertainty: frozenset[str]
    negation_window: int
    object_window: int
    events: PhraseIndex[int]
    """Rollback (-1) and adoption (+1) events, to tell which way an article's news goes."""
    news_requests: frozenset[str]
    rule_makers: frozenset[str] = frozenset()
    cut_words: frozenset[str] = frozenset()
    """Cutting an exemption with one of these tightens the rule ("the halving of a tax exemption")."""
    decision_nouns: frozenset[str] = frozenset()
    """The news as a cue's subject: "the decision … gives certainty"."""
    change_vehicles: frozenset[str] = frozenset()
    """What carries a change several words on: "welcomed a motion filed last week to suspend it"."""
    sector_nouns: frozenset[str] = frozenset()
    view_nouns: frozenset[str] = frozenset()
    """Views reported of others: "the industry's warnings", "the argument that …"."""
    joining_verbs: frozenset[str] = frozenset()
    """… unless the speaker joins them: "joined the industry's call"."""
    turn_words: frozenset[str] = frozenset()
    """A rollback after one of these is not what was adopted: "rules set out, though the start was pushed back"."""
    party_targets: frozenset[str] = frozenset()
    """Inversion targets that are parties or views, no rollback a request could ask for."""
    restore_words: frozenset[str] = frozenset()
    """Actions that ask for the state before the news: their side is against the news."""
    decision_words: frozenset[str] = frozenset()
    """Before "to", a rollback decided or proposed, which is news ("voted to scrap", "proposes to
    ease"); without one it is only intended ("would petition the cabinet to overturn")."""
    outcome_nouns: frozenset[str] = frozenset()
    """What a lowering after a target word is an outcome of, not a rollback: "lower prices"."""
    rule_plurals: frozenset[str] = frozenset()
    """Rules named in the plural ("without caps, …"), beside the singular ``rule_nouns``."""
    generic_parties: frozenset[str] = frozenset()
    """Plural parties a speaker answers ("the carmakers who say …", "companies complaining loudest")."""
    comparative_reliefs: frozenset[str] = frozenset()
    """Inversion targets that are reliefs only of a rule ("a weaker version"; not "weaker security")."""
    rule_versions: frozenset[str] = frozenset()
    """What a comparative relief may qualify besides the rule nouns: "version", "test", "regime"."""
    process_nouns: frozenset[str] = frozenset()
    """Procedures whose delays are harms, not postponements of the rule: "approval delays"."""
    concessives: frozenset[str] = frozenset()
    """Words that open a conceded clause, ended by a comma: "while it favoured a clear regime, …"."""
    legal_acts: frozenset[str] = frozenset()
    """Lawsuits, appeals, complaints: acts against a rule, whoever owns them ("Cloudflare's appeal")."""
    relief_nouns: frozenset[str] = frozenset()
    """Reliefs from a rule: scrapping or cutting one tightens the rule ("scraps $150 VAT exemption")."""
    turn_openers: frozenset[str] = frozenset()
    """A statement opening with one of these turns against the speaker's last one ("However, …")."""

    @classmethod
    def from_data(cls, data: dict) -> "StanceLexicon":
        entries: list[tuple[str, Cue]] = []
        for key, polarity in ((SUPPORT, 1), (OPPOSE, -1)):
            entries += [(c["phrase"], Cue(polarity, c["weight"], key, bool(c.get("evaluative")), bool(c.get("rule_object"))))
                        for c in data[key]]
        entries += [(c["phrase"], Cue(c.get("polarity", 0), c["weight"], "relative")) for c in data["relative"]]
        entries += [(p, Cue(-1, 0.8, "answer")) for p in data["contrary"]]
        entries += [(p, Cue(1, 0.8, "answer")) for p in data["concurring"]]
        entries += [(p, Cue(0, 0.0, NEUTRAL)) for p in data["neutral"]]
        entries += [(p, Cue(0, 0.0, "request")) for p in data["requests"]]
        entries += [(p, Cue(0, 0.0, "hedge")) for p in data["hedges"]]
        entries += [(p, Cue(0, 0.0, "non_cue")) for p in data["non_cues"]]
        events = [(p, -1) for p in data["rollback_events"]] + [(p, 1) for p in data["adoption_events"]]
        return cls(
            cues=PhraseIndex(entries),
            actions=PhraseIndex(data["actions"].items()),
            inversion_targets=frozenset(data["inversion_targets"]),
            inversion_after={k: frozenset(v) for k, v in data["inversion_after"].items()},
            generic_references=frozenset(data["generic_references"]),
            rule_nouns=frozenset(w for n in data["rule_nouns"] for w in n.split()),
            position_nouns=frozenset(data["position_nouns"]),
            past_markers=PhraseIndex((p, True) for p in data["past_markers"]),
            contrast_words=frozenset(data["contrast_words"]),
            negators=frozenset(data["negators"]),
            uncertainty=frozenset(data["uncertainty_markers"]),
            negation_window=data["negation_window"],
            object_window=data["object_window"],
            events=PhraseIndex(events),
            news_requests=frozenset(data["news_requests"]),
            rule_makers=frozenset(data["rule_makers"]),
            **{key: frozenset(words) for key, words in data["word_classes"].items()},
        )

    def reported_events(self, words: list[str]) -> list[PhraseMatch[int]]:
        """Adoptions and rollbacks the words report, not those someone asks for ("urge Brussels
        to pause")."""
        return [m for m in self.events.find(words)
                if m.value > 0 or (self.news_requests.isdisjoint(_sentence_before(words, m.start))
                                   and not _intended(words, m.start, self))]

    def news_direction(self, words: list[str]) -> int:
        """-1 when the words (an article's lead) report a rule being rolled back, else +1."""
        rollbacks, adoptions = self.reported_changes(words)
        return -1 if len(rollbacks) >= 2 and len(rollbacks) > len(adoptions) else 1

    def reported_changes(self, words: list[str]) -> tuple[list[PhraseMatch[int]], list[PhraseMatch[int]]]:
        """The rollbacks and the adoptions the words report, tightenings counted as adoptions."""
        found = self.reported_events(words)
        # Scrapping an exemption or an allowance tightens the rule ("scraps $150 VAT exemption");
        # the relief word itself is then no rollback of its own.
        tightening = {m.start for m in found if m.value < 0 and words[m.start] not in self.relief_nouns
                      and not self.relief_nouns.isdisjoint(words[m.end:m.end + 4])}
        # … and so does cutting one ("the halving of a purchase-tax exemption"), cut words not being events.
        cut = {m.start for m in found if words[m.start] in self.relief_nouns
               and not self.cut_words.isdisjoint(words[max(0, m.start - 5):m.start])}
        tightening |= cut
        found = [m for m in found if not (words[m.start] in self.relief_nouns and any(
            n.start in tightening and n.start < m.start <= n.end + 4 for n in found))]
        # not "introduced without delay", "without further delay"; "refused to extend the deadline" keeps the rule
        refused = {m.start for m in found if m.value < 0 and (not _REFUSALS.isdisjoint(words[max(0, m.start - 3):m.start])
                                                              or _no_longer(words[max(0, m.start - 4):m.start]))}
        tightening |= refused
        rollbacks = [m for m in found if m.value < 0 and m.start not in tightening
                     and not _without_before(words[max(0, m.start - 3):m.start])]
        # "approved changes … that narrow the government's ability": adopting a rollback is one
        adoptions = [m for m in found if (m.value > 0 or m.start in tightening) and not any(
            m.end <= n.start <= m.end + 10 and "." not in words[m.end:n.start]
            and self.turn_words.isdisjoint(words[m.end:n.start]) for n in rollbacks)]  # not "…, though the start was pushed back"
        return rollbacks, adoptions


def _conceded(tokens: list, regions: list[tuple[int, int]], lexicon: StanceLexicon) -> list[tuple[int, int]]:
    """The conceded clauses in the speaker's words, as token spans: from a concessive to the
    comma that ends its clause ("while it favoured a clear licensing regime, …")."""
    if not regions:
        return []
    a, b = min(a for a, _ in regions), max(b for _, b in regions)
    return [(i, close) for i in range(a, b) if tokens[i].word in lexicon.concessives and "," not in tokens[i].gap
            and (close := next((j for j in range(i + 2, min(b, i + 20)) if "," in tokens[j].gap), None)) is not None]


def _concession_turn(conceded: list[tuple[int, int]], start: int) -> float | None:
    """How much a cue at ``start`` counts beside the conceded clauses: half inside one, half
    again after one; None when no concession comes before it."""
    if any(a <= start < b for a, b in conceded):
        return 0.5
    return 1.5 if any(b <= start for _, b in conceded) else None


def _without_before(before: list[str]) -> bool:
    """Whether the (up to three) words before an event or a target deny it: "without delay",
    "without further delay", "back the bill without the carve-outs", "without such an exemption"."""
    if "without" not in before:
        return False
    k = len(before) - 1 - before[::-1].index("without")
    return all(w in _WITHOUT_FILLERS for w in before[k + 1:])


_WITHOUT_FILLERS = frozenset({"further", "any", "undue", "more", "a", "an", "the", "these", "those", "such", "its", "their",
                              "this", "that", "similar"})


def _no_longer(before: list[str]) -> bool:
    """Whether the words before an event end it: "will no longer be exempt", "no longer delayed"."""
    return any(a == "no" and b == "longer" for a, b in zip(before, before[1:]))


def _sentence_before(words: list[str], start: int, reach: int = 12) -> list[str]:
    """Up to ``reach`` words before ``start``, not past a "." marker (the lead's sentence breaks)."""
    before = words[max(0, start - reach):start]
    return before[len(before) - before[::-1].index("."):] if "." in before else before


class StanceResult(NamedTuple):
    stance: str
    score: float
    confidence: float
    cues: tuple[str, ...]


NEUTRAL_RESULT = StanceResult(NEUTRAL, 0.0, 0.8, ())


def conceded(result: StanceResult) -> StanceResult:
    """A side the speaker's next statement turns against ("X supports the law." then "However,
    it warned …"): a concession, worth half."""
    score = round(result.score * 0.5, 4)
    stance = SUPPORT if score >= _DECISION else OPPOSE if score <= -_DECISION else NEUTRAL
    return StanceResult(stance, score, result.confidence, result.cues)


def score_stance(
    text: str,
    tokens: list,
    matches: list[PhraseMatch[Cue]],
    regions: list[tuple[int, int]],
    lexicon: StanceLexicon,
    compound: float,
    about_rules: bool,
    direction: int = 1,
    previous: int = 0,
) -> StanceResult:
    """Stance of a speaker whose words are the token ``regions`` of a statement.

    ``tokens`` are the statement's tokens (with ``.word``, ``.gap``, ``.start``, ``.end``),
    ``matches`` the cue phrases found in them once per statement, ``direction`` -1 when the
    article's news is a rule being rolled back (then "welcomed the decision" opposes the rule),
    ``previous`` the side (+1/-1, 0 for none) of the last other company that took one, for
    answers to it ("Tata Steel took the opposite line").
    """
    if tokens and tokens[0].word in _QUESTION_OPENERS and text.rstrip(" ”\"’'").endswith("?"):
        return NEUTRAL_RESULT  # "Is that because they're unhappy?": a question takes no side
    matches = _without_idle_requests(tokens, matches, lexicon)
    raw = 0.0
    explicit = False
    neutral_cue = False
    evidence: list[str] = []
    consumed: set[int] = set()  # inversion targets already used; not cues in their own right
    hedges = [m.start for m in matches if m.value.kind == "hedge"]
    # "… insists it “supports sensible oversight,” but the letter it filed reads as an objection":
    # a "but" between two of the speaker's regions turns its words too.
    contrasts = [i for i in range(min(a for a, _ in regions), max(b for _, b in regions))
                 if tokens[i].word in lexicon.contrast_words] if regions else []
    conceded = _conceded(tokens, regions, lexicon)
    # What a company said before counts half of what it says now.
    words = [t.word for t in tokens]
    then = 0.5 if lexicon.past_markers.find(words) else 1.0
    without = _without_the_rule(tokens, lexicon)
    turned_at = -1  # the end of the last cue a target turned: a predicate joined to it shares its subject
    for m in matches:
        if m.start in consumed or tokens[m.start].gap.endswith("-") or not any(a <= m.start < b for a, b in regions) \
                or _in_proper_name(tokens, m.start) or _describes_a_thing(tokens, m.start, lexicon):
            continue  # "Tencent-backed" is not the word "backed"; "the Federal Court of Appeal" not "appeal"
        cue = m.value
        if cue.kind in ("hedge", "non_cue"):
            continue
        if cue.kind == NEUTRAL:
            neutral_cue = True
            evidence.append(_span(text, tokens, m.start, m.end))
            continue
        if _uncertain(tokens, m.start, lexicon) or _at_a_position(tokens, m.end, lexicon):
            continue  # "did not say whether it would sign"; "backed Jio's position"
        polarity, weight, head, tail = cue.polarity, cue.weight, m.start, m.end
        target = None
        if cue.kind == "request":
            if m.end < len(tokens) and tokens[m.end].word == "by":
                continue  # "Asked by an analyst whether repeal would …": a question put to the speaker
            action = _action(tokens, m.end, lexicon)
            if action is None:
                continue
            polarity, tail, action_start = action
            polarity = polarity or direction  # "urged lawmakers to go further": more of the news
            if any(words[i] in lexicon.restore_words or _keeps_earlier(words, i, i + 1) for i in range(m.end, tail)):
                # "ask senators to restore the 700-metre minimum", "urged the agency to keep the original
                # date" (of a rule now delayed): the state before the news
                polarity = -direction
            if polarity > 0 and direction < 0 and _news_object(tokens, tail, lexicon):
                polarity = -1  # "urged the ministry to adopt the changes" when the news is a rollback
            weight = 0.9
            consumed.update(range(m.end, tail))  # "urge it to resist calls to reopen": one cue, not two
        elif cue.kind == "relative":
            # pleased with a rollback opposes the rule; "not far enough" asks for more of it;
            # disappointed (polarity -1) takes the other side of the news
            # what the cue names itself outweighs the article's news ("relieved that the government
            # decided not to renew the levy")
            named = lexicon.events.find([t.word for t in tokens[m.end:m.end + lexicon.object_window + 4]])
            if named:
                news = named[0].value
            elif m.start >= 1 and tokens[m.start - 1].word in lexicon.rule_nouns:
                news = 1  # "the law does not go far enough": the rule itself, whatever the news did to it
            elif _inversion(tokens, m.end, lexicon) is not None:
                news = -1  # "relieved by the grace period for small firms": a relief, whatever the lead says
            else:
                news = direction
            polarity = news * (cue.polarity or 1)
        elif cue.kind == "answer":
            if not previous:
                continue
            polarity = cue.polarity * previous
        else:
            if cue.rule_object and not _aimed_at_rule(tokens, m.end, lexicon):
                continue  # "We are not against investment. But …": a concession, no side on the rule
            # An evaluative cue judges what stands before it ("scrapping it is the right call"),
            # unless it names its object itself ("a delay will not fix a law that …").
            look_back = cue.evaluative and not _judges_rule(tokens, m.end, lexicon)
            target = _inversion(tokens, m.end, lexicon, m.start if look_back else None)
            if target is None and not cue.evaluative:
                target = _subject_target(tokens, m.start, lexicon)  # "the delay punishes companies that …"
            if target is not None:
                polarity = -polarity
                consumed.add(target)
                head, tail = min(head, target), max(tail, target + 1)
                turned_at = tail
            elif _joined_predicate(tokens, turned_at, m.start):
                polarity = -polarity  # "delaying the ban “rewards inaction” and would undermine investment"
                turned_at = tail
            elif (not _judges_rule(tokens, m.end, lexicon)
                  and _generic_reference(tokens, m.start, m.end, lexicon, cue.evaluative)
                  and (direction < 0 or _reports_rollback(tokens, lexicon))):
                # the news is a rollback, or this statement says the decision was one ("when Brussels
                # agreed to a second delay, FGV was among the first to welcome the decision")
                polarity = -polarity
            if polarity > 0 and target is None and (i := _instead_in_clause(tokens, m.end)) is not None \
                    and tokens[i].word == "instead" and (i + 1 == len(tokens) or tokens[i + 1].word != "of"):
                # "supports a federal law requiring app stores to check ages instead": another rule
                # (not "chose to lead rather than lag", nor "welcomed one rulebook instead of 27"): no side
                # on this one
                continue
        if polarity < 0 and tokens[m.start].word in lexicon.legal_acts and _rule_maker_acts(tokens, m.start, lexicon):
            polarity = -polarity  # "hoped the state would appeal to the Eighth Circuit": defending its rule
        if without is not None and m.start >= without and cue.kind != "request":
            polarity = -polarity  # "without caps, costs would make steelmaking uneconomic": harm the rule prevents
        if _topic(tokens, m.start, lexicon):
            continue  # "asked about criticism from …", "did not comment on the lawsuit": a topic, not a view
        if (_third_party(tokens, m.start, lexicon) and not (target is not None and target < m.start)) or (
                target is None and cue.kind != "request" and _others_view(tokens, m.start, lexicon)):
            # (a look-back target already turned it: "critics who claimed the system was confusing")
            polarity = -polarity  # "those lobbying to water it down", "anyone who says it cannot work": their view, attacked
        neg = _negator(tokens, m.start, lexicon)
        if neg is None and tokens[m.start].word in _MODALS and m.end - m.start > 2 \
                and tokens[m.start + 1].word in lexicon.negators and _gap_took_negator(tokens, m, lexicon):
            neg = m.start + 1  # "will not raise prices": a phrase's gap ("would * raise prices") took the negator
        if cue.kind == "request" and neg is None:
            # (not inside the action: "should be introduced without delay")
            neg = _negator_between(tokens, m.end, action_start, lexicon)
        contribution = polarity * weight * then * (_NEGATED if neg is not None else 1.0)
        if any(0 < h - m.start <= 8 for h in hedges):
            contribution *= 0.4  # "supports carbon pricing in principle, but …"
        if conceded and (turn := _concession_turn(conceded, m.start)) is not None:
            contribution *= turn
        elif contrasts:
            # "It did not object to X, but said the floor would push drivers out": the turn counts.
            contribution *= 0.5 if any(c > m.start for c in contrasts) else 1.5
        raw += contribution
        explicit = True
        evidence.append(_span(text, tokens, min(head, neg) if neg is not None else head, tail))
    vader_weight = 0.3 if about_rules else 0.12
    if explicit and neutral_cue and abs(raw) < 0.5:
        # "said it was preparing to comply and declined to comment further": no side taken.
        return StanceResult(NEUTRAL, 0.0, 0.6, tuple(evidence))
    if explicit:
        score = math.tanh(1.2 * raw) + vader_weight * compound
        agree = compound * raw > 0 and abs(compound) > 0.2
        clash = compound * raw < 0 and abs(compound) > 0.5
        confidence = 0.5 + 0.4 * min(1.0, abs(raw)) + (0.1 if agree else 0.0) - (0.1 if clash else 0.0)
    elif neutral_cue:
        return StanceResult(NEUTRAL, 0.0, 0.75, tuple(evidence))
    elif about_rules and abs(compound) >= _SENTIMENT_ONLY:
        score = vader_weight * compound
        confidence = 0.25 + 0.25 * abs(compound)
        evidence.append(f"sentiment {compound:+.2f}")
    else:
        return StanceResult(NEUTRAL, 0.0, 0.4, ())
    score = max(-1.0, min(1.0, score))
    stance = SUPPORT if score >= _DECISION else OPPOSE if score <= -_DECISION else NEUTRAL
    return StanceResult(stance, round(score, 4), round(max(0.0, min(1.0, confidence)), 4), tuple(evidence))


_QUESTION_OPENERS = frozenset({"is", "are", "was", "were", "do", "does", "did", "will", "would", "should", "can",
                               "could", "has", "have", "had"})


def _without_idle_requests(tokens: list, matches: list[PhraseMatch[Cue]], lexicon: StanceLexicon) -> list[PhraseMatch[Cue]]:
    """The matches, with a request that asks for nothing replaced by the cues inside it: the
    request "campaigned * for" took "campaigned for the rules for two years" from the cue
    "campaigned for the rules"."""
    if not any(_spans_a_cue(m, tokens) for m in matches):
        return matches
    words = [t.word for t in tokens]
    out: list[PhraseMatch[Cue]] = []
    for m in matches:
        inner = [n for n in lexicon.cues.find(words, m.start, m.end - 1) if n.value.kind != "request"] \
            if _spans_a_cue(m, tokens) and _action(tokens, m.end, lexicon) is None else []
        if inner and inner[-1].end == m.end - 1:  # the wildcard took a whole cue, up to the request's "for"
            out += inner
        else:
            out.append(m)
    return out


def _spans_a_cue(m: PhraseMatch[Cue], tokens: list) -> bool:
    """Whether a request may have swallowed a cue: "argued * for" over "argued for the rules for"."""
    return m.value.kind == "request" and m.end - m.start > 3 and tokens[m.end - 1].word == "for"


def _reports_rollback(tokens: list, lexicon: StanceLexicon) -> bool:
    """Whether a statement reports a rollback as done ("when Brussels agreed to a second
    12-month delay"): not asked for, not a possible consequence ("could weaken security")."""
    words = [t.word for t in tokens]
    # (nor a condition: "news would not return unless the law was repealed")
    return any(_MODALS.isdisjoint(words[max(0, m.start - 2):m.start])
               and _CONDITIONS.isdisjoint(words[max(0, m.start - 5):m.start])
               for m in lexicon.reported_changes(words)[0])


def _intended(words: list[str], start: int, lexicon: StanceLexicon) -> bool:
    """Whether a rollback is only intended: "would petition the cabinet to overturn the decision"
    (but "voted to scrap it" and "the decision to revisit the rule" are done)."""
    before = words[max(0, start - 6):start - 1]  # "agreed early on Wednesday to delay the launch"
    return start >= 2 and words[start - 1] == "to" and lexicon.decision_words.isdisjoint(before) \
        and lexicon.decision_nouns.isdisjoint(before)


_CONDITIONS = frozenset({"unless", "if", "until"})


def _describes_a_thing(tokens: list, i: int, lexicon: StanceLexicon) -> bool:
    """Whether a cue opens a relative clause about a thing: "funds that support Canadian content"
    (parties that support or oppose something are _third_party's)."""
    return (i >= 2 and tokens[i].word in _SUPPORT_VERBS and tokens[i - 1].word in ("that", "which")
            and tokens[i - 2].raw[:1].islower() and tokens[i - 2].word.endswith("s")
            and tokens[i - 2].word not in lexicon.generic_parties and not _CLAUSE_STOP.intersection(tokens[i - 1].gap))


_SUPPORT_VERBS = frozenset({"support", "supports", "back", "backs", "promote", "promotes", "fund", "funds", "finance",
                            "finances"})


def _in_proper_name(tokens: list, i: int) -> bool:
    """Whether a capitalised word goes on a name mid-sentence: "Court of Appeal", "Support Fund"."""
    if i == 0 or not tokens[i].raw[:1].isupper() or _SENTENCE_END.intersection(tokens[i].gap) \
            or tokens[i].gap.strip(" ’'") in ("“", '"'):
        return False
    before = tokens[i - 1]
    return before.raw[:1].isupper() or (before.word in ("of", "for") and i >= 2 and tokens[i - 2].raw[:1].isupper())


def _gap_took_negator(tokens: list, m: PhraseMatch, lexicon: StanceLexicon) -> bool:
    """Whether a cue matched across the negator after its modal only through a gap: it matches
    without it too ("will not raise prices" as "will raise prices"; not "could not afford")."""
    words = [t.word for t in tokens[m.start:m.end]]
    del words[1]
    return any(n.start == 0 and n.end == len(words) and n.value == m.value for n in lexicon.cues.find(words))


def _cannot(tokens: list, i: int) -> bool:
    """The "t" of "can't" ("can" is no negator; "couldn't" is caught by "couldn")."""
    return tokens[i].word == "t" and tokens[i].gap in ("’", "'") and i > 0 and tokens[i - 1].word == "can"


_BELIEF = frozenset({"believe", "believes", "think", "thinks", "consider", "considers", "agree", "agrees", "see", "sees"})


def _negator(tokens: list, start: int, lexicon: StanceLexicon) -> int | None:
    """Index of a negator within a few words before a cue, in the same clause, or of one
    that negates a belief the cue depends on ("does not believe a state-by-state approach is
    the right way")."""
    for i in range(start - 1, max(-1, start - 1 - lexicon.negation_window), -1):
        if _CLAUSE_STOP.intersection(tokens[i + 1].gap) or tokens[i].word in _COORDINATORS:
            return None  # "WHO DOESN'T: Microsoft warned …"; "is not sustainable and puts … at risk"
        if tokens[start].quoted and not tokens[i].quoted:
            return None  # 'could not accept “arbitrary limits”': the quoted words are not what is negated
        if tokens[i].word in lexicon.negators or _cannot(tokens, i):
            if tokens[i].word == "without" and _negator(tokens, i, lexicon) is not None:
                return None  # "will not close without fighting": two negations cancel
            return i
    for i in range(start - 1, max(0, start - 13), -1):
        if _CLAUSE_STOP.intersection(tokens[i + 1].gap) and not tokens[i + 1].gap.strip() in ('"', "“", "”"):
            return None
        if tokens[i].word in _BELIEF and i > 0 and tokens[i - 1].word in lexicon.negators:
            return i - 1
    return None


def _at_a_position(tokens: list, end: int, lexicon: StanceLexicon) -> bool:
    """Whether a cue's object is another party's position ("backed Jio's position", "supports the
    demand of the association …")."""
    for i in range(end, min(len(tokens) - 1, end + 4)):
        if (tokens[i + 1].word in lexicon.position_nouns and tokens[i].word == "s" and tokens[i].gap in ("’", "'")
                and i > 0 and tokens[i - 1].raw[:1].isupper()):
            return True  # a named party's position, not "the regulator's call"
    return (end + 2 < len(tokens) and tokens[end].word == "the" and tokens[end + 1].word in lexicon.position_nouns
            and tokens[end + 2].word in ("of", "by"))


def _uncertain(tokens: list, start: int, lexicon: StanceLexicon) -> bool:
    """"did not say whether it would sign", "asked whether the company now supports the Act"."""
    for i in range(start - 1, max(-1, start - 7), -1):
        if tokens[i].word in lexicon.uncertainty and not (i + 1 < len(tokens) and tokens[i + 1].word == "anything"):
            return True  # not "If anything, it doesn't go far enough"
        if _CLAUSE_STOP.intersection(tokens[i].gap) and start - i > lexicon.negation_window:
            return False
    return False


def _object_range(tokens: list, end: int, lexicon: StanceLexicon, extra: int = 0) -> range:
    stop = min(len(tokens), end + lexicon.object_window + extra)
    for i in range(end, stop):
        if i > end and ((_CLAUSE_STOP.intersection(tokens[i].gap) and not _in_number(tokens, i))
                        or tokens[i].word in _NEW_CLAUSE
                        or (tokens[i].word in _AFTER_AND and tokens[i - 1].word == "and")):  # "… unviable and that it was …"
            return range(end, i)  # "filed a suit last week arguing the lower threshold …": the suit's object ends
        if i > 0 and tokens[i - 1].quoted and not tokens[i].quoted and tokens[i].word in _QUOTE_ENDERS:
            return range(end, i)  # '"long overdue" and said lower fees …': the quotation ends it; not '"supports" the delay'
        if i == end and (_SENTENCE_END.intersection(tokens[i].gap) or (
                "," in tokens[i].gap and (tokens[i].word in _COORDINATORS or tokens[i].raw[:1].isupper()))):
            # "The law was fine. The lobbying …": nothing after the full stop; "is necessary, and another
            # delay …", "to overturn the decision, Tesco called it …": the next clause's
            return range(end, end)
        if i > end and "”" in tokens[i].gap:
            return range(end, i)  # "“should never have been issued” and urged …": the quotation ends it
    return range(end, stop)


def _in_number(tokens: list, i: int) -> bool:
    """Whether a token goes on a number ("200,000", "1.5"): its punctuation ends no clause."""
    return tokens[i].gap in (",", ".") and tokens[i].word.isdigit() and tokens[i - 1].word.isdigit()


# A cue's object ends where a new clause or an adjunct of time or reason begins ("has supported
# this reform since the Kingman review": the review is not what it supported).
_QUOTE_ENDERS = frozenset({"and", "but", "or", "while"})
_AFTER_AND = frozenset({"that", "said", "says", "added", "adds", "warned", "warns", "urged", "urges", "argued", "argues",
                        "insisted", "insists", "noted", "notes", "asked", "asks", "called", "calls", "described",
                        "describes", "termed", "branded", "dubbed"})  # "no quarrel with the cap and called its repeal …"
_NEW_CLAUSE = frozenset({"arguing", "saying", "claiming", "warning", "adding", "noting", "insisting", "contending",
                         "since", "because", "although", "though", "whereas", "unless"})


def _inversion(tokens: list, end: int, lexicon: StanceLexicon, start: int | None = None) -> int | None:
    """Index of a delay, waiver or critic that the cue is aimed at, if any; an evaluative cue
    ("… is the right call") may also judge what stands before it in its clause."""
    # a motion or a bill carries its change several words on: "welcomed a motion filed in Congress last week to suspend it"
    # (past a possessive owner: "backed the banking association's push to have the measure struck down")
    vehicle = any(tokens[i].word in lexicon.change_vehicles and (i < end + 2 or tokens[i - 1].word == "s")
                  for i in range(end, min(len(tokens), end + 5)))
    span = _object_range(tokens, end, lexicon, extra=6 if vehicle else 0)
    for i in span:
        if _is_target(tokens, i, lexicon):
            return i
    if start is not None:
        # "Scrapping the 65% requirement without a clear replacement is a mistake": a few words more
        for i in range(start - 1, max(-1, start - 5 - lexicon.object_window), -1):
            if _is_target(tokens, i, lexicon):
                return i
            if _rule_subject(tokens, i, start, lexicon):
                break  # "said the exemption proved the caps were flawed": the caps are judged
            if _CLAUSE_STOP.intersection(tokens[i].gap) or (tokens[i].gap.strip(" ’'") in ("“", '"') and not (
                    i > 0 and tokens[i - 1].word in _BE_FORMS)):  # 'the extra year was "necessary and welcome"'
                if i > 0 and not _CLAUSE_STOP.intersection(tokens[i].gap) and _is_target(tokens, i - 1, lexicon):
                    return i - 1  # 'called the postponement "necessary and overdue"'
                if i > 1 and not _CLAUSE_STOP.intersection(tokens[i].gap) and (
                        tokens[i - 1].word in _HAVE_FORMS or tokens[i - 1].word in _BE_FORMS) and _is_target(tokens, i - 2, lexicon):
                    return i - 2  # 'the rule's critics had "wildly overstated" the cost'
                break
    return None


def _rule_maker_acts(tokens: list, start: int, lexicon: StanceLexicon) -> bool:
    """Whether a rule maker is the subject of a legal act: "the state would appeal" (a government
    appeals a ruling against its own rule)."""
    before = [t.word for t in tokens[max(0, start - 3):start]]
    maker = next((k for k, w in enumerate(before) if w in lexicon.rule_makers), None)
    # only a modal, an article or "to" between the maker and the act: "the state would appeal"
    return maker is not None and all(w in lexicon.rule_makers or w in _MODALS or w in _DETERMINERS or w in ("to", "also")
                                     for w in before[maker:])


def _joined_predicate(tokens: list, end: int, start: int) -> bool:
    """Whether a cue at ``start`` is a predicate joined by "and" to one ending at ``end``, with
    no subject of its own: "… rewards inaction and would undermine investment"."""
    between = tokens[end:start]
    return 0 < end < start and len(between) <= 3 and any(t.word == "and" for t in between) and all(
        t.word in _JOINED_PREDICATE_WORDS or t.word in _MODALS for t in between) and not any(
        _SENTENCE_END.intersection(t.gap) for t in tokens[end:start + 1])


_JOINED_PREDICATE_WORDS = frozenset({"and", "also", "then"})


def _rule_subject(tokens: list, i: int, start: int, lexicon: StanceLexicon) -> bool:
    """Whether the rule named at ``i`` is the subject an evaluative cue at ``start`` judges: "the
    caps were flawed" (not a target's object or complement: "the delay of the ban is welcome",
    "dropping this tax is the wrong call", "the lower cap was a mistake")."""
    return (tokens[i].word in lexicon.rule_nouns or tokens[i].word in lexicon.rule_plurals) and i + 1 < start \
        and all(t.word in _BE_FORMS or (t.word.endswith("ly") and t.raw[:1].islower()) for t in tokens[i + 1:start]) \
        and _COMPLEMENT_OPENERS.isdisjoint(t.word for t in tokens[max(0, i - 3):i]) \
        and not any(_is_target(tokens, j, lexicon) for j in range(max(0, i - 2), i))


_COMPLEMENT_OPENERS = frozenset({"of", "on", "to", "from", "for"})


def _subject_target(tokens: list, start: int, lexicon: StanceLexicon) -> int | None:
    """A delay, repeal or exemption right before a cue verb, as its subject: "said the delay
    “punishes companies that prepared”"."""
    for i in range(start - 1, max(-1, start - 4), -1):
        if _CLAUSE_STOP.intersection(tokens[i + 1].gap) and tokens[i + 1].gap.strip(" “”\"'’"):
            return None  # a clause break ("… to retain the full exemption, warning that …"), not an opening quote
        if _is_target(tokens, i, lexicon) and i > 0 and (tokens[i - 1].word in _DETERMINERS or tokens[i - 1].word in (
                "s", "each", "every", "any")) and (
                i == start - 1 or all(t.word in _MODALS or t.word in _BE_FORMS or t.word in _HAVE_FORMS
                                      or (t.word.endswith("ly") and t.raw[:1].islower()) for t in tokens[i + 1:start])):
            # "the delay", "this exemption", "the rule's critics had “wildly overstated” …"; not "support lower
            # costs", "the lower threshold exceeds"
            return i
    return None


_HAVE_FORMS = frozenset({"has", "have", "had"})


def _judges_rule(tokens: list, end: int, lexicon: StanceLexicon) -> bool:
    """Whether a cue is followed by a rule noun it judges ("excessive bureaucracy", "will not
    fix a law")."""
    for i in range(end, min(len(tokens), end + 2)):
        if tokens[i].word in lexicon.rule_nouns:
            return True
        if tokens[i].word not in _DETERMINERS:
            return False
    return False


_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "our"})


_MODALS = frozenset({"could", "would", "will", "may", "might", "can"})


def _is_target(tokens: list, i: int, lexicon: StanceLexicon) -> bool:
    word = tokens[i].word
    if i > 0 and tokens[i].gap == "-" and f"{tokens[i - 1].word}-{word}" in lexicon.inversion_targets:
        # "a two-year phase-in"; not "without the carve-outs"
        return not _without_before([t.word for t in tokens[max(0, i - 3):i - 1]])
    if word in lexicon.inversion_targets:
        if i >= 2 and tokens[i - 1].word == "s" and tokens[i - 2].raw[:1].isupper() and word not in lexicon.legal_acts:
            return False  # "Google's critics" are a company's critics, not the rule's (but "Cloudflare's appeal" is one)
        if word in lexicon.party_targets and any(t.word in lexicon.rule_makers for t in tokens[max(0, i - 3):i]):
            return False  # "a Federal Trade Commission lawsuit", "the state's challenge": enforcement, not critics
        if i >= 2 and tokens[i - 1].gap == "-" and tokens[i - 2].word.isdigit():
            return False  # "a 45-day review", "a 90-day pause" of each licence is the rule's procedure
        if any(t.word in lexicon.outcome_nouns for t in tokens[i + 1:i + 3]):
            return False  # "without guaranteeing lower prices", "negotiate lower net prices": an outcome, not a relief
        if word in lexicon.comparative_reliefs and not any(
                t.word in lexicon.rule_nouns or t.word in lexicon.rule_versions for t in tokens[i + 1:i + 5]):
            # "a weaker version", "lighter rules", 'the looser "reasonably necessary" test'; not "networks with
            # weaker security"
            return False
        if i > 0 and tokens[i - 1].word in lexicon.process_nouns:
            return False  # "approval delays had left orders stranded": the procedure's, not the rule's
        if _without_before([t.word for t in tokens[max(0, i - 3):i]]):
            return False  # "introduced without delay": no delay at all
        # "could delay the arrival of new products" is a consequence, not a delay of the rule,
        # unless a rule maker is the subject ("the ministry might postpone the higher rate")
        return i == 0 or tokens[i - 1].word not in _MODALS or (i >= 2 and tokens[i - 2].word in lexicon.rule_makers)
    if word in _REVIEWS and i + 2 < len(tokens) and tokens[i + 1].word == "of" and (
            tokens[i + 2].word in lexicon.rule_nouns or (tokens[i + 2].word in _DETERMINERS
                                                        and i + 3 < len(tokens) and tokens[i + 3].word in lexicon.rule_nouns)):
        return True  # "a review of the standards"; not "did not object to the review" of licences
    after = lexicon.inversion_after.get(word)
    # "another year" is more time; "for more than a year" is how long something went on
    return after is not None and any(tokens[j].word in after for j in range(max(0, i - 4), i)) and not any(
        tokens[j].word == "than" for j in range(max(0, i - 3), i))


_REVIEWS = frozenset({"review", "reviews"})


def _generic_reference(tokens: list, start: int, end: int, lexicon: StanceLexicon, evaluative: bool) -> bool:
    """Whether a cue is aimed at "the decision", "the move": the article's news itself
    ("welcomed the decision"; "today's decision is a victory")."""
    if any(_news_reference(tokens, i, lexicon) for i in _object_range(tokens, end, lexicon)):
        return True
    if evaluative and _calls_the_rule(tokens, start, lexicon):
        return False  # "called the caps a reasonable compromise": the rule is judged, whatever the news did
    if evaluative and end - start > 1 and _news_reference(tokens, end - 1, lexicon):
        return True  # the cue ends by naming it: "a sensible decision", "a welcome move"; not "a step backwards"
    # An evaluative cue judges what stands before it; a passive one its subject ("The decision was welcomed by …").
    passive = start >= 1 and tokens[start - 1].word in _BE_FORMS and tokens[start].word.endswith(("ed", "en"))
    if (evaluative or passive) and any(_news_reference(tokens, i, lexicon) and not _opens_complement(tokens, i, start)
                                       for i in range(max(0, start - lexicon.object_window), start)):
        return True
    if evaluative and start >= 2 and tokens[start - 1].word in _BE_FORMS and tokens[start - 2].word in ("this", "that") \
            and (start == 2 or _CLAUSE_STOP.intersection(tokens[start - 2].gap) or tokens[start - 2].quoted != tokens[start - 3].quoted):
        return True  # "“This is common sense,” said …" opening the statement: the news is what is judged
    # the cue's subject: "the decision recognizes the science and gives certainty to producers"
    for i in range(start - 1, max(-1, start - 7), -1):
        if _CLAUSE_STOP.intersection(tokens[i + 1].gap) or tokens[i].quoted != tokens[start].quoted:
            return False
        if tokens[i].word in lexicon.decision_nouns and _news_reference(tokens, i, lexicon) and i > 0 \
                and tokens[i - 1].word in _DETERMINERS:
            return True  # not "the proposal would have forced it to …": the proposal may be the rule itself
    return False


_BE_FORMS = frozenset({"was", "were", "is", "are", "been", "be"})
_CALLING = frozenset({"call", "calls", "called", "calling", "described", "describes", "describing", "labelled",
                      "labeled", "branded", "dubbed"})


def _calls_the_rule(tokens: list, start: int, lexicon: StanceLexicon) -> bool:
    """Whether an evaluative cue is what the speaker calls a rule: "called the caps a
    reasonable compromise" (a rule noun, no news reference, between the verb and the cue)."""
    for i in range(start - 1, max(-1, start - 7), -1):
        if _CLAUSE_STOP.intersection(tokens[i + 1].gap):
            return False
        if tokens[i].word in _CALLING:
            between = [t.word for t in tokens[i + 1:start]]
            return any(w in lexicon.rule_nouns or w in lexicon.rule_plurals for w in between) and not any(
                _news_reference(tokens, j, lexicon) for j in range(i + 1, start))
    return False


def _opens_complement(tokens: list, i: int, start: int) -> bool:
    """Whether a "that" after a reference opens what the reference states: in "a recognition
    that the timelines were not achievable" the cue judges the timelines (not a relative
    clause: "a backwards step that would damage …")."""
    return i + 2 < start and tokens[i + 1].word == "that" and tokens[i + 2].word in _SUBJECT_OPENERS


def _without_the_rule(tokens: list, lexicon: StanceLexicon) -> int | None:
    """Where the consequences of a counterfactual begin: "without caps, electricity costs would
    make steelmaking uneconomic" describes the harm the rule prevents."""
    for i, tok in enumerate(tokens[:-1]):
        if tok.word == "without" and (i == 0 or _CLAUSE_STOP.intersection(tok.gap) or tokens[i - 1].word == "that"):
            j = i + 2 if tokens[i + 1].word in _DETERMINERS and i + 2 < len(tokens) else i + 1
            if j + 1 < len(tokens) and tokens[j].word.isdigit() and not _CLAUSE_STOP.intersection(tokens[j + 1].gap):
                j += 1  # "without the 2030 obligation"
            if tokens[j].word in lexicon.rule_nouns or tokens[j].word in lexicon.rule_plurals:
                return j + 1
    return None


_EARLIER = frozenset({"original", "old", "existing", "previous", "current", "initial", "prior", "earlier", "first"})


def _news_reference(tokens: list, i: int, lexicon: StanceLexicon) -> bool:
    # "the original plan" is the rule as it was, not the news
    return tokens[i].word in lexicon.generic_references and (i == 0 or tokens[i - 1].word not in _EARLIER)


def _news_object(tokens: list, start: int, lexicon: StanceLexicon) -> bool:
    """Whether an action's object is the news itself: "(to adopt) the changes", "(pass) this package"."""
    return start + 1 < len(tokens) and tokens[start].word in _DETERMINERS and _news_reference(tokens, start + 1, lexicon)


def _negator_between(tokens: list, start: int, stop: int, lexicon: StanceLexicon) -> int | None:
    """A negator between a request and its action ("said CBAM must not be weakened"; not the
    first part of a compound: "a no-risk category")."""
    return next((i for i in range(start, stop) if tokens[i].word in lexicon.negators
                 and not (i + 1 < len(tokens) and tokens[i + 1].gap == "-")), None)


_PARTY_ADVERBS = frozenset({"now", "still", "already", "suddenly", "loudly", "currently"})  # "the companies now calling"


def _third_party(tokens: list, start: int, lexicon: StanceLexicon) -> bool:
    """Whether a cue describes a generic third party the speaker is answering: "Those
    demanding a pause …", "anyone who says reuse cannot work", "streamers that … complain"."""
    if start >= 1 and tokens[start - 1].word == "those" and tokens[start].word.endswith(("ing", "ed")):
        return not (start >= 2 and tokens[start - 2].word == "among")  # "those demanding a pause"; not "shares those
        # concerns", nor "Among those cheering the ruling was X" (X's own)
    party = start - 2 if start >= 3 and tokens[start - 1].word in _PARTY_ADVERBS else start - 1
    if party >= 1 and (tokens[party].word == "people" or tokens[party].word in lexicon.generic_parties) \
            and tokens[party - 1].word in _PARTY_DETERMINERS and tokens[start].word.endswith("ing"):
        return True  # "The people warning that …", "The companies complaining loudest", "the companies now calling for"
    if start >= 2 and tokens[start - 1].word.endswith("ing") and not _CLAUSE_STOP.intersection(tokens[start].gap) and (
            tokens[start - 2].word == "those" or (start >= 3 and tokens[start - 3].word in _PARTY_DETERMINERS and (
                tokens[start - 2].word == "people" or tokens[start - 2].word in lexicon.generic_parties))):
        return True  # "Those shouting protectionism …", "the landlords predicting collapse": what they say
    if any(tokens[i].word in _HEARD and tokens[i + 1].word in ("that", "for", "from") for i in range(max(0, start - 10), start - 1)) \
            and not any(_CLAUSE_STOP.intersection(tokens[i].gap) for i in range(max(1, start - 9), start + 1)):
        return True  # "I've heard for two years that this wage would kill us": what others said
    for i in range(start - 1, max(0, start - 7), -1):
        if tokens[i].word in FIRST_PERSON:
            return False  # "we are among the companies that support it"
        if tokens[i].word in ("who", "that") and i >= 1 and tokens[i - 1].word in lexicon.generic_parties and not (
                tokens[i].word == "that" and tokens[i + 1].word in _SUBJECT_OPENERS):
            # (not the "that" of "a note to the parliamentary groups that the increase will penalise …")
            # "we are among the companies that …" and "X was one of the few retailers that campaigned
            # for it" are the speaker; "came to us from companies that …" is not
            before = [t.word for t in tokens[max(0, i - 7):i]]
            return not ("we" in before or "i" in before or "among" in before
                        or any(w == "one" and nxt == "of" for w, nxt in zip(before, before[1:])))
        if _CLAUSE_STOP.intersection(tokens[i].gap):
            return False
    return False


def _others_view(tokens: list, start: int, lexicon: StanceLexicon) -> bool:
    """Whether a cue states a view the speaker reports of others: "the cable industry’s warnings
    about lost investment were the same script", "the argument that the rule would damage …"."""
    if start >= 3 and tokens[start - 1].word == "s" and tokens[start - 1].gap in ("’", "'") and (
            tokens[start - 2].word in lexicon.generic_parties or tokens[start - 2].word in lexicon.sector_nouns) \
            and not _joins_or_deserves(tokens, start - 3, lexicon):
        return True  # not "joined the industry’s call for …", nor "deserves the industry's backing"
    for i in range(start - 1, max(0, start - 5), -1):
        if tokens[i].word == "that" and tokens[i - 1].word in lexicon.view_nouns:
            return True
        if tokens[i].word in lexicon.view_nouns and tokens[i].word.endswith("s") and tokens[i + 1].word in _SUBJECT_OPENERS \
                and i + 1 < start and tokens[i - 1].word not in FIRST_PERSON:
            # "claims it would destroy jobs were not borne out"; not "our fears it would …", nor the verb of
            # "warning the rule could hand orders to competitors", nor "an idea the FCA again rejected"
            return True
        if tokens[i].word in _CLAIM_VERBS and not _CLAUSE_STOP.intersection(tokens[i].gap) and (
                tokens[i - 1].word in lexicon.generic_parties or tokens[i - 1].word in lexicon.sector_nouns):
            return True  # "every time a chain says ownership will hurt access", "critics claim it will …"
        if _CLAUSE_STOP.intersection(tokens[i].gap):
            break
    return False


def _joins_or_deserves(tokens: list, i: int, lexicon: StanceLexicon) -> bool:
    """Whether the verb before a possessive view (past its article) makes the view the speaker's own."""
    if tokens[i].word in _DETERMINERS and i > 0:
        i -= 1
    return tokens[i].word in lexicon.joining_verbs or tokens[i].word in _DESERVING


_DESERVING = frozenset({"deserves", "deserve", "deserved", "merits", "merit", "earned", "earns", "won", "wins", "needs"})
_PARTY_DETERMINERS = frozenset({"the", "those", "all", "many", "some", "same", "other"})
_HEARD = frozenset({"heard", "hear", "hearing", "told"})
_CLAIM_VERBS = frozenset({"says", "say", "saying", "claim", "claims", "claiming", "argue", "argues", "arguing", "insist",
                          "insists", "insisting", "complain", "complains", "complaining"})


def _aimed_at_rule(tokens: list, end: int, lexicon: StanceLexicon) -> bool:
    """Whether what follows a cue is the rule, the news or a reference to them (or nothing: the
    clause ends), rather than some other good ("investment", "health", "the goal")."""
    for i in range(end, min(len(tokens), end + 4)):
        word = tokens[i].word
        if _CLAUSE_STOP.intersection(tokens[i].gap) or tokens[i].quoted != tokens[end - 1].quoted:
            return True
        if word in _OBJECT_DETERMINERS:
            continue
        return (word in lexicon.rule_nouns or word in lexicon.generic_references or word in lexicon.inversion_targets
                or word in _REFERENCES or tokens[i].raw[:1].isupper())
    return True


_OBJECT_DETERMINERS = frozenset({"the", "a", "an", "any", "all", "its", "their", "this", "that", "these", "those",
                                 "new", "proposed", "planned"})
# (besides the rule nouns and the news's generic references; the demonstratives are skipped as determiners)
_REFERENCES = frozenset({"it", "them", "reform", "reforms", "measure", "measures", "policy", "policies"})


def _topic(tokens: list, start: int, lexicon: StanceLexicon) -> bool:
    """Whether a cue is what a question or a comment is about ("asked about criticism", "did not
    comment on the lawsuit")."""
    for j in range(start - 1, max(0, start - 4), -1):
        if tokens[j].word in _TOPIC_MARKERS and (tokens[j - 1].word in _QUESTIONS or tokens[j - 1].word in _COMMENTING):
            return True
        if tokens[j].word in _REVIEWING and tokens[start].word in lexicon.legal_acts:
            return True  # "was reviewing the complaint": what it reads, not what it filed
        if tokens[j].word not in _DETERMINERS or _CLAUSE_STOP.intersection(tokens[j].gap):
            return False
    return False


_COMMENTING = frozenset({"comment", "comments", "commented", "commenting", "discuss", "discussed", "address", "addressed"})
_REVIEWING = frozenset({"reviewing", "studying", "examining", "analysing", "analyzing", "assessing", "considering",
                        "received", "reviewed", "studied"})
_SUBJECT_OPENERS = _DETERMINERS | {"it", "they", "he", "she", "we", "i", "such"}
_TOPIC_MARKERS = frozenset({"about", "regarding", "over", "whether", "on"})
_QUESTIONS = frozenset({"asked", "asks", "ask", "asking", "question", "questions", "questioned", "queried", "inquired"})
FIRST_PERSON = frozenset({"i", "we", "my", "our", "us"})




def _action(tokens: list, end: int, lexicon: StanceLexicon) -> tuple[int, int, int] | None:
    """Polarity, end and start of the action a request asks for ("urged … to delay the rule"), looked
    for a little further than a cue's object ("urged the commission as recently as January to keep …")."""
    span = _object_range(tokens, end, lexicon, extra=5)
    words = [t.word for t in tokens[span.start:span.stop]]
    found = lexicon.actions.find(words)
    if not found:
        # "calling for a UK-wide scheme for years": asking for the rule itself (a noun phrase, not
        # "to cap damages" or "asked us about the rule")
        if (instead := _instead_in_clause(tokens, end)) is not None:
            return -1, instead + 1, instead  # "urged the MCMC to place responsibility on app stores instead": another rule
        skip = 1 if words[:1] == ["for"] else 0  # "asked for an 18-month sell-through period"
        if len(words) <= skip or words[skip] not in ("a", "an", "the"):
            return None
        for k, word in enumerate(words[skip + 1:skip + 6], skip + 1):
            if _is_target(tokens, span.start + k, lexicon) and word not in lexicon.party_targets:
                return -1, span.start + k + 1, span.start + k  # "arguing for a lighter, voluntary scheme"
            if word in lexicon.generic_references or word == "to":
                return None  # "ask the Legislature to cap damages": what follows "to" is an action
            if word in lexicon.rule_nouns:
                return 1, span.start + k + 1, span.start + k
        return None
    if found[0].start > 0 and words[found[0].start - 1] in _ADJECTIVE_MARKERS and words[found[0].start].endswith("ed") \
            and found[0].end - found[0].start == 1:
        # "want to start with the SEC's amended custody rule": a participle before a noun, no action
        # (but "a tiered capital regime" is a phrase of the lexicon's own)
        return None
    polarity = found[0].value
    if polarity > 0 and len(found) > 1 and found[1].value < 0 and found[1].start - found[0].end <= 1:
        found = found[1:]  # "urged regulators to adopt a 24-month transition": what is to be adopted is a relief
        polarity = found[0].value
    before = words[max(0, found[0].start - 4):found[0].start]
    refusal = max((i for i, w in enumerate(before) if w in _REFUSALS), default=None)
    if refusal is not None and _COORDINATORS.isdisjoint(before[refusal:]):
        polarity = -polarity  # "urged member states to reject the delay"; not "to reject the bill or exempt …"
    start, end = span.start + found[0].start, span.start + found[0].end
    if polarity > 0 and not _PRECONDITIONS.isdisjoint(words[max(0, found[0].start - 6):found[0].start]):
        return -1, end, start  # "asked for a fresh impact assessment before any further rules are adopted": first, delay
    if polarity > 0 and _keeps_earlier(words, found[0].start, found[0].end):
        return -1, end, start  # "asked MPs to retain the current rate": the rule as it was, before this one
    if polarity > 0 and (any(_instead(tokens, i) for i in range(end, _clause_end(tokens, end, 12)))
                         or any(_is_target(tokens, i, lexicon) and lexicon.negators.isdisjoint(
                                    t.word for t in tokens[max(end, i - 2):i])  # not "without further delay"
                                for i in range(end, min(len(tokens), end + 3)))):
        # "asked the FDA to adopt a traffic-light system instead": another rule than this one;
        # "urge the committee to pass this delay", "to adopt the looser test": a rollback
        polarity = -polarity
    return polarity, end, start


_PRECONDITIONS = frozenset({"before", "until", "till"})
_ADJECTIVE_MARKERS = _DETERMINERS | {"s"}  # "the amended rule", "the SEC's amended rule"


def _instead(tokens: list, i: int) -> bool:
    """"instead", or "rather than" before anything but a number or a delay ("within 60 days
    rather than 120", "adopt the labels rather than wait")."""
    word = tokens[i].word
    if word == "instead":
        return True
    return (word == "rather" and i + 2 < len(tokens) and tokens[i + 1].word == "than"
            and not tokens[i + 2].word[:1].isdigit() and tokens[i + 2].word not in _WAITING)


_WAITING = frozenset({"wait", "waiting", "delay", "delaying", "postpone", "postponing", "pause", "pausing", "defer",
                      "deferring", "hold", "holding"})
_QUESTION_WORDS = frozenset({"why", "whether", "how", "what", "if"})


def _instead_in_clause(tokens: list, start: int, reach: int = 20) -> int | None:
    """Index of an "instead" that ends the clause a request opens, if any (not in a question:
    "investors will ask why we are not building in Boston instead")."""
    for i in range(start, min(len(tokens), start + reach)):
        if (i > start and _CLAUSE_STOP.intersection(tokens[i].gap)) or tokens[i].word in _QUESTION_WORDS:
            return None
        if _instead(tokens, i):
            return i
    return None


_KEEP = frozenset({"keep", "retain", "maintain", "preserve", "stick"})


def _keeps_earlier(words: list[str], i: int, after: int) -> bool:
    """Whether ``words[i]`` keeps a state as it was: "retain the current rate", "keep the original date"
    (an earlier-state word within two words from ``after``)."""
    return words[i] in _KEEP and not _EARLIER.isdisjoint(words[after:after + 2])


def _clause_end(tokens: list, start: int, reach: int) -> int:
    """Index of the first token after ``start`` that opens a new clause or a coordinated
    phrase ("to keep the rule and would now back … instead"), at most ``reach`` on."""
    stop = min(len(tokens), start + reach)
    return next((i for i in range(start + 1, stop)
                 if _CLAUSE_STOP.intersection(tokens[i].gap) or tokens[i].word in _COORDINATORS), stop)


_COORDINATORS = frozenset({"or", "and"})
# Words that refuse what follows: "urged member states to reject the delay", "refused to extend the deadline".
_REFUSALS = frozenset({"reject", "rejects", "rejected", "oppose", "block", "resist", "refuse", "refuses", "refused", "stop",
                       "prevent", "avoid", "abandon", "drop", "declined", "declines", "denied", "denies", "ruled"})


def _span(text: str, tokens: list, start: int, end: int) -> str:
    return text[tokens[start].start:tokens[end - 1].end]
