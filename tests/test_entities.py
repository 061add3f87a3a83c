"""Entity matching: registry aliases, legal forms, possessives, executives, organisations the
registry does not know, non-company organisations, ambiguous aliases, and the registry data."""
from __future__ import annotations

import json
import re

import pytest

from streams.core.entities import find_mentions
from streams.core.resources import DATA_DIR

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.fixture(scope="module")
def registry(core_resources):
    return core_resources.registry


@pytest.fixture(scope="module")
def mentions(registry):
    """``mentions(body)``: [(surface, entity_id, type, person)] in order, and the local entities."""

    def run(body: str):
        found, local = find_mentions(body, registry)
        out = []
        for m in found:
            entity = registry.get(m.entity_id) or local[m.entity_id]
            out.append((m.surface, m.entity_id, entity.type, m.person))
        return out, local

    return run


def ids(found) -> list[str]:
    return [entity_id for _, entity_id, _, _ in found]


# --- registry aliases and legal forms ------------------------------------------------------

@pytest.mark.parametrize("body, surface, entity_id", [
    ("Tencent Holdings Ltd was fined on Friday.", "Tencent Holdings Ltd", "tencent"),
    ("Regulators fined Didi Global Inc last year.", "Didi Global Inc", "didi"),
    ("Regulators fined Alibaba Group Holding Ltd in April.", "Alibaba Group Holding Ltd", "alibaba"),
    ("Regulators questioned Tesla Inc. on Monday.", "Tesla Inc", "tesla"),
    ("Ørsted A/S welcomed the rules.", "Ørsted A/S", "orsted"),
])
def test_alias_with_legal_form(mentions, body, surface, entity_id):
    found, local = mentions(body)
    assert [(s, e) for s, e, _, _ in found] == [(surface, entity_id)]
    assert local == {}  # a registry company is never re-invented from its legal form


@pytest.mark.parametrize("body, entity_id", [
    ("Alibaba’s shares fell on Monday.", "alibaba"),
    ("Alibaba's shares fell on Monday.", "alibaba"),
    ("Investors watched Tesla Inc.’s Elon Musk closely.", "tesla"),
])
def test_possessives_match_the_company(mentions, body, entity_id):
    found, _ = mentions(body)
    assert ids(found)[0] == entity_id


@pytest.mark.parametrize("body, surface", [
    ("Alibaba’s shares fell on Monday.", "Alibaba"),
    ("Investors watched Tesla Inc.’s Elon Musk closely.", "Tesla Inc."),
])
def test_possessive_mention_surface_and_flag(registry, body, surface):
    first = find_mentions(body, registry)[0][0]
    assert (first.surface.rstrip("."), first.possessive) == (surface.rstrip("."), True)


def test_legal_form_extension_does_not_swallow_an_article(registry):
    [tesla] = find_mentions("Tesla a year ago said it would comply.", registry)[0]
    assert tesla.surface == "Tesla"


def test_registry_executives_stand_for_their_company(mentions):
    found, _ = mentions("Elon Musk said the rules were sensible. Lei Jun agreed with him. Musk added more.")
    assert [(s, e, p) for s, e, _, p in found] == [
        ("Elon Musk", "tesla", "Elon Musk"),
        ("Lei Jun", "xiaomi", "Lei Jun"),
        ("Musk", "tesla", "Elon Musk"),  # a surname once the full name was seen
    ]


def test_a_bare_surname_needs_the_full_name_first(mentions):
    found, _ = mentions("Musk said the rules were sensible.")
    assert "tesla" not in ids(found)


# --- organisations the registry does not know ----------------------------------------------

def test_unknown_company_by_legal_form_and_second_reference(mentions):
    found, local = mentions("Zentrova Robotics Inc. said it would comply. Zentrova added that the rules were fair.")
    assert ids(found) == ["zentrova-robotics", "zentrova-robotics"]
    assert found[1][0] == "Zentrova"
    entity = local["zentrova-robotics"]
    assert entity.name == "Zentrova Robotics" and entity.is_company


@pytest.mark.parametrize("body, entity_id, local_ids", [
    ("Quorvix, a London-based start-up, said it backed the law. Quorvix added more.", "quorvix", ["quorvix"]),
    ("Kestrel Analytics, a Berlin-based start-up, said it backed the rules.", "kestrel-analytics", ["kestrel-analytics"]),
    ("Yoti, a London-based start-up, said it backed the law.", "yoti", []),  # the registry knows Yoti
])
def test_company_by_appositive(mentions, body, entity_id, local_ids):
    found, local = mentions(body)
    assert set(ids(found)) == {entity_id}
    assert sorted(local) == local_ids
    assert all(entity.is_company for entity in local.values())


