"""The entity registry and the one-pass matcher that finds companies, people and other
organisations in an article body.

Matching walks the body's word tokens once and looks each token up in a dictionary keyed by
an alias's first token (a token trie flattened to one level), so the cost does not grow with
the number of aliases. Organisations missing from the registry are found by their legal form
("Zentrova Robotics Inc.") and get stable slug ids.
"""
from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterator, NamedTuple

_TOKEN = re.compile(r"\w+")
# What may stand between two tokens of one name: "JD.com", "AT&T", "L'Oréal", "Co-founder".

_POSSESSIVE = re.compile(r"[’']s?\b")

# Capital letters a name may start with: ASCII and the Latin letters of European names ("Çelik", "Ørsted").
CAPITALS = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())
COMPANY = "company"
ORGANISATION = "organisation"


@dataclass(frozen=True, slots=True)
class Entity:
    """A registry entry: a company, regulator, government body, publisher or other organisation."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None

    @property
    def is_company(self) -> bool:
        return self.type == COMPANY


class Mention(NamedTuple):
    """A name found in the body: an organisation, or a known person standing for one."""

    start: int
    end: int
    entity_id: str
    surface: str
    person: str | None = None
    """Canonical person name when the mention is an executive (``entity_id`` is the employer)."""
    possessive: bool = False


@dataclass(frozen=True, slots=True)
class _Alias:
    tokens: tuple[str, ...]
    entity_id: str
    person: str | None
    ambiguous: bool
    short_person: bool  # a surname: only after the full name was seen in the article
    lower_start: bool   # the alias itself begins lower-case ("eBay"): match its inner capitals too
    upper: bool = False  # an acronym ("DOE", "SEC", "BP"): only as written, never "Doe" or "Sec"
    inner_capital: bool = False  # "eBay", "iFood": the written word must have its capital too
    mixed_case: bool = False  # "ReNew", "BlackRock": a capital after the first letter


def without_publisher(mentions: list[Mention], source: str | None, body: str) -> list[Mention]:
    """The mentions that are not the article's own publisher: inside its name where the body
    writes it ("(Ledger & Labour Weekly) –", "seen by Pacific Rim Ledger") or its first or last
    word after "the" ("subscribe to the Ledger"), whatever else the registry knows by that name.
    (A company a blog is named after, "Tesla" of "Tesla Daily", is still the company on its own.)"""
    if not source or not (name := " ".join(source.split())) or not mentions:
        return mentions
    folded_body, folded = body.casefold(), name.casefold()
    spans, k = [], folded_body.find(folded)
    while k >= 0:
        spans.append((k, k + len(folded)))
        k = folded_body.find(folded, k + 1)
    ends = {folded.split(" ", 1)[0], folded.rsplit(" ", 1)[-1]} if " " in folded else set()

    def publisher(m: Mention) -> bool:
        if m.person is not None:
            return False
        if any(a < m.end and m.start < b for a, b in spans):
            return True
        return m.surface.casefold() in ends and folded_body[max(0, m.start - 4):m.start] == "the "

    return [m for m in mentions if not publisher(m)]


def _unless_a_trade_before(names: dict) -> str:
    """Lookbehinds for the company descriptors that end in an organisation's word: "an
    advertising agency" is a company, "a government agency" is not."""
    organisation = {w.casefold() for w in names["organisation_descriptors"]}
    trades = {d.rsplit(" ", 1)[0] for d in names["company_descriptors"] if " " in d and d.rsplit(" ", 1)[1] in organisation}
    return "".join(rf"(?<!{re.escape(t)}[ \t])" for t in sorted(trades))


