"""Attribution and stance through ``analyse_article`` on small hand-written articles.

Every sentence here is new (not from the seed corpus). A case the core gets wrong is kept
with ``xfail(strict=True)``: it states the right behaviour and flips to a failure
("XPASS(strict)") as soon as the core is fixed, so the marker must then be removed.
"""
from __future__ import annotations

import pytest

from schemas import StanceEvent


def events_by_company(analysis) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in analysis.events:
        out.setdefault(e.company_id, []).append(e)
    return out


def only(analysis, company_id: str, statement_index: int | None = None):
    """The one event of a company (in one statement, when given)."""
    found = [e for e in analysis.events if e.company_id == company_id
             and (statement_index is None or e.statement_index == statement_index)]
    assert len(found) == 1, (company_id, [(e.company_id, e.statement_index, e.role) for e in analysis.events])
    return found[0]


def summary(analysis) -> list[tuple[int, str, str, str]]:
    return [(e.statement_index, e.company_id, e.role, e.stance) for e in analysis.events]


# --- roles ---------------------------------------------------------------------------------

def test_speaker_subject_and_mention_roles(analyse):
    analysis = analyse(
        "Regulators in Brussels fined Halvorsen Foods Ltd on Tuesday for breaking the new labelling rules. "
        "Halvorsen Foods said it would appeal the decision. "
        "Analysts compared the company with Nestlé SA, its larger rival."
    )
    assert summary(analysis) == [
        (0, "halvorsen-foods", "subject", "neutral"),
        (1, "halvorsen-foods", "speaker", "oppose"),
        (2, "nestle", "mention", "neutral"),
    ]
    speaker = only(analysis, "halvorsen-foods", 1)
    assert speaker.speaker == "Halvorsen Foods" and speaker.stance_score < 0


@pytest.mark.parametrize("body", [
    "Regulators in Brussels fined Halvorsen Foods Ltd on Tuesday for breaking the new labelling rules.",
    "The regulator said it would fine Halvorsen Foods Ltd for breaching the data protection law.",
    "Halvorsen Foods Ltd was fined 20 million euros by the competition authority over its pricing.",
])
def test_a_company_that_is_regulated_is_a_neutral_subject(analyse, body):
    event = only(analyse(body), "halvorsen-foods")
    assert (event.role, event.stance, event.stance_score, event.speaker) == ("subject", "neutral", 0.0, None)


def test_two_subjects_in_one_sentence(analyse):
    analysis = analyse("The regulator said it would fine Halvorsen Foods Ltd and Brandt Logistics GmbH "
                       "for breaching the data law.")
    assert sorted(summary(analysis)) == [(0, "brandt-logistics", "subject", "neutral"),
                                         (0, "halvorsen-foods", "subject", "neutral")]


def test_a_company_named_inside_someone_elses_claim_is_not_the_speaker(analyse):
    analysis = analyse("Brandt Logistics GmbH said on Monday that it had opened a new depot next to a Siemens AG plant.")
    assert only(analysis, "brandt-logistics").role == "speaker"
    assert only(analysis, "siemens").role == "mention"


# --- quote-first and appositive attribution ------------------------------------------------

@pytest.mark.parametrize("body, company, speaker, stance", [
    ("“The rules are fair and overdue,” said a spokesperson for Siemens AG.", "siemens", None, "support"),
    ("“This ban is a disaster for our customers,” a spokeswoman for Shell Plc said.", "shell", None, "oppose"),
    ("“The levy is a mistake and will cost jobs,” Shell’s chief executive Maria Lindqvist said.",
     "shell", "Maria Lindqvist", "oppose"),
    ("“The levy is a mistake,” said Maria Lindqvist, chief executive of Shell Plc.", "shell", "Maria Lindqvist", "oppose"),
])
def test_quote_first_attribution(analyse, body, company, speaker, stance):
    event = only(analyse(body), company)
    assert (event.role, event.stance) == ("speaker", stance)
    if speaker:
        assert event.speaker == speaker


@pytest.mark.parametrize("name", [
    "Anna Weber",
    "Jane Doe",  # 'Doe' is not the Energy Department's acronym DOE
])
def test_appositive_executive_speaks_for_the_company(analyse, name):
    event = only(analyse(f"{name}, president of Siemens AG, said the company welcomed the grid rules."), "siemens")
    assert (event.role, event.stance, event.speaker) == ("speaker", "support", name)


# --- carrying the speaker to the next statement --------------------------------------------

def test_he_added_carries_the_named_executive(analyse):
    analysis = analyse("Lei Jun, the founder of Xiaomi, criticised the export controls on Tuesday. "
                       "He added that the measures would hurt consumers.")
    first, second = only(analysis, "xiaomi", 0), only(analysis, "xiaomi", 1)
    assert (first.role, first.stance, first.speaker) == ("speaker", "oppose", "Lei Jun")
    assert (second.role, second.stance, second.speaker) == ("speaker", "oppose", "Lei Jun")


