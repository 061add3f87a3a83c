"""People an article introduces with a company role, and their later references.

News introduces a speaker once ("Claire Ashworth, chief financial officer of the homeware
retailer Harrow & Finch", "Tesco chief executive Ken Murphy", "Jane Liu, who runs Acme") and
then uses the surname alone ("Ashworth said", "MURPHY:" in a transcript). The registry knows
only famous executives; this finds the others, so that a later "Ashworth said" speaks for the
company. Pure: plain strings and mentions in, mentions out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from streams.core.entities import CAPITALS, Entity, Mention

_PARTICLES = r"(?:van|von|de|der|den|da|del|della|di|du|le|la|bin|binti|al|el|dos|das)"
# A person's name: two or three capitalised words, maybe a middle initial or a particle.
# (a name word may join a capital after an apostrophe or a prefix: "O'Leary", "McDonald")
_NAME_WORD = rf"[{CAPITALS}](?:(?:[’']|Ma?c)[{CAPITALS}])?[a-z\u00df-\u00ff’'-]+"
_PERSON = (rf"{_NAME_WORD}(?:[ \t]+[A-Z]\.)?"
           rf"(?:[ \t]+(?:{_PARTICLES}[ \t]+)?{_NAME_WORD}){{1,2}}")
# "Claire Ashworth, chief financial officer of the homeware retailer " (the company follows)
_NAME_ROLE_OF = re.compile(rf"(?<![\w’'.-])({_PERSON}),[ \t]+((?:[\w’'&-]+[ \t]+){{1,7}}?)(?:of|at|for)[ \t]+"
                           rf"(?:(?:the|its)[ \t]+(?:[\w’'-]+[ \t]+){{0,3}}?)?$")
# "Jane Liu, who runs " / "Jane Liu, who co-founded the delivery start-up "
_NAME_WHO_RUNS = re.compile(rf"(?<![\w’'.-])({_PERSON}),[ \t]+who[ \t]+(?:also[ \t]+)?(?:runs|heads|leads|chairs|owns"
                            rf"|founded|co-founded|cofounded|manages|ran|headed|led)[ \t]+"
                            rf"(?:(?:the|its)[ \t]+(?:[\w’'-]+[ \t]+){{0,3}}?)?$")
# "Mira Gill runs sales for " / "Ana Ribeiro owns " (the name is the clause's subject)
#: Verbs by which a person runs a company: "Mira Gill runs sales for …", "Ana Ribeiro owns …".
LEAD_VERBS = frozenset({"runs", "heads", "leads", "manages", "oversees", "owns", "co-owns", "founded", "co-founded",
                        "cofounded", "chairs"})
_LEAD_VERBS = "(?:" + "|".join(sorted(LEAD_VERBS, key=len, reverse=True)) + ")"
_NAME_RUNS = re.compile(rf"(?<![\w’'.-])({_PERSON})[ \t]+(?:also[ \t]+)?{_LEAD_VERBS}[ \t]+"
                        rf"(?:(?:[\w’'-]+[ \t]+){{0,3}}?(?:for|at|of)[ \t]+)?(?:(?:the|its)[ \t]+(?:[\w’'-]+[ \t]+){{0,3}}?)?$")
_LEAD_VERB_NEAR = re.compile(rf" {_LEAD_VERBS} ")
# "Claire Ashworth, " before "Tesco's finance chief"
_NAME_COMMA = re.compile(rf"(?<![\w’'.-])({_PERSON}),[ \t]+$")
# "Mark Lee of " / "Mark Lee at "
_NAME_OF = re.compile(rf"(?<![\w’'.-])({_PERSON})[ \t]+(?:of|at)[ \t]+$")
# After the company: "'s finance chief Claire Ashworth", " chief executive Ken Murphy"
_ROLE_NAME = re.compile(rf"\.?(?:[’']s)?[ \t]+((?:[a-z][\w-]*[ \t]+){{1,4}}?)({_PERSON})(?![\w’'-]|[ \t]+[{CAPITALS}])")
# After the company: "'s finance chief" (the name came before it)
_ROLE_AFTER = re.compile(r"\.?[’']s[ \t]+((?:[a-z][\w-]*[ \t]+){0,3}[a-z][\w-]*)(?=[ \t]*[,;:)])")
_REACH = 160


@dataclass(frozen=True)
class PeopleRules:
    """Which words make a person speak for a company, and which names are no person's."""

    roles: frozenset[str]
    """Role words of a company's own people: "chief", "founder", "spokeswoman"."""
    outside_roles: frozenset[str]
    """Roles of people who talk about a company without speaking for it: "analyst", "lawyer"."""
    not_names: frozenset[str]
    """Words no person's name contains: titles, places, organisation words, stop words."""

    @classmethod
    def from_data(cls, names: dict) -> "PeopleRules":
        not_names = {w.casefold() for key in ("name_stopwords", "place_words", "demonyms", "organisation_words",
                                              "corporate_words", "company_suffixes", "legal_forms", "person_roles")
                     for w in names[key]}
        return cls(frozenset(w.casefold() for w in names["person_roles"]),
                   frozenset(w.casefold() for w in names["outside_roles"]), frozenset(not_names))


