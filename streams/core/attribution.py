"""Who speaks in a statement, and what part each company plays there.

A statement is cut into clauses (at ";", ", while", "but", a subordinate "While …,", a
relative ", which", a commentary participle ", showing …"). A clause's agent is the noun
phrase before its first predicate word (a reporting or stance verb, an auxiliary, a past
tense), or, for quote-first clauses ("“…,” X said" / "“…,” said X"), the phrase around the
reporting verb after the quote. Companies among a clause's agents are ``speaker`` when the
clause reports speech or carries a stance cue; others are ``subject`` when the statement is
about regulating them, else ``mention``. Pronouns and "the company" carry the last speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from streams.core.entities import Entity, Mention
from streams.core.people import LEAD_VERBS
from streams.core.phrases import PhraseIndex, PhraseMatch
from streams.core.segment import Segment
from streams.core.stance import FIRST_PERSON

SPEAKER, SUBJECT, MENTION = "speaker", "subject", "mention"
_ROLE_RANK = {SPEAKER: 3, SUBJECT: 2, MENTION: 1}
_MAX_AGENT_TOKENS = 28
_CAPITALISED_NAME = re.compile(r"[A-Z][\w’'-]*")
_GAP_AND_WORD = re.compile(r"(\W*)(\w+)")


@dataclass(frozen=True)
class AttributionLexicon:
    """Word lists from ``data/attribution.json`` as sets, plus the cue index for predicates."""

    reporting: frozenset[str]
    auxiliaries: frozenset[str]
    be_forms: frozenset[str]
    titles: frozenset[str]
    company_heads: frozenset[str]
    anaphor_determiners: frozenset[str]
    person_pronouns: frozenset[str]
    company_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    modifier_suffixes: frozenset[str]
    modifier_nouns: frozenset[str]
    clause_breaks: frozenset[str]
    subordinators: frozenset[str]
    intro_words: frozenset[str]
    commentary: frozenset[str]
    subject_markers: frozenset[str]
    non_speaker_nouns: frozenset[str]
    non_agent_prepositions: frozenset[str]
    executive_titles: frozenset[str]
    organisation_nouns: frozenset[str]
    demonyms: frozenset[str]
    """Nationality adjectives from ``names.json``: "the Indian company" still refers back."""
    places: frozenset[str] = frozenset()
    """One-word places from ``names.json``: "the Munich group" refers back too."""

    @classmethod
    def from_data(cls, data: dict, names: dict) -> "AttributionLexicon":
        s = lambda key: frozenset(w.lower() for w in data[key])  # noqa: E731
        return cls(
            reporting=s("reporting_verbs"), auxiliaries=s("auxiliaries"), be_forms=s("be_forms"),
            titles=s("titles"), company_heads=s("company_heads"),
            anaphor_determiners=s("company_anaphor_determiners"), person_pronouns=s("person_pronouns"),
            company_pronouns=s("company_pronouns"), group_pronouns=s("group_pronouns"),
            relative_pronouns=s("relative_pronouns"), modifier_suffixes=s("modifier_suffixes"),
            modifier_nouns=s("modifier_nouns"), clause_breaks=s("clause_breaks"), subordinators=s("subordinators"),
            intro_words=s("intro_words"), commentary=frozenset(w.split()[0] for w in data["commentary_participles"]),
            subject_markers=s("subject_markers"), non_speaker_nouns=s("non_speaker_nouns"),
            non_agent_prepositions=s("non_agent_prepositions"), executive_titles=s("executive_titles"),
            organisation_nouns=s("organisation_nouns"),
            demonyms=frozenset(w.lower() for w in names["demonyms"]),
            # compass and generic words are no places on their own ("the North American unit")
            places=frozenset(w.casefold() for key in ("cities", "countries", "place_words") for w in names[key]
                             if " " not in w and w not in names["place_words_not_countries"]),
        )


class Token(NamedTuple):
    start: int
    end: int
    word: str      # lower-cased
    raw: str
    quoted: bool
    gap: str       # the text between the previous token and this one


class Speaker(NamedTuple):
    """Someone who speaks: a person or organisation as written, and the company behind it."""

    name: str
    entity_id: str | None
    role: bool = False
    """Named by a role only ("its chief executive"): a person, for a later "he" or "she"."""


class Discourse(NamedTuple):
    """What carries from one statement to the next: the last speakers, for pronouns."""

    statement_index: int = -1
    last_person: Speaker | None = None
    last_company: Speaker | None = None
    last_speakers: tuple[Speaker, ...] = ()
    author: Speaker | None = None
    """Whoever writes or answers in the first person: an op-ed's or an interview's "I" and "we"."""


@dataclass
class CompanyRole:
    """A company's part in one statement; ``regions`` are token ranges that speak for it."""

    entity_id: str
    role: str
    surface: str
    speaker: str | None = None
    regions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Attribution:
    """The outcome for one statement."""

    tokens: list[Token]
    cues: list[PhraseMatch]
    """Every stance-cue phrase in the statement, found once."""
    companies: dict[str, CompanyRole]
    speaker: str | None
    """The statement's main speaker as written (the first clause agent), company or not."""


@dataclass
class _Clause:
    start: int
    end: int
    kind: str = "normal"  # normal | relative | commentary | according
    antecedent: list[int] = field(default_factory=list)  # mention indices before ", which"
    aside: frozenset[int] = frozenset()  # tokens of ", which …," asides, in no clause's subject


def _dateline_before_quote(tokens: list[Token]) -> int:
    """Where a quotation after a dateline starts ("VIENNA — “Banks are …,” the chief executive
    of Erste Group said"): the dateline is in no clause, so the quote opens the first one."""
    i = 0
    while i < len(tokens) and len(tokens[i].raw) > 1 and tokens[i].raw.isupper() and not tokens[i].quoted:
        i += 1
    if 0 < i < len(tokens) and tokens[i].quoted and ("—" in tokens[i].gap or "–" in tokens[i].gap or " - " in tokens[i].gap):
        return i
    return 0


def tokenize(text: str, reporting: frozenset[str] = frozenset()) -> list[Token]:
    """Word tokens with quote state and the punctuation before each; a quotation opened and
    never closed ends before the comma that leads to a ``reporting`` verb."""
    # Between two \w+ words there are only \W characters: each match is (gap, word), in order.
    pairs = _GAP_AND_WORD.findall(text)
    end = 0
    if '"' not in text and "“" not in text and "”" not in text:
        return [_new(Token, (start := end + len(gap), end := start + len(raw), raw.lower(), raw, False, gap))
                for gap, raw in pairs]
    tokens: list[Token] = []
    quoted = False
    for gap, raw in pairs:
        start = end + len(gap)
        end = start + len(raw)
        if gap != " " and ("“" in gap or "”" in gap or '"' in gap):
            for ch in gap:
                if ch == "“":
                    quoted = True
                elif ch == "”":
                    quoted = False
                elif ch == '"':
                    quoted = not quoted
        tokens.append(_new(Token, (start, end, raw.lower(), raw, quoted, gap)))
    if quoted and reporting and not any(ch in text[end:] for ch in '”"'):  # (no quote closed after the last word)
        tokens = _close_unclosed_quote(tokens, reporting)
    return tokens


def _close_unclosed_quote(tokens: list[Token], reporting: frozenset[str]) -> list[Token]:
    """Machine translation drops closing quotes: in "“We fully support the rules, Alibaba said."
    the quotation ends at the last comma before the reporting clause."""
    # the first token of the quotation still open at the end
    opened = next((i + 1 for i in range(len(tokens) - 1, -1, -1) if not tokens[i].quoted), 0)
    for j in range(len(tokens) - 1, opened, -1):
        if "," not in tokens[j].gap:
            continue
        # "…, said Mo Guangming", "…, a Vanke spokesperson said"; not "…, who they said they were"
        verb = next((r for r in range(j, min(len(tokens), j + 7)) if tokens[r].word in reporting), None)
        if verb is not None and _REPORTED_CLAUSE_WORDS.isdisjoint(t.word for t in tokens[j:verb]):
            return tokens[:j] + [t._replace(quoted=False) for t in tokens[j:]]
    return tokens


_REPORTED_CLAUSE_WORDS = frozenset({"who", "which", "that", "they", "we", "i", "you", "he", "she", "it", "as", "what",
                                    "when", "if", "whether"})


_new = tuple.__new__  # a NamedTuple without its Python-level __new__


