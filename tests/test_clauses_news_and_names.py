"""Clause structure around the subject, the news read
from the lead, headings, acronyms, and cue phrases whose sense depends on what they point at.

Every article here is written for the test; none comes from a gold set.
"""
from __future__ import annotations

import pytest

from streams.core.entities import find_mentions
from streams.core.phrases import WORD
from tests.test_news_and_discourse import label

ADOPTION = "The ministry on Tuesday adopted a levy on online marketplaces that takes effect next year. "


def speakers(analysis) -> set[str]:
    return {e.company_id for e in analysis.events if e.role == "speaker"}


@pytest.mark.parametrize("body, company, stance", [
    # a subject that does not speak yet is the company a later clause or "a spokesperson" speaks for
    ("Harbor Air Ltd. did not address the proposal; a spokesperson instead said the airline opposed it.",
     "harbor-air", "oppose"),
    ("Harbor Air Ltd. was more measured in tone but no less opposed.", "harbor-air", "oppose"),
    # a relative clause inside the subject's appositive holds no verb of its own
    ("Harbor Air Ltd., the carrier that listed in Lisbon in December, said on Tuesday it opposed the levy.",
     "harbor-air", "oppose"),
    # a concessive aside after the subject
    ("Harbor Air Ltd., while saying it broadly accepted the aim, welcomed the decision to exempt small carriers.",
     "harbor-air", "oppose"),
    # "who runs", "who heads … for", before the verb and after a trailing speaker
    ("Dana Reyes, who runs Harbor Air Ltd., a Lisbon carrier, said the levy was a disaster.", "harbor-air", "oppose"),
    ("Reyes, who heads U.S. policy for Harbor Air Ltd., said the levy “gets the big things right.”",
     "harbor-air", "support"),
])
def test_who_speaks_in_the_subject(analyse, body, company, stance):
    assert label(analyse(ADOPTION + body), company) == stance


def test_a_who_clause_after_a_named_speaker_is_the_speakers(analyse):
    analysis = analyse(ADOPTION + "Harbor Air Ltd. sees it differently. “Kids find help,” said chief executive "
                       "Dana Reyes, who testified for the bill.")
    assert label(analysis, "harbor-air") == "support"


def test_a_subordinate_clause_after_an_intro_is_not_the_subject(analyse):
    analysis = analyse("Brussels delayed the rules again on Monday. Last year, when Brussels agreed to a second "
                       "12-month delay, the planter Palmira Bhd. was among the first to welcome the decision.")
    assert "palmira" in speakers(analysis)
    assert label(analysis, "palmira") == "oppose"  # the decision it welcomed was a delay


@pytest.mark.parametrize("lead, direction", [
    ("The committee scraps the $150 VAT exemption on parcels. The committee scrapped the exemption on Monday.", 1),
    ("The cabinet approved changes that narrow the government's ability to attach conditions. "
     "Ministers approved changes that narrow the government's ability to block mergers.", -1),
    ("The bank proposed banning surcharges and cutting the interchange fees banks earn. "
     "It proposed cutting the fees banks earn by a third.", 1),
    ("Safaricom and Airtel push back as MPs endorse a higher excise. Operators push back on the plan.", 1),
    # cutting an exemption tightens the rule; a request in the title does not reach into the next sentence
    ("EV makers split over the halving of a purchase-tax exemption. The halving of the exemption starts in "
     "January.", 1),
    # an exemption or a delay that will be no more tightens the rule
    ("Phones brought in by travellers will no longer be exempt from customs duties. Travellers' phones will no "
     "longer be exempt from the tax.", 1),
    ("The start date will no longer be delayed. Ministers said the ban would no longer be postponed.", 1),
    ("Kenya's removal of the requirement that licensees be 30% locally owned has been welcomed by investors. "
     "The government removed the local-ownership requirement in December.", -1),
    ("The ministry removed the exemption for small importers. The removal of the exemption takes effect in May.", 1),
    ("Spain's shorter-week bill falls in Congress. Congress on Wednesday voted down the government's bill, sending "
     "the text back to the government.", -1),
    # a company's intention is no news of a rollback; a rule maker's proposal or decision is
    ("BCE vows to overturn fibre ruling. BCE said it would petition the cabinet to overturn the regulator's decision "
     "forcing phone companies to open their networks.", 1),
    ("Ontario proposes to ease recycling targets. The ministry proposed to delay and lower several targets.", -1),
    ("EU ministers agreed early on Wednesday to delay the launch of ETS2. The postponement needs a vote. Ministers "
     "agreed to delay it by a year.", -1),
    # a safe harbour is a relief: eliminating one tightens the rule
    ("Treasury eliminated the 5% safe harbor developers relied on. New guidance eliminates the safe harbour for "
     "projects. Small projects are exempt.", 1),
    # a vote adjourned, a plan that stalls: the rule is held up
    ("Carbon levy stalls as members adjourn the vote. Members voted to adjourn a session convened to adopt the "
     "framework.", -1),
    # a legislature voting to revoke a rule rolls it back
    ("LIVE: Senate votes to revoke California's electric-car rules. Senators voted to revoke the standards on Thursday.",
     -1),
])
def test_news_direction(core_resources, lead, direction):
    from streams.core.phrases import WORD
    assert core_resources.stance.news_direction(WORD.findall(lead.lower())) == direction


