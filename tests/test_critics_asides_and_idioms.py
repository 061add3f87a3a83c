"""Critics answered, asides between a subject and its verb, preconditions, and idioms of
stance met in articles from continental Europe and on health and food rules.

Every article here is written for the test; none comes from a gold set.
"""
from __future__ import annotations

import pytest

from tests.test_news_and_discourse import label

SUGAR = "The government on Monday adopted a levy on sugary drinks that takes effect in April. "
LEVY = "The government on Monday adopted a levy on online marketplaces that takes effect in April. "
DELAY = "The Commission on Monday postponed the due-diligence rules by two years. "
SCRAPPED = ("The government on Tuesday scrapped the reporting duties of its supply-chain law, after scrapping the "
            "fines that came with them in March. ")


def test_an_absolute_phrase_after_a_relative_clause_is_no_verb(analyse):
    body = ("The ministry on Monday launched a deposit-return scheme for bottles. Brenvik Foods AS, which runs "
            "400 shops, most of them too small to be covered, said it had voluntarily joined the scheme.")
    assert label(analyse(body), "brenvik-foods") == "support"


def test_a_that_clause_after_a_closed_appositive_is_no_relative_clause(analyse):
    body = DELAY + ("Kestrel Chemicals SE, the country's largest paint maker, made no secret of its view that the "
                    "rules were unworkable and publicly welcomed the postponement.")
    assert label(analyse(body), "kestrel-chemicals") == "oppose"


def test_a_relative_clause_of_the_appositive_still_is_one(analyse):
    body = LEVY + "Corvin Ltd., the retailer that sells most of its goods online, said it opposed the levy."
    assert label(analyse(body), "corvin") == "oppose"


@pytest.mark.parametrize("founder", ["Inés Ferrari", "Øystein Ferrari"])
def test_a_founder_s_surname_is_no_company_whatever_the_letters_of_the_first_name(analyse, founder):
    body = LEVY + ("Halden Stays S.L. filed an appeal. “We paid for our licences in good faith,” said its founder, "
                   f"{founder}.")
    analysis = analyse(body)
    assert "ferrari" not in {e.company_id for e in analysis.events}
    assert label(analysis, "halden-stays") == "oppose"


@pytest.mark.parametrize("said, stance", [
    # the critics answered: whatever they say counts for the rule
    ("“Those shouting protectionism want to keep prices high,” said Ann Lee, chief executive of Corvin Ltd.",
     "support"),
    ("“The people predicting disaster said exactly the same thing about the minimum wage,” said Ann Lee, "
     "chief executive of Corvin Ltd.", "support"),
    ("Corvin Ltd. said the landlords predicting collapse had predicted the same thing in 2015.", "support"),
    ("Corvin Ltd. said it was predicting disaster for small sellers.", "oppose"),
    # an exodus warned of is a harm, no rollback that turns the warning
    ("Corvin Ltd. said the platforms warning of an exodus were wrong.", "support"),
    ("Corvin Ltd. warned of an exodus of small sellers.", "oppose"),
])
def test_the_critics_answered(analyse, said, stance):
    assert label(analyse(LEVY + said), "corvin") == stance


