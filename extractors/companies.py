"""Company detection beyond spaCy's ORG label.

- ``normalize_company`` gives the matching key of a name ("Builder.ai" and "Builder AI"
  share ``"builder ai"``; "Acme Inc." and "Acme's" share ``"acme"``).
- ``CompanyRegistry`` holds the gazetteer (watchlist + names already known), aliases and
  one display name per key, and tells companies from news outlets and common ORG mistakes.
- ``add_gazetteer`` puts the gazetteer in an EntityRuler before "ner", so names the model
  misreads ("11x" as a DATE) come out as ORG.
- ``company_spans`` cleans a Doc's ORG entities and adds appositive ones
  ("AI startup 11x", "la start-up Mistral AI").
- ``find_reference`` finds "the company" / "la startup" / "it" in a sentence; ``main_company``
  ranks weighted mention counts (the extractor now uses ``subject.subject_company``, which
  also skips counterparties); ``is_ai_context`` sets the AI flag.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from claimwatch.names import LEGAL_PATTERN, company_key, strip_legal_suffix
from claimwatch.extractors.roles import compiled
from claimwatch.extractors.company_subjects import (
    descriptor_spans, genitive_spans, is_source_org, split_after_source, subject_spans,
    trim_place,
)
from claimwatch.extractors.company_rules import (
    acronym_after, has_company_context, is_common_opener, is_person_title, platform_spans,
    split_coordination, ticker_spans, trim_figures,
)

__all__ = [
    "NON_COMPANIES", "OUTLETS", "CompanyRegistry", "OrgSpan", "add_gazetteer",
    "article_spans", "company_spans", "find_reference", "is_ai_context", "is_numeric_name",
    "is_outlet_key", "is_source_org",
    "main_company", "normalize_company", "weighted_counts",
]

_LEGAL = LEGAL_PATTERN
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)\s*$", re.IGNORECASE)

# Written and spoken by newsrooms: organisations, but the source rather than a company
# making claims. Keys as normalize_company returns them.
OUTLETS = frozenset(
    ["techcrunch", "reuters", "bloomberg", "bloomberg news", "forbes", "the information",
     "wired", "wall street journal", "the wall street journal", "wsj", "new york times",
     "the new york times", "nyt", "financial times", "the financial times", "ft", "cnbc",
     "cnn", "bbc", "the verge", "axios", "business insider", "insider", "fortune", "sifted",
     "futurism", "venturebeat", "engadget", "ars technica", "the guardian", "associated press",
     "ap", "afp", "les echos", "le monde", "le figaro", "01net", "bfm", "bfm business",
     "l usine digitale", "usine digitale", "maddyness", "journal du net", "jdn", "la tribune",
     "le parisien", "challenges", "frenchweb", "business wire", "pr newswire",
     "globenewswire", "globe newswire", "the economist", "pitchbook", "crunchbase",
     "dealroom", "semafor", "the times", "le journal du net", "l express"]
)

_MONTHS = ("january february march april may june july august september october november "
           "december janvier février fevrier mars avril mai juin juillet août aout septembre "
           "octobre novembre décembre decembre")
# Words spaCy's small models tag ORG that are never a company making a claim.
NON_COMPANIES = frozenset(
    (_MONTHS + " ai ia ar arr mrr ceo cto cfo coo saas gpu gpus api apis llm llms genai "
     "gen ai usd eur gbp dollar dollars euro euros pound pounds the company the startup "
     "series a series b series c series d seed ipo ebitda gaap q1 q2 q3 q4 h1 h2 ytd yoy "
     "arpu kpi b2b b2c ia générative ai act sec ftc doj sa sas inc corp ltd llc "
     "covid covid 19 nasdaq composite s p 500 startup start up company "
     "gmt bst cet cest est edt pst pdt aest ist utc eps pmi gdp cpi etf etfs ev evs fx roi "
     "roe capex opex m a r d e p ict emea apac swot peg nav vc vcs cogs").split()
) | frozenset(["series a", "series b", "series c", "series d", "series e", "gen ai",
               "ai act", "s p 500", "the company", "the startup", "start up", "covid 19",
               "ia générative", "intelligence artificielle", "artificial intelligence",
               # cost lines and deal types written with "&" ("G&A", "R&D", "M&A"): keyed "g a"
               "g a", "sg a", "r d", "m a"])

def is_outlet_key(key: str) -> bool:
    """True for a news outlet's key, accents ignored ("les échos", "échos")."""
    plain = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return key in OUTLETS or plain in OUTLETS or f"les {plain}" in OUTLETS