def introduced_people(body: str, mentions: list[Mention], entities: dict[str, Entity],
                      rules: PeopleRules) -> list[Mention]:
    """``mentions`` plus a mention of the company for every later reference to a person the
    article introduced with a role at it ("Ashworth said", "ASHWORTH:"), in body order."""
    people: list[tuple[int, str, str, int | None]] = []  # (where the introduction ends, full name, company id, …)
    for m in mentions:
        if m.person is not None or not entities[m.entity_id].is_company:
            continue
        found = _introduction(body, m, rules)
        if found is not None:
            people.append(found)
    if not people:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    added: list[Mention] = []
    for intro_end, name, company, subject_start in people:
        if subject_start is not None:
            added.append(Mention(subject_start, subject_start + len(name), company, name, name, False))
            taken.append((subject_start, subject_start + len(name)))
        words = name.split()
        first, surname = words[0], words[-1]
        if len(words) == 2 and _KOREAN_GIVEN_NAME.fullmatch(surname):
            surname = first  # "Park Sung-ho", later "Park"
        for variant in dict.fromkeys((surname, surname.upper())):
            pos = intro_end
            while (k := body.find(variant, pos)) >= 0:
                pos = k + len(variant)
                start, end = k, k + len(variant)
                if _WORD_CHAR.match(body, end) or (start and _WORD_OR_JOINER.match(body, start - 1)):
                    continue  # inside a longer word or a hyphenated name
                if _LONGER_NAME_AFTER.match(body, end) or (variant.isupper() and not body.startswith(":", end)):
                    continue  # "Ashworth Group", "Ashworth Street"; in capitals only a transcript's label "ASHWORTH:"
                before = _CAPITALISED_BEFORE.search(body, max(0, start - 40), start)
                if before is not None and before.group(1).casefold() not in rules.not_names:
                    if before.group(1).casefold() != first.casefold():
                        continue  # "Mary Ashworth" is someone else
                    start = before.start(1)
                if any(s < end and start < e for s, e in taken):
                    continue
                possessive = body.startswith(("’s", "'s"), end)
                added.append(Mention(start, end, company, body[start:end], name, possessive))
                taken.append((start, end))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m.start)


def _introduction(body: str, m: Mention, rules: PeopleRules) -> tuple[int, str, str, int | None] | None:
    """(end of the introduction, person, company id, where the name starts when it is the subject
    of a verb of running the company) when a role ties a named person to ``m``."""
    lo = max(0, m.start - _REACH)
    # Cheap tests first: most company mentions have no preposition, "who" or comma close before them.
    near = body[max(0, m.start - 60):m.start]
    preposition = " of " in near or " at " in near or " for " in near
    if preposition and (hit := _NAME_ROLE_OF.search(body, lo, m.start)) is not None and _own_role(hit.group(2), rules):
        found = _person(hit.group(1), m.end, m.entity_id, rules)
        return found and (*found[:3], hit.start(1))  # the name itself refers to the person too
    if "who " in near and (hit := _NAME_WHO_RUNS.search(body, lo, m.start)) is not None:
        return _person(hit.group(1), m.end, m.entity_id, rules)
    if _LEAD_VERB_NEAR.search(near) and (hit := _NAME_RUNS.search(body, lo, m.start)) is not None:
        found = _person(hit.group(1), m.end, m.entity_id, rules)  # "Mira Gill runs sales for Prairie Pulse Foods Inc."
        # the name is its clause's subject, a reference to the person itself: "Amanda Firth runs X …, and says …"
        return found and (*found[:3], hit.start(1))
    if (hit := _ROLE_NAME.match(body, m.end)) is not None and hit.group(1).split()[-1].casefold() in rules.roles \
            and _own_role(hit.group(1), rules):
        return _person(hit.group(2), hit.end(), m.entity_id, rules)
    if near.endswith(", ") and (role := _ROLE_AFTER.match(body, m.end)) is not None and (
            hit := _NAME_COMMA.search(body, lo, m.start)) is not None and _own_role(role.group(1), rules):
        return _person(hit.group(1), role.end(), m.entity_id, rules)
    if near.endswith((" of ", " at ")) and (hit := _NAME_OF.search(body, lo, m.start)) is not None and _own_role(
            "chief " + body[max(0, hit.start() - 30):hit.start()], rules):
        return _person(hit.group(1), m.end, m.entity_id, rules)  # not "analyst Mark Lee of Jefferies"
    return None


def _own_role(words: str, rules: PeopleRules) -> bool:
    folded = [w.strip("’',").casefold() for w in words.split()]
    return not rules.roles.isdisjoint(folded) and rules.outside_roles.isdisjoint(folded)


def _person(name: str, end: int, company: str, rules: PeopleRules) -> tuple[int, str, str, int | None] | None:
    words = name.split()
    if any(w.strip(".").casefold() in rules.not_names for w in words if len(w) > 2 or not w.endswith(".")):
        return None  # "Vice President", "The Treasury", "Latin America"
    return end, name, company, None


_WORD_CHAR = re.compile(r"\w")
# A romanised Korean given name ("Sung-ho", "Ji-eun"): the family name comes first
_KOREAN_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")
_WORD_OR_JOINER = re.compile(r"[\w’'-]")
_LONGER_NAME_AFTER = re.compile(rf"[ \t]+[{CAPITALS}]")
_CAPITALISED_BEFORE = re.compile(rf"(?<![\w’'-])([{CAPITALS}][a-z\u00df-\u00ff’'-]+)[ \t]+(?:[A-Z]\.[ \t]+)?$")
