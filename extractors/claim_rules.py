"""Sentence rules that decide whether a figure is a claim and what it inherits.

- ``is_distractor_count`` — counts that are never a business metric: "across 14 countries",
  "dans 40 pays", "three rounds of layoffs", "three MIT graduates", an age ("its chief
  executive, 33, said");
- ``elliptical_parent`` — a second figure without its noun or unit takes both from the
  figure it is compared with: "1,500 customers, up from 600", "14 millions d'euros,
  contre 9 millions", "revendique 50 millions d'euros ..., n'en réaliserait que 20 millions";
- ``carried_currency`` — "les 80 millions déjà levés": an amount without its currency takes
  the one given earlier in the sentence or the article;
- ``conversions`` — "$450m (£334m)", "300 millions de dollars (276 millions d'euros)": the
  bracketed amount is the same figure in another currency, not a second claim;
- ``own_metric`` / ``metric_from_before`` — the metric an inheriting or referring figure takes;
- ``is_business`` / ``is_year`` — whether a figure can be a claim at all;
- ``merge_headline_repeats`` — a headline figure the body repeats is one claim;
- ``refers_back`` — "the real figure is between $3M and $5M": a figure without a metric
  that points back at the previous sentence's claim.
"""

from __future__ import annotations

import re

from dataclasses import replace

from claimwatch.extractors.metrics import COUNT_METRICS, CURRENCY_METRICS, metric_for
from claimwatch.extractors.models import Quantity
from claimwatch.records import Claim

__all__ = ["carried_currency", "conversions", "elliptical_parent", "is_business",
           "partial_figure",
           "is_distractor_count", "is_year", "merge_headline_repeats", "metric_from_before",
           "own_metric", "refers_back"]

_I = re.IGNORECASE
_DISTRACTOR_NOUNS = frozenset(
    """countries country pays nations cities city villes ville offices bureaux markets
    marchés states états regions régions continents languages langues sites campuses
    locations implantations rounds tours years ans années months mois weeks semaines days
    jours hours heures minutes times fois steps étapes graduates diplômés alumni founders
    cofounders co-founders fondateurs cofondateurs stages phases waves vagues points
    percentage""".split())
_AGE_BEFORE = re.compile(
    r"(?:\b(?:chief executive|CEO|founder|co-?founder|cofounder|president|chairman|"
    r"chairwoman|PDG|fondat(?:eur|rice)|cofondat(?:eur|rice)|dirigeant|directeur|directrice|"
    r"patron|patronne)|\b[A-ZÀ-Þ][a-zà-ÿ]+),\s*$")


def is_distractor_count(sentence: str, q: Quantity) -> bool:
    """True for a count of countries, rounds, years, graduates... or a person's age."""
    if q.unit != "count":
        return False
    if q.noun and q.noun.lower().strip("'’") in _DISTRACTOR_NOUNS:
        return True
    following = re.match(r"\s+(?:[\w-]+\s+){0,1}?([\w-]+)", sentence[q.end:q.end + 40])
    if following and following.group(1).lower() in _DISTRACTOR_NOUNS and not q.noun:
        return True
    if (q.value == int(q.value) and 16 <= q.value <= 99 and q.text.strip().isdigit()
            and _AGE_BEFORE.search(sentence[max(0, q.start - 40):q.start])
            and re.match(r"\s*,", sentence[q.end:q.end + 3])):
        return True
    return False


# words that compare a figure with the one before it
_LINK = re.compile(
    r"\b(?:up from|down from|compared (?:with|to)|versus|vs\.?|from|against|contre|après|"
    r"after|à comparer|loin des?|far from|rather than|plutôt que|instead of|au lieu de|"
    r"n['’]en|que|than)\b|\bqu['’]", _I)
_TIME_NOUN = re.compile(r"^(?:l['’]an|l['’]année|a year|last|the|in|en|un an|this|cette|ce|"
                        r"previously|auparavant|today|aujourd|now|earlier|plus tôt)", _I)
# words the number parser may take for a noun that are no noun ("loin des 220 millions qu'elle
# avait promis", "the $90 million that it pitched")
_NOT_A_NOUN = re.compile(r"^(?:qu['’]\w*|que|qui|dont|où|which|that|who|it|they|she|he|elle|il|"
                         r"ils|elles)$", re.IGNORECASE)
_MULTIPLIER_WORD = re.compile(r"\b(?:millions?|milliards?|billions?|thousand|mille|bn|mn|"
                              r"M|Md|k)\b")