_AI_NAME = re.compile(r"\.ai\b|\bai$|\bia$", re.IGNORECASE)


def normalize_company(name: str) -> str:
    """The matching key of a company name: :func:`claimwatch.names.company_key` (one key for
    extraction, the warehouse and the digest)."""
    return company_key(name)


@dataclass(frozen=True, slots=True)
class OrgSpan:
    """An organisation found in a Doc: character offsets in ``doc.text``."""

    start: int
    end: int
    text: str
    key: str
    is_outlet: bool = False


class CompanyRegistry:
    """Gazetteer, aliases and canonical display names."""

    def __init__(self, watchlist: Iterable[str] = (), aliases: Mapping[str, str] | None = None,
                 known: Iterable[str] = ()):
        self._display: dict[str, str] = {}
        self._alias: dict[str, str] = {}
        self.gazetteer: list[str] = []
        for name in [*watchlist, *(aliases or {}).values(), *known]:
            self.add(name)
        for alias, target in (aliases or {}).items():
            akey, tkey = normalize_company(alias), normalize_company(target)
            if akey and tkey and akey != tkey:
                self._alias[akey] = tkey
                self.gazetteer.append(alias)

    def add(self, name: str) -> None:
        key = normalize_company(name)
        if not key or key in NON_COMPANIES or key in OUTLETS or len(key) < 2:
            return
        if key not in self._display:
            self._display[key] = _strip_suffixes(name)
            self.gazetteer.append(name)

    def key(self, name: str) -> str:
        key = normalize_company(name)
        return self._alias.get(key, key)

    def canonical(self, name: str) -> str:
        """The display name of a company ("Engineer.ai" -> "Builder.ai")."""
        key = self.key(name)
        return self._display.get(key) or _strip_suffixes(name)

    def is_known(self, name: str) -> bool:
        return self.key(name) in self._display


def _strip_suffixes(name: str) -> str:
    text = name.strip()
    text = _POSSESSIVE.sub("", text)
    return strip_legal_suffix(text) if text.strip() else name.strip()


def add_gazetteer(nlp, names: Iterable[str]):
    """Add an EntityRuler with ``names`` as ORG before "ner" (or last); returns it."""
    names = sorted({n.strip() for n in names if n and n.strip()})
    before = "ner" if "ner" in nlp.pipe_names else None
    config = {"phrase_matcher_attr": "LOWER", "overwrite_ents": True}
    ruler = nlp.add_pipe("entity_ruler", name="claimwatch_gazetteer", before=before,
                         config=config)
    patterns = []
    for name in names:
        variants = {name}
        if re.search(r"\.ai\b", name, re.IGNORECASE):
            variants.add(re.sub(r"\.ai\b", " AI", name, flags=re.IGNORECASE))
        patterns.extend({"label": "ORG", "pattern": v} for v in variants)
    ruler.add_patterns(patterns)
    return ruler


