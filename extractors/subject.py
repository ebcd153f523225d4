"""The company an article is about: the one "the company", "it", "la start-up" refer to.

``subject_company`` counts every mention of every company found in the article, in all its
sentences (not only those with figures), weighting the title and the lede, and skipping
mentions in a counterparty role ("backed by X", "X invested", "rachetée par X"). A product
or a brand line ("Acme One", "Acme R2") counts for the company whose name it extends, and a
name that is a descriptor rather than a name ("Self-driving AI") never counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from claimwatch.extractors.claimant import is_counterparty, is_product
from claimwatch.extractors.companies import OrgSpan, normalize_company

__all__ = ["subject_company"]

_TITLE_WEIGHT, _LEDE_WEIGHT = 3.0, 2.0
_SPEAKS = re.compile(r"(?:['’]s\s+\w+\s+|\s+(?:now\s+|also\s+)?)(?:says|said|claims|claimed|"
                     r"announced|announces|touts|touted|told|affirme|annonce|revendique|"
                     r"a (?:annoncé|déclaré|affirmé|indiqué))\b", re.IGNORECASE)
# "Drive-in AI", "Self-driving AI": a capitalised word glued to a lower-case one is a
# descriptor, not a company name
_DESCRIPTOR_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+-[a-zà-ÿ]+$")
# titles and roles that small models tag as organisations
_TITLES = frozenset("founder cofounder co founder ceo chief executive president chairman "
                    "fondateur fondatrice cofondateur pdg directeur général".split())
# a model name after a brand: "R1", "X5", "One", "Pro"
_MODEL_TAIL = re.compile(r"^(?:[a-z]{0,2}\d{1,4}[a-z]?|one|two|pro|max|mini|plus|ultra|go)$")


def _usable(surface: str, key: str) -> bool:
    words = surface.split()
    if key in _TITLES or all(w in _TITLES for w in key.split()):
        return False
    return not any(_DESCRIPTOR_WORD.match(w) for w in words)


def _brand(key: str) -> str:
    """"acme r2" -> "acme": the brand a product name extends."""
    words = key.split()
    while len(words) > 1 and _MODEL_TAIL.match(words[-1]):
        words.pop()
    return " ".join(words)


_NAME = r"((?-i:[A-ZÀ-ÖØ-Þ][\w.&'’-]*)(?:\s+(?-i:[A-ZÀ-ÖØ-Þ][\w.&'’-]*)){0,2})"
# the title names the company a complaint is about: "Bank accuses Acme of ...", "Acme sued
# by ...", "Le fonds accuse Acme de ...": the accuser is a counterparty, the accused the subject
_ACCUSED = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b(?:accuses|sues|charges|blames|probes|investigates)\s+{_NAME}\s+(?:of|over|for|with|after)\b",
    rf"^(?:\w+\s+){{0,2}}?{_NAME}\s+(?:is |was |gets |got )?(?:accused|sued|charged)\s+(?:of|by|over|for)\b",
    rf"\b(?:accuse|poursuit|attaque|assigne)\s+{_NAME}\s+(?:de|d['’]|en|pour)\b",
    rf"^(?:\w+\s+){{0,2}}?{_NAME}\s+(?:est\s+|a été\s+)?(?:accusée?|poursuivie?|assignée?)\s+(?:de|d['’]|par|pour|en)\b",
)]


def _accused_in_title(title: str) -> str | None:
    """The name a title accuses ("Bank accuses Acme of inventing users"), or None."""
    for pattern in _ACCUSED:
        m = pattern.search(title)
        if m:
            return m.group(1)
    return None


def subject_company(sentences: Sequence[tuple[int, str]], spans: Mapping[int, list[OrgSpan]],
                    language: str = "en") -> tuple[str, str] | None:
    """(key, surface) of the article's company, or None.

    ``sentences`` are (index, text) of the whole article, the title at index 0;
    ``spans`` the companies found in the parsed sentences, by sentence index.
    """
    surfaces: dict[str, str] = {}
    for found in spans.values():
        for o in found:
            if _usable(o.text, o.key) and (o.key not in surfaces
                                           or len(o.text) < len(surfaces[o.key])):
                surfaces[o.key] = o.text
    title = next((text for index, text in sentences if index == 0), "")
    accused = _accused_in_title(title) if title else None
    if accused and _usable(accused, normalize_company(accused)):
        # a name the tagger missed (or read as a person's) counts as a company here
        surfaces.setdefault(normalize_company(accused), accused)
    if not surfaces:
        return None
    brands: dict[str, str] = {}
    for key, surface in list(surfaces.items()):
        brand = _brand(key)
        if brand != key:
            words = surface.split()[:len(brand.split())]
            brands[key] = brand
            surfaces.setdefault(brand, " ".join(words))
    # a longer known name that starts with a shorter one counts for the shorter ("Acme
    # Motor Company" for "Acme"); names sorted longest first for the text search
    for key in surfaces:
        for other in surfaces:
            if other != key and key.startswith(other + " ") and key not in brands:
                brands[key] = other
    patterns = [(key, surface, re.compile(r"(?<![\w$€£.])" + re.escape(surface) + r"(?!\w)"))
                for key, surface in sorted(surfaces.items(), key=lambda kv: -len(kv[1]))]
    counts: Counter = Counter()
    first: dict[str, int] = {}
    position = 0
    for index, text in sentences:
        weight = _TITLE_WEIGHT if index == 0 else _LEDE_WEIGHT if index == 1 else 1.0
        taken: list[tuple[int, int]] = []
        for key, surface, pattern in patterns:
            if surface not in text:  # the pattern matches the surface exactly: no match
                continue
            for m in pattern.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append(m.span())
                if is_counterparty(text, m.start(), m.end(), language):
                    continue
                target = brands.get(key, key)
                if is_product(text, m.start(), m.end(), language) and " " in surfaces[target]:
                    # "its Acme Voice solution": a mention of the maker, Acme
                    maker = surfaces[target].rsplit(" ", 1)[0]
                    target = normalize_company(maker)
                    surfaces.setdefault(target, maker)
                target = brands.get(target, target)
                counts[target] += weight
                if _SPEAKS.match(text, m.end()):  # the company that speaks is the subject
                    counts[target] += 1.0
                first.setdefault(target, position + m.start())
        position += len(text) + 1
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], -first[k], -len(k)))
    return best, surfaces[best]