def elliptical_parent(sentence: str, q: Quantity, earlier: list[Claim],
                      sentence_start: int) -> Claim | None:
    """The claim of this sentence a bare figure ``q`` is compared with, or None.

    ``q`` is bare when it is a count with no noun (or only a time phrase after it). It
    inherits from the last earlier claim of the sentence when a comparison word links
    them ("up from", "contre", "compared with", "versus", "n'en ... que"), or, for a bare
    "20 millions", when that claim is money.
    """
    if q.unit != "count" or (q.noun and not _TIME_NOUN.match(q.noun)
                             and not _NOT_A_NOUN.match(q.noun)):
        return None
    before = [c for c in earlier if c.char_start - sentence_start < q.start]
    if not before:
        return None
    parent = before[-1]
    gap = sentence[parent.char_start - sentence_start + len(parent.quantity_text):q.start]
    if len(gap) > 90:
        return None
    if _LINK.search(gap):
        return parent
    if parent.unit not in ("count", "percent") and _MULTIPLIER_WORD.search(q.text):
        return parent
    return None


_BACK = re.compile(
    r"\b(?:the (?:real |actual |true )?(?:figure|number|total|amount)|that (?:figure|number)|"
    r"closer to|in reality|in fact|actually|suggests?|put the (?:figure|number)|"
    r"le (?:vrai |véritable )?(?:chiffre|montant|total)|ce (?:chiffre|montant)|"
    r"en réalité|plutôt proche|estiment|évaluent)\b", _I)


def refers_back(sentence: str) -> bool:
    """True when ``sentence`` talks about a figure named before ("the real figure ...")."""
    return bool(_BACK.search(sentence))


# "$450m (£334m)", "(about €410m)", ", soit 276 millions d'euros": the same amount converted
_CONVERSION_GAP = re.compile(
    r"^\s*(?:[(\[]\s*|,\s*(?:soit|or|ou)\s+)(?:(?:about|around|roughly|approximately|"
    r"some|c\.|ca\.|~|environ|près de|quelque|soit|or)\s*)?$", _I)
_CONVERSION_END = re.compile(r"^\s*(?:[)\]]|[,.;]|$)")


def _is_money(q: Quantity) -> bool:
    return len(q.unit) == 3 and q.unit.isupper()


def conversions(sentence: str, quantities: list[Quantity]
                ) -> tuple[list[Quantity], dict[int, Quantity]]:
    """The quantities without the converted amounts, and {start of the amount: its
    conversion}: a money amount right after another, in brackets (or after "soit"), in
    another currency."""
    kept: list[Quantity] = []
    alternatives: dict[int, Quantity] = {}
    for q in quantities:
        prev = kept[-1] if kept else None
        if (prev is not None and _is_money(prev) and _is_money(q) and prev.unit != q.unit
                and prev.start not in alternatives
                and _CONVERSION_GAP.match(sentence[prev.end:q.start])
                and (sentence[prev.end:q.start].strip()[:1] not in "([" or
                     _CONVERSION_END.match(sentence[q.end:q.end + 3]))):
            alternatives[prev.start] = q
            continue
        kept.append(q)
    return kept, alternatives


_SCALE_WORD = re.compile(r"\b(?:millions?|milliards?|billions?|trillions?|bn|mn|md|mds)\b", _I)
# words after an amount that are not what it counts: "80 millions déjà levés", "mené par"
_NOT_COUNTED = re.compile(
    r"^(?:d[ée]j[àa]|already|more|less|plus|moins|de plus|supplémentaires|additional|"
    r"qui|que|which|that|in|en|for|pour|from|de|d|du|des|à|au|aux|to|on|sur|by|par|lors|"
    r"during|this|last|cette|l|the|a|an|un|une|cash|net|brut|gross|qu['’]\w*|"
    r"\w+(?:é|ée|és|ées|ed|is|ise|ises|u|ue|us|ues))$", _I)
_COUNTED_PARTICIPLES = frozenset(
    "salariés employés abonnés diplômés associés licenciés inscrits clientes".split())


def carried_currency(sentence: str, q: Quantity, units_before: list[str]) -> str | None:
    """The currency an amount without one carries ("de 20 millions de dollars à ... les 80
    millions déjà levés"): the last currency of ``units_before`` (the units of the sentence's
    earlier figures, then of the article's earlier claims), when ``q`` is a scaled count
    ("80 millions") that counts nothing named."""
    if q.unit != "count" or not _SCALE_WORD.search(q.text):
        return None
    noun = (q.noun or "").lower().strip("'’")
    if noun and (noun in _COUNTED_PARTICIPLES or not _NOT_COUNTED.match(noun)):
        return None
    money = [u for u in units_before if len(u) == 3 and u.isupper()]
    return money[-1] if money else None


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def own_metric(sentence: str, q: Quantity, parent: Claim) -> str:
    """The parent's metric, unless a cue of another fitting metric sits right before ``q``
    ("..., portant son financement total à 65 millions")."""
    window = max(0, q.start - 35)
    if window <= sentence.find(parent.quantity_text) + len(parent.quantity_text):
        return parent.metric
    near = metric_for(sentence[window:q.end], q.start - window, q.end - window, q.unit, None)
    return near if near not in ("other", "growth") else parent.metric