@pytest.mark.parametrize("said, stance", [
    ("Corvin Ltd. said the levy levels the playing field.", "support"),
    ("Corvin Ltd. said the levy puts everyone on the same footing.", "support"),
    ("Corvin Ltd. said the levy was the right instrument.", "support"),
    ("“To be clear, we are not against taxing platforms. We just think this levy is the wrong tool,” Corvin Ltd.’s "
     "chief executive said.", "oppose"),
    ("Corvin Ltd. said the levy treated consumers like children.", "oppose"),
    ("Corvin Ltd. called the levy paternalistic.", "oppose"),
    ("Corvin Ltd. said the levy would be passed on to the small businesses that sell on its marketplace.", "oppose"),
    ("Corvin Ltd. said the government was taxing online retail into the ground.", "oppose"),
    ("“Retailers are treated as a cash cow every time the budget is short,” Corvin Ltd.’s chief executive said.",
     "oppose"),
    ("Corvin Ltd. said it had cut planned investments in the country by a third.", "oppose"),
    ("Corvin Ltd. said the levy would worsen an already severe shortage of drivers.", "oppose"),
    ("Corvin Ltd. said it had asked the regional government to lobby the capital against the levy.", "oppose"),
    ("Corvin Ltd. said the levy was designed to shield incumbents from competition.", "oppose"),
    ("Corvin Ltd. said the government was ignoring reality.", "oppose"),
    ("Corvin Ltd. said it backed the levy and opposed any attempt to exclude large sellers.", "support"),
    # what the rule lets the speaker do; critics' complaints dismissed, whoever's they are
    ("Corvin Ltd. said the levy would let it run at full capacity for the first time.", "support"),
    ("Corvin Ltd. said a delay would let it run at full capacity.", "oppose"),
    ("Corvin Ltd. spoke next, dismissing the retailers' complaints.", "support"),
    ("Corvin Ltd. argued the levy would create a two-tier market.", "oppose"),
    ("Corvin Ltd. said the levy “distorts the market in favour of two companies”.", "oppose"),
    ("Corvin Ltd. called the levy “regressive” in a statement.", "oppose"),
    ("Corvin Ltd. said it would back the levy “without the carve-outs others are asking for”.", "support"),
    ("Corvin Ltd. said it would back the levy without the exemptions others are asking for.", "support"),
    # a request's wildcard ("campaigned * for") does not swallow a cue that asks for nothing more
    ("Corvin Ltd. said it had campaigned for the levy for two years.", "support"),
    ("Corvin Ltd. urged the government to bring the 35% rate forward to January.", "support"),
    ("“The levy simply puts everybody on the same starting line,” Corvin Ltd.’s chief executive said.", "support"),
    ("Corvin Ltd. called the levy “the right policy”.", "support"),
    ("Corvin Ltd. said it wanted the government to go further and tax imports too.", "support"),
    ("Corvin Ltd. said the levy was “the minimum protection small sellers deserve”.", "support"),
    ("Corvin Ltd. called the levy “the strongest marketplace law in Asia”.", "support"),
    ("Corvin Ltd. said the levy “treats small shops like criminals”.", "oppose"),
    ("Corvin Ltd. said it would move four planned hires abroad, and it urged parliament to block the levy.", "oppose"),
    ("Corvin Ltd. said the levy “puts the country at the front of the pack.”", "support"),
    ("Corvin Ltd. said it had advocated for the levy since 2024.", "support"),
    ("Corvin Ltd. said the levy's strict reporting rules were “a feature, not a bug.”", "support"),
    ("Corvin Ltd. said it would move the project to Singapore.", "oppose"),
    ("“This is a levy for incumbents,” Corvin Ltd.’s founder said. “This is a law for incumbents.”", "oppose"),
    ("Corvin Ltd. said it would back extending the levy to smaller sellers.", "support"),
    ("“When most small sellers lose money on fake reviews, the regulator has to act,” Corvin Ltd.’s chief executive "
     "said.", "support"),
    ("Corvin Ltd. called on the government to bring phase two forward by a year.", "support"),
    ("Corvin Ltd. said the levy made online shops “a cash machine for the budget”.", "oppose"),
    ("Corvin Ltd. said the levy “protects incumbents, not shoppers”.", "oppose"),
    ("Corvin Ltd. said the levy “locks in one marketplace's dominance”.", "oppose"),
    ("Corvin Ltd. said the levy had already cost it two large contracts.", "oppose"),
    ("“With the levy as drafted, our business plan is dead,” Corvin Ltd.’s founder said.", "oppose"),
    ("“The country has just rejoined the 21st century,” Corvin Ltd.’s chief executive said.", "support"),
    ("Corvin Ltd. said the levy would give sellers the certainty they had been asking for.", "support"),
    ("Corvin Ltd. asked the ministry to end the levy early.", "oppose"),
    ("Corvin Ltd. said it would not be forced to pay for sales it did not make.", "oppose"),
    ("Corvin Ltd. told the committee the levy was “a digital services tax by another name”.", "oppose"),
    ("“The levy was built on the false premise that we take value from sellers,” a Corvin Ltd. spokesperson said.",
     "oppose"),
    ("Corvin Ltd. said it would not expand in the country until the levy was relaxed for small sellers.", "oppose"),
    ("“For years we have explained to angry customers why a 30-euro parcel cost 70. The levy is right,” Corvin "
     "Ltd.’s chief executive said.", "support"),
    ("“This is a good day for small sellers,” Corvin Ltd.’s chief executive said.", "support"),
    ("“This is a sad day for small sellers,” Corvin Ltd.’s chief executive said.", "oppose"),
])
def test_idioms_of_stance(analyse, said, stance):
    assert label(analyse(LEVY + said), "corvin") == stance


