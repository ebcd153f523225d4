"""The values extraction produces. Plain dataclasses: no spaCy, DuckDB or Prefect types."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Metrics a claim can be about. "other" when a number sits near a company but fits none.
METRICS = (
    "revenue", "arr", "valuation", "funding", "customers", "users", "employees",
    "churn", "growth", "profit", "loss", "bookings", "gmv", "units", "other",
)
# Units: ISO 4217 currency codes, "percent", "count"; anything else is kept as written.
CLAIMED_BY = ("company", "reporter")


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


@dataclass(frozen=True, slots=True)
class Claim:
    """A quantitative claim about a company, found in one sentence of one article."""

    article_id: str
    company: str  # canonical company name
    metric: str  # one of METRICS
    value: float
    value_low: float | None
    value_high: float | None
    unit: str
    claimed_by: str  # "company" or "reporter"
    sentence: str
    quantity_text: str
    sentence_index: int  # position of the sentence in the article
    char_start: int  # offset of the quantity in the article text
    is_forecast: bool = False
    hedge: str | None = None
    period: str | None = None  # "2024", "Q3 2024", "H1 2025", "first year", "monthly"...
    as_of: date | None = None  # the date the figure refers to (period end or publication)
    company_mention: str | None = None  # the surface form in the sentence
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Dispute:
    """A sentence reporting that a company's figures or customers are false or inflated."""

    article_id: str
    company: str
    metric: str | None  # the metric disputed, when the sentence names one
    cue: str  # the word or phrase that marks the dispute ("inflated", "gonflé", ...)
    sentence: str
    sentence_index: int
    language: str = "en"


@dataclass(frozen=True, slots=True)
class CompanyMention:
    name: str  # canonical name
    surface: str
    is_ai: bool = False


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article."""

    article_id: str
    language: str
    companies: list[CompanyMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