def test_she_said_carries_an_unknown_executive(analyse):
    analysis = analyse("Maria Lindqvist, chief executive of Shell Plc, welcomed the carbon rules on Monday. "
                       "She said they gave investors certainty.")
    second = only(analysis, "shell", 1)
    assert (second.role, second.stance, second.speaker) == ("speaker", "support", "Maria Lindqvist")


def test_the_company_refers_back_to_the_last_company_speaker(analyse):
    analysis = analyse("Spotify Technology SA criticised the fine on Wednesday. The company said it would appeal.")
    second = only(analysis, "spotify", 1)
    assert (second.role, second.stance) == ("speaker", "oppose")


@pytest.mark.parametrize("second", ["The company said it would appeal.", "It said it would appeal."])
def test_the_company_refers_back_to_a_fined_subject(analyse, second):
    analysis = analyse("Ireland's data protection regulator fined Halvorsen Foods Ltd 20 million euros on Tuesday "
                       f"over its handling of customer data. {second}")
    event = only(analysis, "halvorsen-foods", 1)
    assert (event.role, event.stance) == ("speaker", "oppose")


# --- negation ------------------------------------------------------------------------------

@pytest.mark.parametrize("body, stance", [
    ("Siemens AG said it does not support the proposed levy.", "oppose"),
    ("Brandt Logistics GmbH said it would not support the levy.", "oppose"),
    ("Brandt Logistics GmbH never supported the levy.", "oppose"),
    ("Siemens AG said it had no objection to the new disclosure rule.", "support"),
    ("Brandt Logistics GmbH said it has no objections to the levy.", "support"),
    ("Siemens AG did not oppose the new disclosure rule.", "support"),
    ("Brandt Logistics GmbH said it would not oppose the levy.", "support"),
])
def test_negation(analyse, body, stance):
    [event] = analyse(body).events
    assert (event.role, event.stance) == ("speaker", stance)
    # a negated cue is weaker than a plain one
    assert abs(event.stance_score) < 1.0


# --- what the cue is aimed at --------------------------------------------------------------

@pytest.mark.parametrize("body, stance", [
    ("Shell Plc welcomed the delay of the emissions rule.", "oppose"),
    ("Brandt Logistics GmbH welcomed the postponement of the data rules.", "oppose"),
    ("Brandt Logistics GmbH praised the decision to scrap the levy.", "oppose"),
    ("Shell Plc criticised the decision to postpone the emissions rule.", "support"),
    ("Brandt Logistics GmbH criticised the delay of the data rules.", "support"),
    # and without an inversion target the cue keeps its own direction
    ("Shell Plc welcomed the emissions rule.", "support"),
    ("Shell Plc criticised the emissions rule.", "oppose"),
])
def test_target_inversion(analyse, body, stance):
    [event] = analyse(body).events
    assert (event.role, event.stance) == ("speaker", stance)


def test_two_companies_with_opposite_stances_in_one_sentence(analyse):
    analysis = analyse("While Siemens AG praised the rules, Shell Plc said it would appeal.")
    siemens, shell = only(analysis, "siemens"), only(analysis, "shell")
    assert (siemens.role, siemens.stance) == ("speaker", "support")
    assert (shell.role, shell.stance) == ("speaker", "oppose")
    assert siemens.statement_id == shell.statement_id and siemens.event_id != shell.event_id


def test_two_companies_sharing_one_predicate(analyse):
    analysis = analyse("Nestlé SA and Unilever Plc welcomed the packaging rules on Monday.")
    assert sorted(summary(analysis)) == [(0, "nestle", "speaker", "support"), (0, "unilever", "speaker", "support")]


# --- neutral cues --------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Siemens AG declined to comment on the levy.",
    "Coupang Inc. said it was reviewing the bill.",
])
def test_neutral_cues_give_a_neutral_speaker(analyse, body):
    [event] = analyse(body).events
    assert (event.role, event.stance, event.stance_score) == ("speaker", "neutral", 0.0)
    assert event.cues, "the neutral cue is the evidence"


# --- VADER is a feature, not the stance ----------------------------------------------------

def test_stance_overrides_positive_sentiment(analyse):
    [event] = analyse("“We strongly oppose this regulation,” said Shell Plc.").events
    assert event.sentiment.compound > 0  # VADER reads "strongly" as positive
    assert (event.role, event.stance) == ("speaker", "oppose") and event.stance_score < 0


def test_stance_overrides_negative_sentiment(analyse):
    [event] = analyse("Shell Plc welcomed the ban.").events
    assert event.sentiment.compound < 0  # VADER reads "ban" as negative
    assert (event.role, event.stance) == ("speaker", "support") and event.stance_score > 0


# --- non-companies never get events --------------------------------------------------------

def test_regulators_and_publishers_never_get_events(analyse):
    analysis = analyse(
        "The European Commission said it welcomed the ban, Reuters reported. Bloomberg praised the rules. "
        "The Cyberspace Administration of China said it strongly supported the new data law."
    )
    assert analysis.skipped_reason is None and len(analysis.statements) == 3
    assert analysis.events == []


