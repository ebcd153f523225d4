"""Render a digest (subject, plain text, HTML) from outbox items.

Everything that came from an article is untrusted: the HTML template is
autoescaped, only http(s) URLs become links, and control characters are removed
from every string before it reaches either template. No remote images, no JS:
the claimed-vs-reported picture is two inline-styled bars.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlparse

from jinja2 import Environment, PackageLoader, StrictUndefined

from claimwatch.figures import format_figure
from claimwatch.warehouse.outbox import ClaimItem, ContradictionItem, Item

__all__ = ["RenderedDigest", "render_digest", "build_subject", "format_value", "safe_url", "clean_text",
           "MONTHS"]

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_METRIC_LABELS = {"arr": "ARR", "gmv": "GMV"}
_KIND_LABELS = {"numeric": "Figures disagree", "revision": "Figure revised",
                "projection": "Forecast vs outcome", "dispute": "Disputed"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_QUOTE_MAX = 280

_ENV = Environment(loader=PackageLoader("claimwatch.digest", "templates"),
                   autoescape=lambda name: name is None or not name.endswith(".txt"),
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                   keep_trailing_newline=True)


@dataclass(frozen=True)
class RenderedDigest:
    """One recipient's digest, ready to be mailed or written."""

    subject: str
    text: str
    html: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def is_quiet(self) -> bool:
        return not any(self.counts.get(k) for k in ("contradictions", "disputes", "claims"))


def clean_text(value: object, limit: int | None = None) -> str:
    """A single-line, control-character-free string (optionally shortened with …)."""
    if value is None:
        return ""
    text = _CONTROL.sub(" ", str(value))
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def safe_url(url: object) -> str | None:
    """``url`` when it is an absolute http(s) URL without spaces or control characters, else None."""
    if not url:
        return None
    text = str(url).strip()
    if _CONTROL.search(text) or any(c.isspace() for c in text) or any(c in text for c in "\"'<>`"):
        return None
    try:
        parsed = urlparse(text)
    except ValueError:
        return None
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
        return None
    return text


def format_value(value: float | None, unit: str | None, low: float | None = None,
                 high: float | None = None, hedge: str | None = None) -> str:
    """"$10M", "70–80%", "about 1,200", "€2.5B": :func:`claimwatch.figures.format_figure`, with
    units that are not ISO codes, percent or count cleaned for display."""
    if unit and unit not in ("percent", "count") and not (len(unit) == 3 and unit.isalpha() and unit.isupper()):
        unit = clean_text(unit, 20)
    return format_figure(value, low, high, hedge, unit)


def format_date(value: datetime | date | None, precision: str | None = None) -> str:
    """"9 May 2025"; "May 2025" or "2025" when the source gave only the month or the year."""
    if value is None:
        return "date unknown"
    if precision == "year":
        return f"{value.year}"
    if precision == "month":
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def metric_label(metric: str | None) -> str:
    if not metric:
        return "figures"
    return _METRIC_LABELS.get(metric) or clean_text(metric, 40).replace("_", " ").capitalize()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def build_subject(counts: dict[str, int], day: date, companies: dict[str, Sequence[str]] | None = None,
                  *, resend: bool = False) -> str:
    """"claimwatch: 2 new contradictions (11x), 14 new claims, 29 Nov" (header-safe).

    ``companies`` maps "contradictions"/"disputes" to the companies named after their count.
    """
    companies = companies or {}
    parts = []
    for key, word in (("contradictions", "contradiction"), ("disputes", "dispute"), ("claims", "claim")):
        if counts.get(key):
            named = [n for n in dict.fromkeys(clean_text(c, 40) for c in companies.get(key, ())) if n]
            shown = ", ".join(named[:2]) + (f", +{len(named) - 2}" if len(named) > 2 else "")
            parts.append(_plural(counts[key], "new " + word) + (f" ({shown})" if shown else ""))
    if not parts:
        parts = ["all quiet"]
    prefix = "claimwatch (resent)" if resend else "claimwatch"
    return clean_text(f"{prefix}: {', '.join(parts)}, {day.day} {MONTHS[day.month - 1]}")


def _source(title, source, url, published, precision=None) -> dict:
    return {"title": clean_text(title, 160), "source": clean_text(source, 60) or "unknown source",
            "url": safe_url(url), "date": format_date(published, precision)}


def _bars(claimed: float | None, reported: float | None) -> list[dict] | None:
    if claimed is None or reported is None:
        return None
    top = max(abs(claimed), abs(reported))
    if top == 0:
        return None
    return [{"pct": max(2, round(100 * abs(v) / top))} for v in (claimed, reported)]


def _contradiction_view(item: ContradictionItem) -> dict:
    return {
        "company": clean_text(item.company, 80), "metric": metric_label(item.metric),
        "kind": _KIND_LABELS.get(item.kind, clean_text(item.kind, 30)),
        "claimed": format_value(item.claimed_value, item.unit) if item.claimed_value is not None else None,
        "reported": format_value(item.reported_value, item.unit) if item.reported_value is not None else None,
        "bars": _bars(item.claimed_value, item.reported_value),
        "figures": "   ".join(f"{label} {format_value(v, item.unit)}" for label, v in
                              (("Claimed:", item.claimed_value), ("Reported:", item.reported_value))
                              if v is not None),
        "explanation": clean_text(item.explanation, 400),
        "claim": _source(item.claim_title, item.claim_source, item.claim_url, item.claim_published_at,
                         item.claim_published_precision)
        if item.claim_source or item.claim_title else None,
        "claim_quote": clean_text(item.claim_sentence, _QUOTE_MAX),
        "report": _source(item.report_title, item.report_source, item.report_url, item.report_published_at,
                          item.report_published_precision),
        "report_quote": clean_text(item.report_sentence, _QUOTE_MAX),
        "cue": clean_text(item.cue, 60),
        "severity": round(100 * max(0.0, min(1.0, item.severity or 0.0))),
    }


