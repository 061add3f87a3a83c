"""From one Article to its statements and stance events: the whole core in one call."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from schemas import SCHEMA_VERSION, Article, CompanyMention, Sentiment, StanceEvent, Statement
from schemas.trusted import trusted
from streams.core.attribution import (SPEAKER, Attribution, Discourse, article_author, attribute_statement,
                                      opens_turn, opens_with_reference, pronoun_reports)
from streams.core.decode import content_hash
from streams.core.entities import Mention, find_mentions, without_publisher
from streams.core.people import introduced_people
from streams.core.phrases import WORD
from streams.core.resources import Resources
from streams.core.segment import Segment, segment_article
from streams.core.stance import FIRST_PERSON, NEUTRAL, NEUTRAL_RESULT, StanceResult, conceded, score_stance


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """What the core makes of one article.

    ``skipped_reason`` is set (and ``events`` empty) when the article is not scored at all,
    e.g. ``"language:de"`` or ``"empty body"``.
    """

    article_id: str
    content_hash: str
    statements: list[Statement] = field(default_factory=list)
    events: list[StanceEvent] = field(default_factory=list)
    skipped_reason: str | None = None


def event_id(article_id: str, digest: str, statement_index: int, company_id: str) -> str:
    """The deterministic id of a stance event: same article in, same ids out."""
    key = f"{article_id}\x1f{digest}\x1f{statement_index}\x1f{company_id}".encode("utf-8")
    return hashlib.sha256(key).hexdigest()[:24]


def analyse_article(article: Article, resources: Resources) -> ArticleAnalysis:
    """Segment, attribute and score one article. Pure: same input, same output."""
    digest = content_hash(article)
    body = article.body
    if not body.strip():
        return ArticleAnalysis(article.id, digest, skipped_reason="empty body")
    reason = resources.language.non_english_reason(body, article.language)
    if reason:
        return ArticleAnalysis(article.id, digest, skipped_reason=reason)

    segments = segment_article(body, resources.segmentation)
    mentions, local_entities = find_mentions(body, resources.registry)
    mentions = without_publisher(mentions, article.source, body)
    # The article's own organisations shadow nothing in the registry (their ids are new slugs).
    entities = {**resources.registry.entities, **local_entities} if local_entities else resources.registry.entities
    mentions = introduced_people(body, mentions, entities, resources.people)
    lx = resources.attribution

    statements: list[Statement] = []
    attributed: list[tuple[int, Segment, list[str], Attribution]] = []
    discourse = Discourse(author=article_author(segments, mentions, entities))
    k = 0
    turn = False  # the paragraph opened with a transcript's speaker label
    previous_end = 0
    for index, seg in enumerate(segments):
        new_paragraph = index == 0 or "\n" in body[previous_end:seg.start]
        previous_end = seg.end
        if new_paragraph:
            turn = opens_turn(seg.text)
        in_turn = turn and not new_paragraph
        while k < len(mentions) and mentions[k].start < seg.start:
            k += 1
        j = k
        while j < len(mentions) and mentions[j].end <= seg.end:
            j += 1
        statement_id = f"{article.id}:{index}"
        if not any(entities[m.entity_id].is_company for m in mentions[k:j]):
            # No company named (regulators, publishers or nobody): attributed only when it may
            # refer back to one ("He added", "The company said") or continue a company's turn.
            words = WORD.findall(seg.text.lower())
            carries = bool(discourse.last_speakers) and discourse.statement_index == index - 1
            first_person = discourse.author is not None and not FIRST_PERSON.isdisjoint(words)
            # "“…,” said managing partner Raj Patel": a title alone speaks for the company of the story so far
            titled = discourse.last_company is not None and not lx.executive_titles.isdisjoint(words)
            # "“…,” she said" after "Amanda Firth runs Pennine Care Homes Ltd.": the person the article is on
            reported = discourse.last_person is not None and pronoun_reports(words, lx)
            if not carries and not first_person and not titled and not reported \
                    and not opens_with_reference(seg.text, words, lx):
                # Nobody to score here; skip the work, but a new voice ("Sheng said") ends the last one's turn.
                if not lx.reporting.isdisjoint(words):
                    discourse = Discourse(last_company=discourse.last_company, author=discourse.author)
                else:
                    discourse = discourse._replace(last_speakers=())
                statements.append(trusted(Statement, {
                    "article_id": article.id, "statement_id": statement_id, "index": index, "start": seg.start,
                    "end": seg.end, "text": seg.text, "is_quote": seg.is_quote, "speaker": None, "companies": []}))
                continue
        local = [Mention(m.start - seg.start, m.end - seg.start, m.entity_id, m.surface, m.person, m.possessive)
                 for m in mentions[k:j]]
        attribution, discourse = attribute_statement(seg.text, local, entities, lx, resources.stance.cues,
                                                     discourse, index, in_turn)
        roles = attribution.companies
        statements.append(trusted(Statement, {
            "article_id": article.id, "statement_id": statement_id, "index": index, "start": seg.start,
            "end": seg.end, "text": seg.text, "is_quote": seg.is_quote, "speaker": attribution.speaker,
            "companies": [trusted(CompanyMention, {"company_id": r.entity_id, "company_name": entities[r.entity_id].name,
                                                   "role": r.role, "surface": r.surface}) for r in roles.values()],
        }))
        if roles:
            attributed.append((index, seg, [t.word for t in attribution.tokens], attribution))

    title = WORD.findall((article.title or "").lower())
    topics = resources.topics
    article_topic = topics.dominant(title + [w for _, _, words, _ in attributed for w in words])
    # The title and the first statement say what the news is; they count twice.
    first = WORD.findall(segments[0].text.lower()) if segments else []
    lead = [w for seg in segments[1:4] for w in WORD.findall(seg.text.lower())]
    direction = resources.stance.news_direction(title + ["."] + title + ["."] + first + ["."] + first + ["."] + lead)

    events: list[StanceEvent] = []
    # For answers ("X took the opposite view"): the last company to take a side, and its
    # position so far (the sum of its scores: "welcomed the delay", then "in principle …").
    positions: dict[str, float] = {}
    last_sided: str | None = None
    sides: dict[str, tuple[int, int, StanceResult]] = {}  # company -> (statement, event, result) of its last side
    for index, seg, words, attribution in attributed:
        vader = resources.sentiment.polarity_scores(seg.text)
        sentiment = trusted(Sentiment, {"neg": vader["neg"], "neu": vader["neu"], "pos": vader["pos"],
                                         "compound": vader["compound"]})
        about_rules = topics.about_rules(words)
        topic = topics.dominant(words) or article_topic
        for role in attribution.companies.values():
            if role.role == SPEAKER:
                position = positions.get(last_sided, 0.0) if last_sided != role.entity_id else 0.0
                previous = 1 if position > 0 else -1 if position < 0 else 0
                result = score_stance(seg.text, attribution.tokens, attribution.cues, role.regions, resources.stance,
                                      vader["compound"], about_rules, direction, previous)
                if result.stance != NEUTRAL:
                    side = sides.get(role.entity_id)
                    if side is not None and index - side[0] <= 2 and words and words[0] in resources.stance.turn_openers \
                            and side[2].score * result.score < 0:
                        # "X supports the law." then "However, the company warned …": the first was a concession
                        before = conceded(side[2])
                        events[side[1]] = events[side[1]].model_copy(update={
                            "stance": before.stance, "stance_score": before.score})
                        positions[role.entity_id] -= side[2].score - before.score
                    sides[role.entity_id] = (index, len(events), result)
                    positions[role.entity_id] = positions.get(role.entity_id, 0.0) + result.score
                    last_sided = role.entity_id
            else:
                result = NEUTRAL_RESULT
            entity = entities[role.entity_id]
            events.append(trusted(StanceEvent, {
                "schema_version": SCHEMA_VERSION, "event_id": event_id(article.id, digest, index, entity.id),
                "article_id": article.id, "content_hash": digest, "statement_id": f"{article.id}:{index}",
                "statement_index": index, "entity_type": "company", "company_id": entity.id,
                "company_name": entity.name, "company_aliases": list(entity.aliases[:8]), "role": role.role,
                "speaker": role.speaker, "stance": result.stance, "stance_score": result.score,
                "confidence": result.confidence, "regulation": topic, "text": seg.text, "cues": list(result.cues),
                "sentiment": sentiment, "published_at": article.published_at,
            }))
    return ArticleAnalysis(article.id, digest, statements, events)
