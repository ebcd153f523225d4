"""Words that are figures: "no human intervention" (100% automated), "detects every threat"
(100% accuracy), "never misses" / "zero false alarms" (0% errors), "none had been sold" (0 units).

``word_figures(sentence)`` returns them as :class:`Quantity` objects (``text`` is the phrase, no
digit in it) so the claim pipeline treats them like written figures; ``word_metric(text)`` says
which metric such a phrase states. Conservative on purpose: a phrase only counts in a sentence
about a metric it recognises (tasks handled by an AI, a detection, a product sold or delivered)
and only when the clause does not already give the figure in digits ("handles 90% of calls
without a human" is a 90% automation rate, not 100%).
"""

from __future__ import annotations

import re

from claimwatch.extractors.models import Quantity

__all__ = ["clause_bounds", "has_word_figure", "with_word_figures", "word_figures", "word_metric"]

_I = re.IGNORECASE

_AUTOMATED = re.compile(
    r"\b(?:(?:with(?:out)?|with no|needing no|requiring no|no need for)\s+(?:any\s+|a\s+)?"
    r"(?:human|people|person|staff|manual)\s*(?:intervention|involvement|help|input|"
    r"assistance|oversight|review|agents?|operators?)?|no human (?:intervention|involvement|"
    r"help|input|assistance|oversight|review|agents?|operators?)|"
    r"(?:entirely|fully|completely|totally|wholly) (?:automated|autonomous(?:ly)?|on (?:its|their) "
    r"own|by (?:itself|the AI|AI|its AI|software|machines?))|"
    r"sans (?:aucune |la moindre |d['’])?(?:intervention|aide|assistance) humaine|"
    r"sans (?:aucun |le moindre )?(?:humain|opérateur humain|être humain)|"
    r"(?:entièrement|totalement|complètement|100 ?%) (?:automatisée?s?|autonomes?)|"
    r"en (?:totale|complète|parfaite) autonomie)\b", _I)
_TASKS = re.compile(
    r"\b(?:orders?|tasks?|requests?|calls?|conversations?|queries|interactions?|transactions?|"
    r"tickets?|chats?|checkouts?|purchases|deliveries|reviews|code|apps?|applications?|"
    r"commandes?|tâches?|demandes?|appels?|requêtes?|dossiers?|livraisons?|achats?|"
    r"applications?|logiciels?)\b", _I)
_HANDLES = re.compile(
    r"\b(?:handl\w+|process\w*|tak(?:e|es|ing)|took|answer\w*|fulfil\w*|complet\w+|resolv\w+|"
    r"run(?:s|ning)?|ran|manag\w+|writ(?:e|es|ing)|wrote|built|build\w*|generat\w+|"
    r"produc\w+|deliver\w*|operat\w+|does|did|done|traite\w*|gère\w*|gérer|géré\w*|prend\w*|pris|"
    r"répond\w*|exécut\w+|réalis\w+|produi\w+|génér\w+|écri\w+|construi\w+|livr\w+)\b", _I)
_AI_CONTEXT = re.compile(r"\bAI\b|\bA\.I\.|artificial intelligence|\bIA\b|intelligence "
                         r"artificielle|\bbots?\b|\bchatbots?\b|\bassistant\b|\bsoftware\b|"
                         r"\bplatform\b|\bsystem\b|\balgorithm\w*|\bmachine\b|\bautomat\w+|"
                         r"\bplateforme\b|\bsystème\b|\blogiciel\b|\brobots?\b", _I)

_DETECT_ALL = re.compile(
    r"\b(?:detect\w*|catch(?:es|ing)?|caught|identif\w+|flag\w*|spot\w*|find(?:s|ing)?|found|"
    r"stop(?:s|ped|ping)?|block\w*|intercept\w*|recogni[sz]\w*|détect\w*|repèr\w*|repér\w*|"
    r"identifi\w*|intercept\w*|bloqu\w*|arrêt\w*|reconna\w+)\s+(?:\w+\s+){0,2}?"
    r"(?P<all>every|each and every|all(?: the)?|any|tous les|toutes les|chaque|n['’]importe "
    r"(?:quel|quelle)(?:le)?s?)\s+(?:single\s+|possible\s+|seul(?:e)?\s+)?(?P<noun>[\w-]+)", _I)
