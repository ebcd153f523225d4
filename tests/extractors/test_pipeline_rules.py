"""End-to-end checks of the 2026.12 claim rules (new sentences, English and French)."""

from datetime import datetime, timezone

import pytest

from claimwatch.extractors import Extractor
from claimwatch.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _claims(extractor, text, language, title=""):
    article = Article("t", None, title, "test", datetime(2025, 5, 2, tzinfo=timezone.utc),
                      language, text)
    return extractor.extract(article).claims


def _keys(claims):
    return {(c.company, c.metric, c.value, c.unit, c.claimed_by) for c in claims}


def test_pipeline_rules_unseen_french_subject_found(extractor):
    claims = _claims(extractor, "Étoile Verte a réalisé un chiffre d'affaires de 7,5 millions "
                                "d'euros en 2024.", "fr")
    # plain narration is the reporter's (issue 12)
    assert _keys(claims) == {("Étoile Verte", "revenue", 7_500_000.0, "EUR", "reporter")}


def test_pipeline_rules_french_descriptor_and_genitive(extractor):
    claims = _claims(extractor, "La medtech bordelaise Ondine a levé 6 millions d'euros. "
                                "Le nombre d'abonnés de Ondine dépasse désormais 90 000.", "fr")
    keys = {(c.company, c.metric, c.value, c.unit) for c in claims}
    assert ("Ondine", "funding", 6_000_000.0, "EUR") in keys
    assert ("Ondine", "users", 90_000.0, "count") in keys
    assert next(c for c in claims if c.value == 90_000.0).hedge == "more_than"


def test_pipeline_rules_english_subject_before_business_verb(extractor):
    claims = _claims(extractor, "Vantaro booked $31 million in new contracts last quarter.", "en")
    assert _keys(claims) == {("Vantaro", "bookings", 31_000_000.0, "USD", "reporter")}


def test_pipeline_rules_place_prefix_not_the_company(extractor):
    claims = _claims(extractor, "Oslo-based Fjordline raised $9 million. Madrid's Sierra "
                                "Cobalt Labs generated €14 million in revenue last year.", "en")
    companies = {c.company for c in claims}
    assert companies == {"Fjordline", "Sierra Cobalt Labs"}


def test_pipeline_rules_elliptical_figure_inherits_unit_and_metric(extractor):
    en = _claims(extractor, "Tessellate now has 2,400 paying customers, up from 900 a year "
                            "earlier, the company said.", "en")
    assert _keys(en) == {("Tessellate", "customers", 2400.0, "count", "company"),
                         ("Tessellate", "customers", 900.0, "count", "company")}
    fr = _claims(extractor, "Marmotte a réalisé un chiffre d'affaires de 18 millions d'euros en "
                            "2024, contre 11 millions l'année précédente.", "fr")
    assert {(c.metric, c.value, c.unit) for c in fr} == {("revenue", 18e6, "EUR"),
                                                          ("revenue", 11e6, "EUR")}


def test_pipeline_rules_counts_by_customer_verb(extractor):
    en = _claims(extractor, "Brisket Cloud says 3,100 restaurants pay for its ordering "
                            "software.", "en")
    assert {(c.metric, c.value) for c in en} == {("customers", 3100.0)}
    fr = _claims(extractor, "Environ 700 pharmacies utilisent le logiciel de Galène, "
                            "selon l'entreprise.", "fr")
    assert {(c.company, c.metric, c.value) for c in fr} == {("Galène", "customers", 700.0)}
    people = _claims(extractor, "Nearly four million people use Kettle Notes each week, the "
                                "startup says.", "en")
    assert {c.metric for c in people} == {"users"}


def test_pipeline_rules_distractor_counts_dropped(extractor):
    en = _claims(extractor, "Halyard Systems employs 640 people in 9 countries. Its founder, "
                            "41, said the company went through two rounds of layoffs.", "en")
    assert {(c.metric, c.value) for c in en} == {("employees", 640.0)}
    fr = _claims(extractor, "Corvette Data revendique 1 800 clients dans 25 pays.", "fr")
    assert {(c.metric, c.value) for c in fr} == {("customers", 1800.0)}


def test_pipeline_rules_named_third_party_is_reporter(extractor):
    en = _claims(extractor, "According to Crunchbase, Pelagic AI has raised $75 million.", "en")
    assert _keys(en) == {("Pelagic AI", "funding", 75e6, "USD", "reporter")}
    fr = _claims(extractor, "Selon Maddyness, Caribou a levé 4 millions d'euros.", "fr")
    assert _keys(fr) == {("Caribou", "funding", 4e6, "EUR", "reporter")}
    filing = _claims(extractor, "Norrow Bio lost $27 million in 2024, according to its annual "
                                "filing.", "en")
    assert _keys(filing) == {("Norrow Bio", "loss", 27e6, "USD", "reporter")}
    conditional = _claims(extractor, "Sarcelle aurait perdu 15 % de ses clients en 2024.", "fr")
    assert {(c.metric, c.claimed_by) for c in conditional} == {("churn", "reporter")}


def test_pipeline_rules_metric_from_verb_and_back_reference(extractor):
    priced = _claims(extractor, "The new round priced Quintet at $610 million.", "en")
    assert {c.metric for c in priced} == {"valuation"}
    text = ("Harrow Analytics advertises $22 million in ARR. Three former employees said the "
            "real figure is between $6 million and $8 million.")
    claims = _claims(extractor, text, "en")
    assert ("Harrow Analytics", "arr", 7e6, "USD", "reporter") in _keys(claims)
    assert len(claims) == 2


def test_pipeline_rules_forecast_baseline_and_on_track(extractor):
    claims = _claims(extractor, "Lindqvist expects revenue of $90 million next year, up from "
                                "$52 million in 2024.", "en")
    forecast = {c.value: c.is_forecast for c in claims}
    assert forecast == {90e6: True, 52e6: False}
    track = _claims(extractor, "Ostrava Labs is on track for about $12 million in ARR by "
                               "year-end.", "en")
    assert [c.is_forecast for c in track] == [True]


def test_pipeline_rules_french_verb_bounds(extractor):
    claims = _claims(extractor, "Les effectifs de Bruyère ne dépassent pas 120 salariés. "
                                "Bruyère a dépassé les 300 000 utilisateurs.", "fr")
    hedges = {c.value: c.hedge for c in claims}
    assert hedges == {120.0: "up_to", 300_000.0: "more_than"}
