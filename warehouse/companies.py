"""One company across articles and languages: new names resolved to the companies already known.

A name is looked up by its normalised alias first (``company_aliases``). A name the warehouse
has never seen is then matched fuzzily against the known aliases, with guards so that two
different companies are not merged: both names at least 5 characters, the same first letter,
the same digits ("11x" never matches "12x"), and either one being the other plus " ai"
("Mistral" and "Mistral AI") or, for names of 8 characters or more, a near-identical
spelling (similarity of 92 or more: "Mistral A.I." and "Mistral AI").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import duckdb
from rapidfuzz import fuzz, process

from claimwatch.names import company_key, company_stem

__all__ = ["canonical_companies", "company_groups", "same_company"]

MIN_LENGTH = 5
MIN_SIMILARITY = 92
MIN_FUZZY_LENGTH = 8  # below this, one letter apart is often another company ("Nvidia", "Nvidea")
_DIGITS = re.compile(r"\d+")
_PUNCT = re.compile(r"[^\w\s]")


def _plain(key: str) -> str:
    return re.sub(r"\s+", " ", _PUNCT.sub(" ", key)).strip()


def same_company(a: str, b: str) -> bool:
    """Whether two normalised aliases are close enough to be one company (see module doc)."""
    a, b = _plain(a), _plain(b)
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_LENGTH or a[0] != b[0]:
        return False
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    shorter, longer = sorted((a, b), key=len)
    if longer == f"{shorter} ai":
        return True
    return len(shorter) >= MIN_FUZZY_LENGTH and fuzz.ratio(a, b) >= MIN_SIMILARITY


def canonical_companies(con: duckdb.DuckDBPyConnection, names: Iterable[str]) -> dict[str, str]:
    """Map each name to the canonical company the warehouse holds for it (itself when none)."""
    wanted = {n for n in names if n}
    if not wanted:
        return {}
    aliases = dict(con.execute("SELECT alias, company FROM company_aliases").fetchall())
    mapping: dict[str, str] = {}
    choices = list(aliases)
    for name in wanted:
        key = company_key(name)
        if key in aliases:
            mapping[name] = aliases[key]
            continue
        mapping[name] = name
        if len(_plain(key)) < MIN_LENGTH or not choices:
            continue
        for candidate, _score, _ in process.extract(key, choices, scorer=fuzz.ratio, limit=5,
                                                     processor=_plain, score_cutoff=70):
            if same_company(key, candidate):
                mapping[name] = aliases[candidate]
                break
    return mapping


def company_groups(counts: dict[str, int]) -> dict[str, str]:
    """Each company name -> the name its group is detected under (the group's most used name).

    Names group when their :func:`company_stem` is equal and at least 4 characters long: one
    company named differently across articles and languages is compared with itself.
    """
    groups: dict[str, list[str]] = {}
    for name in counts:
        key = company_stem(name)
        groups.setdefault(key if len(key) >= 4 else "\0" + name, []).append(name)
    mapping = {}
    for members in groups.values():
        canon = max(members, key=lambda n: (counts[n], len(n), n))
        for member in members:
            mapping[member] = canon
    return mapping