def _alternation(words) -> str:
    """A regular-expression alternation of literal words, longest first (so "chief executive officer"
    is tried before "chief executive")."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@dataclass
class EntityRegistry:
    """Entities by id plus the alias index used by :func:`find_mentions`."""

    entities: dict[str, Entity]
    index: dict[str, list[_Alias]]
    trie: dict
    legal_forms: frozenset[str]
    multi_form: re.Pattern[str]
    corporate_words: frozenset[str]
    name_stopwords: frozenset[str]
    industry_words: frozenset[str]
    prefix_form: re.Pattern[str]
    organisation_words: frozenset[str]
    organisation_descriptors: re.Pattern[str]
    unknown_pattern: "_NamePattern"
    appositive: re.Pattern[str]
    """", a London-based start-up": a descriptor that says the name before it is a company."""
    name_start: re.Pattern[str]
    """Words that may start a name: capitalised, digits, other scripts."""
    lower_starts: frozenset[str] = frozenset()
    """First words of lower-case brands ("eBay", "iFood", "inDrive"), which may start a name too."""
    company_suffix: re.Pattern[str] | None = None
    """Words that end a company's name ("Group", "Holdings", "Technologies")."""
    generic_name_words: frozenset[str] = frozenset()
    """Words that make a "… Group" no company ("Working Group", "Expert Group")."""
    trade_name_words: frozenset[str] = frozenset()
    """Words of a trade ("Media", "Food") that make a "… Group" no company unless a distinctive
    word comes first ("the Digital Media Group"; not "Tokenwise Media")."""
    demonyms: frozenset[str] = frozenset()
    """Nationality adjectives: "Swiss" before a name is no first name."""
    place_words: frozenset[str] = frozenset()
    """Countries and regions: never a company's name on second reference."""
    descriptors_before: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Company descriptors that may stand right before a name ("chocolate maker Ferrero"), by last word."""
    version: str = ""
    people: dict[str, str] = field(default_factory=dict)  # person name -> entity id
    list_anchor: re.Pattern[str] | None = None
    """The company noun that must end right before a list's verb ("members include", "retailers
    such as", "advertisers in the market, including"): the list that follows names companies."""
    common_name_words: frozenset[str] = frozenset()
    """Words that start or end many names ("National", "General"): never a second reference alone."""
    cities: frozenset[str] = frozenset()
    """Cities (casefolded): a possessive before a company may name one ("Seattle’s Gravity Payments")."""
    company_prefix: re.Pattern[str] | None = None
    """A word that opens a company's name, with the name: "Pesquera Diamante", "Minera del Altiplano"."""
    number_words: frozenset[str] = frozenset()
    """Words of quantity: a registry name spelt like one needs corroboration, as digits do."""
    department_words: frozenset[str] = frozenset()
    """Last words of a department's name ("Corporate Affairs"): after a role, no organisation."""
    national_unit: re.Pattern[str] | None = None
    """A country after a company's name, maybe after a few more words: its national unit."""
    multiword_places: re.Pattern[str] | None = None
    """Countries of several words ("Costa Rica", "Hong Kong"): their first word names no company there."""
    person_title: re.Pattern[str] | None = None
    """A role after a name and a comma ("Carlo Santos, head of …", "…, an analyst"): the name is a person's."""
    person_appositive: re.Pattern[str] | None = None
    """"…, a pharmacist and owner of …": the name before it is a person's, whoever shares it."""
    heading: re.Pattern[str] | None = None
    """A round-up's paragraph that opens with a name, then describes it: "Carrow Analytics. The
    Manhattan credit-data startup, …"."""
    organisation_before: re.Pattern[str] | None = None
    """An organisation noun in lower case right before a name: "the fuel trade association UNITI"."""
    place_list_after: re.Pattern[str] | None = None
    """The rest of a list of places: "…, Kadıköy and Fatih districts"."""
    seat_or_trade: re.Pattern[str] | None = None
    """", headquartered in …", ", the maker of …": corroborates a registry name only (an unknown
    name so described may be any organisation)."""
    role_then_person: re.Pattern[str] | None = None
    """A company role, then a person's name: " founder Mert Aydın"."""
    role_at: re.Pattern[str] | None = None
    """A company role and "at" before a name ("a safety director at"): a company, not a place."""
    role_before: re.Pattern[str] | None = None
    """A company role with its preposition right before a name: "chief executive of", "a spokesperson for"."""
    role_after: re.Pattern[str] | None = None
    """A company role after a possessive: "’s managing director"."""
    weak_organisation_words: frozenset[str] = frozenset()
    """Organisation words that a company appositive overrules ("Rack Centre, the … operator")."""
    shared_organisation_words: frozenset[str] = frozenset()
    """Organisation words that businesses' names share, overruled by a legal form ("Pacific Union Land Co.")."""
    abbreviations: frozenset[str] = frozenset()
    """Words a full stop does not end (lower-cased, no dot: "st", "bros", "u.s"): any other
    capitalised word of two letters or more before a full stop ends a sentence ("… Act. Rogue
    Valley Soap Co." names Rogue Valley Soap)."""

    @classmethod
    def from_data(cls, data: dict, names: dict, segmentation: dict | None = None) -> "EntityRegistry":
        """Build the registry from ``entities.json`` and ``names.json`` data, and the
        abbreviations of ``segmentation.json``."""
        entities: dict[str, Entity] = {}
        index: dict[str, list[_Alias]] = {}
        people: dict[str, str] = {}

        def add(alias: str, **kw) -> None:
            tokens = tuple(t.casefold() for t in _TOKEN.findall(alias))
            if tokens:
                upper = alias.isupper() and len(alias.replace(".", "").replace(" ", "")) <= 6
                index.setdefault(tokens[0], []).append(
                    _Alias(tokens, lower_start=alias[:1].islower(), upper=upper,
                           inner_capital=any(ch.isupper() for ch in alias.split()[0]),
                           mixed_case=any(ch.isupper() for ch in alias.split()[0][1:]), **kw))

        for raw in data["entities"]:
            ambiguous = set(raw.get("ambiguous_aliases", []))
            aliases = tuple(dict.fromkeys([raw["name"], *raw.get("aliases", []), raw.get("legal_name") or raw["name"]]))
            entity = Entity(raw["id"], raw.get("type", COMPANY), raw["name"], aliases, raw.get("parent"))
            entities[entity.id] = entity
            for alias in aliases:
                add(alias, entity_id=entity.id, person=None, ambiguous=alias in ambiguous, short_person=False)
            for person in raw.get("people", []):
                people[person["name"]] = entity.id
                add(person["name"], entity_id=entity.id, person=person["name"], ambiguous=False, short_person=False)
                for short in person.get("aliases", []):
                    # Multi-word alternative names are as safe as the full name; surnames ("Musk", "van der
                    # Merwe") wait for it.
                    add(short, entity_id=entity.id, person=person["name"], ambiguous=False,
                        short_person=len(_TOKEN.findall(short)) == 1 or person["name"].endswith(" " + short))
        for candidates in index.values():
            candidates.sort(key=lambda a: -len(a.tokens))
        trie = _build_trie(index)
        forms = sorted({f.rstrip(".") for f in names["legal_forms"]}, key=len, reverse=True)
        form_alt = "|".join(re.escape(f) for f in forms)
        # One-word forms ("Inc", "GmbH") extend a name word by word; dotted or slashed forms
        # ("A/S", "S.A.") by their own pattern, so that a possessive "’s" or an article "a"
        # is never mistaken for a piece of one.
        legal = frozenset(f.casefold() for f in forms if _TOKEN.fullmatch(f))
        multi = sorted((f for f in forms if not _TOKEN.fullmatch(f) and " " not in f), key=len, reverse=True)
        multi_form = re.compile(r"[ \t]*,?[ \t]*(?:" + "|".join(re.escape(f) for f in multi) + r")\.?(?![\w/])")
        name = rf"[{CAPITALS}0-9][\w’'&.-]*(?:[ \t]+(?:&[ \t]+)?(?:[{CAPITALS}0-9][\w’'&.-]*|of|de|del|della|di|da|do|dos|das|du|der|den|van|von|la|le|y))*"
        unknown = _NamePattern(re.compile(rf"(?:{form_alt})(?![\w/])\.?"),
                               re.compile(rf"(?<![\w.])({name})$"), spaced=True)
        corporate = frozenset(w.casefold() for w in names["corporate_words"]) | legal
        heads = "|".join(re.escape(h) for h in names["company_descriptors"])
        # The descriptor must head the appositive: "Yoti, a London-based start-up," but not
        # "Bill Winters, the bank's group chief executive".
        # not a reporting verb: in "a paper sent to ENISA, the company argued" the company is the next clause's subject
        head_end = (r"(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:that|which|who|whose|with|in|of|for|to|and|run|owned|led|backed|held|made|built"
                    r"|active|present|behind|where|across|near"
                    r"|(?!(?:said|argued|added|noted|warned|stated|claimed|insisted|explained|replied|responded|countered"
                    r"|confirmed|announced|insisting|arguing|adding|saying|noting|warning)\b)[a-z]+(?:-[a-z]+)?(?:ed|ing))\b)")
        # (no preposition before the head: "Second, a permanent lighter lane for companies" is no company's)
        # (a place's possessive opens one too: "Aluminium Dunkerque, Europe's largest aluminium smelter")
        appositive = re.compile(rf",[ \t]+(?:(?:a|an|another|the|one of (?:the|our|its|their|its)|one of"
                                rf"|(?-i:[{CAPITALS}][a-z]+)[’']s)[ \t]+"
                                rf"(?:(?!(?:for|of|to|with|in|on|at|by|from|than|between)[ \t])[\w’'-]+[ \t]+){{0,7}}?"
                                rf"(?:{heads})s?\b(?![’']s){head_end}"
                                rf"|(?:(?:which|that)[ \t]+(?:is|was)[ \t]+)?(?:owned by|a unit of|a subsidiary of|part of|the parent of|the owner of)\b"
                                # "Ubud Villa Collective, which manages 35 villas": what only a business does
                                rf"|which[ \t]+(?:also[ \t]+|is[ \t]+)?(?:operates|owns|manages|sells|makes|produces|employs|supplies|builds"
                                rf"|building|developing|operating|running"
                                rf"|exports|imports|distributes|manufactures|controls|trades|retails|ships|mines|refines)\b"
                                # "Cosmolot, whose app is one of the most downloaded …": what only a business has
                                rf"|whose[ \t]+(?:[\w’'-]+[ \t]+){{0,2}}?(?:app|apps|platform|brands?|stores|shops|products|customers|division"
                                rf"|clients|mines|plants|factories|fleet|vessels|hotels|restaurants|drivers|riders|merchants|users)\b)")
        lower_starts = frozenset(a.tokens[0] for c in index.values() for a in c if a.lower_start)
        name_start = re.compile(r"(?<!\w)(?:[^\W\d_a-z\u00df-\u00ff]\w*|\d\w*)")
        prefixes = "|".join(re.escape(f) for f in names["prefix_legal_forms"])
        # Must not follow a word or a dot: checked by _finditer_where (see there).
        prefix_form = re.compile(rf"(?:{prefixes})[ \t]+((?:[{CAPITALS}][\w&’'.-]*)(?:[ \t]+[{CAPITALS}][\w&’'.-]*){{0,4}})")
        regions = set(names["place_words_not_countries"])
        countries = "|".join(map(re.escape, sorted({w for w in names["place_words"] if w not in regions} | set(names["countries"]),
                                                   key=lambda w: (-len(w), w))))
        company_roles = _alternation(names["company_roles"])
        descriptors_before: dict[str, tuple[str, ...]] = {}
        for phrase in names["company_descriptors_before"]:
            last = phrase.split()[-1]
            descriptors_before[last] = (*descriptors_before.get(last, ()), phrase)
        return cls(entities, index, trie, legal, multi_form, corporate, frozenset(w.casefold() for w in names["name_stopwords"]),
                   frozenset(w.casefold() for w in names["industry_words"]), prefix_form,
                   frozenset(w.casefold() for w in names["organisation_words"]),
                   # not a compound's first part: "a labour-outsourcing company" is a company
                   re.compile(r"\b" + _unless_a_trade_before(names) + r"(?:"
                              + "|".join(re.escape(w) for w in names["organisation_descriptors"]) + r")\b(?!-)", re.I),
                   unknown, appositive, name_start, lower_starts,
                   # the suffix ends the name: not "California Air Resources Board", "Australian Communications and Media Authority"
                   re.compile(r"(?:" + "|".join(re.escape(w) for w in names["company_suffixes"])
                              + r")\b(?![ \t]+(?:[A-Z]|and[ \t]+[A-Z]|&|of\b|for[ \t]+(?:the[ \t]+)?[A-Z]))"),
                   frozenset(w.casefold() for w in names["generic_name_words"]),
                   frozenset(w.casefold() for w in names["trade_name_words"]),
                   frozenset(w.casefold() for w in names["demonyms"]),
                   frozenset(w.casefold() for w in names["place_words"]), descriptors_before, data.get("version", ""), people,
                   list_anchor=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in names["list_heads"])
                              + r")(?:[ \t]+|(?:[ \t]+[\w’'-]+){0,5}?,[ \t]+)$", re.I),
                   common_name_words=frozenset(w.casefold() for w in names["common_name_words"]),
                   cities=frozenset(w.casefold() for w in names["cities"]),
                   department_words=frozenset(names["department_words"]),
                   number_words=frozenset(names["number_words"]),
                   company_prefix=re.compile(r"(?:" + "|".join(map(re.escape, names["company_prefix_words"]))
                                             + rf")[ \t]+[{CAPITALS}][\w&’'-]*(?:[ \t]+(?:(?:de|del|da|do|dos|das|di|della|y|e)[ \t]+)?"
                                             rf"(?:[{CAPITALS}][\w&’'-]+|[{CAPITALS}](?!\.))){{0,3}}"),  # not the "S" of "S.A.C."
                   person_title=re.compile(r",[ \t]+(?:the[ \t]+|an?[ \t]+)?(?:"
                                           + _alternation(set(names["person_roles"]) | set(names["outside_roles"])) + r")\b", re.I),
                   person_appositive=re.compile(r",[ \t]+an?[ \t]+(?:[\w-]+[ \t]+){1,3}and[ \t]+(?:"
                                                + _alternation(names["person_roles"]) + r")\b"),
                   multiword_places=re.compile(r"(?:" + _alternation(c for c in names["countries"] if " " in c) + r")\b"),
                   heading=re.compile(rf"^((?:[{CAPITALS}0-9][\w&’'-]*)(?:[ \t]+(?:&[ \t]+)?[{CAPITALS}0-9][\w&’'-]*){{0,4}})"
                                      # "Gusto. The payroll company …", or the heading on a line of its own
                                      rf"(?:\.[ \t]+|[ \t]*\n[ \t]*\n?[ \t]*)The[ \t]+(?:[\w’'-]+[ \t]+){{0,6}}?(?:{heads})s?\b",
                                      re.M),
                   organisation_before=re.compile(rf"\b(?:{_alternation(names['organisation_nouns'])})[ \t]+$"),
                   # "Fatih and Üsküdar districts", "Los Angeles and Orange counties"
                   place_list_after=re.compile(r"(?:(?:,[ \t]+[A-Z][\w’'-]*)*,?[ \t]+(?:and|or)[ \t]+[A-Z][\w’'-]*)?[ \t]+"
                                               rf"(?:{_alternation(names['place_plurals'])})\b"),
                   seat_or_trade=re.compile(r",[ \t]+(?:(?:headquartered|based)[ \t]+in|(?:[\w’'-]+[ \t]+){0,2}?"
                                            rf"(?:{_alternation(names['trade_nouns'])})[ \t]+of)\b"),
                   role_then_person=re.compile(rf"[ \t](?:{_alternation(names['roles_before_a_person'])})[ \t]+[A-Z][a-z]+[ \t]+[A-Z]"),
                   # not "chief executive for West Africa"
                   role_before=re.compile(rf"\b(?:(?:{company_roles}|president)[ \t]+(?:of|at)|(?:spokesperson|spokesman|spokeswoman)"
                                          r"[ \t]+(?:for|of|at))[ \t]+$", re.I),
                   # (past a unit or a place: "the company's Australia president")
                   role_after=re.compile(rf"[’']s[ \t]+(?-i:[{CAPITALS}][\w-]*[ \t]+){{0,2}}(?:{company_roles}|president)\b",
                                         re.I),
                   role_at=re.compile(r"\b(?:" + _alternation(names["person_roles"]) + r")s?[ \t]+at[ \t]+$", re.I),
                   weak_organisation_words=frozenset(names["weak_organisation_words"]),
                   shared_organisation_words=frozenset(w.casefold() for w in names["shared_organisation_words"]),
                   abbreviations=frozenset(a.casefold() for key in ("never_final", "country_abbreviations")
                                           for a in (segmentation or {}).get(key, ())),
                   national_unit=re.compile(rf"((?:[ \t]+[A-Z][\w&-]*){{0,3}}?)[ \t]+(?:(?:do|da|de|del|di|du)[ \t]+)?(?:{countries}|\((?:{countries})\))"
                                            r"(?![\w-]|[’'](?!s\b)|[ \t]+[A-Z])"))

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)