@pytest.mark.parametrize("body, entity_id", [
    ("South Korea’s Krafton Inc. said it would appeal.", "krafton"),            # in the registry
    ("South Korea’s Hanbyeol Games Inc. said it would appeal.", "hanbyeol-games"),  # not in it
    ("Germany's Nordwind Energie AG welcomed the rule.", "nordwind-energie"),
    ("Seattle’s Gravity Payments said it would comply.", "gravity-payments"),  # a city's
])
def test_country_possessive_is_not_part_of_the_name(mentions, body, entity_id):
    found, _ = mentions(body)
    assert ids(found) == [entity_id]


@pytest.mark.parametrize("body, entity_id", [
    ("Hartley's Convenience Stores Ltd, which runs 14 shops, wants small stores exempted.", "hartley-s-convenience-stores"),
    ("Hartley's Hardware LLC said it would comply.", "hartley-s-hardware"),
])
def test_a_founder_s_possessive_is_part_of_the_name(mentions, body, entity_id):
    found, _ = mentions(body)
    assert ids(found) == [entity_id]


def test_a_role_held_at_a_name_makes_it_a_company_not_a_place(mentions):
    found, _ = mentions("Ellen Park, a regional safety director at Amazon, told the panel the rule was unworkable.")
    assert ids(found) == ["amazon"]
    found, _ = mentions("Fires burned for weeks at Amazon sites across the basin.")
    assert ids(found) == []


def test_a_registry_name_ending_like_a_legal_form_is_the_registry_s(mentions):
    found, local = mentions("Agri SA has asked the president to delay the Act's commencement.")
    assert ids(found) == ["agri-sa"] and local == {}


@pytest.mark.parametrize("body", [
    "The Mineral Resources Development Bill, released for comment in May, would scrap the principle.",
    "The amendment to the Kenya Information and Communications Act, part of a package of changes, passed.",
])
def test_a_law_s_title_names_no_company(mentions, body):
    found, local = mentions(body)
    assert found == [] and local == {}


@pytest.mark.parametrize("body, expected", [
    ("“It works,” said Jonathan Lim, SIA's senior vice president of sustainability.", ["sia"]),  # no legal form
    ("Animal welfare group RSPCA Australia said the end date should come forward.", []),
    ("Shares in Lynas rose 2.8% on the ASX; Iluka gained 1.9%.", ["lynas", "iluka"]),  # where shares trade
    ("Take Agrofirma Havelland GmbH, which farms 4,200 hectares west of Berlin.", ["agrofirma-havelland"]),
    ("It wants the CAP kept as a separate fund. Critics of the end of the CAP are wrong.", []),  # a policy
    ("The rule lets grid operator ERCOT curtail them during load shed.", ["ercot"]),
])
def test_people_venues_policies_and_grid_operators_are_no_other_companies(mentions, body, expected):
    found, _ = mentions(body)
    assert ids(found) == expected


def test_whose_owner_an_appositive_names_is_no_company(mentions):
    found, local = mentions("Zubair Okonkwo, the refinery's owner, has repeatedly accused importers of dumping.")
    assert found == [] and local == {}


def test_a_registry_alias_inside_a_longer_legal_name_is_not_the_registry_company(mentions):
    found, _ = mentions("Apple Farms Ltd. said it would comply.")
    assert ids(found) == ["apple-farms"]


def test_registry_name_that_starts_with_a_stop_word_keeps_its_legal_form(mentions):
    found, local = mentions("Bank of America Corp. said it would comply with the capital rules.")
    assert ids(found) == ["bank-of-america"]
    assert local == {}


@pytest.mark.parametrize("body", [
    "Critics of Shell Plc said the levy was a mistake.",
    "Customers of Siemens AG complained about the new fees.",
])
def test_people_of_a_company_are_not_a_company(mentions, body):
    found, local = mentions(body)
    assert local == {}
    assert len(ids(found)) == 1 and ids(found)[0] in ("shell", "siemens")


# --- organisations that are not companies --------------------------------------------------

@pytest.mark.parametrize("body, entity_id", [
    ("The Cyberspace Administration of China issued new rules.", "cac"),
    ("The rules were first reported by Bloomberg.", "bloomberg"),
    ("The rules were first reported by Reuters.", "reuters"),
    ("The European Commission opened an investigation.", "european-commission"),
])
def test_regulators_and_publishers_are_recognised_but_not_companies(mentions, body, entity_id):
    found, _ = mentions(body)
    assert [(e, t != "company") for _, e, t, _ in found] == [(entity_id, True)]


# --- ambiguous aliases ---------------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("Apple said the rules were unworkable.", ["apple"]),
    ("An apple a day keeps the doctor away.", []),
    ("Apple pie is popular in autumn.", []),
    ("Regulators said Meta had broken the law.", ["meta"]),
    ("Critics say the meta debate is over.", []),
    ("Apple’s lawyers said the rules were unworkable.", ["apple"]),
])
def test_ambiguous_aliases_need_corroboration(mentions, body, expected):
    found, _ = mentions(body)
    assert ids(found) == expected


