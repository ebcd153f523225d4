"""The hand-over records: what one stage gives the next (ground floor; imports nothing of claimwatch).

ingest produces :class:`Article` and :class:`FeedResult`; extraction turns an Article into an
:class:`Extraction` (companies, :class:`Claim` rows, :class:`Dispute` rows); the warehouse stores them.
Plain dataclasses: no spaCy, DuckDB or Prefect types, so every stage can import them and the stages
stay siblings.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime


def article_id_for(key: str) -> str:
    """A stable article id from its GUID or canonical URL."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def content_hash(title: str, text: str) -> str:
    return hashlib.sha1(f"{title}\n{text}".encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Article:
    article_id: str
    url: str | None
    title: str
    source: str  # the feed's name, or the archive's "source" field
    published_at: datetime | None  # timezone-aware, UTC
    language: str | None  # the declared language; extraction detects the real one
    text: str  # plain text, the fullest we have
    summary: str = ""
    guid: str | None = None
    text_origin: str = "feed"  # "feed" (full content in the feed), "page" (fetched), "summary", "archive"
    fetch_error: str | None = None  # why the full text could not be fetched, if it could not
    content_hash: str = ""
    # How much of published_at the source gave: "time", "day", "month" or "year" ("2021-06" is the
    # month of June, stored as its first instant); None when there is no date.
    published_precision: str | None = None

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.title, self.text)


@dataclass(slots=True)
class FeedState:
    """What is remembered about a feed between runs (conditional GET)."""

    name: str
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class FeedResult:
    """The outcome of fetching one feed."""

    name: str
    url: str
    ok: bool
    status: str  # "ok", "not_modified", "error"
    error: str | None = None
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# Metrics a claim can be about. "other" when a number sits near a company but fits none
# (its Claim.other_kind then says what the figure counts: "orders", "reservations").
# The AI metrics: automation_rate (percent of tasks done with no person), human_involvement
# (percent of tasks a person handled, or a count of the people doing the work), accuracy
# (detection, success or precision rate: higher is better), error_rate (error, miss or
# false-alarm rate: higher is worse), bot_share (share of fake or bot users or accounts),
# ai_built_share (share of a product or its code built by the AI). "units": product units
# sold, shipped or delivered (reservations and pre-orders are "other").
METRICS = (
    "revenue", "arr", "valuation", "funding", "customers", "users", "employees",
    "churn", "growth", "profit", "loss", "bookings", "gmv", "units",
    "automation_rate", "human_involvement", "accuracy", "error_rate", "bot_share",
    "ai_built_share", "other",
)
AI_METRICS = ("automation_rate", "human_involvement", "accuracy", "error_rate", "bot_share",
              "ai_built_share")
# Units: ISO 4217 currency codes, "percent", "count"; anything else is kept as written.
# Metrics where a higher figure is the unflattering one (a claim is contradicted by a higher report).
HIGHER_IS_WORSE = ("churn", "loss", "error_rate", "bot_share", "human_involvement")
CLAIMED_BY = ("company", "reporter")


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
    # what the figure counts, lower-case and short ("orders", "units sold", "reservations"):
    # always tried for "other", also set for the AI metrics when the sentence says it
    other_kind: str | None = None
    # the same figure in another unit, given in brackets: "$450m (£334m)" -> 334e6, "GBP"
    alt_value: float | None = None
    alt_unit: str | None = None


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
