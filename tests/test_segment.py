"""Segmentation on real, messy text: statements, offsets, quotes, abbreviations and furniture.

Statements are read from ``analyse_article`` (the public contract: ``Statement`` records with
offsets into the body), so these tests hold whatever the segmenter's internals become.
"""
from __future__ import annotations

import json
import re

import pytest

SEED_BOILERPLATE = [
    "subscribe our channel",
    "support our journalism",
    "ThePrint has the best",
    "Photographer: Chan Long He",
    "Read also:",
]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def texts(analysis) -> list[str]:
    return [s.text for s in analysis.statements]


def containing(analysis, fragment: str) -> list[str]:
    return [s.text for s in analysis.statements if norm(fragment) in norm(s.text)]


@pytest.fixture(scope="module")
def seed_body(seed_text_path) -> str:
    return seed_text_path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(analyse, seed_body):
    return analyse(seed_body, id="seed")


# --- the seed article ----------------------------------------------------------------------

@pytest.mark.parametrize("boilerplate", SEED_BOILERPLATE)
def test_seed_boilerplate_is_never_a_statement(seed, boilerplate):
    assert containing(seed, boilerplate) == []


def test_seed_article_text_survives_the_furniture(seed):
    # The furniture filter must not take the article with it: the paragraphs around the
    # caption and before the media-crisis appeal are still there.
    assert len(containing(seed, "is set to voice his support for President Xi Jinping")) == 1
    assert len(containing(seed, "Ant agreed to share data from its tiny lending service")) == 1
    assert len(seed.statements) >= 20


@pytest.mark.parametrize("fragment, also", [
    ("Xiaomi Corp. Co-founder Lei Jun said", "help close the digital divide"),
    ("Alibaba Health Information Technology Ltd. and JD Health International Inc. do business",
     "in the online health sector"),
    ("Tesla Inc.’s Elon Musk praised", "his company localizes its China data"),
    ("Qualcomm Inc.’s Cristiano Amon praised", "urged US and Chinese companies"),
])
def test_seed_legal_forms_do_not_split_a_sentence(seed, fragment, also):
    [statement] = containing(seed, fragment)
    assert norm(also) in norm(statement)


def test_seed_offsets_index_the_body(seed, seed_body):
    previous_end = 0
    for i, s in enumerate(seed.statements):
        assert seed_body[s.start:s.end] == s.text
        assert s.start >= previous_end, "statements overlap or are out of order"
        assert s.text == s.text.strip() and s.text
        assert s.index == i and s.statement_id == f"seed:{i}"
        previous_end = s.end


def test_seed_no_statement_starts_with_a_lone_closing_quote(seed):
    for text in texts(seed):
        assert not re.match(r"[”’]\s", text), text
        assert any(ch.isalnum() for ch in text), text


def test_seed_stray_opening_quote_stays_with_its_sentence(seed):
    # "… return”. Rather the original intent of the Internet. “" — the stray mark at the end
    # of the paragraph belongs to the sentence before it, not to a statement of its own.
    [statement] = containing(seed, "Rather the original intent of the Internet")
    assert statement.endswith("Internet. “")
    assert "“" not in texts(seed)


def test_seed_quote_attribution_stays_in_its_statement(seed):
    [statement] = containing(seed, "safeguard their healthy development")
    assert statement.endswith("Sheng said.")
    assert statement.startswith("“We want to reform the rules")


# --- quotes on hand-written text -----------------------------------------------------------

def test_multi_sentence_quote_stays_with_its_attribution(analyse):
    body = "“We will comply. The rules are fair,” said a spokesperson for Brandt Logistics GmbH. Nothing else was said."
    assert texts(analyse(body)) == [
        "“We will comply. The rules are fair,” said a spokesperson for Brandt Logistics GmbH.",
        "Nothing else was said.",
    ]


def test_stray_quote_at_paragraph_end_stays_with_its_sentence(analyse):
    body = "Halvorsen Foods Ltd said the labelling rules were fair. “\n\nIt added nothing else on Tuesday."
    analysis = analyse(body)
    assert texts(analysis) == [
        "Halvorsen Foods Ltd said the labelling rules were fair. “",
        "It added nothing else on Tuesday.",
    ]