_DETECT_NOUNS = re.compile(
    r"^(?:weapons?|threats?|guns?|firearms?|knives|knife|bombs?|explosives?|objects?|items?|"
    r"errors?|bugs?|fraud\w*|attacks?|intrusions?|cancers?|tumou?rs?|cases?|anomal\w+|"
    r"defects?|faces?|intruders?|malware|viruses?|spam|fakes?|deepfakes?|armes?|menaces?|"
    r"couteaux?|objets?|erreurs?|fraudes?|attaques?|intrusions?|anomalies?|défauts?|visages?|"
    r"virus|fausses?|faux)$", _I)
_ALL_NOUN = re.compile(r"(?:every|each and every|all(?: the)?|any|tous les|toutes les|chaque|"
                       r"n['’]importe (?:quel|quelle)(?:le)?s?)\s+(?:single\s+|possible\s+|"
                       r"seul(?:e)?\s+)?[\w-]+", _I)
_NEVER_MISS = re.compile(
    r"\b(?:never|not once)\s+(?:once\s+)?(?:miss(?:es|ed)?|fail(?:s|ed)? to (?:detect|catch|"
    r"identify|flag|spot))\b|\b(?:zero|no)\s+false\s+(?:alarms?|positives?|negatives?|alerts?)\b|"
    r"\bne\s+(?:rate|manque|laisse passer)\s+jamais\b|\bjamais\s+(?:raté|manqué)\b|"
    r"\b(?:zéro|aucune?)\s+(?:fausses? alertes?|faux (?:positifs?|négatifs?))\b", _I)
_ZERO_COUNT = re.compile(
    r"\b(?P<zero>none|zero|not a single|not one|aucune?|pas un seul|pas une seule|zéro|"
    r"(?<=not )(?:\w+ )?a single|(?<=n['’]t )(?:\w+ )?a single|(?<=never )(?:\w+ )?a single)"
    r"(?:\s+(?:of\s+(?:the|its|their|those|these)\s+)?(?P<noun>[\w-]+))?"
    r"(?P<rest>[^.;,]{0,50})", _I)
_SOLD_VERB = re.compile(
    r"\b(?:sold|delivered|shipped|built|produced|deployed|registered|signed up|paid|"
    r"vendue?s?|livrée?s?|expédiée?s?|construite?s?|produite?s?|déployée?s?|commandée?s?|"
    r"écoulée?s?|immatriculée?s?)\b", _I)
_COUNT_NOUN = re.compile(
    r"^(?:units?|trucks?|cars?|vehicles?|devices?|robots?|orders?|pre-?orders?|reservations?|"
    r"customers?|clients?|users?|subscribers?|copies|products?|camions?|voitures?|véhicules?|"
    r"appareils?|unités?|exemplaires?|commandes?|précommandes?|réservations?|utilisateurs?|"
    r"abonnés?|produits?|robots?)$", _I)
_ALMOST = re.compile(r"\b(?:almost|nearly|virtually|practically|little|minimal|limited|"
                     r"reduced|less|fewer|presque|quasi(?:ment)?|peu|moins|réduite?)\b", _I)
_DIGIT_PERCENT = re.compile(r"\d\s*(?:%|percent|per cent|pour cent)", _I)
_CUT = re.compile(r";|,\s*(?:but|while|whereas|mais|alors que|tandis que)\b|\b(?:but|mais)\b",
                  _I)
_QUICK = re.compile(
    r"human|humain|automat|autonom|on (?:its|their) own|every|each|\ball\b|\bany\b|tous|toutes|"
    r"chaque|n['’]importe|never|jamais|false|fausse|faux|none|zero|zéro|single|not one|"
    r"aucun|pas un", _I)


def has_word_figure(sentence: str) -> bool:
    """True when ``sentence`` may hold a word figure (cheap: a parse is worth it)."""
    return bool(_QUICK.search(sentence)) and bool(word_figures(sentence))