_SUFFIX_AFTER = re.compile(rf"^(?:\s*,)?\s+{_LEGAL}\b\.?", re.IGNORECASE)
_APPOSITIVE = re.compile(
    r"(?:\b(?:AI|IA|tech|fintech|software|SaaS|robotics|defense|French|British|German|"
    r"American|US|Paris-based|London-based|[A-ZÀ-ÖØ-Þ][a-z]+-based)[- ])?"
    r"\b(?:startup|start-up|start up|company|firm|unicorn|scale-up|scaleup|licorne|"
    r"société|entreprise|pépite|jeune pousse)"
    r"(?:\s+(?:d'IA|d’IA|de l'IA|d'intelligence artificielle|d’intelligence artificielle|"
    r"française|américaine|britannique|allemande|parisienne|lyonnaise|chinoise|européenne))*"
    r"\s+((?:[A-ZÀ-ÖØ-Þ0-9][\w.&'-]*|de|of|and|&)(?:\s+(?:[A-ZÀ-ÖØ-Þ0-9][\w.&-]*))*)"
)
# "Mistral AI", "Acme Labs", "Foo Technologies": a capitalised name with a company-ish tail.
_NAME_TAIL = re.compile(
    r"\b((?:[A-ZÀ-ÖØ-Þ][\w&'-]*\s+){1,3}(?:AI|IA|Labs|Technologies|Robotics|Systems|Software|"
    r"Networks|Capital|Ventures|Partners|Holdings|Group|Bank|Motors|Therapeutics|"
    r"Pharmaceuticals|Industries|Energy|Airlines|Analytics|Security|Health|Financial)\b"
    r"(?:,?\s+(?:Inc|Corp|Ltd|LLC|plc|SA|SAS|GmbH|AG)\b\.?)?)")
# "Acme has 300 customers": a capitalised subject before a business verb.
_SUBJECT = re.compile(
    r"(?:^|[,;:]\s+|\b(?:and|but|while|et|mais|alors que)\s+)((?:[A-ZÀ-ÖØ-Þ0-9][\w.&'-]*\s+){0,2}"
    r"[A-ZÀ-ÖØ-Þ0-9][\w.&-]*)(?:'s|’s)?\s+(?:now\s+|also\s+|still\s+|désormais\s+)?"
    r"(?:has|had|have|raised|raises|employs|employed|serves|served|counts|reported|reports|posted|"
    r"posts|generated|generates|grew|lost|hit|reached|claims|claimed|is valued|was valued|"
    r"secured|closed|cut|laid off|hired|revenue|sales|ARR|a levé|lève|levait|compte|comptait|"
    r"emploie|revendique|revendiquait|affiche|affichait|a réalisé|réalise|a atteint|atteint|"
    r"a perdu|perdait|est valorisée|a été valorisée|a embauché|a licencié|vise|prévoit)\b")
_LEADING = re.compile(
    r"(?:the|a|an|is|are|was|will|would|can|could|does|do|did|should|why|how|what|when|where|"
    r"here|imagine|but|and|so|if|as|while|le|la|les|l['’]|un|une|des|du|de|rival|rivals|"
    r"competitor|competitors|son concurrent|concurrent)\s+", re.IGNORECASE)
# "(NYSE: GM)": the exchange and the ticker are both organisations
_TICKER = re.compile(r"\b(NYSE Arca|NYSE American|NYSE|NASDAQ|Nasdaq(?:GS|GM|CM)?|NYSEAmex|AMEX|"
                     r"LSE|TSX|ASX|OTCQX|Euronext)(?: Other)?\s*:\s*([A-Z](?:[A-Z.]{0,7}[A-Z])?)\b")
# weaker evidence, used only when NER did not call the words a person: "Acme said",
# "Acme était", "Acme, an AI startup", "Acme, qui ..."
_WEAK_SUBJECT = re.compile(
    r"(?:^|[,;:]\s+|\b(?:and|but|while|et|mais)\s+)((?:[A-ZÀ-ÖØ-Þ0-9][\w.&-]*\s+){0,2}"
    r"[A-ZÀ-ÖØ-Þ0-9][\w.&-]*)(?:'s|’s)?(?:\s+(?:now\s+|also\s+|désormais\s+)?(?:said|says|is|was|"
    r"touts|told|announced|expects|plans|aims|shipped|ships|delivered|delivers|sold|sells|"
    r"booked|signed|processed|launched|added|doubled|tripled|crossed|surpassed|topped|"
    r"restated|revised|est|était|a|avait|affirme|indique|annonce|vaut|s['’]est|s['’]était|"
    r"sert|ambitionne|dit|a\s+\w+é|a\s+\w+u|a\s+\w+i)\b|,\s+(?:an?|the|which|who|qui|"
    r"un|une|la|le|spécialiste|start-up|startup)\b)")