def find_mentions(body: str, registry: EntityRegistry) -> tuple[list[Mention], dict[str, Entity]]:
    """All registry and legal-form names in ``body``, in order, without overlaps.

    Returns the mentions and the article's own entities (organisations found by legal form).
    Only words that can start a name (capitalised, digits, the few lower-case brand names) are
    looked up, and the trie is walked word by word from there.
    """
    starts = _name_starts(body, registry)
    defined = _acronym_definitions(body, registry)
    local_index, local_entities, unknown_spans = _unknown_organisations(body, registry, starts, defined)
    local_trie = _build_trie(local_index)
    tries = (local_trie, registry.trie) if local_index else (registry.trie,)
    mentions: list[Mention] = []
    seen_entities: set[str] = set()
    seen_people: dict[str, int] = {}
    surnames: set[str] = set()  # "Greg Abbott" was a person: a later "Abbott" is him too
    first_words: dict[str, str] = {}  # the first word of each name written in full, and whose it is
    short_names: dict[str, str] = {}  # the same, for a later reference by that word alone
    uncorroborated: list[tuple[int, int, _Alias]] = []  # ambiguous names opening a sentence
    last_end = 0
    for m in starts:
        start = m.start()
        if start < last_end:
            continue
        word = m.group().casefold()
        if word not in registry.trie and word not in local_trie and word not in short_names:
            continue  # most capitalised words start no name
        hit = None
        pending = None
        for end, alias in _candidates(body, start, m.end(), word, tries):
            if (not alias.person and alias.entity_id not in local_entities
                    and any(s <= start < e and end <= e for s, e in unknown_spans)):
                # inside "Apple Farms Ltd.": the article's own company, not the registry's Apple
                # (but "state utility Comisión Federal de Electricidad" is the registry's longer name)
                continue
            if alias.person is None and (definer := defined.get(body[start:end])) is not None \
                    and alias.entity_id in registry.entities \
                    and registry.entities[alias.entity_id].name.split()[0].casefold() not in definer.split():
                continue  # "Conseil du Café-Cacao (CCC)": this article's CCC, not the registry's
            accepted = _acceptable(body, start, end, alias, registry, seen_entities, seen_people, surnames)
            if accepted:
                hit = (alias, end)
                break
            if accepted is None and pending is None:
                pending = (start, end, alias)
        if hit is None and word in short_names and _short_reference(body, start, m.end(), word, registry):
            # "Latitude Financial Services …" then "Latitude said": the name on second reference
            end = m.end()
            mentions.append(Mention(start, end, short_names[word], body[start:end], None, bool(_POSSESSIVE.match(body, end))))
            last_end = end
            continue
        if hit is None and pending is not None:
            uncorroborated.append(pending)
        if hit is None or _dateline_credit(body, start, end) or _medium(body, start, hit[1]):
            continue
        if len(hit[0].tokens) == 1 and registry.multiword_places is not None \
                and registry.multiword_places.match(body, start):
            continue  # "Costa Rica's Legislative Assembly", "22,000 Costa Ricans": not Costa Coffee
        if body[start - 1:start] == "(" and body.startswith(":", hit[1]):
            continue  # "Deere & Co. (NYSE: DE)": the exchange of a ticker
        alias, end = hit
        if len(alias.tokens) == 1 and alias.entity_id in local_entities and _THE_BEFORE.search(
                body, max(0, start - 5), start) and _LOWER_AFTER.match(body, end):
            continue  # "the Kumamoto foundry": a place or a description, not "Kumamoto Seimitsu Kogyo K.K." again
        if len(alias.tokens) == 1 and alias.entity_id in local_entities and (
                place := _PLACE_BEFORE.search(body, max(0, start - 8), start)) and place.group()[:2] != "at":
            continue  # "landlords in Pasay": the place "Pasay Bayview Outsourcing Inc." is named after
        if alias.person:
            # A person of several companies ("Elon Musk") speaks for the one the article is about.
            alias = next((a for e, a in _candidates(body, start, m.end(), word, tries)
                          if e == end and a.person == alias.person and a.entity_id in seen_entities), alias)
        if alias.short_person:
            alias = _latest_person(registry, word, seen_people) or alias
        entity_id = alias.entity_id
        if alias.person is None and len(alias.tokens) == 1:
            # "Volvo Group …, Volvo's head of regulatory affairs": the Volvo the article named in full
            entity_id = first_words.get(word, entity_id)
        elif alias.person is None:
            first_words[alias.tokens[0]] = entity_id
            if entity_id in registry.entities and registry.entities[entity_id].is_company:
                short_names.setdefault(alias.tokens[0], entity_id)
        if alias.person is None:
            end = _extend_legal_form(body, end, registry)
            if (unit_end := _national_unit_end(body, end, entity_id, registry)) is not None:
                name = body[start:unit_end].replace("(", "").replace(")", "")
                unit = local_entities.setdefault(slugify(name), Entity(slugify(name), COMPANY, name, (name,), entity_id))
                entity_id, end = unit.id, unit_end
        if body.startswith(".", end) and _POSSESSIVE.match(body, end + 1):
            end += 1  # "Tesla Inc.’s"
        possessive = bool(_POSSESSIVE.match(body, end))
        mentions.append(Mention(start, end, entity_id, body[start:end], alias.person, possessive))
        seen_entities.add(entity_id)
        if alias.person:
            seen_people[alias.person] = len(mentions)
        last_end = end
    late = [Mention(start, end, alias.entity_id, body[start:end], None, bool(_POSSESSIVE.match(body, end)))
            for start, end, alias in uncorroborated if alias.entity_id in seen_entities and alias.person is None
            and not any(m.start < end and start < m.end for m in mentions)]
    if late:
        mentions = sorted(mentions + late, key=lambda m: m.start)
    return mentions, local_entities


def _name_starts(body: str, registry: EntityRegistry) -> list[re.Match[str]]:
    """Words that may start a name, in order: capitalised or digit-initial words, and the
    lower-case words that begin a brand ("eBay"). One scan for each: an alternation of the
    brands inside the first pattern would be tried at every position of the body."""
    starts = list(registry.name_start.finditer(body))
    lower = registry.lower_starts
    if lower and not lower.isdisjoint(map(str.casefold, _LOWER_WORD.findall(body))):
        brands = [m for m in _LOWER_WORD.finditer(body) if m.group().casefold() in lower]
        starts = sorted(starts + brands, key=_match_start)
    return starts


_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][\w’'&-]*(?:[ \t]+[A-Z][\w’'&-]*)?)[ \t]+$")
_LEADING_WORDS = frozenset({"the", "a", "an", "for", "to", "from", "with", "at", "by", "on", "in", "like", "unlike",
                           "including"})
_NEXT_NAME_WORD = re.compile(r"(?<=\s)\S")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")
_LOWER_WORD = re.compile(r"(?<!\w)[a-z\u00df-\u00ff]\w*")
_match_start = operator.methodcaller("start")
_ALIASES = "\0"
# The next word of a name, past what may join two words of one name ("JD.com", "AT&T").
_NEXT_WORD = re.compile(r"[\s.&'’/-]{0,3}(\w+)")


def _build_trie(index: dict[str, list[_Alias]]) -> dict:
    """A token trie of aliases; each node's ``"\0"`` entry lists the aliases ending there."""
    root: dict = {}
    for candidates in index.values():
        for alias in candidates:
            node = root
            for tok in alias.tokens:
                node = node.setdefault(tok, {})
            node.setdefault(_ALIASES, []).append(alias)
    return root


def _candidates(body: str, start: int, end: int, word: str, tries: tuple[dict, ...]):
    """(end offset, alias) pairs matching at ``start``, longest first, the article's own names first."""
    found: list[tuple[int, int, _Alias]] = []
    for rank, trie in enumerate(tries):
        node = trie.get(word)
        stop = end
        while node is not None:
            for alias in node.get(_ALIASES, ()):
                found.append((stop, -rank, alias))
            nxt = _NEXT_WORD.match(body, stop)
            if nxt is None:
                break
            node = node.get(nxt.group(1).casefold())
            stop = nxt.end()
    found.sort(key=lambda f: (-f[0], -f[1]))
    return [(e, alias) for e, _, alias in found]


def _next_word(body: str, end: int) -> str:
    nxt = _NEXT_WORD.match(body, end)
    return nxt.group(1).casefold() if nxt else ""