@pytest.mark.parametrize("body", [
    "Jane Doe, president of Siemens AG, said the rules were fair.",
    "An official said the Sec would act.",
])
def test_ambiguous_upper_case_aliases_match_case_sensitively(mentions, body):
    found, _ = mentions(body)
    assert all(t == "company" for _, _, t, _ in found), found


# --- the registry data ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def raw_entities() -> list[dict]:
    return json.loads((DATA_DIR / "entities.json").read_text(encoding="utf-8"))["entities"]


def test_registry_size_and_ids(raw_entities, registry):
    ids_ = [e["id"] for e in raw_entities]
    assert len(ids_) == len(set(ids_)), "duplicate ids"
    assert [i for i in ids_ if not SLUG.fullmatch(i)] == []
    assert sum(1 for e in raw_entities if e.get("type", "company") == "company") >= 300
    assert set(registry.entities) == set(ids_)


def test_registry_parents_exist_and_do_not_loop(raw_entities):
    parent = {e["id"]: e.get("parent") for e in raw_entities}
    assert [(i, p) for i, p in parent.items() if p is not None and p not in parent] == []
    for start in parent:
        seen, node = set(), start
        while node is not None:
            assert node not in seen, f"parent cycle through {start}"
            seen.add(node)
            node = parent[node]


def test_registry_aliases_are_unambiguous_across_entities(raw_entities):
    owners: dict[str, set[str]] = {}
    for e in raw_entities:
        for alias in [e["name"], *e.get("aliases", []), *([e["legal_name"]] if e.get("legal_name") else [])]:
            owners.setdefault(alias.casefold(), set()).add(e["id"])
    assert {a: o for a, o in owners.items() if len(o) > 1} == {}
    for e in raw_entities:
        names = {e["name"], *e.get("aliases", [])}
        assert set(e.get("ambiguous_aliases", [])) <= names, e["id"]


# --- matching cost -------------------------------------------------------------------------