def attribute_statement(
    text: str,
    mentions: list[Mention],
    entities: dict[str, Entity],
    lexicon: AttributionLexicon,
    cues: PhraseIndex,
    discourse: Discourse,
    index: int,
    in_turn: bool = False,
) -> tuple[Attribution, Discourse]:
    """Roles of the companies named (or referred to) in one statement, and the new discourse.

    ``mentions`` carry offsets relative to ``text``; ``entities`` resolves their ids.
    ``in_turn``: the statement goes on a transcript's turn ("MARINOU: No. We are …"), so it
    continues the last speaker as a quote would.
    """
    tokens = tokenize(text, lexicon.reporting)
    matches = cues.find(_cue_words(tokens))
    cue_starts = frozenset(m.start for m in matches if not tokens[m.start].gap.endswith("-"))
    at = _mention_tokens(tokens, mentions)
    clauses, aside = _clauses(tokens, lexicon, at, mentions)
    companies: dict[str, CompanyRole] = {}
    speakers: list[Speaker] = []
    main_speaker: str | None = None
    previous_agents: list[Speaker] = []
    other_spoke = False  # the last clause's subject was no company ("The Palm Oil Council said …")
    continuing = discourse.statement_index == index - 1
    reporter: list[Speaker] = []  # who the statement reports as saying what follows
    for clause in clauses:
        if other_spoke and clause.start not in at and (
                (clause.kind == "relative" and not _relative_reports(tokens, clause, lexicon))
                or (clause.kind == "normal" and not _has_subject(tokens, clause, lexicon))):
            # "…, but repeated its call for …", "…, which it said had fallen": the union goes on speaking
            continue
        agents, region, named = _clause_agents(tokens, clause, mentions, at, entities, lexicon,
                                               cue_starts - aside, discourse, aside)
        if (in_turn and clause is clauses[0] and continuing and discourse.last_speakers and discourse.author is not None
                and agents == [discourse.author] and discourse.author.entity_id not in {
                    s.entity_id for s in discourse.last_speakers}):
            agents = list(discourse.last_speakers)  # in an analyst's turn on a call, "I" is the analyst, not the host
        if agents is None and named is not None and (same := _same_person(named, discourse)) is not None:
            agents, named = [same], None  # "Chief executive Nadia Beaulieu said …" then "“…,” Beaulieu said."
        if agents is None:
            if not named and previous_agents and (
                    (clause.kind == "normal" and not _has_subject(tokens, clause, lexicon))
                    or (clause.kind == "relative" and tokens[clause.start].word == "who")):
                # "…, said chief executive Aisha Rahman, who testified for the bill": the speaker goes on
                agents, region = previous_agents, (clause.start, clause.end)
            elif clause is clauses[0] and continuing and discourse.last_speakers and (
                    in_turn or _all_quoted(tokens, clause)):
                agents, region = list(discourse.last_speakers), (clause.start, clause.end)
            elif reporter and not named and _goes_on_reporting(tokens, clause, lexicon):
                # "X said, the company agrees with the goal, but adaption time is not enough": X's words go on
                agents, region = reporter, (clause.start, clause.end)
            else:
                if tokens[clause.start].word not in lexicon.subordinators:
                    previous_agents = []  # "… while the bill is debated, and urged …": the speaker goes on
                # someone else spoke ("The Palm Oil Council said …"); not "while the bill is debated"
                # (not the speaker itself: "Apple said it had built the tools only because it was obliged
                # to, and warned …")
                other_spoke = (named is not None and (named.entity_id is None or named.entity_id not in {
                    p.entity_id for p in previous_agents})) or (
                    _has_subject(tokens, clause, lexicon, cue_starts) and any(
                    (tokens[i].word in lexicon.reporting or i in cue_starts) and not tokens[i].quoted
                    for i in range(clause.start, clause.end)))
                if named:
                    speakers.append(named)
                    main_speaker = main_speaker or named.name
                    if named.entity_id is None and lexicon.organisation_nouns.isdisjoint(named.name.casefold().split()):
                        # "Carlo Manalo, a lawyer, said …, though he said …": "he" is the lawyer
                        discourse = discourse._replace(last_person=named)
                elif clause.kind == "normal" and (subject := _company_subject(
                        tokens, _skip_intro(tokens, clause.start, clause.end, lexicon, at), clause.end,
                        at, mentions, entities, lexicon)) is not None:
                    # "Southwest did not address the proposal; a spokesperson said …": Southwest's;
                    # "Bank of Ireland was more measured in tone but no less opposed": its too.
                    # "Amanda Firth runs Pennine Care Homes Ltd": she is who "she" is next
                    company = Speaker(entities[subject.entity_id].name, subject.entity_id)
                    discourse = discourse._replace(last_company=company, last_person=(
                        subject if subject.name != company.name else discourse.last_person))
                    previous_agents, other_spoke = [subject], False
                continue
        previous_agents, other_spoke = agents, False
        if not reporter and any(tokens[i].word in lexicon.reporting and not tokens[i].quoted
                                for i in range(clause.start, clause.end)):
            reporter = agents
        discourse = _within(discourse, agents, entities)
        for agent in agents:
            speakers.append(agent)
            main_speaker = main_speaker or agent.name
            entity = entities.get(agent.entity_id) if agent.entity_id else None
            if entity is None or not entity.is_company:
                continue
            role = companies.get(entity.id)
            if role is None or role.role != SPEAKER:
                role = companies[entity.id] = CompanyRole(entity.id, SPEAKER, _surface_of(entity.id, mentions, entity), agent.name)
            role.regions.append(region)
    if not companies and (framed := _among(tokens, at, mentions, entities, lexicon)
                          or _came_from(tokens, at, mentions, entities)
                          or _view_of(tokens, at, mentions, entities)):
        # Nobody speaks in a clause of its own, but the sentence frames a company's view: "Among those
        # cheering the ruling was Dev Patel, owner of …" (what stands before the verb is his), "For
        # Returnr BV, an Amsterdam start-up, the law “does not go far enough”" (what follows the comma)
        entity, region = framed
        companies[entity.id] = CompanyRole(entity.id, SPEAKER, _surface_of(entity.id, mentions, entity), entity.name,
                                           [region])
        main_speaker = main_speaker or entity.name
        speakers.append(Speaker(entity.name, entity.id))
    about_rules = _about_rules(tokens, mentions, entities, lexicon)
    for m in mentions:
        entity = entities.get(m.entity_id)
        if entity is None or not entity.is_company or m.entity_id in companies:
            continue
        companies[m.entity_id] = CompanyRole(m.entity_id, SUBJECT if about_rules else MENTION, m.surface)
    discourse = _advance(discourse, index, speakers, entities)
    if not speakers and other_spoke:
        # "Park Jae-hoon, an analyst at Hana Securities, said …": a later "he" is no longer the last company's man
        discourse = discourse._replace(last_person=None)
    if not any(r.role == SPEAKER for r in companies.values()):
        # "Regulators fined X." — then "The company said it would appeal" is X.
        opener = _opening_company(tokens, clauses, at, mentions, entities, lexicon)
        focus = opener or next((Speaker(entities[r.entity_id].name, r.entity_id) for r in companies.values()
                                if r.role == SUBJECT), None) or next(
            (Speaker(entities[r.entity_id].name, r.entity_id) for r in companies.values()), None)
        if focus is not None:
            discourse = discourse._replace(last_company=focus)
        # "Across the aisle sat Marianne Fuchs, co-founder of X": she is who "she" is next
        person = next((m for m in mentions if m.person and m.entity_id in companies), None)
        if person is not None and not other_spoke:
            discourse = discourse._replace(last_person=Speaker(person.person, person.entity_id))
    return Attribution(tokens, matches, companies, main_speaker), discourse


_HONORIFICS = frozenset({"Mr", "Ms", "Mrs", "Miss", "Mx", "Dr", "Prof"})


def _among(tokens, at, mentions, entities, lx: AttributionLexicon) -> tuple[Entity, tuple[int, int]] | None:
    """The company after the verb of "Among those cheering the ruling was …", "Among the most
    vocal critics were …", and the tokens before that verb (the description, the company's)."""
    if len(tokens) < 5 or tokens[0].word != "among":
        return None
    be = next((i for i in range(2, min(len(tokens), 14)) if tokens[i].word in lx.be_forms and not tokens[i].quoted), None)
    if be is None or any(i in at for i in range(be)):
        return None
    for i in range(be + 1, min(len(tokens), be + 16)):
        if (k := at.get(i)) is not None:
            entity = entities.get(mentions[k].entity_id)
            if entity is not None and entity.is_company:
                return entity, (0, be)
    return None


def _came_from(tokens, at, mentions, entities) -> tuple[Entity, tuple[int, int]] | None:
    """The company after "came from" in "The strongest criticism came from Pennant Motor Cover
    Ltd", and the words before "came" (the view, the company's)."""
    came = next((i for i in range(1, min(len(tokens) - 2, 10)) if tokens[i].word == "came"
                 and tokens[i + 1].word == "from" and not tokens[i].quoted), None)
    if came is None or any(i in at for i in range(came)):
        return None
    first = came + 3 if tokens[came + 2].word == "the" else came + 2
    k = at.get(first)
    entity = entities.get(mentions[k].entity_id) if k is not None else None
    return (entity, (0, came)) if entity is not None and entity.is_company else None


def _view_of(tokens, at, mentions, entities) -> tuple[Entity, tuple[int, int]] | None:
    """The company a statement opens with "For …," or "At …," and the tokens of its view: after
    the comma that ends the name or its appositive ("For Returnr BV, an Amsterdam start-up, the
    law …", "At BASF the reaction is one of relief")."""
    first = 2 if len(tokens) > 2 and tokens[1].word == "the" else 1  # "For the EMS, …" (machine translation)
    if len(tokens) < 4 or tokens[0].word not in ("for", "at") or (k := at.get(first)) is None:
        return None
    entity = entities.get(mentions[k].entity_id)
    if entity is None or not entity.is_company:
        return None
    end = _mention_end(first, at, k) + 1
    if end >= len(tokens):
        return None
    if "," not in tokens[end].gap:
        if tokens[0].word != "at" or tokens[end].word != "the":
            return None
    elif tokens[end].word in ("a", "an", "the", "which", "who", "whose"):
        # an appositive ends at the next comma; with none, "the" opened the view itself
        end = _next_comma(tokens, end + 1, len(tokens)) or end
    return entity, (end, len(tokens))


def _same_person(named: Speaker, discourse: Discourse) -> Speaker | None:
    """The last person's company for a surname that is theirs: "Beaulieu" after "Nadia Beaulieu"."""
    last = discourse.last_person
    words = named.name.split()
    if len(words) == 2 and words[0].rstrip(".") in _HONORIFICS:
        words = words[1:]  # "Mr Ko" after "Daniel Ko"
    if (last is None or last.entity_id is None or named.entity_id is not None or len(words) != 1
            or last.name.rsplit(" ", 1)[-1] != words[0]):
        return None
    return Speaker(named.name, last.entity_id, True)


def _within(discourse: Discourse, agents: list[Speaker], entities) -> Discourse:
    """The discourse as later clauses of the same statement see it: "Exxon said it …, which it
    said would hurt …" — the second "it" is Exxon, whoever spoke before the statement."""
    company = next((a for a in agents if a.entity_id and (e := entities.get(a.entity_id)) is not None
                    and e.is_company), None)
    if company is None:
        return discourse
    entity = entities[company.entity_id]
    person = company if company.name != entity.name or company.role else discourse.last_person
    return discourse._replace(last_company=Speaker(entity.name, entity.id), last_person=person)


def _opening_company(tokens, clauses, at, mentions, entities, lx) -> Speaker | None:
    """The company a statement opens with ("Mark Cuban Cost Plus Drug Co., the online pharmacy,
    struck a different tone"): what "its chief executive" in the next statement refers to."""
    if not clauses:
        return None
    i = _skip_intro(tokens, clauses[0].start, clauses[0].end, lx)
    k = at.get(i)
    if k is None or mentions[k].person:
        return None
    entity = entities.get(mentions[k].entity_id)
    return Speaker(entity.name, entity.id) if entity is not None and entity.is_company else None


def _advance(discourse: Discourse, index: int, speakers: list[Speaker], entities: dict[str, Entity]) -> Discourse:
    if not speakers:
        # Nobody spoke: a following bare quote no longer continues anyone's turn.
        return discourse._replace(last_speakers=())
    last_person, last_company = discourse.last_person, discourse.last_company
    for sp in speakers:
        entity = entities.get(sp.entity_id) if sp.entity_id else None
        if entity is None or sp.name != entity.name or sp.role:
            last_person = sp
        if entity is not None and entity.is_company:
            last_company = Speaker(entity.name, entity.id)
    return Discourse(index, last_person, last_company, tuple(speakers), discourse.author)


def opens_turn(text: str) -> bool:
    """Whether a paragraph opens with a transcript's speaker label: "MARINOU:", "NIKOS
    ANDREADIS, CHIEF EXECUTIVE OFFICER:", "Hana Farouk, EFG Hermes:", "RACHEL STEIN (JEFFERIES):"."""
    return _TURN_LABEL.match(text) is not None


