"""Stance mechanisms that look beyond one cue: the article's news (a rule adopted or rolled
back), passive voice, transcripts and interviews, contrast, and positions a company held before.

Every article here is written for the test; none comes from the seed corpus.
"""
from __future__ import annotations

import pytest

from streams.core.phrases import WORD


def label(analysis, company_id: str) -> str:
    """The company-level label by the evaluation's rule (sign of summed speaker scores)."""
    scores = [e.stance_score for e in analysis.events
              if e.company_id == company_id and e.role == "speaker" and e.stance != "neutral"]
    total = sum(scores)
    return "neutral" if not scores or total == 0 else ("support" if total > 0 else "oppose")


ROLLBACK = ("Brussels on Tuesday scrapped its planned levy on online marketplaces, weeks after repealing "
            "the reporting rule that came with it. ")
ADOPTION = "Brussels on Tuesday adopted a levy on online marketplaces that takes effect next year. "


@pytest.mark.parametrize("lead, stance", [(ROLLBACK, "oppose"), (ADOPTION, "support")])
def test_welcoming_the_decision_follows_the_news(analyse, lead, stance):
    analysis = analyse(lead + "Zalando SE welcomed the decision.")
    assert label(analysis, "zalando") == stance


@pytest.mark.parametrize("lead, stance", [(ROLLBACK, "oppose"), (ADOPTION, "support")])
def test_welcoming_the_government_s_recognition_follows_the_news(analyse, lead, stance):
    analysis = analyse(lead + "Zalando SE said it welcomed the government's recognition of market realities.")
    assert label(analysis, "zalando") == stance


@pytest.mark.parametrize("lead, stance", [(ROLLBACK, "oppose"), (ADOPTION, "support")])
def test_common_sense_prevailing_follows_the_news(analyse, lead, stance):
    analysis = analyse(lead + "“Common sense has prevailed,” said Ana Ruiz, chief executive of Zalando SE.")
    assert label(analysis, "zalando") == stance


def test_an_intention_to_overturn_is_no_rollback_and_its_object_ends_at_the_next_clause(analyse):
    analysis = analyse(ADOPTION + "While Mastercard said it would use every avenue available to overturn the decision, "
                                  "Zalando SE called it long overdue.")
    assert (label(analysis, "mastercard"), label(analysis, "zalando")) == ("oppose", "support")


def test_what_a_recognition_states_is_judged_not_the_news(analyse):
    # guard: the cue inside "a recognition that …" judges the timelines, not the decision
    analysis = analyse(ROLLBACK + "Zalando SE welcomed the decision as “a recognition that the original timelines "
                                  "were not achievable”.")
    assert label(analysis, "zalando") == "oppose"


@pytest.mark.parametrize("lead, stance", [(ROLLBACK, "oppose"), (ADOPTION, "support")])
def test_being_pleased_follows_the_news(analyse, lead, stance):
    analysis = analyse(lead + "Zalando SE said it was pleased with the outcome.")
    assert label(analysis, "zalando") == stance


def test_asking_for_a_rollback_is_not_the_news(analyse):
    analysis = analyse(
        "Retailers urged Brussels to scrap and delay the levy on online marketplaces. "
        "Zalando SE welcomed the decision to keep it."
    )
    assert label(analysis, "zalando") == "support"


def test_the_original_plan_is_not_the_news(analyse):
    analysis = analyse(ROLLBACK + "Zalando SE, a fierce critic of the original plan, said the cuts did not go far enough.")
    assert label(analysis, "zalando") == "oppose"


def test_calling_a_rollback_a_mistake_supports_the_rule(analyse):
    analysis = analyse(ROLLBACK + 'Zalando SE said rolling the rule back would be "a serious mistake".')
    assert label(analysis, "zalando") == "support"


def test_passive_voice_names_the_speaker_after_by(analyse):
    analysis = analyse(ADOPTION + "The levy was not welcomed by Zalando SE, which had asked for an exemption.")
    assert label(analysis, "zalando") == "oppose"


def test_a_transcript_label_speaks_for_the_company_of_its_heading(analyse):
    analysis = analyse(
        "Telecom operators discussed the draft rules on their results calls.\n\n"
        "Brightline Mobile Ltd — call of 10 November\n\n"
        'Chief executive: "The draft is a step in the right direction. We support it."\n\n'
        "Kestrel Telecom plc — call of 11 November\n\n"
        'Chief executive: "We think it is the wrong intervention at the wrong time."'
    )
    assert label(analysis, "brightline-mobile") == "support"
    assert label(analysis, "kestrel-telecom") == "oppose"


def test_the_turn_after_but_outweighs_the_concession(analyse):
    analysis = analyse(
        ADOPTION + "Zalando SE did not object to the reporting part, but said the levy would "
        "push small sellers out of the market."
    )
    assert label(analysis, "zalando") == "oppose"


def test_a_position_held_before_counts_less_than_the_current_one(analyse):
    analysis = analyse(
        ROLLBACK + "Zalando SE praised the levy when it was proposed. "
        'But on Tuesday the company said it "fully supports" the repeal.'
    )
    assert label(analysis, "zalando") == "oppose"