def test_a_good_day_is_good_for_whatever_the_news_did(analyse):
    repeal = "Parliament on Monday repealed the levy on mobile-money transfers. The repeal takes effect in April. "
    assert label(analyse(repeal + "“Today is a good day for financial inclusion,” Corvin Ltd.’s chief executive said."),
                 "corvin") == "oppose"


@pytest.mark.parametrize("said, stance", [
    ("Corvin Ltd. has asked for a fresh impact assessment before any further rules are adopted.", "oppose"),
    ("Corvin Ltd. wants a public consultation on the costs before the rules are adopted.", "oppose"),
    ("Corvin Ltd. has urged lawmakers to adopt the rules before the summer.", "support"),
])
def test_what_is_asked_for_before_a_rule_is_adopted_delays_it(analyse, said, stance):
    assert label(analyse(DELAY.replace("postponed", "proposed") + said), "corvin") == stance


def test_a_campaign_for_the_law_years_ago_was_for_the_rule(analyse):
    body = SCRAPPED + ("Tchibo said the decision sent the wrong signal. The company was one of the few large "
                       "retailers that publicly campaigned for the law in 2021.")
    assert label(analyse(body), "tchibo") == "support"


@pytest.mark.parametrize("said, company", [
    ("Antje Keller, chief executive of outdoor outfitter Vaudrel, said the levy was wrong-headed.", "vaudrel"),
    ("Meatora, another Dutch developer, opposed the levy.", "meatora"),
    ("Reclamebureau Vuurlicht, a Scheveningen advertising agency whose clients include car dealerships, said it "
     "had joined a legal challenge.", "reclamebureau-vuurlicht"),
])
def test_brands_outfitters_and_advertising_agencies_are_companies(analyse, said, company):
    assert label(analyse(LEVY + said), company) == "oppose"


def test_a_government_agency_is_still_no_company(analyse):
    assert not analyse(LEVY + "Vuurlicht, a government agency, opposed the levy.").events


def test_a_relative_clause_before_a_trailing_said_is_an_aside(analyse):
    body = DELAY + ("“This is a sensible decision at a difficult moment for exporters,” a spokeswoman for Diageo, "
                    "which brews Guinness in Dublin, said.")
    assert label(analyse(body), "diageo") == "oppose"


def test_a_business_association_is_no_company_of_the_story(analyse):
    body = SUGAR + ("Corvin Ltd. said it had no view on the levy. The national business association ANDI has asked "
                    "the government to use part of the revenue to support small shopkeepers.")
    assert label(analyse(body), "corvin") == "neutral"


def test_a_title_abbreviation_before_a_first_name_makes_a_person(analyse):
    body = SUGAR + "When Rep. Daniel Kemper asked whether the levy would hurt sales, Corvin Ltd. said it opposed it."
    analysis = analyse(body)
    assert "kemper" not in {e.company_id for e in analysis.events}
    assert label(analysis, "corvin") == "oppose"


@pytest.mark.parametrize("said, stance", [
    ("Corvin Ltd. said it did not comment on the lawsuit.", "neutral"),
    ("“We are not against health; we are against a tax that will shut factories,” said Ann Lee, chief executive of "
     "Corvin Ltd.", "oppose"),
    ("Corvin Ltd. said it was not against the levy.", "support"),
    ("Corvin Ltd. backed the levy, saying claims it would destroy jobs were not borne out by the evidence.", "support"),
    ("Corvin Ltd. has urged the regulator to exempt small sellers, an idea the ministry again rejected.", "oppose"),
    ("Brenvik AS said the levy would hurt sales. Corvin Ltd., the maker of Corvo crisps, has made similar arguments.",
     "oppose"),
    ("Corvin Ltd. said the levy was working.", "support"),
    ("Corvin Ltd. called the levy a major step toward healthier diets.", "support"),
    ("Corvin Ltd. said the levy is what dentists have wanted for twenty years.", "support"),
    ("Corvin Ltd. said the levy would cost it tens of millions of pounds a year.", "oppose"),
    ("Corvin Ltd. called the levy a blunt measure that damages the creative economy.", "oppose"),
    ("Corvin Ltd. said it had laid off 18 staff and would close six stores.", "oppose"),
])
def test_what_companies_say_of_a_sugar_levy(analyse, said, stance):
    assert label(analyse(SUGAR + said), "corvin") == stance


