"""People an article introduces with a company role speak for it when named again by surname.

Every article here is written for the test; none comes from a gold set.
"""
from __future__ import annotations

import pytest

from streams.core.entities import find_mentions
from streams.core.people import introduced_people
from tests.test_news_and_discourse import label

ADOPTION = "The ministry on Tuesday adopted a levy on online marketplaces that takes effect next year. "
ASIDE = "Analysts expect the levy to raise about $2bn a year. "


@pytest.mark.parametrize("introduction, company", [
    ("Claire Ashworth, chief financial officer of the homeware retailer Harrow & Finch, spoke in Leeds.",
     "harrow-finch"),
    ("Claire Ashworth, the chief financial officer at Harrow Finch Ltd., spoke in Leeds.", "harrow-finch"),
    ("Harrow Finch Ltd.'s finance chief Claire Ashworth spoke in Leeds.", "harrow-finch"),
    ("Harrow Finch Ltd. chief executive Claire Ashworth spoke in Leeds.", "harrow-finch"),
    ("Claire Ashworth, Harrow Finch Ltd.'s finance chief, spoke in Leeds.", "harrow-finch"),
    ("Claire Ashworth, who runs Harrow Finch Ltd., spoke in Leeds.", "harrow-finch"),
    ("Claire Ashworth runs sales for Harrow Finch Ltd., a Leeds homeware maker.", "harrow-finch"),
    ("Claire Ashworth of Harrow Finch Ltd. spoke in Leeds.", "harrow-finch"),
    ("Claire Ashworth, chief financial officer of Tesco, spoke in Leeds.", "tesco"),
])
def test_a_surname_later_speaks_for_the_company_of_the_introduction(analyse, introduction, company):
    analysis = analyse(ADOPTION + introduction + " " + ASIDE + "“The levy is unworkable,” Ashworth said.")
    assert label(analysis, company) == "oppose"
    last = [e for e in analysis.events if e.statement_index == 3]
    assert [(e.company_id, e.role, e.speaker) for e in last] == [(company, "speaker", "Claire Ashworth")]


def test_a_transcript_label_in_capitals_is_the_person(analyse):
    analysis = analyse(ADOPTION + "I'm joined by Tom Reeve, chief executive of the lender Fenna Pay, and Claire "
                       "Ashworth, chief financial officer of the homeware retailer Harrow & Finch.\n\n"
                       "TOM REEVE: We welcomed the levy and we still do.\n\n"
                       "CLAIRE ASHWORTH: We oppose it. It is unworkable.")
    assert label(analysis, "fenna-pay") == "support"
    assert label(analysis, "harrow-finch") == "oppose"


@pytest.mark.parametrize("introduction", [
    "Claire Ashworth, an analyst at Harrow Finch Ltd., spoke in Leeds.",  # talks about, not for, the company
    "Jefferies analyst Claire Ashworth spoke in Leeds.",
    "Claire Ashworth, a former chief executive of Harrow Finch Ltd., spoke in Leeds.",
])
def test_outside_roles_do_not_speak_for_the_company(analyse, introduction):
    analysis = analyse(ADOPTION + introduction + " " + ASIDE + "“The levy is unworkable,” Ashworth said.")
    assert not [e for e in analysis.events if e.statement_index == 3]


def test_another_person_with_the_surname_is_someone_else(core_resources):
    body = ("Claire Ashworth, chief financial officer of Harrow Finch Ltd., spoke in Leeds. Later, Mary Ashworth, "
            "a nurse, said the levy was fair. Ashworth Street was closed. The ASHWORTH family agreed.\n\n"
            "ASHWORTH: It is unworkable.")
    mentions, local = find_mentions(body, core_resources.registry)
    entities = {**core_resources.registry.entities, **local}
    people = [m for m in introduced_people(body, mentions, entities, core_resources.people) if m.person]
    # the introduction names her; later, only the capitals (a transcript's label) are her again
    assert [m.surface for m in people] == ["Claire Ashworth", "ASHWORTH"]


