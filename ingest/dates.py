"""Publication dates as archives and feeds write them, full or partial, with their precision.

``parse_published("2021-06")`` gives the first instant of the period (2021-06-01 00:00 UTC) and the
precision ``"month"``; a full timestamp has precision ``"time"``, a bare date ``"day"``. Accepted:
ISO 8601 (``2021``, ``2021-06``, ``2021-06-15``, ``2021-06-15T08:00:00Z``), RFC 2822, and a month
name with a year in English or French (``June 2021``, ``juin 2021``, ``Jun. 2021``).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

__all__ = ["PRECISIONS", "parse_published", "written_date"]

PRECISIONS = ("time", "day", "month", "year")

_MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # French (accents folded)
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7,
}
_YEAR = re.compile(r"^(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_YEAR = re.compile(r"^([^\W\d_]+)\.?,?\s+(\d{4})$")


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def parse_published(text: str) -> tuple[datetime, str]:
    """The UTC instant a date string starts at, and its precision; ValueError when unreadable."""
    text = text.strip()
    match = _YEAR.match(text)
    if match:
        return datetime(int(match.group(1)), 1, 1, tzinfo=timezone.utc), "year"
    match = _YEAR_MONTH.match(text)
    if match:
        return datetime(int(match.group(1)), int(match.group(2)), 1, tzinfo=timezone.utc), "month"
    match = _MONTH_YEAR.match(text)
    if match and _fold(match.group(1)) in _MONTHS:
        return datetime(int(match.group(2)), _MONTHS[_fold(match.group(1))], 1, tzinfo=timezone.utc), "month"
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
        precision = "day" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else "time"
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            raise ValueError(f"not a date: {text[:40]!r}") from None
        precision = "time"
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc), precision


def written_date(published: datetime | date | None, precision: str | None) -> str:
    """A publication date as its source gave it: "2021" (year), "2021-06" (month), else the day
    "2021-06-15" (in UTC); "" when there is none. A NULL precision reads as a full date."""
    if published is None:
        return ""
    if isinstance(published, datetime):
        published = (published.astimezone(timezone.utc) if published.tzinfo else published).date()
    if precision == "year":
        return f"{published.year:04d}"
    if precision == "month":
        return f"{published.year:04d}-{published.month:02d}"
    return published.isoformat()