_TURN_LABEL = re.compile(r"[A-Z][\w'’.&-]*(?:,?[ \t]+[A-Z][\w'’.&-]*){0,6}(?:[ \t]*\([^()\n]{1,40}\))?:[ \t]")
_LABEL = re.compile(r"[A-Z][\w ,.'’&-]{0,60}:\s*[“\"]")
_ROLE_LABEL = re.compile(r"(?:[A-Z][\w'’-]*[ ,]+){0,4}[A-Z][\w'’-]*:\s")  # "Chief Executive Officer: …"


def opens_with_reference(text: str, words: list[str], lexicon: AttributionLexicon) -> bool:
    """Whether a statement's first words may refer back to a speaker ("He added", "The company
    said", a transcript's "Chief executive: “…”")."""
    if _LABEL.match(text) or (_ROLE_LABEL.match(text) and not lexicon.executive_titles.isdisjoint(words[:5])):
        return True
    if "its" in words[1:8] and not lexicon.reporting.isdisjoint(words[2:14]):
        return True  # "A person in charge of its public affairs department said …"
    return _refers_back(words, lexicon)


def pronoun_reports(words: list[str], lexicon: AttributionLexicon) -> bool:
    """Whether a pronoun is a reporting verb's subject anywhere in a statement: "“…,” she said",
    "…, he added"."""
    return any((a in lexicon.person_pronouns and b in lexicon.reporting) or (a in lexicon.reporting and b in lexicon.person_pronouns)
               for a, b in zip(words, words[1:]))


def _refers_back(words: list[str], lexicon: AttributionLexicon, introduced: bool = False) -> bool:
    if not words:
        return False
    first = words[0]
    if first in lexicon.person_pronouns or first in lexicon.company_pronouns or first in lexicon.group_pronouns:
        return True
    if not introduced and (first in lexicon.intro_words or first in lexicon.subordinators):
        # "In 2024 it told investors …", "After the ruling, the company said …": past a short introduction
        return any(_refers_back(words[k:], lexicon, True) for k in range(1, min(len(words), 6))
                   if words[k] not in lexicon.intro_words)
    # "The company said", "The Dallas-based tax services firm, which …, said" (the full test is _definite_company's)
    return first in lexicon.anaphor_determiners and any(w in lexicon.company_heads for w in words[1:8])


def _mention_tokens(tokens: list[Token], mentions: list[Mention]) -> dict[int, int]:
    """Token index -> index of the mention covering it."""
    at: dict[int, int] = {}
    k = 0
    for i, tok in enumerate(tokens):
        while k < len(mentions) and mentions[k].end <= tok.start:
            k += 1
        if k < len(mentions) and mentions[k].start <= tok.start < mentions[k].end:
            at[i] = k
    return at


def _clauses(tokens: list[Token], lx: AttributionLexicon, at: dict[int, int],
             mentions: list[Mention]) -> tuple[list[_Clause], frozenset[int]]:
    """The statement's clauses, and the tokens of asides (", which filed the complaint,")
    that belong to no clause's subject or stance."""
    if not tokens:
        return [], frozenset()
    aside: set[int] = set()
    starts: list[_Clause] = [_Clause(_dateline_before_quote(tokens), 0)]
    first = next((i for i, t in enumerate(tokens) if not t.quoted), None)
    pending_subordinate = first is not None and tokens[first].word in lx.subordinators
    appositive_close = -1
    subordinate_open = False
    for i in range(1, len(tokens)):
        tok = tokens[i]
        if tok.quoted or i in aside:
            continue
        gap = tok.gap
        comma = "," in gap or "–" in gap or "—" in gap
        kind = None
        if ";" in gap or (":" in gap and i in at and i - starts[-1].start > 2 and tokens[i - 1].word not in lx.reporting
                          and at.keys().isdisjoint(range(starts[-1].start, i))
                          and any(tokens[j].raw[:1].islower() for j in range(starts[-1].start, i))):
            # "The measure has exposed a divide: Meta lobbied for it, …": a colon before a name opens a
            # clause of its own; not after "said:", nor a label ("Shopify: The platform …", "Mei Lin, CFO: …")
            kind = "normal"
        elif pending_subordinate and comma and tok.word in ("a", "an", "the") and i - 1 in at and (
                close := next((j for j in range(i + 1, min(len(tokens), i + 15)) if "," in tokens[j].gap
                               and not tokens[j].quoted and not (tokens[j].word.isdigit() and tokens[j - 1].word.isdigit())),
                              None)) is not None:
            # "While Garden State Fiber Inc., a 6,000-customer provider in Hunterdon County, said …, Comcast
            # warned …": the appositive is an aside; the subordinate clause ends at the comma after it
            aside.update(range(i, close))
            appositive_close = close
            continue
        elif pending_subordinate and comma and i != appositive_close:
            kind, pending_subordinate = "normal", False
        elif (comma and tok.word in _CONCESSIVE and i + 1 < len(tokens) and tokens[i + 1].word.endswith("ing")
              and _predicate(tokens, starts[-1].start, i, at, lx, frozenset()) is None
              and (close := _next_comma(tokens, i + 2, len(tokens))) is not None and close < len(tokens) - 1):
            # "Genesis Energy, while saying it broadly accepted the reform, welcomed …": the subject goes on
            aside.update(range(i, close))
            continue
        elif comma and tok.word in lx.subordinators and _predicate(tokens, starts[-1].start, i, at, lx, frozenset()) is None:
            # "Last year, when Brussels agreed to a delay, FGV was among the first to welcome it": the
            # subordinate clause ends at the next comma, where the main clause begins
            kind, pending_subordinate = "normal", True
        elif tok.word in _PARENTHETICAL and comma and i + 1 < len(tokens) and "," in tokens[i + 1].gap:
            continue  # "StubHub, meanwhile, says …": an aside, not a new clause
        elif comma and tok.word.endswith("ing") and tok.raw[:1].islower() and tok.word not in lx.titles and (
                i + 1 < len(tokens) and tokens[i + 1].word not in lx.titles) and (
                close := _next_comma(tokens, i + 1, i + 25)) is not None and tokens[close].word in lx.reporting:
            # "A senior executive at X, speaking on condition of anonymity because the company has not
            # taken a position, said …": the participle's clause is an aside; the subject goes on
            aside.update(range(i, close))
            continue
        elif tok.word in lx.clause_breaks and (comma or tok.word in ("but", "while", "whereas", "although", "though", "after", "because")):
            if not comma and _in_open_relative(tokens, starts[-1].start, i):
                continue  # "X, a start-up that applied in August but is still waiting, said …": the aside goes on
            kind = "according" if tok.word == "according" else "normal"
            subordinate_open = tok.word in _CONCESSIVE
        elif subordinate_open and comma and i in at:
            # "… and while Walmart Chile backed the measure, Coca-Cola Andina called it a double tax": the
            # subordinate clause ends where the next subject is named
            kind, subordinate_open = "normal", False
        elif comma and tok.word in lx.relative_pronouns:
            # The aside ends at the first comma that does not continue a list of names.
            close = next((j for j in range(i + 1, len(tokens)) if "," in tokens[j].gap and not tokens[j].quoted
                          and j not in at and tokens[j].word not in ("and", "or")), None)
            if close is not None and (close < len(tokens) - 1 or tokens[close].word in lx.reporting):
                # ", which …," : an aside; the main clause goes on (if only with its last word: "“…,” a
                # spokeswoman for Diageo, which brews Guinness in Dublin, said.")
                aside.update(range(i, close))
                continue
            kind = "relative"
        elif comma and tok.word == "with" and _name_doing(tokens, at, i + 1, i + 6):
            kind = "normal"  # "…, with industry leader BYD saying it had no quarrel with the change"
        elif tok.word == "and" and tokens[starts[-1].start].word == "with" and i + 1 in at \
                and _name_doing(tokens, at, i + 1, i + 5):
            kind = "normal"  # "…, with Keeta backing the proposal and Foodpanda arguing for …"
        elif comma and tok.word in lx.commentary:
            kind = "commentary"
        elif comma and tok.word == "and" and i + 1 < len(tokens) and (
                i + 1 in at or tokens[i + 1].raw[:1].isupper()
                or (tokens[i + 1].word in lx.reporting and not tokens[i + 1].quoted)
                or _described_name_after(tokens, at, i + 1)):
            kind = "normal"  # "…, and Meta said …"; "…, while the bill is debated, and urged …"
        if kind:
            clause = _Clause(i, 0, kind)
            if kind == "relative" and not any(tokens[j].word in _MEMBERSHIP for j in range(max(0, i - 10), i)):
                # ", which has called …" after "whose members include A, B and C" is the group's, not A's
                clause.antecedent = sorted({at[j] for j in range(max(0, i - 6), i) if j in at})
            starts.append(clause)
    for a, b in zip(starts, starts[1:] + [None]):
        a.end = b.start if b else len(tokens)
    clauses = [c for c in starts if c.end > c.start]
    for c in clauses:
        c.aside = frozenset(aside)
    return clauses, frozenset(aside)


def _relative_reports(tokens: list[Token], clause: "_Clause", lx: AttributionLexicon) -> bool:
    """Whether a relative clause's own verb reports its antecedent's words: "…, which said on Monday
    that …" (not "…, which it said had fallen")."""
    return clause.start + 1 < clause.end and tokens[clause.start + 1].word in lx.reporting


def _described_name_after(tokens: list[Token], at: dict[int, int], i: int) -> bool:
    """Whether a name follows a short lower-case description: "…, and age-assurance provider Yoti,
    which …" (a new subject)."""
    for j in range(i, min(len(tokens), i + 4)):
        if j in at:
            return j > i
        if not tokens[j].raw.islower() or (j > i and _CLAUSE_END.intersection(tokens[j].gap)):
            return False
    return False


def _in_open_relative(tokens: list[Token], a: int, i: int) -> bool:
    """Whether ``i`` stands in a relative clause of an appositive not yet closed by its comma."""
    commas = [j for j in range(a + 1, i) if "," in tokens[j].gap and not tokens[j].quoted]
    return len(commas) % 2 == 1 and any(tokens[j].word in _RELATIVES for j in range(commas[-1], i))