def metric_from_before(sentence: str, q: Quantity, previous: list[Claim], metric: str) -> str:
    """"Acme advertises $15M in ARR. ... the real figure is between $3M and $5M": a figure
    without a metric of its own that refers back takes the last earlier claim's metric."""
    if not previous or not refers_back(sentence):
        return metric
    last = previous[-1]
    same_kind = (q.unit == last.unit or (q.unit not in ("count", "percent")
                                         and last.metric in CURRENCY_METRICS))
    return last.metric if same_kind else metric


def is_year(q: Quantity) -> bool:
    return q.unit == "count" and not q.noun and bool(_YEAR.match(q.text.strip()))


# "70% of orders", "95 percent of its requests", "80 % de sa plateforme": a share of something
_SHARE_OF = re.compile(r"^\s*(?:of|de|du|des|d['’])\s+(?:the\s+|its\s+|their\s+|all\s+|"
                       r"ses\s+|sa\s+|son\s+|leurs?\s+|les\s+|la\s+|l['’])?[^\W\d_]{3,}", _I)


def is_business(q: Quantity, metric: str, sentence: str = "") -> bool:
    """Money always; a percentage with a metric, or a share of something ("70% of orders");
    a count of customers/users/employees."""
    if q.unit == "percent":
        return metric != "other" or bool(_SHARE_OF.match(sentence[q.end:q.end + 40]))
    if q.unit == "count":
        if q.value < 2 and not any(ch.isdigit() for ch in q.text):
            return False  # "one of the companies", "un des clients": a phrase, not a count
        return metric in COUNT_METRICS or (metric == "churn" and bool(q.noun))
    code = q.unit.split("/")[0]  # "USD/month" is a price
    return len(code) == 3 and code.isupper()


def merge_headline_repeats(claims: list[Claim]) -> list[Claim]:
    """A headline figure the body repeats (same company, metric, value and unit) is one claim
    of the article: the body's, with the company's attribution if either sentence gives it and
    the bracketed conversion if either has one. Two body sentences stating the same figure
    stay two claims (they are often a claim and its later restatement)."""
    body: dict[tuple, int] = {}
    out = list(claims)
    for i, c in enumerate(out):
        if c.sentence_index > 0:
            body.setdefault((c.company, c.metric, c.value, c.unit), i)
    drop = set()
    for i, c in enumerate(out):
        j = body.get((c.company, c.metric, c.value, c.unit))
        if c.sentence_index > 0 or j is None:
            continue
        drop.add(i)
        kept = out[j]
        if c.claimed_by == "company" and kept.claimed_by != "company":
            kept = replace(kept, claimed_by="company")
        if kept.alt_value is None and c.alt_value is not None:
            kept = replace(kept, alt_value=c.alt_value, alt_unit=c.alt_unit)
        out[j] = kept
    return [c for i, c in enumerate(out) if i not in drop]




_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|janvier|février|mars|avril|"
           r"mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b")
# "$60M in revenue from Acme", "revenue of $5M from its largest client", "10 millions d'euros de
# chiffre d'affaires auprès de Acme": the share that one customer, partner or region brought
_PART_FROM = re.compile(
    r"^\s*(?:(?:in|of|de|d['’])\s+)?(?:(?:revenues?|sales|income|bookings|billings|chiffre "
    r"d['’]affaires|revenus|ventes|recettes)\s+)?(?:\w+\s+){0,2}?(?:from|with|auprès d[eu']|"
    r"provenant d[eu']|réalisés? (?:avec|auprès d[eu']))\s*(?:the\s+|la\s+|le\s+|l['’]|les\s+)?"
    rf"(?!{_MONTHS})(?:(?-i:[A-ZÀ-ÖØ-Þ])|(?:its|their|a single|one|his|her|son|sa|un seul|"
    r"une seule)\s+(?:largest|biggest|main|top|sole|only|principal|plus gros|unique)?\s*"
    r"(?:customer|client|partner|partenaire)s?\b)", re.IGNORECASE)

def partial_figure(sentence: str, q: Quantity, metric: str) -> str | None:
    """The descriptor of a figure that is only part of the metric it names, or None: revenue
    from one named customer, partner or region ("$60M in revenue from Acme"). Such figures are
    ``other``: they neither state nor contradict the company's revenue. (Money seized from or owed
    by the company, and the people a mailing reached, are classed by ``ai_claims.classify``.)"""
    if metric in ("revenue", "bookings", "gmv") and _PART_FROM.match(sentence[q.end:q.end + 90]):
        return "revenue from one counterparty"
    return None
