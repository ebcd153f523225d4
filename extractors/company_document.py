"""Company spans of a whole article: per-sentence detection, then article-level fixes.

``document_spans(docs, registry)`` runs ``company_spans`` on each sentence's Doc, then

- drops a one-word name that is the surname of a person named in the article ("Drury"
  after "Philip Drury"), unless its own context says company;
- finds every further mention of the names found, wherever they appear (a name the model
  missed in one sentence but found in another, "Just Eat" over a lone "Eat").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from claimwatch.extractors.companies import CompanyRegistry, OrgSpan, article_spans, company_spans
from claimwatch.extractors.company_rules import has_company_context

__all__ = ["document_spans"]

_PERSON = ("PERSON", "PER")
_PLACE = ("GPE", "LOC", "NORP")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def document_spans(docs: Sequence, registry: CompanyRegistry | None = None,
                   texts: Sequence[str] | None = None) -> list[list[OrgSpan]]:
    """Company spans (outlets included, marked) of each Doc of one article, in order.
    ``texts``, when given, are the docs' texts (spaCy rebuilds ``Doc.text`` on every access)."""
    if texts is None:
        texts = [doc.text for doc in docs]
    per_doc = [company_spans(doc, registry, text) for doc, text in zip(docs, texts)]
    names, places = set(), Counter()
    for doc in docs:
        for ent in doc.ents:
            words = _POSSESSIVE.sub("", ent.text).split()
            if ent.label_ in _PERSON and len(words) >= 2:
                names.update(w for w in (words[0], words[-1]) if w[:1].isupper())
            elif ent.label_ in _PLACE:
                places[_POSSESSIVE.sub("", ent.text)] += 1
    found = Counter(o.text for spans in per_doc for o in spans)
    surfaces: dict[str, str] = {}
    for i, (doc, spans) in enumerate(zip(docs, per_doc)):
        kept = []
        for o in spans:
            # "Drury" after "Philip Drury"; "China" read as a place everywhere else
            if (" " not in o.text and o.text in names
                    and not has_company_context(texts[i], o.start, o.end)):
                continue
            if places[o.text] > 2 * found[o.text]:
                continue
            kept.append(o)
        per_doc[i] = kept
        for o in kept:
            surfaces.setdefault(o.key, o.text)
    if not surfaces:
        return per_doc
    return [article_spans(text, surfaces.values(), spans, registry)
            for text, spans in zip(texts, per_doc)]