def _acceptable(body: str, start: int, end: int, alias: _Alias, registry, seen_entities, seen_people,
                surnames: set[str]) -> bool | None:
    """Whether the alias at ``body[start:end]`` names its entity here; None when it would if the
    article names that entity elsewhere ("Lupin, to its credit, has broken ranks" opening a sentence)."""
    first = body[start]
    if alias.lower_start:
        word = body[start:start + len(alias.tokens[0])]
        if alias.inner_capital and word.islower():
            return False  # "ebay" in running text is not eBay
    elif first.islower():
        return False
    elif alias.mixed_case and alias.ambiguous and body[start + 1:start + len(alias.tokens[0])].islower():
        return False  # "Renew" (the European Parliament group) is not ReNew; a common word needs its capitals
    if alias.upper and not body[start:end].isupper():
        return False
    if not alias.upper and _dateline_place(body, start, end):
        return False  # "BANGKOK, July 1 (…) –": a dateline's place, not the "Bangkok Ceramic Studio" of the story
    if alias.upper and end - start <= 4 and _AMOUNT_AFTER.match(body, end):
        return False  # "NIS 2.5 billion", "SAR 40 million": a currency, not NIS or a company of that acronym
    if alias.upper and alias.person is None and _spelled_out_organisation(body, end, registry):
        return False  # "DIGI, the Digital Industry Group, said": another body's acronym
    if _VENUE_AFTER.match(body, end) or _FILED_WITH_BEFORE.search(body, max(0, start - 80), start) \
            or _TRADED_ON_BEFORE.search(body, max(0, start - 60), start):
        # "the Nasdaq-listed acquirer", "in a filing to the Singapore Exchange", "disclosures to the BSE
        # and the National Stock Exchange", "rose 2.8% on the ASX": where a company files or trades, not a company
        return False
    if alias.person is None and registry.organisation_before.search(body, max(0, start - 24), start):
        return False  # "the fuel trade association UNITI" names the association, not Uniti Group
    if alias.person is None and _in_organisation_name(body, start, registry):
        return False  # "the Ministry of Energy and Mineral Resources" is no Mineral Resources Ltd
    following_name = _ORGANISATION_NEXT.match(body, end) if alias.person is None else None
    if following_name is not None and (following_name.group(1).casefold() in registry.organisation_words
                                       or following_name.group(1) in _RULE_TITLE_WORDS):
        # "American Water Works Association" is an association, not American Water Works;
        # "the Battery Waste Management Rules" a rule, not Waste Management Inc., nor "the Mineral Resources
        # Development Bill" Mineral Resources Ltd
        return False
    if alias.person and registry.person_appositive is not None and registry.person_appositive.match(body, end):
        return False  # "Priya Nair, a pharmacist and owner of Prairie Apothecary": someone else of that name
    if alias.short_person:
        return any(p.split()[-1].casefold() == alias.tokens[0] or alias.tokens[0] in p.casefold().split()
                   for p in seen_people)
    if alias.person is None and len(alias.tokens) == 1:
        if alias.tokens[0] in surnames:
            return False
        if _after_first_name(body, start, registry) or (
                _previous_name(body, start) is not None and registry.person_title is not None
                and registry.person_title.match(body, end)):
            surnames.add(alias.tokens[0])
            return False  # "Governor Greg Abbott" is a person, not Abbott Laboratories; so is "Carlo Santos, head of …"
    if (end - start > 1 and body[start + 1].isupper() and body[start:end].isupper()
            and (not alias.upper or alias.ambiguous)
            and (_CAPITAL_WORD_BEFORE.search(body, max(0, start - 20), start) or _CAPITAL_WORD_AFTER.match(body, end))
            and not _heads_its_line(body, start, end)):
        # "WHAT'S NEXT:", "THE BIG ONE —" are headings, not Next plc or ONE; "MATCH GROUP (Feb. 3)" heads its section
        return False
    if registry.place_list_after is not None and registry.place_list_after.match(body, end):
        return False  # "the ÖVP, SPÖ and NEOS parties", "Los Angeles and Orange counties": not companies
    if not alias.ambiguous:
        return True
    if _REPRESENTS.match(body, end) or _SITE_AFTER.match(body, end) or (
            body.startswith(",", end) and _SENTENCE_IN.search(body, max(0, start - 6), start)):
        # "the BPI, which represents record labels", "the Arcadia mine", "In Alba, the view …": a body,
        # a site or a place, however often the company of that name was seen
        return False
    # A name that is also a common word ("Apple", "Meta", "Ant") needs corroboration.
    if alias.entity_id in seen_entities or (_POSSESSIVE.match(body, end) and not _PLURAL_POSSESSIVE_NAME.match(body, end)):
        return True  # "Apple's"; not "The Citizens' Nuclear Information Center"
    # "99" and "Seven" are numbers unless the text says they are a company ("Seven weeks after …")
    strict = alias.tokens[0].isdigit() or alias.tokens[0] in registry.number_words
    if (body.startswith(":", end) or _HEADING_THE.match(body, end)) and (start == 0 or body[start - 1] == "\n"):
        return True  # a roundup's or transcript's label: "Amazon: A spokesperson declined …", "Gusto. The payroll company …"
    if _heads_its_line(body, start, end) and _NEXT_PARAGRAPH_THE.match(body, body.find("\n", end)):
        return True  # a roundup's heading "Lush" over "The cosmetics retailer, …, welcomed the rise"
    following = _next_word(body, end)
    if alias.upper and body[max(0, start - 4):start] == "the " and following not in registry.legal_forms \
            and not body.startswith(",", end):
        # "the end of the CAP": an acronym with an article names a policy or a body (but "For the EMS, largest
        # laboratory of the country, …" is described as a company)
        return False
    if following in _ADVERBS_AFTER_NAME:  # "Apple now sells …", "Shell also said …"
        nxt = _NEXT_WORD.match(body, end)
        following = _next_word(body, nxt.end()) if nxt is not None else ""
    if following in registry.legal_forms or following in _REPORTING_AFTER_NAME:
        return True
    if following in ("and", "or") or body.startswith(",", end):
        after = _NEXT_WORD.match(body, _NEXT_WORD.match(body, end).end()) if not body.startswith(",", end) else (
            _NEXT_WORD.match(body, end + 1))
        if after is not None and after.group(1)[:1].isupper() and any(
                a.person is None for a in registry.index.get(after.group(1).casefold(), ())):
            return True  # "X and Snap Inc. also supported the bill", "Apple, Amazon and Disney did not respond"
    if (app := registry.appositive.match(body, end)) is not None:
        # "X, the platform owned by …"; not "Ceres, the investor network": a company word for another body
        return registry.organisation_descriptors.search(app.group()) is None
    if _RELATIVE_AFTER.match(body, end) or registry.seat_or_trade.match(body, end):
        return True  # "Amazon, which has tested …", "3M, headquartered in …"
    if registry.national_unit is not None and (unit := registry.national_unit.match(body, end)) is not None \
            and not unit.group(1):
        return True  # "Grab Indonesia, asked about the regulation, said …"
    # (a role is held at a company, not at a place: "a regional safety director at Amazon")
    if (_PLACE_BEFORE.search(body, max(0, start - 12), start)
            and not (registry.role_at is not None and registry.role_at.search(body, max(0, start - 40), start))) \
            or _NAME_GOES_ON.match(body, end) \
            or _PLACE_LIST_BEFORE.search(body, max(0, start - 60), start):
        return False  # "a pilot in Salzgitter", "inside Ring Road 1", "in Beyoğlu, Beşiktaş and …"
    if _OWNER_OR_PARTICLE_BEFORE.search(body, max(0, start - 12), start):
        return False  # "Google's Gemini features", "its Gemini app": a product; "Antofagasta de la Sierra": a place
    if _MEDIUM_BEFORE.search(body, max(0, start - 24), start) or _PRODUCT_BEFORE.search(body, max(0, start - 30), start):
        return False  # "wrote on X" is a medium, "HyperCLOVA X" a product
    # An acronym that is also an abbreviation ("GM corn", "BT cotton") needs more than a place mid-sentence.
    if strict or (alias.upper and _LOWER_AFTER.match(body, end) and following not in registry.name_stopwords):
        return False  # not "HKT to apply"
    # Opening a sentence, the word may be the common one: the name only if the article names the company elsewhere.
    return None if _sentence_initial(body, start) else True


_HEADING_THE = re.compile(r"\.[ \t]+The[ \t]")
_NEXT_PARAGRAPH_THE = re.compile(r"\n[ \t]*\n?[ \t]*The[ \t]+[a-z]")
_RULE_TITLE_WORDS = frozenset({"Rules", "Rule", "Act", "Regulation", "Regulations", "Directive", "Bill", "Law", "Code",
                               "Ordinance", "Decree", "Standard", "Standards", "Scheme"})
_CAPITAL_WORD_BEFORE = re.compile(r"\b[A-Z’']{2,}[ \t]+$")
_CAPITAL_WORD_AFTER = re.compile(r"[ \t]+[A-Z’']{2,}\b")
# The rest of a heading line that is only a name: "MATCH GROUP (Feb. 3)", "MATCH GROUP:".
_NAME_HEADING = re.compile(r"[ \t]*(?:\([^()\n]{0,30}\)|[:—–-])?[ \t]*")


