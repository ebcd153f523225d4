"""Quantity parser context rules: years vs numbers, ages, -fold, head nouns, ranges, per-time."""

from __future__ import annotations

import pytest

from claimwatch.extractors.quantities import find_quantities


def _vals(text: str, lang: str = "en") -> list[tuple]:
    return [(q.value, q.unit) for q in find_quantities(text, lang)]


@pytest.mark.parametrize("text,lang", [
    ("Prices will go up by an average of 1500.", "en"),
    ("Le prix augmentera en moyenne de 1500.", "fr"),
])
def test_quantities_context_number_outside_year_context_is_kept(text, lang):
    assert _vals(text, lang) == [(1500.0, "count")]


@pytest.mark.parametrize("text,lang", [
    ("In 2021 most people worked from home.", "en"),
    ("Depuis 2021 la plupart des salariés travaillent chez eux.", "fr"),
    ("Temperatures fell between 1600 and 1900 worldwide.", "en"),
    ("The 2019 review was glowing.", "en"),
    ("Sea levels could rise by 2120.", "en"),
])
def test_quantities_context_years_are_skipped(text, lang):
    assert _vals(text, lang) == []


@pytest.mark.parametrize("text,lang,noun", [
    ("It hired 2000 engineers.", "en", "engineers"),
    ("Elle a recruté 2000 nouveaux salariés.", "fr", "salariés"),
])
def test_quantities_context_year_like_count_with_noun(text, lang, noun):
    (q,) = find_quantities(text, lang)
    assert (q.value, q.unit, q.noun) == (2000.0, "count", noun)


@pytest.mark.parametrize("text,lang,value,noun", [
    ("Eight other employees left the agency.", "en", 8.0, "employees"),
    ("It signed 3 new enterprise customers.", "en", 3.0, "customers"),
    ("Elle a signé 1 200 nouveaux clients.", "fr", 1200.0, "clients"),
    ("Elle compte huit autres salariés.", "fr", 8.0, "salariés"),
])
def test_quantities_context_head_noun_after_modifiers(text, lang, value, noun):
    (q,) = find_quantities(text, lang)
    assert (q.value, q.unit, q.noun) == (value, "count", noun)


@pytest.mark.parametrize("text,lang,value,unit", [
    ("The defense gave up 517 rushing yards.", "en", 517.0, "yard"),
    ("Le coureur a parcouru 40 longs kilomètres.", "fr", 40.0, "km"),
])
def test_quantities_context_measure_noun_after_adjective(text, lang, value, unit):
    assert _vals(text, lang) == [(value, unit)]


@pytest.mark.parametrize("text,lang,value", [
    ("Revenue grew more than sixfold last year.", "en", 6.0),
    ("Revenue grew 10-fold in a decade.", "en", 10.0),
    ("Le chiffre d'affaires a été multiplié par trois.", "fr", 3.0),
    ("Les ventes ont été multipliées par 2,5 en un an.", "fr", 2.5),
])
def test_quantities_context_fold_multipliers(text, lang, value):
    assert _vals(text, lang) == [(value, "x")]


@pytest.mark.parametrize("text,lang", [
    ("Maddon, 66, has used the downtime to get in shape.", "en"),
    ("The founder, aged 66 this year, stepped down.", "en"),
    ("Jean Dupont, 66 ans, a quitté l'entreprise.", "fr"),
])
def test_quantities_context_ages(text, lang):
    assert _vals(text, lang) == [(66.0, "years old")]


@pytest.mark.parametrize("text,lang,low,high,unit", [
    ("Prices range from $370,000 to $5.5 million.", "en", 370_000.0, 5.5e6, "USD"),
    ("Des prix allant de 3 à 5 millions d'euros.", "fr", 3e6, 5e6, "EUR"),
])
def test_quantities_context_range_from_is_a_range(text, lang, low, high, unit):
    (q,) = find_quantities(text, lang)
    assert (q.hedge, q.value_low, q.value_high, q.unit) == ("range", low, high, unit)


@pytest.mark.parametrize("text,lang,values", [
    ("Revenue rose from $10 to $15 billion.", "en", [(10e9, "USD"), (15e9, "USD")]),
    ("Le chiffre d'affaires est passé de 10 à 15 milliards d'euros.", "fr",
     [(10e9, "EUR"), (15e9, "EUR")]),
])
def test_quantities_context_change_shares_multiplier(text, lang, values):
    assert _vals(text, lang) == values


@pytest.mark.parametrize("text,lang,value,unit", [
    ("They cut output by 800,000 barrels a day.", "en", 800_000.0, "barrel/day"),
    ("Ils travaillent 35 heures par semaine.", "fr", 35.0, "hour/week"),
    ("It lost 63 cents per share.", "en", 0.63, "USD/share"),
])
def test_quantities_context_per_time_units(text, lang, value, unit):
    assert _vals(text, lang) == [(value, unit)]


@pytest.mark.parametrize("text,lang,value,unit", [
    ("The offense gained minus-5 yards.", "en", -5.0, "yard"),
    ("Il fait moins 12 °C ce matin.", "fr", -12.0, "°c"),
])
def test_quantities_context_minus_words(text, lang, value, unit):
    assert _vals(text, lang) == [(value, unit)]


def test_quantities_context_moins_is_not_a_sign_for_counts():
    assert _vals("Il reste moins 12 salariés.", "fr") == [(12.0, "count")]


@pytest.mark.parametrize("text,lang,value,unit", [
    ("Profit reached Y=590 billion.", "en", 590e9, "JPY"),
    ("A PS6m golden hello was paid.", "en", 6e6, "GBP"),
    ("Demand for sub-300 sq m offices surged.", "en", 300.0, "m2"),
    ("There were 4 hundred million people.", "en", 4e8, "count"),
    ("There are four to five thousand people.", "en", 4500.0, "count"),
])
def test_quantities_context_signs_and_scales(text, lang, value, unit):
    assert _vals(text, lang) == [(value, unit)]


@pytest.mark.parametrize("text,lang", [
    ("He bought a PS5 and a PS4.", "en"),
    ("It happened in the second half of the game.", "en"),
    ("Dak Prescott (4) scored.", "en"),
])
def test_quantities_context_not_quantities(text, lang):
    assert _vals(text, lang) == []


def test_quantities_context_five_year_deal():
    assert _vals("They signed a five-year deal.") == [(5.0, "year")]
    assert _vals("Ils ont signé un contrat de cinq ans.", "fr") == [(5.0, "year")]
