"""Context rules for bare numbers in the quantity parser (English and French).

Pure regex helpers used by :mod:`extractors.quantities`: is this 4-digit number a year,
is this number a person's age, is it a multiplier ("sixfold", "multiplié par trois"),
is it a "range from X to Y" rather than a change, which words may sit between a number
and the noun it counts ("517 rushing yards", "1 200 nouveaux clients").
"""

from __future__ import annotations

import re

from claimwatch.extractors.numbers import NUMBER_WORDS, parse_number_words
from claimwatch.extractors.quantity_units import (
    BUSINESS_NOUNS, HEDGES, MEASURE_UNITS, MONTHS, STOP_WORDS, alternation,
)

__all__ = [
    "COUNT_MODIFIERS", "FOLD_RE", "bounds", "fold_value", "hedge_before", "is_age",
    "is_index_level",
    "is_range_from", "is_year", "negated_by_word", "noun_after",
]
_ABOUT_BAND = 0.10
_NEARLY_BAND = 0.10
_WORD_RE = re.compile(r"\s+([^\W\d_][\w'’-]*)")
_DE_RE = re.compile(r"\s*(?:of|de|d['’]|des)\s*", re.I)
_HEDGE_RE = {
    lang: re.compile(rf"(?<![\w])({alternation(HEDGES[lang])})\s*$", re.I) for lang in HEDGES
}

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


_INDEX_WORDS_RE = re.compile(
    r"\b(?:index|indices|indexes|points?|S&P|Nasdaq|Dow|FTSE|DAX|CAC|Nikkei|Stoxx|TSX|Hang\s+Seng|"
    r"Kospi|Sensex|TA-\d+|stock\s+exchange|blue[\s-]chips?|indice|Bourse)\b", re.I)
_INDEX_LEVEL_RE = re.compile(r"\d{1,3}(?:[,\u00a0\u202f ]?\d{3})*[.,]\d\d")


def is_index_level(text: str, start: int, end: int, value: float) -> bool:
    """A bare level with two decimals near an index word ("the FTSE 100 fell to 7,425.81",
    "le CAC 40 a clôturé à 7 425,81"): points, not a count. The caller checks no unit follows."""
    if value < 100 or not _INDEX_LEVEL_RE.fullmatch(text, start, end):
        return False
    return bool(_INDEX_WORDS_RE.search(text[max(0, start - 150):end + 80]))


def negated_by_word(before: str, language: str) -> bool:
    """"minus 5 yards", "minus-130 degrees" (en) or "moins 5 °C" before a temperature (fr)."""
    return bool(re.search(r"\bminus[\s-]$", before, re.I)) if language == "en" else \
        bool(re.search(r"\bmoins\s$", before, re.I))


_TIME_LEAD = frozenset("last this next previous past prior earlier ago".split())


def noun_after(text: str, pos: int, allow_of: bool, singular: bool = False) -> str | None:
    """The noun a count is about: "1,200 employees", "3 millions d'utilisateurs"."""
    if allow_of:
        dm = _DE_RE.match(text, pos)
        if dm and dm.end() > pos:
            stripped = dm.group(0).rstrip()
            if len(stripped) < len(dm.group(0)):
                pos = dm.start() + len(stripped)
            else:
                text, pos = text[:dm.end()] + " " + text[dm.end():dm.end() + 60], dm.end()
    words = []
    p = pos
    for _ in range(3):
        wm = _WORD_RE.match(text, p)
        if not wm or "\n" in text[p:wm.start(1)]:
            break
        words.append(wm.group(1))
        p = wm.end()
    while len(words) > 1 and words[0].lower() in COUNT_MODIFIERS:
        words.pop(0)  # "eight other employees", "1 200 nouveaux clients"
    if not words or words[0].lower() in STOP_WORDS or words[0].lower() in MONTHS or \
            re.match(r"[lL]['’]", words[0]) or words[0].lower() in _TIME_LEAD:
        return None  # "31 millions l'an dernier", "350 last year": a time phrase, no noun
    if singular:
        return words[0].lower().strip("'’-") or None
    for w in words:
        lw = w.lower()
        if lw in STOP_WORDS:
            break
        if lw in BUSINESS_NOUNS or (len(lw) > 3 and lw in MEASURE_UNITS):
            return lw
    for w in words:
        lw = w.lower()
        if lw in STOP_WORDS:
            break
        if (len(lw) > 3 and lw.endswith(("s", "x")) and not
                                    lw.endswith(("ss", "us", "is", "ous")) and w[:1].islower()):
            return lw.strip("'’-")
    return words[0].lower().strip("'’-") or None


# a bound set by the verb: "ne dépasse pas 250", "n'a jamais dépassé 5 millions",
# "never exceeded $5M" (up_to); "a dépassé les 500 000", "topped $1 billion" (more_than)
_VERB_BOUND = re.compile(
    r"(?:\b(?P<neg>ne\s+dépass\w*\s+(?:pas|jamais|guère)|n['’](?:a|ont|avait|avaient)\s+"
    r"(?:jamais|pas)\s+dépassé|never\s+(?:exceeded|topped|surpassed|passed)|"
    r"(?:did|does|has|have)\s+not\s+(?:exceed|top|surpass)(?:ed)?)|\b(?P<pos>(?:a|ont|avait)\s+"
    r"(?:déjà\s+|largement\s+)?dépassé|dépass(?:e|ent|ait)\s+(?:désormais|déjà|largement)?|"
    r"(?:has|have|had)?\s*(?:exceeded|surpassed|topped|crossed)))"
    r"\s*(?:les|le|la|l['’]|the|la\s+barre\s+(?:des|du)|the\s+\w+\s+mark\s+of)?\s*$", re.I)


def hedge_before(text: str, start: int, lang: str) -> str | None:
    v = _VERB_BOUND.search(text, max(0, start - 45), start)
    if v:
        return "up_to" if v.group("neg") else "more_than"
    m = _HEDGE_RE[lang].search(text, max(0, start - 25), start)
    if m:
        return HEDGES[lang][m.group(1).lower()]
    other = "fr" if lang == "en" else "en"
    m = _HEDGE_RE[other].search(text, max(0, start - 25), start)
    if m and len(m.group(1)) > 5:
        return HEDGES[other][m.group(1).lower()]
    return None


def bounds(value: float, hedge: str | None) -> tuple[float | None, float | None]:
    lo, hi = sorted((value * (1 - _ABOUT_BAND), value * (1 + _ABOUT_BAND)))
    return {
        None: (value, value),
        "about": (lo, hi),
        "nearly": (value * (1 - _NEARLY_BAND), value) if value >= 0 else (value, value * 0.9),
        "more_than": (value, None),
        "at_least": (value, None),
        "up_to": (None, value),
        "less_than": (None, value),
        "vague": (value, value * 10),
    }[hedge]
