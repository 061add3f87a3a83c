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
    body = ("KAMPALA (Ledger & Labour Weekly) - Support independent journalism by subscribing to the Ledger. "
            "Ledger, the wallet maker, said it opposed the rule.")
    mentions, _ = find_mentions(body, core_resources.registry)
    assert [m.surface for m in mentions] == ["Ledger", "Ledger", "Ledger"]
    # inside the publisher's name, and its last word after "the": the publisher; alone: the company
    assert [m.start for m in without_publisher(mentions, "Ledger & Labour Weekly", body)] == [mentions[2].start]
    assert [m.start for m in without_publisher(mentions, "Pacific Rim Ledger", body)] == [m.start for m in mentions
                                                                                          if m is not mentions[1]]


def test_a_company_a_blog_is_named_after_is_still_the_company(analyse):
    body = "Tesla said on Monday it opposed the rule. Read more on Tesla Daily."
    assert label(analyse(body, source="Tesla Daily"), "tesla") == "oppose"


@pytest.mark.parametrize("voice", [
    "The Healthy Living Alliance welcomed the increase but said it should also apply to fruit juices.",
    "The Healthy Living Alliance, a civil-society coalition, welcomed the increase but said it should also "
    "apply to fruit juices.",
])
def test_a_named_group_taking_a_side_ends_the_company_s_turn(analyse, voice):
    body = LEVY + "Harbor Air Ltd. said it had noted the announcement and declined to comment further. " + voice
    assert label(analyse(body), "harbor-air") == "neutral"


CAPITAL = "The central bank on Monday adopted a higher minimum capital requirement for payment firms. "
SCRAP_AND_REPLACE = ("The grid operator will scrap its first-come, first-served queue for new power stations, replacing "
                     "it from September with a system that prioritises projects with consents and finance in place. ")


@pytest.mark.parametrize("body, stance", [
    # being glad the rule-maker listened, having argued for it, and what the market needed follow the news
    (CAPITAL + "“We argued for it during the consultation and we are glad the bank listened,” said Ada Obi, chief "
     "operating officer of Harbor Pay Ltd.", "support"),
    (CAPITAL + "“A stronger capital base is what this market has needed for years,” said Ada Obi, chief operating "
     "officer of Harbor Pay Ltd.", "support"),
    (CAPITAL + "“Payroll data has to stay at home, which is exactly how it should be,” said Ada Obi, chief "
     "operating officer of Harbor Pay Ltd.", "support"),
    # scrapping a rule while replacing it with another is a new rule, not a rollback
    (SCRAP_AND_REPLACE + "Harbor Pay Ltd. thanked the government for the change, which it said would speed up "
     "its solar farm.", "support"),
    # applying for a waiver, costs raised, an alternative preferred
    (CAPITAL + "Harbor Pay Ltd. said it respects the objectives of the policy but would apply for a waiver for "
     "its smaller subsidiaries.", "oppose"),
    (CAPITAL + "Harbor Pay Ltd. said it shares the bank's goals but that the requirement raises costs for small "
     "firms.", "oppose"),
    (CAPITAL + "In a submission, Harbor Pay Ltd. asked that the capital floor be dropped in favour of a liquidity "
     "test.", "oppose"),
])
def test_relief_and_request_phrases(analyse, body, stance):
    title = "Grid operator moves to a new queue for power stations" if body.startswith(SCRAP_AND_REPLACE) else None
    assert label(analyse(body, title=title), "harbor-pay") == stance


WALLETS = ("The central bank on Monday issued final regulations for wallet providers, requiring them to spin wallets "
           "out into separate companies. ")
EXCISE = "The finance ministry raised the excise on cigarettes by 12% on Monday. "
REPEAL = "Parliament repealed the levy on mobile money transfers on Tuesday, scrapping a tax it passed in 2022. "


@pytest.mark.parametrize("body, stance", [
    # what is conceded in a "while …," clause counts less than the point made after it
    (WALLETS + "Harbor Pay Ltd. said that while it favoured a clear licensing regime, the requirement to spin "
     "wallets out was “disproportionate for a market of this size”.", "oppose"),
    (WALLETS + "Harbor Pay Ltd. said that although the timeline was disproportionate, it welcomed the rules.", "support"),
    # asking for a freeze, rewarding criminals, a tax shock; asking for the rule's removal
    (EXCISE + "Harbor Pay Ltd. said the rise would widen the price gap and urged the ministry to freeze further "
     "increases for two years.", "oppose"),
    (EXCISE + "Harbor Pay Ltd. said that “another tax shock will only reward criminal networks.”", "oppose"),
    (REPEAL + "Harbor Pay Ltd. said it had consistently called for the levy's removal.", "oppose"),
    (REPEAL + "Harbor Pay Ltd. thanked lawmakers for acting.", "oppose"),
])
def test_concessions_and_what_is_asked_for(analyse, body, stance):
    assert label(analyse(body), "harbor-pay") == stance


RESIDENCY = "The data-residency rules take effect in March. "


@pytest.mark.parametrize("appositive", [
    "a start-up founded in 2019", "a start-up backed by Sequoia", "a lender listed in Nairobi",
    "a start-up admitted to the central bank's regulatory sandbox",
])
def test_a_participle_in_the_subject_s_appositive_is_not_its_verb(analyse, appositive):
    body = RESIDENCY + f"Harbor Pay Ltd., {appositive}, said the data-residency clause would force it to abandon its cloud provider."
    assert label(analyse(body), "harbor-pay") == "oppose"


def test_a_company_named_in_an_unknown_name_s_appositive_does_not_speak_for_it(analyse):
    # (a guard: once the participle "controlled" is no verb, DiDi must not become the subject)
    body = RESIDENCY + ("Harbor Pay Ltd. said the rules were unworkable. 99, the local app controlled by China's "
                        "DiDi Global, took the opposite view.")
    assert label(analyse(body), "didi") == "neutral"