def _clause_agents(tokens, clause: _Clause, mentions, at, entities, lx: AttributionLexicon, cues: frozenset[int],
                   discourse: Discourse, aside: frozenset[int] = frozenset()):
    """(agents, stance region, named non-company speaker) of a clause; agents None when it has none."""
    a, b = clause.start, clause.end
    if clause.kind == "commentary":
        return None, (a, b), None
    if tokens[a].quoted:
        if (a := _after_pull_quote(tokens, a, b)) == clause.start:
            return _quote_first_agents(tokens, clause, mentions, at, entities, lx, discourse)
    label = _label_end(tokens, a, b)
    if label is not None:
        # A transcript or Q&A line, "Chief executive: “Let me be direct …”": the label speaks.
        agents = _np_agents(tokens, a, label, mentions, at, entities, lx, discourse, clause)
        if agents or tokens[label].quoted or any(tokens[i].word in lx.organisation_nouns or tokens[i].word in lx.non_speaker_nouns
                                                 for i in range(a, label)):
            # "Canadian Chamber of Commerce: The business group said …": the organisation speaks
            return (agents or None), (label, b), (None if agents else _named_speaker(tokens, a, label, at, lx))
        a = label  # "A: We support it.": the answer's own subject speaks
    if clause.kind == "according" or (tokens[a].word == "according" and a + 1 < b and tokens[a + 1].word == "to"):
        np_start = a + 2 if a + 1 < b and tokens[a + 1].word == "to" else a + 1
        np_end = next((i for i in range(np_start + 1, b) if "," in tokens[i].gap), b)
        agents = _np_agents(tokens, np_start, np_end, mentions, at, entities, lx, discourse, clause)
        region = (0, len(tokens)) if clause.kind == "according" else (np_end, b)
        return (agents or None), region, None
    a = _skip_intro(tokens, a, b, lx, at)
    tail = _trailing_attribution(tokens, a, b, at, lx, cues, aside)
    if tail is not None:
        # "Krafton could see slower royalties, said Daniel Ahmad, an analyst": the tail speaks.
        subject = _company_subject(tokens, a, tail, at, mentions, entities, lx)
        if subject is not None and not any(i in at for i in range(tail, b)) and _role_word(tokens, tail, b, lx):
            # "Volkswagen did not oppose the postponement, a spokesman said": the company the
            # content is about speaks through the unnamed spokesman, whoever spoke before.
            names = _unknown_names(tokens, tail, b, at, lx)
            return [Speaker(names[0][1], subject.entity_id) if names else subject], (a, b), None
        if subject is not None and _acts_on_a_cue(tokens, a, tail, at, lx, cues, aside):
            # "SK hynix has asked the ministry to exempt its plants, he said": whoever tells it, the act
            # is the company's
            return [subject], (a, tail), None
        agents = _np_agents(tokens, tail, b, mentions, at, entities, lx, discourse, clause)
        named = None if agents else _named_speaker(tokens, tail, b, at, lx)
        if named is not None and (
                owned := _owned_company(tokens, tail, b, mentions, at, entities, lx, discourse)) is not None:
            return [Speaker(named.name, owned)], (a, b), None  # "said Marta Kowalska, who co-owns Apteki Kowalska"
        return (agents or None), (a, b), named
    p = _predicate(tokens, a, b, at, lx, cues, aside)
    if p is None or (p - a > _MAX_AGENT_TOKENS and _subject_length(tokens, a, p) > _MAX_AGENT_TOKENS):
        return None, (a, b), None
    if not _active(tokens, p, b, lx, cues):
        by_agents = _passive_agents(tokens, p, b, mentions, at, entities, cues)
        if by_agents:
            # "The rule was not welcomed by Fjordvik Outdoor AS": the company after "by" speaks,
            # and the cue may stand before the verb ("The judicial review was brought by …").
            return by_agents, (a, b), None
        if p > a and at.keys().isdisjoint(range(a, p)) and (
                people := [s for s in _np_agents(tokens, a, p, mentions, at, entities, lx, discourse, clause)
                           if s.entity_id and s.name != s.entity_id]) and people[0].role is False and any(
                tokens[i].word in lx.company_pronouns for i in range(a, p)):
            return None, (a, b), people[0]  # "Its founder, Dev Raman, has been unusually blunt": a later "he" is his
        return None, (a, b), _named_speaker(tokens, a, p, at, lx) if p > a else None
    agents = _np_agents(tokens, a, p, mentions, at, entities, lx, discourse, clause)
    if tokens[p].word in lx.reporting and (actor := _reported_actor(tokens, p + 1, b, at, mentions, entities, lx, cues,
                                                                     aside)) is not None \
            and actor.entity_id not in {s.entity_id for s in agents}:
        # "She said Borealis had urged the government to reinstate the target": the act is Borealis's too
        agents = [*agents, actor]
    if not agents:
        named = _named_speaker(tokens, a, p, at, lx)
        if (named is not None or (a not in at and _CAPITALISED_NAME.fullmatch(tokens[a].raw))) and (
                owned := _owned_company(tokens, a, p, mentions, at, entities, lx, discourse)) is not None:
            # "Declan Mulkerrin, who runs Wild Atlantic Stays Ltd, said"; "Shah, who heads U.S. policy for Wing, said"
            return [Speaker(named.name if named else tokens[a].raw, owned)], (p, b), None
        return None, (p, b), named
    return agents, (p, b), None


def _reported_actor(tokens, a: int, b: int, at, mentions, entities, lx: AttributionLexicon, cues: frozenset[int],
                    aside) -> Speaker | None:
    """The company whose stance act a reported clause tells ("… said [that] X had urged …")."""
    if a < b and tokens[a].word == "that":
        a += 1
    if a not in at:
        return None
    subject = _company_subject(tokens, a, b, at, mentions, entities, lx)
    return subject if subject is not None and _acts_on_a_cue(tokens, a, b, at, lx, cues, aside) else None


def _acts_on_a_cue(tokens, a: int, b: int, at, lx: AttributionLexicon, cues: frozenset[int], aside) -> bool:
    """Whether the clause's verb, past its auxiliaries, is a stance cue ("has asked the ministry to
    …", "lobbied against")."""
    p = _predicate(tokens, a, b, at, lx, cues, aside)
    while p is not None and p < b and tokens[p].word in lx.auxiliaries and p not in cues:
        p += 1
    return p is not None and p < b and p in cues


def _owned_company(tokens, a: int, b: int, mentions, at, entities, lx: AttributionLexicon,
                   discourse: Discourse) -> str | None:
    """The company of a relative clause in a speaker phrase that says the speaker owns, runs or
    leads it ("Dave Ellery, who has run Streamline Cars since 1994"; "who oversees regulatory
    affairs at the Toronto-based carrier": the company of the story so far)."""
    who = next((i for i in range(a, min(len(tokens), b + 1)) if tokens[i].word == "who"), None)  # or opening the next clause
    if who is None:
        return None
    for i in range(who + 1, min(len(tokens), who + 4)):
        if tokens[i].word in _LEADS:
            # "who runs Streamline Cars", "who leads state policy work at Anthropic"
            for j in range(i + 1, min(len(tokens), i + 10)):  # "who runs government affairs for the consumer bank at X"
                if j > i + 1 and _CLAUSE_END.intersection(tokens[j].gap):
                    return None  # not past the clause (a full stop is no end: it may abbreviate, "U.S.")
                if (k := at.get(j)) is not None and (j <= i + 2 or tokens[j - 1].word in ("at", "for", "of", "through")):
                    entity = entities.get(mentions[k].entity_id)
                    return entity.id if entity is not None and entity.is_company else None
                if (discourse.last_company is not None and tokens[j - 1].word in ("at", "for", "of")
                        and tokens[j].word in lx.anaphor_determiners
                        and _definite_company(tokens, j, min(len(tokens), j + 8), lx, at)):
                    return discourse.last_company.entity_id
            return None
    return None


_LEADS = frozenset({"owns", "co-owns", "owned", "runs", "ran", "run", "heads", "headed", "leads", "led", "founded",
                    "co-founded", "manages", "managed", "chairs", "chaired", "started", "oversees", "oversaw", "directs"})
_CLAUSE_END = frozenset(",;:")


def _cue_words(tokens: list[Token]) -> list[str]:
    """The words cue phrases are matched on: "it's the right thing" reads "it is the right thing"."""
    words = [t.word for t in tokens]
    for i in range(1, len(words)):
        if tokens[i].gap in _APOSTROPHES:
            if words[i] == "s" and words[i - 1] in _IS_CONTRACTED:
                words[i] = "is"
            elif words[i] in _CONTRACTED:
                words[i] = _CONTRACTED[words[i]]  # "I'm not against a cap", "we're glad"
    return words


_IS_CONTRACTED = frozenset({"it", "that", "this", "there", "here", "what", "who", "he", "she"})
_CONTRACTED = {"m": "am", "re": "are", "ve": "have", "ll": "will"}


def _company_subject(tokens, a: int, b: int, at, mentions, entities, lx: AttributionLexicon) -> Speaker | None:
    """The company that opens a clause as its subject ("Kraft Heinz did not oppose …"), if any."""
    k = at.get(a)
    if k is None or _is_modifier(tokens, a, at, k, lx):
        return None
    m = mentions[k]
    entity = entities.get(m.entity_id)
    if entity is None or not entity.is_company:
        return None
    p = _predicate(tokens, a, b, at, lx, frozenset())
    if p is None and m.person:
        # "Amanda Firth runs Pennine Care Homes Ltd": the person who runs it is the clause's subject
        p = next((i for i in range(a + 1, min(b, a + 6)) if at.get(i) != k), None)
        p = p if p is not None and tokens[p].word in LEAD_VERBS else None
    if p is None or any(i in at and at[i] != k for i in range(a, p)):
        return None
    return Speaker(m.person or m.surface, entity.id)


def _role_word(tokens, a: int, b: int, lx: AttributionLexicon) -> bool:
    """Whether a speaker phrase names a role ("a spokesman", "its chief executive") rather than a party."""
    return any(tokens[i].word in lx.executive_titles for i in range(a, b))


def _label_end(tokens, a: int, b: int) -> int | None:
    """End of a speaker label ("Chief executive:") opening a clause with a quotation, or of a
    transcript's label in capitalised words ("Chief Financial Officer: Just to size it …")."""
    if a + 2 < b and tokens[a].word.isdigit() and tokens[a + 1].gap == ":" and tokens[a + 1].word.isdigit():
        a += 2  # a live blog's "10:15"
    for i in range(a + 1, min(b, a + 12)):
        if ":" in tokens[i].gap:
            if tokens[i].quoted:
                return i
            short = i - a <= 8 and all(t.raw[:1].isupper() or t.word in _LABEL_CONNECTORS for t in tokens[a:i])
            gaps = "".join(t.gap for t in tokens[a + 1:i + 1])
            before_colon = gaps[:gaps.rfind(":")]
            # "Henrike Vogt (Managing Director, Acme GmbH): …", but not the colon inside "(JSE: VOD)"
            return i if short and before_colon.count("(") <= before_colon.count(")") else None
    return None