@pytest.mark.parametrize("said, stance", [
    ("Corvin Ltd. said the government had blinked.", "support"),
    ("Corvin Ltd. said the government had caved in to the drinks lobby.", "support"),
])
def test_a_government_that_backed_down_is_blamed_for_the_news(analyse, said, stance):
    assert label(analyse(DELAY + said), "corvin") == stance


@pytest.mark.parametrize("body, absent", [
    ("LIMA (Wire). The Ministry of Production (Produce) published new anchovy rules on Sunday. According to Produce, "
     "the measure protects the biomass. The company Pesquera Norte S.A. questioned the rule and asked Produce to "
     "suspend it. Produce did not respond to questions.", "produce"),
    (LEVY + "The tax agency ARCA said it would audit the registrations. Corvin Ltd. opposed the levy.",
     "arca-continental"),
    (LEVY + "Stone Co., the Nasdaq-listed acquirer, welcomed the levy in a securities filing.", "nasdaq"),
    (LEVY + "Public-health group Vida Sana Ahora said the levy was necessary. Corvin Ltd. opposed it.",
     "vida-sana-ahora"),
])
def test_public_bodies_short_names_venues_and_health_groups_are_no_companies(analyse, body, absent):
    assert absent not in {e.company_id for e in analyse(body).events}


def test_a_bare_appositive_after_a_company_leaves_it_the_subject(analyse):
    analysis = analyse(LEVY + "Corvin Ltd., owner of The Sydney Morning Herald and The Age, urged senators to move "
                              "quickly.")
    assert [(e.company_id, e.role, e.stance) for e in analysis.events if e.company_id == "corvin"] == [
        ("corvin", "speaker", "support")]


def test_the_brands_a_bare_appositive_names_do_not_speak(analyse):
    analysis = analyse(LEVY + "Match Group Inc., owner of Tinder and Hinge, said it backs the levy.")
    assert [(e.company_id, e.role) for e in analysis.events if e.role == "speaker"] == [("match-group", "speaker")]


def test_a_group_named_after_its_description_is_not_the_company_of_the_story(analyse):
    analysis = analyse(LEVY + "Corvin Ltd. said the levy did not go far enough. The consumer-rights group Idec said "
                              "the exemption for snacks was a missed opportunity.")
    assert [(e.statement_index, e.company_id) for e in analysis.events if e.role == "speaker"] == [(1, "corvin")]


def test_a_company_s_own_short_name_in_brackets_is_still_the_company(analyse):
    body = LEVY + "Vietnam Cement Industry Corp. (Vicem) said it opposed the levy. Vicem will appeal."
    assert {e.company_id for e in analyse(body).events if e.stance == "oppose"} == {"vicem"}


def test_a_named_group_s_appositive_is_no_company_of_the_story(analyse):
    for group in ("Brasscom, the IT industry association, said it agreed with the spirit of the levy but wanted "
                  "changes.", "Article 19, the press-freedom group, warned that the new regulator lacks independence."):
        assert label(analyse(LEVY + "Corvin Ltd. said it would comply. " + group), "corvin") == "support"


def test_but_inside_an_appositive_s_relative_clause_is_no_new_clause(analyse):
    body = LEVY + ("Corvin Ltd., a Porto Alegre start-up that applied for a licence in August but is still awaiting "
                   "approval, said the levy locks out smaller firms.")
    assert label(analyse(body), "corvin") == "oppose"


@pytest.mark.parametrize("said, stance", [
    ("“We are not against investment. But the levy will hurt local manufacturers,” Corvin Ltd. said.", "oppose"),
    ("Corvin Ltd. said it was not against the levy.", "support"),
    ("“We are not against it,” Corvin Ltd. said.", "support"),
    ("Corvin Ltd. said the levy meant it could compete on equal terms.", "support"),
    ("Corvin Ltd. also expressed its approval.", "support"),
    ("Corvin Ltd. said a single clock is what investors need.", "support"),
    ("Corvin Ltd. said it would lose most of its contracts.", "oppose"),
    ("Corvin Ltd. called the levy a solution looking for a problem.", "oppose"),
])
def test_concessions_and_idioms_of_latin_american_news(analyse, said, stance):
    assert label(analyse(LEVY + said), "corvin") == stance