def test_a_paragraph_of_only_a_quote_mark_is_not_a_statement(analyse):
    body = "“The rules are fair,” said Jo Bell.\n\n”\n\nThe levy takes effect in May."
    assert texts(analyse(body)) == ["“The rules are fair,” said Jo Bell.", "The levy takes effect in May."]


def test_closing_quote_after_period_ends_the_statement(analyse):
    body = "The firm said “we will fight this.” Then the hearing was adjourned."
    assert texts(analyse(body)) == ["The firm said “we will fight this.”", "Then the hearing was adjourned."]


# --- abbreviations -------------------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("Regulators in the U.S. said on Jan. 5 that the rule would apply. The industry was not consulted.",
     ["Regulators in the U.S. said on Jan. 5 that the rule would apply.", "The industry was not consulted."]),
    ("Dr. Ruth Kemp said the No. 2 item on the list was the levy. Nobody disagreed.",
     ["Dr. Ruth Kemp said the No. 2 item on the list was the levy.", "Nobody disagreed."]),
    ("Samsung Electronics Co. Chairman Jay Y. Lee said the company supported the law. Others stayed quiet.",
     ["Samsung Electronics Co. Chairman Jay Y. Lee said the company supported the law.", "Others stayed quiet."]),
    ("Apple Inc. €500 million fine was upheld by the court. The company said it would appeal.",
     ["Apple Inc. €500 million fine was upheld by the court.", "The company said it would appeal."]),
    ("Mr. Cook met Sen. Warren in Washington, D.C. on Friday. They spoke for an hour.",
     ["Mr. Cook met Sen. Warren in Washington, D.C. on Friday.", "They spoke for an hour."]),
    # The abbreviation does end the sentence when a new one clearly starts.
    ("The company sells most of its phones in the U.S. The regulator said it would act.",
     ["The company sells most of its phones in the U.S.", "The regulator said it would act."]),
    ("He works at Tesla Inc. He said the rule was fair.",
     ["He works at Tesla Inc.", "He said the rule was fair."]),
    # "& Co." inside a longer name that ends in a legal form
    ("Cedar & Co. Cosmetics LLC, a Sharjah brand, went further. Others stayed quiet.",
     ["Cedar & Co. Cosmetics LLC, a Sharjah brand, went further.", "Others stayed quiet."]),
])
def test_abbreviations(analyse, body, expected):
    assert texts(analyse(body)) == expected


# --- furniture -----------------------------------------------------------------------------

def test_trailing_subscription_appeal_is_dropped_but_its_paragraph_kept(analyse, shared_dir):
    # dev article d08: the appeal shares a paragraph with the only real sentence.
    records = [json.loads(line) for line in (shared_dir / "eval" / "dev_articles.jsonl").read_text("utf-8").splitlines()
               if line.strip()]
    [d08] = [r for r in records if r["id"] == "d08"]
    assert "Subscribe now to support quality journalism." in d08["body"]
    analysis = analyse(d08["body"], id="d08", title=d08["title"])
    assert texts(analysis) == [
        "Ørsted A/S welcomed the government's ban on new coal plants, calling it a clear signal to investors."
    ]


def test_photo_credit_inside_a_long_paragraph_does_not_drop_the_paragraph(analyse):
    kept = [
        "Nordwind Energie AG said it welcomed the grid rules and would invest more in the coming years.",
        "The company has lobbied for faster permits since the law was first proposed in 2021.",
        "A wind turbine stands near Esbjerg, Denmark.",
        "Its chief executive said the ban on new coal plants was overdue and praised the ministry.",
        "Brandt Logistics GmbH said it was still reviewing the text of the regulation.",
    ]
    body = " ".join(kept[:3] + ["Photo: Reuters."] + kept[3:])  # one paragraph, no newlines
    assert len(body) > 400
    analysis = analyse(body)
    assert texts(analysis) == kept
    assert containing(analysis, "Photo: Reuters") == []


def test_caption_and_plug_paragraphs_are_dropped(analyse):
    body = (
        "Brandt Logistics GmbH said it would comply with the new rules.\n\n"
        "Lorries queue at the port of Hamburg. Photographer: Anna Weber/Bloomberg\n\n"
        "Read also: Why the port of Hamburg is losing business\n\n"
        "The company said the rules were fair to smaller carriers."
    )
    assert texts(analyse(body)) == [
        "Brandt Logistics GmbH said it would comply with the new rules.",
        "The company said the rules were fair to smaller carriers.",
    ]


