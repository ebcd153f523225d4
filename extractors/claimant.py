"""Which company a figure belongs to, and who speaks, in one sentence.

- ``claimant`` — the company the figure is about: its subject, never a counterparty
  (investor, lender, acquirer, customer, partner, rival, auditor; see ``roles``), and the
  article's company when the sentence refers to it ("the company", "it", "la start-up",
  "elle") rather than naming it;
- ``disputed`` / ``find_dispute`` — the company a dispute cue is about, and the dispute;
- ``speakers`` — companies that speak in the sentence ("Acme said");
- ``is_source_count`` — a count of the people a statement comes from ("a dozen former
  employees said"), not a metric.
"""

from __future__ import annotations

import re

from claimwatch.extractors.companies import CompanyRegistry, OrgSpan, find_reference, is_source_org
from claimwatch.extractors.attribution import DISPUTE_CUES, dispute_cue
from claimwatch.extractors.metrics import find_metric_cues
from claimwatch.extractors.models import Quantity
from claimwatch.records import Dispute
from claimwatch.extractors.roles import compiled
from claimwatch.extractors.source_cues import EXECUTIVE_TITLES, SPEECH_VERBS

__all__ = ["claimant", "disputed", "executives", "find_dispute", "is_counterparty", "is_product",
           "is_source_count", "speakers", "title_executive"]


def is_counterparty(sentence: str, start: int, end: int, language: str = "en") -> bool:
    """True when the organisation at ``sentence[start:end]`` is a source, investor, lender,
    acquirer, customer, partner, rival or auditor of the figure, not its company
    ("backed by X", "X invested", "X, a lender,", "rachetée par X", "X avait investi")."""
    if is_source_org(sentence, start, end):
        return True
    if compiled("before", language, "end").search(sentence[max(0, start - 50):start]):
        return True
    if compiled("after", language, "start").match(sentence[end:end + 50]):
        return True
    return _listed_after_cue(sentence, start, language)


def is_product(sentence: str, start: int, end: int, language: str = "en") -> bool:
    """True when the name at ``sentence[start:end]`` is used as a product's ("its Acme Voice
    solution", "Acme One trucks", "son application Acme")."""
    if compiled("product_before", language, "end").search(sentence[max(0, start - 40):start]):
        return True
    return bool(compiled("product_after", language, "start").match(sentence[end:end + 30]))


_LIST_JOIN = re.compile(r"(?:,|\band|\bet|&)\s*$", re.IGNORECASE)
_LIST_BREAK = re.compile(r"[;:.!?()]|\b(?:which|who|that|while|but|qui|que|mais|alors)\b",
                         re.IGNORECASE)


def _listed_after_cue(sentence: str, start: int, language: str) -> bool:
    """"backers that included A and other funds, B": a later item of a counterparty list."""
    before = sentence[max(0, start - 120):start]
    if not _LIST_JOIN.search(before):
        return False
    cues = list(compiled("before", language).finditer(before))
    if not cues:
        return False
    gap = before[cues[-1].end():]
    return not _LIST_BREAK.search(gap)


# where a clause starts: a company before it is not the subject of a figure after it
_CLAUSE = re.compile(r";|,\s*(?:and|et)\b|\b(?:while|whereas|but|that|compared with|versus|vs|alors que|"
                     r"tandis que|que|qu['’]|mais|contre)\b", re.IGNORECASE)


def claimant(orgs: list[OrgSpan], start: int, end: int, sentence: str,
             main_surface: str | None, registry: CompanyRegistry,
             language: str = "en") -> OrgSpan | None:
    """The company the figure at ``sentence[start:end]`` is about; None for the article's
    company (the caller falls back to it).

    Counterparties (``is_counterparty``: sources, investors, lenders, acquirers, customers,
    partners, rivals) are never claimants. Among the others: the first company of the
    figure's clause before it (its subject) unless a reference to the article's company
    ("the company", "it", "la start-up", "elle") comes first; a reference in the clause
    before the figure; the nearest company before it; the article's main company when named
    in the sentence; the first company after the figure unless a reference precedes the figure.
    """
    subjects = [o for o in orgs if not is_counterparty(sentence, o.start, o.end, language)
                and not is_product(sentence, o.start, o.end, language)]
    before = [o for o in subjects if o.end <= start]
    clause = max((m.end() for m in _CLAUSE.finditer(sentence, 0, start)), default=0)
    in_clause = [o for o in before if o.start >= clause]
    refs = [m.start() for m in compiled("references", language).finditer(sentence, 0, start)
            if not any(o.start <= m.start() < o.end for o in orgs)
            and not _DETERMINES_NAME.match(sentence, m.end())]
    ref_in_clause = [r for r in refs if r >= clause]
    owner = _possessive_owner(subjects, start, sentence)
    if owner is not None:
        return owner
    if in_clause:
        if ref_in_clause and ref_in_clause[0] < in_clause[0].start:
            return None
        named_ref = [r for r in ref_in_clause if r > in_clause[-1].end
                     and _NAMED_REFERENCE.match(sentence, r)]
        if named_ref and main_surface:
            return None  # "AWS promoted Acme ..., and funds queued for the startup's $250M"
        return in_clause[0]
    if ref_in_clause:
        return None
    if before:
        return before[-1]
    main_key = registry.key(main_surface) if main_surface else None
    for o in subjects:
        if o.key == main_key:
            return o
    if refs:
        return None
    after = [o for o in subjects if o.start >= end]
    return after[0] if after else None