# --- articles that are not scored ----------------------------------------------------------

def test_german_article_is_not_scored(analyse):
    analysis = analyse("Die Siemens AG begrüßte die neuen Regeln der Europäischen Kommission und sagte, "
                       "sie unterstütze das Gesetz voll und ganz. Der Konzern will die Vorgaben rasch umsetzen.")
    assert analysis.events == [] and analysis.statements == []
    assert analysis.skipped_reason is not None and analysis.skipped_reason.startswith("language")


def test_declared_language_is_respected(analyse):
    body = "Siemens AG welcomed the new rules and said it supported the law."
    french = analyse(body, language="fr")
    assert french.events == [] and french.skipped_reason == "language:fr"
    assert analyse(body, language="en-GB").events, "an English variant is scored"


def test_short_english_brief_is_scored(analyse):
    analysis = analyse("Regulators fined Halvorsen Foods Ltd last week.")
    assert analysis.skipped_reason is None
    assert summary(analysis) == [(0, "halvorsen-foods", "subject", "neutral")]


@pytest.mark.parametrize("body", ["", "   \n\n\t  "])
def test_empty_body_is_skipped(analyse, body):
    analysis = analyse(body)
    assert (analysis.skipped_reason, analysis.events, analysis.statements) == ("empty body", [], [])


# --- identity and the schema ---------------------------------------------------------------

ARTICLE = ("Shell Plc criticised the proposed carbon levy on Monday. “It will cost jobs,” said Maria Lindqvist, "
           "its chief executive. Siemens AG welcomed the levy. Regulators fined Halvorsen Foods Ltd last year "
           "over the labelling rules.")


def test_same_article_gives_the_same_event_ids(analyse):
    first, second = analyse(ARTICLE, id="a1"), analyse(ARTICLE, id="a1")
    assert len(first.events) >= 4
    assert [e.event_id for e in first.events] == [e.event_id for e in second.events]
    assert [e.model_dump() for e in first.events] == [e.model_dump() for e in second.events]
    assert len({e.event_id for e in first.events}) == len(first.events)


@pytest.mark.parametrize("change", [
    {"body": ARTICLE.replace("last year", "last month")},
    {"title": "A new title is a correction"},
    {"id": "a2"},
])
def test_changed_article_gives_different_event_ids(analyse, change):
    before = analyse(ARTICLE, id="a1")
    after = analyse(**{"body": ARTICLE, "id": "a1", **change})
    assert len(after.events) == len(before.events)
    assert not {e.event_id for e in before.events} & {e.event_id for e in after.events}
    if "id" not in change:
        assert after.content_hash != before.content_hash


def test_events_validate_and_point_at_their_statement(analyse):
    analysis = analyse(ARTICLE, id="a1", published_at="2024-06-01T08:00:00Z")
    assert analysis.events
    statements = {s.statement_id: s for s in analysis.statements}
    for event in analysis.events:
        again = StanceEvent.model_validate(event.model_dump(mode="json"))
        assert again == event
        assert -1.0 <= event.stance_score <= 1.0 and 0.0 <= event.confidence <= 1.0
        assert event.statement_id == f"{event.article_id}:{event.statement_index}"
        statement = statements[event.statement_id]
        assert statement.text == event.text
        assert event.company_id in {c.company_id for c in statement.companies}
        assert event.entity_type == "company" and event.content_hash == analysis.content_hash
        assert event.published_at is not None and event.published_at.year == 2024
        if event.role != "speaker":
            assert (event.stance, event.stance_score) == ("neutral", 0.0)
        elif event.stance == "support":
            assert event.stance_score > 0
        elif event.stance == "oppose":
            assert event.stance_score < 0


# --- answers, unnamed spokesmen, member lists, descriptors (from the third blind set's lessons) ---

@pytest.mark.parametrize("first, expected", [
    ("Corvel Foods Ltd welcomed the new packaging rules.", "oppose"),
    ("Corvel Foods Ltd criticised the new packaging rules as unworkable.", "support"),
])
def test_taking_the_opposite_view_answers_the_last_company(analyse, first, expected):
    analysis = analyse(first + " Brightmoor Dairies Plc took the opposite view.")
    assert only(analysis, "brightmoor-dairies").stance == expected


def test_an_answer_with_nobody_before_it_takes_no_side(analyse):
    assert only(analyse("Brightmoor Dairies Plc took the opposite view on the packaging rules."),
                "brightmoor-dairies").stance == "neutral"


def test_stopping_short_of_endorsing_is_no_stance(analyse):
    event = only(analyse("Qorvath Telecom Ltd stopped short of endorsing the spectrum rules, saying it was still "
                         "studying them."), "qorvath-telecom")
    assert (event.role, event.stance) == ("speaker", "neutral")