KIDS = "The state on Monday adopted a law on children's online safety that takes effect in July. "
EXTENDED = "Colorado lawmakers on Monday delayed the state's AI act by 16 months. "


@pytest.mark.parametrize("body, stance", [
    (KIDS + "Corvin Ltd. said it had signed nine clients since the appeals court ruling.", "neutral"),
    (KIDS + "Corvin Ltd. said some screens pop up a warning that scares people.", "neutral"),
    (EXTENDED + "Corvin Ltd. called the delay a mistake. “Every month this gets pushed back, more people get screened "
                "out by systems nobody has tested,” said its co-founder.", "support"),
    (EXTENDED + "“We are grateful for the extra time,” said the chief executive of Corvin Ltd.", "oppose"),
    (EXTENDED + "Corvin Ltd. called the delay a mistake and said the law does not go far enough.", "support"),
    (KIDS + "Corvin Ltd. said the law was the best thing that had happened to its business.", "support"),
    (KIDS + "Corvin Ltd. said the law was doing exactly what it should.", "support"),
    (KIDS + "Corvin Ltd. said requiring each app to verify ages was unworkable and that it supports a federal law "
            "requiring app stores to get parental approval instead.", "oppose"),
    (KIDS + "Corvin Ltd. said the law would create a supply shock.", "oppose"),
    # guards: a comparison and a plain fact
    (KIDS + "Corvin Ltd. welcomed one rulebook instead of 27.", "support"),
    (KIDS + "“The law is a historic step. The state has chosen to lead rather than lag,” Corvin Ltd.’s chief "
            "executive said.", "support"),
    (KIDS + "Corvin Ltd. had to idle a plant in May because of a shortage of chips.", "neutral"),
])
def test_nouns_that_are_no_cues_and_rules_preferred_instead(analyse, body, stance):
    assert label(analyse(body), "corvin") == stance


def test_fighting_a_regulator_s_lawsuit_is_no_attack_on_the_rule_s_critics(analyse):
    body = KIDS + "Corvin Ltd. is separately fighting a Federal Trade Commission lawsuit over its design practices."
    assert label(analyse(body), "corvin") != "support"


def test_a_very_different_message_takes_the_other_side(analyse):
    body = KIDS + ("Brenvik AS said the law was unworkable. Ana Osei, founder of Corvin Ltd., a tea subscription "
                   "company, has a very different message.")
    assert label(analyse(body), "corvin") == "support"


def test_a_chain_named_with_lower_case_words_and_a_county_are_no_other_companies(analyse):
    body = KIDS + ("Jack in the Box, which runs 950 restaurants in the state, opposed the law. Greenleaf Kitchen Co., "
                   "a chain in Los Angeles and Orange counties, backed it.")
    analysis = analyse(body)
    assert {e.company_id for e in analysis.events} == {"jack-in-the-box", "greenleaf-kitchen"}
    assert label(analysis, "jack-in-the-box") == "oppose"


REPEALED = "Congress on Wednesday voted to repeal the bureau's $5 cap on overdraft fees. "


@pytest.mark.parametrize("body, stance", [
    (REPEALED + "“Good riddance,” the chief executive of Corvin Ltd. told analysts.", "oppose"),
    (REPEALED + "Corvin Ltd. had no quarrel with the cap and called its repeal a step backward for customers.", "support"),
    (REPEALED + "Asked by an analyst whether repeal would prompt Corvin Ltd. to raise fees, its finance chief said the "
                "bank had no plans to change them.", "neutral"),
    (KIDS + "Corvin Ltd. said it was reviewing the complaint.", "neutral"),
    (KIDS + "Corvin Ltd. said it hoped the court would strike the law down.", "oppose"),
    (KIDS + "Corvin Ltd. said the law had been a significant headwind for its franchisees.", "oppose"),
    (KIDS + "Corvin Ltd. said the law would mean fewer hours and fewer restaurants.", "oppose"),
])
def test_a_repealed_cap_questions_put_and_court_hopes(analyse, body, stance):
    assert label(analyse(body), "corvin") == stance


