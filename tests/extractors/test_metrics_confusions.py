"""Metric confusions (issue 12, item 4): funding next to a valuation in either order, revenue
"brought in", shares of orders or users, units and reservations, product prices; invented
sentences in English and French."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from claimwatch.config import CompaniesConfig
from claimwatch.extractors import Extractor
from claimwatch.extractors import ai_claims
from claimwatch.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor(companies=CompaniesConfig(watchlist=["Voltrack", "Gizmo Labs", "Chirpnet"]))


def _rows(extractor, text, language):
    article = Article("m1", None, "", "test feed", datetime(2025, 6, 1, tzinfo=timezone.utc),
                      language, text)
    return {(c.metric, c.value, c.unit) for c in extractor.extract(article).claims}


@pytest.mark.parametrize("text,language,funding,valuation", [
    ("Voltrack raised $300 million and is now valued at $4 billion.", "en",
     (300e6, "USD"), (4e9, "USD")),
    ("Voltrack is now valued at $4 billion after it raised $300 million.", "en",
     (300e6, "USD"), (4e9, "USD")),
    ("Voltrack raised $300 million; the round values it at €4bn.", "en",
     (300e6, "USD"), (4e9, "EUR")),
    ("Voltrack a obtenu 300 millions de dollars, et sa valorisation atteint 4 milliards d'euros.",
     "fr", (300e6, "USD"), (4e9, "EUR")),
    ("Voltrack, valorisée à 4 milliards d'euros, a levé 300 millions d'euros.", "fr",
     (300e6, "EUR"), (4e9, "EUR")),
    ("Voltrack va récolter 300 millions d'euros, ce qui la situe à une valeur de 4 milliards "
     "d'euros.", "fr", (300e6, "EUR"), (4e9, "EUR")),
])
def test_metrics_funding_and_valuation_either_order(extractor, text, language, funding, valuation):
    rows = _rows(extractor, text, language)
    assert ("funding", *funding) in rows and ("valuation", *valuation) in rows


@pytest.mark.parametrize("text,language,value,unit", [
    ("Voltrack brought in $40 million in revenue last year.", "en", 40e6, "USD"),
    ("Voltrack a engrangé 40 millions d'euros de chiffre d'affaires.", "fr", 40e6, "EUR"),
])
def test_metrics_brought_in_revenue_is_revenue(extractor, text, language, value, unit):
    assert ("revenue", value, unit) in _rows(extractor, text, language)


def test_metrics_promised_to_investors_keeps_the_sentence_metric(extractor):
    rows = _rows(extractor, "An audit found Voltrack brought in $12 million in revenue, far below "
                            "the $90 million it had pitched to investors.", "en")
    assert {("revenue", 12e6, "USD"), ("revenue", 90e6, "USD")} <= rows


@pytest.mark.parametrize("text,language,value", [
    ("Documents show that under 15% of Chirpnet's users actually existed.", "en", 15),
    ("Only 6% of Gizmo Labs's buyers still use the pin.", "en", 6),
    ("Seuls 6 % des acheteurs de Gizmo Labs utilisent encore le badge.", "fr", 6),
])
def test_metrics_shares_of_users_are_not_user_counts(extractor, text, language, value):
    rows = _rows(extractor, text, language)
    assert ("other", value, "percent") in rows
    assert not any(r[0] in ("users", "customers", "employees") for r in rows)


@pytest.mark.parametrize("text,language,expected", [
    ("Voltrack has taken 3,000 reservations for its truck.", "en", ("other", 3000, "count")),
    ("Voltrack revendique 3 000 précommandes pour son camion.", "fr", ("other", 3000, "count")),
    ("Voltrack says its 3,000 reservations are worth $2 billion.", "en", ("other", 2e9, "USD")),
    ("Gizmo Labs sold 12,000 units of its pin.", "en", ("units", 12000, "count")),
    ("Gizmo Labs a vendu 12 000 exemplaires de son badge.", "fr", ("units", 12000, "count")),
])
def test_metrics_units_and_reservations(extractor, text, language, expected):
    rows = _rows(extractor, text, language)
    assert expected in rows
    assert not any(r[0] in ("valuation", "customers", "users", "churn") for r in rows)


@pytest.mark.parametrize("text,language", [
    ("Gizmo Labs' new pin costs $249.", "en"),
    ("Le badge de Gizmo Labs coûte 249 euros.", "fr"),
    ("Voltrack priced its truck at $180,000 each.", "en"),
])
def test_metrics_product_price_is_no_company_metric(extractor, text, language, monkeypatch):
    rows = _rows(extractor, text, language)
    assert {r[0] for r in rows} == {"other"}  # never revenue, valuation or funding
    monkeypatch.setattr(ai_claims, "DROP_PRODUCT_PRICES", True)
    assert _rows(extractor, text, language) == set()


def test_metrics_a_priced_round_is_a_valuation(extractor):
    assert ("valuation", 610e6, "USD") in _rows(
        extractor, "The new round priced Voltrack at $610 million.", "en")


@pytest.mark.parametrize("text,language", [
    ("Voltrack reported revenue of $50 million for 2024, up from $31 million a year earlier.", "en"),
    ("Voltrack a publié un chiffre d'affaires de 50 millions d'euros, contre 31 millions l'an "
     "dernier.", "fr"),
])
def test_metrics_a_year_earlier_is_no_price(extractor, text, language):
    assert {r[0] for r in _rows(extractor, text, language)} == {"revenue"}


@pytest.mark.parametrize("text,language,value", [
    ("A creditor seized $14 million from Voltrack in March, which showed that its revenue "
     "projections were inflated.", "en", 14e6),
    ("Regulators froze about $9 million of Voltrack's accounts while its sales were reviewed.",
     "en", 9e6),
    ("Voltrack still owes $6 million to its suppliers despite record revenue.", "en", 6e6),
    ("Le prêteur a saisi 14 millions d'euros chez Voltrack, révélant un chiffre d'affaires gonflé.",
     "fr", 14e6),
])
def test_metrics_money_taken_from_the_company_is_not_revenue(extractor, text, language, value):
    rows = _rows(extractor, text, language)
    assert not any(v == value and m in ("revenue", "funding", "valuation") for m, v, _ in rows)


def test_metrics_revenue_taken_in_stays_revenue(extractor):
    rows = _rows(extractor, "Voltrack took in about $14 million in revenue last year.", "en")
    assert ("revenue", 14e6, "USD") in rows


def test_metrics_round_before_a_figure_means_around(extractor):
    rows = _rows(extractor, "Voltrack's forecast for 2025 revenue had been cut to round $30mn, "
                            "people said.", "en")
    assert ("revenue", 30e6, "USD") in rows
    assert ("funding", 30e6, "USD") not in rows


@pytest.mark.parametrize("text,language", [
    ("Voltrack's chief executive said the company is sitting on a $6 billion order backlog.", "en"),
    ("Voltrack dit disposer d'un carnet de commandes de 6 milliards de dollars.", "fr"),
])
def test_metrics_order_backlog_is_other_not_bookings(extractor, text, language):
    article = Article("m1", None, "", "test feed", datetime(2025, 6, 1, tzinfo=timezone.utc),
                      language, text)
    claims = [c for c in extractor.extract(article).claims if c.value == 6e9]
    assert claims and all(c.metric == "other" and c.other_kind == "order backlog" for c in claims)


@pytest.mark.parametrize("text,language,value", [
    ("When Chirpnet emailed a promotion to 60,000 customers, most of the messages bounced.",
     "en", 60000),
    ("A newsletter Chirpnet sent to about 60,000 users drew almost no clicks.", "en", 60000),
    ("Chirpnet a envoyé une offre à 60 000 clients, mais la plupart des courriels sont revenus.",
     "fr", 60000),
])
def test_metrics_people_written_to_are_not_the_customer_base(extractor, text, language, value):
    article = Article("m1", None, "", "test feed", datetime(2025, 6, 1, tzinfo=timezone.utc),
                      language, text)
    claims = [c for c in extractor.extract(article).claims if c.value == value]
    assert claims and all(c.metric == "other" and c.other_kind.endswith("contacted")
                          for c in claims)


def test_metrics_customer_count_without_contact_verb_stays_customers(extractor):
    rows = _rows(extractor, "Chirpnet now serves 60,000 customers across Europe.", "en")
    assert ("customers", 60000, "count") in rows


def test_metrics_taking_total_funding_to_stays_funding(extractor):
    rows = _rows(extractor, "Gizmo Labs closed a $5 million round, taking total funding to "
                            "$20 million.", "en")
    assert ("funding", 20e6, "USD") in rows


def test_metrics_lender_took_money_is_not_revenue(extractor):
    rows = _rows(extractor, "Gizmo Labs said a lender took $9 million from Gizmo Labs in March, "
                            "revealing that its revenue forecasts were inflated.", "en")
    assert not any(v == 9e6 and m == "revenue" for m, v, _ in rows)


@pytest.mark.parametrize("text,language", [
    ("Gizmo Labs agreed to pay $7 million to settle claims that it inflated its sales.", "en"),
    ("Gizmo Labs a accepté de payer 7 millions d'euros pour clore la plainte sur ses ventes.", "fr"),
])
def test_metrics_money_the_company_must_pay_is_not_revenue(extractor, text, language):
    rows = _rows(extractor, text, language)
    assert not any(v == 7e6 and m in ("revenue", "funding") for m, v, _ in rows)