def test_nothing_changes_without_an_introduction(core_resources):
    body = ADOPTION + "Harrow Finch Ltd. opposed it. “The levy is unworkable,” Ashworth said."
    mentions, local = find_mentions(body, core_resources.registry)
    entities = {**core_resources.registry.entities, **local}
    assert introduced_people(body, mentions, entities, core_resources.people) is mentions


def test_an_earnings_call_questioner_does_not_speak_for_her_bank(analyse):
    analysis = analyse("Acme Steel AG, full-year results call.\n\nOperator: Our next question comes from Hana Farouk "
                       "of Jefferies. Please go ahead.\n\nFAROUK: We think the levy is unworkable.")
    assert label(analysis, "jefferies") == "neutral"



@pytest.mark.parametrize("introduction, later", [
    # the person who runs a company is who "she" is next
    ("Amanda Firth runs Harrow Finch Ltd., six care homes in West Yorkshire.", "She said the levy was unworkable."),
    ("Amanda Firth runs Harrow Finch Ltd., six care homes in West Yorkshire.", "“The levy is unworkable,” she said."),
    # a Korean name puts the family name first: "Park" is Park Sung-ho
    ("Park Sung-ho runs Harrow Finch Ltd., a parts maker in Changwon.", "“The levy is unworkable,” Park said."),
])
def test_the_person_who_runs_a_company_is_referred_to_next(analyse, introduction, later):
    analysis = analyse(ADOPTION + introduction + " " + later)
    assert label(analysis, "harrow-finch") == "oppose"


def test_a_korean_given_name_after_a_title_is_a_person_of_the_company(analyse):
    analysis = analyse(ADOPTION + "Harrow Finch Ltd. said it had studied the levy. “The levy is unworkable,” said "
                                  "chief executive Kang Min-ji.")
    assert [(e.company_id, e.speaker, e.stance) for e in analysis.events if e.statement_index == 2] == [
        ("harrow-finch", "Kang Min-ji", "oppose")]


def test_an_analyst_who_spoke_last_is_who_he_is(analyse):
    analysis = analyse(ADOPTION + "Harrow Finch Ltd. said it was reviewing the levy. Mark Lee, an analyst at Jefferies, "
                                  "said the hit would be small. “The real cost is uncertainty,” he said.")
    assert not [e for e in analysis.events if e.statement_index == 3]


def test_the_title_of_a_company_is_who_he_is_next(analyse):
    analysis = analyse(ADOPTION + "“The levy is a cash machine for the budget,” the chief executive of Tesco said. "
                                  "He added that the levy would cost Tesco about €12 million a year.")
    assert [(e.company_id, e.role) for e in analysis.events if e.statement_index == 2] == [("tesco", "speaker")]


def test_a_quotation_after_a_dateline_is_the_speaker_s(analyse):
    analysis = analyse("VIENNA — “The levy is unworkable,” the chief executive of Harrow Finch Ltd. said on Friday.")
    assert [(e.company_id, e.stance) for e in analysis.events] == [("harrow-finch", "oppose")]


@pytest.mark.parametrize("body, company", [
    # a name joined by an apostrophe is one person, whom the surname names again
    ("“This is welcome,” said Harrow Finch Ltd. managing director Tom O'Leary. Separately, Brandt Logistics GmbH "
     "declined to comment. O'Leary said the levy was overdue.", "harrow-finch"),
    # a unit or a place between the company's possessive and the title
    ("Harrow Finch Ltd. said the levy was bad for investment. Geraldine Slattery, the company's Australia president, "
     "said in a statement that it would comply.", "harrow-finch"),
])
def test_apostrophe_names_and_titles_past_a_place(analyse, body, company):
    analysis = analyse(ADOPTION + body)
    last = len(analysis.statements) - 1
    assert [e.role for e in analysis.events if e.company_id == company and e.statement_index == last] == ["speaker"]
    assert not [e for e in analysis.events if e.company_id in ("tom-o-leary", "geraldine-slattery")]
