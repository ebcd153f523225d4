"""The extractor's own working value: a number found in text (the hand-over records are in
:mod:`claimwatch.records`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number found in text, normalised.

    ``value`` is in base units (10_000_000 for "$10M", 75 for "75%").
    ``value_low``/``value_high`` are the bounds the text allows: equal to ``value``
    for an exact figure, a range for "70 to 80%", one open side (None) for
    "more than $1M" (low=1e6, high=None). ``hedge`` names the word that set them.
    ``start``/``end`` are character offsets in the text that was parsed.
    """

    text: str
    start: int
    end: int
    value: float
    value_low: float | None
    value_high: float | None
    unit: str  # "USD", "EUR", "percent", "count", or another unit as written
    hedge: str | None = None  # "about", "more_than", "at_least", "up_to", "less_than", "range"
    noun: str | None = None  # for counts: the noun that follows ("customers", "salariés")