_BAD_HEADS = frozenset("French British German American European Chinese US U.S. UK Paris-based "
                       "London-based Investors Analysts Customers Employees Staff Revenue Sales "
                       "However But And Les Des Ses Son Sa Selon D Plusieurs Former Several "
                       "Many Some Most Its Their His Her We They He She I You Il Elle Ils Elles "
                       "Nous On Data Documents Internal People Sources ".split()) | frozenset("The A An This That It Its Le La Les Un Une Ce Cette Il Elle In On At "
                       "Selon According Last Since En Au".split())

# Names that look like numbers ("11x", "1X", "7digital", "23andMe", "3M"): digits then a
# letter. Only kept where the context says "company" (see _NUMERIC_CONTEXTS).
_NUMERIC = r"\d+[A-Za-z][\w&-]*"
_NOT_A_NAME = re.compile(r"^\d+(?:st|nd|rd|th|s|m|k|b|bn|mn|km|kg|g|gb|mb|tb|mw|kw|gw|h|ms|am|pm|"
                         r"er|e|ème|eme|è|d)?$")
_COMPANY_NOUN = (r"(?:startup|start-up|start up|company|firm|maker|platform|provider|unicorn|"
                 r"scale-?up|vendor|developer|société|entreprise|licorne|plateforme|éditeur|"
                 r"spécialiste|jeune pousse|pépite|fabricant|"
                 r"(?:fin|insur|assur|health|med|ed|prop|legal|bio|food|deep|clean|agri|reg)tech)")
_FR_ADJ = (r"(?:\s+(?!(?:qui|que|dont|a|est|et|en|pour|dans|avec|sur|par|des|les|du|au|aux|le|la|"
           r"un|une|ses|son|sa|se|ce)\b)(?:d['’]\w+|de l['’]\w+|[a-zàâçéèêëîïôûù][\w-]*)){0,4}")
_NUMERIC_CONTEXTS = [
    # "11x, an AI startup that ...", "11x, la start-up d'IA ..."
    re.compile(rf"(?:^|[.;:!?]\s+|,\s+|\b(?:and|et)\s+)({_NUMERIC}),\s+(?:a|an|the|une?|la|le|"
               rf"l['’])\s*(?:[\w'’-]+\s+){{0,4}}?{_COMPANY_NOUN}\b", re.IGNORECASE),
    # "startup 11x", "la start-up américaine d'intelligence artificielle 11x", "la société 3M"
    re.compile(rf"\b{_COMPANY_NOUN}{_FR_ADJ}\s+({_NUMERIC})\b", re.IGNORECASE),
    # "11x's annual recurring revenue", "11x's chief executive"
    re.compile(rf"\b({_NUMERIC})['’]s\s+(?:[\w-]+\s+){{0,3}}?(?:revenues?|ARR|annual|sales|"
               r"valuation|customers|clients|users|employees|staff|workforce|chief|CEO|founders?|"
               r"co-?founders?|spokes\w+|board|investors|funding|shares|stock|platform|product|"
               r"website|agents?|software|logo)\b", re.IGNORECASE),
    # "11x said/told/raised ...", "11x a levé"
    re.compile(rf"(?:^|[.;:!?,]\s+|\b(?:and|that|but|while|et|que|qu['’]|mais)\s+)({_NUMERIC})\s+"
               r"(?:(?:also|now|still|has|had|have|a|avait)\s+)?(?:said|says|told|raised|raises|"
               r"announced|announces|reported|reports|employs|claims|claimed|advertised|touts|"
               r"touted|used|uses|sells|sold|launched|hired|laid|expects|plans|is valued|"
               r"was valued|levé|annoncé|affirme|revendique|revendiquait|annonce|emploie|"
               r"compte|affiche|aurait|indique|déclare)\b"),
]