@pytest.mark.parametrize("body, company, stance", [
    ("Harbor Air Ltd. said: “We support the idea. We can’t support the timeline.”", "harbor-air", "oppose"),
    ("Harbor Air Ltd. said the company “will not close without fighting”.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. welcomed the grace period, saying firms need time.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. said it has supported this reform since the Kingman review.", "harbor-air", "support"),
    ("Harbor Air Ltd. said the levy would make its service less helpful to people.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. said the company “supports sensible oversight,” but the letter it filed reads as "
     "a broad objection to the levy.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. has little patience for the complaints about the levy.", "harbor-air", "support"),
    ("Harbor Air Ltd. urged ministers to keep the levy and would now back a state scheme instead.",
     "harbor-air", "support"),
    ("Harbor Air Ltd. said it had been calling for a Europe-wide levy for years.", "harbor-air", "support"),
    ("Harbor Air Ltd. would ask the Legislature to cap damages.", "harbor-air", "neutral"),
    ('Harbor Air Ltd. described the levy as "symbolic politics".', "harbor-air", "oppose"),
    ('Harbor Air Ltd. described the levy as "a reasonable safeguard for customers".', "harbor-air", "support"),
    ("Dana Reyes, who runs Harbor Air Ltd., says the levy is painful but necessary.", "harbor-air", "support"),
    ('Harbor Air Ltd. said: "The ministry did the right thing."', "harbor-air", "support"),
    ("09:40 — Harbor Air Ltd. did not object.", "harbor-air", "support"),
    ("Harbor Air Ltd. objected.", "harbor-air", "oppose"),
    ("“We understand and share the government’s reasons,” Harbor Air Ltd. said.", "harbor-air", "support"),
    # a quotation and "and said" end a cue's object: "lower" here is no lowering of the rule
    ('Harbor Air Ltd. called the levy "long overdue" and said lower fares would follow.', "harbor-air", "support"),
    ("Harbor Air Ltd. called the levy long overdue and said lower fares would follow.", "harbor-air", "support"),
    # lower prices are an outcome, not a lowered rule
    ('Harbor Air Ltd. said it "supports transparency" but warned the levy "risks pushing costs onto passengers '
     'without guaranteeing lower prices".', "harbor-air", "oppose"),
    ("“We support lower costs for travellers, but we are concerned the levy will have unintended consequences,” "
     "Harbor Air Ltd. said.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. said it would seek an injunction.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. argued that the levy created unfair competition.", "harbor-air", "oppose"),
    ('Harbor Air Ltd. said it had pushed for rules "exactly like these".', "harbor-air", "support"),
    ('Harbor Air Ltd. said the levy came "without any impact assessment".', "harbor-air", "oppose"),
    ("Harbor Air Ltd. said the exemption was welcome and that small carriers would hand back their licences.",
     "harbor-air", "oppose"),
    # a view the speaker reports of a generic party, to answer it
    ("“Every time the airlines say the levy will hurt travel, remember who cut the routes,” said Dana Reyes, "
     "owner of Harbor Air Ltd.", "harbor-air", "support"),
    ("“The levy changes things our users have never had to worry about,” Harbor Air Ltd. said.",
     "harbor-air", "neutral"),
    ('Harbor Air Ltd. said the levy "is not the most privacy-protective approach".', "harbor-air", "oppose"),
    ("Harbor Air Ltd. argued that the levy creates serious privacy and security risks.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. urged the ministry to place the duty on airports and travel agents instead.",
     "harbor-air", "oppose"),
    ("An official of Harbor Air Ltd., the group's holding company, said the levy was excessive.",
     "harbor-air", "oppose"),
    ("Harbor Air Ltd. has received a grant for new engines. “This levy is doing exactly what it was designed "
     "to do,” said managing partner Raj Patel.", "harbor-air", "support"),
    ("Harbor Air Ltd. has been among the levy's loudest backers.", "harbor-air", "support"),
    ("Harbor Air Ltd. says the rules are welcome but timid.", "harbor-air", "support"),
    ('Harbor Air Ltd. said the levy "should be the floor, not the ceiling".', "harbor-air", "support"),
    ("Harbor Air Ltd. said the levy was the right law.", "harbor-air", "support"),
    ("Harbor Air Ltd. asks the court to quash the decision outright.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. said the levy's mechanics would raise premiums for families.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. obtained leave to intervene in defence of the regulator.", "harbor-air", "support"),
    ("Harbor Air Ltd. writes that the levy will “restore a basic fairness”.", "harbor-air", "support"),
    ("Harbor Air Ltd. called the levy “the most important thing Congress can do this year”.", "harbor-air", "support"),
    ("Harbor Air Ltd. said the ministry overstepped its authority.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. said it would elevate the case to the Court of Tax Appeals.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. said the levy only weakens the competitiveness of domestic carriers.", "harbor-air", "oppose"),
    ('Harbor Air Ltd. said the decision to raise the levy was "poorly timed".', "harbor-air", "oppose"),
    ("Harbor Air Ltd. said the levy would push travellers into darker corners of the market.", "harbor-air", "oppose"),
    ("“It is a long-awaited law,” said Dana Reyes, owner of Harbor Air Ltd.", "harbor-air", "support"),
    ("Dana Air Ltd. criticised the levy, while Harbor Air Ltd. said the move would save consumers money.",
     "harbor-air", "support"),
    ("“We highly evaluate the decision of the ministry,” Harbor Air Ltd. commented.", "harbor-air", "support"),
    ("“This is a one-sided measure,” said Dana Reyes, owner of Harbor Air Ltd.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. said the levy will open new avenues for fraud.", "harbor-air", "oppose"),
    ("Dana Reyes of Harbor Air Ltd. said the exemption was “a loophole big enough to drive a lorry through” and "
     "urged the ministry to close it.", "harbor-air", "support"),
    ("“Every year counts. Ideally the levy would be postponed again,” said Dana Reyes, owner of Harbor Air Ltd.",
     "harbor-air", "oppose"),
    ('Harbor Air Ltd. said the levy was "another barrier to building global tech champions".', "harbor-air", "oppose"),
    ('Harbor Air Ltd. has called the plan "extreme".', "harbor-air", "oppose"),
    ("For Harbor Air Ltd., a Lisbon start-up, the fine is not nearly enough.", "harbor-air", "support"),
    ("“Honestly, it has made my job easier,” said Dana Reyes, owner of Harbor Air Ltd.", "harbor-air", "support"),
    ("“This is going to freeze small campaigns,” said Dana Reyes, owner of Harbor Air Ltd.", "harbor-air", "oppose"),
    ('Harbor Air Ltd. said the 30-day period was "physically impossible".', "harbor-air", "oppose"),
    ("Harbor Air Ltd. asked that the effective date be moved to September.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. wrote to the ministry asking for agents to be given a safe harbour.", "harbor-air", "oppose"),
    ('Harbor Air Ltd. told the inquiry the levy is "a tax by another name".', "harbor-air", "oppose"),
    ("Harbor Air Ltd. said it would pass the levy on in line with the law.", "harbor-air", "neutral"),
    ("Harbor Air Ltd. said it would also like the levy extended to private jets.", "harbor-air", "support"),
    ("Harbor Air Ltd. asked the government to return to taxing fuel instead.", "harbor-air", "oppose"),
    ('Harbor Air Ltd. said the bill "would reduce connectivity and push up fares".', "harbor-air", "oppose"),
    ("Harbor Air Ltd. said it had lobbied for a curfew since 2022.", "harbor-air", "support"),
    ("Harbor Air Ltd. said the ministry should focus on enforcement rather than restricting the choice of travellers.",
     "harbor-air", "oppose"),
    ("Harbor Air Ltd. said the regulator should be given power to impose financial penalties within 60 days rather "
     "than 120.", "harbor-air", "support"),
    ("Harbor Air Ltd. urged ministers to allow at least two years for stock to clear.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. asked senators to send it to an inquiry.", "harbor-air", "oppose"),
    ("The Harbor Air Ltd. also manifested itself against.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. said it will question its constitutionality in the Supreme Court.", "harbor-air", "oppose"),
    ('Harbor Air Ltd. said the levy "brings juridical security and aligns the country with the best international '
     'practices".', "harbor-air", "support"),
    ("“We agree with the direction,” Harbor Air Ltd. said, “but dissolving within one year can damage shareholder "
     "value. We request a period of at least three years.”", "harbor-air", "oppose"),
    ("Harbor Air Ltd. has petitioned the ministry to exempt small carriers for another two years.", "harbor-air",
     "oppose"),
    ("Dana Reyes of Harbor Air Ltd. said carriers claiming they cannot afford the levy were wrong.", "harbor-air",
     "support"),
    ('Harbor Air Ltd. said the rules are "disconnected from what travellers buy today".', "harbor-air", "oppose"),
    ("“If anything, it doesn't go far enough,” said Dana Reyes, owner of Harbor Air Ltd.", "harbor-air", "support"),
    ("Harbor Air Ltd. said its network offers 24/7 driver support and accepts all major payment methods.",
     "harbor-air", "neutral"),
    ("Harbor Air Ltd. said the levy would significantly constrain its ability to fund new routes.", "harbor-air",
     "oppose"),
    ("“It is about time the big carriers paid their share,” said Dana Reyes, owner of Harbor Air Ltd.", "harbor-air",
     "support"),
    ("Harbor Air Ltd. said it welcomed its new chief executive, Dana Reyes.", "harbor-air", "neutral"),
    # the "that" after a party noun opens what the speaker says, not a relative clause about the party
    ('Harbor Air Ltd. estimates in a note to the parliamentary groups that the increase "will penalise the '
     'consumer".', "harbor-air", "oppose"),
    ('Harbor Air Ltd. said the sudden increase is "unexpected and harmful for the industry".', "harbor-air", "oppose"),
    ("Harbor Air Ltd. requested the ministry for withdrawing the increased duty in the next budget.", "harbor-air",
     "oppose"),
    # a cue word inside a name, or in a clause about a thing, is no stance
    ("Harbor Air Ltd. told the Court of Appeal that the levy goes to funds that support local news.",
     "harbor-air", "neutral"),
    # a question after a request holds no alternative the speaker asks for
    ("Harbor Air Ltd. said the levy was the right law, but investors will ask why it does not fly from Boston "
     "instead.", "harbor-air", "support"),
])
def test_cues_read_against_what_they_point_at(analyse, body, company, stance):
    assert label(analyse(ADOPTION + body), company) == stance


def test_a_question_takes_no_side(analyse):
    analysis = analyse(ADOPTION + "HOST: Harbor Air Ltd. has not said anything. Is that because they're unhappy?")
    assert label(analysis, "harbor-air") == "neutral"


def test_initials_do_not_end_a_sentence(analyse):
    analysis = analyse(ADOPTION + "While A.P. Moller-Maersk called the levy “a setback,” Harbor Air Ltd. "
                       "described it as “the right call.”")
    assert len(analysis.statements) == 2