# people going over every task: "contractors reviewed every transaction", "des humains vérifiaient
# chaque commande" (100% human involvement)
_HUMANS = re.compile(r"\b(?:humans?|people|workers?|staff(?:ers)?|employees?|contractors?|agents?|"
                     r"operators?|reviewers?|engineers?|humains?|personnes?|salariés?|employés?|"
                     r"opérateurs?|sous-traitants?|agents?|ingénieurs?)\b", _I)
_REVIEW_ALL = re.compile(
    r"\b(?:review\w*|check\w*|verif\w*|handl\w*|process\w*|label\w*|annotat\w*|approv\w*|"
    r"watch\w*|monitor\w*|vérifi\w*|contrôl\w*|trait\w*|valid\w*|relis\w*|relu\w*|annot\w*|"
    r"supervis\w*)\s+(?:\w+\s+)?(?P<all>every|each|all(?: the)?|chaque|toutes les|tous les)\s+"
    r"(?:single\s+)?(?P<noun>orders?|transactions?|tasks?|requests?|calls?|conversations?|"
    r"tickets?|purchases?|receipts?|videos?|images?|messages?|e-?mails?|recordings?|"
    r"documents?|apps?|commandes?|transactions?|tâches?|demandes?|appels?|achats?|vidéos?|"
    r"images?|enregistrements?|documents?)\b", _I)


def word_metric(text: str) -> str | None:
    """The metric a word-figure phrase states: "automation_rate", "accuracy", "error_rate",
    "count" (a zero count whose metric the sentence decides), or None for other text."""
    if _REVIEW_ALL.fullmatch(text.strip()):
        return "human_involvement"
    if _NEVER_MISS.fullmatch(text.strip()):
        return "error_rate"
    if _AUTOMATED.fullmatch(text.strip()):
        return "automation_rate"
    if _ALL_NOUN.fullmatch(text.strip()):
        return "accuracy"
    if _ZERO_COUNT.match(text.strip()) and re.fullmatch(
            r"(?:none|zero|not a single|a single|not one|aucune?|pas un seul|pas une seule|zéro)"
            r"(?:\s+[\w-]+)?", text.strip(), _I):
        return "count"
    return None


def clause_bounds(sentence: str, start: int, end: int, cut: re.Pattern = _CUT) -> tuple[int, int]:
    """(start, end) of the clause of ``sentence`` holding ``sentence[start:end]``: the text between
    the last ``cut`` match before it and the first one after it."""
    lo, hi = 0, len(sentence)
    for m in cut.finditer(sentence):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _clause(sentence: str, start: int, end: int) -> str:
    lo, hi = clause_bounds(sentence, start, end)
    return sentence[lo:hi]


def _q(sentence: str, start: int, end: int, value: float, unit: str, noun: str | None) -> Quantity:
    return Quantity(sentence[start:end], start, end, value, value, value, unit, None, noun)


def word_figures(sentence: str, language: str | None = None) -> list[Quantity]:
    """The word figures of ``sentence`` (any language: the patterns cover English and French)."""
    if not _QUICK.search(sentence):
        return []
    found: list[Quantity] = []
    for m in _AUTOMATED.finditer(sentence):
        if _ALMOST.search(sentence[max(0, m.start() - 25):m.start() + 12]):
            continue  # "almost no human intervention" is no figure
        clause = _clause(sentence, m.start(), m.end())
        if _DIGIT_PERCENT.search(clause):
            continue  # the clause gives the rate in digits
        if _TASKS.search(clause) and _HANDLES.search(clause) and _AI_CONTEXT.search(sentence):
            here = m.start() - sentence.find(clause)
            task = min(_TASKS.finditer(clause), key=lambda t: abs(t.start() - here)).group(0).lower()
            found.append(_q(sentence, m.start(), m.end(), 100.0, "percent", task))
    for m in _REVIEW_ALL.finditer(sentence):
        clause = _clause(sentence, m.start(), m.end())
        if _DIGIT_PERCENT.search(clause) or not _HUMANS.search(clause[:clause.find(m.group(0))]
                                                              or clause):
            continue
        found.append(_q(sentence, m.start(), m.end(), 100.0, "percent", m.group("noun").lower()))
    for m in _DETECT_ALL.finditer(sentence):
        if not _DETECT_NOUNS.match(m.group("noun")):
            continue
        clause = _clause(sentence, m.start(), m.end())
        if _DIGIT_PERCENT.search(clause):
            continue
        found.append(_q(sentence, m.start("all"), m.end("noun"), 100.0, "percent",
                        m.group("noun").lower()))
    for m in _NEVER_MISS.finditer(sentence):
        clause = _clause(sentence, m.start(), m.end())
        if _DIGIT_PERCENT.search(clause):
            continue
        found.append(_q(sentence, m.start(), m.end(), 0.0, "percent", None))
    for m in _ZERO_COUNT.finditer(sentence):
        noun = m.group("noun")
        rest = m.group("rest") or ""
        counted = noun if noun and _COUNT_NOUN.match(noun) else None
        if not (_SOLD_VERB.search((m.group("zero") + " " + (noun or "") + " " + rest)[:70])
                or _SOLD_VERB.search(sentence[max(0, m.start() - 25):m.start()])):
            continue
        if noun and not counted and not re.match(
                r"(?:had|has|have|was|were|is|are|of|a|n['’]|ne|été|been)$", noun, _I):
            continue  # "zero interest loans were paid": the word qualifies another noun
        end = m.end("noun") if counted else m.end("zero")
        start = m.start("zero")
        if m.group("zero").lower().endswith("a single"):
            start = m.end("zero") - len("a single")  # "has not sold a single unit"
        found.append(_q(sentence, start, end, 0.0, "count",
                        counted.lower() if counted else "units"))
    found.sort(key=lambda q: q.start)
    return found


