"""The plain-words explanation of a detected contradiction: both figures, both sources and their dates.

``explain(row)`` reads one candidate row of :mod:`claimwatch.warehouse.detect` (claim side ``c_*``,
report side ``r_*``); every figure is written by :func:`claimwatch.figures.format_figure`.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from claimwatch.figures import format_figure
from claimwatch.records import HIGHER_IS_WORSE as _INVERTED
from claimwatch.warehouse.periods import normalize_period

__all__ = ["explain"]

_LABEL = {"arr": "ARR", "gmv": "GMV", "employees": "headcount", "customers": "customer count",
          "users": "user count", "automation_rate": "automation rate",
          "human_involvement": "human involvement", "accuracy": "accuracy",
          "error_rate": "error rate", "bot_share": "share of bot or fake users",
          "ai_built_share": "share built by AI"}
# what an AI figure says, in plain words ({fig}: the figure, {noun}: what it counts)
_AI_PHRASE = {
    "automation_rate": "{fig} of {noun} without a person",
    "human_involvement": "{fig} of {noun} needing a person",
    "accuracy": "{fig} accuracy",
    "error_rate": "an error or miss rate of {fig}",
    "bot_share": "{fig} of users being bots or fake accounts",
    "ai_built_share": "{fig} of {noun} built by AI",
}
_AI_COUNT_PHRASE = {"human_involvement": "{fig} people doing the work"}
# the complement's figure, in brackets after the reported one: "30% (70% needed a human)"
_COMPLEMENT_NOTE = {
    "human_involvement": "{fig} needed a human",
    "automation_rate": "{fig} without a person",
    "error_rate": "{fig} missed or wrong",
    "accuracy": "{fig} accurate",
}
# "95% of orders": the noun a percentage counts, for the (English) explanation; a French
# sentence's noun would mix languages, so those read "tasks"
_COUNTED = re.compile(r"(?:%|\bper ?cent)\s+of\s+(?:the |its |their |all )?([a-z][a-z-]*)", re.I)


def _when(day) -> str:
    return day.isoformat() if isinstance(day, (date, datetime)) else "undated"


def _counted(*sentences) -> str:
    for sentence in sentences:
        if sentence and (m := _COUNTED.search(sentence)):
            return m.group(1).lower()
    return "tasks"


def _ai_phrase(metric: str | None, unit: str | None, fig: str, noun: str) -> str | None:
    table = _AI_COUNT_PHRASE if unit != "percent" else _AI_PHRASE
    template = table.get(metric or "")
    return template.format(fig=fig, noun=noun) if template else None


def explain(row: dict) -> str:
    """One or two sentences naming both sources, their dates and both figures."""
    company, metric, unit = row["company"], row.get("metric"), row.get("unit")
    label = _LABEL.get(metric or "", metric or "figures")
    if metric == "other" and row.get("c_kind"):
        label = str(row["c_kind"]).replace("_", " ")
    pct = f"{round(100 * (row.get('severity') or 0))}%"

    figs: dict[str, str] = {}

    def fig(side: str) -> str:
        if side not in figs:
            value = row["claimed_value"] if side == "c" else row["reported_value"]
            figs[side] = format_figure(value, row.get(f"{side}_low"), row.get(f"{side}_high"),
                                       row.get(f"{side}_hedge"), unit, metric)
        return figs[side]

    def period(side: str) -> str:
        text = row.get(f"{side}_period")
        return f" for {text}" if text and normalize_period(text)[0] else ""

    report = f"{row.get('r_source')} ({_when(row.get('r_date'))})"
    has_claim = row.get("claimed_value") is not None
    same_article = has_claim and row.get("claim_article_id") == row.get("contradicting_article_id")
    claim = (f"{fig('c')}{period('c')} ({row.get('c_source')}, {_when(row.get('c_date'))})"
             if has_claim else "")
    kind = row["kind"]
    if kind == "numeric":
        inverted = metric in _INVERTED  # the figures are on the claim's own scale
        lower = row["reported_value"] < row["claimed_value"]
        if inverted:
            how = f"{pct} higher" if not lower else f"well below it (gap {pct})"
        else:
            how = f"{pct} lower" if lower else f"well above it (gap {pct})"
        claimed = None
        if metric in _AI_PHRASE:
            noun = _counted(row.get("c_sentence"), row.get("r_sentence"))
            claimed = _ai_phrase(metric, unit, fig("c"), noun)
        reported = fig("r")
        r_metric = row.get("r_metric")
        if claimed and r_metric and r_metric != metric and row.get("r_orig") is not None:
            note = _COMPLEMENT_NOTE.get(r_metric)
            if note:
                reported += f" ({note.format(fig=format_figure(row['r_orig'], unit=unit))})"
        what = claimed or f"{fig('c')}"
        if same_article:
            return (f"{company} {label}: the company claimed {what}{period('c')}; the same article, "
                    f"{report}, reports {reported}{period('r')}, {how}.")
        source = f" ({row.get('c_source')}, {_when(row.get('c_date'))})"
        return (f"{company} {label}: the company claimed {what}{period('c')}{source}; {report} "
                f"reported {reported}{period('r')}, {how}.")
    if kind == "revision":
        return (f"{company} restated its {label}: {fig('r')}{period('r')} in {report}, "
                f"after claiming {claim}; {pct} lower.")
    if kind == "projection":
        return (f"{company} forecast {label} of {claim}; {report} reported an actual of "
                f"{fig('r')}{period('r')}, {pct} below the forecast.")
    sentence = " ".join((row.get("d_sentence") or "").split())
    if len(sentence) > 240:
        sentence = sentence[:237].rstrip() + "..."
    text = f"{report} disputes {company}'s {label}: “{row.get('cue')}” — “{sentence}”"
    if not has_claim:
        return text + " No figure from the company is on record."
    if same_article:
        text += f" The article quotes the company's figure of {fig('c')}{period('c')}."
    else:
        other = row.get("claim_metric")
        what = f" {_LABEL.get(other, other)}" if other and other != metric else ""
        text += f" The company had claimed {fig('c')}{what}{claim[len(fig('c')):]}."
    if row.get("reported_value") is not None:
        way = "higher" if metric in _INVERTED else "lower"
        text += f" The article reports {fig('r')}{period('r')} ({pct} {way})."
    return text