def _trailing_attribution(tokens, a: int, b: int, at, lx: AttributionLexicon, cues, aside) -> int | None:
    """Start of the speaker phrase in "… could see slower royalties, said X" (or "…, X said")
    closing a clause whose content has a predicate of its own, if any."""
    for i in range(a + 3, b - 1):
        tok = tokens[i]
        if tok.quoted or ("," not in tok.gap and "–" not in tok.gap and "—" not in tok.gap) or i in aside:
            continue  # "…, said X", "… – says Piotr Zalewski, member of board of Dr.Max Polska"
        if tok.word in lx.company_pronouns and _possessive_role_speaker(tokens, i, b, lx) is not None:
            start = i  # "…, its global head of shipping, Liesl Moreau, told a side event"
        elif tok.word in lx.reporting and not tok.word.endswith("ing"):
            # "…, said Daniel Ahmad" or "…, said a spokesperson for Meta" — not "…, called the cap …".
            head = tokens[i + 1:min(b, i + 4)]
            if not any(t.raw[:1].isupper() or (t.word in lx.titles and t.word not in _ROLE_MODIFIERS) for t in head):
                continue
            start = i + 1
        else:
            j = next((k for k in range(i + 1, min(b, i + 6)) if tokens[k].word in lx.reporting), None)
            # a pronoun too: "… “are defending a business model,” he wrote in a comment letter"
            pronoun = j == i + 1 and (tokens[i].word in lx.person_pronouns or tokens[i].word in lx.company_pronouns)
            if j is None or not (b - j <= 4 or "," in tokens[j + 1].gap or pronoun):
                continue  # "…, the Canadian Journalism Collective said on Friday"
            if not pronoun and not all(tokens[k].raw[:1].isupper() or tokens[k].word in lx.titles for k in range(i, j)):
                continue
            start = i
        if _predicate(tokens, a, i, at, lx, cues, aside) is not None or any(t.quoted for t in tokens[a:i]):
            return start  # the content before the attribution has a verb of its own, or is a quotation
    return None


def _possessive_role_speaker(tokens, i: int, b: int, lx: AttributionLexicon) -> int | None:
    """The reporting verb after "its <title …>, <Name>," at ``i``, if the words make that phrase."""
    j = next((k for k in range(i + 2, min(b, i + 12)) if tokens[k].word in lx.reporting and "," in tokens[k].gap), None)
    if j is None or not any(tokens[k].word in lx.titles for k in range(i + 1, min(j, i + 4))):
        return None
    name_start = max((k for k in range(i + 1, j) if "," in tokens[k].gap), default=None)
    if name_start is None or not 1 <= j - name_start <= 3 or not all(
            tokens[k].raw[:1].isupper() for k in range(name_start, j)):
        return None
    return j


def _quote_first_agents(tokens, clause, mentions, at, entities, lx, discourse):
    a, b = clause.start, clause.end
    q = a
    while q < b and tokens[q].quoted:
        q += 1
    # the speaker phrase may carry a role and an appositive: "…,” Mauricio Restrepo, head of retail banking at
    # Bancolombia, the country's largest lender, told reporters"
    verb = next((i for i in range(q, min(b, q + 16)) if tokens[i].word in lx.reporting and not tokens[i].quoted), None)
    if verb is None:
        return None, (a, b), None
    if verb > q:
        np_start, np_end = q, verb
    else:
        np_start = verb + 1  # "…,” said Chris Cox, chief executive of Serica Energy Plc."
        np_end = next((i for i in range(np_start + 1, b) if tokens[i].quoted), b)
    agents = _np_agents(tokens, np_start, np_end, mentions, at, entities, lx, discourse, clause)
    if agents:
        return agents, (a, b), None
    named = _named_speaker(tokens, np_start, np_end, at, lx)
    if named is not None and (
            owned := _owned_company(tokens, np_start, np_end, mentions, at, entities, lx, discourse)) is not None:
        return [Speaker(named.name, owned)], (a, b), None  # "…,” said Marta Kowalska, who co-owns Apteki Kowalska
    return None, (a, b), named


def _goes_on_reporting(tokens, clause: _Clause, lx: AttributionLexicon) -> bool:
    """Whether a later clause goes on with what the statement's speaker said: no reporting verb of
    its own, and a subject that is no other party ("but the request came too late", not "but
    regulators rejected it" or "while Meituan welcomed it")."""
    if tokens[clause.start].word in lx.subordinators:
        return False  # "because data … was too incomplete to support …": a reason, not a new claim
    a = _skip_intro(tokens, clause.start, clause.end, lx)
    for i in range(clause.start, clause.end):
        tok = tokens[i]
        if tok.quoted:
            continue
        if tok.word in lx.reporting and not any(
                tokens[j].word in lx.company_heads or tokens[j].word in lx.company_pronouns for j in range(max(a, i - 2), i)):
            return False  # a new speaker; not "…, the company hopes …"
        if i >= a and i < a + 6 and (tok.word in lx.non_speaker_nouns or tok.word in lx.organisation_nouns
                                     or tok.word in lx.person_pronouns or tok.word in lx.group_pronouns
                                     or (tok.raw[:1].isupper() and i > clause.start)):
            return False
    return True


def _has_subject(tokens, clause: _Clause, lx: AttributionLexicon, verbs: frozenset[int] = frozenset()) -> bool:
    """Whether a clause names its own subject ("as China's regulator reiterated …"); "…, but
    that the cap would …" goes on reporting what the previous clause's speaker said. ``verbs``
    are more positions that count as the clause's verb when they read as a finite one (its stance
    cues: "welcomed", "backs"; not "weeks of lobbying by …")."""
    a = _skip_intro(tokens, clause.start, clause.end, lx)
    if a < clause.end and tokens[a].word == "that" and a > clause.start:
        return False
    if a < clause.end and tokens[a].raw[:1].islower() and (tokens[a].word.endswith("ed") or tokens[a].word in lx.reporting):
        return False  # "…, but considered the remedies disproportionate": the verb's subject came before
    seen, i = 0, a - 1
    while i + 1 < clause.end:
        i += 1
        if i in clause.aside:
            continue
        if i > a and "," in tokens[i].gap and tokens[i].word in ("a", "an", "the") and (close := next(
                (j for j in range(i + 1, min(clause.end, i + 12)) if "," in tokens[j].gap), None)) is not None:
            i = close - 1  # "The Healthy Living Alliance, a civil-society coalition, welcomed …": past the appositive
            continue
        seen += 1
        if seen > 8:
            break
        w = tokens[i].word
        if w in lx.reporting or w in lx.auxiliaries or (i in verbs and w.endswith(("ed", "s"))):
            # "…, but firmly opposed any treaty": an adverb is no subject
            return i > a and any(tokens[j].word not in lx.anaphor_determiners and not _adverb(tokens[j])
                                 and tokens[j].word not in _NO_SUBJECT for j in range(a, i))
    return False


def _adverb(token: Token) -> bool:
    return token.raw[:1].islower() and (token.word.endswith("ly") or token.word in _ADVERBS)


_CONCESSIVE = frozenset({"while", "whilst", "whereas", "although", "though", "despite"})
_NO_SUBJECT = frozenset({"but", "and", "yet", "or", "so", "no", "not", "less", "more"})  # "…, but no less opposed"
_ADVERBS = frozenset({"also", "still", "then", "later", "now", "again", "even", "already", "always", "never",
                      "further", "instead", "separately", "meanwhile"})


def _after_pull_quote(tokens, a: int, b: int) -> int:
    """Where a clause goes on after a pull quote heading a digest's item ("“No objection” — Ally
    Financial Inc. … told reporters …"): the quotation is the item's headline, not what opens it."""
    if not tokens[a].quoted:
        return a
    q = a
    while q < b and tokens[q].quoted:
        q += 1
    return q if q < b and ("—" in tokens[q].gap or "–" in tokens[q].gap) else a


def _skip_intro(tokens, a: int, b: int, lx: AttributionLexicon, at=None) -> int:
    """Skip a clause-opening connective and an introductory phrase ("In recent weeks, …"),
    but not one that names a company ("Also the company Casa Rambla S.L., that …, said")."""
    a = _after_pull_quote(tokens, a, b)
    if tokens[a].word in lx.clause_breaks or tokens[a].word in lx.subordinators:
        a += 1
    if a + 3 < b and tokens[a].word in ("that", "this", "which") and tokens[a + 1].word in ("is", "s") \
            and tokens[a + 2].word in ("why", "how"):
        a += 3  # "That is why we back the proposal": "we" is the subject
    if a < b and tokens[a].word in lx.intro_words:
        for i in range(a + 1, min(b, a + 9)):
            if "," in tokens[i].gap:
                return i  # "In a statement on Wednesday, URC said": the intro ends at its comma
            if at is not None and i in at:
                return a
            if tokens[i].word in lx.anaphor_determiners and _definite_company(tokens, i, min(b, i + 4), lx, at):
                return i  # "In a statement the group said": no comma, the description ends it
    return a


def _predicate(tokens, a: int, b: int, at, lx: AttributionLexicon, cues: frozenset[int],
               aside: frozenset[int] = frozenset()) -> int | None:
    """Index of the clause's first predicate word after its subject."""
    skip_to = a
    for i in range(a, b):
        tok = tokens[i]
        if tok.quoted or i in at or i == a or i < skip_to or i in aside or "-" in tok.gap or not tok.raw[:1].islower():
            continue
        w = tok.word
        if w in _RELATIVES and _opens_relative(tokens, a, i):
            skip_to = _relative_end(tokens, i, b)  # "X, the platform that listed in Mumbai, said": not its verb
            continue
        if w.endswith("ed") and (close := _appositive_participle(tokens, a, i, b)) is not None:
            skip_to = close  # "X, a start-up founded in 2019, said": the participle describes the appositive's noun
            continue
        if w.endswith("ed") and "," in tok.gap and i + 1 < b and tokens[i + 1].word in _PARTICIPLE_LINKS and (
                close := _next_comma(tokens, i + 1, min(b, i + 12))) is not None:
            skip_to = close  # "The planter, controlled by the Astra group, asked …": a participle aside
            continue
        if _infinitive(tokens, i):
            continue  # "X, most of them too small to be covered, said": no finite verb
        if w in lx.reporting or w in lx.auxiliaries:
            return i
        if w not in lx.titles and w not in lx.company_heads and (
                (w.endswith("ed") and len(w) > 4) or (i in cues and tokens[i - 1].word not in _ARTICLES)):
            return i  # a cue after an article is a noun: "The judicial review was brought by …"
    return None