def test_statement_offsets_on_hand_written_text(analyse):
    body = "  Shell Plc criticised the levy.\n\n  “It is a mistake,” it said.  \nThe vote is on Friday.  "
    analysis = analyse(body)
    assert texts(analysis) == ["Shell Plc criticised the levy.", "“It is a mistake,” it said.", "The vote is on Friday."]
    for s in analysis.statements:
        assert body[s.start:s.end] == s.text


@pytest.mark.parametrize("body, expected", [
    ("“It is fair,” G. Brint Ryan said. Nobody else spoke.", ["“It is fair,” G. Brint Ryan said.", "Nobody else spoke."]),
    ("Nippon Steel and U. S. Steel said they would sue. Nobody else spoke.",
     ["Nippon Steel and U. S. Steel said they would sue.", "Nobody else spoke."]),
    ("Starlink said so in a post on X. Amazon also backed the fee.",
     ["Starlink said so in a post on X.", "Amazon also backed the fee."]),
])
def test_a_capital_letter_with_a_dot_is_an_initial_unless_a_preposition_precedes(analyse, body, expected):
    assert texts(analyse(body)) == expected


def test_list_items_stand_alone(analyse):
    body = ("DAR ES SALAAM, 14:05 GMT\n\n* Tanzania to raise gold royalty to 8% from 6%\n"
            "* Barrick -1.3% in Toronto premarket\n* Lake Zone Gold Ltd says the increase is uneconomic\n\n"
            "Shares of gold miners fell on Thursday.")
    assert texts(analyse(body))[1:4] == ["* Tanzania to raise gold royalty to 8% from 6%",
                                          "* Barrick -1.3% in Toronto premarket",
                                          "* Lake Zone Gold Ltd says the increase is uneconomic"]


def test_a_copyright_notice_goes_but_talk_about_copyright_stays(analyse):
    analysis = analyse("“We did not sign because the copyright chapter is impossible for a small lab,” says its founder.\n\n"
                       "The AI Office will publish guidance.\n\n© 2026 Meridian Wire. All rights reserved.")
    assert containing(analysis, "copyright chapter is impossible")
    assert not containing(analysis, "All rights reserved") and not containing(analysis, "Meridian Wire")


def test_a_camel_case_brand_opens_a_sentence(analyse):
    analysis = analyse('The SABC welcomed the rules, saying they would "help viewers". eMedium Holdings Ltd, owner of a '
                       "free-to-air channel, also backed the rules.")
    assert len(analysis.statements) == 2 and analysis.statements[1].text.startswith("eMedium")


@pytest.mark.parametrize("note", [
    "* Text translated automatically from the Portuguese original.",
    "This article was machine-translated from Spanish.",
])
def test_a_machine_translation_note_is_furniture(analyse, note):
    body = "The ministry adopted the law on Tuesday. Retailers backed it.\n\n" + note
    assert texts(analyse(body)) == ["The ministry adopted the law on Tuesday.", "Retailers backed it."]


def test_a_press_release_s_about_and_contact_paragraphs_are_furniture_but_notes_after_them_are_kept(analyse):
    body = ("Harbor Air Ltd. today applauded the decision.\n\nAbout Harbor Air: Founded in 2019, Harbor Air Ltd. flies "
            "to 12 islands.\n\nMedia contact: press@harbor.example\n\nEditor's note: Dana Air Ltd. said it would appeal.")
    assert texts(analyse(body)) == ["Harbor Air Ltd. today applauded the decision.",
                                    "Editor's note: Dana Air Ltd. said it would appeal."]


def test_an_unclosed_quote_ends_with_its_sentence_when_the_next_mark_opens_another(analyse):
    body = ("“We fully support the direction, Harbor Mall Ltd. said late on Monday. The company added that it would "
            "comply. “Small sellers will suffer, said Lin Wei, owner of Qiao Trading Co., Ltd. in Yiwu. “It is "
            "fair,” she said.")
    assert texts(analyse(body)) == [
        "“We fully support the direction, Harbor Mall Ltd. said late on Monday.",
        "The company added that it would comply.",
        "“Small sellers will suffer, said Lin Wei, owner of Qiao Trading Co., Ltd. in Yiwu.",
        "“It is fair,” she said.",
    ]