_ITS = re.compile(r"\bits\b")


def is_numeric_name(text: str) -> bool:
    """True for a name written like a number ("11x", "23andMe", "3M"), not "10m" or "4th"."""
    return bool(re.fullmatch(_NUMERIC, text)) and not _NOT_A_NAME.match(text)


# "Zéphyr, la start-up qui ...", "Acme, an AI company": a name in apposition to a company
# noun, trusted even when NER reads the name as a person
_NAMED_APPOSITIVE = re.compile(
    rf"(?:^|[.;:!?]\s+|\b(?:and|et)\s+)((?:[A-ZÀ-ÖØ-Þ][\w.&'’-]*\s+){{0,2}}[A-ZÀ-ÖØ-Þ][\w.&-]*),\s+"
    rf"(?:a|an|the|une?|la|le|l['’])\s*(?:[\w'’-]+\s+){{0,3}}?{_COMPANY_NOUN}\b")


def _named_appositives(text: str, places: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    for m in _NAMED_APPOSITIVE.finditer(text):
        start, end = m.span(1)
        if m.group(1).split()[0] in _BAD_HEADS:
            continue
        if any(s < end and start < e for s, e in places):
            continue
        found.append((start, end))
    return found


def _numeric_names(text: str) -> list[tuple[int, int]]:
    found = []
    for pattern in _NUMERIC_CONTEXTS:
        for m in pattern.finditer(text):
            start, end = m.span(1)
            if start > 0 and text[start - 1] in "$€£¥.,":
                continue
            if is_numeric_name(m.group(1)):
                found.append((start, end))
    return found


@lru_cache(maxsize=4096)
def _surface_pattern(surface: str) -> re.Pattern:
    """A name as a whole word (case ignored for a numeric name), built once per name."""
    flags = re.IGNORECASE if is_numeric_name(surface) else 0
    return re.compile(r"(?<![\w$€£.])" + re.escape(surface) + r"(?!\w)", flags)


def article_spans(text: str, surfaces: Iterable[str], taken: list[OrgSpan],
                  registry: CompanyRegistry | None = None) -> list[OrgSpan]:
    """Every further mention of ``surfaces`` (names found elsewhere in the article) in
    ``text`` that does not overlap ``taken``; merged with ``taken`` and sorted."""
    spans = list(taken)
    for surface in sorted(set(surfaces), key=len, reverse=True):
        pattern = _surface_pattern(surface)
        if not pattern.flags & re.IGNORECASE and surface not in text:
            continue  # the pattern matches the surface exactly: no match
        for m in pattern.finditer(text):
            overlapping = [o for o in spans if m.start() < o.end and o.start < m.end()]
            # a longer known name replaces the pieces inside it ("Just Eat" over "Eat")
            if any(o.start < m.start() or o.end > m.end() or o.end - o.start == len(surface)
                   for o in overlapping):
                continue
            span = _clean(text, m.start(), m.end(), registry)
            if span is not None:
                spans = [o for o in spans if o not in overlapping] + [span]
    return sorted(spans, key=lambda o: o.start)


def company_spans(doc, registry: CompanyRegistry | None = None,
                  text: str | None = None) -> list[OrgSpan]:
    """Clean ORG spans of ``doc`` plus appositive names, sorted, without overlaps.

    Cleaning: possessives trimmed, a following legal suffix ("Inc.", ", LLC") attached,
    non-companies (months, "AI", "ARR", "CEO"...) and lower-case spans dropped.
    Outlets are kept but marked ``is_outlet``. ``text``, when given, is ``doc.text`` (which
    spaCy rebuilds from the tokens on every access).
    """
    if text is None:
        text = doc.text
    ents = doc.ents  # built anew (a Span per entity) on every access: read once
    found: list[tuple[int, int]] = []
    for ent in ents:
        if ent.label_ != "ORG" and not (registry and ent.label_ in ("PRODUCT", "PERSON", "DATE",
                                                                     "CARDINAL", "GPE", "MISC")
                                        and registry.is_known(ent.text)):
            if ent.label_ not in _MISREAD or not has_company_context(text, ent.start_char,
                                                                    ent.end_char):
                continue
        for start, end in split_after_source(text, ent.start_char, ent.end_char):
            found.extend(split_coordination(text, start, end))

    for match in _APPOSITIVE.finditer(text):
        name = match.group(1)
        words = name.split()
        # stop at the first lower-case word, keep at most four words
        kept = []
        for w in words[:4]:
            if kept and not (w[0].isupper() or w[0].isdigit()):
                break
            kept.append(w)
        while kept and kept[-1].lower() in ("de", "of", "and", "&"):
            kept.pop()
        if not kept or kept[0] in _BAD_HEADS:
            continue
        start = match.start(1)
        end = start + len(" ".join(kept))
        # "company Acme said": the single word must look like a name, not a sentence start
        found.append((start, end))
    for match in _NAME_TAIL.finditer(text):
        words = match.group(1).split()
        while len(words) > 2 and words[0] in _BAD_HEADS:
            words = words[1:]
        if words[0] in _BAD_HEADS:
            continue
        end = match.end(1)
        found.append((end - len(" ".join(words)) if " ".join(words) == text[
            end - len(" ".join(words)):end] else match.start(1), end))
    found.extend(_numeric_names(text))
    found.extend(subject_spans(text) + descriptor_spans(text) + genitive_spans(text))
    found.extend(_named_appositives(text, [(e.start_char, e.end_char) for e in ents if
                                           e.label_ in ("GPE", "LOC", "DATE", "MONEY", "NORP")]))
    for match in _TICKER.finditer(text):
        found.extend([match.span(1), match.span(2)])
    persons = [(e.start_char, e.end_char) for e in ents
               if e.label_ in ("PERSON", "PER", "DATE", "MONEY", "NORP")]
    for pattern, strong in ((_SUBJECT, True), (_WEAK_SUBJECT, False)):
        for match in pattern.finditer(text):
            start, end = match.span(1)
            words = match.group(1).split()
            if words[0] in _BAD_HEADS or words[0].isdigit():
                continue
            # "Acme said ... its product": "its" tells a company from a person
            if not strong and not is_numeric_name(match.group(1)) and any(
                    s < end and start < e for s, e in persons) and not _ITS.search(
                    text, end, end + 80):
                continue
            found.append((start, end))
    # tickers and platforms are exact: a span running over one is cut before it
    # ("TomTom TOM2-8.69" -> "TomTom", "TOM2")
    priority = ticker_spans(text) + platform_spans(text)
    for i, (start, end) in enumerate(found):
        inside = [p for p in priority if start <= p[0] and p[1] <= end and p != (start, end)]
        if inside:
            found[i] = (start, max(start, min(p[0] for p in inside)))
    places = [(e.start_char, e.end_char) for e in ents if e.label_ in ("GPE", "LOC")]
    found = [trim_figures(text, *trim_place(text, s, e, places)) for s, e in found if e > s]
    spans: list[OrgSpan] = []
    ordered = sorted(found, key=lambda se: (se[0], -(se[1] - se[0])))
    for start, end in [*priority, *ordered]:
        span = _clean(text, start, end, registry)
        if span is None:
            continue
        if (is_person_title(span.text) or is_common_opener(span.text, text[span.end:span.end + 1])
                ) and not (registry and registry.is_known(span.text)):
            continue
        if any(span.start < o.end and o.start < span.end for o in spans):
            continue
        spans.append(span)
    spans.sort(key=lambda o: o.start)
    # "Asian Development Bank (ADB)": the bracketed acronym names the same organisation
    for span in list(spans):
        acronym = acronym_after(text, span.end)
        if acronym and not any(o.start < acronym[1] and acronym[0] < o.end for o in spans):
            extra = _clean(text, *acronym, registry)
            if extra is not None:
                spans.append(extra)
    return sorted(spans, key=lambda o: o.start)


# labels the small model gives companies it does not know ("Atlassian" as PERSON)
_MISREAD = frozenset(["PERSON", "GPE", "NORP", "PRODUCT", "LOC", "WORK_OF_ART", "FAC", "EVENT"])


def _clean(text: str, start: int, end: int, registry: CompanyRegistry | None) -> OrgSpan | None:
    surface = text[start:end]
    inner = re.search(r"(?:'s|’s)\s", surface)
    if inner:  # "Acme's ARR" -> "Acme"
        end = start + inner.start()
        surface = text[start:end]
    # trim possessive and trailing punctuation
    m = _POSSESSIVE.search(surface)
    if m and m.start() > 0:
        end = start + m.start()
    while end > start and text[end - 1] in " ,;:(\"“”":
        end -= 1
    while start < end and text[start] in " \"“”(":
        start += 1
    # "the Liberal Party", "Is General Motors ...": drop leading function words
    while True:
        m = _LEADING.match(text, start, end)
        if not m or m.end() >= end:
            break
        start = m.end()
    # attach a following legal suffix ("Mattel, Inc.")
    m = _SUFFIX_AFTER.match(text[end:end + 12])
    if m:
        end += m.end()
    surface = text[start:end]
    key = registry.key(surface) if registry else normalize_company(surface)
    if not key or key in NON_COMPANIES or len(key) < 2 and not surface.isupper():
        return None
    if not any(c.isupper() or c.isdigit() for c in surface):
        return None
    if key.isdigit():
        return None
    return OrgSpan(start, end, surface, key, is_outlet=is_outlet_key(key))


def find_reference(sentence: str, language: str = "en") -> tuple[int, int] | None:
    """The first "the company"/"la startup"/"it"-like reference in ``sentence``, or None
    (the words are the per-language table ``roles.REFERENCES``)."""
    m = compiled("references", language).search(sentence)
    return (m.start(), m.end()) if m else None


def main_company(counts: Mapping[str, float]) -> str | None:
    """The key with the highest weighted count (title mentions weigh more), or None."""
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: (kv[1], -len(kv[0])))
    return best[0]