def test_backing_another_companys_position_takes_no_side_by_itself(analyse):
    analysis = analyse(ADOPTION + "Zalando SE backed Otto Group's position in a letter.")
    assert label(analysis, "zalando") == "neutral"


def test_declining_to_sign_is_negation(analyse):
    analysis = analyse("Meta Platforms Inc. declined to sign the voluntary code of practice on AI.")
    assert label(analysis, "meta") == "oppose"


def test_interview_we_is_the_interviewee_company(analyse):
    analysis = analyse(
        "Trade Weekly spoke to the chief executive of Norvane Freight AB, a Gothenburg-based haulier.\n\n"
        "Why do you back the new emissions rules?\n\n"
        "We support the regulation because it rewards carriers that invested early."
    )
    assert label(analysis, "norvane-freight") == "support"


def test_live_blog_time_stamps_do_not_hide_the_company(analyse):
    analysis = analyse(
        ADOPTION.strip() + "\n\n10:48am\nSnap Inc, owner of Snapchat, has also weighed in.\n"
        'It says the law is "rushed and unworkable".'
    )
    assert label(analysis, "snap") == "oppose"


@pytest.mark.parametrize("lead, body, stance", [
    # diluting is a rollback, judged before the cue
    (ADOPTION, "Zalando SE said diluting the levy is a step backwards.", "support"),
    # the object of "called" before an opening quote
    (ADOPTION, 'Zalando SE called the postponement "necessary and overdue".', "oppose"),
    # asking for the news itself when the news is a rollback
    (ROLLBACK, "Zalando SE urged the ministry to adopt the changes as quickly as possible.", "oppose"),
    (ADOPTION, "Zalando SE urged the ministry to adopt the changes as quickly as possible.", "support"),
])
def test_rollbacks_judged_before_a_cue_or_asked_for(analyse, lead, body, stance):
    assert label(analyse(lead + body), "zalando") == stance


@pytest.mark.parametrize("lead, stance", [(ADOPTION, "oppose"), (ROLLBACK, "support")])
def test_asking_to_restore_is_asking_for_the_state_before_the_news(analyse, lead, stance):
    analysis = analyse(lead + "Zalando SE said it would ask senators to restore the earlier rules.")
    assert label(analysis, "zalando") == stance


def test_a_titled_label_in_a_call_is_the_host_s_not_the_last_company_named(analyse):
    analysis = analyse("Operator: Good evening, and welcome to the Q3 earnings conference call of Harbor Air Ltd.\n\n"
                       "Meera Iyer, Ambit Capital: Thank you. First, with Lisbon Air Ltd. having changed its model, "
                       "do you see share gains?\n\nAnjali Rao, CFO: We think the levy is fair.")
    assert label(analysis, "harbor-air") == "support" and label(analysis, "lisbon-air") == "neutral"


def test_asking_to_reverse_course_after_a_rollback_supports_the_rule(analyse):
    analysis = analyse(ROLLBACK + "Zalando SE called on the government to reverse course.")
    assert label(analysis, "zalando") == "support"


def test_revoking_permissions_is_no_rollback_of_the_rule(core_resources):
    lead = ("Negotiators reached a deal on the payments regulation, which gives customers a dashboard to see and revoke "
            "the permissions they have granted.")
    words = WORD.findall(lead.lower())
    assert core_resources.stance.news_direction(words + ["."] + words) == 1


def test_a_grace_period_in_the_lead_is_part_of_the_rule_not_a_rollback(analyse, core_resources):
    lead = ("The committee on Tuesday approved raising the minimum wage from January, but granted small firms a "
            "six-month grace period. ")
    words = WORD.findall(lead.lower())
    assert core_resources.stance.news_direction(words + ["."] + words) == 1
    analysis = analyse(lead + "Zalando SE said it was relieved by the grace period for small firms.")
    assert label(analysis, "zalando") == "oppose"


@pytest.mark.parametrize("body, stance", [
    # a non-cue's gap does not reach past a comma into a relative clause
    ("Zalando SE said it welcomed the repeal, which its chief financial officer said removed friction.", "oppose"),
    ("Zalando SE urged the government to reintroduce a levy once the talks conclude.", "support"),
])
def test_after_a_rollback(analyse, body, stance):
    assert label(analyse(ROLLBACK + body), "zalando") == stance


@pytest.mark.parametrize("body", [
    # a place before the head is no name of another organisation
    "Rheinmetall AG was first out of the blocks. The Duesseldorf group said it welcomed the levy.",
    "Rheinmetall AG was first out of the blocks. The Munich group, which had lobbied for years, welcomed the levy.",
    # an introduction without a comma ends where the description begins
    "Rheinmetall AG struck a different note. In a statement the group said it welcomed the levy.",
])
def test_a_description_after_a_company_opens_the_sentence_refers_back(analyse, body):
    assert label(analyse(ADOPTION + body), "rheinmetall") == "support"


