"""Context rules for bare numbers in the quantity parser (English and French).

Pure regex helpers used by :mod:`extractors.quantities`: is this 4-digit number a year,
is this number a person's age, is it a multiplier ("sixfold", "multiplié par trois"),
is it a "range from X to Y" rather than a change, which words may sit between a number
and the noun it counts ("517 rushing yards", "1 200 nouveaux clients").
"""

from __future__ import annotations

import re

from extractors.numbers import NUMBER_WORDS, parse_number_words
from extractors.quantity_units import MONTHS, alternation

__all__ = [
    "COUNT_MODIFIERS", "FOLD_RE", "fold_value", "is_age", "is_range_from", "is_year",
    "negated_by_word",
]

_MONTH_ALT = alternation(MONTHS)
# Before a 4-digit number, these make it a year. Strong cues hold for any 1000-2100;
# weak ones ("of", "by", "the") only for 1900-2100 ("an average of 1500" is a number).
_STRONG_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:in|since|until|till|through|during|from|between|circa|c\.|early|late|mid|"
    rf"fiscal|FY|year|years|en|depuis|dès|jusqu['’]en|jusqu['’]à|vers|fin|début|"
    rf"mi|année|années|exercice|l['’]an|{_MONTH_ALT})\.?|[-–]|['’]s|"
    rf"\d{{4}}\s*(?:and|to|or|et|à|ou|[-–]))\s*$", re.I)
_WEAK_YEAR_BEFORE = re.compile(
    r"\b(?:of|by|the|to|and|et|et\s+en|or|ou|de|du|le|in\s+the\s+year|summer|winter|spring|"
    r"autumn|fall|été|hiver|printemps|automne)\s*$", re.I)
_YEAR_AFTER = re.compile(
    rf"\s*(?:[-–/]\s*\d{{2,4}}\b|(?:and|to|et|à)\s+\d{{4}}\b|{_MONTH_ALT}\b|"
    r"(?:Q[1-4]|H[12]|T[1-4]|S[12])\b|(?:first|second|third|fourth)\s+quarter|season|"
    r"election|olympics|census|fiscal|budget|model\s+year|'s\b)", re.I)
_HEDGE_BEFORE = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|some|over|more\s+than|less\s+than|up\s+to|"
    r"at\s+least|approximately|environ|près\s+de|plus\s+de|moins\s+de|average\s+of|total\s+of|"
    r"by\s+an?\s+\w+\s+of)\s*$", re.I)


def is_year(text: str, start: int, end: int, value: float, noun_next: bool) -> bool:
    """Whether the bare 4-digit number ``text[start:end]`` is a year.

    ``noun_next``: the word right after it is the plural noun it counts ("2000 employees"),
    which makes it a number. Otherwise 1900-2100 is a year unless a hedge or "an average
    of" comes before; 1000-1899 is a year only after a strong cue ("in 1500", "depuis 1850").
    """
    if value != int(value) or not 1000 <= value <= 2199 or noun_next:
        return False
    before = text[max(0, start - 30):start]
    if _STRONG_YEAR_BEFORE.search(before) or _YEAR_AFTER.match(text, end):
        return True
    if value > 2100 and _WEAK_YEAR_BEFORE.search(before):
        return True  # "by 2120"
    if not 1900 <= value <= 2100:
        return False
    if _HEDGE_BEFORE.search(before):
        return False
    return True


_AGE_APPOSITION = re.compile(r"(?:[A-ZÀ-Ý][\w'’.-]*|\b(?:who|qui))\s*,\s*$")
_AGE_WORD_BEFORE = re.compile(r"\b(?:aged|age|âgée?s?\s+de|agée?s?\s+de)\s*$", re.I)


def is_age(text: str, start: int, end: int, value: float, language: str) -> bool:
    """Ages written as an apposition ("Maddon, 66, said", "Marie Dupont, 54 ans,") or after
    "aged"/"âgé de". The caller checks that no unit or noun follows."""
    if value != int(value) or not 1 <= value <= 120:
        return False
    before = text[max(0, start - 40):start]
    after = text[end:end + 8]
    if _AGE_WORD_BEFORE.search(before):
        return True
    unit_after = r"\s*ans\b" if language == "fr" else r""
    return bool(_AGE_APPOSITION.search(before)) and bool(
        re.match(rf"{unit_after}\s*[,)]", after))


_FOLD_WORDS = alternation(w for w in NUMBER_WORDS["en"] if w not in ("a", "an", "half"))
_FR_WORDS = alternation(w for w in NUMBER_WORDS["fr"] if w not in ("un", "une", "demi"))
FOLD_RE = re.compile(
    rf"(?<![\w-])(?:(?P<num>\d+(?:\.\d+)?)[\s-]?fold|(?P<word>{_FOLD_WORDS})-?fold"
    rf"|multipli[ée]e?s?\s+par\s+(?:(?P<frnum>\d+(?:,\d+)?)|(?P<frword>{_FR_WORDS})))"
    rf"(?![\w-])", re.I)


def fold_value(m: re.Match, language: str) -> tuple[float, int] | None:
    """(multiplier, start of the number) for a FOLD_RE match ("sixfold", "multiplié par 3")."""
    if m.group("num"):
        return float(m.group("num")), m.start("num")
    if m.group("word"):
        v = parse_number_words([m.group("word").lower()], "en")
        return (v, m.start("word")) if v else None
    if language != "fr":
        return None
    if m.group("frnum"):
        return float(m.group("frnum").replace(",", ".")), m.start("frnum")
    v = parse_number_words([m.group("frword").lower()], "fr")
    return (v, m.start("frword")) if v else None


_RANGE_FROM = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|somewhere|allant|vont|va|"
    r"s['’]échelonn\w*|oscill\w*)\s+(?:\w+\s+)?$", re.I)


def is_range_from(text: str, from_start: int) -> bool:
    """"prices range from $X to $Y", "des prix allant de 3 à 5 €": a range, not a change."""
    return bool(_RANGE_FROM.search(text, max(0, from_start - 30), from_start))


# Words that may sit between a number and the noun it counts; skipped when looking for it.
COUNT_MODIFIERS = {
    "other", "more", "new", "additional", "extra", "straight", "consecutive", "further",
    "full-time", "part-time", "paying", "active", "former", "current", "separate", "different",
    "autres", "nouveaux", "nouvelles", "nouveau", "nouvelle", "supplémentaires", "anciens",
    "premiers", "derniers",
}


def negated_by_word(before: str, language: str) -> bool:
    """"minus 5 yards", "minus-130 degrees" (en) or "moins 5 °C" before a temperature (fr)."""
    return bool(re.search(r"\bminus[\s-]$", before, re.I)) if language == "en" else \
        bool(re.search(r"\bmoins\s$", before, re.I))