def test_a_spokesman_after_a_company_clause_speaks_for_that_company(analyse):
    analysis = analyse("Tarnwell Motors Inc. backed the emissions standard. "
                       "Ostrava Parts Ltd did not oppose the standard, a spokesman said.")
    event = only(analysis, "ostrava-parts", 1)
    assert (event.role, event.stance) == ("speaker", "support")
    assert not [e for e in analysis.events if e.company_id == "tarnwell-motors" and e.statement_index == 1]


def test_members_named_by_an_association_do_not_speak(analyse):
    analysis = analyse("The Retail Payments Forum, an industry body whose members include Velcroft Bank Plc, "
                       "Harlow Pay Ltd and Denby Cards Ltd, said the interchange cap was unworkable.")
    assert len(analysis.events) == 3 and all(e.role != "speaker" for e in analysis.events)


def test_a_clause_without_subject_goes_on_with_a_non_company_speaker(analyse):
    analysis = analyse("Mirefield Energy Plc did not respond to a request for comment. "
                       "The Northern Drilling Contractors Council said the levy was a step in the right direction "
                       "but repeated its call for the levy to be scrapped.")
    assert not [e for e in analysis.events if e.statement_index == 1]


def test_company_named_after_a_descriptor(analyse):
    event = only(analyse("Belgian materials group Velmara backed the battery rules on Monday."), "velmara")
    assert (event.role, event.stance) == ("speaker", "support")


def test_indian_private_limited_is_one_name_and_one_statement(analyse):
    analysis = analyse("Kiranbai Fintech Pvt. Ltd., a Pune-based lender, said the consent rules were unworkable.")
    assert len(analysis.statements) == 1
    assert only(analysis, "kiranbai-fintech").stance == "oppose"


def test_unknown_names_with_latin_capitals_and_dotted_legal_forms(analyse):
    event = only(analyse("Ege Çelik Sanayi A.Ş., a Turkish steelmaker, said the carbon levy was unfair."),
                 "ege-celik-sanayi")
    assert (event.company_name, event.stance) == ("Ege Çelik Sanayi", "oppose")


def test_asking_to_reject_a_delay_supports_the_rule(analyse):
    event = only(analyse("Halden Gas ASA urged member states to reject the delay to the methane rules."), "halden-gas")
    assert event.stance == "support"


@pytest.mark.parametrize("quote", [
    "“Those lobbying to water the rules down are asking Europe to reward the laggards,” Halden Gas ASA said.",
    "“Anyone who says the rules cannot work has not looked at Norway,” Halden Gas ASA said.",
])
def test_attacking_a_generic_third_party_supports_what_they_attack(analyse, quote):
    assert only(analyse(quote), "halden-gas").stance == "support"


def test_a_cue_about_the_speaker_itself_is_not_a_third_partys(analyse):
    event = only(analyse("Halden Gas ASA said we are among the companies that oppose the methane rules."), "halden-gas")
    assert event.stance == "oppose"


def test_going_further_follows_the_last_company(analyse):
    analysis = analyse("Corvel Foods Ltd criticised the packaging rules as unworkable. "
                       "Brightmoor Dairies Plc went further, saying the timetable was impossible.")
    assert only(analysis, "brightmoor-dairies").stance == "oppose"


def test_a_proposal_to_ease_a_rule_is_a_rollback(analyse):
    analysis = analyse("The European Commission proposed easing the methane rules and pushing back penalties "
                       "until 2029. Halden Gas ASA welcomed the proposal.", title="Brussels proposes easing methane rules")
    assert only(analysis, "halden-gas").stance == "oppose"


def test_a_country_in_an_unknown_name_is_no_second_reference(analyse):
    analysis = analyse("PT Sinar Mas Nikel Indonesia said it backed the royalty. "
                       "Indonesia will raise royalties on nickel ore.")
    assert [e.statement_index for e in analysis.events] == [0]


def test_an_opening_word_does_not_hide_the_company_behind_it(analyse):
    event = only(analyse("Also the company Casa Brava Pisos S.L., that manages 85 flats, affirmed that it will sue "
                         "the City Council."), "casa-brava-pisos")
    assert (event.role, event.stance) == ("speaker", "oppose")


def test_a_place_based_description_refers_back(analyse):
    analysis = analyse("Korvan Mining Ltd said the quotas would restore value. "
                       "The Luxembourg-headquartered miner said it fully supported the quotas.")
    assert only(analysis, "korvan-mining", 1).role == "speaker"


def test_a_passive_welcome_of_a_rollback_opposes_the_rule(analyse):
    analysis = analyse("The government will scale back the hydrogen mandate and push back its deadline until 2032. "
                       "The decision was welcomed by Fjellnor Ammonia ASA.",
                       title="Netherlands scales back green hydrogen mandate")
    assert only(analysis, "fjellnor-ammonia").stance == "oppose"


def test_asking_about_criticism_takes_no_side(analyse):
    event = only(analyse("Barclays analyst Tom Whelan asked about criticism of the grid rules."), "barclays")
    assert event.stance == "neutral"


