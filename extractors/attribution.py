"""Who makes a claim, whether it is a forecast, and whether a sentence disputes figures.

Attribution rule (documented in ``claimed_by``):

The source cue nearest the figure decides (``claimed_by``):

1. An independent source: "according to sources / people familiar /
   documents / filings / former employees / an investigation / analysts", "documents seen
   by", "selon nos sources", "d'anciens salariés", "TechCrunch found/reviewed".
2. A company source: the company, its CEO/founder/spokesperson or a
   quote says/claims/announced/told/touts/advertised, "in a statement", "selon
   l'entreprise", "affirme", "annonce", "revendique", "a indiqué".
3. Plain narration ("Acme raised $50M", "Acme has 300 customers") is the reporter's: only
   the company or its people asserting a figure make it the company's claim (this replaced
   the earlier default, under which narration counted as the company's claim).

The cues are per-language data tables in ``source_cues``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimwatch.extractors.source_cues import (
    BELIEF_CUES, CLAIMED_AFTER, CLAIMED_BEFORE, COMPANY_CUES, REPORTER_CUES, SPEECH_VERBS,
)

__all__ = ["DISPUTE_CUES", "claimed_by", "dispute_cue", "is_company_sourced", "is_forecast"]

_I = re.IGNORECASE



def _table_regex(table: dict[str, list[str]], prefix: str = r"\b", suffix: str = r"\b") -> str:
    phrases = sorted({p for phrases in table.values() for p in phrases}, key=len, reverse=True)
    return prefix + "(?:" + "|".join(f"(?:{p})" for p in phrases) + ")" + suffix


_REPORTER = re.compile(_table_regex(REPORTER_CUES), _I)
# "according to Dealroom", "selon Les Échos": a named third party (not the claimant itself)
_NAMED_SOURCE = re.compile(r"\b(?:according to|selon|d['’]après)\s+(?:les?\s+|la\s+|l['’]|"
                           r"the\s+)?(?=(?-i:[A-ZÀ-ÖØ-Þ]))", _I)
_COMPANY = re.compile(_table_regex(COMPANY_CUES), _I)
_BELIEF = re.compile(_table_regex(BELIEF_CUES), _I)
_SPEECH = re.compile(_table_regex(SPEECH_VERBS), _I)
_ACCORDING = re.compile(r"according to|selon|d['’]après", _I)
_ACCORDING_END = re.compile(r"(?:according to|selon|d['’]après)\s+$", _I)
_CLAUSE_BREAK = re.compile(r";|,\s*(?:but|while|whereas|yet|mais|alors que|tandis que)\b", _I)

_RELATIVE = re.compile(r"\b(?:that|which|who|qui)\s+(?:\w+ly\s+|had\s+|has\s+|avait\s+|a\s+)?$", _I)
# the relative clause ends (a comma) and a main verb follows before the figure
_RELATIVE_CLOSED = re.compile(r",\s+(?:\w+\s+){0,2}(?:was|were|is|are|has been|had been|a été|"
                              r"était|est)\b", _I)

_QUOTE = re.compile(r"[\"“«][^\"”»]{8,}[\"”»]\s*,?\s*(?:\w+\s+){0,4}(?:said|says|told|"
                    r"wrote|a déclaré|affirme|explique|a expliqué|souligne|a dit)", _I)


# a claim word fastened to the figure: "the advertised $10M", "les 10 millions revendiqués"
_CLAIMED_BEFORE = re.compile(_table_regex(CLAIMED_BEFORE, suffix=r"\s+(?:\w+\s+){0,1}$"), _I)
_CLAIMED_AFTER = re.compile(r"^\s*(?:(?:de|d['’]|of|in)\s+[\w'’ ]{0,30}?)?\s*(?:it |qu['’]elle "
                            r"|qu['’]il )?" + _table_regex(CLAIMED_AFTER, prefix=""), _I)


@lru_cache(maxsize=256)
def _cue_spans(sentence: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """(start, end) of the reporter cues, named sources, company cues, quotes and buyer's
    beliefs in ``sentence``, in that order: searched once per sentence, not once per figure."""
    return tuple(tuple(m.span() for m in pattern.finditer(sentence))
                 for pattern in (_REPORTER, _NAMED_SOURCE, _COMPANY, _QUOTE, _BELIEF))


def claimed_by(sentence: str, start: int | None = None,
               speakers: list[tuple[int, int]] = (), end: int | None = None,
               claimant: tuple[int, int] | None = None) -> str:
    """"company" or "reporter" for the figure at ``sentence[start:]``.

    A claim word fastened to the figure ("the advertised $10M", "les 10 millions
    revendiqués") makes it the company's. ``speakers`` are spans of companies that speak
    ("Acme said"), company cues like "the company said". The source cue nearest before the
    figure decides ("According to sources, Acme told
    investors it had $10M" -> company: the figure is what Acme told); failing that, the
    nearest after it; with no cue at all the figure is the reporter's (see the module
    docstring). Without ``start`` an independent source anywhere wins.
    "According to X" / "selon X" naming a third party is a reporter cue unless X is the
    ``claimant`` (the span of the company the figure is about).
    """
    found = _cue_spans(sentence)  # the same for every figure of the sentence
    reporter = [(s, e, "reporter") for s, e in found[0]]
    own = {claimant[0]} if claimant else set()
    own |= {s for s, _ in speakers}  # "according to Acme" when Acme speaks for itself
    reporter += [(s, e, "reporter") for s, e in found[1] if e not in own]
    company = [(s, e, "company") for s, e in found[2]]
    company += [(s, e, "company") for s, e in found[3]]
    company += [(s, e, "company") for s, e in speakers]
    # "paid $90M for what it thought was a firm with 2M members": a buyer's belief is the
    # company's representation, for the figures after it only
    company += [(s, e, "company") for s, e in found[4] if start is None or e <= start]
    # "the startup's former CFO told": a company cue inside a reporter cue is the reporter's
    company = [c for c in company if not any(r[0] <= c[0] < r[1] for r in reporter)]
    if start is None:  # the sentence as a whole: an independent source anywhere wins
        return "company" if (company or _SPEECH.search(sentence)) and not reporter else "reporter"
    if _CLAIMED_BEFORE.search(sentence[max(0, start - 30):start]):
        return "company"
    if end is None:
        m = re.match(r"\S+(?:\s+(?:millions?|milliards?|billions?|thousand|mille|de dollars|"
                     r"d['’]euros|dollars|euros|%|percent|pour cent))*", sentence[start:])
        end = start + (m.end() if m else 0)
    if _CLAIMED_AFTER.match(sentence[end:end + 60]):
        return "company"
    # "Acme, an app that claimed 4 million users, was sold for $90M": a claim word inside a
    # relative clause closed before the figure speaks for that clause only
    company = [c for c in company if not (c[1] <= start and _RELATIVE.search(sentence, 0, c[0])
                                          and _RELATIVE_CLOSED.search(sentence[c[1]:start]))]
    cues = reporter + company
    before = [c for c in cues if c[0] < start]
    after = [c for c in cues if c[0] >= start]
    # "Acme listed 40 logos on its website, but 12 were never customers, according to an
    # investigation": a cue before the figure's clause gives way to one after the figure
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    if after and before and not [c for c in before if c[1] > clause]:
        return min(after, key=lambda c: c[0])[2]
    # "Acme reported a loss of $61M, according to its annual filing": a named source after
    # the figure, in its clause, outranks a speaker before it
    named = [c for c in after if c[2] == "reporter"
             and (_ACCORDING.match(sentence, c[0])
                  or _ACCORDING_END.search(sentence[max(0, c[0] - 20):c[0]]))
             and not _CLAUSE_BREAK.search(sentence, start, c[0])]
    if named and all(c[2] == "company" for c in before):
        return "reporter"
    if before:
        return max(before, key=lambda c: (c[1], c[2] == "company"))[2]
    if after:
        return min(after, key=lambda c: c[0])[2]
    return "reporter"


def is_company_sourced(sentence: str) -> bool:
    """True when the sentence explicitly attributes a figure to the company."""
    return bool(_COMPANY.search(sentence) or _QUOTE.search(sentence))


_FORECAST = re.compile(
    r"\b(?:expects?|expected|expecting|anticipates?|anticipated|projects?|projected|projecting|"
    r"projections?|forecasts?|forecasted|forecasting|aims?|aiming|aimed|targets?|targeted|"
    r"targeting|plans?\s+(?:to|for|on)|planned|planning\s+(?:to|for|on)|hopes?|hoping|"
    r"intends?|intending|goal|outlook|"
    r"guidance|on track to|on pace to|poised to|set to|likely to|should (?:reach|hit|grow|"
    r"be|exceed|remain|come|generate|double|see)|could (?:reach|hit|grow|exceed|double|"
    r"generate|be)|would (?:reach|hit|grow|exceed|double|generate|total|amount to|come to|add up to|"
    r"be worth)|is going to|are going to|représenteraient|représenterait|"
    r"will|'ll|next (?:year|quarter|fiscal|month)|by (?:the end of )?(?:19|20)\d\d|"
    r"in the coming|going forward|estimates? (?:that|it)|predicts?|predicted|"
    r"vise|visait|vis(?:ent|er)|prévoit|prévoient|prévoyait|ambitionne|ambitionnait|"
    r"compte (?:atteindre|doubler|réaliser|lever|recruter|embaucher)|table sur|espère|"
    r"objectif|devrait|devraient|pourrait|d['’]ici (?:la fin de |à |fin )?(?:19|20)\d\d|"
    r"à l['’]horizon|l['’]an prochain|l['’]année prochaine|prévisions?|atteindra|"
    r"dépassera|doublera|sera|seront|on (?:track|pace|course) for|compte (?:en |les? |l['’])?"
    r"\w+er)\b", _I)
# a baseline the forecast is measured from: "up from $38 million in 2024", "contre 31 millions"
_BASELINE = re.compile(r"\b(?:up|down) from\s+(?:\w+\s+){0,2}$|\b(?:compared (?:with|to)|"
                       r"versus|vs\.?|contre|from)\s+(?:\w+\s+){0,2}$", _I)
_NOT_FORECAST = re.compile(
    r"\b(?:than (?:expected|anticipated|forecast|projected|planned)|(?:beat|beats|missed|"
    r"exceeded|topped|above|below|ahead of|in line with) (?:its |the |our |their |analysts['’] "
    r")?(?:expectations|forecasts?|estimates|guidance|targets?|outlook)|plan(?:s)? "
    r"(?:members|sponsors|participants|assets)|que prévu|qu['’]attendu)\b", _I)


_FORECAST_BREAK = re.compile(r"\s(?:and|but|while|et|mais|alors que)\s|[;,]", _I)


def is_forecast(sentence: str, start: int | None = None) -> bool:
    """True for forecasts and targets ("expects to reach", "will", "vise", "d'ici 2026").

    With ``start`` (the figure's offset), a cue after the figure counts only within its
    clause: "employs 40 people and plans to double" is no forecast of the 40.
    """
    cleaned = _NOT_FORECAST.sub(lambda m: " " * len(m.group(0)), sentence)
    if start is not None and _BASELINE.search(sentence[max(0, start - 30):start]):
        return False
    if start is None:
        return bool(_FORECAST.search(cleaned))
    for m in _FORECAST.finditer(cleaned):
        if m.start() < start or not _FORECAST_BREAK.search(cleaned[start:m.start()]):
            return True
    return False


# Phrases that dispute a company's customers by themselves.
_CUSTOMER_DISPUTES = (
    r"never (?:a |actually |been )?(?:paying )?(?:customers?|clients?|signed|paid)|"
    r"(?:were|was|are|is) not (?:actually )?(?:paying )?(?:customers?|clients?)|"
    r"not paying customers|faux clients|fausses? (?:données|chiffres?)|"
    r"n['’](?:a|ont|avait|avaient|étai(?:t|ent)|avoir|être) jamais été (?:des |un |une )?"
    r"client(?:e)?s?")
# Words that dispute a figure only when they are about one ("inflated revenue", "fake customers";
# not "fake accounts" on a dating app or "fake frames" in a game).
_FIGURE_DISPUTES = (
    r"inflat(?:ed|ing|es)|fabricat(?:ed|ing|ion)|overstat(?:ed|ing|es|ement)|"
    r"exaggerat(?:ed|ing|ion)|misleading(?:ly)?|misrepresent(?:ed|ing|ation)|falsified|"
    r"false(?:ly)?|fake|bogus|padded|cooked|fraud(?:ulent)?|non-paying|didn['’]t have|did not have|"
    r"gonfl(?:é|ée|és|ées|er|ait|aient)|"
    r"mensong(?:er|ère|ers|ères)|surévalu(?:é|ée|és|ées|ation)|exagér(?:é|ée|és|ées|ation)|"
    r"trompeu(?:r|se|rs|ses)|falsifi(?:é|ée|és|ées|cation)|fictifs?|fictives?|"
    r"frauduleu(?:x|se|ses)|truqu(?:é|ée|és|ées)")
_FIGURE_NOUNS = re.compile(
    r"\b(?:revenues?|sales|ARR|figures?|numbers?|metrics?|customers?|clients?|users?|growth|"
    r"valuation|earnings|profits?|results|financials|books|traction|bookings|subscribers|logos?|"
    r"chiffres?|revenus|ventes|résultats|utilisateurs|abonnés|valorisation|croissance|bilans?|"
    r"données|comptes|recettes|investors|investisseurs|pitch deck)\b", _I)
_FIGURE_WINDOW = 60  # characters either side of the word

DISPUTE_CUES = re.compile(rf"\b(?:{_CUSTOMER_DISPUTES}|{_FIGURE_DISPUTES})\b", _I)
_CUSTOMER_CUES = re.compile(rf"\b(?:{_CUSTOMER_DISPUTES})\b", _I)
_FIGURE_CUES = re.compile(rf"\b(?:{_FIGURE_DISPUTES})\b", _I)


def dispute_cue(sentence: str) -> str | None:
    """The dispute cue ("inflated", "faux clients", ...) in ``sentence``, or None.

    ``DISPUTE_CUES`` finds candidate sentences; a word like "fake" or "inflated" only counts
    when a figure noun (revenue, customers, chiffres, ...) stands within a few words of it.
    """
    m = _CUSTOMER_CUES.search(sentence)
    if m:
        return m.group(0)
    for m in _FIGURE_CUES.finditer(sentence):
        window = sentence[max(0, m.start() - _FIGURE_WINDOW):m.end() + _FIGURE_WINDOW]
        if _FIGURE_NOUNS.search(window):
            return m.group(0)
    return None