CAP = "The transport authority on Monday capped ride-hailing commissions at 18%. "


@pytest.mark.parametrize("said, stance", [
    ("the ceiling “does not reflect the real costs of running a safe platform” and that it would continue to seek "
     "changes", "oppose"),
    ("the cap would reduce net profit by an estimated 6% but gave no view on the policy itself", "neutral"),
    ("it was preparing a constitutional challenge at the Supreme Court", "oppose"),
    ("it had no problem with fighting fraud, but this is not how you do it", "oppose"),
    ("the ceiling would wipe out 70% of its revenue", "oppose"),
    ("it had asked for the cap to apply only to trips below 1,000 shillings", "oppose"),
    ("it had asked for a two-year phase-in", "oppose"),
])
def test_what_a_company_says_of_a_cap(analyse, said, stance):
    assert label(analyse(CAP + f"Harbor Pay Ltd. said {said}."), "harbor-pay") == stance


EXPORT_RULE = ("The commerce ministry on Monday adopted a change to investment rules that lets foreign-owned "
               "marketplaces hold inventory of goods made for export. ")
EXTENSION = "The trade directorate on Friday extended the laptop import authorisation system by a year. "


@pytest.mark.parametrize("body, stance", [
    (EXPORT_RULE + "Harbor Trade Ltd. has lobbied for the change for more than a year.", "support"),
    (EXPORT_RULE + "Harbor Trade Ltd. said the change would cut its working-capital needs.", "support"),
    (EXPORT_RULE + "Harbor Trade Ltd. said the export label was a fig leaf.", "oppose"),
    (EXPORT_RULE + "Harbor Trade Ltd. said it feared goods would be dumped back into the domestic market.", "oppose"),
    (EXPORT_RULE + "Harbor Trade Ltd. said the change brought clarity and that it had no interest in reopening it.",
     "support"),
    (EXPORT_RULE + "A spokesperson for Harbor Trade Ltd. said it would abide by the court's final decision.", "neutral"),
    # a delay of the rule's procedure is a harm, not a postponement of the rule
    (EXTENSION + "Harbor Trade Ltd. said it would have preferred the system to expire as scheduled, arguing that "
     "approval delays had left some orders stranded at ports.", "oppose"),
])
def test_changes_lobbied_for_and_procedures_delayed(analyse, body, stance):
    assert label(analyse(body), "harbor-trade") == stance


GOVERNANCE = "The National Assembly on Thursday passed an amendment to the Commercial Act on board elections. "


def test_a_participle_aside_between_subject_and_verb_keeps_the_subject(analyse):
    body = GOVERNANCE + ("Harbor Trade Ltd. said it welcomed the law. A senior executive at Hyundai Motor, speaking on "
                         "condition of anonymity because the company has not taken a public position, said the law "
                         "“hands a weapon to short-term funds”.")
    analysis = analyse(body)
    assert label(analysis, "hyundai-motor") == "oppose"
    assert label(analysis, "harbor-trade") == "support"


def test_a_managing_director_is_no_participle_aside(analyse):
    body = GOVERNANCE + ("Gareth Moore, managing director of Harbor Trade Ltd. in Co Down, said small firms would barely "
                         "be affected, but warned that the threshold had been chosen without any modelling.")
    assert label(analyse(body), "harbor-trade") == "oppose"


@pytest.mark.parametrize("name", ["Truston Asset Management", "Align Partners Capital Management"])
def test_an_asset_manager_s_name_is_a_company(core_resources, name):
    from streams.core.entities import find_mentions
    mentions, _ = find_mentions(f"{name}, which has pressed for governance changes, said it welcomed the law.",
                                core_resources.registry)
    assert [m.surface for m in mentions] == [name]


@pytest.mark.parametrize("said", [
    "it had no objection to better logistics, but building the data systems takes time",
    "the overtime cap itself remained the problem",
])
def test_time_needed_and_the_rule_as_the_problem(analyse, said):
    assert label(analyse(GOVERNANCE + f"Harbor Trade Ltd. said {said}."), "harbor-trade") == "oppose"


FORWARD = "The ministry on Monday proposed bringing the data-protection deadline forward to November. "


def test_she_after_an_unnamed_spokesperson_is_the_spokesperson(analyse):
    body = FORWARD + ("Harbor Trade Ltd. urged the ministry to stick to the original date. “It is not a six-month "
                      "job,” said Rahul Chari, co-founder of Harbor Trade.\n\nA Swiggy spokesperson said the company "
                      "had “no concerns” about the earlier deadline. “Faster protection for users is a good thing,” "
                      "she said.")
    analysis = analyse(body)
    assert label(analysis, "harbor-trade") == "oppose"
    assert label(analysis, "swiggy") == "support"


@pytest.mark.parametrize("body, stance", [
    (FORWARD + "“Citizens deserve these protections sooner rather than later,” a Harbor Trade Ltd. spokesperson said.",
     "support"),
    (FORWARD + "Harbor Trade Ltd. said it supported the law's objectives but not the new date.", "oppose"),
])
def test_protections_deserved_and_a_date_not_supported(analyse, body, stance):
    assert label(analyse(body), "harbor-trade") == stance


MARGINS = "The drug-pricing regulator on Monday proposed a 30% cap on trade margins for medicines. "


def test_an_ambiguous_name_opening_a_sentence_counts_once_the_article_names_the_company(analyse, core_resources):
    from streams.core.entities import find_mentions
    body = MARGINS + ("Lupin, to its credit, has broken ranks. Its managing director told me the cap is good for "
                      "patients. Lupin would not oppose the proposal, he said.")
    assert [m.surface for m in find_mentions(body, core_resources.registry)[0]] == ["Lupin", "Lupin"]
    assert label(analyse(body), "lupin") == "support"
    alone = MARGINS + "Lupin, to its credit, has broken ranks."
    assert find_mentions(alone, core_resources.registry)[0] == []  # the flower, for all the article says


