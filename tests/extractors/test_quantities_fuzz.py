"""Property tests for the quantity parser: never raises, formatted numbers parse back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.extractors.quantities import _find, find_quantities

FUZZ = settings(max_examples=600, deadline=None)
ROUND_TRIP = settings(max_examples=300, deadline=None)

_pieces = st.sampled_from([
    "$", "€", "£", "US$", "HK $", "%", " percent", " pour cent", "M€", "Md€", "k", "M", "bn",
    " million", " milliard", " de dollars", " d'euros", "1,200", "1 200", "1,5", "10 000",
    "-", " to ", " à ", " entre ", " between ", " and ", " et ", "about ", "près de ", "plus de ",
    "GPT-4", "11x", "2024", "March", "10:30", "555-123-4567", "1.2.3", "one of the ", "half ",
    "millions of ", "des milliers de ", "two", "deux", "\u202f", "\u00a0", "(", ")", ".", ",",
    " users", " salariés", "km", "GB", "pc", "'", "’",
])
_mixed = st.lists(st.one_of(_pieces, st.text(max_size=6), st.integers(0, 10**7).map(str)),
                  max_size=14).map("".join)


def _check(text: str, lang: str) -> None:
    # The unguarded core must not raise either: the public wrapper's guard is a last resort.
    found = _find(text, lang)
    assert found == find_quantities(text, lang)
    for q in found:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        if q.value_low is not None and q.value_high is not None:
            assert q.value_low <= q.value_high


@FUZZ
@given(st.text(max_size=200), st.sampled_from(["en", "fr"]))
def test_quantities_fuzz_never_raises_on_arbitrary_text(text, lang):
    _check(text, lang)


@FUZZ
@given(_mixed, st.sampled_from(["en", "fr"]))
def test_quantities_fuzz_never_raises_on_number_like_text(text, lang):
    _check(text, lang)


def _only(text: str, lang: str):
    found = find_quantities(text, lang)
    assert len(found) == 1, (text, found)
    return found[0]


@ROUND_TRIP
@given(st.integers(min_value=0, max_value=10**12))
def test_quantities_fuzz_dollar_thousands_commas_round_trip(n):
    q = _only(f"It raised ${n:,} last week.", "en")
    assert q.value == n and q.unit == "USD" and q.text == f"${n:,}"


@ROUND_TRIP
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_quantities_fuzz_french_formatting_round_trip(n, cents):
    grouped = f"{n:,}".replace(",", "\u202f")
    q = _only(f"Elle a facturé {grouped},{cents:02d} euros.", "fr")
    assert q.value == pytest.approx(n + cents / 100) and q.unit == "EUR"
    q = _only(f"Elle emploie {f'{n:,}'.replace(',', ' ')} salariés.", "fr")
    assert q.value == n and q.unit == "count" and q.noun == "salariés"


@ROUND_TRIP
@given(st.decimals(min_value=0, max_value=999, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([("million", 1e6), ("billion", 1e9), ("thousand", 1e3)]))
def test_quantities_fuzz_scaled_words_round_trip(x, scale):
    word, mult = scale
    q = _only(f"Revenue reached ${x} {word} this year.", "en")
    assert q.value == pytest.approx(float(x) * mult) and q.unit == "USD"


@ROUND_TRIP
@given(st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda f: round(f, 1)),
       st.sampled_from(["%", " %", " percent", " per cent"]))
def test_quantities_fuzz_percent_round_trip(x, sign):
    q = _only(f"Churn rose {x}{sign} in the quarter.", "en")
    assert q.value == pytest.approx(x) and q.unit == "percent"