@pytest.mark.parametrize("said, stance", [
    ("Corvin Ltd. said the levy had helped its business.", "support"),
    ("“It was good while it lasted. Make it permanent,” said the president of Corvin Ltd.", "support"),
    ("Corvin Ltd. said the levy restores its competitiveness.", "support"),
    ("“This is the framework the country should have had 20 years ago,” said the chief executive of Corvin Ltd.",
     "support"),
    ("“This is the signal the sector needed,” said the chief executive of Corvin Ltd.", "support"),
    ("Corvin Ltd.'s chief executive has spent two years lobbying lawmakers for a higher levy.", "support"),
    ("“The bottlers say this is an attack on the poor,” said the chief executive of Corvin Ltd.", "support"),
    # a party after a comma is no subject of the claim verb: the founder of a firm selling to restaurants says …
    ("Ana Lee, founder of Corvin Ltd., a start-up that sells software to independent restaurants, says the levy is "
     "unworkable.", "oppose"),
])
def test_what_a_levy_s_winners_say(analyse, said, stance):
    assert label(analyse(LEVY + said), "corvin") == stance


@pytest.mark.parametrize("body, absent", [
    (LEVY + "Golden Agri-Resources said in a filing to the Singapore Exchange that it opposed the levy.",
     "sgx"),
    (LEVY + "Exporters made disclosures to the BSE and the National Stock Exchange (NSE) under the listing rules. "
            "Corvin Ltd. opposed the levy.", "nse-india"),
    (LEVY + "Smallholder group Sawitku said farmgate prices had dropped. Corvin Ltd. opposed the levy.", "sawitku"),
])
def test_where_companies_file_and_farmers_groups_are_no_companies(analyse, body, absent):
    assert absent not in {e.company_id for e in analyse(body).events}


CAP = "The transport board on Monday capped surge pricing for ride-hailing apps. "


@pytest.mark.parametrize("body, stance", [
    (CAP + "Corvin Ltd. backed the cap. Carlo Manalo, a transport lawyer in Makati, said the circular could be "
           "challenged, though he said such challenges rarely succeed.", "support"),
    (CAP + "Corvin Ltd. said it supported a fair cap in principle but that it should be staged over two years, citing "
           "the withdrawal of cash support for drivers.", "oppose"),
    (CAP + "Corvin Ltd. declined to comment. Not every owner is opposed.", "neutral"),
    (CAP + "Corvin Ltd. said the cap deserves the industry's backing.", "support"),
    (CAP + "Corvin Ltd. said the cap was too high. “We will lobby for it to be cut back,” its chief executive said.",
     "oppose"),
    (CAP + "Corvin Ltd. called the cap a long-awaited correction.", "support"),
    (CAP + "“Drivers have been competing with one hand tied behind their backs,” said Corvin Ltd.'s founder.",
     "neutral"),
    (CAP + "“For a company our size this is the best news in years,” said the co-owner of Corvin Ltd.", "support"),
])
def test_lawyers_turns_quantified_owners_and_staged_increases(analyse, body, stance):
    assert label(analyse(body), "corvin") == stance


def test_the_planter_is_the_company_of_the_story(analyse):
    body = CAP + ("PT Agro Lestari Tbk took a harder line. The planter, controlled by the Astra group, asked the "
                  "government to delay the cap.")
    assert label(analyse(body), "pt-agro-lestari") == "oppose"


def test_a_dateline_in_capitals_is_no_company_named_after_its_city(analyse):
    body = ("BANGKOK, July 1 (Wire) – Thailand on Tuesday began charging VAT on imported parcels, which retailers "
            "blamed for cheap imports.\n\nBangkok Ceramic Studio Co., Ltd. welcomed the tax.")
    events = [e for e in analyse(body).events if e.company_id == "bangkok-ceramic-studio"]
    assert [e.statement_index for e in events] == [1]


def test_a_parent_named_in_a_participle_aside_does_not_speak(analyse):
    body = CAP + ("Corvin Ltd. opposed the cap. The company, owned by Germany's Delivery Hero, said it would comply "
                  "with the law but called the cap excessive.")
    analysis = analyse(body)
    assert label(analysis, "corvin") == "oppose"
    assert label(analysis, "delivery-hero") == "neutral"


def test_a_roundup_heading_in_capitals_names_its_company(analyse):
    body = CAP + "MATCH GROUP (Feb. 3)\n\nMatch's finance chief said the company opposed the cap."
    assert label(analyse(body), "match-group") == "oppose"


@pytest.mark.parametrize("said, stance", [
    ("The company wants a \"no-risk\" category that would exempt small operators.", "oppose"),
    ("The company said the fare thresholds should be lowered, not raised.", "neutral"),
])
def test_a_compound_s_no_negates_nothing_and_a_lowered_threshold_is_no_relief(analyse, said, stance):
    assert label(analyse(CAP + "Corvin Ltd. commented on the cap. " + said), "corvin") == stance