def test_a_relative_clause_after_a_member_list_belongs_to_the_group(analyse):
    analysis = analyse("Analysts cited the Data Centres Forum, an industry group whose members include Velcroft "
                       "Cloud Ltd and Harlow Compute Ltd, which has called the requirement a costly step backwards.")
    assert all(e.role != "speaker" for e in analysis.events)


def test_an_op_ed_writer_speaks_for_the_company_in_the_byline(analyse):
    analysis = analyse("OPINION\n\nBy Elena Markou\n\nSince January, importers pay for their carbon. "
                       "I think that is exactly right. We did not oppose the levy and we never will.\n\n"
                       "Elena Markou is chief executive of Thessalor Cement S.A., a Greek producer.")
    stances = {e.statement_index: e.stance for e in analysis.events if e.company_id == "thessalor-cement"
               and e.role == "speaker"}
    assert stances and set(stances.values()) == {"support"}


def test_an_interviewees_answers_are_their_companys(analyse):
    analysis = analyse("Tendai Mutasa is chief executive of Kalahari Lithia Ltd., a London-listed miner.\n\n"
                       "Q: Do you accept the ban?\n\nMutasa: What I don't accept is the timeline.")
    event = only(analysis, "kalahari-lithia", 2)
    assert (event.role, event.stance) == ("speaker", "oppose")


def test_first_person_in_ordinary_news_has_no_author(analyse):
    analysis = analyse("Regulators fined Harrowgate Aerial Holdings Ltd. We think the fine is fair.")
    assert [e.role for e in analysis.events] == ["subject"]


@pytest.mark.parametrize("body, stance", [
    ("“It's the right thing for the region,” Roamor Ltd founder Chidi Okafor said.", "support"),
    ("Roamor Ltd lamented the postponement of the roaming cap.", "support"),
    ("Roamor Ltd told the Commission the targets must not be diluted.", "support"),
])
def test_contractions_laments_and_refused_dilution(analyse, body, stance):
    assert only(analyse(body), "roamor").stance == stance


def test_companies_named_as_members_of_a_council_do_not_speak(analyse):
    analysis = analyse("The National Farm Council, that groups companies as Grumex Foods Ltd and Panora Mills Ltd, "
                       "celebrated the measure.")
    assert all(e.role != "speaker" for e in analysis.events) and len(analysis.events) == 2


def test_an_interview_introduced_by_the_interviewer_gives_the_answers_to_the_company(analyse):
    analysis = analyse("The law took effect in March. We asked Kenjo Morita, chief executive of Hoshiyama Games K.K., "
                       "a game developer, how it is working out.\n\nQ: Is it working?\n\nA: We support the law, fully.")
    event = only(analysis, "hoshiyama-games", 3)
    assert (event.role, event.speaker, event.stance) == ("speaker", "Kenjo Morita", "support")


def test_that_is_why_opens_a_first_person_statement(analyse):
    analysis = analyse("Every week phones arrive at our shops. That is why we back the ministry's proposal.\n\n"
                       "The writer is chief executive of Rebootly Devices Pvt. Ltd., a repair chain.")
    assert only(analysis, "rebootly-devices", 1).stance == "support"


@pytest.mark.parametrize("body, stance", [
    ("Corvina Telecom Ltd said the reserve price was too high.", "oppose"),
    ("Corvina Telecom Ltd said the bill would discriminate against foreign-listed firms.", "oppose"),
    ("Corvina Telecom Ltd signalled it could live with the new deadline.", "support"),
    ("Corvina Telecom Ltd said it would file a motion for reconsideration.", "oppose"),
    ("Corvina Telecom Ltd welcomed reports that the ministry might postpone the levy.", "oppose"),
    ("Corvina Telecom Ltd asked lawmakers to eliminate the article on fees.", "oppose"),
    ("From Corvina Telecom Ltd they did not want to make comments on the approved text.", "neutral"),
    ('Corvina Telecom Ltd said: "We back this policy and we hope it stays."', "support"),
])
def test_more_cues_of_a_side(analyse, body, stance):
    assert only(analyse(body), "corvina-telecom").stance == stance


@pytest.mark.parametrize("body", [
    "Corvina Telecom Ltd said it already offers technical support and cheap loans to small sellers.",
    "Corvina Telecom Ltd said new customers get a welcome bonus of 20 euros.",
    "Corvina Telecom Ltd said its customer support line handles the complaints.",
    "Corvina Telecom Ltd said its shares slipped 2.1% before finding support at 13 riyals.",
    "Corvina Telecom Ltd said its prices had risen broadly in line with the tax.",
    "Corvina Telecom Ltd has said it is working with suppliers on the labels.",
])
def test_a_cue_word_in_another_sense_takes_no_side(analyse, body):
    assert only(analyse(body), "corvina-telecom").stance == "neutral"


