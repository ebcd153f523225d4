"""Money and name rules for the quantity parser (English and French): pure regexes.

Coins after a number ("63 cents", "164p", "18 sen", "50 centimes"), ISO codes glued to a
number or to an "M" ("115USD", "30 MUSD"), lower-case or code-prefixed dollars ("hk $ 10",
"nzd$15"), change verbs before "X to Y" ("rose 18 sen to RM23.50" is a change, then a level),
fractions of a scale ("a quarter million"), and the capitalised word after a number that
marks a name ("787 Dreamliner", "11 Pro Max") unless a plural noun follows ("96 Liverpool fans").
"""

from __future__ import annotations

import re

from claimwatch.extractors.quantity_units import ISO_CODES, STOP_WORDS

__all__ = [
    "CENTS_AFTER_RE", "CHANGE_BEFORE_RE", "DOLLAR_CI", "DOLLAR_CI_RE", "FRAC_MULT_RE",
    "ISO_AFTER_RE", "NAME_AFTER_RE", "SUBUNIT_RE", "VIDEO_LINES", "plural_soon",
]

# "p" needs a space before it and no "." plus digit after it ("p. 5" is a page).
SUBUNIT_RE = {
    "en": re.compile(r"[\s-]?(cents?|pence|penny)(?![\w])|\s(sen|p)(?![\w'’-]|\.\s*\d)", re.I),
    "fr": re.compile(r"\s?(centimes?)(?![\w])", re.I),
}
ISO_AFTER_RE = re.compile(rf"\s?(M|k)?({'|'.join(ISO_CODES)})(?![A-Za-z])")
VIDEO_LINES = {240, 360, 480, 540, 720, 1080, 1440, 2160, 4320}
# Lower-cased or code-prefixed dollars: "hk $ 10", "c $ 5", "nzd$15", "Mex$ 10".
DOLLAR_CI_RE = re.compile(
    r"(?<![\w'’.])(hkd?|cad?|c|nzd?|usd?|aud?|au|sgd|mxn?|mex)\s?\$\s?$", re.I)
DOLLAR_CI = {"hk": "HKD", "hkd": "HKD", "c": "CAD", "ca": "CAD", "cad": "CAD", "nz": "NZD",
             "nzd": "NZD", "us": "USD", "usd": "USD", "au": "AUD", "aud": "AUD", "sgd": "SGD",
             "mx": "MXN", "mxn": "MXN", "mex": "MXN"}
CHANGE_BEFORE_RE = re.compile(
    r"\b(?:rose|fell|gained|lost|added|shed|climbed|dropped|jumped|slipped|slid|declined|"
    r"increased|decreased|advanced|tumbled|plunged|surged|soared|sank|eased|edged\s+(?:up|down|"
    r"higher|lower)|a\s+gagné|a\s+perdu|a\s+pris|a\s+cédé|grimpé|chuté|reculé|progressé)"
    r"(?:\s+(?:about|some|nearly|almost|around|just|more\s+than|over))?\s*$", re.I)
FRAC_MULT_RE = re.compile(
    r"(?<![\w-])(a|one|three|two)?\s*(quarter|quarters|third|thirds)\s+(?:of\s+a\s+)?"
    r"(thousand|million|billion|trillion)(?![\w])", re.I)
# A capitalised word right after a number, not a plural ("20 Americans" is a count).
NAME_AFTER_RE = re.compile(r"[ \u00a0]([A-ZÀ-Ý][\w'’-]*)(?<![a-z]s)(?![\w'’-])")
CENTS_AFTER_RE = re.compile(r"\s+(?:and\s+)?", re.I)


def plural_soon(text: str, pos: int) -> bool:
    """A lower-case plural noun within two words ("Liverpool fans", "Kia and Hyundai vehicles")."""
    for w in re.findall(r"[^\W\d_][\w'’-]*|[^\w\s]", text[pos:pos + 50])[:3]:
        if w.lower() in STOP_WORDS - {"and", "et"} or not w[:1].isalpha():
            return False
        if w[:1].islower() and len(w) > 3 and w.endswith(("s", "x")) and not w.endswith("ss"):
            return True
    return False