def _infinitive(tokens, i: int) -> bool:
    """Whether the word at ``i`` is part of an infinitive: "to be", "to be covered", "to have"."""
    if tokens[i - 1].word == "to":
        return tokens[i].word in _INFINITIVE_AUXILIARIES
    return i >= 2 and tokens[i - 2].word == "to" and tokens[i - 1].word in _INFINITIVE_AUXILIARIES


_INFINITIVE_AUXILIARIES = frozenset({"be", "have", "been"})


_ARTICLES = frozenset({"the", "a", "an"})
_PARTICIPLE_LINKS = frozenset({"by", "in", "at", "since", "from", "with", "under", "through"})
_RELATIVES = frozenset({"that", "which", "who", "whose"})
_RELATIVE_END = frozenset(",—–")


def _appositive_participle(tokens, a: int, i: int, b: int) -> int | None:
    """Where the appositive ends when the participle at ``i`` follows its noun ("X, a start-up
    admitted to the sandbox, said", "X, a lender listed in Nairobi, said"), else None."""
    opening = next((j for j in range(i - 1, a, -1) if "," in tokens[j].gap), None)
    if opening is None or tokens[opening].word not in _ARTICLES or i - opening < 2 or "," in tokens[i].gap:
        return None
    # (the closing comma may be where the clause being read ends: "X, a lender listed in Nairobi|, said …")
    return _next_comma(tokens, i + 1, min(b + 1, i + 12))


def _next_comma(tokens, start: int, stop: int) -> int | None:
    """The first token in ``[start, stop)`` after a comma, outside quotation marks."""
    return next((j for j in range(start, min(stop, len(tokens))) if "," in tokens[j].gap and not tokens[j].quoted), None)


def _opens_relative(tokens, a: int, i: int) -> bool:
    """Whether the relative pronoun at ``i`` opens a relative clause inside an appositive of the
    subject ("Meesho, the platform that listed in Mumbai in December, said"); not a "that" after
    the appositive has closed ("X, the largest maker, made no secret of its view that …")."""
    commas = sum("," in tokens[j].gap for j in range(a + 1, i))
    return commas > 0 and ("," in tokens[i].gap or commas % 2 == 1)


def _relative_end(tokens, i: int, b: int) -> int:
    return next((j for j in range(i + 1, b) if not _RELATIVE_END.isdisjoint(tokens[j].gap)), b)


def _subject_length(tokens, a: int, p: int) -> int:
    """Tokens from a clause's start to its predicate, relative clauses of appositives not counted."""
    length, i = 0, a
    while i < p:
        if tokens[i].word in _RELATIVES and _opens_relative(tokens, a, i):
            i = _relative_end(tokens, i, p)
            continue
        length += 1
        i += 1
    return length
_LABEL_CONNECTORS = frozenset({"of", "and", "for", "de", "du", "des", "la", "le"})  # "Canadian Chamber of Commerce:"


def _active(tokens, p: int, b: int, lx: AttributionLexicon, cues: frozenset[int]) -> bool:
    """Whether the predicate reports speech or takes a stance (and is not passive)."""
    w = tokens[p].word
    if w in lx.be_forms and p + 1 < b:
        nxt = tokens[p + 1].word if tokens[p + 1].word not in ("being", "been", "also", "not") else (
            tokens[p + 2].word if p + 2 < b else "")
        by_agent = any(tokens[i].word == "by" for i in range(p + 2, min(b, p + 5)))
        if (nxt.endswith("ed") or nxt in ("fined", "sued", "told", "hit", "said")) and (
                by_agent or not (p + 1 in cues or p + 2 in cues)):  # "is not convinced": a stance
            return False  # passive: "was fined", "is said to be"
    return any(i in cues or (tokens[i].word in lx.reporting and not tokens[i].gap.endswith("-")) for i in range(p, b))


def _passive_agents(tokens, p: int, b: int, mentions, at, entities, cues: frozenset[int]) -> list[Speaker]:
    """Companies named after "by" in a passive clause whose verb is a stance cue."""
    if not any(i in cues for i in range(max(0, p - 4), min(b, p + 4))):
        return []  # "welcomed by", and "The judicial review was brought by" (the cue opens before the verb)
    for i in range(p + 1, min(b - 1, p + 8)):
        if tokens[i].word == "by" and (k := at.get(i + 1)) is not None:
            agents = []
            for j in range(i + 1, b):  # "brought by Vaporia Trading …, and Kilang Cecair …": each of them
                k = at.get(j)
                if k is None or (j > i + 1 and (at.get(j - 1) == k or tokens[j - 1].word not in ("and", "or"))):
                    continue
                entity = entities.get(mentions[k].entity_id)
                if entity is not None and entity.is_company and all(a.entity_id != entity.id for a in agents):
                    agents.append(Speaker(mentions[k].surface, entity.id))
            return agents
    return []


def _np_agents(tokens, a: int, b: int, mentions: list[Mention], at, entities, lx: AttributionLexicon,
               discourse: Discourse, clause: _Clause) -> list[Speaker]:
    """The speakers a subject noun phrase names: companies, their people, or resolved pronouns."""
    agents: list[Speaker] = []
    dependents: list[Speaker] = []  # "platforms including Instagram": agents only if nothing heads the phrase
    dependent_until: int | None = None
    appositive_from: int | None = None  # where a description of the first company agent starts
    members = False  # a list of members has begun ("whose members include …")
    seen: set[int] = set()
    if a not in at and (head_end := next((j for j in range(a + 1, min(b, a + 4)) if "," in tokens[j].gap), None)) \
            and tokens[head_end].word in _ARTICLES and all(
                tokens[j].raw[:1].isupper() or tokens[j].raw[:1].isdigit() for j in range(a, head_end)) and any(
                tokens[j].word in lx.company_heads for j in range(head_end + 1, min(b, head_end + 4))):
        # "99, the local app controlled by China's DiDi Global, took …": a name the registry does not know
        appositive_from = head_end
    for i in range(a, b):
        k = at.get(i)
        if k is None or k in seen or i in clause.aside:
            continue
        seen.add(k)
        if _is_modifier(tokens, i, at, k, lx) or _behind_non_speaker(tokens, a, i, lx):
            continue
        if agents and i > a + 1 and tokens[i - 1].word == "of" and (
                tokens[i - 2].word in lx.company_heads or tokens[i - 2].word in lx.modifier_nouns):
            continue  # "AliExpress, the international marketplace of Alibaba Group": the parent is not speaking
        m = mentions[k]
        speaker = Speaker(m.person or m.surface, m.entity_id)
        if m.person is None and (_titled(tokens, _mention_end(i, at, k) + 1, b, lx) or (
                i >= a + 2 and tokens[i - 1].word in ("of", "at", "for")
                and any(tokens[j].word in lx.executive_titles for j in range(a, i - 1)))):
            # "Wells Fargo’s chief executive", "A Swiggy spokesperson", "the chief executive of Erste Group":
            # a person, for a later "he" or "she"
            speaker = speaker._replace(role=True)
        if appositive_from is not None and i > appositive_from:
            continue  # "Coca-Cola FEMSA, the world's largest Coca-Cola franchise bottler": a description
        # "… include Shell, BP and TotalEnergies": a list goes on after commas as after "and".
        coordinated = dependent_until is not None and (
            (i - dependent_until <= 2 and tokens[i - 1].word in ("and", "or"))
            or (i - dependent_until == 1 and "," in tokens[i].gap)
            # "members include thyssenkrupp nucera, Shell and Yara": a word the registry does not cover
            or (tokens[i - 1].word in ("and", "or") or "," in tokens[i].gap) and members)
        as_member = i > a + 1 and tokens[i - 1].word == "as" and tokens[i - 2].word != "well"
        with_saying = tokens[i - 1].word == "with" and (after := _mention_end(i, at, k) + 1) < len(tokens) and (
            _doing(tokens[after]))  # "…, with industry leader BYD saying it had no quarrel with …"
        if (i > a and _word_before_name(tokens, a, i) in lx.non_agent_prepositions and not with_saying) \
                or coordinated or as_member:
            # "companies, including ASML and Airbus, have called …": members of the subject speak;
            # "apps such as Venmo and Robinhood", "among them Samsung" only when nothing else does.
            if coordinated or tokens[i - 1].word in _MEMBERSHIP:
                dependents.append(speaker)
                members = members or tokens[i - 1].word in _MEMBERSHIP
            dependent_until = _mention_end(i, at, k)
            continue
        agents.append(speaker)
        if m.person is None and appositive_from is None:
            appositive_from = _appositive_start(tokens, _mention_end(i, at, k), b)
    if not agents and dependents and any(tokens[j].word in lx.organisation_nouns for j in range(a, b)):
        dependents = []  # "Abranet, association that represents companies including Google, declared": its members do not speak
    agents = agents or dependents
    agents = _pair_people(tokens, a, b, agents, mentions, at, entities, lx, clause.aside)
    if agents:
        return agents
    if clause.kind == "relative" and clause.antecedent:
        return [Speaker(mentions[k].person or mentions[k].surface, mentions[k].entity_id) for k in clause.antecedent]
    words = [t.word for t in tokens[a:b]]
    if not words or b - a > 12:
        return []
    names = _unknown_names(tokens, a, b, at, lx, clause.aside) or _label_name(tokens, a, b, lx)
    resolved = None
    if discourse.author is not None and not tokens[a].quoted and not FIRST_PERSON.isdisjoint(words):
        return [discourse.author]  # "I think that is exactly right" in an op-ed or an interview's answer
    if any(w in lx.person_pronouns for w in words) and discourse.last_person:
        return [discourse.last_person]
    if any(t.word in lx.company_pronouns and not t.raw.isupper() for t in tokens[a:b]):  # not "the IT industry"
        if not _pronoun_in_relative_clause(words, lx):
            resolved = discourse.last_company  # not "The Alliance for Gun Responsibility, which drafted much of it"
    elif any(w in lx.group_pronouns for w in words[:2]) and (discourse.last_speakers or discourse.last_company):
        # (heading the subject: not "Workers who believe they have been underpaid can …")
        # "So yes, we support the regulation" in an interview: the company being interviewed.
        return list(discourse.last_speakers) or [discourse.last_company]
    elif _definite_company(tokens, a, b, lx, at) and (
            not _opens_with_other_name(tokens, a, at, lx) or _possessive_title(tokens, a, b, lx, at)) \
            and _QUANTIFIERS.isdisjoint(words[:2]) and "everyone" not in words[:2]:  # not "Not everyone in the business"
        # "the company", "the e-commerce giant"; not "The Korea Startup Forum", nor "Airlines for America, the trade group"
        resolved = discourse.last_company
    elif any(w in lx.executive_titles for w in words) and not _names_an_organisation(tokens, a, b, names, lx) \
            and _QUANTIFIERS.isdisjoint(words):  # not "Not every owner is opposed"
        # "…,” Chief Executive Fiona Marsh said: the company of the story so far speaks through her;
        # in an interview or an earnings call, the company interviewed or holding the call.
        # ("Anjali Rao, CFO:" in a call's transcript is the host's, whoever the last question named)
        labelled = b < len(tokens) and ":" in tokens[b].gap
        resolved = discourse.author if discourse.author is not None and (not names or labelled) else discourse.last_company
    if resolved is None:
        return []
    if names:
        return [Speaker(names[0][1], resolved.entity_id)]
    return [resolved._replace(role=True) if not lx.executive_titles.isdisjoint(words) else resolved]