QUOTA = "The Senate on Monday adopted a local-content quota for streamers. "


@pytest.mark.parametrize("body, company", [
    (QUOTA + "Corvex Entertainment said it opposed the quota.", "corvex-entertainment"),
    (QUOTA + "Sun Valley TV Network, which also runs a streaming app, said it opposed the quota.", "sun-valley-tv-network"),
    (QUOTA + "Kalinda Studios said it opposed the quota.", "kalinda-studios"),
])
def test_names_ending_in_a_media_company_word_are_companies(analyse, body, company):
    assert label(analyse(body), company) == "oppose"


def test_a_government_services_centre_is_still_no_company(analyse):
    body = QUOTA + "The Centers for Medicare & Medicaid Services said the quota did not apply. Corvin Ltd. opposed it."
    assert {e.company_id for e in analyse(body).events} == {"corvin"}


@pytest.mark.parametrize("said, stance", [
    ("Corvin Ltd. said news would not return to its app unless the law was repealed.", "oppose"),
    ("Corvin Ltd. backed the quota and did not return calls about its costs.", "support"),
    ("Corvin Ltd. backed the quota. Its founder dismissed the streamers' claims that the quota would push up prices "
     "as scare tactics.", "support"),
])
def test_conditions_unreturned_calls_and_dismissed_claims(analyse, said, stance):
    assert label(analyse(QUOTA + said), "corvin") == stance


CAPITAL_RULE = "US regulators on Tuesday re-proposed the Basel capital rules with a longer phase-in. "


@pytest.mark.parametrize("said, stance", [
    ("“A rule that raises capital without any evidence of a shortfall is not a rule we can endorse,” said the head of "
     "regulatory policy at Corvin Ltd.", "oppose"),
    ("Corvin Ltd. backed the banking association's push to have the measure struck down in Congress.", "oppose"),
])
def test_rules_one_cannot_endorse_pushes_to_strike_down_and_a_bank_s_own_plans(analyse, said, stance):
    assert label(analyse(CAPITAL_RULE + said), "corvin") == stance


def test_a_worker_group_is_an_organisation(analyse):
    body = CAP + "Los Repartidores Unidos, a worker group, held a rally. Corvin Ltd. opposed the cap."
    assert {e.company_id for e in analyse(body).events} == {"corvin"}


def test_a_payment_scheme_named_by_its_speed_is_no_company(analyse):
    body = CAP + "Firms sending and receiving Faster Payments must refund victims. Corvin Ltd. opposed the cap."
    assert {e.company_id for e in analyse(body).events} == {"corvin"}


@pytest.mark.parametrize("body, absent", [
    (CAP + "Delta said it would appeal.\n\nHanna Bos, Schiphol's chief operating officer, said in a statement that "
           "the airport had its own plans.", "hanna-bos"),
    (CAP + "The cap, part of a package agreed by the ÖVP, SPÖ and NEOS parties, passed. Corvin Ltd. opposed it.",
     "neos"),
    (CAP + "ROSHN Group, the developer owned by the Public Investment Fund, backed the cap.", "pif"),
])
def test_a_person_with_a_role_a_party_and_a_sovereign_fund_are_no_companies(analyse, body, absent):
    assert absent not in {e.company_id for e in analyse(body).events}


@pytest.mark.parametrize("body, company", [
    ("The state capped prices. Confectioner Halden Waffelwerk & Comp AG, maker of wafers, opposed the cap.",
     "halden-waffelwerk-comp"),
    ("The state raised the mining tax.\n\nKelvira, which is building a lithium mine in Ostrobothnia, opposed the tax.",
     "kelvira"),
    ("The state raised the car tax.\n\nTallinna Kaubahall Grupp, whose car division sells Kia, opposed the tax.",
     "tallinna-kaubahall-grupp"),
])
def test_a_descriptor_opening_a_sentence_a_business_under_way_and_a_division(analyse, body, company):
    assert label(analyse(body), company) == "oppose"


def test_parties_now_calling_for_a_pause_are_answered(analyse):
    from tests.test_news_and_discourse import ADOPTION, label
    analysis = analyse(ADOPTION + "Harrow Finch Ltd. said the companies now calling for a pause “had three years and "
                       "spent them lobbying”.")
    assert label(analysis, "harrow-finch") == "support"
