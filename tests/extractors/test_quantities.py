"""Quantity parser: currencies, multipliers, separators, words, percents, ranges, hedges, skips."""

from __future__ import annotations

import pytest

from claimwatch.extractors.numbers import parse_number_words, parse_numeral
from claimwatch.extractors.quantities import find_quantities


def one(sample: str, lang: str = "en", /, **expected):
    found = find_quantities(sample, lang)
    assert len(found) == 1, found
    q = found[0]
    assert sample[q.start:q.end] == q.text
    for key, want in expected.items():
        got = getattr(q, key)
        if isinstance(want, float) and got is not None:
            assert got == pytest.approx(want), (key, got, want)
        else:
            assert got == want, (key, got, want)
    return q


@pytest.mark.parametrize("text,lang,value,unit,surface", [
    ("It claimed $10M in ARR.", "en", 10e6, "USD", "$10M"),
    ("It raised US$2.5 billion.", "en", 2.5e9, "USD", "US$2.5 billion"),
    ("Sales hit C$40 million.", "en", 40e6, "CAD", "C$40 million"),
    ("Revenue was €3bn.", "en", 3e9, "EUR", "€3bn"),
    ("A £500k seed round.", "en", 5e5, "GBP", "£500k"),
    ("It costs ¥1,200.", "en", 1200.0, "JPY", "¥1,200"),
    ("It earned 12 million dollars.", "en", 12e6, "USD", "12 million dollars"),
    ("It earned 40 million euros.", "en", 40e6, "EUR", "40 million euros"),
    ("A 300 million pounds deal.", "en", 300e6, "GBP", "300 million pounds"),
    ("USD 5 million was raised.", "en", 5e6, "USD", "USD 5 million"),
    ("It raised 5 million EUR.", "en", 5e6, "EUR", "5 million EUR"),
    ("A $1.2 trillion market.", "en", 1.2e12, "USD", "$1.2 trillion"),
    ("Valued at $3 thousand.", "en", 3e3, "USD", "$3 thousand"),
    ("Elle a levé 10 millions de dollars.", "fr", 10e6, "USD", "10 millions de dollars"),
    ("Elle vaut 1,5 milliard d'euros.", "fr", 1.5e9, "EUR", "1,5 milliard d'euros"),
    ("Un chiffre d'affaires de 12 M€.", "fr", 12e6, "EUR", "12 M€"),
    ("Une valorisation de 2 Md€.", "fr", 2e9, "EUR", "2 Md€"),
    ("Une levée de 5 M$.", "fr", 5e6, "USD", "5 M$"),
    ("Une amende de 10 000 €.", "fr", 1e4, "EUR", "10 000 €"),
    ("Elle vaut 3 milliards de dollars.", "fr", 3e9, "USD", "3 milliards de dollars"),
    ("Un budget de 2\u202f500 euros.", "fr", 2500.0, "EUR", "2\u202f500 euros"),
    ("Un budget de 2 mille euros.", "fr", 2000.0, "EUR", "2 mille euros"),
    ("Elle a levé 40 millions de livres.", "fr", 40e6, "GBP", "40 millions de livres"),
])
def test_quantities_currency_and_multipliers(text, lang, value, unit, surface):
    one(text, lang, value=value, unit=unit, text=surface, value_low=value, value_high=value)


@pytest.mark.parametrize("text,lang,value", [
    ("Growth was 75% last year.", "en", 75.0),
    ("Growth was 75 % last year.", "en", 75.0),
    ("Growth was 75 percent.", "en", 75.0),
    ("Growth was 75 per cent.", "en", 75.0),
    ("La croissance a atteint 75 pour cent.", "fr", 75.0),
    ("La croissance a atteint 12,5 %.", "fr", 12.5),
    ("Shares fell 5pc.", "en", 5.0),
])
def test_quantities_percentages(text, lang, value):
    one(text, lang, value=value, unit="percent")