def test_an_earnings_calls_role_labels_speak_for_the_host(analyse):
    analysis = analyse("Edited excerpt from Kestrel Mobile plc's third-quarter results call.\n\n"
                       "Analyst, JPMorgan: Has Zambezi Telecom Ltd's pricing changed?\n\n"
                       "Chief Executive Officer: It's a levy on the customer, and it is unfair.")
    event = only(analysis, "kestrel-mobile", 2)
    assert (event.role, event.stance) == ("speaker", "oppose")
    assert only(analysis, "zambezi-telecom").role == "mention"


def test_a_live_blog_entry_with_a_long_label_and_a_newer_role(analyse):
    analysis = analyse("10:15 Lantern Ledger Exchange's chief operating officer, speaking on stage: "
                       "“This is what we asked for, and we welcome it.”")
    event = only(analysis, "lantern-ledger-exchange")
    assert (event.role, event.stance) == ("speaker", "support")


def test_an_intro_phrase_ends_at_its_comma_before_a_company(analyse):
    analysis = analyse("The snack tax passed on Monday. In a filing on Tuesday, URC said it was "
                       "disappointed and would continue to press for changes before the deadline.")
    event = only(analysis, "universal-robina", 1)
    assert (event.role, event.stance) == ("speaker", "oppose")


def test_he_after_a_role_is_that_companys_person(analyse):
    analysis = analyse("URC said the labels were unfair. Mondo Noodles Inc. took the "
                       "opposite view. Its chief executive said the company backs the labels. "
                       "“Clear labels reward companies that reformulate,” he said.")
    assert only(analysis, "mondo-noodles", 3).role == "speaker"
    assert [e.role for e in analysis.events if e.company_id == "universal-robina" and e.statement_index == 3] == []


def test_asking_for_another_rule_instead_opposes_this_one(analyse):
    event = only(analyse("Corvina Foods Ltd asked the agency to adopt a traffic-light label instead."), "corvina-foods")
    assert event.stance == "oppose"
    event = only(analyse("Corvina Foods Ltd urged the agency to adopt the labels rather than wait."), "corvina-foods")
    assert event.stance == "support"


def test_a_legal_challenge_brought_by_companies_is_their_opposition(analyse):
    analysis = analyse("The judicial review was brought by Vaporix Trading Sdn. Bhd. and Kilang Cair Sdn. Bhd., "
                       "which makes e-liquids.")
    assert {(e.company_id, e.role, e.stance) for e in analysis.events} == {
        ("vaporix-trading", "speaker", "oppose"), ("kilang-cair", "speaker", "oppose")}


@pytest.mark.parametrize("body, company", [
    ("“This law is fair,” said Marta Kowal, who co-owns Apteka Kowal Sp. z o.o., a family business.", "apteka-kowal"),
    ("“The cap is the right call,” said Dave Ellor, who has run Streamway Cars Ltd since 1994.", "streamway-cars"),
])
def test_a_speaker_who_owns_or_runs_a_company_speaks_for_it(analyse, body, company):
    event = only(analyse(body), company)
    assert (event.role, event.stance) == ("speaker", "support")


@pytest.mark.parametrize("body, company, stance", [
    ("Corvina Mining Ltd said the bill undermined its commitments.", "corvina-mining", "oppose"),
    ("Corvina Mining Ltd was also critical.", "corvina-mining", "oppose"),
    ("Corvina Mining Ltd took the government's side.", "corvina-mining", "support"),
    ("Corvina Mining Ltd said the committee had corrected a distortion.", "corvina-mining", "support"),
    ("Corvina Mining Ltd has argued for the rule to go ahead.", "corvina-mining", "support"),
    ("Corvina Mining Ltd said it had filed an amparo petition.", "corvina-mining", "oppose"),
    ("Corvina Mining Ltd asked the ministry to replace the trigger with case-by-case closures.", "corvina-mining", "oppose"),
    ("Corvina Mining Ltd said it would welcome a two-year phase-in.", "corvina-mining", "oppose"),
    ("“A strong system is cheaper for everyone, including the banks that will complain,” said the chief executive "
     "of Corvina Bank Ltd.", "corvina-bank", "support"),
])
def test_cues_of_this_session(analyse, body, company, stance):
    assert only(analyse(body), company).stance == stance


def test_contractions_read_as_words(analyse):
    analysis = analyse("“I'm against this bill,” said Derek Mack, who owns Harbour Homes Ltd.")
    assert only(analysis, "harbour-homes").stance == "oppose"


@pytest.mark.parametrize("opening", [
    "By Akosua Mensah, chief executive of Asantea Cocoa Ltd.\n\n",
    "Park Ji, who runs Dabomi AI Co., Ltd., spoke to us by phone.\n\n",
])
def test_bylines_and_interview_intros_give_the_first_person_a_company(analyse, opening):
    analysis = analyse(opening + "The rule took effect in March. We support the rule, and we always have.")
    company = "asantea-cocoa" if "Asantea" in opening else "dabomi-ai"
    assert only(analysis, company, 2).stance == "support"


