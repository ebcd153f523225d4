"""The one matching key of a company name, shared by extraction, the warehouse and the outbox.

``company_key("Acme Robotics, Inc.") == company_key("ACME ROBOTICS") == "acme robotics"``. The key
is case-folded, Unicode-normalised (NFKC), without a possessive or a trailing legal form, with
".ai"/".io"/".com"/".co" spelled as a word (so "Acme.ai" and "Acme AI" share a key that stays
apart from plain "Acme") and with punctuation turned into single spaces.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["LEGAL_PATTERN", "LEGAL_PATTERN_CASED", "LEGAL_SUFFIXES", "company_key", "company_stem",
           "strip_legal_suffix"]

# Legal forms that end a company name, lower case, without the final dot. The one table:
# extraction's span rules, the warehouse's aliases and the digest's watchlists all use it.
LEGAL_SUFFIXES = (
    "inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "llc", "llp", "plc",
    "gmbh", "ag", "se", "sa", "sas", "sasu", "sarl", "nv", "bv", "ab", "oy", "oyj", "asa", "spa",
    "srl", "pty",
)
LEGAL_PATTERN = "(?:" + "|".join(sorted(LEGAL_SUFFIXES, key=len, reverse=True)) + ")"
# The same forms as written after a name in running text, case-sensitive ("Acme Inc", "ACME LTD",
# "Acme GmbH", "Acme plc"), for rules that must not take "co-founder" for a legal form.
_WRITTEN = {"gmbh": ("GmbH",), "spa": ("SpA", "S.p.A"), "plc": ("plc",), "sas": ("SAS",), "sarl": ("SARL", "Sàrl")}
LEGAL_PATTERN_CASED = "(?:" + "|".join(sorted(
    {form for suffix in LEGAL_SUFFIXES for form in (suffix.title(), suffix.upper(), *_WRITTEN.get(suffix, ()))},
    key=len, reverse=True)) + ")"
_LEGAL_TAIL = re.compile(rf"(?:[\s,]+{LEGAL_PATTERN}\.?)+\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|')\s*$", re.IGNORECASE)
_DOMAIN = re.compile(r"\.(ai|io|com|co)\b", re.IGNORECASE)
_NON_KEY = re.compile(r"[^\w]+", re.UNICODE)


def strip_legal_suffix(name: str) -> str:
    """The name without its trailing legal form ("Acme, Inc." -> "Acme"); the name itself when
    nothing else would be left."""
    return _LEGAL_TAIL.sub("", name).strip() or name.strip()


@functools.lru_cache(maxsize=65536)  # the same few thousand names recur in every batch
def company_key(name: str) -> str:
    """The matching key of a company name (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", name).strip().replace("\u2019", "'")
    for _ in range(2):
        text = _POSSESSIVE.sub("", text)
        text = _LEGAL_TAIL.sub("", text)
    text = _DOMAIN.sub(r" \1", text)
    key = _NON_KEY.sub(" ", text.casefold()).strip()
    return key or " ".join(name.casefold().split())


# Words that end a company name without identifying it (the legal forms count too).
_DESCRIPTOR_WORDS = frozenset({
    "ai", "a.i", "ia", "inc", "corp", "corporation", "co", "company", "compagnie", "motors", "motor",
    "technologies", "technology", "tech", "labs", "lab", "group", "groupe", "holdings", "holding",
    "automation", "systems", "sas", "sa", "ltd", "llc", "gmbh", "plc", "limited", "software",
})


def company_stem(name: str) -> str:
    """The part of a company name that identifies it, without descriptor or legal words at its end:
    "Vardeno AI", "vardeno.ai", "Vardeno Labs" -> "vardeno". Looser than :func:`company_key`: detection
    compares one company named differently across articles and languages under it."""
    words = company_key(name).split()
    while len(words) > 1 and words[-1] in _DESCRIPTOR_WORDS:
        words.pop()
    return " ".join(words)
