"""Who the publisher is, when a new voice ends a company's turn, and cue phrases met in
articles from Africa, the Gulf, Japan, Korea and India.

Every article here is written for the test; none comes from a gold set.
"""
from __future__ import annotations

import pytest

from tests.test_news_and_discourse import label

LEVY = "The Treasury on Wednesday adopted a higher levy on sugary drinks that takes effect in April. "


def companies(analysis) -> set[str]:
    return {e.company_id for e in analysis.events}


def test_the_article_s_own_publisher_is_no_company(analyse):
    body = LEVY + ("Harbor Air Ltd. took a different view. In a written submission seen by Pacific Rim Ledger, "
                   "the company asked that small carriers be exempted.")
    assert "pacific-rim-ledger" in companies(analyse(body))  # without its source, a name like any other
    published = analyse(body, source="Pacific Rim Ledger")
    assert "pacific-rim-ledger" not in companies(published)
    assert label(published, "harbor-air") == "oppose"


def test_a_shortened_publisher_name_is_no_company(core_resources):
    from streams.core.entities import find_mentions, without_publisher
    body = "Support independent journalism by subscribing to the Ledger, or read Ledger’s guide to wallets."
    mentions, _ = find_mentions(body, core_resources.registry)
    assert {m.entity_id for m in mentions} == {"ledger"}
    assert without_publisher(mentions, "Pacific Rim Ledger") == []
    assert without_publisher(mentions, "Ledgerline News") == mentions


@pytest.mark.parametrize("voice", [
    "The Healthy Living Alliance welcomed the increase but said it should also apply to fruit juices.",
    "The Healthy Living Alliance, a civil-society coalition, welcomed the increase but said it should also "
    "apply to fruit juices.",
])
def test_a_named_group_taking_a_side_ends_the_company_s_turn(analyse, voice):
    body = LEVY + "Harbor Air Ltd. said it had noted the announcement and declined to comment further. " + voice
    assert label(analyse(body), "harbor-air") == "neutral"
