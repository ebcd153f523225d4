"""Figures as people write them, the one formatter for explanations, the digest and the terminal.

``format_figure(10e6, unit="USD") == "$10M"``; ``format_figure(75, 70, 80, "range", "percent") ==
"70–80%"``; ``format_figure(3e6, hedge="about", unit="USD") == "about $3M"``.
"""

from __future__ import annotations

import math

__all__ = ["CURRENCY_SYMBOLS", "format_figure"]

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CNY": "CN¥",
                    "CAD": "C$", "AUD": "A$"}
# Count metrics whose noun is worth printing after the number ("3,000 customers").
_COUNT_NOUNS = {"customers": "customers", "users": "users", "employees": "employees"}
_OPEN_LOW = {"more_than": "more than", "at_least": "at least"}
_OPEN_HIGH = {"up_to": "up to", "less_than": "less than"}


def _trim(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _scaled(x: float) -> str:
    for div, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(x) >= div:
            return _trim(x / div) + suffix
    return _trim(x)


def _one(x: float, unit: str) -> str:
    if unit == "percent":
        return f"{_trim(x)}%"
    if unit in ("count", ""):
        return _scaled(x) if abs(x) >= 1e6 else (f"{x:,.0f}" if x == int(x) else _trim(x))
    sign = "-" if x < 0 else ""
    if unit in CURRENCY_SYMBOLS:
        return f"{sign}{CURRENCY_SYMBOLS[unit]}{_scaled(abs(x))}"
    if len(unit) == 3 and unit.isalpha() and unit.isupper():  # an ISO 4217 code: "CHF 3M"
        return f"{sign}{unit} {_scaled(abs(x))}"
    return f"{sign}{_scaled(abs(x))} {unit}"


def format_figure(value: float | None, low: float | None = None, high: float | None = None,
                  hedge: str | None = None, unit: str | None = "count", metric: str | None = None) -> str:
    """A figure as people write it: "$10M", "€1.5B", "70–80%", "about $3M", "3,000 customers".

    ``low``/``high`` are the bounds the text allowed (None or infinite when open), ``hedge`` the
    word that set them ("about", "more_than", "at_least", "up_to", "less_than", "range").
    """
    if value is None:
        return "n/a"
    unit = unit or "count"
    noun = f" {_COUNT_NOUNS[metric]}" if unit == "count" and metric in _COUNT_NOUNS else ""
    open_high = high is None or math.isinf(high)
    open_low = low is None or math.isinf(low)
    if hedge in _OPEN_LOW and open_high:
        return f"{_OPEN_LOW[hedge]} {_one(value if open_low else low, unit)}{noun}"
    if hedge in _OPEN_HIGH and open_low:
        return f"{_OPEN_HIGH[hedge]} {_one(value if open_high else high, unit)}{noun}"
    lo = value if open_low else low
    hi = value if open_high else high
    if hedge == "about" or lo == hi:
        return f"{'about ' if hedge == 'about' else ''}{_one(value, unit)}{noun}"
    if unit == "percent":
        return f"{_trim(lo)}–{_trim(hi)}%"
    return f"{_one(lo, unit)}–{_one(hi, unit)}{noun}"