_AI_CUES = re.compile(
    r"\bAI(?:-powered|-driven|-native|-first|-based)\b|"
    r"\bAI(?:\s+[a-z][\w-]*){0,2}\s+(?:startup|start-up|company|firm|unicorn|lab|agent|agents|model|"
    r"models|developer|platform|chatbot|maker|provider|tool)s?\b|"
    r"\bartificial intelligence\b|\bintelligence artificielle\b|\bd['’]IA\b|\bde l['’]IA\b|"
    r"\bIA\s+(?:générative|generative)\b|\bgenerative AI\b|\bLLMs?\b",
    re.IGNORECASE)
# How far from a name an AI cue may stand to describe it: an appositive or a relative
# clause ("X, an AI startup that ...", "the AI startup X"), not the rest of a long sentence
# (an investor named at its end is not an AI company).
_AI_BEFORE, _AI_AFTER = 60, 80


def is_ai_context(name: str, sentences: Iterable[str]) -> bool:
    """True when ``name`` is a ".ai"/" AI" name or a sentence describes it as an AI company."""
    if _AI_NAME.search(name.strip()):
        return True
    low = name.lower()
    for sentence in sentences:
        text = sentence.lower()
        start = text.find(low)
        while start >= 0:
            window = sentence[max(0, start - _AI_BEFORE):start + len(low) + _AI_AFTER]
            if _AI_CUES.search(window):
                return True
            start = text.find(low, start + 1)
    return False


def weighted_counts(mentions: Iterable[tuple[str, bool]]) -> Counter:
    """Count keys, a title mention weighing 3: ``mentions`` yields (key, in_title)."""
    counts: Counter = Counter()
    for key, in_title in mentions:
        counts[key] += 3 if in_title else 1
    return counts