# "its rival Acme", "son concurrent Acme": the reference only qualifies the name after it
_DETERMINES_NAME = re.compile(r"\s+(?:[a-zà-ÿ][\w-]*\s+){1,2}(?-i:[A-ZÀ-ÖØ-Þ])", re.IGNORECASE)
# "the startup", "la start-up": a named reference (not a pronoun)
_NAMED_REFERENCE = re.compile(r"(?:the|la|l['’]|le)\s*\w", re.IGNORECASE)
_OWNER_GAP = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,3}$")


def _possessive_owner(subjects: list[OrgSpan], start: int, sentence: str) -> OrgSpan | None:
    """"Acme's $4.7m seed round", "Acme's annual revenue of $5M": the owner of the figure."""
    for o in reversed(subjects):
        if o.end <= start and _OWNER_GAP.match(sentence[o.end:start]):
            return o
    return None


_CUSTOMER_CUE = re.compile(r"custom|client", re.IGNORECASE)


def disputed(orgs: list[OrgSpan], position: int, cue: str, sentence: str, language: str,
              main_surface: str | None, registry: CompanyRegistry) -> str | None:
    """The company whose figures or customers a dispute cue is about.

    The article's main company when the sentence names it or, for "never a customer"
    cues, when the sentence refers to it ("its logo", "the startup"): the customer who
    speaks is not the disputed company. Otherwise the claimant rule of ``claimant``.
    """
    main_key = registry.key(main_surface) if main_surface else None
    if main_key and any(o.key == main_key for o in orgs):
        return main_surface
    if main_surface and _CUSTOMER_CUE.search(cue) and (
            find_reference(sentence, language) or not orgs):
        return main_surface
    company = claimant(orgs, position, position + len(cue), sentence, main_surface, registry,
                       language)
    return company.text if company else main_surface


_VERBS = "|".join(sorted({v for vs in SPEECH_VERBS.values() for v in vs}, key=len, reverse=True))
_SAYS = re.compile(r"^(?:['’]s\s+\w+(?:\s+\w+)?|,[^,]{1,60},)?\s+(?:\w+\s+){0,2}?(?:"
                   + _VERBS + r")\b", re.IGNORECASE)
_TITLES = "|".join(sorted({t for ts in EXECUTIVE_TITLES.values() for t in ts}, key=len, reverse=True))
# "Ana Ruiz, the founder", "founder Ana Ruiz", "Acme's chief executive, Ana Ruiz"
_TITLE_NEAR = re.compile(rf"\b(?:{_TITLES})\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\b(?:according to|selon|d['’]après)\s+$", re.IGNORECASE)


def executives(people: list[tuple[str, str]]) -> set[str]:
    """Names of people the article gives a company title ("Ana Ruiz, founder of Acme"):
    ``people`` are (name, the text around one mention); the full names and surnames."""
    names: set[str] = set()
    for name, around in people:
        if _TITLE_NEAR.search(around):
            words = re.sub(r"['’]s$", "", name).split()
            names.add(" ".join(words))
            if len(words) > 1:
                names.add(words[-1])
    return names


_TITLE_SPEAKS = re.compile(rf"\b(?:{_TITLES})\b\s+(?:[\w.'’-]+\s+){{0,3}}?(?:{_VERBS})\b", re.IGNORECASE)