@pytest.mark.parametrize("text,lang,value,noun", [
    ("It has 1,200 employees.", "en", 1200.0, "employees"),
    ("L'entreprise compte 1 200 salariés.", "fr", 1200.0, "salariés"),
    ("Elle revendique 10 000 clients.", "fr", 1e4, "clients"),
    ("It now has two million users.", "en", 2e6, "users"),
    ("Elle a deux millions d'utilisateurs.", "fr", 2e6, "utilisateurs"),
    ("It hired a dozen engineers.", "en", 12.0, "engineers"),
    ("It reached half a million customers.", "en", 5e5, "customers"),
    ("It signed 300 new customers.", "en", 300.0, "customers"),
    ("It has 3M users.", "en", 3e6, "users"),
    ("It has 2.5 million paying subscribers.", "en", 2.5e6, "subscribers"),
    ("Elle emploie quatre-vingt-dix salariés.", "fr", 90.0, "salariés"),
])
def test_quantities_counts_with_noun(text, lang, value, noun):
    one(text, lang, value=value, unit="count", noun=noun)


@pytest.mark.parametrize("text,lang,low,high,unit", [
    ("Staff said it lost 70 to 80% of customers.", "en", 70.0, 80.0, "percent"),
    ("It lost 70-80% of customers.", "en", 70.0, 80.0, "percent"),
    ("Elle a perdu 70 à 80 % de ses clients.", "fr", 70.0, 80.0, "percent"),
    ("It raised between $3M and $5M.", "en", 3e6, 5e6, "USD"),
    ("Elle a levé entre 3 et 5 millions d'euros.", "fr", 3e6, 5e6, "EUR"),
    ("It costs $62 to $68 per share.", "en", 62.0, 68.0, "USD/share"),
])
def test_quantities_ranges(text, lang, low, high, unit):
    one(text, lang, value=(low + high) / 2, value_low=low, value_high=high, unit=unit, hedge="range")


@pytest.mark.parametrize("text,lang,hedge,low,high", [
    ("It claimed nearly $10M.", "en", "nearly", 9e6, 10e6),
    ("It claimed almost $10M.", "en", "nearly", 9e6, 10e6),
    ("It claimed close to $10M.", "en", "nearly", 9e6, 10e6),
    ("Elle revendique près de 10 M€.", "fr", "nearly", 9e6, 10e6),
    ("Elle revendique presque 10 M€.", "fr", "nearly", 9e6, 10e6),
    ("It claimed about $10M.", "en", "about", 9e6, 11e6),
    ("It claimed around $10M.", "en", "about", 9e6, 11e6),
    ("It claimed roughly $10M.", "en", "about", 9e6, 11e6),
    ("It claimed approximately $10M.", "en", "about", 9e6, 11e6),
    ("It claimed some $10M.", "en", "about", 9e6, 11e6),
    ("Elle revendique environ 10 M€.", "fr", "about", 9e6, 11e6),
    ("Elle revendique quelque 10 M€.", "fr", "about", 9e6, 11e6),
    ("Elle revendique autour de 10 M€.", "fr", "about", 9e6, 11e6),
    ("It claimed more than $10M.", "en", "more_than", 10e6, None),
    ("It claimed over $10M.", "en", "more_than", 10e6, None),
    ("It claimed above $10M.", "en", "more_than", 10e6, None),
    ("Elle revendique plus de 10 M€.", "fr", "more_than", 10e6, None),
    ("Elle revendique au-delà de 10 M€.", "fr", "more_than", 10e6, None),
    ("It claimed at least $10M.", "en", "at_least", 10e6, None),
    ("Elle revendique au moins 10 M€.", "fr", "at_least", 10e6, None),
    ("It claimed up to $10M.", "en", "up_to", None, 10e6),
    ("It claimed as much as $10M.", "en", "up_to", None, 10e6),
    ("Elle revendique jusqu'à 10 M€.", "fr", "up_to", None, 10e6),
    ("It claimed less than $10M.", "en", "less_than", None, 10e6),
    ("It claimed under $10M.", "en", "less_than", None, 10e6),
    ("Elle revendique moins de 10 M€.", "fr", "less_than", None, 10e6),
])
def test_quantities_hedges_set_bounds(text, lang, hedge, low, high):
    one(text, lang, value=10e6, hedge=hedge, value_low=low, value_high=high)