@pytest.mark.parametrize("body, company", [
    ("Across the aisle sat Marianne Fuchs, co-founder of Prairie Root Organics Inc., an organic farm near Decorah. "
     "She urged lawmakers to reject the levy.", "prairie-root-organics"),
    ("First to testify was Marcus Trent, vice president of energy at Lonestar Hyperscale LLC, which is building a "
     "campus near Abilene. He told the committee the levy was unworkable.", "lonestar-hyperscale"),
])
def test_a_person_introduced_with_a_role_is_the_next_pronoun(analyse, body, company):
    assert label(analyse(ADOPTION + body), company) == "oppose"


@pytest.mark.parametrize("body, stance", [
    # what the speaker calls the rule judges the rule, whatever the news did to it
    ("Zalando SE called the levy a reasonable compromise.", "support"),
    ("Zalando SE, calling the caps a sensible compromise, said it would comply.", "support"),
    # the rule the cue's clause is about, not the relief named before it
    ("Zalando SE said the exemption proved the caps were flawed.", "oppose"),
    # but a rollback's own object or complement is the rollback's
    ("Zalando SE said the delay of the levy was welcome.", "oppose"),
    ("“Dropping this levy is the wrong call,” Zalando SE said.", "support"),
])
def test_a_cue_that_judges_the_rule_itself_after_a_rollback(analyse, body, stance):
    assert label(analyse(ROLLBACK + body), "zalando") == stance


def test_without_such_an_exemption_denies_the_exemption(analyse, core_resources):
    body = ("Metalurgica Tejo S.A. warned that without such an exemption the proposal will simply move tube-making to "
            "North Africa.")
    assert label(analyse(ADOPTION + body), "metalurgica-tejo") == "oppose"
    words = WORD.findall("The ministry said the levy applies without any such exemption from next year.".lower())
    assert core_resources.stance.reported_changes(words)[0] == []


def test_a_joined_predicate_shares_the_target(analyse):
    # "would undermine" has no subject of its own: it is the delaying's, as "rewards inaction" is
    body = "Zalando SE said delaying the levy “rewards inaction” and would undermine investment in logistics."
    analysis = analyse(ROLLBACK + body)
    assert [e.stance_score > 0.5 for e in analysis.events if e.company_id == "zalando"] == [True]


def test_a_statement_that_turns_makes_the_last_one_a_concession(analyse):
    analysis = analyse(ADOPTION + "Zalando SE said it fully supports the levy. However, the company warned that the "
                       "timeline was unworkable.")
    assert label(analysis, "zalando") == "oppose"
    first = next(e for e in analysis.events if e.company_id == "zalando" and e.statement_index == 1)
    assert first.stance == "support" and 0 < first.stance_score <= 0.5  # still its words, worth half


def test_a_subject_with_its_refers_back_to_the_company(analyse):
    analysis = analyse(ADOPTION + "Zalando SE was more cautious. A person in charge of its public affairs department "
                       "said the levy was “not realistic” for a platform of its size.")
    assert label(analysis, "zalando") == "oppose"


def test_not_everyone_in_the_business_is_nobody_s_voice(analyse):
    analysis = analyse(ADOPTION + "“It is unfair,” said Rui Carvalho, managing partner of Casa Alfama Lda. Not everyone "
                       "in the property business is unhappy.")
    assert [e.statement_index for e in analysis.events if e.company_id == "casa-alfama"] == [1]


def test_and_before_a_described_name_opens_its_clause(analyse):
    analysis = analyse(ADOPTION + "Harrow Finch Ltd. introduced checks the same week, and age-assurance provider "
                       "Zentrova Robotics Inc., which has long argued for the levy and urged ministers not to water it "
                       "down, says it is busy.")
    assert label(analysis, "harrow-finch") == "neutral"  # the request in the next clause's aside is not its
    assert [e.role for e in analysis.events if e.company_id == "zentrova-robotics"] == ["speaker"]


def test_a_relative_clause_that_reports_is_its_antecedent_s_voice(analyse):
    analysis = analyse(ADOPTION + "The newsletter adds: the request follows one from Harrow Finch Ltd., which said on "
                       "Monday that the levy left it “unable to finance” its stores.")
    assert label(analysis, "harrow-finch") == "oppose"


@pytest.mark.parametrize("body, stance", [
    # a government that appeals a ruling against its rule defends it
    ("A judge struck down the levy on Friday. Zalando SE said it hoped the state would appeal to the higher court.",
     "support"),
    ("A judge upheld the levy on Friday. Zalando SE said it would appeal the ruling.", "oppose"),
    # a two-year extension is a delay, judged as one
    ("Brussels adopted the levy. Zalando SE said it respected the objectives but that a two-year extension would give "
     "retailers time to adjust.", "oppose"),
    ("Beijing revised the levy. Zalando SE said the rules would “steer the industry away from destructive price "
     "wars”.", "support"),
])
def test_rule_makers_appeals_extensions_and_steering_away(analyse, body, stance):
    assert label(analyse(body), "zalando") == stance