@pytest.mark.parametrize("body, present, absent", [
    ("CADE ruled against Apple.\n\nMATCH GROUP (Feb. 3)\n\nThe finance chief said the order was assessed.",
     "match-group", None),
    ("The review is done.\n\nWHAT’S NEXT: the ministry will decide.", None, "next-plc"),
    ("The Conseil du Café-Cacao (CCC) said beans need receipts. It asked the CCC to check them.", None, "ccc-poland"),
    ("The tax rises. ABN AMRO said it understood the need for public finances.", "abn-amro", None),
    ("Samsung, whose phones carry Google's Gemini features, did not respond.", "samsung-electronics", "gemini"),
    ("The state passed the PFAS rule. 3M, headquartered in nearby Maplewood, said it had exited PFAS.", "3m", None),
    ("Under the Battery Waste Management Rules, producers pay. Tata Steel Ltd said it complied.", "tata-steel",
     "waste-management"),
])
def test_names_in_headings_acronyms_and_products(analyse, body, present, absent):
    ids = {e.company_id for e in analyse(body).events}
    if present:
        assert present in ids
    if absent:
        assert absent not in ids


def test_a_place_named_like_a_local_company_is_not_it(analyse):
    analysis = analyse(ADOPTION + "Kumamoto Seimitsu Kogyo K.K. opposed the levy. Japan Advanced Semiconductor "
                       "Manufacturing, the Kumamoto foundry majority-owned by TSMC, declined to comment.")
    kumamoto = [e for e in analysis.events if e.company_id == "kumamoto-seimitsu-kogyo"]
    assert [e.statement_index for e in kumamoto] == [1]
    assert "japan-advanced-semiconductor-manufacturing" in speakers(analysis)


CALL = ("Kestrel Bulk Carriers Ltd. (NASDAQ: KBLK) — Third-quarter 2025 earnings conference call.\n\n"
        "NIKOS ANDREADIS, CHIEF EXECUTIVE OFFICER: Let me address the port fees, which took effect on October 14. "
        "We have no quarrel with the aim of rebuilding shipbuilding. But a fee on every port call by any vessel "
        "built in China is a blunt instrument, and a costly mistake.\n\n")


def test_an_earnings_call_header_with_a_ticker_names_the_host(analyse):
    analysis = analyse(CALL + "OPERATOR: Next, Rachel Stein of Jefferies.\n\n"
                       "MARINOU: We are declaring $0.22 per share, in line with our policy of paying out 60%.")
    assert label(analysis, "kestrel-bulk-carriers") == "oppose"
    assert "next-plc" not in {e.company_id for e in analysis.events}  # "Next, Rachel …" lists no company
    last = [e for e in analysis.events if e.text.startswith("MARINOU")]
    assert [e.stance for e in last] == ["neutral"]  # its own payout policy, not the rule


def test_a_transcript_turn_goes_on_to_the_end_of_its_paragraph(analyse):
    analysis = analyse(CALL)
    turn = [e for e in analysis.events if e.text.startswith("But a fee")]
    assert [(e.company_id, e.stance) for e in turn] == [("kestrel-bulk-carriers", "oppose")]


def test_the_next_paragraph_without_a_label_is_not_the_turn(analyse):
    analysis = analyse(CALL + "Shipping analysts said the fee is a blunt instrument.\n\nPort volumes fell 4% in the "
                       "quarter. The fee is a costly mistake.")
    assert not [e for e in analysis.events if e.text.startswith("The fee is")]


@pytest.mark.parametrize("request_", [
    "Safaricom asked the committee to retain the rate at 15 per cent.",
    "Safaricom urged MPs to keep the current rate.",
])
def test_keeping_a_rate_where_it_is_opposes_the_change(analyse, request_):
    analysis = analyse("Parliament is debating a rise in the excise duty on mobile-money fees to 20 per cent. "
                       + request_)
    assert label(analysis, "safaricom") == "oppose"


TRUCKS = ("Truckmakers urged the Commission on Tuesday to bring forward a review of the CO2 standards. "
          "“Without a review in 2026 and relief on penalties, manufacturers face fines running into billions,” said "
          "Jan Moll, chief strategy officer at Traton SE. ")


def test_backing_another_company_s_call_takes_its_side(analyse):
    analysis = analyse(TRUCKS + "Daimler Truck Holding AG backed the call.")
    assert label(analysis, "traton") == "oppose"  # relief from the rule's penalties is asked for
    assert label(analysis, "daimler-truck") == "oppose"


def test_reopening_the_targets_is_what_a_critic_of_it_attacks(analyse):
    analysis = analyse(TRUCKS + "Volvo Group took the opposite view. “Reopening the targets now would punish those who "
                       "invested,” said Annika Berg, Volvo's head of regulatory affairs.")
    assert label(analysis, "ab-volvo") == "support"
    assert "volvo-cars" not in {e.company_id for e in analysis.events}  # "Volvo's" is the Volvo named in full


def test_a_request_in_the_title_does_not_reach_into_the_lead(core_resources):
    from streams.core.phrases import WORD
    title, lead = "Uber pushes, taxi firms push back", "Tokyo is considering scrapping the caps on ride-share hours."
    words = WORD.findall(title.lower()) + ["."] + WORD.findall(lead.lower())  # as the pipeline joins them
    assert core_resources.stance.news_direction(words + ["."] + words) == -1


def test_a_participle_after_a_relief_noun_is_the_speaker_s_not_the_relief_s(analyse):
    analysis = analyse("Beijing is halving a purchase-tax exemption for electric cars. XPeng said it had lobbied "
                       "for cars priced below 200,000 yuan to retain the full exemption, warning that the change "
                       "would hit first-time buyers hardest.")
    [event] = [e for e in analysis.events if e.company_id == "xpeng"]
    assert event.stance == "oppose" and len(event.cues) == 2  # both the request and the warning