def test_large_body_with_many_names_is_processed(mentions, analyse):
    paragraph = (
        "Tencent Holdings Ltd and Alibaba Group Holding Ltd were fined by the Cyberspace Administration of China. "
        "Elon Musk said Tesla Inc. welcomed the data rules, while Apple said it would appeal. "
        "Zentrova Robotics Inc. criticised the levy and Lei Jun praised the plan.\n\n"
    )
    body = paragraph * (200_000 // len(paragraph) + 1)
    assert len(body.encode("utf-8")) >= 200_000
    found, _ = mentions(body)
    copies = body.count(paragraph)
    counts = {e: ids(found).count(e) for e in ("tencent", "alibaba", "cac", "tesla", "apple", "zentrova-robotics", "xiaomi")}
    assert counts == {"tencent": copies, "alibaba": copies, "cac": copies, "tesla": 2 * copies,
                      "apple": copies, "zentrova-robotics": copies, "xiaomi": copies}
    analysis = analyse(body, id="big")
    assert analysis.skipped_reason is None
    assert {e.company_id for e in analysis.events} >= {"tencent", "alibaba", "tesla", "apple", "zentrova-robotics", "xiaomi"}


def test_an_acronym_spelled_out_as_an_organisation_is_not_the_registry_company(mentions):
    found, _ = mentions("AMD, the Association of Medical Distributors, said the rule was unworkable.")
    assert "amd" not in ids(found)
    found, _ = mentions("AMD, the chipmaker, said the rule was unworkable.")
    assert ids(found) == ["amd"]


@pytest.mark.parametrize("opening", ["(Ledgerline) -- ", "LONDON, May 2 (Ledgerline Wire) - ", "(Ledgerline) — "])
def test_the_wire_credit_in_a_dateline_is_no_mention(mentions, opening):
    found, _ = mentions(opening + "Regulators fined Harrowgate Aerial Holdings Ltd. ©2025 Ledgerline L.P.")
    assert [i for i in ids(found) if i.startswith("ledgerline")] == ["ledgerline"]  # only the footer's
    assert found[0][1] == "harrowgate-aerial-holdings"


@pytest.mark.parametrize("body, entity_id", [
    ("Vietnam's Loc Hanh Group said it would stop exports.", "loc-hanh-group"),
    ("Paylane Technologies said the tariff would hurt small merchants.", "paylane-technologies"),
    ("Ubuntu Spaza Wholesalers (Pty) Ltd backed the remedies.", "ubuntu-spaza-wholesalers"),
    # a trade word before the company word, after a name of its own
    ("Ridgeway Land Holdings said it would appeal the valuation.", "ridgeway-land-holdings"),
    ("Pinewood Data Systems, a Columbus, Ohio, IT consultancy, called the fee long overdue.", "pinewood-data-systems"),
    ("Nordwin Food Industries said it would comply.", "nordwin-food-industries"),
])
def test_unknown_company_by_a_company_word_or_bracketed_legal_form(mentions, body, entity_id):
    found, local = mentions(body)
    assert entity_id in ids(found) and local[entity_id].type == "company"


@pytest.mark.parametrize("body", [
    "The Working Group said the rules were premature.",
    "The California Air Resources Board adopted the rule.",
    "The Body of European Regulators for Electronic Communications said so.",
    "The National Media Group and the European Investment Bank said so.",
    "The Land Bank and the Digital Media Group said so.",
])
def test_company_words_inside_other_names_make_no_company(mentions, body):
    found, local = mentions(body)
    assert not [e for e in local.values() if e.type == "company"]


def test_an_ambiguous_name_heading_a_list_of_companies_is_corroborated(mentions):
    found, _ = mentions("Apple, Amazon and the Walt Disney Co. did not respond.")
    assert ids(found)[:2] == ["apple", "amazon"]


def test_a_company_name_inside_an_associations_name_is_not_the_company(mentions):
    found, _ = mentions("The American Water Works Association said the limits were achievable.")
    assert ids(found) == []
    found, _ = mentions("American Water Works said the limits were achievable.")
    assert len(ids(found)) == 1


@pytest.mark.parametrize("body, entity_id", [
    ("“It is the moment drone delivery grows up,” said the chief executive of Wingra.", "wingra"),
    ("A spokesperson for Ouigeo said it would appeal.", "ouigeo"),
    ("Foodpando Malaysia's managing director said fees would rise.", "foodpando-malaysia"),
])
def test_a_company_that_a_role_belongs_to(mentions, body, entity_id):
    found, local = mentions(body)
    assert entity_id in ids(found) and local[entity_id].type == "company"


def test_a_role_for_a_region_names_no_company(mentions):
    _, local = mentions("MTN Group's chief executive for West and Central Africa said the cap was fair.")
    assert local == {}


@pytest.mark.parametrize("body", ["It runs a recycling pilot in Salzgitter.", "Motorbikes inside Ring Road 1 are banned."])
def test_an_ambiguous_name_used_as_a_place_is_no_company(mentions, body):
    found, _ = mentions(body)
    assert ids(found) == []


def test_a_nationality_before_a_company_is_no_first_name(mentions):
    found, _ = mentions("The Swiss Syngenta, owned by ChemChina, did not comment.")
    assert "syngenta" in ids(found)


@pytest.mark.parametrize("body, entity_id", [
    ("Skagerrak Pelagos AS, a family-owned processor, said the cut was unfair.", "skagerrak-pelagos"),
    ("Regulators fined Nordpey Crypto UAB 2.1 million euros.", "nordpey-crypto"),
    ("said Marta Kowal, who co-owns Apteki Kowalska, a family business with three pharmacies.", "apteki-kowalska"),
])
def test_more_legal_forms_and_family_businesses(mentions, body, entity_id):
    found, local = mentions(body)
    assert entity_id in ids(found) and local[entity_id].type == "company"


@pytest.mark.parametrize("body, entity_id", [
    ("Shares in trainmaker Talgor closed down 0.4% in Madrid.", "talgor"),
    ("“It rewards investment,” Renfa's president said in a statement.", "renfa"),
])
def test_a_maker_or_a_president_names_a_company(mentions, body, entity_id):
    found, local = mentions(body)
    assert entity_id in ids(found) and local[entity_id].type == "company"


def test_a_countrys_president_names_no_company(mentions):
    _, local = mentions("“It is unfair,” France's president said.")
    assert local == {}


@pytest.mark.parametrize("body", [
    "Its chief executive said in a LinkedIn post that the delay punishes early movers.",
    "Its founder wrote on X that the schema was absurd.",
    "Naver applied watermarks to its HyperCLOVA X outputs.",
])
def test_a_platform_used_as_a_medium_or_inside_a_product_name_is_no_mention(mentions, body):
    found, _ = mentions(body)
    assert "linkedin" not in ids(found) and "x-corp" not in ids(found)


@pytest.mark.parametrize("body, expected", [
    ("The Shipping Council, whose members include Mersk Lines, Zorvo and CGX Marine, welcomed it.",
     ["mersk-lines", "zorvo", "cgx-marine"]),
    ("Retailers such as Kiabo and Celiot said the law was fair. Brands like Amazon.com follow.",
     ["kiabo", "celiot", "amazon"]),
    ("Its members include Cigna's Express Scripts and Optum.", ["cigna", "express-scripts", "optum"]),
])
def test_the_names_in_a_list_after_a_company_noun_are_companies(mentions, body, expected):
    found, _ = mentions(body)
    assert [i for i in ids(found) if i != "shipping-council"] == expected


@pytest.mark.parametrize("body", [
    "Its members include Mexico and Canada.",  # places
    "Retailers such as these. The Ministry said so.",  # no name follows
    "Firms like Zorvo. The Ministry of Trade said so.",  # the list ends at its sentence
])
def test_a_list_names_no_place_and_stops_at_its_sentence(mentions, body):
    found, local = mentions(body)
    assert set(local) <= {"zorvo"} and "ministry-of-trade" not in ids(found)


@pytest.mark.parametrize("body, surface, entity_id, parent", [
    ("Nestlé Philippines referred questions to the chamber.", "Nestlé Philippines", "nestle-philippines", "nestle"),
    ("British American Tobacco (Malaysia), which sells pods, is not involved.",
     "British American Tobacco (Malaysia)", "british-american-tobacco-malaysia", "british-american-tobacco"),
    ("Has MTN Benin's pricing changed?", "MTN Benin", "mtn-benin", "mtn-group"),
    ("said a spokeswoman for Coca-Cola Beverages South Africa.", "Coca-Cola Beverages South Africa",
     "coca-cola-beverages-south-africa", "coca-cola"),
    ("Volkswagen do Brasil urged the government to bring the rate forward.", "Volkswagen do Brasil",
     "volkswagen-do-brasil", "volkswagen"),
])
def test_a_country_after_a_company_names_its_national_unit(mentions, body, surface, entity_id, parent):
    found, local = mentions(body)
    assert (surface, entity_id) in [(f[0], f[1]) for f in found]
    assert local[entity_id].parent == parent and local[entity_id].type == "company"


@pytest.mark.parametrize("body, expected", [
    ("Google Exits Kenya.", ["google"]),  # a title-case verb is no part of a name
    ("Apple said Japan was fine.", ["apple"]),
    ("Reuters Singapore reported it.", ["reuters"]),  # publishers have no national units here
])
def test_no_national_unit_without_a_name_of_company_words(mentions, body, expected):
    found, local = mentions(body)
    assert ids(found) == expected and local == {}


@pytest.mark.parametrize("body, expected", [
    ("Apple now sells genuine parts to independent shops.", ["apple"]),
    ("Shell also said it would comply.", ["shell"]),
    ("Orange groves were hit by frost.", []),
])
def test_a_sentence_initial_common_word_name_needs_a_company_verb(mentions, body, expected):
    found, _ = mentions(body)
    assert ids(found) == expected


@pytest.mark.parametrize("body, expected", [
    ("Ubud Villa Collectivo, which manages 35 villas, said so.", ["ubud-villa-collectivo"]),
    ("The Philippines, which exports nickel, said so.", []),
    ("Large advertisers in the market, including Betanox, warned of losses.", ["betanox"]),
    ("The Department of Communications and Digital Technologies approved it.", []),
    ("Tata Steel and Paylane Technologies said they would comply.", ["tata-steel", "paylane-technologies"]),
])
def test_business_clauses_gapped_lists_and_names_inside_longer_names(mentions, body, expected):
    found, _ = mentions(body)
    assert [i for i, kind in ((f[1], f[2]) for f in found) if kind == "company"] == expected


def test_a_municipal_corporation_is_no_company(mentions):
    found, local = mentions("The Brihanmumbai Municipal Corporation said dark stores must move.")
    assert [f[2] for f in found] == ["organisation"]


@pytest.mark.parametrize("body, expected", [
    ("Halyx Bank (HSBX), the country's largest lender, said so. HSBX said it again.", ["halyx-bank"] * 3),
    ("Minera del Altiplanu, the operator of the project, said so.", ["minera-del-altiplanu"]),
    ("13kabs, which is owned by a Singapore group, welcomed the rules.", ["13kabs"]),
    ("TTZ Biopharm, one of our largest listed producers, declined to comment.", ["ttz-biopharm"]),
    ("Pesquera Diamanta took a different line.", ["pesquera-diamanta"]),
    ("Starting Aug. 1, the more than 500 brokers registered in the state must comply.", []),
])
def test_appositives_with_tickers_connectors_and_company_prefixes(mentions, body, expected):
    found, _ = mentions(body)
    assert ids(found) == expected


@pytest.mark.parametrize("body, expected", [
    ("The firms were told. Bechtel did not respond to a request for comment.", ["bechtel"]),
    ("The rule took effect. Twitch, the Amazon-owned streaming service, declined to comment.", ["twitch", "amazon"]),
    ("The rule took effect. Grab Indonesia, asked about it, said it was busy.", ["grab-indonesia"]),
    ("No change from Meta on Monday.", ["meta"]),
    ("Pilot customer Lidl Sverige began using the crates.", ["lidl-sverige"]),
])
def test_common_word_names_corroborated_by_a_verb_an_appositive_or_a_country(mentions, body, expected):
    found, _ = mentions(body)
    assert ids(found) == expected


def test_a_legal_form_name_described_as_an_industry_body_is_an_organisation(mentions):
    found, local = mentions("Plastix SA, the industry body, said so. Acme Plastix SA, a chemicals group, did not.")
    kinds = {f[1]: f[2] for f in found}
    assert kinds == {"plastix": "organisation", "acme-plastix": "company"}


def test_an_agency_that_represents_creators_is_a_company(mentions):
    _, local = mentions("Sandstorm Talent FZ-LLC, which represents about 300 creators from Dubai, says the rules hurt.")
    assert local["sandstorm-talent"].type == "company"


@pytest.mark.parametrize("body, entity_id, kind", [
    # a commercial legal form makes a business of a name with a word bodies use too
    ("Pacific Union Land Co., a Bay Area builder of townhomes, said the bill was unworkable.", "pacific-union-land",
     "company"),
    ("Harbourline Buyers Agency Pty Ltd, a Sydney firm, said its revenue had fallen.", "harbourline-buyers-agency",
     "company"),
    ("Northgate Media Centre Ltd said it would comply.", "northgate-media-centre", "company"),
    # but not of a body's own words, nor of a body its appositive names
    ("The Lakeside Tenants Association Inc. said the bill was overdue.", "lakeside-tenants-association", "organisation"),
    ("Harbour Retail Union Ltd, a trade body for shopkeepers, said the bill was overdue.", "harbour-retail-union",
     "organisation"),
])
def test_a_legal_form_outweighs_a_word_bodies_share(mentions, body, entity_id, kind):
    _, local = mentions(body)
    assert local[entity_id].type == kind


def test_an_organisation_that_represents_members_is_no_company(mentions):
    found, _ = mentions("With me is Kieran Walsh, chief executive of Responsible Wagers Australia, which represents "
                        "online bookmakers.")
    assert [(f[1], f[2]) for f in found] == [("responsible-wagers-australia", "organisation")]


@pytest.mark.parametrize("body, entity_id", [
    ("Samwha Chemical filed an administrative suit last week.", "samwha-chemical"),
    ("Faraz Siddiq, chief executive of Sunrise Energi (Pvt.) Ltd., wrote that the cut was unfair.", "sunrise-energi"),
    ("Jens Nielsen, owner of Vestjylland Mejeri ApS, a dairy, said the tax was unfair.", "vestjylland-mejeri"),
])
def test_more_company_words_and_legal_forms(mentions, body, entity_id):
    found, local = mentions(body)
    assert entity_id in ids(found) and local[entity_id].type == "company"


@pytest.mark.parametrize("body, expected", [
    # a short word before a full stop ends a sentence unless it is an abbreviation
    ("It runs under the Recycling Modernization Act. Rogue Valley Soap Co. says the fee is high.",
     ["rogue-valley-soap"]),
    ("St. Olave Gardens Ltd. says the fee is high.", ["st-olave-gardens"]),
    # a name may open with a digit; a number before it is no part of it
    ("Last year 4chan Community Support LLC was fined.", ["4chan-community-support"]),
    ("In 2025 Ledgerline Inc. was fined.", ["ledgerline"]),
    ("Sandstorm Talent FZ-LLC said the permit was costly.", ["sandstorm-talent"]),
    # a list number's bracket is no bracketed word of a longer name
    ("3) THE WINNERS. Cascadia Sorting Partners LLC, which runs a plant, has received funds.",
     ["cascadia-sorting-partners"]),
])
def test_sentence_ends_and_list_numbers_before_legal_form_names(mentions, body, expected):
    found, _ = mentions(body)
    assert ids(found) == expected


def test_a_descriptor_before_a_legal_form_name_is_not_part_of_it(mentions):
    found, _ = mentions("Telco Harbor Mobile Bhd welcomed the rules.")
    assert ids(found) == ["harbor-mobile"]


def test_an_industry_word_ending_a_local_name_is_no_alias_of_it(mentions):
    found, _ = mentions("Kanto Fisheries Co. opposed the ban. The Ministry of Agriculture, Forestry and Fisheries "
                        "said it would seek the lifting of the ban.")
    assert ids(found) == ["kanto-fisheries"]  # once, for its own name


@pytest.mark.parametrize("body, expected", [
    ("The ruling came on Monday. Netmarbel declined to comment on the ruling.", ["netmarbel"]),
    ("The rule took effect. Garmon, whose watches would benefit, declined to comment.", ["garmon"]),
    ("Jane Ostrow, a lawyer, spoke first. Ostrow declined to comment.", []),  # a person's surname
    ("The regulator acted. NBTC did not respond.", []),  # an agency's acronym
    # … or that it issued a statement or a filing
    ("The rule took effect. Lunova said in a statement that it had applied.", ["lunova"]),
    ("Jane Ostrow, a lawyer, spoke first. Ostrow said in a statement that she was pleased.", []),
    # a company appositive that goes on with "to": "the first exchange to receive …"
    ("Quidara, the first exchange to receive a licence, welcomed the deadline.", ["quidara"]),
])
def test_a_name_whose_news_is_that_it_did_not_comment(mentions, body, expected):
    found, _ = mentions(body)
    assert ids(found) == expected


@pytest.mark.parametrize("body, expected", [
    ("WHAT'S NEXT: the agency hopes to adopt the scheme.", []),  # a heading, not Next plc
    ("In a paper sent to Kyberia, the company argued that its boundary suffices.", []),  # no appositive
    ("In a paper sent to ENISA, Microsoft argued that its boundary suffices.", ["enisa", "microsoft"]),
    ("Its members include MSC, Maersk and CMA CGM.", ["msc", "maersk", "cma-cgm"]),
])
def test_headings_clause_subjects_and_eu_agencies(mentions, body, expected):
    found, _ = mentions(body)
    assert ids(found) == expected
    assert all(f[2] != "company" for f in found if f[1] == "enisa")


@pytest.mark.parametrize("body, company_id", [
    ("Inspectors fined Beijing Xueba Jiajiao Service Co., Ltd. 500,000 yuan.", "beijing-xueba-jiajiao-service"),
    ("Shenzhen Sufeng Logistics Co., a labour-outsourcing company that employs riders, said it would appeal.",
     "shenzhen-sufeng-logistics"),
])
def test_a_city_opens_a_chinese_company_s_name_and_a_compound_is_no_organisation_word(core_resources, body,
                                                                                          company_id):
    mentions, local = find_mentions(body, core_resources.registry)
    assert [m.entity_id for m in mentions] == [company_id]
    assert local[company_id].is_company


def test_a_country_before_an_acronym_is_no_first_name(core_resources):
    body = "JASM, the subsidiary of Taiwan TSMC in Kumamoto Prefecture, did not answer."
    mentions, _ = find_mentions(body, core_resources.registry)
    assert "tsmc" in [m.entity_id for m in mentions]


@pytest.mark.parametrize("body", [
    "SEOUL, Jan 22 (Asia Ledger) - South Korea's AI Basic Act took effect on Thursday.",
    "BEIJING, Oct 14 (Pacific Ledger Wire) - Automakers warned of shortages.",
])
def test_a_wire_credit_of_several_words_in_a_dateline_is_no_company(core_resources, body):
    mentions, _ = find_mentions(body, core_resources.registry)
    assert "ledger" not in [m.entity_id for m in mentions]


@pytest.mark.parametrize("body, entity_id", [
    ("Taxi operators were furious. Radio Taxi Mitre SRL, which dispatches 600 cabs, said it would sue.",
     "radio-taxi-mitre"),
])
def test_upper_case_legal_forms(core_resources, body, entity_id):
    mentions, _ = find_mentions(body, core_resources.registry)
    assert [m.entity_id for m in mentions] == [entity_id]


@pytest.mark.parametrize("body", [
    "SAN JOSE - Costa Rica's Legislative Assembly approved the bill on Tuesday.",
    "Today 22,000 Costa Ricans drive with the app.",
    "The range cannot be wider than $50,000.",
])
def test_the_first_word_of_a_country_or_a_phrase_is_no_brand(core_resources, body):
    mentions, _ = find_mentions(body, core_resources.registry)
    assert mentions == []


@pytest.mark.parametrize("body, not_company", [
    ("Environmental groups including WWF said the delay sent a terrible signal.", "wwf"),
    ("“Remember who closed the drugstores,” said Priya Nair, a pharmacist and owner of Prairie Apothecary Ltd., which "
     "runs three stores.", "priya-nair"),
    ("A successor body to Open Banking Limited will oversee disputes.", "open-banking"),
    ("The Digital Industry Group Inc (DIGI) said it would respond. DIGI represents the platforms.", "digi"),
    # a foundation that runs something is still a foundation
    ("Elsewhere, the Wikimedia Foundation, which operates Wikipedia, is challenging the rules.", "wikimedia"),
    # a common word is a mixed-case brand ("ReNew") only as the brand writes it
    ("The S&D and Renew say they will vote against.", "renew"),
    # a registry name at the end of a ministry's name; a title after a descriptor; another person of a
    # famous executive's surname with particles
    ("The Ministry of Energy and Mineral Resources is opening the possibility.", "mineral-resources"),
    ("The company Director, Yusak Pardede, said so.", "director"),
    ("“The rule should be scrapped,” chief executive Pieter van der Merwe said.", "lottery-corp"),
    # a common-word name after a list bullet opens its sentence and needs corroboration
    ("- Next up is the chief executive of Capital Rx, a New York firm.", "next"),
    # a sentence adverb before an appositive-like phrase
    ("The rule is fair. Frankly, the firms complaining loudest are the ones that commingle assets.", "frankly"),
    # an enumeration's ordinal before an appositive whose company noun follows a preposition
    ("First, clear guidance. Second, a permanent lighter lane for companies with fewer staff.", "second"),
])
def test_groups_people_bodies_and_defined_acronyms_are_no_companies(core_resources, body, not_company):
    mentions, local = find_mentions(body, core_resources.registry)
    entities = {**core_resources.registry.entities, **local}
    companies = {m.entity_id for m in mentions if entities[m.entity_id].is_company}
    assert not any(c.startswith(not_company) for c in companies), companies


def test_a_sports_league_acronym_is_no_company(registry):
    mentions, _ = find_mentions("Nine Entertainment, which holds free-to-air rights to the NRL and broadcasts the "
                                "Australian Open, said the caps would cut its revenue.", registry)
    assert [m.entity_id for m in mentions] == ["nine-entertainment"]


def test_a_description_with_a_legal_form_is_no_name_but_refers_back(mentions, analyse):
    found, _ = mentions("Alibaba said it welcomed the rules. The Hangzhou-headquartered Co. added that it would comply.")
    assert ids(found) == ["alibaba"]
    found, local = mentions("Fuda Auto-parts Co. said it would comply.")  # a hyphenated name is still a name
    assert ids(found) == ["fuda-auto-parts"]
    analysis = analyse("Regulators adopted the rules. Zentrova Robotics Inc. said it was studying them. The "
                       "Shenzhen-based Co. added that it welcomed the rules.")
    assert [(e.company_id, e.role, e.stance) for e in analysis.events if e.statement_index == 2] == [
        ("zentrova-robotics", "speaker", "support")]


@pytest.mark.parametrize("body, expected", [
    ("Zentrova Foo, a developer active in Lisbon, said the cap would help.", ["zentrova-foo"]),
    ("Zentrova Properties said the cap would help.", ["zentrova-properties"]),
    ("Hallam Realty said the cap would help.", ["hallam-realty"]),
    # a suffix word opening a sentence is no name
    ("The freeze covers Plaka and Exarchia. Properties already registered can continue.", []),
])
def test_property_suffixes_active_appositives_and_sentence_breaks(mentions, body, expected):
    found, _ = mentions(body)
    assert ids(found) == expected


def test_a_place_s_possessive_opens_a_company_appositive(mentions):
    found, local = mentions("Aluminium Dunkerque, Europe's largest aluminium smelter, said it could not agree a contract.")
    assert ids(found) == ["aluminium-dunkerque"] and local["aluminium-dunkerque"].type == "company"
    found, _ = mentions("Jane Doe, Tesla's chief executive, said it was fine.")
    assert ids(found) == ["tesla"]


def test_a_suffix_name_may_join_words_with_an_ampersand(mentions):
    found, local = mentions("Delphina Hotels & Resorts said it supports the regional law.")
    assert ids(found) == ["delphina-hotels-resorts"] and local["delphina-hotels-resorts"].name == "Delphina Hotels & Resorts"


@pytest.mark.parametrize("body, not_company", [
    ("Madrid. The dispute over Spain's bank tax enters a new round.", "madrid"),  # a dateline, no heading
    ("“It's a cliff edge dressed up as a taper,” said producer Tom Ashdown.", "tom-ashdown"),
    ("The PRICELESS SA research unit at the University of the Witwatersrand says purchases fell.", "priceless"),
])
def test_datelines_reported_people_and_research_units_are_no_companies(mentions, body, not_company):
    found, local = mentions(body)
    assert not_company not in ids(found) or local[not_company].type != "company"


@pytest.mark.parametrize("body", [
    "The BPI, which represents record labels, warned the bill could hurt exports.",
    "Zhejiang Huayou Cobalt's unit operates the Arcadia mine east of Harare.",
    "Corporación Financiera Alba holds stakes. In Alba, the view is the opposite.",
    "Western Growers objected, while the investor network Ceres welcomed the decision.",
])
def test_an_ambiguous_registry_name_as_a_body_a_site_or_a_place(mentions, body):
    found, local = mentions(body)
    assert not [m for m in found if m[1] in ("banco-bpi", "arcadia-power", "ceres-power")]
    assert [m[0] for m in found if m[1] == "corporacion-financiera-alba"] in ([], ["Corporación Financiera Alba"])