@pytest.mark.parametrize("body, stance", [
    ("Corvina Telecom Ltd said the network would support 10 million 5G users by year-end.", "neutral"),
    ("Corvina Telecom Ltd said it signed the amended agreement with a pipeline operator.", "neutral"),
    ("Corvina Telecom Ltd asked regulators to exclude its video app from the definition.", "oppose"),
    ("Corvina Telecom Ltd submitted an opinion asking for the presumption clause to be deleted.", "oppose"),
])
def test_capacity_contracts_exclusions_and_deletions(analyse, body, stance):
    assert only(analyse(body), "corvina-telecom").stance == stance


def test_a_call_of_a_company_makes_it_the_host(analyse):
    analysis = analyse("Edited excerpt from the first-quarter earnings conference call of Redwood Gas Corp.\n\n"
                       "Chief Executive Officer: We think the methane rule is unworkable.")
    assert only(analysis, "redwood-gas", 1).stance == "oppose"


def test_a_relative_clause_in_news_makes_no_author(analyse):
    analysis = analyse("Nordwind Cloud Ltd welcomed the rules. “It is what we have asked for,” a spokesperson said.\n\n"
                       "Siobhan Kearns, who runs Clarebay Engineering Ltd, a machine shop, said she had no view.")
    assert only(analysis, "nordwind-cloud", 1).stance == "support"
    assert [e.statement_index for e in analysis.events if e.company_id == "clarebay-engineering"] == [2]


@pytest.mark.parametrize("body", [
    "Atlasia Cloud SARL said: « We salute this framework, which we have always called for. »",
    "Atlasia Cloud SARL said it adheres fully to the objectives of the framework.",
    "“We've asked for this for ten years. It should start this year,” Atlasia Cloud SARL's chief executive said.",
])
def test_more_ways_to_back_a_rule(analyse, body):
    assert only(analyse(body), "atlasia-cloud").stance == "support"


def test_a_hearing_label_with_role_and_company_speaks(analyse):
    analysis = analyse("Chair: I give the floor to Ms Vogt.\n\n"
                       "Henrike Vogg (Managing Director, Schwarzwald Teile GmbH): This law is unworkable for us.")
    event = only(analysis, "schwarzwald-teile", 1)
    assert (event.role, event.stance) == ("speaker", "oppose")


@pytest.mark.parametrize("body, stance", [
    ("Regulators adopted the disclosure rule on Monday. Evermore Asset Management Inc. said it was disappointed.", "oppose"),
    ("A court struck down the disclosure rule on Monday, vacating it. The court overturned it in full. "
     "Evermore Asset Management Inc. said it was disappointed.", "support"),
])
def test_disappointment_takes_the_other_side_of_the_news(analyse, body, stance):
    assert only(analyse(body), "evermore-asset-management").stance == stance


@pytest.mark.parametrize("body, stance", [
    ("Asked whether the company now supports the Act, Corvina Media Inc. said it could not comment.", "neutral"),
    ("Corvina Media Inc. said it had urged the commission as recently as January to keep the rule.", "support"),
    ("Corvina Media Inc. said the funds would support its expansion into New Zealand.", "neutral"),
    ("Corvina Media Inc., a start-up backed by a regional venture fund, opened an office.", "neutral"),
    ("Corvina Media Inc. said it would back its Italian unit with further capital.", "neutral"),
    ("Corvina Media Inc. urged the Commission to resist any calls to reopen the targets.", "support"),
    ("Corvina Media Inc. gave the plan a cautious thumbs up.", "support"),
])
def test_questions_windows_and_financial_backing(analyse, body, stance):
    assert only(analyse(body), "corvina-media").stance == stance


def test_a_refusal_joined_by_or_does_not_turn_the_next_request(analyse):
    event = only(analyse("Ironside Robotics Corp. urged the Senate to reject the bill or exempt robots behind barriers."),
                 "ironside-robotics")
    assert event.stance == "oppose"


@pytest.mark.parametrize("body, company, stance", [
    ('Brussels delayed the rule again. Ferrano SpA said the delay "punishes companies that prepared in good faith."',
     "ferrano", "support"),
    ("Berlin scrapped the heating law. Viessberg GmbH said: Scrapping the 65% requirement without a clear "
     "replacement is a mistake.", "viessberg", "support"),
    ("The regulator banned the bonuses. Thamesa Water Ltd said it notes the decision.", "thamesa-water", "neutral"),
    ("Roggers Media Inc.: Asked about the repeal at a press event, the company's chief executive spoke only "
     "about pricing.", "roggers-media", "neutral"),
])
def test_a_rollback_as_subject_noting_a_decision_and_questions(analyse, body, company, stance):
    assert [e.stance for e in analyse(body).events if e.company_id == company and e.role == "speaker"][-1] == stance


