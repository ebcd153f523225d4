"""Number words and numeral strings (English and French) to floats. Pure functions, no I/O."""

from __future__ import annotations

import re

__all__ = [
    "MULTIPLIERS",
    "FRACTION_WORDS",
    "NUMBER_WORDS",
    "figure_words",
    "parse_numeral",
    "parse_number_words",
    "number_word_pattern",
]

# Units (0-99 building blocks) per language.
_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "dozens": 12, "a": 1, "an": 1,
}
_FR_UNITS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "douzaine": 12, "douzaines": 12,
}
# Scale words: "hundred" multiplies the current group, larger ones close it.
_EN_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FR_SCALES = {"cent": 100, "cents": 100, "mille": 1e3, "million": 1e6, "millions": 1e6,
              "milliard": 1e9, "milliards": 1e9, "billion": 1e12, "billions": 1e12}

NUMBER_WORDS = {
    "en": {**_EN_UNITS, **_EN_SCALES, "millions": 1e6, "billions": 1e9, "thousands": 1e3,
           "hundreds": 100, "trillions": 1e12, "half": 0.5},
    "fr": {**_FR_UNITS, **_FR_SCALES, "demi": 0.5},
}
# Fractions that carry a figure in a sentence ("half of its staff", "un tiers des clients").
FRACTION_WORDS = {"en": {"half": 0.5, "third": 1 / 3, "quarter": 0.25},
                  "fr": {"moitié": 0.5, "tiers": 1 / 3, "quart": 0.25}}
# Number words too common to mark a sentence as carrying a figure ("a", "one of them", "un").
_NOT_A_FIGURE = {"a", "an", "one", "un", "une"}


def figure_words() -> frozenset[str]:
    """Every number or fraction word, in any language, that marks a sentence as carrying a figure."""
    words = {w for table in (*NUMBER_WORDS.values(), *FRACTION_WORDS.values()) for w in table}
    return frozenset(words - _NOT_A_FIGURE)


_JOINERS = {"en": {"and", "-"}, "fr": {"et", "-"}}

# Multipliers written after a numeral ("$10M", "1,5 Md€", "2 billion"). Keys are lower-cased,
# except the case-sensitive single letters handled by the caller.
MULTIPLIERS = {
    "k": 1e3, "thousand": 1e3, "mille": 1e3, "000": 1e3,
    "m": 1e6, "mn": 1e6, "mm": 1e6, "mio": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9,
    "mrds": 1e9, "milliard": 1e9, "milliards": 1e9,
    "t": 1e12, "tn": 1e12, "trillion": 1e12, "trillions": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}


def number_word_pattern(language: str) -> str:
    """A regex alternation (longest first) of the number words of ``language``."""
    words = sorted(NUMBER_WORDS.get(language, NUMBER_WORDS["en"]), key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


def parse_numeral(s: str, language: str = "en") -> float | None:
    """Parse a digit string with separators: "1,200.5" (en), "1 200,5" / "1,5" (fr).

    Returns None when the string is not a well-formed numeral.
    """
    s = s.strip().replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if not s or len(s) > 40:
        return None
    neg = s.startswith(("-", "\u2212"))
    if neg:
        s = s[1:]
    if language == "fr":
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):  # "1.200.000"
            s = s.replace(".", "")
        s = s.replace(" ", "")
        if s.count(",") == 1 and "." not in s:
            s = s.replace(",", ".")
        elif "," in s:
            s = s.replace(",", "")
    else:
        if "," in s and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?",
                                     s.replace(" ", "")):  # also Indian "12,34,567"
            s = s.replace(",", "")
        s = s.replace(" ", "")
    if not re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", s):
        return None
    try:
        v = float(s)
    except ValueError:  # pragma: no cover - guarded by the regex
        return None
    return -v if neg else v


def parse_number_words(words: list[str], language: str = "en") -> float | None:
    """Value of a run of number words: "two hundred thirty-five thousand", "quatre-vingt-dix".

    ``words`` are lower-case tokens (hyphenated compounds already split). Joiners ("and",
    "et") are ignored. Returns None when the run holds no number.
    """
    table = NUMBER_WORDS.get(language, NUMBER_WORDS["en"])
    scales = _EN_SCALES if language != "fr" else _FR_SCALES
    total = 0.0
    group = 0.0
    seen = False
    half = False
    for w in words:
        if w in _JOINERS.get(language, set()) or w == "-":
            continue
        if w == "half" or w == "demi":
            half = True
            continue
        if w not in table:
            return None
        v = table[w]
        seen = True
        if w in ("hundreds", "thousands", "millions", "billions", "trillions"):
            w = w[:-1]
        if w in scales or w in ("thousand", "million", "billion", "trillion"):
            scale = scales.get(w, table[w])
            if scale == 100:
                group = (group or 1) * 100
            else:
                total += (group or 1) * scale
                group = 0.0
        elif w in ("dozen", "dozens", "douzaine", "douzaines"):
            group = (group or 1) * 12
        elif language == "fr" and v == 20 and group and group % 100 in (4,):
            group = group - 4 + 80  # quatre-vingt(s)
        elif language == "fr" and group % 100 in (60, 80) and 10 <= v < 20:
            group += v  # soixante-dix-sept, quatre-vingt-douze
        else:
            group += v
    if not seen:
        return None
    value = total + group
    if half:
        value = value * 0.5 if value else 0.5
    return value