def _word_before_name(tokens, a: int, i: int) -> str:
    """The word before a name and the article or possessive that may precede it ("by the Astra
    group", "by Germany's Delivery Hero")."""
    j = i - 1
    if j - 1 > a and tokens[j].word == "s" and tokens[j].gap in _APOSTROPHES and tokens[j - 1].raw[:1].isupper():
        j -= 2
    if j > a and tokens[j].word == "the":
        j -= 1
    return tokens[j].word


_MEMBERSHIP = frozenset({"including", "as", "include", "includes"})
_QUANTIFIERS = frozenset({"every", "each", "many", "some", "most", "few", "all", "several", "other", "no"})
_PARENTHETICAL = frozenset({"meanwhile", "however", "though", "yet"})


def _name_doing(tokens: list[Token], at: dict[int, int], start: int, stop: int) -> bool:
    """Whether a name between ``start`` and ``stop`` is followed by a participle: "BYD saying …"."""
    return any(j in at and j + 1 not in at and _doing(tokens[j + 1]) for j in range(start, min(len(tokens) - 1, stop)))


def _doing(token: Token) -> bool:
    """A participle that makes the name before it its subject: "with BYD saying", "with Keeta throwing its weight"."""
    # (the full stop of a legal form may stand before it: "with Harbor Air Ltd. throwing …")
    return token.word.endswith("ing") and len(token.word) > 5 and token.raw[:1].islower() and token.gap.strip() in ("", ".")


def article_author(statements: list[Segment], mentions: list[Mention], entities) -> Speaker | None:
    """The person an article presents as its writer or interviewee and the company they lead:
    "Elena Markou is chief executive of Thessalia Cement S.A.", "The writer is founder of X".
    Statements and mentions carry offsets into the body; only a matching statement's are looked at."""
    for seg in statements:
        host = _CALL.search(seg.text) if "call" in seg.text or "Call" in seg.text else None  # most have none
        if host is not None:
            # "Edited excerpt from Airtel Africa plc's third-quarter results call": the host speaks.
            for mention in mentions:
                entity = entities.get(mention.entity_id)
                gap = seg.text[mention.end - seg.start:host.start()] if mention.end <= seg.start + host.start() else "?"
                at_host = (_LEGAL_TAIL.fullmatch(gap) is not None  # "X's … call", "X Co., Ltd. — … Call"
                           or gap.rstrip() in ("'", "’")  # "Edita Food Industries' … call"
                           or seg.start + host.end() - 1 <= mention.start <= seg.start + host.end()  # "call of X"
                           # "the Cedar Valley Bancorp fourth-quarter … call": the call's words began inside the name
                           or mention.start <= seg.start + host.start() < mention.end)
                if seg.start <= mention.start and at_host and entity is not None and entity.is_company:
                    return Speaker(entity.name, entity.id)
        m = _AUTHOR.match(seg.text) or _BYLINE.match(seg.text) or (
            _INTERVIEWEE.search(seg.text) if any(h in seg.text for h in _INTERVIEWEE_HINTS) else None)
        if m is None:
            continue
        for mention in mentions:
            entity = entities.get(mention.entity_id)
            if (seg.start + m.end() - 1 <= mention.start and mention.end <= seg.end
                    and entity is not None and entity.is_company):
                name = m.groupdict().get("name") or m.groupdict().get("runner")
                return Speaker(name or entity.name, entity.id)
    return None


_CALL = re.compile(r"[’']s (?:[\w-]+ ){0,3}(?:results|earnings|investor|analyst|conference|shareholder)s? "
                   r"(?:call|meeting|briefing|webcast)\b"
                   r"|\b(?:results|earnings|investor|analyst|conference|shareholder)s? (?:conference )?(?:call|meeting|briefing|webcast) of "
                   # "Daeyang Holdings Co., Ltd. — Q4 2025 Earnings Conference Call"
                   r"| [—–-] (?:[\w-]+ ){0,3}(?:[Ee]arnings|[Rr]esults|[Cc]onference) (?:[Cc]onference )?[Cc]all\b"
                   # "welcome to the Cedar Valley Bancorp fourth-quarter 2025 earnings conference call"
                   r"| (?:[\w-]+ ){0,3}(?:results|earnings|investor|analyst) (?:conference )?call\b(?! of\b)")
# What a mention may leave of a legal form (", Ltd."), and a ticker after it ("(NASDAQ: KBLK)").
_LEGAL_TAIL = re.compile(r"[\s,.]*(?:\w{1,4}\.?)?[\s,.]*(?:\((?:[A-Za-z ]{2,20}:[ \t]*)?[A-Z0-9.]{1,8}\)[\s,]*)?")
_LEADER = (r"(?:co-?founder|founder|chief executive(?: officer)?|ceo|chair(?:man|woman)?|president|managing director"
           r"|chief [a-z]+ officer|head|director|partner|general counsel)\b[^.]{0,60}? (?:of|at) ")
_AUTHOR = re.compile(
    r"(?:The (?:writer|author|columnist) is|(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3}) is)(?: the)? " + _LEADER)
#: An interview's introduction: "we asked Kenji Morimoto, chief executive of Hoshizora Games K.K., …",
#: "Park, who runs Dabom, spoke to us by phone"; an op-ed's byline: "By Akosua Mensah, chief executive of …".
_INTERVIEWEE = re.compile(
    r"\b(?:(?:spoke (?:to|with)|talked (?:to|with)|asked|interviewed|sat down with|caught up with) "
    r"(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3}), (?:the )?" + _LEADER
    + r"|(?P<runner>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,3}), who (?:runs|founded|co-founded|heads|leads|owns|started) "
    r"(?=[^.]{1,80}?, (?:spoke|talked) (?:to|with) (?:us|me)\b))")
# Words one of which every _INTERVIEWEE match contains: most statements are cleared by a substring test.
_INTERVIEWEE_HINTS = ("spoke ", "talked ", "asked ", "interviewed ", "sat down ", "caught up ", ", who ")
_BYLINE = re.compile(r"By (?P<name>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){1,3}), (?:the )?" + _LEADER)


def _definite_company(tokens, a: int, b: int, lx: AttributionLexicon, at=None) -> bool:
    """Whether a phrase is a definite description of a company ("on Tuesday the company", "the
    Alphabet unit": a company named as a modifier is no other name)."""
    for j in range(a, b):
        if tokens[j].word in lx.anaphor_determiners:
            ahead = range(j + 1, min(b, j + 4))
            # (a head, not a modifier: "the national business association" is a trade body)
            heads = any(tokens[i].word in lx.company_heads and tokens[i - 1].word not in _PUBLIC_MODIFIERS
                        and not (i + 1 < len(tokens) and tokens[i + 1].word in lx.organisation_nouns)
                        and not _named_after_head(tokens, i, b, lx) for i in ahead)
            if heads and not any(
                    tokens[i].raw[:1].isupper() and tokens[i].word not in lx.demonyms and tokens[i].word not in lx.places
                    and tokens[i].word not in _LEGAL_FORM_HEADS and (at is None or i not in at)
                    and not (i + 1 < b and tokens[i + 1].gap == "-") for i in ahead):  # "the Luxembourg-based miner"
                return True
            # further on, a lower-case head after lower-case words: "The San Francisco payroll software company",
            # "The Dallas-based tax services firm"; not "The Korea Startup Forum"
            for h in range(j + 4, min(b, j + 8)):
                if _CLAUSE_END.intersection(tokens[h].gap) or (at is not None and h in at):
                    break
                if tokens[h].word in lx.company_heads and tokens[h].raw.islower() and tokens[h - 1].raw.islower():
                    return True
    return False


_LEGAL_FORM_HEADS = frozenset({"co", "corp"})  # "The Hangzhou-headquartered Co. added": machine translation


def _named_after_head(tokens, i: int, b: int, lx: AttributionLexicon) -> bool:
    """Whether a name follows a description's head: "the consumer-rights group Idec" is Idec,
    no reference to the company of the story (a title is no name: "the group CEO")."""
    return i + 1 < b and tokens[i + 1].raw[:1].isupper() and tokens[i + 1].word not in lx.titles \
        and tokens[i + 1].word not in lx.demonyms


def _possessive_title(tokens, a: int, b: int, lx: AttributionLexicon, at) -> bool:
    """Whether a phrase holds a title of a definite company: "Marco Ferraresi, the group's president
    for South America" (the name before it is a person's, not another organisation's)."""
    for j in range(a, b - 3):
        if tokens[j].word not in lx.anaphor_determiners:
            continue
        for h in range(j + 1, min(b - 2, j + 3)):
            if h in at or tokens[h].word in _PUBLIC_MODIFIERS:
                break
            if tokens[h].word in lx.company_heads and tokens[h + 1].word == "s" and tokens[h + 1].gap in _APOSTROPHES:
                t = h + 2
                while t < min(b - 1, h + 4) and tokens[t].word in lx.places:
                    t += 1  # "the company's Australia president"
                if tokens[t].word in lx.executive_titles:
                    return True
    return False


_APOSTROPHES = ("’", "'")
_NAME_LINKS = frozenset({"of", "for", "and", "de", "&"})
_PUBLIC_MODIFIERS = frozenset({"central", "federal", "reserve"})  # "the central bank's board" is no company


def _pronoun_in_relative_clause(words: list[str], lx: AttributionLexicon) -> bool:
    """Whether a subject's first company pronoun stands after a relative pronoun: the clause
    describes the subject's head, which is no reference back."""
    first = next(i for i, w in enumerate(words) if w in lx.company_pronouns)
    return any(w in lx.relative_pronouns for w in words[1:first])


def _opens_with_other_name(tokens, a: int, at, lx: AttributionLexicon) -> bool:
    """Whether a phrase opens with a capitalised name the registry does not know, then a comma
    (the description after it, "the trade group for …", is that name's, not the last company's)."""
    j = a
    while j < len(tokens) and j not in at and (tokens[j].raw[:1].isupper() or (j > a and tokens[j].word in _NAME_LINKS)
                                                or (j > a and tokens[j].raw.isdigit())):  # "Article 19, the … group"
        j += 1
    return (j > a and j < len(tokens) and "," in tokens[j].gap and not tokens[j - 1].raw[:1].islower()
            and tokens[a].word not in lx.anaphor_determiners and tokens[a].word not in lx.intro_words)