def test_a_roundups_labels_name_who_speaks(analyse):
    analysis = analyse("Shopify: The platform called the repeal sensible.\n"
                       "Canadian Chamber of Commerce: The business group said the repeal restores certainty.\n"
                       "Amazon: A spokesperson declined to comment.")
    assert [(e.statement_index, e.company_id) for e in analysis.events] == [(0, "shopify"), (2, "amazon")]


@pytest.mark.parametrize("body, stance", [
    ("Workdey Inc. said: We urge the committee to pass this delay.", "oppose"),
    ("Workdey Inc. asked legislators to adopt the looser test used in Connecticut.", "oppose"),
    ("Workdey Inc. said the cap should be implemented without further delay.", "support"),
])
def test_a_requested_adoption_of_a_rollback_opposes_the_rule(analyse, body, stance):
    assert only(analyse(body), "workdey").stance == stance


@pytest.mark.parametrize("body, stance", [
    ("Nordwerk GmbH wants the Commission to set a fine for every month of delay.", "support"),
    ("Nordwerk GmbH wants the attorney general to start issuing fines.", "support"),
    ("Nordwerk GmbH, which endorsed the bill last summer, is still talking it up.", "support"),
    ("Nordwerk GmbH said it testified for the bill in March.", "support"),
    ("Nordwerk GmbH is not convinced.", "oppose"),
])
def test_enforcement_requests_championing_and_scepticism(analyse, body, stance):
    assert only(analyse(body), "nordwerk").stance == stance


def test_a_suits_object_ends_where_its_argument_begins(analyse):
    event = only(analyse("Samhwo Chemical Co. filed an administrative suit last week arguing the lower threshold "
                         "exceeds the agency's authority."), "samhwo-chemical")
    assert event.stance == "oppose"


def test_a_call_header_with_a_dash_names_the_host(analyse):
    analysis = analyse("Daeyeon Holdings Co., Ltd. — Q4 2025 Earnings Conference Call\n\n"
                       "For our part, we are not challenging the rule.")
    assert only(analysis, "daeyeon-holdings", 1).stance == "support"


@pytest.mark.parametrize("body, stance", [
    ('The government extended the bank tax. Vltavan Energie a.s. said it was "relieved" that the government had '
     'decided not to renew the levy on energy companies.', "oppose"),
    ("Vltavan Energie a.s. said its stores already accepted cash and would continue to do so.", "neutral"),
    ("Vltavan Energie a.s. said the adjudicator should be given power to impose financial penalties and that "
     "disputes should be resolved within 60 days.", "support"),
    ("Vltavan Energie a.s. said it was not opposed to reforming the programme in principle. "
     "“But we cannot support it in this form,” its director said.", "oppose"),
])
def test_relief_named_by_its_object_cash_disputes_and_hedged_non_opposition(analyse, body, stance):
    events = [e for e in analyse(body).events if e.company_id == "vltavan-energie" and e.role == "speaker"]
    assert ("support" if sum(e.stance_score for e in events) > 0 else "oppose" if sum(
        e.stance_score for e in events) < 0 else "neutral") == stance


@pytest.mark.parametrize("body, stance", [
    ("Sanofa SA welcomed its new chief financial officer, who joins from a consumer-goods group.", "neutral"),
    ("Sanofa SA said its order book was backed by strong demand from European customers.", "neutral"),
    ("Sanofa SA said its technology supports checks on more than 40 platforms.", "neutral"),
    ("Sanofa SA said enforcement had been far too gentle.", "support"),
    ("Sanofa SA said: “We back this law completely.”", "support"),
    ("“This is price-setting, and we will say so in court,” said the general counsel of Sanofa SA.", "oppose"),
    ("Sanofa SA said it would file suit within weeks.", "oppose"),
    ("Sanofa SA urged the government to amend the act.", "oppose"),
])
def test_more_non_cues_and_cues(analyse, body, stance):
    assert only(analyse(body), "sanofa").stance == stance


@pytest.mark.parametrize("body, company, stance", [
    # machine translation drops the closing quote; the reporting clause after the last comma still speaks
    ("Regulators adopted the levy. “We fully support the levy and will comply, Zentrova Robotics Inc. said.",
     "zentrova-robotics", "support"),
    ("Regulators adopted the levy. “The levy is unworkable for small sellers, said Mo Guangming, chairman of "
     "Guangxi Rongtai Trading Co., Ltd. in Nanning.", "guangxi-rongtai-trading", "oppose"),
])
def test_an_unclosed_quote_ends_before_its_reporting_clause(analyse, body, company, stance):
    events = [e for e in analyse(body).events if e.company_id == company]
    assert [(e.role, e.stance) for e in events] == [("speaker", stance)]


@pytest.mark.parametrize("text", [
    "“Before, I had no way of knowing whether someone was who they said they were.",  # a quote going on
    "“The levy is unworkable, the company said.”",  # closed after the last word
])
def test_a_quote_that_goes_on_or_is_closed_stays_quoted(core_resources, text):
    from streams.core.attribution import tokenize
    tokens = tokenize(text, core_resources.attribution.reporting)
    assert all(t.quoted for t in tokens)