def _heads_its_line(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` is a line of its own, but for a date or a colon."""
    line_start = body.rfind("\n", 0, start) + 1
    if body[line_start:start].strip():
        return False
    stop = body.find("\n", end)
    return _NAME_HEADING.fullmatch(body, end, len(body) if stop < 0 else stop) is not None


_ORGANISATION_NEXT = re.compile(r"(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+([A-Z][a-z]+)\b(?![ \t]+[A-Z])")  # the last of up to three capitalised words


def _spelled_out_organisation(body: str, end: int, registry: EntityRegistry) -> bool:
    """Whether an acronym is followed by ", the <Name>" that names an association, council or
    other organisation."""
    m = _SPELLED_OUT.match(body, end)
    return m is not None and any(w.strip(".,").casefold() in registry.organisation_words for w in m.group(1).split())


_SPELLED_OUT = re.compile(r",[ \t]+the[ \t]+((?:[A-Z][\w&’'.-]*[ \t]*){1,6})")


def _medium(body: str, start: int, end: int) -> bool:
    """Whether a platform is only where something was said: "in a LinkedIn post", "an X video"."""
    return (_MEDIUM_AFTER.match(body, end) is not None and _DETERMINER_BEFORE.search(body, max(0, start - 8), start) is not None
            ) or _POSTED_ON.search(body, max(0, start - 16), start) is not None  # "just posted on LinkedIn: “…”"


_MEDIUM_AFTER = re.compile(r"[ \t]+(?:post|posts|video|videos|account|page|livestream|thread)\b")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|his|her|its|their|our|my)[ \t]+$")
_POSTED_ON = re.compile(r"\b(?:posted|posts|post|wrote|writes|tweeted|tweets|shared)[ \t]+(?:on|via)[ \t]+$")


def _dateline_credit(body: str, start: int, end: int) -> bool:
    """Whether a name is the wire's credit in an opening dateline: "(Ledgerline) --", "(Meridian Wire) -"."""
    if start >= _DATELINE_REACH or _CREDIT_END.match(body, end) is None:
        return False
    opening = body.rfind("(", max(0, start - 30), start)  # "(Ledgerline) --", "(Asia Ledger) -"
    return opening >= 0 and ")" not in body[opening:start]


def _dateline_place(body: str, start: int, end: int) -> bool:
    """Whether a word in capitals opening a line is a dateline's place: "BANGKOK, July 1", "LIMA –"
    (not a roundup's heading, "MATCH GROUP (Feb. 3)")."""
    return (end - start > 3 and body[start:end].isupper() and (start == 0 or body[start - 1] == "\n")
            and _DATELINE_AFTER.match(body, end) is not None)


_DATELINE_REACH = 120
_CREDIT_END = re.compile(r"[\w .]*\)[ \t]*(?:-{1,2}|–|—)")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:,|[-–—])")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]{2,})[ \t]$")


def _previous_name(body: str, start: int) -> re.Match | None:
    """The capitalised word ("Carlo", "Núria", "Øystein") right before ``start``, if any."""
    m = _PREVIOUS_WORD.search(body, max(0, start - 30), start)
    return m if m is not None and m.group(1)[0].isupper() and m.group(1)[1:].islower() else None


def _after_first_name(body: str, start: int, registry: EntityRegistry) -> bool:
    """Whether a capitalised word that is not itself a name stands right before ``start``."""
    m = _previous_name(body, start)
    if m is None or (_sentence_initial(body, m.start(1)) and not _after_abbreviation(body, m.start(1), registry)):
        return False  # (but "Rep. Daniel Kemper" is a person)
    word = m.group(1).casefold()
    return (word not in registry.name_stopwords and word not in registry.corporate_words
            and word not in registry.demonyms and word not in registry.place_words)  # "the Swiss Syngenta", "Taiwan TSMC"


_REPORTING_AFTER_NAME = frozenset(
    "said says told added stated warned welcomed argued announced criticised criticized praised urged "
    "declined responded agreed opposed supported backed rejected appealed sued plans will would has had is was "
    "sells sold offers offered operates operated runs ran launched introduced filed lobbied reported expects "
    "expected planned did does".split()
)
_ADVERBS_AFTER_NAME = frozenset("now also still already recently previously currently later".split())


_MEDIUM_BEFORE = re.compile(r"\b(?:post|posts|posted|wrote|writes|said|says|statement|message|account|video)[ \t]+(?:on|via)[ \t]+$")
_PRODUCT_BEFORE = re.compile(r"[a-z][\w-]*[ \t]+(?:[A-Z][a-z]*[A-Z][\w-]*|[A-Z][a-z]+)[ \t]+$")  # "its HyperCLOVA X", "the Model X"
_PLURAL_POSSESSIVE_NAME = re.compile(r"[’'][ \t]+[A-Z]")
_OWNER_OR_PARTICLE_BEFORE = re.compile(r"(?:[’']s|\b(?:its|their|our|his|her|whose|de|del|la|da|do|dos|di|della|van|von|der))[ \t]+$")
_AMOUNT_AFTER = re.compile(r"[ \t]?\d")
_PLACE_LIST_BEFORE = re.compile(r"\b(?:in|across|near|around)[ \t]+(?:[A-Z][\w’'-]*,[ \t]+)+$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|inside|outside|around|across)[ \t]+$")  # not "from Meta", "to Apple"
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]+\b(?![’'])")
_RELATIVE_AFTER = re.compile(r",[ \t]+(?:which|whose)\b")


_VENUE_AFTER = re.compile(r"[-‑–](?:listed|traded|quoted)\b")
_FILED_WITH_BEFORE = re.compile(r"\b(?:filings?|filed|disclosures?|disclosed|notices?|notifications?|submissions?)[ \t]+(?:to|with)"
                                r"[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.&]*[ \t]+){0,4}?(?:(?:and|or)[ \t]+(?:the[ \t]+)?"
                                r"(?:[A-Z][\w.&]*[ \t]+){0,4}?)?\(?$")
# where shares move: "Shares in Lynas rose 2.8% on the ASX", "listed on the Nasdaq", "trading on the NYSE"
_TRADED_ON_BEFORE = re.compile(r"\b(?:rose|fell|gained|slipped|dropped|climbed|jumped|slid|added|lost|closed|opened|traded|"
                               r"trading|trades|listed|listing|lists|debuted|sank|surged|tumbled|eased|rallied)\b"
                               r"(?:[^.;\n]|\.(?=\d)){0,30}?[ \t]on[ \t]+the[ \t]+$")
_ABBREVIATION_BEFORE = re.compile(r"([\w.]+)\.[ \t]+$")


def _after_abbreviation(body: str, pos: int, registry: EntityRegistry) -> bool:
    """Whether an abbreviation that never ends a sentence ("Rep.", "Dr.") stands right before ``pos``."""
    m = _ABBREVIATION_BEFORE.search(body, max(0, pos - 12), pos)
    return m is not None and m.group(1).casefold() in registry.abbreviations


def _sentence_initial(body: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and body[k] in " \t“\"‘'(":
        k -= 1
    if k >= 0 and body[k] in "-–—•*" and (k == 0 or body[k - 1] in " \t\n"):
        j = k - 1  # a list item's or a live blog's bullet: "- Next up is …"
        while j >= 0 and body[j] in " \t":
            j -= 1
        return j < 0 or body[j] == "\n"
    return k < 0 or body[k] in ".!?\n:;"


def _latest_person(registry: EntityRegistry, word: str, seen_people: dict[str, int]) -> _Alias | None:
    """The most recently seen person a surname can stand for."""
    best = None
    for alias in registry.index.get(word, ()):
        if alias.person and alias.person in seen_people:
            if best is None or seen_people[alias.person] > seen_people[best.person]:
                best = alias
    return best


def _national_unit_end(body: str, end: int, entity_id: str, registry: EntityRegistry) -> int | None:
    """Where a company's national unit named after it ends: "Nestlé Philippines", "MTN Uganda",
    "Coca-Cola Beverages South Africa", "British American Tobacco (Malaysia)"; else None."""
    m = registry.national_unit.match(body, end) if registry.national_unit is not None else None
    if m is None:
        return None
    entity = registry.entities.get(entity_id)
    if entity is None or not entity.is_company:
        return None
    between = m.group(1).split()  # only words a company's name is made of, not "Google Exits Kenya"
    if not all(w.casefold() in registry.industry_words or w.casefold() in registry.corporate_words
               or w.casefold() in registry.trie for w in between):
        return None
    return m.end()


_AND_PARTNERS = re.compile(r"[ \t]*&[ \t]*(?:Partners|Company|Sons|Associates|Brothers|Co\b\.?|Cie\b\.?)")


def _short_reference(body: str, start: int, end: int, word: str, registry: EntityRegistry) -> bool:
    """Whether a capitalised word alone may be a registry company's name on second reference:
    not a common or place word, and no longer name goes on after it."""
    return (len(word) > 3 and body[start].isupper() and not body[start:end].isupper()
            and word not in registry.name_stopwords and word not in registry.industry_words
            and word not in registry.common_name_words and word not in registry.place_words
            and word not in registry.demonyms and word not in registry.corporate_words
            and not _CAPITAL_NEXT.match(body, end))  # not "the Pembina Institute's criticism"


_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")


def _extend_legal_form(body: str, end: int, registry: EntityRegistry) -> int:
    """Take trailing legal-form words into the mention ("Tesla Inc.", "Ørsted A/S")."""
    while True:
        if (amp := _AND_PARTNERS.match(body, end)) is not None:
            end = amp.end()  # "Nesma & Partners", "Merck & Co."
            continue
        nxt = _NEXT_WORD.match(body, end)
        if nxt is not None and nxt.group(1).casefold() in registry.corporate_words:
            end = nxt.end()
            continue
        multi = registry.multi_form.match(body, end)
        if multi is None:
            return end
        end = multi.end()


def _unknown_organisations(body: str, registry: EntityRegistry, starts: list[re.Match[str]],
                           defined: dict[str, str]):
    """Organisations named with a legal form but absent from the registry, as a local alias index."""
    index: dict[str, list[_Alias]] = {}
    entities: dict[str, Entity] = {}
    spans: list[tuple[int, int]] = []
    for name_start, name_end, mention_end in _legal_form_or_appositive(body, registry, starts):
        if any(s == name_start for s, _ in spans):
            continue  # "X GmbH & Co. KG, a family-run supplier": named once by its legal form
        if body.startswith(",", name_end) and body.startswith(("’s", "'s"), mention_end):
            continue  # "Jonathan Lim, SIA's senior vice president": SIA is a name there, not a legal form
        if body[max(0, name_start - 2):name_start] == ") " and _BRACKETED_WORD_BEFORE.search(body, max(0, name_start - 40),
                                                                                            name_start):
            continue  # "China Northern Rare Earth (Group) High-Tech Co.": the end of a longer name; not "3) THE WINNERS."
        words = body[name_start:name_end].split()
        cut = max((i for i, w in enumerate(words[:-1]) if w.endswith(".") and (len(w.rstrip(".")) > 3 or _sentence_word(
            w[:-1], registry) or (
            w[:-1].isalpha() and w[:-1].isupper() and len(w) > 2 and w[:-1].casefold() not in registry.legal_forms) or (
            # "… at Traton SE. Volvo Group": a legal form ends its name; not "Cedar & Co. Cosmetics", "Co. Ltd."
            w[:-1].casefold() in registry.legal_forms and w[:-1].casefold() != "co"
            and words[i + 1].rstrip(".,").casefold() not in registry.legal_forms))),
                  default=-1)  # "… the Treasury. TikTok Pte Ltd", "THE DELAY ASK. Tidewater People Search LLC"
        words = [w for w in words[cut + 1:]]  # "… the Treasury. TikTok Pte Ltd" names TikTok
        while len(words) > 1 and (_NUMBER.fullmatch(words[0]) or (
                len(words) > 2 and words[0].casefold() in registry.name_stopwords and _NUMBER.fullmatch(words[1]))):
            words.pop(0)  # "In 2025 Ledgerline Inc."; not the "4chan" of "4chan Community Support LLC"
        while len(words) > 1 and (words[-1].rstrip(".").casefold() in registry.legal_forms
                                   or registry.multi_form.fullmatch(words[-1])):
            words.pop()  # an appositive after "Harbour Energy Plc," names Harbour Energy
        starts = [i for i in range(len(words)) if i == 0 or words[i - 1].endswith(("’s", "'s"))
                  or words[i - 1].casefold() in registry.name_stopwords]
        before = _CAPITALISED_BEFORE.search(body, max(0, name_start - 40), name_start)
        # "Bank of America Corp.", "Critics of Shell Plc", "Mark Cuban Cost Plus Drug Co.": the registry's;
        # but "KCC Corp." is a company of its own
        if not _body_acronym(registry, " ".join(words), tuple(t.casefold() for t in _TOKEN.findall(" ".join(words)))) and (
                any(_registry_name(registry, tuple(t.casefold() for t in _TOKEN.findall(" ".join(words[i:]))))
                    for i in starts) or (before is not None and _registry_name(
                        registry, tuple(t.casefold() for t in _TOKEN.findall(before.group(1) + " " + " ".join(words)))))):
            continue
        owner = max((i for i, w in enumerate(words[:-1]) if (w.endswith(("’s", "'s")) and _known_owner(words[:i + 1], registry))
                     or _DESCRIPTOR.search(w)), default=-1)
        words = words[owner + 1:]  # "South Korea’s Krafton Inc." is Krafton; "New York-listed Coupang Inc." Coupang
        if words and _DESCRIPTION_ONLY.search(words[-1]):
            continue  # "The Hangzhou-headquartered Co. added": a description of a company, no name
        of = max((i for i, w in enumerate(words[:-1]) if w == "of" and i > 0), default=-1)
        if of > 0 and not any(words[of - 1].casefold() in kind for kind in (
                registry.corporate_words, registry.industry_words, registry.organisation_words)):
            words = words[of + 1:]  # "Jack Reyes of Robina Snacks Inc." is Robina Snacks; not "Bank of Ayudhya Pcl"
        while words and words[0].casefold().strip("’'") in registry.name_stopwords:
            words.pop(0)
        if len(words) > 2 and words[0].casefold() in registry.descriptors_before and words[0][:1].isupper():
            words.pop(0)  # "Confectioner Josef Manner & Comp AG" opening a sentence is Josef Manner & Comp
        if not words or all(w.rstrip(".,").casefold() in registry.corporate_words or registry.multi_form.fullmatch(w.rstrip(","))
                            for w in words):
            continue  # "Co., Ltd." and the "C.V." of "S.A. de C.V." name nobody
        name = " ".join(words)
        name_tokens = tuple(t.casefold() for t in _TOKEN.findall(name))
        if _registry_name(registry, name_tokens) and not _body_acronym(registry, name, name_tokens):
            continue  # "Alibaba Group Holding Ltd" is the registry's Alibaba
        written = tuple(t.casefold() for t in _TOKEN.findall(body[name_start:mention_end]))
        if written and any(alias.tokens == written for alias in registry.index.get(written[0], ())):
            continue  # "Agri SA" (Agri South Africa) is a registry name whose last word looks like a legal form
        entity_id = slugify(name)
        if entity_id in registry.entities and not registry.entities[entity_id].is_company:
            entity_id = slugify(body[name_start:mention_end])  # "KCC Corp.": not the regulator's id "kcc"
        if entity_id in registry.entities or entity_id in entities:
            continue
        full = body[name_start + body[name_start:name_end].find(words[0]):mention_end].rstrip(".")
        written_form = body[name_start:mention_end].split()[-1].strip(".,").casefold() in registry.legal_forms
        kind = ORGANISATION if _BODY_BEFORE.search(body, max(0, name_start - 30), name_start) \
            or _BODY_UNIT_AFTER.match(body, mention_end) else _kind_of(
            registry, words, body, mention_end, defined, written_form)  # "a successor body to Open Banking Limited"
        entities[entity_id] = Entity(entity_id, kind, name, (name, full))
        spans.append((name_start, mention_end))
        aliases = [name_tokens]
        if len(name_tokens) > 1:
            # "Zentrova" on second reference for "Zentrova Robotics Inc.", "Renner" for "Lojas Renner SA"
            aliases += [(t,) for t in {name_tokens[0], name_tokens[-1]}
                        if len(t) > 3 and t not in registry.name_stopwords and t not in registry.industry_words
                        and t not in registry.common_name_words
                        and t not in registry.place_words]  # "PT Vale Indonesia" is not every "Indonesia"
        for toks in aliases:  # a name written in capitals ("CMA CGM") is matched as written
            index.setdefault(toks[0], []).append(_Alias(toks, entity_id, None, False, False, False, upper=name.isupper()))
        if (acronym := _ACRONYM_AFTER.match(body, name_end)) is not None:
            # "Hatton National Bank (HNB)": later "HNB" is the bank
            index.setdefault(acronym.group(1).casefold(), []).append(
                _Alias((acronym.group(1).casefold(),), entity_id, None, False, False, False, upper=True))
    for candidates in index.values():
        candidates.sort(key=lambda a: -len(a.tokens))
    return index, entities, spans


@dataclass(frozen=True)
class _NamePattern:
    """A cheap anchor (a legal form, a company appositive) and the name that must end where it starts."""

    anchor: re.Pattern[str]
    name_before: re.Pattern[str]
    reach: int = 150
    spaced: bool = False
    """The anchor follows spaces (and maybe a comma: "Acme, Inc."), which are taken into it.
    Checked here, not in the pattern, so the pattern opens with its words and the regex
    engine skips straight to their first letters."""

    def finditer(self, body: str, include_anchor: bool = True):
        """(name start, name end, mention end) of every anchored name in ``body``."""
        anchors = _finditer_where(self.anchor, body, _after_space) if self.spaced else self.anchor.finditer(body)
        for a in anchors:
            start = a.start()
            if self.spaced:
                k = start - 1
                while k > 0 and body[k - 1] in " \t":
                    k -= 1
                start = k - 1 if k > 0 and body[k - 1] == "," else k
            if not _capital_word_before(body, start):
                continue  # every name pattern ends in a capitalised word: "the Group said" names nobody
            m = self.name_before.search(body, max(0, start - self.reach), start)
            if m is not None:
                yield m.start(1), m.end(1), a.end() if include_anchor else m.end(1)


def _word_before(body: str, pos: int, skip: str = " \t") -> tuple[int, int]:
    """(start, end) of the whitespace-delimited word before ``pos``, past the characters in ``skip``."""
    end = pos
    while end > 0 and body[end - 1] in skip:
        end -= 1
    return max(body.rfind(" ", 0, end), body.rfind("\t", 0, end), body.rfind("\n", 0, end)) + 1, end


def _capital_word_before(body: str, end: int) -> bool:
    """Whether the word that ends (give or take spaces and a comma) at ``end`` starts with a capital or digit."""
    word_start, k = _word_before(body, end, " \t,")
    return word_start < k and not body[word_start].islower()


def _finditer_where(pattern: re.Pattern[str], body: str, accept) -> Iterator[re.Match[str]]:
    """``pattern.finditer(body)`` keeping only matches whose start passes ``accept(body, start)``:
    what a look-behind at the start of the pattern would do, but a pattern that opens with
    words lets the regex engine skip to their first letters instead of trying every position."""
    pos = 0
    while (m := pattern.search(body, pos)) is not None:
        if accept(body, m.start()):
            yield m
            pos = max(m.end(), m.start() + 1)
        else:
            pos = m.start() + 1


def _after_space(body: str, start: int) -> bool:
    return start > 0 and body[start - 1] in " \t"


def _not_after_word_or_hyphen(body: str, start: int) -> bool:
    return start == 0 or not (body[start - 1] == "-" or _WORD_CHAR.match(body, start - 1))


def _not_after_word(body: str, start: int) -> bool:
    return start == 0 or not (body[start - 1] == "." or _WORD_CHAR.match(body, start - 1))


_WORD_CHAR = re.compile(r"\w")
_NUMBER = re.compile(r"[\d.,:%]+")
def _sentence_word(word: str, registry: EntityRegistry) -> bool:
    """Whether a short capitalised word before a full stop ends a sentence ("Act."), being no
    abbreviation ("St.", "Dr."), legal form ("Co.") or initial ("J.")."""
    return (len(word) >= 2 and word.isalpha() and word[0].isupper() and word[1:].islower()
            and word.casefold() not in registry.abbreviations and word.casefold() not in registry.legal_forms)


def _acronym_definitions(body: str, registry: EntityRegistry) -> dict[str, str]:
    """Acronyms the article spells out, with what they stand for (lower-cased): "Conseil du
    Café-Cacao (CCC)", and one-word short names of public bodies: "The Ministry of Production
    (Produce)" (not "David Ko (Macquarie)"). Found from the brackets, so most bodies cost one
    substring test."""
    if "(" not in body:
        return {}
    defined: dict[str, str] = {}
    for m in _BRACKETED_SHORT_NAME.finditer(body):
        definer = _DEFINER_BEFORE.search(body, max(0, m.start() - 160), m.start())
        if definer is not None:
            words = definer.group(1).casefold()
            plain = {w.strip(".,") for w in words.split()}
            if m.group(1).isupper() or (not registry.organisation_words.isdisjoint(plain)
                                        and registry.corporate_words.isdisjoint(plain)):
                defined.setdefault(m.group(1), words)
        elif (spelled := _spelled_in_lower_case(body, m.start(), m.group(1))) is not None:
            defined.setdefault(m.group(1), spelled)
    return defined


def _spelled_in_lower_case(body: str, end: int, acronym: str) -> str | None:
    """The words before ``end`` whose initials spell the acronym, in any case: "the production-linked
    incentive (PLI) scheme" defines PLI, which then names no company of those letters."""
    letters = acronym.casefold()
    if not letters.isalpha():
        return None
    words = _TOKEN.findall(body[max(0, end - 25 * len(letters)):end])[-len(letters):]
    if len(words) == len(letters) and "".join(w[0] for w in words).casefold() == letters:
        return " ".join(words).casefold()
    return None


_BRACKETED_WORD_BEFORE = re.compile(rf"\([{CAPITALS}][\w&’' -]*\) $")
# an acronym, or a short name in one word: "The Ministry of Production (Produce)"
_BRACKETED_SHORT_NAME = re.compile(rf"\(([{CAPITALS}][{CAPITALS}0-9&]{{1,8}}|[{CAPITALS}][a-z\u00e0-\u00ff]{{2,15}})\)")
_DEFINER_BEFORE = re.compile(rf"(?<![\w’'&.-])([{CAPITALS}][\w’'&.-]*(?:[ \t]+(?:[a-z]{{1,4}}[ \t]+)?[{CAPITALS}][\w’'&.-]*){{1,7}})"
                             rf"[ \t]*$")
_ACRONYM_AFTER = re.compile(rf"[ \t]*\(([{CAPITALS}][{CAPITALS}0-9&]{{1,8}})\)")
_DESCRIPTOR = re.compile(r"\w-[a-z]+$")  # "York-listed", "Dallas-based"
_SITE_AFTER = re.compile(r"[ \t]+(?:mine|mines|project|oilfield|field|deposit|site|concession|refinery|smelter|dam|dams)\b")
_SENTENCE_IN = re.compile(r"(?:^|[.!?][ \t]+|\n)In[ \t]+$")
_REPORTED_BY = re.compile(r"\b(?:said|says|according to|added|told)[ \t]+$")  # a role after a reporting verb is a person's
# after a legal-form name, what makes it a body's name: "The PRICELESS SA research unit at the University"
_BODY_UNIT_AFTER = re.compile(r"[ \t]+(?:research[ \t]+)?(?:unit|institute|centre|center|programme|program|initiative|campaign)\b")
_DESCRIPTION_ONLY = re.compile(r"\w-(?:based|headquartered|listed|owned|backed|run|registered|controlled|founded)$")
# "… Regulators for Electronic Communications": a capitalised word before "of"/"for"; not "chairman of X Company"
_TAIL_OF_NAME = re.compile(r"(?<![\w’'&-])[A-Z][\w’'&-]*[ \t]+(?:of|for)[ \t]+$")
_NAME_BEFORE_SUFFIX = re.compile(rf"(?<![\w’'.])((?:[{CAPITALS}][\w&’'.-]*)(?:[ \t]+(?:&[ \t]+)?[{CAPITALS}][\w&’'.-]*){{0,3}}"
                                 rf"(?:[ \t]+&)?)[ \t]+$")  # "Delphina Hotels & Resorts"
# A name before an appositive's comma, maybe with its acronym or ticker: "Halyk Bank (HSBK), the
# country's largest lender", "Minera del Altiplano, the operator of …", "13cabs, which is owned by …".
_NAME_BEFORE_COMMA = re.compile(rf"(?<![\w’'])((?:[{CAPITALS}][\w&’'.-]*|\d+[a-z][\w&’'.-]*)(?:[ \t]+(?:(?:de|del|da|do|dos|das|di|della|du|van|von|der|ve|y|e|&)[ \t]+)?"
                                rf"[{CAPITALS}][\w&’'.-]*){{0,4}})(?:[ \t]*\([{CAPITALS}0-9][\w&.-]{{1,9}}\))?$")


def _legal_form_or_appositive(body: str, registry: EntityRegistry, starts: list[re.Match[str]]):
    """Names with a legal form ("Zentrova Robotics Inc."), then capitalised names followed by a
    company descriptor ("Yoti, one of the age-verification providers")."""
    yield from registry.unknown_pattern.finditer(body)
    for m in _finditer_where(registry.prefix_form, body, _not_after_word):
        yield m.start(1), m.end(1), m.end(1)  # "PT Ojek Nusantara Digital"
    for start, end, full_end in _NamePattern(registry.appositive, _NAME_BEFORE_COMMA, 80).finditer(body, False):
        words = [_POSSESSIVE.sub("", w.casefold()) for w in body[start:end].split()]
        while len(words) > 1 and words[1] not in registry.name_stopwords and (words[0] in _LEADING_WORDS or (
                words[0] in registry.demonyms and _registry_name(registry, tuple(words[1:])))):
            # "For Fairphone, the Amsterdam company …" names Fairphone; "The Swiss Syngenta, …" Syngenta;
            # "Saudi Electricity Company, the utility, …" stays whole
            start = _NEXT_NAME_WORD.search(body, start + 1).start()
            words = words[1:]
        if registry.person_appositive is not None and registry.person_appositive.match(body, end):
            continue  # "Priya Nair, a pharmacist and owner of Prairie Apothecary Ltd.": a person
        if body[start:end].split()[-1] in _RULE_TITLE_WORDS:
            continue  # "the Kenya Information and Communications Act, part of a package of …": a law
        if _POSSESSIVE_OWNER.match(body, end):
            continue  # "Aliko Dangote, the refinery's owner": whose owner, a person as often as not
        if len(words) == 1 and words[0].endswith("ly") and _sentence_initial(body, start):
            continue  # "Frankly, the firms complaining loudest …": a sentence adverb
        if words[0] not in registry.name_stopwords and not all(
                w in registry.place_words or w in registry.demonyms or w in registry.name_stopwords for w in words):
            yield start, end, full_end  # not "Nigeria, which exports oil"
    if registry.company_suffix is not None:
        # "Vietnam's Loc Troi Group", "NCBA Group", "Paylane Technologies": a name that ends in a company word.
        for start, end, full_end in _NamePattern(registry.company_suffix, _NAME_BEFORE_SUFFIX, 80).finditer(body):
            words = [w.casefold() for w in body[start:full_end].split()]
            if any(w.endswith(".") and len(w) > 4 for w in words[:-1]):
                continue  # "… and Exarchia. Properties already registered …": a sentence ended before the suffix
            if "&" in words and not registry.company_suffix.match(body[start:full_end].split()[words.index("&") - 1]):
                continue  # "Hotels & Resorts" joins two company words; "Nesma & Partners" is Nesma's
            if not registry.generic_name_words.isdisjoint(words) or (
                    not registry.trade_name_words.isdisjoint(words) and not _distinctive(words[0], registry)) or _TAIL_OF_NAME.search(
                    body, max(0, start - 40), start) or _in_organisation_name(body, start, registry) \
                    or _PROGRAMME_AFTER.match(body, full_end):
                continue  # "the Working Group"; "… Regulators for Electronic Communications"; "the Clean Power 2030 plan"
            yield start, full_end, full_end
    if registry.company_prefix is not None:
        for m in _finditer_where(registry.company_prefix, body, _not_after_word):
            yield m.start(), m.end(), m.end()  # "Pesquera Diamante took a different line"
    if registry.heading is not None and (". The " in body or "\nThe " in body):
        for m in registry.heading.finditer(body):
            if m.end(1) - m.start(1) > 2 and m.group(1).casefold() not in registry.cities \
                    and m.group(1).casefold() not in registry.place_words:  # not "Q. The …", nor a dateline's "Madrid. The …"
                yield m.start(1), m.end(1), m.end(1)  # "Carrow Analytics. The Manhattan credit-data startup …"
    yield from _named_after_descriptor(body, registry, starts)
    yield from _named_by_role(body, registry, starts)
    yield from _named_in_list(body, registry)
    yield from _named_by_no_comment(body, registry)
    yield from _named_before_role(body, registry)


def _known_owner(words: list[str], registry: EntityRegistry) -> bool:
    """Whether the words ending in a possessive name a place, a known company or person
    ("South Korea’s Krafton Inc.", "Alibaba's Ant Group"), not a founder's name that is part of
    the company's ("Hartley's Convenience Stores Ltd", "Sainsbury's Supermarkets Ltd")."""
    words = words[:-1] + [words[-1][:-2]]
    for k in range(1, min(3, len(words)) + 1):
        name = " ".join(words[-k:])
        tokens = tuple(t.casefold() for t in _TOKEN.findall(name))
        if not tokens:
            continue
        if name.casefold() in registry.place_words or name.casefold() in registry.demonyms or name in registry.people \
                or name.casefold() in registry.cities \
                or (registry.multiword_places is not None and registry.multiword_places.fullmatch(name)) \
                or _registry_name(registry, tokens):
            return True
    return False


def _distinctive(word: str, registry: EntityRegistry) -> bool:
    """Whether a name's first word is its own, not a word many names or bodies start with
    ("National", "European", "Digital", "Land")."""
    return not any(word in words for words in (registry.trade_name_words, registry.common_name_words, registry.demonyms,
                                               registry.place_words, registry.industry_words, registry.name_stopwords))


_POSSESSIVE_OWNER = re.compile(r",[ \t]+the[ \t]+(?:[\w-]+[ \t]+){0,2}?[\w-]+[’']s[ \t]+(?:[\w-]+[ \t]+)?owners?\b")
_BODY_BEFORE = re.compile(r"\b(?:body|bodies|agency|regulator|authority|watchdog|trade group|industry group|lobby group)"
                          r"[ \t]+(?:to|of|called|named|known as)[ \t]+$", re.I)
_GROUPS_BEFORE = re.compile(r"(\w+)[ \t]+(?:groups|organisations|organizations|bodies|charities|NGOs|unions|campaigners)[ \t,]*$")
_PROGRAMME_AFTER = re.compile(r"[ \t]+(?:\d{4}\b|(?:plan|programme|program|strategy|scheme|target|targets|initiative|agenda"
                              r"|policy|mission|roadmap|auction|tender|round|pathway)\b)")


def _in_organisation_name(body: str, start: int, registry: EntityRegistry) -> bool:
    """Whether a name ends a longer organisation's: "Department of Communications and Digital Technologies"."""
    m = _AND_IN_NAME.search(body, max(0, start - 80), start)
    return m is not None and m.group(1).casefold() in registry.organisation_words


_AND_IN_NAME = re.compile(rf"\b(\w+)[ \t]+(?:of|for)[ \t]+(?:[{CAPITALS}][\w&’'-]*,?[ \t]+){{1,4}}(?:and|&)[ \t]+$")


def _named_after_descriptor(body: str, registry: EntityRegistry, starts: list[re.Match[str]]):
    """"Belgian materials group Umicore took …", "Italian chocolate maker Ferrero said": a name
    right after a company descriptor, ending where a lower-case word, a comma or a possessive
    follows. Only the words that may start a name are looked at."""
    last_end = 0
    for s in starts:
        start = s.start()
        if start < last_end or start < 2 or body[start - 1] not in " \t":
            continue
        word_start, end = _word_before(body, start)
        word = body[word_start:end]
        phrases = registry.descriptors_before.get(word) or ((word,) if word.endswith("maker") and word.isalpha() else None)
        if not phrases or not any(body.startswith(p, end - len(p)) and _not_after_word_or_hyphen(body, end - len(p))
                                  for p in phrases):
            continue
        m = _NAME_AFTER_DESCRIPTOR.match(body, start)
        if m is None:
            continue
        words = m.group(1).split()
        if words[0].casefold() in registry.name_stopwords or registry.organisation_descriptors.search(
                body, max(0, word_start - 30), start) or _REPORTED_BY.search(body, max(0, word_start - 12), word_start):
            continue  # "startup Chief Executive …"; "advocacy group Fairplay" is no company; "said producer Tom Ashdown"
        last_end = m.end(1)
        yield start, m.end(1), m.end(1)


def _named_by_role(body: str, registry: EntityRegistry, starts: list[re.Match[str]]):
    """"said the chief executive of Wing", "a spokesperson for Ouigo", "Foodpanda Malaysia's
    managing director": a name that a company role belongs to."""
    last_end = 0
    for s in starts:
        start = s.start()
        if start < last_end:
            continue
        # cheap tests first: "… of Wing", "… for Ouigo", or a possessive close behind
        prev_start, prev_end = _word_before(body, start)
        after_preposition = body[prev_start:prev_end] in ("of", "for", "at")
        if not after_preposition and "’s" not in body[start:start + 60] and "'s" not in body[start:start + 60]:
            continue
        m = _NAME_AFTER_DESCRIPTOR.match(body, start)
        if m is None:
            continue
        name_end = m.end(1)
        if m.group(1).endswith(("’s", "'s")):
            name_end -= 2  # "Foodpanda Malaysia's managing director"
        words = body[start:name_end].split()
        if not words or words[0].casefold() in registry.name_stopwords or (
                len(words) == 1 and words[0].casefold() in registry.place_words):
            continue
        before_role = after_preposition and registry.role_before.search(body, max(0, start - 40), start)
        if "-" in words[-1] and words[-1].rsplit("-", 1)[1].islower():
            continue  # "chief executive of Almaty-based data-centre operator …": a modifier, not the name
        if before_role and words[-1].casefold() in registry.department_words:
            continue  # "vice-president of Corporate Affairs": a department of the company named elsewhere
        if before_role or registry.role_after.match(body, name_end):
            last_end = name_end
            yield start, name_end, name_end


def _named_in_list(body: str, registry: EntityRegistry):
    """"whose members include MSC, Maersk and CMA CGM", "retailers such as Kiabi and Celio":
    every name of a list that follows a company noun."""
    if registry.list_anchor is None:
        return
    # The verb first (a few lower-case words the engine finds fast), then the noun before it.
    for verb in _LIST_VERB.finditer(body):
        if registry.list_anchor.search(body, max(0, verb.start() - 80), verb.start()) is None:
            continue
        if (kind := _GROUPS_BEFORE.search(body, max(0, verb.start() - 60), verb.start())) is not None \
                and registry.organisation_descriptors.fullmatch(kind.group(1)):
            continue  # "Environmental groups including WWF"; not "the industry group whose members include …"
        pos, last = verb.end(), False
        while (item := _LIST_ITEM.match(body, pos)) is not None:
            owner = _OWNER.search(item.group())  # "Cigna's Express Scripts": the registry knows Cigna
            start = item.start() + owner.end() if owner else item.start()
            words = body[start:item.end()].split()
            if words and words[0].casefold() not in registry.name_stopwords and not (
                    len(words) == 1 and words[0].casefold() in registry.place_words):
                yield start, item.end(), item.end()
            separator = _LIST_SEPARATOR.match(body, item.end())
            if last or separator.end() == item.end() or body.startswith(".", item.end()):
                break
            pos, last = separator.end(), separator.group(1) is not None  # "… and CMA CGM" ends it


def _named_by_no_comment(body: str, registry: EntityRegistry):
    """"Netmarble declined to comment.", "Garmin, whose watches …, declined to comment", "Luno
    said in a statement": a name that opens a sentence whose news is that it did not comment or
    that it issued a statement or filing, unless it was a person's
    surname earlier in the article ("Jane Ostrow … Ostrow declined to comment")."""
    for phrase in _NO_COMMENT.finditer(body):
        line_start = max(body.rfind(". ", 0, phrase.start()) + 2, body.rfind("\n", 0, phrase.start()) + 1)
        m = _NO_COMMENT_SUBJECT.match(body, line_start, phrase.start())
        if m is None:
            continue
        words = m.group(1).split()
        folded = [w.casefold() for w in words]
        if (_opens_no_company_name(folded, registry)
                or all(w in registry.place_words or w in registry.demonyms for w in folded)
                or (len(words) == 1 and words[0].isupper() and len(words[0]) <= 5)  # an agency's acronym
                or re.compile(rf"[{CAPITALS}][\w’'-]+[ \t]+{re.escape(words[0])}\b").search(body, 0, line_start)
                or _a_person_s_role(body, m, registry)):
            continue
        yield m.start(1), m.end(1), m.end(1)


def _a_person_s_role(body: str, m: re.Match[str], registry: EntityRegistry) -> bool:
    """Whether the aside after a name gives a person's role ("Hanna Bos, Schiphol's chief operating
    officer, said in a statement")."""
    aside = body[m.end(1):m.end()]
    return (registry.person_title is not None and registry.person_title.match(body, m.end(1)) is not None) or (
        registry.role_after is not None and registry.role_after.search(aside) is not None)


def _opens_no_company_name(folded: list[str], registry: EntityRegistry) -> bool:
    """Whether casefolded words open with a word that starts no name ("The", "In") or name an
    organisation ("Senate", "Association")."""
    return folded[0] in registry.name_stopwords or any(w in registry.organisation_words for w in folded)


def _named_before_role(body: str, registry: EntityRegistry):
    """"Bitexen founder Mert Aydın said …": a name right before a company role in lower case and
    a person's name is the company that person belongs to."""
    # The role first (few hits), then the name that ends right before it.
    for role in registry.role_then_person.finditer(body):
        m = _NAME_BEFORE_ROLE.search(body, max(0, role.start() - 80), role.start())
        if m is None:
            continue
        folded = [w.casefold() for w in m.group(1).split()]
        if (_opens_no_company_name(folded, registry)
                or any(w in registry.place_words or w in registry.demonyms for w in folded)
                or folded[-1].endswith(("’s", "'s"))):
            continue  # "The founder …", "Senate chairman …", "Turkish founder …"; "Shell’s chief executive" is Shell
        yield m.start(1), m.end(1), m.end(1)


_NAME_BEFORE_ROLE = re.compile(rf"(?<![\w’'.-])([{CAPITALS}][\w&’'.-]*(?:[ \t]+[{CAPITALS}][\w&’'.-]*){{0,2}})$")


_NO_COMMENT = re.compile(r"(?:declined|refused) to (?:comment|say)|did not (?:immediately )?(?:respond|reply|return)"
                         r"|could not be reached|had no (?:immediate )?comment|(?:has|had) not responded"
                         r"|was not available for comment"
                         # what an organisation issues: "Luno said in a statement that …"
                         r"|said in an? (?:\w+ )?(?:statement|filing|press release|stock exchange filing)\b")
_NO_COMMENT_SUBJECT = re.compile(rf"\W*([{CAPITALS}][\w&’'.-]*(?:[ \t]+[{CAPITALS}][\w&’'.-]*){{0,2}})"
                                 r"(?:,[^,.\n]{1,120},)?[ \t]+(?:also[ \t]+)?$")


_LIST_VERB = re.compile(r"(?:includ(?:e|es|ed|ing)|[Ii]ncluding|such[ \t]+as|like)[ \t]+(?=[\w&])")
# Words of a list item; a dot ends the item unless a word goes on after it ("Amazon.com").
_LIST_WORD = rf"[{CAPITALS}0-9][\w&’'-]*(?:\.[\w&’'-]+)*"
_LIST_ITEM = re.compile(rf"{_LIST_WORD}(?:[ \t]+(?:&[ \t]+)?{_LIST_WORD}){{0,4}}")
_OWNER = re.compile(r".*[’']s[ \t]+")
_LIST_SEPARATOR = re.compile(r"[ \t]*,?[ \t]*(?:(and|or)[ \t]+)?")


_NAME_AFTER_DESCRIPTOR = re.compile(rf"((?:[{CAPITALS}][\w&’'-]*)(?:[ \t]+(?:&[ \t]+)?[{CAPITALS}][\w&’'-]*){{0,2}})"
                                    rf"(?=[ \t]*[,;:”\")]|\.(?!\w)|[ \t]+[a-z]|[’']s\b)")




_GROUP_HEAD = re.compile(r"\bgroups?\b")


def _kind_of(registry: EntityRegistry, words: list[str], body: str, end: int, defined: dict[str, str],
             legal_form: bool = False) -> str:
    """``company``, or ``organisation`` for an agency, association or advocacy group: the
    "Federal Deposit Insurance Corp.", "Better Markets, an advocacy group"; ``defined`` are the
    article's spelled-out acronyms; ``legal_form``: the name was written with one."""
    org_words = {w.strip(".,").casefold() for w in words} & registry.organisation_words
    if legal_form:
        org_words -= registry.shared_organisation_words  # "Harbourline Buyers Agency Pty Ltd" is a business
    if org_words and not (org_words <= registry.weak_organisation_words and (appositive := registry.appositive.match(body, end))
                          and not registry.organisation_descriptors.search(appositive.group())
                          and not _GROUP_HEAD.search(appositive.group())):
        # ("The Employment Policies Institute, a group funded partly by restaurant companies": a group may be any body)
        return ORGANISATION  # but "Rack Centre, the Lekki-based colocation operator" is a company
    if len(words) == 1 and (definer := defined.get(words[0])) is not None and not registry.organisation_words.isdisjoint(
            w.strip(".,") for w in definer.split()):
        return ORGANISATION  # "the Gambling Regulatory Authority of Ireland (GRAI)": later "the GRAI's chief executive"
    appositive = registry.appositive.match(body, end) or _BODY_APPOSITIVE.match(body, end)
    if appositive is not None and registry.organisation_descriptors.search(appositive.group()):
        return ORGANISATION  # "Better Markets, an advocacy group", "Plastics SA, the industry body"
    if (represents := _REPRESENTS.match(body, end)) is not None and not _REPRESENTED_PEOPLE.match(body, represents.end()):
        return ORGANISATION  # "Responsible Wagering Australia, which represents online bookmakers"; not a talent agency
    return COMPANY


# what an agency represents: "Sandstorm Talent FZ-LLC, which represents about 300 creators"
_REPRESENTED_PEOPLE = re.compile(r"[ \t]+(?:[\w,.-]+[ \t]+){0,3}?(?:creators|artists|athletes|players|authors|musicians|actors"
                                 r"|models|influencers|clients|writers|performers|footballers|celebrities)\b")
_REPRESENTS = re.compile(r",[ \t]+(?:(?:which|that|who)[ \t]+(?:represents|speaks for|lobbies for)|whose members|representing)\b")


_BODY_APPOSITIVE = re.compile(r",[ \t]+(?:a|an|the)[ \t]+(?:[\w’'-]+[ \t]+){0,3}?"
                              r"(?:body|association|federation|council|lobby|organisation|organization|alliance|chamber|union)\b")


def _body_acronym(registry: EntityRegistry, name: str, name_tokens: tuple[str, ...]) -> bool:
    """Whether a name written with a legal form is an acronym the registry knows only for
    regulators or publishers: "KCC Corp." is a company, not the Korea Communications Commission."""
    aliases = [a for a in registry.index.get(name_tokens[0], ()) if a.tokens == name_tokens and a.person is None]
    return name.isupper() and bool(aliases) and not any(registry.entities[a.entity_id].is_company for a in aliases)


def _registry_name(registry: EntityRegistry, name_tokens: tuple[str, ...]) -> bool:
    """Whether a registry alias covers the name, give or take trailing corporate words."""
    for alias in registry.index.get(name_tokens[0], ()):
        if alias.person is not None:
            continue
        n, m = len(alias.tokens), len(name_tokens)
        if n <= m and name_tokens[:n] == alias.tokens and all(t in registry.corporate_words for t in name_tokens[n:]):
            return True
        if n > m and alias.tokens[:m] == name_tokens and all(t in registry.corporate_words for t in alias.tokens[m:]) \
                and not all(t in registry.corporate_words or t in registry.industry_words for t in name_tokens):
            return True  # "Rivian Automotive" of the registry's "Rivian Automotive Inc."; not "Systems" of "Systems Limited"
    return False


def slugify(name: str) -> str:
    """A stable id from a name: ASCII, lower-case, hyphen-separated."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "unnamed"
