"""Reporting periods as written ("Q3 2024", "H1 2025", "FY24", "2021-2024") to a key and a date span,
for detection's "same period" test and for explanations."""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

__all__ = ["normalize_period"]

_Q = re.compile(r"^(?:q|t)([1-4])\s*'?((?:19|20)?\d\d)$")
_H = re.compile(r"^(?:h|s)([12])\s*'?((?:19|20)?\d\d)$")
_Y = re.compile(r"^(?:cy)?((?:19|20)\d\d)$")
_FY = re.compile(r"^(?:fy|fiscal(?: year)?|exercice)\s*'?((?:19|20)?\d\d)$")
_YEARS = re.compile(r"^(?:from |de |entre )?((?:19|20)\d\d)\s*(?:-|–|to|à|et|through)\s*((?:19|20)?\d\d)$")
_NO_PERIOD = {"annual", "annually", "annualized", "annuel", "per year", "a year"}


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


@functools.lru_cache(maxsize=4096)
def normalize_period(period: str | None) -> tuple[str | None, date | None, date | None]:
    """(key, start, end) for a period string; equal keys mean the same period.

    "Q3 2024" -> ("2024Q3", 2024-07-01, 2024-09-30); "2024" -> ("2024", Jan 1, Dec 31);
    "annual" means no period (None, None, None); unknown text is its own key, with no range.
    """
    if period is None:
        return None, None, None
    text = re.sub(r"\s+", " ", period.strip().lower())
    if not text or text in _NO_PERIOD:
        return None, None, None
    if m := _Q.match(text):
        q, y = int(m.group(1)), _year(m.group(2))
        end = date(y, 12, 31) if q == 4 else date(y, 3 * q + 1, 1) - timedelta(days=1)
        return f"{y}Q{q}", date(y, 3 * q - 2, 1), end
    if m := _H.match(text):
        h, y = int(m.group(1)), _year(m.group(2))
        return (f"{y}H{h}", date(y, 1, 1), date(y, 6, 30)) if h == 1 else \
            (f"{y}H2", date(y, 7, 1), date(y, 12, 31))
    if m := _Y.match(text):
        y = int(m.group(1))
        return str(y), date(y, 1, 1), date(y, 12, 31)
    if (m := _YEARS.match(text)) and _year(m.group(2)) > int(m.group(1)):
        first, last = int(m.group(1)), _year(m.group(2))
        return f"{first}-{last}", date(first, 1, 1), date(last, 12, 31)
    if m := _FY.match(text):
        y = _year(m.group(1))
        return f"FY{y}", date(y, 1, 1), date(y, 12, 31)
    return text, None, None
