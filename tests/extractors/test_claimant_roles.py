"""Counterparty roles, references and speakers (own sentences, English and French)."""

import pytest

from claimwatch.extractors.claimant import claimant, executives, is_counterparty, speakers
from claimwatch.extractors.companies import CompanyRegistry, OrgSpan, normalize_company
from claimwatch.extractors.roles import COUNTERPARTY_AFTER, COUNTERPARTY_BEFORE, REFERENCES


def _span(text, name, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return OrgSpan(start, start + len(name), name, normalize_company(name))


@pytest.mark.parametrize("sentence,name,language", [
    ("Corvid raised $20 million in a round backed by Sable Partners.", "Sable Partners", "en"),
    ("Corvid was acquired by Harlow Bank for $90 million.", "Harlow Bank", "en"),
    ("Harlow Bank paid $90 million to buy Corvid.", "Harlow Bank", "en"),
    ("Tamarin Credit, a lender, seized $8 million of assets at Corvid.", "Tamarin Credit", "en"),
    ("Corvid drew $30 million from backers that included Osprey Fund, Wren Group and others.",
     "Wren Group", "en"),
    ("Corvid a été rachetée par Banque Héron pour 90 millions d'euros.", "Banque Héron", "fr"),
    ("Fonds Pluvier avait investi 12 millions d'euros dans Corvid.", "Fonds Pluvier", "fr"),
    ("Corvid, soutenue par Capital Grive, a levé 5 millions d'euros.", "Capital Grive", "fr"),
])
def test_claimant_roles_counterparty_in_both_languages(sentence, name, language):
    span = _span(sentence, name)
    assert is_counterparty(sentence, span.start, span.end, language)
    corvid = _span(sentence, "Corvid")
    assert not is_counterparty(sentence, corvid.start, corvid.end, language)


def test_claimant_roles_figure_goes_to_the_company_not_the_counterparty():
    registry = CompanyRegistry()
    text = "In 2021, Harlow Bank paid $90 million to buy Corvid."
    orgs = [_span(text, "Harlow Bank"), _span(text, "Corvid")]
    start = text.index("$90")
    assert claimant(orgs, start, start + 11, text, "Corvid", registry).text == "Corvid"
    fr = "En 2023, Fonds Pluvier avait déjà misé 12 millions d'euros sur Corvid."
    orgs = [_span(fr, "Fonds Pluvier"), _span(fr, "Corvid")]
    start = fr.index("12 millions")
    assert claimant(orgs, start, start + 20, fr, "Corvid", registry, "fr").text == "Corvid"


def test_claimant_roles_reference_beats_a_later_or_counterparty_name():
    registry = CompanyRegistry()
    text = "The startup, which has 90 employees, later hired Osprey Labs as an adviser."
    orgs = [_span(text, "Osprey Labs")]
    start = text.index("90")
    assert claimant(orgs, start, start + 2, text, "Corvid", registry) is None  # the article's
    fr = "Elle emploie 90 personnes, selon Osprey Labs."
    orgs = [_span(fr, "Osprey Labs")]
    assert claimant(orgs, fr.index("90"), fr.index("90") + 2, fr, "Corvid", registry,
                    "fr") is None


def test_claimant_roles_possessive_owner_gets_the_figure():
    registry = CompanyRegistry()
    text = "Osprey Fund, which joined last year, led Corvid's $6 million seed round."
    orgs = [_span(text, "Osprey Fund"), _span(text, "Corvid")]
    start = text.index("$6")
    assert claimant(orgs, start, start + 10, text, "Corvid", registry).text == "Corvid"


def test_claimant_roles_executives_speak_for_the_company():
    people = executives([("Mara Quist", "Mara Quist, the founder of Corvid, said")])
    assert people == {"Mara Quist", "Quist"}
    text = "According to Quist, the app has 40,000 daily users."
    assert speakers([], text, people) == [(text.index("Quist"), text.index("Quist") + 5)]
    assert executives([("Lou Fenn", "an analyst, Lou Fenn, wrote")]) == set()


def test_claimant_roles_tables_are_per_language_data():
    for table in (COUNTERPARTY_BEFORE, COUNTERPARTY_AFTER, REFERENCES):
        assert set(table) == {"en", "fr"}
        assert all(isinstance(p, str) and p for phrases in table.values() for p in phrases)
