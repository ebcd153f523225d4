"""Compact terminal views of the timeline and the open contradictions, fitted to a width.

``claimwatch timeline`` and ``claimwatch contradictions`` print these by default; ``--wide``
prints every column (``warehouse.format_rows``) and ``--format csv|json`` every column too.
The input is what ``warehouse.company_timeline`` / ``warehouse.open_contradictions`` return.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import date, datetime

__all__ = ["compact_contradictions", "compact_timeline", "fit_table", "terminal_width"]

_MIN_WIDTH = 5  # no column is squeezed below this (a cell is cut with "…")
_GAP = "  "


def terminal_width(default: int = 100) -> int:
    """The terminal's width ($COLUMNS first), ``default`` when output is not a terminal."""
    return shutil.get_terminal_size((default, 24)).columns


def _figure(value, unit, metric) -> str:
    if value is None:
        return ""
    from claimwatch.warehouse.detect import format_figure
    return format_figure(value, unit=unit or "count", metric=metric)


def _as_of(as_of, published, precision) -> str:
    """The claim's date; the article's date as written when it is only the (partial) publication date."""
    if as_of is None:
        return published or ""
    if precision in ("month", "year") and published and as_of.isoformat().startswith(published):
        return published
    return as_of.isoformat() if isinstance(as_of, (date, datetime)) else str(as_of)


def compact_timeline(columns: Sequence[str], rows: Sequence[tuple]) -> tuple[list[str], list[list[str]]]:
    """metric, figure, period, as of, claimed by, source, published: one claim a line."""
    out = []
    for row in rows:
        r = dict(zip(columns, row))
        from claimwatch.warehouse.detect import format_figure
        figure = format_figure(r["value"], r.get("value_low"), r.get("value_high"), r.get("hedge"),
                               r["unit"] or "count", r["metric"])
        if r.get("is_forecast"):
            figure += " (forecast)"
        out.append([r["metric"] or "", figure, r.get("period") or "",
                    _as_of(r.get("as_of"), r.get("published"), r.get("published_precision")),
                    r.get("claimed_by") or "", r.get("source") or "", r.get("published") or ""])
    return ["metric", "figure", "period", "as of", "by", "source", "published"], out


def compact_contradictions(columns: Sequence[str], rows: Sequence[tuple]) -> tuple[list[str], list[list[str]]]:
    """company, metric, claimed, reported, kind, both dates, the reporting source: one a line."""
    out = []
    for row in rows:
        r = dict(zip(columns, row))
        reported = _figure(r.get("reported_value"), r.get("unit"), r.get("metric"))
        if not reported and r.get("kind") == "dispute":
            reported = "disputed"
        out.append([r["company"], r.get("metric") or "", _figure(r.get("claimed_value"), r.get("unit"), r.get("metric")),
                    reported, r["kind"], r.get("claim_published") or "", r.get("report_published") or "",
                    r.get("report_source") or ""])
    return ["company", "metric", "claimed", "reported", "kind", "claimed on", "reported on", "source"], out


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:max(0, width - 1)] + "…"


def fit_table(columns: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> str:
    """An aligned text table no wider than ``width``: the widest columns are narrowed first
    (down to a few characters, cells cut with "…"); a last line counts the rows."""
    cells = [[" ".join(str(c).split()) for c in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(columns)]
    total = sum(widths) + len(_GAP) * (len(columns) - 1)
    # first down to the headers' own width, then (a very narrow terminal) to a few characters
    for floor in ([min(w, max(_MIN_WIDTH, len(name))) for w, name in zip(widths, columns)],
                  [min(w, _MIN_WIDTH) for w in widths]):
        while total > width:
            shrinkable = [i for i, w in enumerate(widths) if w > floor[i]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: (widths[i], i))
            widths[widest] -= 1
            total -= 1

    def line(values: Sequence[str]) -> str:
        return _GAP.join(_cut(v, w).ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), _GAP.join("-" * w for w in widths)] + [line(row) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}; --wide for every column)")
    return "\n".join(out)