def _same_claim(item: ContradictionItem) -> tuple:
    """What makes two contradictions about one claim: the company's figure and where it was said."""
    return (item.company, item.metric, item.unit, item.claimed_value, item.claim_url, item.claim_source,
            item.claim_title, item.claim_published_at, item.claim_sentence)


def _card_view(items: Sequence[ContradictionItem]) -> dict:
    """One card per claim: the claim once, then every report that contradicts it (figure, date,
    link, quote). A claim with one report reads as before, with its explanation."""
    first = _contradiction_view(items[0])
    if len(items) == 1 or first["claimed"] is None:  # no claim on record: nothing to group on
        return {**first, "reports": [first]}
    items = sorted(items, key=lambda i: (i.report_published_at is None, i.report_published_at or 0,
                                         i.report_source or ""))
    views = [_contradiction_view(i) for i in items]
    kinds = list(dict.fromkeys(v["kind"] for v in views))
    values = [items[0].claimed_value] + [i.reported_value for i in items]
    top = max((abs(v) for v in values if v is not None), default=0)
    bars = None
    if top and all(v is not None for v in values):
        bars = [{"pct": max(2, round(100 * abs(v) / top))} for v in values]
    for number, view in enumerate(views, start=1):
        view["label"] = f"Report {number}"
        view["pct"] = bars[number]["pct"] if bars else None
    return {**first, "kind": " / ".join(kinds), "bars": bars, "reports": views,
            "explanation": f"{len(views)} reports contradict this claim.",
            "figures": "   ".join([f"Claimed: {first['claimed']}"] +
                                  [f"Report {n}: {v['reported']}" for n, v in enumerate(views, start=1)
                                   if v["reported"]]),
            "cue": next((v["cue"] for v in views if v["cue"]), ""),
            "severity": max(v["severity"] for v in views)}


def _cards(items: Sequence[ContradictionItem]) -> list[dict]:
    groups: dict[tuple, list[ContradictionItem]] = {}
    for item in items:
        key = _same_claim(item) if item.claimed_value is not None else ("single", item.contradiction_id)
        groups.setdefault(key, []).append(item)
    return [_card_view(group) for group in groups.values()]


def _claim_view(item: ClaimItem) -> dict:
    tags = ["company says" if item.claimed_by == "company" else "reported"]
    if item.is_forecast:
        tags.append("forecast")
    if item.period:
        tags.append(clean_text(item.period, 30))
    return {"metric": metric_label(item.metric),
            "value": format_value(item.value, item.unit, item.value_low, item.value_high, item.hedge),
            "tags": tags, "quote": clean_text(item.sentence, _QUOTE_MAX),
            "source": _source(item.title, item.source, item.url, item.published_at, item.published_precision)}


def _headline(counts: dict[str, int]) -> str:
    parts = [_plural(counts[key], word) for key, word in
             (("contradictions", "new contradiction"), ("disputes", "new dispute"), ("claims", "new claim"))
             if counts.get(key)]
    return " · ".join(parts) or "All quiet"


def _short(item: Item) -> str:
    if isinstance(item, ContradictionItem):
        what = "dispute" if item.kind == "dispute" else "contradiction"
        return clean_text(f"{what}: {item.company}, {metric_label(item.metric)}", 120)
    return clean_text(f"claim: {item.company}, {metric_label(item.metric)} "
                      f"{format_value(item.value, item.unit, item.value_low, item.value_high, item.hedge)}", 120)


def render_digest(items: Sequence[Item], *, recipient: str, day: date, max_claims: int = 30,
                  unconfirmed: Sequence[Item] = (), watching: str = "all companies",
                  resend: bool = False) -> RenderedDigest:
    """Render ``items`` for ``recipient``; at most ``max_claims`` claims are shown, the rest counted.

    ``unconfirmed`` are items an interrupted earlier run may or may not have
    delivered; they are listed in the footer.
    """
    contradictions = [i for i in items if isinstance(i, ContradictionItem) and i.kind != "dispute"]
    disputes = [i for i in items if isinstance(i, ContradictionItem) and i.kind == "dispute"]
    claims = [i for i in items if isinstance(i, ClaimItem)]
    shown_claims = claims[:max_claims]
    groups: dict[str, list[dict]] = {}
    for claim in shown_claims:
        groups.setdefault(clean_text(claim.company, 80), []).append(_claim_view(claim))
    counts = {"contradictions": len(contradictions), "disputes": len(disputes), "claims": len(claims),
              "unconfirmed": len(unconfirmed)}
    subject = build_subject(counts, day, {"contradictions": [i.company for i in contradictions],
                                             "disputes": [i.company for i in disputes]}, resend=resend)
    context = {
        "subject": subject, "day": format_date(day), "headline": _headline(counts), "recipient": clean_text(recipient, 200),
        "watching": clean_text(watching, 300), "counts": counts, "resend": resend,
        "contradictions": _cards(contradictions),
        "disputes": _cards(disputes),
        "claim_groups": list(groups.items()), "more_claims": len(claims) - len(shown_claims),
        "unconfirmed": [_short(i) for i in unconfirmed],
    }
    text = _ENV.get_template("digest.txt").render(context)
    html = _ENV.get_template("digest.html").render(context)
    return RenderedDigest(subject=subject, text=text, html=html, counts=counts)
