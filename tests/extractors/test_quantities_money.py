"""Quantity parser: coins, currency words and codes, Indian scales, changes vs ranges (en, fr)."""

from __future__ import annotations

import pytest

from claimwatch.extractors.quantities import find_quantities


def only(sample: str, lang: str = "en"):
    found = find_quantities(sample, lang)
    assert len(found) == 1, found
    q = found[0]
    assert sample[q.start:q.end] == q.text
    return q


@pytest.mark.parametrize("text,lang,value,unit", [
    ("The ticket costs 5 dollars.", "en", 5.0, "USD"),
    ("They paid 40 dollars each.", "en", 40.0, "USD"),
    ("The stake was valued at 528 million francs.", "en", 528e6, "CHF"),
    ("Each block now pays 6.25 BTC to miners.", "en", 6.25, "BTC"),
    ("Le mineur reçoit 6,25 bitcoins par bloc.", "fr", 6.25, "BTC"),
    ("The loss reached 30 MUSD last year.", "en", 30e6, "USD"),
    ("La perte atteint 120 MEUR.", "fr", 120e6, "EUR"),
    ("It was listed at 115USD.", "en", 115.0, "USD"),
    ("They lost 75 USD million.", "en", 75e6, "USD"),
    ("The fund raised Rs 500 crore.", "en", 5e9, "INR"),
    ("He asked for a loan of 35 lakh rupees.", "en", 3.5e6, "INR"),
    ("The price was 12,34,567 rupees.", "en", 1234567.0, "INR"),
    ("exports rose to hk $ 10.05 billion.", "en", 10.05e9, "HKD"),
    ("a c $ 300 million charge", "en", 300e6, "CAD"),
    ("The car sells for nzd$15,000.", "en", 15000.0, "NZD"),
    ("It costs a quarter million dollars.", "en", 250e3, "USD"),
    ("It cost three quarters billion us dollars.", "en", 750e6, "USD"),
    ("Le billet coûte 100 ₽.", "fr", 100.0, "RUB"),
])
def test_quantities_money_currency_words_and_codes(text, lang, value, unit):
    q = only(text, lang)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize("text,lang,value,unit", [
    ("Shares closed at 164p.", "en", 1.64, "GBP"),
    ("The bid was 470 pence a share.", "en", 4.70, "GBP/share"),
    ("Heineken Malaysia added 18 sen.", "en", 0.18, "MYR"),
    ("It will pay a 12-cent-a-share dividend.", "en", 0.12, "USD/share"),
    ("It offered a $70-a-share price.", "en", 70.0, "USD/share"),
    ("It only cost 3 dollars 50 cents.", "en", 3.5, "USD"),
    ("It cost thirteen dollars and forty-five cents.", "en", 13.45, "USD"),
    ("Le ticket coûte 2 euros 50 centimes.", "fr", 2.5, "EUR"),
    ("La baguette a pris 10 centimes.", "fr", 0.10, "EUR"),
])
def test_quantities_money_coins_are_hundredths(text, lang, value, unit):
    q = only(text, lang)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize("text,lang", [
    ("The camera records 1080p video.", "en"),
    ("Un écran 720p suffit.", "fr"),
])
def test_quantities_money_video_lines_are_not_pence(text, lang):
    assert all(q.unit != "GBP" for q in find_quantities(text, lang))


@pytest.mark.parametrize("text,lang,values", [
    ("The stock rose $2 to $50.", "en", [2.0, 50.0]),
    ("Bonia climbed 11 sen to RM2.05.", "en", [0.11, 2.05]),
    ("L'action a gagné 2 € à 50 €.", "fr", [2.0, 50.0]),
])
def test_quantities_money_change_verb_then_level_is_two_quantities(text, lang, values):
    found = find_quantities(text, lang)
    assert [q.value for q in found] == pytest.approx(values)
    assert all(q.hedge != "range" for q in found)


@pytest.mark.parametrize("text,lang,low,high", [
    ("Staff said it lost 70 to 80% of customers.", "en", 70.0, 80.0),
    ("Temperatures dropped by 1 to 1.5 degrees.", "en", 1.0, 1.5),
    ("Il a perdu 70 à 80 % de ses clients.", "fr", 70.0, 80.0),
])
def test_quantities_money_change_verb_keeps_plain_ranges(text, lang, low, high):
    q = only(text, lang)
    assert (q.hedge, q.value_low, q.value_high) == ("range", low, high)


@pytest.mark.parametrize("text,lang", [
    ("The debut of Boeing's own 787 Dreamliner was delayed.", "en"),
    ("Reviews of the iPhone 11 Pro and 11 Pro Max are in.", "en"),
    ("The office moved to 49 Zorro Ranch Road.", "en"),
    ("Il a présenté le nouveau 737 Max hier.", "fr"),
    ("Elle conduit une 308 Peugeot depuis des années.", "fr"),
])
def test_quantities_money_numbers_in_names_are_skipped(text, lang):
    assert find_quantities(text, lang) == []


@pytest.mark.parametrize("text,lang,value,noun", [
    ("Since then 96 Liverpool fans have campaigned.", "en", 96.0, "fans"),
    ("Tesla delivered 63,150 Model 3s.", "en", 63150.0, "model"),
    ("The company hired 30 Engineers last year.", "en", 30.0, "engineers"),
    ("Plus de 20 Parisiens ont signé.", "fr", 20.0, "parisiens"),
])
def test_quantities_money_counts_before_capitals_are_kept(text, lang, value, noun):
    q = only(text, lang)
    assert (q.value, q.unit, q.noun) == (value, "count", noun)


@pytest.mark.parametrize("text,lang,value", [
    ("The S&P 500 rose 64.06 points to 4,577.10.", "en", 4577.10),
    ("London's blue chip index lost 2.14% to 7,425.81.", "en", 7425.81),
    ("Le CAC 40 a clôturé à 7 425,81.", "fr", 7425.81),
])
def test_quantities_money_index_levels_are_points(text, lang, value):
    levels = [q for q in find_quantities(text, lang) if q.value == pytest.approx(value)]
    assert len(levels) == 1 and levels[0].unit == "point"


@pytest.mark.parametrize("text,lang", [
    ("The recipe serves 4 and costs little, about 12.50 each.", "en"),
    ("Le panier coûte 12,50 au marché.", "fr"),
])
def test_quantities_money_two_decimals_without_index_are_not_points(text, lang):
    assert all(q.unit != "point" for q in find_quantities(text, lang))


def test_quantities_money_spaced_pence_but_not_page_numbers():
    found = find_quantities("Unite Group was down 68 p at 1112 p.", "en")
    assert [(q.value, q.unit) for q in found] == [(0.68, "GBP"), (11.12, "GBP")]
    assert all(q.unit != "GBP" for q in find_quantities("See page 3 p. 5 of the report.", "en"))