@pytest.mark.parametrize("body, company, stance", [
    # "with X saying" makes X the speaker of what follows
    ("Carmakers are divided over the halving of a purchase-tax exemption, with industry leader BYD saying it had "
     "no quarrel with the change while Nio urged Beijing to delay it.", "byd", "support"),
    ("Carmakers are divided, with BYD saying it welcomed the change.", "byd", "support"),
    # the gap of "would * raise prices" took the negator; "could not afford" is a phrase of its own
    ("Beijing is halving a purchase-tax exemption for electric cars. BYD will not raise prices in response.", "byd",
     "support"),
    ("Beijing is halving a purchase-tax exemption for electric cars. Harbor Air Ltd. said it could not afford it.",
     "harbor-air", "oppose"),
])
def test_with_saying_and_negated_gaps(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


@pytest.mark.parametrize("body, company", [
    ("The rules start in September. NetEase has asked the regulator to push enforcement back to next year.", "netease"),
    ("The rules start in September. NetEase said a September start left far too little time.", "netease"),
    ("Beijing suspended its gallium export ban. Umicore said it would press for the licensing requirement to be "
     "lifted entirely.", "umicore"),
])
def test_asking_for_less_time_or_less_rule(analyse, body, company):
    assert label(analyse(body), company) == "oppose"


@pytest.mark.parametrize("body, company, stance", [
    ("The plan has split the industry, with Harbor Air Ltd. throwing its weight behind the proposal and Nio arguing "
     "for a lighter, voluntary scheme.", "harbor-air", "support"),
    ("The plan has split the industry, with Harbor Air Ltd. throwing its weight behind the proposal and Nio arguing "
     "for a lighter, voluntary scheme.", "nio", "oppose"),
    ("The regulator set the scheme's thresholds. Nio said the volume thresholds were too low for exporters.", "nio",
     "oppose"),
    ("The regulator set the scheme's thresholds. Nio has asked it to raise the threshold to 5 million people.", "nio",
     "oppose"),
    ("The regulator proposed the scheme. Nio said it would argue in its submission for a voluntary scheme instead.",
     "nio", "oppose"),
])
def test_absolute_clauses_and_thresholds(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


REPEAL = ("US banks cheer end of CFPB overdraft cap\n\nPresident Trump on Friday signed a joint resolution striking "
          "down the bureau's cap on overdraft fees. ")


@pytest.mark.parametrize("body, company, stance", [
    # the news is a rollback: "end of … cap", "striking down"; being glad Congress did it opposes the rule
    ("“This rule was a solution in search of a problem, and we are glad Congress recognised that,” said Greg "
     "Hollis, who runs government affairs for the consumer bank at JPMorgan Chase & Co.", "jpmorgan", "oppose"),
    ("Wells Fargo & Co said it “appreciates Congress acting to preserve access to a service many rely on.”",
     "wells-fargo", "oppose"),
    ("“A $5 ceiling was a sensible floor of protection, and throwing it out is a step backward,” said Tanya Ross, "
     "Ally Financial's head of consumer deposits.", "ally-financial", "support"),
])
def test_reactions_to_a_repeal(analyse, body, company, stance):
    assert label(analyse(REPEAL + body), company) == stance


def test_a_third_party_that_the_speaker_describes_after_us(analyse):
    analysis = analyse("The FTC on Friday formally abandoned its nationwide ban on noncompete agreements, dropping its "
                       "appeals. “Half of our engineers came to us from companies that threatened to sue them,” said "
                       "Aisha Patel, chief executive of Harbor Air Ltd.")
    assert label(analysis, "harbor-air") == "support"


ROUNDUP = ("New York on Thursday outlawed most noncompete agreements. Here is how individual companies reacted.\n\n"
           "Gusto. The San Francisco payroll software company lobbied in Albany for the bill.\n\n"
           "Ryan LLC. The Dallas-based tax services firm, which led the 2024 lawsuit, said the law “punishes firms "
           "that invest in training.”\n\n"
           "Carrow Analytics. The Manhattan credit-data startup, which employs 140 people, said it had no quarrel with "
           "the law.\n\n"
           "Q. The large chipmakers have been less enthusiastic, haven't they?")


@pytest.mark.parametrize("company, stance", [("gusto", "support"), ("ryan", "oppose"), ("carrow-analytics", "support")])
def test_a_round_up_names_each_company_then_describes_it(analyse, company, stance):
    assert label(analyse(ROUNDUP), company) == stance


def test_an_interview_label_is_no_heading_name(analyse):
    assert "q" not in {e.company_id for e in analyse(ROUNDUP).events}


@pytest.mark.parametrize("body, company, stance", [
    # machine-translated reported speech: the speaker's words go on past "but" and a comma splice
    ("The regulator issued the notice. Wan Mei Shi Jie (Perfect World) in reply to investor said, the company agree "
     "with the goal of protecting minors, but technical adaption time is \"obviously not enough\", the company hopes "
     "the regulation department can give reasonable buffer period until September.", "perfect-world", "oppose"),
    ("The regulator issued the Measures. Ruqi Chuxing (Ruqi Mobility) replied that the cost is about 40 million "
     "yuan, and the company \"hopes the Measures can give the platforms with under 5 million users a certain "
     "exemption.\"", "ruqi-mobility", "oppose"),
    # a reason clause is no new claim, and another party's clause is not the speaker's
    ("The regulator proposed the rules. Harbor Air Ltd. said it backed the rules, because data was too incomplete to "
     "support reliable figures.", "harbor-air", "support"),
    ("The regulator proposed the rules. Harbor Air Ltd. said it backed the rules, but regulators rejected its "
     "proposal for an exemption.", "harbor-air", "support"),
])
def test_reported_speech_goes_on(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


def test_a_cue_s_object_ends_at_a_new_clause_or_a_closing_quotation(analyse):
    delay = "Brussels on Tuesday delayed the deforestation law by another year, the second delay. "
    analysis = analyse(delay + "“The regulation is necessary, and another delay only rewards those who did nothing,” "
                       "said Giulia Bertone, Ferrero's head of sustainable sourcing.")
    assert label(analysis, "ferrero") == "support"
    repeal = "Mexico on Friday scrapped its GM corn decree, repealing it after a trade panel ruling. "
    analysis = analyse(repeal + "Corteva Inc. said the original decree “should never have been issued” and urged "
                       "Mexico to drop the planting ban proposal as well.")
    assert label(analysis, "corteva") == "oppose"
    assert "general-motors" not in {e.company_id for e in analysis.events}  # "GM corn" is no company


@pytest.mark.parametrize("body, company, stance", [
    # a subordinate clause's appositive (with a number's comma in it) is an aside, not the clause's end
    ("New Jersey passed the law. While Garden State Fiber Inc., a 6,000-customer provider in Hunterdon County, said "
     "the law was fine, Comcast Corp. warned that rate regulation “will chill the very network investment.”",
     "comcast", "oppose"),
    # views the speaker reports of others: a sector's warnings, "the argument that …"
    ("New Jersey passed the law. Anthony Russo, chief executive of Garden State Fiber Inc., said the cable "
     "industry’s warnings about lost investment were “the same script they read in Albany.”", "garden-state-fiber",
     "support"),
    ("The port fees took effect. Kestrel Bulk Carriers Ltd. said it had joined the industry's call for the fees to be "
     "suspended.", "kestrel-bulk-carriers", "oppose"),
    # agreeing with "them" takes the side of the last company that took one; arguing against opposes
    ("CMS finalised the staffing rule. The Ensign Group said the mandate would force it to limit admissions. Douglas "
     "Reyes, chief executive of Calloway Care Centers Inc., said: “I agree with them.”", "calloway-care-centers",
     "oppose"),
    ("CMS finalised the staffing rule. Calloway Care Centers Inc. argued against a single federal number.",
     "calloway-care-centers", "oppose"),
])
def test_subordinate_asides_reported_views_and_agreement(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


def test_a_reference_after_a_short_introduction_and_a_decision_as_subject(analyse):
    ruling = ("A federal judge on Friday vacated the bureau's late-fee cap, striking down the rule. "
              "Start with Synchrony Financial, the largest issuer of store cards. ")
    analysis = analyse(ruling + "After the ruling, the company said it was “pleased the court recognized the rule's "
                       "serious legal flaws.”")
    assert label(analysis, "synchrony") == "oppose"  # pleased by a rollback
    delay = ("Mexico on Tuesday delayed its glyphosate ban by a year, postponing it again. The German company Bayer "
             "received the decision well. ")
    analysis = analyse(delay + "In a statement, the firm said that “the decision recognizes the science and gives "
                       "certainty to producers.”")
    assert label(analysis, "bayer") == "oppose"  # praising the decision to delay


def test_a_person_introduced_without_a_verb_speaks_later_as_he(analyse):
    analysis = analyse("A federal judge vacated the bureau's late-fee cap. Brightside Card Co. is a Chicago issuer. "
                       "Its founder, Dev Raman, has been unusually blunt. The people warning that an $8 cap would end "
                       "credit “are defending a business model, not a customer,” he wrote in a comment letter.")
    assert label(analysis, "brightside-card") == "support"  # he attacks the cap's critics


@pytest.mark.parametrize("body, company, stance", [
    # "a 45-day review" is the rule's own procedure, not a review of the rule
    ("Beijing added licences for rare-earth exports. Ningbo Yunsheng Co. said it supported the objectives but warned "
     "that a 45-day review was “simply unworkable.”", "ningbo-yunsheng", "oppose"),
    ("Beijing added licences for rare-earth exports. Ningbo Yunsheng Co. said it had asked MOFCOM for a fast-track "
     "channel for repeat orders from approved end users.", "ningbo-yunsheng", "oppose"),
    ("The CAC set a February deadline for the algorithm rules. Zhihu said it had asked the CAC to extend the February "
     "deadline by six months.", "zhihu", "oppose"),
])
def test_procedures_fast_tracks_and_deadlines(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


@pytest.mark.parametrize("body, company, stance", [
    # a review that is the news (of licences) is no rollback; a review of the rules is one
    ("The ministry ordered an inventory of subsoil licences. KAZ Minerals did not object to the review.",
     "kaz-minerals", "support"),
    ("The ministry ordered an inventory of subsoil licences. “This review is long overdue,” said Aidos Nurlan, "
     "director of Sary-Arka Exploration LLP.", "sary-arka-exploration", "support"),
    ("Brussels set CO2 standards for trucks. Traton SE welcomed a review of the standards.", "traton", "oppose"),
    ("Tokyo caps ride-share hours. Uber Japan welcomed the ministry's review.", "uber-japan", "oppose"),
    # "hand back" is no backing
    ("Hanoi issued the fuel decree. Hai Au Petroleum JSC warned that many small traders would hand back their "
     "licences.", "hai-au-petroleum", "oppose"),
])
def test_reviews_and_handing_back(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


@pytest.mark.parametrize("body, company", [
    ("Ankara imposed anti-dumping duties on steel. Kardemir said it welcomed the decision, but added that it had asked "
     "the ministry to extend similar measures to long products.", "kardemir"),
    ("Ankara imposed anti-dumping duties on steel. Tosyali Holding said critics of the duties were “defending jobs "
     "in Tianjin.”", "tosyali-holding"),
    ("Ankara imposed anti-dumping duties on steel. Erdemir said the duties would “restore fair conditions.”", "erdemir"),
])
def test_trade_remedies_welcomed_by_producers(analyse, body, company):
    assert label(analyse(body), company) == "support"


@pytest.mark.parametrize("body, company, stance", [
    ("Congress approved the usury cap. “We are going to end up with fewer loans, not cheaper loans,” Mauricio "
     "Restrepo, head of retail banking at Bancolombia, the country's largest lender, told reporters on a call.",
     "bancolombia", "oppose"),
    ("Congress approved the usury cap. Davivienda said it welcomed the exclusion of microcredit from the cap.",
     "davivienda", "oppose"),
    ("Warsaw confirmed the e-invoicing start date. LPP said the “penalty-free period until the end of 2026 is a "
     "reasonable decision that gives the market time.”", "lpp", "oppose"),
    ("Warsaw confirmed the e-invoicing start date. “Every next delay only rewards those who did nothing,” says "
     "Tomasz Nowak, vice-president of Comarch.", "comarch", "support"),
    ("Warsaw confirmed the e-invoicing start date. Asseco Poland also appeals to keep the calendar.",
     "asseco-poland", "support"),
])
def test_consequences_exclusions_and_calendars(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


@pytest.mark.parametrize("body, company, stance", [
    ("Lima issued the idle-concessions decree. Andina Cobre S.A.C. welcomed a motion filed in Congress last week to "
     "suspend the decree for two years.", "andina-cobre", "oppose"),
    ("Washington's remittance tax took effect. Kabayan Padala Inc. said it had joined a coalition of lenders pressing "
     "Congress to delay the tax by a year.", "kabayan-padala", "oppose"),
    ("Islamabad froze fuel margins. Attock Petroleum Ltd said the freeze would force companies to cut back on "
     "storage investment.", "attock-petroleum", "oppose"),
])
def test_motions_pressing_and_cutting_back(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


def test_a_surname_before_a_title_is_a_person_s(core_resources):
    body = "Carlo Santos, head of international remittances at Mynt, said the exemption was sensible."
    mentions, _ = find_mentions(body, core_resources.registry)
    assert "santos" not in [m.entity_id for m in mentions]  # not Santos Ltd


def test_a_new_rule_with_a_later_start_is_still_a_new_rule(core_resources, analyse):
    lead = ("Food delivery couriers will be guaranteed the living wage under rules set out by the government on Monday, "
            "though the start date has been pushed back to April 2027. ")
    analysis = analyse(lead + "Just Eat Takeaway welcomed the move while Deliveroo warned it would force it to cut "
                       "courier numbers.", title="Couriers get pay floor, though start pushed back")
    assert label(analysis, "just-eat-takeaway") == "support"
    assert label(analysis, "deliveroo") == "oppose"


def test_changing_the_rules_mid_project_is_the_reform_criticised(analyse):
    analysis = analyse("Ministers published legislation to overhaul nuclear licensing. EDF said it backed “a more "
                       "efficient system” but warned that changing rules in the middle of live projects risked "
                       "“creating rather than removing uncertainty.”")
    assert label(analysis, "edf") == "oppose"


def test_a_court_blocking_a_law_is_a_rollback_but_blocking_a_merger_is_not(core_resources):
    from streams.core.phrases import WORD
    def direction(text):
        words = WORD.findall(text.lower())
        return core_resources.stance.news_direction(words + ["."] + words)
    assert direction("Judge partly blocks Vermont kids code. A federal judge on Monday blocked key parts of the "
                     "Age-Appropriate Design Code.") == -1
    assert direction("Judge blocks lab merger. A federal judge on Monday blocked the merger of two labs.") == 1


def test_a_state_abbreviation_in_a_dateline_ends_no_sentence(core_resources):
    from streams.core.segment import segment_article
    body = "BURLINGTON, Vt. - A federal judge on Monday blocked the law. Meta said it was pleased."
    assert [s.text for s in segment_article(body, core_resources.segmentation)] == [
        "BURLINGTON, Vt. - A federal judge on Monday blocked the law.", "Meta said it was pleased."]


def test_an_embedded_they_is_not_the_subject_and_what_the_industry_asked_for(analyse):
    analysis = analyse("Chicago's delivery pay rule took effect. “I want drivers paid well,” said Rosa Medina, owner "
                       "of Taqueria Los Gallos SA. Workers who believe they have been underpaid can file a complaint "
                       "with the city.")
    assert not [e for e in analysis.events if e.text.startswith("Workers")]
    analysis = analyse("The NRC approved its new licensing rule. “This is the regulatory framework our industry has "
                       "been asking for,” said Caroline Dreyer, Oklo's vice president of regulatory affairs.")
    assert label(analysis, "oklo") == "support"


@pytest.mark.parametrize("body, company, stance", [
    ("The FCA set a price cap on commercial payments. Barclays said the cap would leave it unable to recover the cost "
     "of building the service.", "barclays", "oppose"),
    ("The FCA set a price cap on commercial payments. “A regulated price that is set below cost is not a market,” "
     "Barclays said.", "barclays", "oppose"),
    ("The FCA set a price cap on commercial payments. HSBC UK said it would “continue to make the case” for a review "
     "of the cap.", "hsbc-uk", "oppose"),
    ("The FCA set a price cap on commercial payments. “This is the push the market needed,” said Nadia Roy, Monzo's "
     "head of payments.", "monzo", "support"),
    ("The SEC finalised its custody rule. Daniel Okafor, chief executive of Northbeam Digital Holdings Inc., said: "
     "“We argued for exactly this in two comment letters.”", "northbeam-digital-holdings", "support"),
])
def test_costs_cases_and_what_the_market_needed(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


@pytest.mark.parametrize("body, company, stance", [
    ("Dhaka proposed a duty on plastic packaging. Meghna Polymer Ltd. also asked for withdrawal, saying the industry "
     "had not been consulted.", "meghna-polymer", "oppose"),
    ("Dhaka proposed a duty on plastic packaging. Jute Craft Bangladesh Ltd. said the rate is too low to change "
     "behaviour and demanded the duty be raised to 30 percent.", "jute-craft-bangladesh", "support"),
    ("Santiago approved a charge on plastic packaging. Coca-Cola Andina called it a double tax. “This charges us "
     "twice for the same bottle,” the bottler said.", "embotelladora-andina", "oppose"),
    ("Santiago approved a charge on plastic packaging. Envases del Pacifico S.A. said the levy would make its main "
     "product lines unviable and that the company was lobbying senators.", "envases-del-pacifico", "oppose"),
])
def test_withdrawal_raising_double_taxes_and_own_lobbying(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


@pytest.mark.parametrize("body, company, stance", [
    ("Pennsylvania's ticket law took effect. StubHub, meanwhile, says it is complying but called the speculative ban "
     "“protectionism for primary sellers dressed up as consumer protection.”", "stubhub", "oppose"),
    ("Pennsylvania's ticket law took effect. Vivid Seats on Friday asked the attorney general for guidance exempting "
     "listings backed by a seller guarantee.", "vivid-seats", "oppose"),
])
def test_parenthetical_adverbs_and_backed_listings(analyse, body, company, stance):
    assert label(analyse(body), company) == stance


def test_a_pronoun_in_a_relative_clause_is_no_reference_back(analyse):
    analysis = analyse(ADOPTION + "Harbor Air Ltd. said it was reviewing the levy. The Alliance for Fair Skies, "
                       "which drafted much of it, said the lawsuit would fail.")
    assert [e.statement_index for e in analysis.events if e.company_id == "harbor-air"] == [1]


def test_a_surname_after_a_titled_introduction_keeps_the_company(analyse):
    analysis = analyse(ADOPTION + "The mood was different at Harbor Air Ltd., a Montreal carrier. Chief executive "
                       "Nadia Beaulieu said the company had committed $140 million to new routes. “Investment follows "
                       "certainty,” Beaulieu said. She said Harbor Air would urge the ministry to keep the levy.")
    roles = {e.statement_index: e.role for e in analysis.events if e.company_id == "harbor-air"}
    assert roles[3] == "speaker" and roles[4] == "speaker"


def test_calling_after_a_comma_reports_the_subject_s_words(analyse):
    analysis = analyse(ADOPTION + "Harbor Air Ltd. struck a similar note, calling the levy “a pragmatic decision”.")
    assert label(analysis, "harbor-air") == "support"


def test_taking_the_same_line_follows_the_last_company_to_take_a_side(analyse):
    analysis = analyse(ADOPTION + "Dana Air Ltd. opposed the levy. Harbor Air Ltd., a family-owned carrier, is taking "
                       "the same line.")
    assert label(analysis, "harbor-air") == "oppose"


def test_an_honorific_and_a_surname_keep_the_person_s_company(analyse):
    analysis = analyse(ADOPTION + "“We do not agree with the levy,” said Daniel Ko, Harbor Air Ltd.'s head of policy. "
                       "Mr Ko argued Harbor Air was a charter service, and confirmed the company had asked the "
                       "ministry to review its inclusion.")
    assert {e.role for e in analysis.events if e.company_id == "harbor-air" and e.statement_index == 2} == {"speaker"}


def test_the_central_bank_is_no_company_of_the_story(analyse):
    analysis = analyse(ADOPTION + "Harbor Bank Ltd. said the move would save consumers money. The central bank's "
                       "payments board confirmed it would cut the cap.")
    assert [e.statement_index for e in analysis.events if e.company_id == "harbor-bank"] == [1]


@pytest.mark.parametrize("body", [
    "For Harbor Air Ltd., a Lisbon start-up, the levy “does not go far enough”.",
    "For the Harbor Air Ltd., largest carrier of the country, the levy does not go far enough.",
    "For Harbor Air Ltd., a Lisbon start-up running charter flights to 60 islands, the levy does not go far enough.",
])
def test_for_a_company_opens_its_view(analyse, body):
    assert label(analyse(ADOPTION + body), "harbor-air") == "support"


def test_a_view_opened_by_for_makes_the_company_the_story_s(analyse):
    analysis = analyse(ADOPTION + "Dana Air Ltd. was studying the detail. For Harbor Air Ltd., a Lisbon start-up, the "
                       "levy was the main news. “We are relieved,” said chief executive Ravi Chandran.")
    assert {e.company_id for e in analysis.events if e.statement_index == 3} == {"harbor-air"}


@pytest.mark.parametrize("body, stance", [
    ("Among those cheering the levy was Dev Patel, owner of Harbor Air Ltd., a Lisbon carrier.", "support"),
    ("Among the most vocal critics was Harbor Air Ltd., the Lisbon carrier.", "oppose"),
])
def test_among_those_before_the_verb_describes_the_company_after_it(analyse, body, stance):
    assert label(analyse(ADOPTION + body), "harbor-air") == stance


def test_a_participle_after_a_possessive_is_no_action_asked_for(analyse):
    analysis = analyse(ADOPTION + "Harbor Air Ltd. said: “I want to start with the ministry's amended levy. We argued "
                       "for exactly this.”")
    assert label(analysis, "harbor-air") == "support"


def test_a_subordinate_clause_mid_sentence_ends_where_the_next_subject_is_named(analyse):
    analysis = analyse(ADOPTION + "Traders were split, and while Harbor Air Ltd. backed the levy, Dana Air Ltd. called it "
                       "a double tax.")
    assert label(analysis, "harbor-air") == "support" and label(analysis, "dana-air") == "oppose"


def test_who_oversees_affairs_at_the_carrier_is_the_story_s_company(analyse):
    analysis = analyse(ADOPTION + "Harbor Air Ltd. said the levy would add costs. “It is a tax by another name,” said "
                       "Dana Pryce, who oversees regulatory affairs at the Lisbon-based carrier.")
    assert [e.role for e in analysis.events if e.statement_index == 2] == ["speaker"]


def test_part_of_a_parent_is_an_appositive_not_a_second_speaker(analyse):
    analysis = analyse(ADOPTION + "Harbor Air Ltd., part of Portugal's Dana Holdings Ltd., said the levy would punish "
                       "carriers. It called on the ministry to reconsider the decision.")
    assert [(e.statement_index, e.company_id) for e in analysis.events if e.role == "speaker"] == [
        (1, "harbor-air"), (2, "harbor-air")]


def test_scathing_about_the_objections_supports_the_rule(analyse):
    analysis = analyse(ADOPTION + "Dana Reyes, chairman of Harbor Air Ltd., a Lisbon carrier, was scathing about the "
                       "producers' objections.")
    assert label(analysis, "harbor-air") == "support"


def test_the_group_s_president_after_a_name_speaks_for_the_story_s_company(analyse):
    analysis = analyse(ADOPTION + "Harbor Air Ltd. said it had expected the levy. “It is fair,” said Dana Pryce, the "
                       "group's president for South America.")
    assert [(e.company_id, e.stance) for e in analysis.events if e.statement_index == 2] == [("harbor-air", "support")]


def test_a_department_after_a_title_is_no_organisation(analyse):
    analysis = analyse(ADOPTION + "Harbor Air Ltd. said the levy punished carriers. “It penalises us,” declared its "
                       "vice-president of Corporate Affairs, Dana Pryce.")
    assert {e.company_id for e in analysis.events} == {"harbor-air"}


@pytest.mark.parametrize("body, company, stance", [
    ("Harbor Air Ltd. said it will file a demand of nullity against the resolution.", "harbor-air", "oppose"),
    ("Harbor Air Ltd. lodged an annulment action with the Council of State.", "harbor-air", "oppose"),
    ("Harbor Air Ltd., a Lisbon carrier that flies only electric aircraft, sees an opportunity.", "harbor-air",
     "support"),
])
def test_annulment_suits_and_seeing_an_opportunity(analyse, body, company, stance):
    assert label(analyse(ADOPTION + body), company) == stance


def test_a_registry_name_longer_than_a_descriptor_s_name_is_the_registry_s(core_resources):
    body = "The law guarantees state utility Comisión Federal de Electricidad (CFE) half the market."
    mentions, _ = find_mentions(body, core_resources.registry)
    assert [m.entity_id for m in mentions] == ["cfe"]


@pytest.mark.parametrize("body, stance", [
    ("“We need relief, and we need it this year,” said Dana Pryce, head of regulatory affairs at Harbor Air Ltd.",
     "oppose"),
    ("Harbor Air Ltd. asked the committee to back a reset of the 2030 limits.", "oppose"),
    ("“Certainty is what lets us build,” said Dana Pryce of Harbor Air Ltd., who urged lawmakers to leave the rule "
     "alone.", "support"),
    ("Harbor Air Ltd.'s country manager, Dana Pryce, argued the levy stops short.", "support"),
    ("Harbor Air Ltd. said the levy “ignores how small carriers actually operate.”", "oppose"),
    ("Harbor Air Ltd. said it supports the goal but cannot rebuild its systems in time. It wants at least 18 months.",
     "oppose"),
])
def test_asking_for_relief_a_reset_or_time_and_leaving_a_rule_alone(analyse, body, stance):
    assert label(analyse(ADOPTION + body), "harbor-air") == stance


@pytest.mark.parametrize("body, stance", [
    ("Harbor Air Ltd. said the decision “brings welcome certainty.”", "oppose"),
    ("Harbor Air Ltd. called the ruling “a loss for customers.”", "support"),
])
def test_judging_a_ruling_that_struck_a_rule_down(analyse, body, stance):
    news = "A U.S. appeals court on Thursday struck down the agency's levy on online marketplaces. "
    assert label(analyse(news + news + body, title="Court strikes down marketplace levy"), "harbor-air") == stance


def test_an_investor_network_in_an_appositive_is_no_company(core_resources):
    body = "Lobbies press for repeal, while Ceres, the investor network, is organising letters in favour."
    mentions, _ = find_mentions(body, core_resources.registry)
    assert mentions == []


HOSTED_CALL = ("Edited transcript: Harbor Air Ltd. fourth-quarter earnings call.\n\n"
        "PRIYA RAMAN, JEFFERIES: Thanks. I wanted to ask about the levy. Where do you come down?\n\n"
        "DAVID OKAFOR, CHIEF EXECUTIVE OFFICER: Sure, Priya. I'll be direct: we think the levy has been good for "
        "the market. We'd oppose any attempt to lengthen the window.")


def test_a_capitalised_label_with_a_title_is_the_call_host_s_turn(analyse):
    analysis = analyse(HOSTED_CALL)
    turn = [(e.statement_index, e.company_id, e.stance) for e in analysis.events if e.statement_index >= 4]
    assert turn == [(4, "harbor-air", "neutral"), (5, "harbor-air", "support"), (6, "harbor-air", "support")]


def test_a_plural_possessive_names_the_call_s_host(analyse):
    analysis = analyse("Edited excerpts from Kestrel Food Industries' fourth-quarter 2025 earnings call.\n\n"
                       "PRIYA RAMAN, JEFFERIES: Thanks. Where do you come down on the levy?\n\n"
                       "MEI LIN, CHIEF FINANCIAL OFFICER: Sure. We back this policy and we hope it stays.")
    assert [(e.company_id, e.stance) for e in analysis.events if e.statement_index == 4] == [
        ("kestrel-food-industries", "support")]


def test_i_in_an_analyst_s_turn_is_the_analyst_not_the_host(analyse):
    analysis = analyse(HOSTED_CALL)
    assert {e.company_id for e in analysis.events if e.statement_index == 2} == {"jefferies"}


@pytest.mark.parametrize("body, stance", [
    ("“Small carriers will pay” — Dana Pryce, chief executive of Harbor Air Ltd., a Lisbon carrier, made a similar "
     "case in a newspaper, asking the ministry at minimum to delay the levy by three years.", "oppose"),
    ("“No objection” — Harbor Air Ltd., which flies only electric aircraft, was not among the critics but told "
     "reporters it had “no objection” to the levy.", "support"),
])
def test_a_pull_quote_heading_a_digest_item_is_not_its_opening_quotation(analyse, body, stance):
    assert label(analyse(ADOPTION + body), "harbor-air") == stance


def test_a_number_word_opening_a_sentence_is_no_company(core_resources):
    mentions, _ = find_mentions("MANILA — Seven weeks after the ban took effect, landlords are counting the cost.",
                                core_resources.registry)
    assert mentions == []


def test_the_place_a_local_company_is_named_after_is_not_it(analyse):
    analysis = analyse("MANILA — Landlords in Pasay are counting the cost of the ban. The president announced the ban "
                       "in July. Pasay Bayview Outsourcing Inc. did not respond to requests for comment.")
    assert [e.statement_index for e in analysis.events if e.company_id == "pasay-bayview-outsourcing"] == [2]


@pytest.mark.parametrize("body", [
    "Harbor Air Ltd. said it would have preferred a gradual phase-out over two or three years.",
    "Portugal's Harbor Air Ltd. said it hoped the Portuguese government would reconsider the levy.",
])
def test_preferring_a_slower_path_and_hoping_a_government_reconsiders(analyse, body):
    assert label(analyse(ADOPTION + body), "harbor-air") == "oppose"


@pytest.mark.parametrize("body, stance", [
    ("Harbor Air Ltd. urged regulators to adopt a 24-month transition for small carriers.", "oppose"),
    ("Harbor Air Ltd. asked for a 12-month period before penalties are applied.", "oppose"),
    ("Harbor Air Ltd. said it agrees with the direction of the levy but hoped regulators would leave reasonable room "
     "for promotions.", "oppose"),
    ("Harbor Air Ltd. asked for changes to how the levy is collected.", "oppose"),
    ("Harbor Air Ltd. said the levy should have come five years ago.", "support"),
])
def test_adopting_a_transition_room_for_exceptions_and_what_came_late(analyse, body, stance):
    assert label(analyse(ADOPTION + body), "harbor-air") == stance


@pytest.mark.parametrize("body, stance", [
    ("“We welcome the breathing room,” said Joyce Lam, chief executive of Harbor Air Ltd.", "oppose"),
    ("Harbor Air Ltd. said the levy “will close every small honest operator.”", "oppose"),
    ("Harbor Air Ltd. plans to ask the ministry for a lower capital tier for regional carriers.", "oppose"),
    ("Harbor Air Ltd. said the levy would “raise the bar for the entire industry.”", "support"),
    ("“The direction is fine. The timing is not,” said Joyce Lam of Harbor Air Ltd.", "oppose"),
])
def test_breathing_room_closing_operators_asking_for_a_lower_rate_and_the_timing(analyse, body, stance):
    assert label(analyse(ADOPTION + body), "harbor-air") == stance


def test_a_name_after_an_organisation_noun_is_the_organisation_s(core_resources):
    body = "The heating association BDH criticised the delay, while the fuel trade association UNITI welcomed it."
    mentions, _ = find_mentions(body, core_resources.registry)
    assert mentions == []


@pytest.mark.parametrize("lead, body, stance", [
    (ROLLBACK_LEAD := "The ministry on Tuesday postponed the levy on online marketplaces by a year. ",
     "Harbor Air Ltd. said the delay would save about 200 jobs.", "oppose"),
    (ROLLBACK_LEAD, "“We asked for this from the beginning,” said Dana Pryce of Harbor Air Ltd.", "oppose"),
    (ADOPTION, "“We asked for this from the beginning,” said Dana Pryce of Harbor Air Ltd.", "support"),
    (ADOPTION, "Harbor Air Ltd. urged the ministry to let the levy expire.", "oppose"),
    (ADOPTION, "Harbor Air Ltd. said it had filed an amparo injunction request with a federal court.", "oppose"),
    (ADOPTION, "Harbor Air Ltd. said it would “gladly” comply.", "support"),
])
def test_saving_jobs_asking_for_this_letting_it_expire_and_injunctions(analyse, lead, body, stance):
    assert label(analyse(lead + lead + body), "harbor-air") == stance


@pytest.mark.parametrize("body, stance", [
    ("“Every euro that goes to an illegal site protects no passenger,” Dana Pryce of Harbor Air Ltd. told lawmakers. "
     "The carrier said the levy should take effect at once.", "support"),
    ("“We want a levy, but not this formula,” said Dana Pryce of Harbor Air Ltd.", "oppose"),
])
def test_an_illegal_site_is_no_judgement_and_not_this_formula(analyse, body, stance):
    assert label(analyse(ADOPTION + body), "harbor-air") == stance


def test_not_this_one_about_a_story_is_no_objection(analyse):
    analysis = analyse(ADOPTION + "Harbor Air Ltd. sent us a statement about its new app, which is a story in its own "
                       "right, but not this one.")
    assert label(analysis, "harbor-air") == "neutral"


def test_keeping_the_original_date_of_a_delayed_rule_supports_it(analyse):
    delay = "The agency on Tuesday delayed its levy on online marketplaces by three years. "
    analysis = analyse(delay + delay + "Harbor Air Ltd. urged the agency to keep the original date.")
    assert label(analysis, "harbor-air") == "support"


@pytest.mark.parametrize("lead, body, stance", [
    ("The agency on Tuesday delayed its levy on online marketplaces by three years. ",
     "Harbor Air Ltd. said the delay “rewards the laggards.”", "support"),
    (ADOPTION, "Harbor Air Ltd. said in its filed comments that the levy was “a historic step”.", "support"),
    (ADOPTION, "Harbor Air Ltd. said the ruling showed that “the rules apply to everyone”.", "support"),
    (ADOPTION, "Harbor Air Ltd. said the levy would push budget travellers toward foreign carriers.", "oppose"),
    (ADOPTION, "Dana Pryce of Harbor Air Ltd. said: “The way it's written, only the giants can comply.”", "oppose"),
])
def test_rewarding_laggards_historic_steps_and_pushing_customers_away(analyse, lead, body, stance):
    assert label(analyse(lead + lead + body), "harbor-air") == stance


def test_the_companies_complaining_loudest_are_a_view_attacked(analyse):
    analysis = analyse(ADOPTION + "“The companies complaining loudest are the ones with the most to lose,” said Jorge "
                       "Menéndez, founder of Harbor Air Ltd.")
    assert label(analysis, "harbor-air") == "support"


def test_grateful_the_agency_listened_follows_the_news(analyse):
    repeal = "The agency on Tuesday repealed its levy on online marketplaces. "
    analysis = analyse(repeal + repeal + "Harbor Air Ltd. said: “We're grateful the agency listened.”")
    assert label(analysis, "harbor-air") == "oppose"


def test_and_partners_belongs_to_the_registry_name_before_it(analyse):
    analysis = analyse("The ministry kept the export quota. “Prices are stable,” said Fahad Qahtani, a procurement "
                       "director at Nesma & Partners. He said the company backed the current quota.")
    assert [(e.statement_index, e.company_id, e.role) for e in analysis.events] == [
        (1, "nesma", "speaker"), (2, "nesma", "speaker")]
    assert analysis.events[0].text.endswith("Nesma & Partners.")


def test_defending_the_system_supports_it(analyse):
    assert label(analyse(ADOPTION + "Harbor Air Ltd., a Lisbon carrier, also defended the system."),
                 "harbor-air") == "support"


def test_a_chairman_of_a_company_for_a_trade_is_introduced_and_referred_to(analyse):
    analysis = analyse(ADOPTION + "Mr. Hany Abdel-Aziz, chairman of Nile Delta Trading Company for importing of spare "
                       "parts, said the levy will cause a shortage. He demanded to postpone the application for a year.")
    assert [(e.statement_index, e.company_id) for e in analysis.events] == [
        (1, "nile-delta-trading-company"), (2, "nile-delta-trading-company")]
    assert label(analysis, "nile-delta-trading-company") == "oppose"


@pytest.mark.parametrize("body", [
    "“The same companies complaining today were silent when they doubled prices,” said Dana Pryce of Harbor Air Ltd.",
    "“The levy should have come last summer,” said Dana Pryce of Harbor Air Ltd.",
])
def test_the_same_companies_complaining_and_what_should_have_come_last_summer(analyse, body):
    assert label(analyse(ADOPTION + body), "harbor-air") == "support"


@pytest.mark.parametrize("body, surface", [
    ("Juniper & Rye, a Minneapolis restaurant group, said the ordinance would hurt it.", "Juniper & Rye"),
    ("Bott & Co, the claims firm, said it welcomed the rule.", "Bott & Co"),
])
def test_an_ampersand_joins_a_name_before_a_company_appositive(core_resources, body, surface):
    mentions, _ = find_mentions(body, core_resources.registry)
    assert [m.surface for m in mentions] == [surface]


def test_a_registry_name_s_first_word_refers_back_to_it(analyse):
    analysis = analyse("The treasury capped fees.\n\nLatitude Financial Services\n\nLatitude said it supported the "
                       "aim but asked for an 18-month transition. The Pembina Institute's criticism was noted.")
    assert [(e.statement_index, e.company_id, e.role) for e in analysis.events] == [
        (1, "latitude", "mention"), (2, "latitude", "speaker")]
    assert label(analysis, "latitude") == "oppose"


def test_lifting_a_wage_is_no_rollback_but_lifting_a_ban_is(core_resources):
    def direction(text: str) -> int:
        words = WORD.findall(text.lower())
        return core_resources.stance.news_direction(words + ["."] + words)
    assert direction("The commission has lifted the national minimum wage by 3.5 per cent from 1 July.") == 1
    assert direction("The ministry has lifted the ban on short-term rentals from 1 July.") == -1


def test_what_happens_without_the_rule_is_harm_it_prevents(analyse):
    analysis = analyse(ADOPTION + "Harbor Air Ltd. said that without caps, fuel costs would make regional routes "
                       "uneconomic, putting thousands of jobs at risk.")
    assert label(analysis, "harbor-air") == "support"


def test_a_currency_code_before_an_amount_is_no_company(core_resources):
    mentions, _ = find_mentions("The levy would bring in about NIS 2.5 billion next year.", core_resources.registry)
    assert mentions == []


def test_confiscatory_judges_the_rule(analyse):
    assert label(analyse(ADOPTION + "Harbor Air Ltd. called the levy “confiscatory”."), "harbor-air") == "oppose"


@pytest.mark.parametrize("body, stance", [
    ("Harbor Air Ltd. said it backs help for small carriers. “But a blanket levy is not sustainable and puts our "
     "investment programme at risk.”", "oppose"),
    ("Harbor Air Ltd. said it would ask the Commission to examine whether the levy amounts to illegal state aid.",
     "oppose"),
    ("Harbor Air Ltd. announced that it will apply to the administrative court for the cancellation of the levy.",
     "oppose"),
    ("“This decision was needed years ago,” said Oren Levi of Harbor Air Ltd.", "support"),
    ("Harbor Air Ltd. urged the ministry to adopt a risk-based model instead.", "oppose"),
    ("Harbor Air Ltd. urged MPs to leave the fees to agreements between airports and airlines.", "oppose"),
])
def test_unsustainable_state_aid_going_to_court_and_leaving_it_to_the_market(analyse, body, stance):
    assert label(analyse(ADOPTION + body), "harbor-air") == stance


def test_cross_party_support_for_a_bill_is_no_speaker_s_stance(analyse):
    analysis = analyse(ADOPTION + "Harbor Air Ltd. said it would ask lawmakers to drop the bill. Its sponsors said "
                       "they had cross-party support for the second reading.")
    assert [e.stance for e in analysis.events if e.statement_index == 2] in ([], ["neutral"])


def test_a_district_named_like_a_club_is_no_company(core_resources):
    body = "Inspectors visited flats in Beyoğlu, Beşiktaş, Kadıköy and Fatih districts last week."
    mentions, _ = find_mentions(body, core_resources.registry)
    assert mentions == []


HEADED_ROUNDUP = ("The government raised the living wage by 4.1 per cent on Thursday.\n\nGreggs\n\nGreggs said it had planned "
           "for the increase.\n\nLush\n\nThe cosmetics retailer welcomed the rise.\n\nTimpson\n\nThe cobbler and "
           "key-cutting chain said it had “no objection whatsoever” to the increase.")


def test_a_roundup_s_headings_name_the_company_its_paragraph_describes(analyse):
    analysis = analyse(HEADED_ROUNDUP)
    speakers_ = [(e.company_id, e.stance) for e in analysis.events if e.role == "speaker"]
    assert speakers_ == [("greggs", "neutral"), ("lush-cosmetics", "support"), ("timpson", "support")]


def test_pushing_for_a_threshold_to_be_raised_opposes_the_rule(analyse):
    analysis = analyse(ADOPTION + "Harbor Air Ltd. welcomed the decision but said it would continue to push for the "
                       "threshold to be raised.")
    assert label(analysis, "harbor-air") == "oppose"


@pytest.mark.parametrize("body, stance", [
    ("Harbor Air Ltd. said it would back an amendment tabled by conservative MEPs to exempt small carriers.", "oppose"),
    ("Harbor Air Ltd. said the levy would make its new routes “very difficult to finance.”", "oppose"),
    ("Harbor Air Ltd. said the country risked losing $6 billion in planned investment to Spain.", "oppose"),
    ("“The levy is the best thing to happen to this industry's credibility in a decade,” said a Harbor Air Ltd. "
     "co-founder.", "support"),
])
def test_backing_an_exempting_amendment_finance_and_losing_investment(analyse, body, stance):
    assert label(analyse(ADOPTION + body), "harbor-air") == stance


def test_a_dash_before_says_attributes_the_statement(analyse):
    analysis = analyse(ADOPTION + "This levy is against the constitution, we will be asking the President for a veto "
                       "– says Piotr Zalewski, member of the board of Harbor Air Ltd.")
    assert label(analysis, "harbor-air") == "oppose"


@pytest.mark.parametrize("body", [
    "Harbor Air Ltd. announced that it will apply to the Council of State for the cancellation of the levy.",
    "Harbor Air Ltd., which flies to 40 cities, sees in the levy the threat for small airports.",
    "Dana Pryce of Harbor Air Ltd. said the levy is “too heavy for domestic carriers”.",
])
def test_the_council_of_state_threats_seen_and_what_is_too_heavy(analyse, body):
    assert label(analyse(ADOPTION + body), "harbor-air") == "oppose"


def test_a_place_based_modifier_after_a_role_is_no_company(core_resources):
    body = "We spoke to Daniyar Seitkali, chief executive of Almaty-based data-centre operator Steppe Cloud LLP."
    mentions, _ = find_mentions(body, core_resources.registry)
    assert [m.surface for m in mentions] == ["Steppe Cloud LLP"]


def test_a_name_before_a_role_and_a_person_is_their_company(analyse):
    analysis = analyse(ADOPTION + "On the other hand, Bitexen founder Mert Aydın said the capital requirement is “too "
                       "heavy for domestic platforms”.")
    assert label(analysis, "bitexen") == "oppose"
    assert not {e.company_id for e in analyse(ADOPTION + "The founder Mert Aydın said it was too heavy.").events}