_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
          "sept": 7, "huit": 8, "neuf": 9, "dix": 10}
_SMALL_RE = r"\d{1,3}|" + "|".join(_SMALL)
# "7 in 10 orders", "nine out of ten users", "sept commandes sur dix": a share
_RATIO = re.compile(
    rf"\b(?P<n>{_SMALL_RE})\s+(?:(?!out\b|of\b|in\b|sur\b)(?P<noun1>[a-zà-ÿ-]{{3,}})\s+)?(?:in|out of|of every|in every|"
    rf"out of every|sur|sur chaque)\s+(?P<d>1,000|1000|100|{_SMALL_RE})\b"
    rf"(?:\s+(?P<noun2>(?-i:[a-zà-ÿ-]{{3,}}(?:\s+[a-zà-ÿ-]{{3,}})?)))?", _I)


def _number(word: str) -> float | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return float(word)
    return float(_SMALL[word]) if word in _SMALL else None


def ratio_figures(sentence: str) -> list[Quantity]:
    """Shares written as a ratio ("7 in 10 orders", "neuf clients sur dix") as percentages."""
    found = []
    for m in _RATIO.finditer(sentence):
        n, d = _number(m.group("n")), _number(m.group("d"))
        if not n or not d or n > d or d not in (2, 3, 4, 5, 10, 100, 1000):
            continue
        noun = m.group("noun1") or (m.group("noun2").split()[-1] if m.group("noun2") else None)
        if noun and noun.lower() in ("the", "les", "des", "and", "et", "of", "de"):
            noun = None
        if m.group("noun1") and not re.search(r"sur", m.group(0), _I):
            continue  # "3 rounds in 10 years" is no share
        end = m.end("d")
        found.append(Quantity(sentence[m.start():end], m.start(), end, round(100 * n / d, 2),
                              round(100 * n / d, 2), round(100 * n / d, 2), "percent", None,
                              noun.lower() if noun else None))
    return found


def with_word_figures(quantities: list[Quantity], sentence: str,
                      language: str | None = None) -> list[Quantity]:
    """``quantities`` (found in digits or number words) plus the word figures of ``sentence``
    that overlap none of them, in text order; a ratio ("7 in 10 orders") replaces the two
    counts it is written with."""
    ratios = ratio_figures(sentence)
    if ratios:
        quantities = [q for q in quantities
                      if not any(r.start <= q.start and q.end <= r.end for r in ratios)]
        quantities = quantities + [r for r in ratios
                                   if not any(r.start < q.end and q.start < r.end for q in quantities)]
    extra = [w for w in word_figures(sentence, language)
             if not any(w.start < q.end and q.start < w.end for q in quantities)]
    return sorted(quantities + extra, key=lambda q: q.start) if (extra or ratios) else quantities