@pytest.mark.parametrize("body, company, stance", [
    (MARGINS + "Harbor Trade Ltd. pushed during government consultations for an exemption for small pharmacies, "
     "according to two people familiar with the talks.", "harbor-trade", "oppose"),
    (MARGINS + "Harbor Trade Ltd. said it would comply with whatever rules are enacted.",
     "harbor-trade", "neutral"),
    # a licensee or an organiser in the appositive is a company
    (MARGINS + "Paga, one of the oldest drug licensees, said it opposed the cap.", "paga", "oppose"),
    (MARGINS + "Nodwin Gaming, the tournament organiser in which Krafton holds a stake, also welcomed the rules.",
     "krafton", "neutral"),
])
def test_exemptions_pushed_for_whatever_rules_and_licensees(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


PROBE = "Japan's antitrust regulator opened a probe under the smartphone act on Tuesday. "


@pytest.mark.parametrize("body, stance", [
    (PROBE + "“We had no problem with Google's old system,” said the president of Harbor Games K.K.", "oppose"),
    (PROBE + "The president of Harbor Games K.K. said he would rather the regulator exempt small developers from "
     "the billing provisions altogether.", "oppose"),
    (PROBE + "The president of Harbor Games K.K. urged the commission to “apply the law in full”.", "support"),
    (PROBE + "The president of Harbor Games K.K. said it asked for small studios to be exempted, and hoped the "
     "commission would apply the law narrowly.", "oppose"),
])
def test_the_old_system_what_one_would_rather_and_the_law_in_full(analyse, body, stance):
    assert label(analyse(body), "harbor-games") == stance


def test_an_acronym_the_registry_knows_for_a_regulator_names_a_company_with_a_legal_form(core_resources):
    from streams.core.entities import find_mentions
    body = "KCC Corp., which holds a large block of its own shares, warned in a filing. KCC said it would appeal."
    mentions, local = find_mentions(body, core_resources.registry)
    assert [(m.surface, m.entity_id) for m in mentions] == [("KCC Corp", "kcc-corp"), ("KCC", "kcc-corp")]
    assert local["kcc-corp"].is_company
    assert find_mentions("The KCC said on Monday.", core_resources.registry)[0][0].entity_id == "kcc"


def test_an_acronym_spelled_out_in_lower_case_names_no_company(core_resources):
    from streams.core.entities import find_mentions
    body = "Laptops made under the production-linked incentive (PLI) scheme count. The PLI scheme is popular."
    assert find_mentions(body, core_resources.registry)[0] == []
    named = "Premier Lotteries Ireland (PLI) said it opposed the levy. PLI added that it would appeal."
    assert {m.entity_id for m in find_mentions(named, core_resources.registry)[0]} == {"premier-lotteries-ireland"}


CHIPS = "The industry ministry on Monday issued chip-subsidy decrees with a clawback clause for plants in China. "


def test_a_company_s_act_told_by_someone_else_is_the_company_s(analyse):
    body = CHIPS + ("Harbor Chips Ltd., which operates a major fab in Wuxi, has asked the ministry to exempt existing "
                    "plants from the clawback clause, he said.")
    assert label(analyse(body), "harbor-chips") == "oppose"


def test_a_long_company_appositive_and_a_civil_society_group(core_resources):
    from streams.core.entities import find_mentions
    body = ("Teraco Data Environments, the country's largest carrier-neutral data centre operator, said the rules "
            "help. MainOne, the West African data centre and subsea cable operator, said it supports them. "
            "Civil-society group Outa said it was studying a court challenge.")
    mentions, local = find_mentions(body, core_resources.registry)
    kinds = {m.surface: (local.get(m.entity_id) or core_resources.registry.entities[m.entity_id]).type for m in mentions}
    assert kinds.get("Teraco Data Environments") == "company" and kinds.get("MainOne") == "company"
    assert kinds.get("Outa") in (None, "organisation")


CRYPTO = "Parliament passed the crypto act on Tuesday, setting a minimum capital of 50 million shillings. "


@pytest.mark.parametrize("body, stance", [
    (CRYPTO + "Harbor Pay Ltd. said it would lobby Parliament to introduce a tiered capital regime.", "oppose"),
    (CRYPTO + "Harbor Pay Ltd. called the act “the clearest investment signal this sector has ever had”.", "support"),
])
def test_a_tiered_regime_asked_for_and_the_clearest_signal(analyse, body, stance):
    assert label(analyse(body), "harbor-pay") == stance


@pytest.mark.parametrize("body, absent", [
    ("Rivian's chief policy officer, Jordan Ames, just posted on LinkedIn: “Today's vote is a gift.”", "linkedin"),
    ("The company said it would raise the issue through the Independent Petroleum Producers Group (IPPG).",
     "independent-petroleum-producers-group"),
])
def test_a_medium_posted_on_and_a_producers_group_are_no_companies(core_resources, body, absent):
    from streams.core.entities import find_mentions
    assert absent not in {m.entity_id for m in find_mentions(body, core_resources.registry)[0]}


def test_a_directorate_general_is_an_organisation(core_resources):
    from streams.core.entities import find_mentions
    body = "The resolution by the Dirección General de Aguas (DGA), part of the Ministry of Public Works, applies."
    mentions, local = find_mentions(body, core_resources.registry)
    assert mentions and all(local[m.entity_id].type == "organisation" for m in mentions)


UTAH = "Utah's app store age law took effect on Wednesday. "


def test_a_colon_before_names_opens_their_clause(analyse):
    analysis = analyse(UTAH + "The measure has exposed a divide: Meta and Match Group lobbied for it in Salt Lake "
                              "City, while Apple fought it at every stage.")
    assert (label(analysis, "meta"), label(analysis, "match-group"), label(analysis, "apple")) == (
        "support", "support", "oppose")


def test_a_transcript_label_before_a_name_is_no_clause_of_its_own(analyse):
    body = UTAH + ("Harbor Custody Ltd. held its earnings call on Tuesday.\n\nMei Lin, Chief Financial Officer: "
                   "Anchorage is a strong competitor, and the rule applies to all of us equally.")
    assert label(analyse(body), "anchorage-digital") == "neutral"


def test_the_speaker_s_own_because_clause_does_not_end_its_turn(analyse):
    body = UTAH + ("Apple said it had built the required tools only because it was legally obliged to, and warned "
                   "that the approach “undermines the privacy of all users.”")
    assert label(analyse(body), "apple") == "oppose"


@pytest.mark.parametrize("body, company, stance", [
    (UTAH + "Laura Kwan, Meta's vice president, said the company hoped Congress would adopt a national version.",
     "meta", "support"),
    (UTAH + "“They're welcome to come and run one of our servers for a week,” said the founder of Harbor Forums Ltd.",
     "harbor-forums", "neutral"),
    (UTAH + "“I'd settle for a proper exemption for low-risk sites,” said the founder of Harbor Forums Ltd.",
     "harbor-forums", "oppose"),
    (UTAH + "Harbor Forums Ltd. said it would leave the US market rather than scan its users' faces.",
     "harbor-forums", "oppose"),
])
def test_hopes_invitations_settling_and_threats_to_leave(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


def test_a_company_withdrawing_its_own_feature_is_no_rollback_of_the_rule(analyse):
    body = ("Apple said on Friday it would withdraw its Advanced Data Protection feature for new users in Britain, "
            "after the government used the Investigatory Powers Act to demand access to encrypted data. "
            "Apple said it was “deeply disappointed” to withdraw the feature.")
    assert label(analyse(body, title="Apple withdraws encryption feature in UK after government demand"),
                 "apple") == "oppose"


GRID = "The energy regulator on Tuesday published its decision on connecting data centres to the grid. "
CLOUD = "The European Commission on Monday published draft cloud sovereignty criteria for public tenders. "


@pytest.mark.parametrize("body, company, stance", [
    (GRID + "Harbor Compute Ltd. welcomed the 18-month transitional window, saying it gave the company breathing room.",
     "harbor-compute", "oppose"),
    (CLOUD + "Harbor Compute Ltd. said the criteria should be binding rather than advisory.", "harbor-compute", "support"),
    (CLOUD + "Harbor Compute Ltd. urged the Commission to drop ownership tests in favour of technical safeguards.",
     "harbor-compute", "oppose"),
])
def test_windows_binding_criteria_and_alternatives(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


METHANE_DELAY = ("The EPA on Thursday gave oil and gas producers up to 18 additional months to comply with its "
                 "methane standards. ")


@pytest.mark.parametrize("said, stance", [
    # judging "this" opening the quotation judges the news: here a delay
    ("“This is common sense,” said Marcy Halvorsen, vice president at Harbor Oil Ltd.", "oppose"),
    # attacking the rule's critics, with the cue in quotation marks after an auxiliary
    ("Chief executive Priya Nandakumar of Harbor Oil Ltd. said the rule's critics had “wildly overstated” the "
     "cost of compliance.", "support"),
])
def test_judging_this_and_the_rule_s_critics_in_delay_news(analyse, said, stance):
    body = METHANE_DELAY + said
    assert label(analyse(body, title="EPA pushes back methane deadlines for oil and gas wells"), "harbor-oil") == stance


@pytest.mark.parametrize("title, body, company, stance", [
    # revoking a state's rules is a rollback, so welcoming the action opposes the rules
    ("LIVE: Senate votes to revoke California's EV rules — reaction", "Live updates.\n\nKia America said "
     "the targets were “not achievable” and that it welcomed the Senate's action.", "kia-america", "oppose"),
    # keeping a margin at a level keeps the control: the news is the control
    ("Government shelves fuel price deregulation, keeps dealer margins", "The government will continue to fix fuel "
     "prices and keeps the dealer margin at Rs8.64 per litre. Harbor Oil Ltd. said the freeze ignored its costs and "
     "urged the ministry to scrap it.", "harbor-oil", "oppose"),
    ("India announces EV import duty scheme", "The ministry on Monday cut import duties for carmakers that invest "
     "locally. Mahindra & Mahindra said the scheme should exclude vehicles priced below $50,000.", "mahindra", "oppose"),
])
def test_revoked_rules_kept_margins_and_exclusions(analyse, title, body, company, stance):
    assert label(analyse(body, title=title), company) == stance


QUOTA_CUT = "Norway's fisheries ministry on Monday cut the 2026 cod quota by 20%. "


@pytest.mark.parametrize("said, stance", [
    ("“We are asking the ministry to use its flexibility and hold our share at this year's level,” said the manager "
     "of Harbor Fish AS.", "oppose"),
    ("The manager of Harbor Fish AS said the cut would cost the company about a quarter of its revenue.", "oppose"),
    ("“Without the 2030 obligation, no bank in Europe would lend to us,” the chief executive of Harbor Fish AS said.",
     "support"),
    ("Harbor Fish AS dismissed warnings of job losses from trawler owners as exaggerated.", "support"),
    ("Harbor Fish AS said the quota was the backbone of its business case.", "support"),
    # dismissing calls to suspend the rule is not dismissing the rule
    ("Harbor Fish AS dismissed calls from importers to suspend the cut.", "neutral"),
])
def test_holding_a_level_costs_counterfactuals_and_dismissed_warnings(analyse, said, stance):
    assert label(analyse(QUOTA_CUT + said), "harbor-fish") == stance


@pytest.mark.parametrize("body, absent", [
    ("Google, whose Play store is also covered by the law, did not file and declined to comment.", "play"),
    ("The government will ask its Copyright and AI Reference Group to consider a licensing framework.",
     "copyright-and-ai-reference-group"),
])
def test_a_product_after_whose_and_an_advisory_group_are_no_companies(core_resources, body, absent):
    from streams.core.entities import find_mentions
    mentions, local = find_mentions(body, core_resources.registry)
    assert absent not in {m.entity_id for m in mentions}
    assert not any(local[m.entity_id].is_company for m in mentions if m.entity_id in local)


DIGITAL_TAX = "Poland's finance ministry on Monday proposed a 3% tax on digital advertising revenue. "
TEXAS = "A Texas law requiring app stores to verify users' ages was challenged in federal court on Monday. "


@pytest.mark.parametrize("body, company, stance", [
    (DIGITAL_TAX + "Harbor Media SA welcomed the proposal and said it should be introduced “without delay”.",
     "harbor-media", "support"),
    (DIGITAL_TAX + "“A levy is simple fairness,” said the head of strategy at Harbor Media SA.", "harbor-media", "support"),
    (DIGITAL_TAX + "“The tax will breach Poland's trade commitments and invite retaliation,” said a Harbor Media SA "
     "spokesperson.", "harbor-media", "oppose"),
    (TEXAS + "Harbor Media SA filed a declaration in support of the plaintiffs' motion.", "harbor-media", "oppose"),
    (TEXAS + "Harbor Media SA urged the court to let the law stand.", "harbor-media", "support"),
])
def test_without_delay_fairness_retaliation_and_court_sides(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


EV_PAUSE = "Ottawa on Thursday paused the EV availability standard. "
TANK_CARS = "Regulators on Monday refused to extend the deadline for retrofitting older tank cars. "


@pytest.mark.parametrize("body, company, stance", [
    (EV_PAUSE + "Harbor Motors Ltd. said the pause had slowed orders. Its chief executive said Harbor had urged the "
     "government in written submissions to reinstate the 2026 target.", "harbor-motors", "support"),
    (EV_PAUSE + "An analyst said Harbor Motors Ltd. had lobbied against the standard.", "harbor-motors", "oppose"),
    (EV_PAUSE + "Harbor Motors Ltd.'s president said the standard was the demand signal for every battery investment "
     "and called for it to be restored quickly.", "harbor-motors", "support"),
    (EV_PAUSE + "Harbor Motors Ltd. said the people celebrating were wrong: “The carmakers who say the rule was "
     "impossible are the same ones who promised to meet it.”", "harbor-motors", "support"),
    (TANK_CARS + "Harbor Rail Ltd. said the decision was the right one.", "harbor-rail", "support"),
    (TANK_CARS + "Harbor Rail Ltd. said the refusal would raise its freight costs by up to 8%.", "harbor-rail", "oppose"),
    (TANK_CARS + "“We've been told to comply with a deadline that the car builders themselves can't meet,” said the "
     "chief operating officer of Harbor Rail Ltd.", "harbor-rail", "neutral"),
])
def test_reported_acts_parties_answered_and_deadlines_refused(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


def test_a_person_named_in_a_possessive_role_after_the_content_is_the_next_she(analyse):
    body = ("The shipping levy was adopted on Friday. Harbor Lines Ltd. said it would comply. A spokesman declined to "
            "say more. Trafigura, the commodities trader, had no quarrel with a global carbon price, its global head "
            "of shipping, Liesl Moreau, told a side event on Wednesday. “We want it adopted this year,” she said.")
    analysis = analyse(body)
    last = [e for e in analysis.events if e.statement_index == 4]
    assert [(e.company_id, e.speaker) for e in last] == [("trafigura", "Liesl Moreau")]


PLASTICS = "Negotiators on Monday proposed a global cap on plastic production. "


@pytest.mark.parametrize("body, company, stance", [
    (PLASTICS + "Harbor Chem Ltd. said it could not accept “arbitrary limits on a lawful industry”.", "harbor-chem",
     "oppose"),
    (PLASTICS + "Harbor Chem Ltd. said the cap would cost jobs. Jakob Reinholt, chief executive of Loop Circular "
     "Recycling GmbH, rounded on the previous speaker.", "loop-circular-recycling", "support"),
])
def test_a_negated_verb_before_a_quotation_and_rounding_on_a_speaker(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


CAPITAL_DELAY = "The regulator on Friday delayed the new capital rules by another year. "
SHIRT_BAN = "The league on Monday banned gambling sponsors from the front of match shirts. "


@pytest.mark.parametrize("body, company, stance", [
    (CAPITAL_DELAY + "“Every delay carries a cost, and a further delay serves nobody,” said the finance director of "
     "Harbor Bank plc.", "harbor-bank", "support"),
    (CAPITAL_DELAY + "Harbor Bank plc said it had written to the Treasury asking it to hold the regulator to the 2027 "
     "date.", "harbor-bank", "support"),
    (SHIRT_BAN + "Harbor Bet Ltd. called the ban “gesture politics” that would change nothing.", "harbor-bet", "oppose"),
    (SHIRT_BAN + "Harbor Bet Ltd. said it had asked the league to review the rule after two seasons.", "harbor-bet",
     "oppose"),
    (SHIRT_BAN + "Harbor Bet Ltd. said it would have to discard stock and asked for an 18-month sell-through period.",
     "harbor-bet", "oppose"),
])
def test_costs_of_delay_dates_held_gestures_reviews_and_sell_through(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


QUOTA_KEPT = "The ministry on Monday kept the cement export quota at 10 million tonnes for 2026. "


@pytest.mark.parametrize("said, stance", [
    ("Harbor Cement Co. said a temporary increase of the cap to 15 million tonnes was “urgently needed”.", "oppose"),
    ("Harbor Cement Co. backed the current quota and warned that liberalisation could repeat the price spike of 2021.",
     "support"),
])
def test_a_raised_cap_is_a_relief_and_a_warning_about_liberalisation_backs_the_rule(analyse, said, stance):
    assert label(analyse(QUOTA_KEPT + said), "harbor-cement") == stance


PHARMA = "EU negotiators on Wednesday agreed the pharmaceutical package. "


@pytest.mark.parametrize("said, stance", [
    # falling short of what Europe needs to compete wants less rule, not more
    ("Harbor Pharma AG said the agreement “falls short of what Europe needs to compete for investment”.", "oppose"),
    ("Harbor Pharma AG said it did not go far enough.", "support"),
    ("Harbor Pharma AG wants baseline protection kept at today's eight years.", "oppose"),
])
def test_falling_short_of_competing_and_keeping_today_s_level(analyse, said, stance):
    assert label(analyse(PHARMA + said), "harbor-pharma") == stance


WAGE = "The city council on Monday raised the fast-food minimum wage to $22. "


@pytest.mark.parametrize("body, company, stance", [
    # what the speaker has heard others say is a view answered, not the speaker's own
    (WAGE + "“I've heard for two years that this wage would kill us. We added nine stores,” said the chief executive "
     "of Harbor Foods Inc.", "harbor-foods", "support"),
    (WAGE + "Jerome Tatum, who owns 22 restaurants through Harbor Foods Inc., told the council the wage was a disaster.",
     "harbor-foods", "oppose"),
    (WAGE + "While Harbor Foods Inc. said it would use every avenue to overturn the decision, Tesco welcomed it.",
     "harbor-foods", "oppose"),
    (WAGE + "Harbor Foods Inc. said it supports fair pay but that the guidance arrived “far too late for a June start.”",
     "harbor-foods", "oppose"),
    (WAGE + "Harbor Foods Inc. said the council should go beyond the state minimum.", "harbor-foods", "support"),
])
def test_claims_heard_owners_through_overturning_and_going_beyond(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


def test_a_weak_organisation_word_with_a_group_appositive_stays_an_organisation(core_resources):
    from streams.core.entities import find_mentions
    body = "The Employment Policies Institute, a group funded partly by restaurant companies, disputed the findings."
    mentions, local = find_mentions(body, core_resources.registry)
    assert [local[m.entity_id].type for m in mentions] == ["organisation"]


SWIPE = "A Senate committee on Tuesday heard testimony on a bill to open credit-card routing to rival networks. "


@pytest.mark.parametrize("body, stance", [
    (SWIPE + "Harbor Card Inc. said the bill would force banks to route transactions over networks with weaker "
     "security.", "oppose"),
    (SWIPE + "Harbor Card Inc. asked senators to adopt the looser “reasonably necessary” test used in Connecticut.",
     "oppose"),
    (SWIPE + "Harbor Card Inc. argued that the bill would “end rewards as Americans know them.”", "oppose"),
    (SWIPE + "“Pass it as written,” the owner of Harbor Card Inc. told the committee.", "support"),
    (SWIPE + "“We would have gone further and capped network fees,” said the chief executive of Harbor Card Inc.",
     "support"),
])
def test_weaker_things_that_are_no_rule_ending_rewards_and_passing_it_as_written(analyse, body, stance):
    assert label(analyse(body), "harbor-card") == stance


NSF = "Ottawa on Monday capped non-sufficient-funds fees at $10. "


@pytest.mark.parametrize("said, stance", [
    ("“We're glad Ottawa finally capped it,” said the chief executive of Harbor Bank Inc.", "support"),
    ("Harbor Bank Inc. said the rules brought “security and predictability” to the sector.", "support"),
    ("Harbor Bank Inc. said it offers support programmes to help customers manage costs.", "neutral"),
    ("Harbor Bank Inc. said it supported fair fees in principle but that the government should slow the pace of "
     "future cuts and pair them with tax relief.", "oppose"),
])
def test_glad_ottawa_acted_pressure_resisted_and_support_that_is_no_stance(analyse, said, stance):
    assert label(analyse(NSF + said), "harbor-bank") == stance


@pytest.mark.parametrize("body, name", [
    ("Cosmolot, whose app is one of the most downloaded gambling apps in Ukraine, said it backed the ban.", "Cosmolot"),
    ("“It restores a level playing field,” said Nikos Karras, general manager at Lampsa Hellenic Hotels.",
     "Lampsa Hellenic Hotels"),
])
def test_a_business_s_app_and_a_general_manager_name_a_company(core_resources, body, name):
    from streams.core.entities import find_mentions
    mentions, local = find_mentions(body, core_resources.registry)
    assert [(m.surface, local[m.entity_id].type) for m in mentions] == [(name, "company")]


@pytest.mark.parametrize("said, stance", [
    ("Harbor Bank Inc. also said it had “reservations”.", "oppose"),
    ("“Capping fees is the bottom line and we fully agree,” a Harbor Bank Inc. spokesperson said.", "support"),
    ("Harbor Bank Inc. said it would make its systems compliant ahead of schedule.", "support"),
    ("Harbor Bank Inc. said it asked Ottawa to make clear that business accounts fall outside the cap.", "oppose"),
    # past compliance and overdue bills are no view of the new rule
    ("Harbor Bank Inc. said its operations “have always complied with local laws”.", "neutral"),
    ("Harbor Bank Inc. said it could not lend to firms with overdue commercial bills.", "neutral"),
])
def test_reservations_agreement_early_compliance_and_exclusions(analyse, said, stance):
    assert label(analyse(NSF + said), "harbor-bank") == stance


@pytest.mark.parametrize("said, stance", [
    ("Harbor Bank Inc. called the cap “the right change, done the right way”.", "support"),
    ("Harbor Bank Inc. called the rules “a meaningful step toward a fairer market”.", "support"),
    ("Harbor Bank Inc. said its systems were ready and called the deadline “entirely achievable”.", "support"),
    ("“Customers paid too much for years. This fixes that,” said the chief executive of Harbor Bank Inc.", "support"),
    ("Harbor Bank Inc. said it had waited years for Ottawa to stop penalizing small savers.", "support"),
    ("Harbor Bank Inc. said the cap should never have been proposed.", "oppose"),
    ("Harbor Bank Inc. urged senators to strip the cap out of the bill.", "oppose"),
    ("Harbor Bank Inc. said it would press the board to restore the old fee schedule.", "oppose"),
])
def test_right_changes_meaningful_steps_fixes_and_stripping_out(analyse, said, stance):
    assert label(analyse(NSF + said), "harbor-bank") == stance


def test_glad_it_is_gone_opposes_the_rule_a_rollback_removed(analyse):
    body = ("Ottawa on Monday scrapped its cap on non-sufficient-funds fees. Harbor Bank Inc. said: “We're glad it's "
            "gone, and frankly it should never have been proposed.”")
    assert label(analyse(body), "harbor-bank") == "oppose"


@pytest.mark.parametrize("said, stance", [
    ("The strongest criticism came from Harbor Bank Inc., a Leeds-based lender.", "oppose"),
    ("Support for the cap came from Harbor Bank Inc., a Leeds-based lender.", "support"),
])
def test_a_view_that_came_from_a_company_is_its_own(analyse, said, stance):
    assert label(analyse(NSF + said), "harbor-bank") == stance


@pytest.mark.parametrize("said, stance", [
    ("Harbor Bank Inc. said Ottawa had done the right thing.", "support"),
    ("“This is exactly the kind of policy that brings new lenders in,” said the chief executive of Harbor Bank Inc.",
     "support"),
    ("“Exempting credit unions guts the rule,” said the chief executive of Harbor Bank Inc.", "support"),
    ("“If they cap fees, small lenders like ours go under,” said the chief executive of Harbor Bank Inc.", "oppose"),
    ("Harbor Bank Inc. urged Ottawa to keep credit unions in scope.", "support"),
    # a schedule agreed with a regulator is no agreement with the rule
    ("Harbor Bank Inc. said it would finish the work in 2027, in line with the schedule agreed with regulators.",
     "neutral"),
])
def test_right_things_kinds_of_policy_gutting_going_under_and_schedules(analyse, said, stance):
    assert label(analyse(NSF + said), "harbor-bank") == stance


@pytest.mark.parametrize("said, stance", [
    ("Harbor Bank Inc. said stronger enforcement “protects neighborhoods” and urged Ottawa to fund inspectors.", "support"),
    ("Harbor Bank Inc. said the cap “brings order to a market under strain”.", "support"),
    ("“This is the best thing Ottawa has done for savers in years,” said the chief executive of Harbor Bank Inc.",
     "support"),
    ("Harbor Bank Inc. said the cap would “unlock thousands of new accounts”.", "support"),
    ("Harbor Bank Inc. called the cap “expropriation in slow motion”.", "oppose"),
    ("Harbor Bank Inc. said fee caps have “failed everywhere they have been tried” and would choke off credit.", "oppose"),
    ("Harbor Bank Inc. said the rule misdiagnoses the problem.", "oppose"),
    ("Harbor Bank Inc. said it would reconsider two planned branch developments if the cap stood.", "oppose"),
    ("“The cap was set without regard to the cost of clearing cheques,” Harbor Bank Inc. said.", "oppose"),
])
def test_order_unlocking_expropriation_failure_and_investment_threats(analyse, said, stance):
    assert label(analyse(NSF + said), "harbor-bank") == stance


def test_being_relieved_follows_the_news(analyse):
    body = "Ottawa on Monday delayed its cap on non-sufficient-funds fees by two years. Harbor Bank Inc. said it was relieved."
    assert label(analyse(body), "harbor-bank") == "oppose"


@pytest.mark.parametrize("said, stance", [
    # obeying the law wherever it operates is no view of this rule; complying with this rule is
    ("Harbor Bank Inc. said it “will comply with the laws and regulations of the places where it operates”.", "neutral"),
    ("Harbor Bank Inc. said it will comply with the new cap.", "support"),
    ("Harbor Bank Inc. called on Ottawa to remove the “small account fee condition”.", "oppose"),
])
def test_compliance_with_the_law_everywhere_and_removing_a_condition(analyse, said, stance):
    assert label(analyse(NSF + said), "harbor-bank") == stance


@pytest.mark.parametrize("said, stance", [
    ("Harbor Bank Inc. said the cap would “restore discipline to a market that was being destroyed”.", "support"),
    ("“The cap is the best policy this country has had in a generation,” said the chief executive of Harbor Bank Inc.",
     "support"),
    ("Harbor Bank Inc., which lobbied for the cap, defended it against those critics.", "support"),
    ("“This is a day savers have waited more than a decade for,” said the chief executive of Harbor Bank Inc.", "support"),
    ("“Capping fees is the most important consumer reform in decades,” said the chief executive of Harbor Bank Inc.",
     "support"),
    ("Harbor Bank Inc. said the cap would deter exactly the investment the sector needs.", "oppose"),
    ("Harbor Bank Inc. said the cap would hit small lenders already struggling with costs.", "oppose"),
    ("Harbor Bank Inc. said Ottawa had “missed an opportunity”.", "oppose"),
    ("Harbor Bank Inc. said it would have to close 40 branches.", "oppose"),
    ("Harbor Bank Inc. urged ministers to slow the increase of the fee floor.", "oppose"),
    ("Harbor Bank Inc. urged Ottawa not to water the bill down.", "support"),
])
def test_discipline_best_policies_defence_waiting_deterrence_and_hits(analyse, said, stance):
    assert label(analyse(NSF + said), "harbor-bank") == stance


def test_the_first_good_news_follows_the_news(analyse):
    body = "Ottawa on Monday delayed its cap on non-sufficient-funds fees by two years. “It's the first good news " \
           "this industry has had in three years,” said the chief executive of Harbor Bank Inc."
    assert label(analyse(body), "harbor-bank") == "oppose"


@pytest.mark.parametrize("said, stance", [
    ("Harbor Bank Inc. appealed to the federal government to suspend the cap for 12 months.", "oppose"),
    ("Harbor Bank Inc., the country's largest lender, said it stood by the regulator.", "support"),
    ("Harbor Bank Inc. said the cap would drive customers back to informal lenders.", "oppose"),
    ("Harbor Bank Inc. said the disclosure rule raised privacy concerns.", "oppose"),
    ("Harbor Bank Inc. said it had discontinued all paid contests in compliance with the law.", "neutral"),
    # a managing director abbreviated is still the company's voice for a later "he"
    ("Tom Reyes, MD of Harbor Bank Inc., spoke in Toronto. “We will cut jobs,” he said, adding that small lenders "
     "should be exempted.", "oppose"),
])
def test_appeals_to_government_standing_by_driving_away_and_md(analyse, said, stance):
    assert label(analyse(NSF + said), "harbor-bank") == stance


@pytest.mark.parametrize("said, stance", [
    ("Harbor Bank Inc. said the cap would simply push costs onto households that borrow more.", "oppose"),
    ("Harbor Bank Inc. said the cap was “well-intentioned but badly targeted”.", "oppose"),
    ("Harbor Bank Inc. said the provision was “a blank cheque” for the big banks.", "oppose"),
    ("“We support fair fees, but not a blank cheque,” a Harbor Bank Inc. spokesperson said.", "oppose"),
    ("Harbor Bank Inc. said its fees would be updated in line with the determination.", "neutral"),
    ("Harbor Bank Inc. has asked the regulator to send the decision to the tribunal for redetermination.", "oppose"),
])
def test_pushing_costs_targeting_blank_cheques_and_redetermination(analyse, said, stance):
    assert label(analyse(NSF + said), "harbor-bank") == stance


@pytest.mark.parametrize("said", [
    "Harbor Bank Inc. said critics of the cap were crying wolf.",
    "Harbor Bank Inc. said the big lenders were “crying wolf” about the cap.",
    "“Those crying wolf about the cap have been wrong for years,” said the chief executive of Harbor Bank Inc.",
])
def test_crying_wolf_is_said_of_the_rule_s_critics(analyse, said):
    assert label(analyse(NSF + said), "harbor-bank") == "support"


@pytest.mark.parametrize("said, stance", [
    ("Harbor Bank Inc. said Ottawa had not gone far enough.", "support"),
    ("“We are ready to carry our share,” the chief executive of Harbor Bank Inc. said.", "support"),
    ("“We would have liked to see this five years ago,” the chief executive of Harbor Bank Inc. said.", "support"),
    ("Harbor Bank Inc. said the cap “hands a windfall to the largest retailers”.", "oppose"),
    ("Harbor Bank Inc. questioned the need for a permanent cap.", "oppose"),
    ("Harbor Bank Inc. said the cap would amount to “retrospective taxation”.", "oppose"),
    ("Harbor Bank Inc. said the cap added “an unwelcome layer of complexity”.", "oppose"),
    ("Harbor Bank Inc. said the cap breaches the trade agreement.", "oppose"),
    ("Harbor Bank Inc. urged Ottawa to restrict the cap to the largest banks.", "oppose"),
    ("Harbor Bank Inc. said each delay discourages investment.", "support"),
])
def test_shares_windfalls_needs_retrospection_complexity_breaches_and_scope(analyse, said, stance):
    assert label(analyse(NSF + said), "harbor-bank") == stance


@pytest.mark.parametrize("said, stance", [
    ("Harbor Bank Inc. said the cap “is what we have been requesting for years”.", "support"),
    ("“Finally someone in Ottawa is doing something about it,” the chief executive of Harbor Bank Inc. said.", "support"),
    ("“This is a step toward fees customers can trust,” a Harbor Bank Inc. spokesperson said.", "support"),
    ("Harbor Bank Inc. said the cap would “level the field” with the big banks.", "support"),
    ("Harbor Bank Inc. said the selection criteria had been “opaque”.", "oppose"),
    ("Harbor Bank Inc. said the cap would remove the incentives lenders use to negotiate lower net prices.", "oppose"),
    ("Harbor Bank Inc. said the cap gave small lenders little reason to launch new accounts.", "oppose"),
])
def test_requests_met_finally_acting_steps_fields_and_incentives(analyse, said, stance):
    assert label(analyse(NSF + said), "harbor-bank") == stance


# a reaction of relief follows the news, and "At X," frames X's view
@pytest.mark.parametrize("said", [
    "At Harbor Bank Inc. the reaction is one of relief.",
    "At Harbor Bank Inc., the reaction is one of relief.",
])
def test_at_a_company_the_reaction_is_its_own(analyse, said):
    body = "Berlin on Tuesday scrapped the supply-chain reporting duty. " + said
    assert label(analyse(body), "harbor-bank") == "oppose"