def _names_an_organisation(tokens, a: int, b: int, names, lx: AttributionLexicon) -> bool:
    """Whether a phrase has a capitalised word that is neither a title nor a person's name
    ("an Idealo spokesperson"), or names a public body ("the bureau's acting director"):
    then it is not the company of the story that speaks."""
    if any(tokens[i].word in lx.non_speaker_nouns or tokens[i].word in lx.organisation_nouns for i in range(a, b)):
        return True  # "A coalition spokesperson said": the coalition's, not the last company's
    in_names = {i for start, name in names for i in range(start, start + len(name.split()))}
    if any(tokens[i].raw[:1].isdigit() or (i + 1 < b and tokens[i + 1].word == "s" and tokens[i + 1].gap in _APOSTROPHES
                                            and tokens[i].raw[:1].isupper() and i not in in_names)
           for i in range(a, b)):
        return True  # "99's director of public policy": a name the registry does not know
    return any(tokens[i].raw[:1].isupper() and tokens[i].word not in lx.titles and i not in in_names
               and tokens[i].word not in lx.intro_words and i != a for i in range(a, b))


def _appositive_start(tokens, j: int, b: int) -> int | None:
    """Index of ", the …" / ", a …" / ", part of …" right after a company name ending at token ``j``, if any."""
    if j + 1 < b and "," in tokens[j + 1].gap and (tokens[j + 1].word in ("the", "a", "an", "one") or (
            tokens[j + 1].word in _BARE_APPOSITIVE_HEADS and j + 2 < b and tokens[j + 2].word == "of")):
        return j + 1  # (also "…, owner of The Sydney Morning Herald and The Age, urged …")
    return None


_BARE_APPOSITIVE_HEADS = frozenset({"part", "owner", "operator", "maker", "parent", "publisher", "producer", "developer",
                                    "manufacturer", "unit", "subsidiary", "owners", "operators", "makers"})


def _titled(tokens, j: int, b: int, lx: AttributionLexicon) -> bool:
    """Whether the words from ``j`` (after a name or its possessive) name an executive: "’s finance
    chief", "Swiggy spokesperson"."""
    for i in range(j, min(b, j + 6)):
        word = tokens[i].word
        if word in lx.executive_titles:
            return True
        if word != "s" and word not in lx.titles:
            return False
    return False


def _mention_end(i: int, at, k: int) -> int:
    """The last token index of the mention that covers token ``i``."""
    while at.get(i + 1) == k:
        i += 1
    return i


def _is_modifier(tokens, i: int, at, k: int, lx: AttributionLexicon) -> bool:
    """"Tencent-backed", "Alibaba unit Ant", "Spotify's complaint": the company only qualifies the head."""
    j = i
    while j + 1 < len(tokens) and at.get(j + 1) == k:
        j += 1
    if j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    if "-" in nxt.gap and nxt.word in lx.modifier_suffixes:
        return True
    if nxt.word in lx.modifier_nouns and j + 1 not in at and "," not in nxt.gap:  # not "X, owner of Y,"
        # "Alibaba unit Ant" modifies; "Andreessen Horowitz partner Marcus Lindqvist" is a title
        after = tokens[j + 2] if j + 2 < len(tokens) else None
        return not (after is not None and after.raw[:1].isupper() and j + 2 not in at)
    possessive = "’" in nxt.gap or "'" in nxt.gap or nxt.word == "s"
    if possessive:
        after = tokens[j + 2] if nxt.word == "s" and j + 2 < len(tokens) else nxt
        return after.raw[:1].islower() and after.word not in lx.titles
    return False


def _behind_non_speaker(tokens, a: int, i: int, lx: AttributionLexicon) -> bool:
    """"Critics of Meta", "analysts at Jefferies", "platforms including Instagram": the
    company is not the one speaking."""
    for j in range(max(a, i - 4), i):
        if tokens[j].word in lx.non_speaker_nouns and tokens[j + 1].word in ("of", "at", "for", "from", "with", "on") \
                and tokens[j].word not in _COMPANY_OFFICIALS:
            return True
    return False


_COMPANY_OFFICIALS = frozenset({"official", "officials"})  # "an official of SK Inc. said": the company's


def _pair_people(tokens, a, b, agents: list[Speaker], mentions, at, entities, lx, aside=frozenset()) -> list[Speaker]:
    """Give each company agent the person named with it ("Tencent senior vice president Guo Catian")."""
    companies = [ag for ag in agents if ag.entity_id and entities.get(ag.entity_id) and entities[ag.entity_id].is_company]
    if not companies:
        return agents
    people = {ag.entity_id for ag in agents if ag.name != entities[ag.entity_id].name and _is_person_name(ag, mentions)}
    named = _unknown_names(tokens, a, b, at, lx, aside)
    out: list[Speaker] = []
    for ag in agents:
        entity = entities.get(ag.entity_id) if ag.entity_id else None
        if entity is None or not entity.is_company:
            continue
        if ag.entity_id in people and not _is_person_name(ag, mentions):
            continue  # the company's person speaks for it already
        out.append(ag)
    for pos, name in named:
        company = _nearest_company(pos, a, b, at, mentions, entities)
        if company is None or company in people:
            continue
        out = [Speaker(name, company) if s.entity_id == company and not _is_person_name(s, mentions) else s for s in out]
        people.add(company)
    # one event per company: keep the first speaker for each
    unique: dict[str, Speaker] = {}
    for s in out:
        unique.setdefault(s.entity_id, s)
    return list(unique.values())


def _is_person_name(speaker: Speaker, mentions: list[Mention]) -> bool:
    return any(m.person == speaker.name for m in mentions)


def _unknown_names(tokens, a, b, at, lx: AttributionLexicon, skip: frozenset[int] = frozenset()) -> list[tuple[int, str]]:
    """Capitalised two- or three-word names in a phrase that the registry does not know."""
    names: list[tuple[int, str]] = []
    i = a
    while i < b:
        j = i
        while j < b and j not in at and j not in skip and (
                (_CAPITALISED_NAME.fullmatch(tokens[j].raw)
                 and not (len(tokens[j].raw) > 1 and tokens[j].raw.isupper())  # "CAPE TOWN —" is a dateline
                 and tokens[j].word not in lx.titles and tokens[j].word not in lx.intro_words
                 and (j == i or tokens[j].gap in (" ", "\u00a0", "-")  # "Hany Abdel-Aziz"
                      or (tokens[j].gap in _APOSTROPHES and len(tokens[j - 1].raw) == 1)))  # "Tom O'Leary"
                or (j > i and _given_name_syllable(tokens[j]))):  # "Kang Min-ji"
            j += 1
        possessive = j < len(tokens) and (tokens[j].word == "s" and tokens[j].gap in _APOSTROPHES or tokens[j].gap == "-")
        prev = tokens[i - 1] if i > a else None
        # A person's name opens the phrase, follows a title ("vice president Guo Catian") or a comma.
        placed = prev is not None and "," not in tokens[i].gap and (
            prev.word not in lx.titles or prev.word in _NOT_TITLES) and i - 1 not in at \
            and prev.raw not in _HONORIFICS  # "Mr. Hany Abdel-Aziz"
        if 2 <= j - i <= 4 and not possessive and not placed:
            names.append((i, tokens[i].raw + "".join(t.gap + t.raw for t in tokens[i + 1:j])))
        i = max(j, i + 1)
    return names


def _given_name_syllable(token) -> bool:
    """The lower-case second syllable of a romanised Korean or Chinese given name: the "ji" of
    "Min-ji" (not "-based", "-led", "-owned")."""
    return token.gap == "-" and token.raw.isalpha() and token.raw.islower() and len(token.raw) <= 4 \
        and token.raw not in _HYPHEN_SUFFIXES


_HYPHEN_SUFFIXES = frozenset({"led", "run", "era", "like", "wide", "free", "rich", "made", "born", "type", "size"})


def _label_name(tokens, a: int, b: int, lx: AttributionLexicon) -> list[tuple[int, str]]:
    """The name in a transcript's capitalised speaker label, "DAVID OKAFOR, CHIEF EXECUTIVE
    OFFICER:" (capitals that ``_unknown_names`` leaves alone, as they may be a dateline)."""
    if b >= len(tokens) or ":" not in tokens[b].gap:
        return []
    j = a
    while j < b and len(tokens[j].raw) > 1 and tokens[j].raw.isupper() and tokens[j].word not in lx.titles \
            and (j == a or tokens[j].gap == " "):
        j += 1
    if 2 <= j - a <= 4 and j < b and "," in tokens[j].gap:
        return [(a, " ".join(t.raw for t in tokens[a:j]))]
    return []


_NOT_TITLES = frozenset({"the", "a", "an", "of", "and", "for", "at", "its", "their", "his", "her"})
# words of a title that name no role by themselves ("…, asked the government to …" names nobody)
_ROLE_MODIFIERS = _NOT_TITLES | {"government", "public", "policy", "affairs", "relations", "people", "data", "customer"}


def _nearest_company(pos: int, a: int, b: int, at, mentions, entities) -> str | None:
    for i in range(pos - 1, a - 1, -1):
        k = at.get(i)
        if k is not None and entities.get(mentions[k].entity_id) and entities[mentions[k].entity_id].is_company:
            return mentions[k].entity_id
    for i in range(pos + 1, b):
        k = at.get(i)
        if k is not None and entities.get(mentions[k].entity_id) and entities[mentions[k].entity_id].is_company:
            return mentions[k].entity_id
    return None


def _named_speaker(tokens, a: int, b: int, at, lx: AttributionLexicon) -> Speaker | None:
    """A speaker who is not a company ("Sheng said", "Kendra Schaefer, a partner at …, said")."""
    names = _unknown_names(tokens, a, b, at, lx)
    if names:
        return Speaker(names[0][1], None)
    if b - a == 1 and _CAPITALISED_NAME.fullmatch(tokens[a].raw) and a not in at:
        return Speaker(tokens[a].raw, None)
    return None


def _all_quoted(tokens, clause: _Clause) -> bool:
    return all(t.quoted for t in tokens[clause.start:clause.end])


def _about_rules(tokens, mentions, entities, lx: AttributionLexicon) -> bool:
    if any(t.word in lx.subject_markers for t in tokens):
        return True
    return any((e := entities.get(m.entity_id)) is not None and e.type in ("regulator", "government") for m in mentions)


def _surface_of(entity_id: str, mentions: list[Mention], entity: Entity) -> str:
    return next((m.surface for m in mentions if m.entity_id == entity_id and not m.person), entity.name)
