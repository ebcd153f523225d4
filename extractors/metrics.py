"""Which metric a number is about, and which period it covers, from its sentence.

``metric_for`` scores metric cue words (English and French) by their distance to the
quantity and by whether the quantity's unit fits the metric (money for revenue, a
count for customers, a percentage for churn or growth). ``period_for`` reads the
period ("2024", "Q3 2024", "first year", "monthly") and, when the sentence fixes one,
the date the figure refers to.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

__all__ = ["CURRENCY_METRICS", "count_metric_by_verb", "find_metric_cues", "metric_for", "period_for"]

CURRENCY_METRICS = frozenset(
    {"revenue", "arr", "valuation", "funding", "profit", "loss", "bookings", "gmv"})
COUNT_METRICS = frozenset({"customers", "users", "employees", "units"})
PERCENT_METRICS = frozenset({"churn", "growth"})

_I = re.IGNORECASE
# metric -> cue patterns (both languages). Order inside a metric does not matter.
_CUES: dict[str, list[str]] = {
    "arr": [r"annual(?:ized)? recurring revenues?", r"\bARR\b", r"run[- ]rate",
            r"revenus? récurrents? annuels?", r"chiffre d['’]affaires récurrent",
            r"revenus? annuels? récurrents?"],
    "revenue": [r"\brevenues?\b", r"\bsales\b", r"\bsold\b", r"\ba vendu\b", r"\bturnover\b", r"chiffre d['’]affaires",
                r"\bventes\b", r"\brecettes\b", r"\brevenus?\b", r"\bCA\b", r"\bMRR\b",
                r"\bbilled\b", r"\bfactur\w+"],
    "valuation": [r"\bvalu(?:ed|ation|ing|es?)\b", r"\bpric(?:ed|es|ing)\b(?= (?:\w+ ){0,3}at\b)", r"\bworth\b(?! of)", r"\bvaloris\w+", r"\bpost-money\b",
                  r"\bpre-money\b", r"\bmarket cap(?:italization)?\b", r"\bcapitalisation\b",
                  r"\blicorne\b", r"\bunicorn\b"],
    "funding": [r"\brais(?:e|ed|es)\b", r"\braising\b", r"\bfunding\b", r"\bfunds\b", r"\bround\b(?!\s*[$€£\d])",
                r"\bSeries [A-F]\b", r"\bseed\b", r"\binvest(?:ment|ed|ors?)\b", r"\bbacked\b",
                r"\bsecured\b", r"\bclosed\b", r"lev[ée]e? de fonds", r"\blev[ée]e?s?\b",
                r"\ba levé\b", r"\blève\b", r"\btour de table\b", r"\bfinancement\b",
                r"\bsérie [A-F]\b", r"\bamorçage\b", r"\bfonds propres\b", r"\binvestisseurs?\b",
                r"\bequity (?:funding|financing|investment|round)\b"],
    "customers": [r"\bcustomers?\b", r"\bclients?\b", r"\bclientèle\b", r"\bbrands\b",
                  r"\benterprises?\b", r"\baccounts\b", r"\bmerchants\b", r"\bbusinesses\b",
                  r"\bcommer[çc]ants\b", r"\bentreprises clientes\b"],
    "users": [r"\busers?\b", r"\butilisateurs?\b", r"\bsubscribers?\b", r"\babonnés\b",
              r"\bmonthly active\b", r"\bMAUs?\b", r"\bDAUs?\b", r"\bmembers\b", r"\bmembres\b", r"\bdevelopers\b",
              r"\bdéveloppeurs\b", r"\bpeople use\b"],
    "employees": [r"\bemployees?\b", r"\bstaff(?:ers)?\b", r"\bheadcount\b", r"\bworkers\b",
                  r"\bworkforce\b", r"\bpeople\b", r"\bsalariés?\b", r"\bemployés?\b",
                  r"\bcollaborateurs\b", r"\beffectifs?\b", r"\bpersonnes\b", r"\bengineers\b",
                  r"\bingénieurs\b", r"\blayoffs?\b", r"\blaid off\b", r"\bjob cuts\b",
                  r"\blicenci\w+"],
    "churn": [r"\bchurn(?:ed)?\b", r"\blost\b", r"\blosing\b", r"\bcancel+ed\b", r"\bleft\b",
              r"\bperd(?:ait|u|re)?\b", r"\bdésabonn\w+", r"\battrition\b", r"\bquitté\b",
              r"\brésili\w+", r"\bcancel\w*"],
    "growth": [r"\bgr[eo]w(?:n|s|ing)?\b", r"\bgrowth\b", r"\bincrease[ds]?\b", r"(?<!-)\bup\b(?!-)",
               r"\bjump(?:ed|s)?\b", r"\bsurged?\b", r"\brose\b", r"\brise\b", r"\bdoubled\b",
               r"\btripled\b", r"\bcroissance\b", r"\bhausse\b", r"\bprogress\w+", r"\baugment\w+",
               r"\bbondi\b", r"\bcrû\b", r"\byear[- ]over[- ]year\b", r"\bsur un an\b",
               r"\bdecline[ds]?\b", r"\bfell\b", r"\bdropped\b", r"\bbaisse\b", r"\brecul\w*"],
    "profit": [r"\bprofits?\b", r"\bprofitable\b", r"\bnet income\b", r"\bearnings\b",
               r"\bEBITDA\b", r"\boperating income\b", r"\bbénéfices?\b", r"\brésultat net\b",
               r"\brentab\w+", r"\bmarge\b", r"\bmargin\b"],
    "loss": [r"\blosses\b", r"\bnet loss\b", r"\boperating loss\b", r"\bloss of\b",
             r"\bburn(?:ed|ing)?\b", r"\bcash burn\b", r"\bpertes?\b", r"\bdéficit\b",
             r"\blost money\b", r"\blost\b", r"\blosing\b", r"\ba perdu\b"],
    "units": [r"\bunits?\b", r"\bunités\b", r"\bship(?:s|ped|ping|ments?)?\b",
              r"\bdeliver(?:ed|ies|y)\b", r"\blivr(?:é|ée|és|ées|aisons?|er)\b",
              r"\bexpédi\w+", r"\bdownloads?\b", r"\btéléchargements?\b",
              r"\bvehicles?\b", r"\bvéhicules?\b", r"\bdevices?\b", r"\bappareils?\b",
              r"\bsold\b", r"\bvendus?\b", r"\bvendues?\b", r"\borders\b"],
    "bookings": [r"\bbookings\b", r"\bcontracts? (?:worth|signed)\b", r"\bbacklog\b",
                 r"\bpipeline\b", r"\bcommandes\b", r"\bcarnet de commandes\b", r"\bdeals\b",
                 r"\bcontracts\b", r"\bbook(?:ed|s)\b", r"\bcontrats\b"],
    "gmv": [r"\bGMV\b", r"gross merchandise (?:value|volume)", r"volume d['’]affaires",
            r"\btransaction volume\b", r"\bvolume de transactions\b", r"\bprocessed\b"],
}
_CASE_SENSITIVE = frozenset({r"\bARR\b", r"\bCA\b", r"\bGMV\b", r"\bMRR\b", r"\bMAUs?\b",
                             r"\bDAUs?\b", r"\bEBITDA\b"})
# one alternation per metric (case-sensitive cues scoped with (?-i:...)): ~14 searches per
# sentence instead of ~170
_COMPILED = {m: re.compile("|".join(f"(?-i:{p})" if p in _CASE_SENSITIVE else f"(?:{p})"
                                    for p in pats), _I)
             for m, pats in _CUES.items()}

# count nouns -> metric, checked first for counts
_NOUN_METRIC = [
    (re.compile(r"^(?:paying |active |enterprise |business )?(?:customers?|clients?|brands|"
                r"retailers|détaillants|enseignes|"
                r"merchants|accounts|businesses|entreprises?|commerçants)", _I), "customers"),
    (re.compile(r"^(?:monthly |daily |weekly |active |paying )*(?:users?|utilisateurs?|"
                r"subscribers?|abonnés|members|membres|developers|développeurs|MAUs?)",
                _I), "users"),
    (re.compile(r"^(?:people|personnes)\s+(?:use|using|utilisent)\b", _I), "users"),
    (re.compile(r"^(?:full-time )?(?:employees?|staff|workers|people|salariés?|employés?|"
                r"collaborateurs|personnes|engineers|ingénieurs|jobs|postes)", _I), "employees"),
    (re.compile(r"^(?:[\w-]+\s+){0,2}?(?:units?|unités|shipments|orders|pre-?orders|downloads|"
                r"téléchargements|vehicles|véhicules|cars|voitures|robots|devices|appareils|"
                r"copies|exemplaires|scooters|bikes|vélos|drones|headsets|phones|smartphones|"
                r"chargers|batteries|commandes|précommandes)\b", _I), "units"),
]


# "9,000 teams pay for", "40 hospitals use", "moins de 500 payaient": customers (users when
# the noun is people); "works with 60 hospitals", "protège 2 000 entreprises": customers
_USE_AFTER = re.compile(
    r"^\s*(?:(?:[\w-]+\s+){0,3}?)(?:use|uses|using|pay|pays|paid|rely on|relies on|"
    r"subscribe|subscribed|signed up|sign up|have adopted|adopted|utilisent|utilisaient|"
    r"paient|payaient|ont adopté|font confiance|s['’]appuient)\b", _I)
_PEOPLE_NOUN = re.compile(r"^\s*(?:(?:[\w-]+\s+){0,2}?)(?:people|persons|personnes|"
                          r"individuals|particuliers|consumers|consommateurs)\b", _I)
_SERVE_BEFORE = re.compile(
    r"\b(?:serves?|served|serving|works? with|working with|travaill\w+ avec|protège\w*|"
    r"protéger|protects?|equips?|équipe\w*|sert|servir)\s+(?:(?:au moins|more than|over|"
    r"plus de|about|environ|près de|nearly|some|at least|quelque)\s+)?$", _I)


def count_metric_by_verb(sentence: str, start: int, end: int) -> str | None:
    """"customers"/"users" for a count whose verb says so, else None."""
    if _USE_AFTER.match(sentence[end:end + 60]):
        return "users" if _PEOPLE_NOUN.match(sentence[end:end + 40]) else "customers"
    if _SERVE_BEFORE.search(sentence[max(0, start - 40):start]):
        return "customers"
    return None


def find_metric_cues(sentence: str) -> list[tuple[str, int, int]]:
    """Every metric cue in ``sentence`` as (metric, start, end) (cached per sentence)."""
    return list(_cues(sentence))


@lru_cache(maxsize=512)
def _cues(sentence: str) -> tuple[tuple[str, int, int], ...]:
    cues = []
    for metric, pattern in _COMPILED.items():
        pos = 0
        while True:  # overlapping cues of one metric ("sold", "a vendu") all count
            m = pattern.search(sentence, pos)
            if not m:
                break
            cues.append((metric, m.start(), m.end()))
            pos = m.end() if m.end() > m.start() else m.start() + 1
    return tuple(cues)


def _fits(metric: str, unit: str) -> bool:
    if unit == "percent":
        return metric in PERCENT_METRICS or metric in ("profit", "customers", "users",
                                                        "employees", "revenue", "arr")
    if unit == "count":
        return metric in COUNT_METRICS or metric in ("churn", "growth")
    return metric in CURRENCY_METRICS


def metric_for(sentence: str, start: int, end: int, unit: str, noun: str | None = None) -> str:
    """The metric of the quantity at ``sentence[start:end]`` with ``unit``.

    Counts take their noun's metric first ("300 customers"). Otherwise the cue nearest
    the quantity wins among those that fit the unit; a cue right after the number
    ("$10M in ARR", "$10M ARR") or right before it ("valued at", "revenue of") is
    preferred. Percentages: "lost 70% of its customers" is churn, "grew 40%" growth.
    """
    if unit == "count":
        by_verb = count_metric_by_verb(sentence, start, end)
        if by_verb:
            return by_verb
        after = (noun or sentence[end:end + 40]).lstrip()
        for pattern, metric in _NOUN_METRIC:
            if pattern.match(after):
                return metric
    cues = [c for c in find_metric_cues(sentence) if _fits(c[0], unit)]
    if not cues:
        return "other"
    if unit == "percent":
        window = sentence[max(0, start - 60):min(len(sentence), end + 60)]
        churn = any(re.search(p, window, _I) for p in (r"\blost\b", r"\blosing\b", r"\bchurn",
                                                       r"\bperd", r"\bcancel", r"\bleft\b",
                                                       r"\bquitté", r"\brésili"))
        people = re.search(r"\b(?:customers?|clients?|users?|utilisateurs?|subscribers?|"
                           r"abonnés)\b", sentence[end:end + 40], _I)
        if churn and (people or "churn" in window.lower()):
            return "churn"

    def score(cue: tuple[str, int, int]) -> tuple[float, int]:
        metric, cs, ce = cue
        if ce <= start:
            distance, between = start - ce, sentence[ce:start]
        elif cs >= end:
            distance, between = cs - end, sentence[end:cs]
        else:
            distance, between = 0, ""
        if re.search(r"[,;:()]|\b(?:and|et|while|but|after|before|which|alors)\b", between):
            distance += 15  # a cue across a clause boundary binds less
        # specific metrics beat generic ones at equal distance
        priority = {"arr": 0, "gmv": 0, "bookings": 1, "units": 3, "valuation": 1, "churn": 1,
                    "revenue": 2, "profit": 2, "loss": 2, "funding": 3, "customers": 3,
                    "users": 3, "employees": 3, "growth": 4}[metric]
        if unit == "percent" and metric == "growth":
            distance *= 0.7
        return (distance + priority * 0.5, priority)

    return min(cues, key=score)[0]


_ORDINAL = {"1": 1, "2": 2, "3": 3, "4": 4, "first": 1, "second": 2, "third": 3, "fourth": 4,
            "premier": 1, "deuxième": 2, "troisième": 3, "quatrième": 4}
_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
_PERIOD_PATTERNS = [
    ("quarter", re.compile(r"\b(?:Q([1-4])|([1-4]|first|second|third|fourth|premier|deuxième|"
                           r"second|troisième|quatrième)(?:st|nd|rd|th|er|e|ème)? "
                           r"(?:quarter|trimestre))"
                           r"(?:\s+(?:of\s+|de\s+)?(?:fiscal\s+|FY\s?)?((?:19|20)\d\d))?", _I)),
    ("half", re.compile(r"\b(?:H([12])|(first|second|premier|second) (?:half|semestre))"
                        r"(?:\s+(?:of\s+|de\s+)?((?:19|20)\d\d))?", _I)),
    ("fiscal", re.compile(r"\b(?:fiscal(?: year)?|FY|exercice)\s?'?((?:19|20)?\d\d)\b", _I)),
    ("year", re.compile(r"(?:\b(?:in|during|for|by|en|pour|d['’]ici|of|fin|end of|à fin|(?:celui|celle|ceux|celles) de)\s+"
                        r"((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+(?:revenue|sales|ARR|results|"
                        r"turnover|chiffre)|\b(?:revenue|sales|ARR|chiffre d['’]affaires) "
                        r"(?:in |for |en |de )?((?:19|20)\d\d)\b)", _I)),
    ("first_year", re.compile(r"\b(?:in its|in their|during its|its|sa|en sa)\s+(first|"
                              r"première|premier) (?:full )?(?:year|année|an)\b", _I)),
    ("last_quarter", re.compile(r"\b(?:last|previous|past) quarter\b|\btrimestre dernier\b|"
                                r"\bdernier trimestre\b", _I)),
    ("last_year", re.compile(r"\blast year\b|\bl['’]an dernier\b|\bl['’]année dernière\b|"
                             r"\ben \d{4} dernier\b", _I)),
    ("monthly", re.compile(r"\b(?:per|a|each|every) month\b|\bmonthly\b|\bpar mois\b|"
                           r"\bmensuel(?:le|s|les)?\b|\bMRR\b", _I)),
    ("annual", re.compile(r"\b(?:per|a|each) year\b|\bannual(?:ly|ized)?\b|\bpar an\b|"
                          r"\bannuel(?:le|s|les)?\b", _I)),
]


# "annual recurring revenue" names a metric, not an annual period
_ARR_WORDS = re.compile(r"\bannual(?:ized)? recurring revenues?\b|\brevenus? récurrents? "
                        r"annuels?\b|\bannual run[- ]rate\b", _I)


# a span of years ("from 2021 to 2024", "over the 2020-25 period", "entre 2021 et 2023") and a
# span of several years with no year named ("over the four-year period", "sur trois ans"): a
# cumulative figure, not one year's
_SPAN = re.compile(r"\b(?:from|between|de|entre)\s+((?:19|20)\d\d)\s*(?:to|and|through|until|à|a|"
                   r"et|jusqu['’]en)\s+((?:19|20)?\d\d)\b|\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)?\d\d)"
                   r"\s+(?:period|période)\b|\b(?:the|la)\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)?\d\d)\b", _I)
_YEARS_WORDS = (r"two|three|four|five|six|seven|eight|nine|ten|\d|deux|trois|quatre|cinq|six|sept|"
                r"huit|neuf|dix")
_MULTI_YEAR = re.compile(rf"\b(?:over|across|during|in)\s+(?:the|a)\s+({_YEARS_WORDS})[- ]years?[- ]"
                         rf"(?:period|span|stretch)\b|\b(?:over|across)\s+(?:the\s+)?(?:past|last|"
                         rf"previous)\s+({_YEARS_WORDS})\s+years\b|\bsur\s+(?:une période de\s+|les\s+)?"
                         rf"({_YEARS_WORDS})\s+(?:dernières\s+)?(?:ans|années)\b", _I)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
                 "huit": 8, "neuf": 9, "dix": 10}


def _span(sentence: str, start: int | None) -> str | None:
    """"2021-2024" or "4 years" when the figure at ``start`` covers several years, else None."""
    for m in _SPAN.finditer(sentence):
        groups = [g for g in m.groups() if g]
        first, last = int(groups[0]), int(groups[1])
        last = last + 100 * (first // 100) if last < 100 else last
        if last > first and _same_clause(sentence, m, start):
            return f"{first}-{last}"
    m = _MULTI_YEAR.search(sentence)
    if m and _same_clause(sentence, m, start):
        word = next(g for g in m.groups() if g).lower()
        n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
        if n > 1:
            return f"{n} years"
    return None


def _same_clause(sentence: str, m: re.Match, start: int | None) -> bool:
    """True when ``m`` and the figure at ``start`` are not split by a sentence-level break."""
    if start is None:
        return True
    lo, hi = sorted((m.start(), start))
    return not re.search(r";|\.\s", sentence[lo:hi])


def period_for(sentence: str, published: date | None = None,
               start: int | None = None, end: int | None = None) -> tuple[str | None, date | None]:
    """(period, as_of) fixed by ``sentence``; (None, None) when it fixes none.

    "Q3 2024" -> ("Q3 2024", 2024-09-30); "in 2024" -> ("2024", 2024-12-31);
    "H1 2025" -> ("H1 2025", 2025-06-30); "first year" -> ("first year", None);
    "monthly"/"par mois" -> ("monthly", None); "last year" needs ``published`` for a date;
    "from 2021 to 2024" -> ("2021-2024", 2024-12-31); "over the three-year period" ->
    ("3 years", None). With ``start`` (the figure's offset), a sentence that names two years
    gives the figure the year named nearest before it ("2024 revenue was cut from A to B, and
    2023 sales from C to D": C and D are 2023's), unless one follows it at once ("$9M in 2025").
    """
    sentence = _ARR_WORDS.sub(" ", sentence)
    span = _span(sentence, start)
    if span is not None:
        return span, (date(int(span[-4:]), 12, 31) if span[0].isdigit() and "-" in span else None)
    for kind, pattern in _PERIOD_PATTERNS:
        matches = list(pattern.finditer(sentence)) if start is not None else []
        if len(matches) > 1:
            stop = end if end is not None else start
            right = [x for x in matches if stop <= x.start() <= stop + 12
                     and not re.search(r"[,;:()]|\b(?:and|et)\b", sentence[stop:x.start()])]
            before = [x for x in matches if x.start() <= start]
            m = right[0] if right else before[-1] if before else matches[0]
        else:
            m = matches[0] if matches else pattern.search(sentence)
        if not m:
            continue
        if kind == "quarter":
            q = _ORDINAL.get((m.group(1) or m.group(2)).lower())
            year = m.group(3)
            if year:
                month, day = _QUARTER_END[q]
                return f"Q{q} {year}", date(int(year), month, day)
            return f"Q{q}", None
        if kind == "half":
            h = m.group(1) or ("1" if m.group(2).lower() in ("first", "premier") else "2")
            year = m.group(3)
            if year:
                return f"H{h} {year}", date(int(year), 6 if h == "1" else 12, 30 if h == "1" else 31)
            return f"H{h}", None
        if kind == "fiscal":
            y = m.group(1)
            y = int(y) + 2000 if len(y) == 2 else int(y)
            return f"FY{y}", None
        if kind == "year":
            y = int(next(g for g in m.groups() if g))
            return str(y), date(y, 12, 31)
        if kind == "first_year":
            return "first year", None
        if kind == "last_quarter":
            return "last quarter", None
        if kind == "last_year":
            if published:
                y = published.year - 1
                return str(y), date(y, 12, 31)
            return "last year", None
        return kind, None
    return None, None