@pytest.mark.parametrize("text,lang", [
    ("The company was founded in 2024.", "en"),
    ("It launched on March 3 at 10:30.", "en"),
    ("Elle a été fondée le 11 février 2019.", "fr"),
    ("It beat GPT-4 and the iPhone 15.", "en"),
    ("Call 555-123-4567 today.", "en"),
    ("Update to version 1.2.3 now.", "en"),
    ("Web3 fans cheered 11x and 3M Company.", "en"),
    ("She finished 22nd in the 3rd round.", "en"),
    ("Elle est arrivée 1er au 2e tour.", "fr"),
    ("The meeting starts at 3 pm.", "en"),
    ("The final score was 2-0.", "en"),
])
def test_quantities_skip_non_quantities(text, lang):
    assert find_quantities(text, lang) == []


def test_quantities_11x_story_offsets():
    text = ("In March 2025, TechCrunch reported that 11x advertised about $10M ARR; "
            "staff said it lost 70 to 80% of customers.")
    found = find_quantities(text)
    assert [q.text for q in found] == ["$10M", "70 to 80%"]
    money, share = found
    assert text[money.start:money.end] == "$10M" and money.hedge == "about"
    assert (share.value_low, share.value_high, share.value) == (70.0, 80.0, 75.0)


def test_quantities_change_from_to_is_two_quantities():
    found = find_quantities("Growth slowed from 4.8 to 4.7 percent.")
    assert [(q.value, q.unit) for q in found] == [(4.8, "percent"), (4.7, "percent")]


def test_quantities_or_shares_unit():
    found = find_quantities("A meal costs eight or nine euros.")
    assert [(q.value, q.unit) for q in found] == [(8.0, "EUR"), (9.0, "EUR")]


def test_quantities_vague_counts_are_bounds():
    q = one("Millions of users signed up.", hedge="vague", value_low=1e6, value_high=1e7)
    assert q.noun == "users"
    one("Des milliers de clients sont partis.", "fr", hedge="vague", value_low=1e3, noun="clients")


def test_quantities_measures_are_normalised():
    found = find_quantities("It weighs 3 kg, runs 500 km and holds 256GB over 2 hours.")
    assert [(q.value, q.unit) for q in found] == [
        (3.0, "kg"), (500.0, "km"), (256.0, "gb"), (2.0, "hour")]


def test_quantities_fractions_as_percent():
    one("A third of customers left.", value=100 / 3, unit="percent")
    one("La moitié des salariés sont partis.", "fr", value=50.0, unit="percent")


def test_quantities_multiple_in_order_with_offsets():
    text = "Revenue rose 40% to €12M while headcount fell to 1 200 salariés."
    found = find_quantities(text, "fr")
    assert [q.unit for q in found] == ["percent", "EUR", "count"]
    for q in found:
        assert text[q.start:q.end] == q.text
    assert found[2].noun == "salariés"


def test_quantities_numeral_and_word_helpers():
    assert parse_numeral("1,200.5") == 1200.5
    assert parse_numeral("1 200,5", "fr") == 1200.5
    assert parse_numeral("1,5", "fr") == 1.5
    assert parse_numeral("12a") is None
    assert parse_number_words(["two", "hundred", "thirty", "-", "five", "thousand"]) == 235000
    assert parse_number_words(["soixante", "-", "dix", "-", "sept"], "fr") == 77
    assert parse_number_words(["quatre", "-", "vingt", "-", "douze"], "fr") == 92
    assert parse_number_words(["deux", "cent", "mille"], "fr") == 200000
    assert parse_number_words(["banana"]) is None


@pytest.mark.parametrize("bad", [None, "", "$", "€€", "1 '2", "$99(", "($99", "20/2030 and",
                                 "9" * 5000, "1e308 million", "\x00\ud800"])
def test_quantities_never_raise_on_odd_input(bad):
    assert isinstance(find_quantities(bad), list)
    assert isinstance(find_quantities(bad, "fr"), list)