def title_executive(title: str, people: list[str]) -> set[str]:
    """"Acme founder says ..." in the title, and one person named in the article: that person
    is the executive who speaks ("according to Ruiz" in the body is the company speaking).
    ``people`` are the person names found in the article; their surnames are returned."""
    if not _TITLE_SPEAKS.search(title or ""):
        return set()
    surnames = {re.sub(r"['’]s$", "", name).split()[-1] for name in people if name.split()}
    return surnames if len(surnames) == 1 else set()


def speakers(orgs: list[OrgSpan], sentence: str, people: set[str] = frozenset(),
             own: str | None = None) -> list[tuple[int, int]]:
    """Spans of companies, and of the company's executives (``people``), that speak in
    ``sentence`` ("Acme said", "Acme's CEO told", "according to Ruiz", "Ruiz acknowledged");
    ``own`` is the key of the article's company: "according to Acme" is Acme speaking."""
    spans = [(o.start, o.end) for o in orgs
             if not is_source_org(sentence, o.start, o.end) and _SAYS.match(sentence[o.end:])]
    spans += [(o.start, o.end) for o in orgs
              if own and (o.key == own or o.key.startswith(own + " "))
              and _ACCORDING.search(sentence[max(0, o.start - 20):o.start])]
    for name in people:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence):
            if _SAYS.match(sentence[m.end():]) or _ACCORDING.search(sentence[max(0, m.start() - 20):m.start()]):
                spans.append(m.span())
    return spans


# "more than a dozen current and former employees said": a count of the sources
_SOURCE_PEOPLE = re.compile(
    r"^\s*(?:of\s+(?:its|the|their|his|her)\s+)?(?:(?:current|former|anonymous|senior|"
    r"and|or|ex-|other|people|its|the|company|anciens?|actuels?|et|ou)\s+)*(?:people|persons|"
    r"employees|staffers|staff|sources|workers|executives|insiders|engineers|salespeople|"
    r"customers|clients|investors|analysts|salariés|employés|sources|personnes|"
    r"collaborateurs|cadres|dirigeants|clients|investisseurs)\b(?P<rest>[^.;,]{0,80})",
    re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:said|say|says|told|tell|described|confirmed|spoke|speaking|"
                     r"interviewed|according|familiar|who (?:spoke|asked|requested|declined)|"
                     r"ont (?:dit|confié|affirmé|raconté|témoigné|expliqué|indiqué)|affirment|"
                     r"racontent|témoignent|expliquent|confient|interrogés|interrogées|"
                     r"contactés|sous couvert)\b", re.IGNORECASE)
_SOURCE_LEAD = re.compile(r"(?:according to|interviews? with|spoke (?:with|to)|interviewed|"
                          r"selon|d['’]après|auprès de|interrogé|a interrogé|ont interrogé)"
                          r"\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def is_source_count(sentence: str, q: Quantity) -> bool:
    """True when a count quantifies the people a statement comes from, not a metric."""
    if q.unit != "count":
        return False
    after = _SOURCE_PEOPLE.match(sentence[q.end:])
    if not after:
        return False
    return bool(_SPEECH.search(after.group("rest") or "")
                or _SOURCE_LEAD.search(sentence[max(0, q.start - 40):q.start]))


_PEOPLE_NOUN = re.compile(r"(?:investors?|backers?|shareholders?|investisseurs?|actionnaires?|"
                          r"bailleurs?)", re.IGNORECASE)


def find_dispute(article_id: str, language: str, sentence: str, index: int, orgs: list[OrgSpan],
                 main_surface: str | None, registry: CompanyRegistry) -> Dispute | None:
    """The dispute of ``sentence`` (a cue such as "inflated", the company it is about and the
    metric named nearest the cue), or None."""
    cue = dispute_cue(sentence)
    if not cue:
        return None
    position = sentence.find(cue)
    name = disputed(orgs, position, cue, sentence, language, main_surface, registry)
    if name is None:
        return None
    # the people deceived ("misleading investors", "trompé ses investisseurs") are no funding figure
    cues = [c for c in find_metric_cues(sentence) if c[0] not in ("growth", "churn")
            and not _PEOPLE_NOUN.fullmatch(sentence[c[1]:c[2]])]
    # the metric named nearest any of the sentence's dispute words ("misleading demos, ...,
    # inflating the pre-orders": the pre-orders)
    positions = [m.start() for m in DISPUTE_CUES.finditer(sentence)] or [position]
    metric = min(cues, key=lambda c: min(abs(c[1] - p) for p in positions))[0] if cues else None
    if metric is None and re.search(r"customer|client", cue, re.IGNORECASE):
        metric = "customers"
    return Dispute(article_id, registry.canonical(name), metric, cue, sentence,
                   index, language)
