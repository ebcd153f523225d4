"""Find quantities (money, percentages, counts, measures) in English or French text.

Pure regex, no spaCy, no I/O. ``find_quantities(text, language)`` returns
:class:`~claimwatch.extractors.models.Quantity` objects whose ``start``/``end``/``text`` cover the
number with its currency sign or word, multiplier and unit ("US$10M", "1,5 milliard d'euros",
"75 %"), but NOT the hedge words before it ("about", "plus de") nor the noun of a count.

Bounds (``value_low``/``value_high``) by hedge:

* exact figure: low = high = value; range "70 to 80%", "entre 3 et 5": low/high, value = midpoint
* ``nearly`` (nearly, almost, close to, près de, presque): low = 0.9 * value, high = value
* ``about`` (about, around, roughly, some, environ, quelque, autour de): value +/- 10 %
* ``more_than`` (more than, over, above, plus de, au-delà de) and ``at_least`` (at least,
  au moins): low = value, high = None
* ``up_to`` (up to, as much as, jusqu'à) and ``less_than`` (less than, under, moins de):
  low = None, high = value
* ``vague`` ("millions of users", "des milliers de clients"): low = scale, high = 10 * scale,
  value = low

Units: ISO 4217 codes ("$" is USD unless "C$", "A$", "HK$"...; "¥" is JPY), "percent",
"count" (``noun`` holds the following noun when there is one; a bare number has noun None),
or a canonical lower-case measure ("km", "kg", "gb", "hour", "year", "point", "USD/share").
Fractions ("a third of", "la moitié des") are reported as percent. "from X to Y" is a
change, reported as two quantities (sharing the multiplier: "from $10 to $15 billion"), except
after "range(s)/ranging/vary" ("prices range from $X to $Y", "allant de"), which is a range.
"sixfold", "multiplié par 3" have unit "x"; ages ("Maddon, 66,", "aged 66", "54 ans,") unit
"years old"; a count's noun may sit after modifiers ("3 new customers") and becomes the unit
when it is a measure ("517 rushing yards"). A 4-digit number is a year only in a year context
(see :func:`extractors.quantity_context.is_year`). Dates, times, ordinals, phone and version
numbers and digits glued to names ("GPT-4", "11x", "Web3", "3M Company") are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimwatch.extractors.models import Quantity
from claimwatch.extractors.numbers import MULTIPLIERS, NUMBER_WORDS, parse_numeral, parse_number_words
from claimwatch.extractors.quantity_money import (
    CENTS_AFTER_RE, CHANGE_BEFORE_RE, DOLLAR_CI, DOLLAR_CI_RE, FRAC_MULT_RE, ISO_AFTER_RE,
    NAME_AFTER_RE, SUBUNIT_RE, VIDEO_LINES, plural_soon,
)
from claimwatch.extractors.quantity_context import (
    COUNT_MODIFIERS, FOLD_RE, bounds as _bounds, fold_value, hedge_before as _hedge, is_age,
    is_index_level,
    is_range_from, is_year, negated_by_word, noun_after as _noun_after,
)
from claimwatch.extractors.quantity_units import (
    BUSINESS_NOUNS, CASE_SENSITIVE_UNITS, CURRENCY_PREFIXES, CURRENCY_SUFFIX_SIGNS,
    CURRENCY_WORDS, HEDGES, MEASURE_UNITS, MONTHS, PER_UNITS, STOP_WORDS, SUBUNITS,
    alternation,
)

__all__ = ["find_quantities"]

_MAX_LEN = 200_000

_NUM_RE = {
    "en": re.compile(r"(?<![\d.,_])(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,]\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?|\.\d+)"),
    "fr": re.compile(
        r"(?<![\d.,_])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d])|\d{1,3}(?:\.\d{3})+(?![\d,.])"
        r"|\d+(?:[.,]\d+)?)"),
}
_WORD_RUN_RE = {
    lang: re.compile(
        rf"(?<![\w-])(?:{alternation(NUMBER_WORDS[lang])})(?:(?:\s+|-|\s+(?:and|et)\s+)"
        rf"(?:{alternation(NUMBER_WORDS[lang])}))*(?![\w])(?!-(?:{alternation(NUMBER_WORDS[lang])})\b)",
        re.I)
    for lang in ("en", "fr")
}
_VAGUE = {"dozens": 12, "tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
          "billions": 1e9, "dizaines": 10, "centaines": 100, "milliers": 1e3, "milliards": 1e9}
_VAGUE_RE = re.compile(
    r"(?<![\w-])(?:(?:des|plusieurs|quelques)\s+(dizaines|centaines|milliers|millions|milliards)"
    r"(?:\s+de\s+(milliers|millions|milliards))?(?=\s+(?:de|d['’]))|(dozens|tens|hundreds|thousands|millions|billions)"
    r"(?:\s+of\s+(thousands|millions|billions))?(?=\s+of\b))", re.I)
_FRACTIONS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3,
              "one third": 100 / 3, "two thirds": 200 / 3, "two-thirds": 200 / 3,
              "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0,
              "three-quarters": 75.0, "la moitié": 50.0, "un tiers": 100 / 3,
              "deux tiers": 200 / 3, "un quart": 25.0, "trois quarts": 75.0}
_FRACTION_RE = re.compile(rf"(?<![\w-])({alternation(_FRACTIONS)})(?=\s+(?:of|de|d['’]|des|du)\b)",
                          re.I)

_MASK_RES = [
    re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?", re.I),  # times
    re.compile(r"\b\d{1,2}\s*[ap]\.?m\b\.?", re.I),
    re.compile(r"\b\d{1,2}h\d{2}\b"),
    re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"),  # dates
    re.compile(r"\b\d+(?:\.\d+){2,}\b"),  # versions 1.2.3
    re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[.-]\d{4}\b"),  # phones
    re.compile(r"\b0\d(?:[ .]\d{2}){4}\b"),
    re.compile(r"\+\d{1,3}(?:[\s.-]?\d{1,4}){3,}"),
    re.compile(r"\b\d{3}-\d{4}\b"),
    re.compile(r"https?://\S+|www\.\S+|\S+@\S+"),
]

_PREFIX_RE = re.compile(rf"(?:{alternation(CURRENCY_PREFIXES)})\s?$")
_SUFFIX_SIGN_RE = re.compile(rf"\s?({alternation(CURRENCY_SUFFIX_SIGNS)})")
_CURRENCY_WORD_RE = re.compile(
    rf"(?:-|\s*(?:(?:of|de|d['’])\s*)?)({alternation(CURRENCY_WORDS)})(?![\w])", re.I)
_PERCENT_RE = re.compile(r"\s?(%|percent(?!age)|per\s?cent|pour(?:\s|-)cent|pct\b)", re.I)
_MULT_WORD_RE = re.compile(
    r"(?:\s|-(?=[a-z]))?(hundred|thousand|millions?|billions?|trillions?|milliards?|mille|mds?|mrds?|mn|bn|tn|mio|"
    r"lakhs?|crores?)"
    r"(?![\w])",
    re.I)
_SPACED_SIGN_MULT_RE = re.compile(r"[\s\u00a0\u202f](M|Md|Mds|Mrd|k|K|Mn|Bn|bn|mn)(?=\s?[€$£])")
_MULT_ATTACHED_RE = re.compile(r"(k|K|m|M|mn|bn|B|b|Md|Mds|Mrd|tn)(?![A-Za-z])")
_MEASURE_RE = re.compile(rf"\s?-?({alternation(MEASURE_UNITS)})(?![\w/²])", re.I)
_MEASURE_CS_RE = re.compile(rf"\s?({alternation(CASE_SENSITIVE_UNITS)})(?![\w])")
_PER_RE = re.compile(rf"[\s-]*(?:per|a|an|/|par|l['’]|le|la|each)[\s-]*({alternation(PER_UNITS)})s?(?![\w])",
                     re.I)
_ONE_OF_RE = re.compile(
    r"\s+(?:of|des|d['’]entre)\s+(?:the|its|his|her|their|our|my|your|these|those|les|ses|leurs|nos)"
    r"(?:\s+(?:most|best|few|very|biggest|largest|oldest|first|top))?(?=\s)", re.I)
_WORD_RE = re.compile(r"\s+([^\W\d_][\w'’-]*)")
_BETWEEN_RE = re.compile(r"(?<![\w])(between|entre)\s+$", re.I)
_FROM_RE = re.compile(r"(?<![\w])(from|de|d['’]|du|passant de|passé de)\s*$", re.I)
_RANGE_SEP_RE = re.compile(r"\s*(?:-|–|—|to|à|a|and|et|or|ou)\s*", re.I)
_CAP_WORD_RE = re.compile(r"([A-Za-zÀ-ÿ][\w'’-]*)[\s\u00a0]+$")
_MONTH_AFTER_RE = re.compile(rf"[\s\u00a0]+({'|'.join(sorted(MONTHS, key=len, reverse=True))})\b\.?",
                             re.I)
_ORDINAL_BEFORE_RE = re.compile(r"\b(?:first|second|final|last|latter|former|other|back|front)\s+$",
                                re.I)
_TIME_PER = {"second", "minute", "hour", "day", "week", "month", "year", "game"}
_AMPM_RE = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b)", re.I)
_FUNCTION_CAPS = {w.capitalize() for w in STOP_WORDS} | {
    h.split()[0].capitalize() for lang in HEDGES for h in HEDGES[lang]} | {
    "Some", "Only", "About", "Around", "Nearly", "Almost", "Over", "Roughly", "Just", "All",
    "Environ", "Près", "Plus", "Moins", "Quelque", "Seulement", "Entre", "Between", "Top"}


@dataclass
class _Cand:
    start: int
    end: int
    value: float
    unit: str | None = None
    noun: str | None = None
    mult: float = 1.0
    word: bool = False  # written in words
    raw: str = ""
    vague: bool = False


def find_quantities(text: str, language: str = "en") -> list[Quantity]:
    """Every quantity in ``text`` (``language`` "en" or "fr"), in order of appearance.

    Never raises: malformed input gives fewer results, not an exception.
    """
    if not isinstance(text, str) or not text:
        return []
    lang = "fr" if str(language).lower().startswith("fr") else "en"
    text = text[:_MAX_LEN]
    try:
        return _find(text, lang)
    except Exception:  # noqa: BLE001 - a parser bug must not stop a pipeline
        return []


def _find(text: str, lang: str) -> list[Quantity]:
    masked = _masked_spans(text)
    cores: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for m in _VAGUE_RE.finditer(text):
        words = [w for w in m.groups() if w]
        prev = re.search(r"([\w,.]+)\s+$", text[max(0, m.start() - 20):m.start()])
        if prev and (prev.group(1)[-1:].isdigit() or prev.group(1).lower() in NUMBER_WORDS[lang]):
            continue
        scale = 1.0
        for w in words:
            scale *= _VAGUE[w.lower()]
        cores.append(_Cand(m.start(), m.end(), scale, mult=scale, raw=m.group(0), vague=True,
                           word=True))
        taken.append((m.start(), m.end()))
    for m in FRAC_MULT_RE.finditer(text):  # "a quarter million", "three quarters billion"
        num = {"three": 3, "two": 2}.get((m.group(1) or "a").lower(), 1)
        den = 4 if m.group(2).lower().startswith("quarter") else 3
        scale = MULTIPLIERS[m.group(3).lower()]
        s0 = m.start(1) if m.group(1) else m.start(2)
        cores.append(_Cand(s0, m.end(), num / den * scale, mult=scale, word=True,
                           raw=text[s0:m.end()]))
        taken.append((s0, m.end()))
    for m in _FRACTION_RE.finditer(text):
        if _ORDINAL_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "the second half of the year" is a period, not a share
        if not _overlaps(m.start(), m.end(), taken):
            cores.append(_Cand(m.start(), m.end(), _FRACTIONS[m.group(1).lower()], "percent",
                               word=True, raw=m.group(0)))
            taken.append((m.start(), m.end()))
    for m in FOLD_RE.finditer(text):
        fv = fold_value(m, lang)
        if fv and not _overlaps(m.start(), m.end(), taken):
            cores.append(_Cand(m.start(), m.end(), fv[0], "x", word=True, raw=m.group(0)))
            taken.append((m.start(), m.end()))
    for m in _NUM_RE[lang].finditer(text):
        if _overlaps(m.start(), m.end(), masked) or _overlaps(m.start(), m.end(), taken):
            continue
        v = parse_numeral(m.group(0), lang)
        if v is not None:
            cores.append(_Cand(m.start(), m.end(), v, raw=m.group(0)))
    for m in _WORD_RUN_RE[lang].finditer(text):
        c = _word_core(m, lang)
        if c and not _overlaps(c.start, c.end, taken):
            cores.append(c)
    cores.sort(key=lambda c: c.start)

    out: list[Quantity] = []
    i = 0
    consumed_until = -1
    while i < len(cores):
        c = cores[i]
        i += 1
        if c.start < consumed_until:
            continue
        try:
            q, end, skip = _build(text, lang, c, cores, i - 1)
        except (ValueError, OverflowError, IndexError):
            continue
        consumed_until = max(consumed_until, end)
        i += skip
        if q is not None:
            out.append(q)
    return out


def _word_core(m: re.Match, lang: str) -> _Cand | None:
    """A number-word run as a core, trimming stray articles and joiners at its edges."""
    toks = [(t.group(0), t.start(), t.end()) for t in re.finditer(r"[^\W\d_]+", m.group(0))]
    lead = {"a", "an", "un", "une", "and", "et"}
    while toks and toks[-1][0].lower() in lead | {"half", "demi"}:
        toks.pop()
    while len(toks) > 1 and toks[0][0].lower() in {"and", "et"}:
        toks.pop(0)
    if not toks:
        return None
    words = [t[0].lower() for t in toks]
    if words[0] in lead and len(words) > 1 and words[1] not in (
            "hundred", "thousand", "million", "billion", "trillion", "dozen", "half",
            "mille", "million", "milliard", "douzaine"):
        toks.pop(0)
        words.pop(0)
    if not words or all(w in lead | {"half", "demi"} for w in words):
        return None
    if lang == "fr" and words == ["cent"]:
        return None
    if words in (["millions"], ["billions"], ["thousands"], ["hundreds"], ["dozens"], ["milliards"]):
        return None
    v = parse_number_words(words, lang)
    if v is None:
        return None
    start = m.start() + toks[0][1]
    end = m.start() + toks[-1][2]
    return _Cand(start, end, v, word=True, raw=m.string[start:end])


def _masked_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for rx in _MASK_RES:
        spans.extend((m.start(), m.end()) for m in rx.finditer(text))
    return spans


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


def _extend(text: str, lang: str, c: _Cand, in_range: bool = False) -> _Cand | None:
    """Attach multiplier, currency, percent, unit and noun around a core; None to reject."""
    s, e, v = c.start, c.end, c.value
    before = text[max(0, s - 12):s]
    minus = not c.word and c.unit is None and negated_by_word(before, lang)
    # Glued to a word on the left: "GPT-4", "COVID-19", "F-150", "Q3".
    if re.search(r"[A-Za-zÀ-ÿ_]-?$", before) and not _PREFIX_RE.search(before) and not minus \
            and not re.search(r"\b(?:sub|under|over|top|mid)-$", before, re.I):
        return None
    if re.search(r"(?:[#№/:]|\bNo\.\s?)$", before) or (
            not in_range and re.search(r"\d[-–/:.]$", before)):
        return None
    if c.word and c.raw[:1].isupper() and re.search(r"[a-z,]\s+$", before):
        return None  # "Kick Six", "Big Ten": a name, not a number
    if not c.word and re.search(r"[-−]$", before) and re.search(r"(?:^|[\s(])[-−]$", before):
        v = -v
        s -= 1
    cur = None
    pm = _PREFIX_RE.search(text, max(0, s - 8), s)
    glyph = None
    if pm and not c.word:
        glyph = re.sub(r"\s$", "", pm.group(0))
        if glyph == "PS" and (not re.match(r"\d", text[c.start - 1:c.start]) and
                              re.search(r"\w$", text[max(0, pm.start() - 1):pm.start()])):
            return None
        cur = CURRENCY_PREFIXES[glyph]
        s = pm.start()
        if glyph in ("$", "US$", "C$", "HK$", "AU$", "NZ$"):
            ci = DOLLAR_CI_RE.search(text, max(0, c.start - 12), c.start)
            if ci:
                cur, s = DOLLAR_CI[ci.group(1).lower()], ci.start()
    after = text[e:e + 40]
    unit = c.unit
    mult = c.mult if c.vague else 1.0
    attached_letter_mult = False
    if not c.word and after[:1].isalpha():
        am = _MULT_ATTACHED_RE.match(after)
        mm = _MEASURE_RE.match(after) or _MEASURE_CS_RE.match(after)
        if after[:1] in "Mm" and _SUFFIX_SIGN_RE.match(after, 1):
            mult, e = 1e6, e + 1
        elif am and am.group(1).lower() in MULTIPLIERS:
            mult = MULTIPLIERS[am.group(1).lower()]
            e += am.end()
            attached_letter_mult = True
        elif mm and mm.start(1) == 0:
            unit = MEASURE_UNITS.get(mm.group(1).lower()) or CASE_SENSITIVE_UNITS.get(mm.group(1))
            e += mm.end()
        elif re.match(r"pc\b", after):
            unit, e = "percent", e + 2
        elif (im := ISO_AFTER_RE.match(after)) and cur is None:  # "115USD", "30MEUR"
            cur, e = im.group(2), e + im.end()
            mult = 1e6 if im.group(1) == "M" else 1e3 if im.group(1) == "k" else 1.0
        elif re.match(r"p(?![\w])", after) and cur is None and lang == "en" and \
                v not in VIDEO_LINES:  # "164p": pence
            unit, v, e = "GBP", v / 100, e + 1
        else:
            return None  # "11x", "22nd", "5G", "1er"
    elif not c.word and c.unit is None and (sp := _SPACED_SIGN_MULT_RE.match(text, e)):
        mult, e = MULTIPLIERS[sp.group(1).lower()], e + len(sp.group(0))
    elif not c.word and c.unit is None:
        wm = _MULT_WORD_RE.match(text, e)
        if wm:
            key = wm.group(1).lower()
            single = key in ("mn", "bn", "tn", "mio", "md", "mds", "mrd", "mrds")
            mult = MULTIPLIERS.get(key, 100.0 if key == "hundred" else 1.0)
            e = wm.end()
            if key == "hundred" and (wm2 := _MULT_WORD_RE.match(text, e)) and \
                    wm2.group(1).lower() in ("thousand", "million", "billion", "trillion"):
                mult, e = mult * MULTIPLIERS[wm2.group(1).lower()], wm2.end()
            if single and not cur and not _CURRENCY_WORD_RE.match(text, e) and not \
                    _SUFFIX_SIGN_RE.match(text, e):
                return None if key in ("md", "mds") and lang == "en" else _Cand(
                    s, e, v * mult, "count", None, mult)
    elif c.word:
        mult = 1.0
    if glyph == "PS" and mult == 1.0 and "," not in c.raw:
        return None
    value = v * mult
    if unit is None:
        sm = _SUFFIX_SIGN_RE.match(text, e)
        cw = _CURRENCY_WORD_RE.match(text, e)
        if cur is None and sm and not re.match(r"[\w$€£]", text[sm.end():sm.end() + 1]):
            cur, e = CURRENCY_SUFFIX_SIGNS[sm.group(1)], sm.end()
        elif cw and (cur is None or cw.group(1).lower() in ("usd", "us dollars")) and (
                not re.match(r"\s*(?:of\b|de\b|d['’])", text[e:e + 4], re.I) or mult > 1 or
                c.vague or (c.word and v >= 1e6)):  # "le milliard d'euros"
            word = cw.group(1).lower()
            if not (word in ("pounds",) and re.match(r"\s*(?:of|lb)", text[cw.end():], re.I)):
                cur, e = CURRENCY_WORDS[word], cw.end()
                wm = _MULT_WORD_RE.match(text, e)
                if wm and mult == 1 and cw.group(1).isupper() and not c.word:  # "75 USD million"
                    mult = MULTIPLIERS.get(wm.group(1).lower(), 1.0)
                    value, e = v * mult, wm.end()
        elif cur is None and mult == 1 and (im := ISO_AFTER_RE.match(text, e)) and \
                im.group(1) == "M":  # "30 MUSD", "120 MEUR"
            cur, mult, e = im.group(2), 1e6, im.end()
            value = v * mult
        if cur:
            unit = cur
            pr = _PER_RE.match(text, e)
            if pr and mult == 1.0 and not c.vague:
                unit = f"{cur}/{PER_UNITS[pr.group(1).lower()]}"
                e = pr.end()
        elif not c.vague:
            pm2 = _PERCENT_RE.match(text, e)
            if pm2:
                unit, e = "percent", pm2.end()
            elif (cm := SUBUNIT_RE[lang].match(text, e)):
                coin = (cm.group(1) or cm.group(2)).lower()
                cur = "EUR" if lang == "fr" else SUBUNITS[coin]
                unit, value, e = cur, value / 100, cm.end()
                pr = _PER_RE.match(text, e)
                if pr and not c.vague:  # "63 cents per share", "470 pence a share"
                    unit, e = f"{cur}/{PER_UNITS[pr.group(1).lower()]}", pr.end()
            else:
                mm = _MEASURE_RE.match(text, e) or _MEASURE_CS_RE.match(text, e)
                if mm and text[mm.end():mm.end() + 1] in ("'", "’"):
                    mm = None  # "31 millions l'an dernier": an elided article, not litres
                if mm and not (attached_letter_mult and mm.group(1).lower() in ("m", "b")):
                    unit = MEASURE_UNITS.get(mm.group(1).lower()) or CASE_SENSITIVE_UNITS.get(
                        mm.group(1))
                    if unit == "year" and re.match(r"\s*old\b", text[mm.end():mm.end() + 5]):
                        unit = "years old"
                    elif unit == "year" and lang == "fr" and is_age(text, c.start, c.end, v, lang):
                        unit = "years old"
                    e = mm.end()
                    pr = _PER_RE.match(text, e)
                    if pr and unit not in ("years old", "mph", "km/h", "percentage point") and \
                            PER_UNITS[pr.group(1).lower()] in _TIME_PER:
                        unit, e = f"{unit}/{PER_UNITS[pr.group(1).lower()]}", pr.end()
    if minus and (lang == "en" or unit in ("°c", "°f", "degree")):
        value, s = -value, text.rindex("m", 0, s)
    out = _Cand(s, e, value, unit, None, mult, c.word, c.raw, c.vague)
    if unit is None or unit == "count":
        out.unit = "count"
        out.noun = _noun_after(text, e, c.vague or mult > 1 or c.word, value == 1)
        if out.noun and len(out.noun) > 3 and out.noun in MEASURE_UNITS:
            out.unit, out.noun = MEASURE_UNITS[out.noun], None  # "517 rushing yards"
        elif out.noun is None and mult == 1 and not c.word and not c.vague and \
                is_age(text, c.start, c.end, value, lang):
            out.unit = "years old"  # "Maddon, 66, said"
        elif out.noun is None and mult == 1 and not c.word and \
                is_index_level(text, c.start, c.end, value):
            out.unit = "point"  # "the S&P 500 rose 64.06 points to 4,577.10"
        if out.noun is None and c.word and value == 1:
            om = _ONE_OF_RE.match(text, e)
            if om:
                out.noun = _noun_after(text, om.end(), False)
        nxt = _WORD_RE.match(text, e)
        if attached_letter_mult and not cur and (not nxt or nxt.group(1)[:1].isupper()):
            return None  # "3M Company", "4K TV"
    return out


def _build(text: str, lang: str, c: _Cand, cores: list[_Cand], idx: int):
    """Build the quantity for ``cores[idx]``; returns (Quantity|None, end, cores skipped)."""
    q = _extend(text, lang, c)
    if q is None:
        return None, c.end, 0
    skip = _add_coins(text, lang, q, cores, idx)
    hedge = "vague" if c.vague else _hedge(text, q.start, lang)
    lo = hi = None
    # Ranges: "70 to 80%", "70-80 %", "between $3M and $5M", "entre 3 et 5 millions d'euros".
    nxt_i = idx + 1  # the next core after this quantity ("$40 million and $50 million")
    while nxt_i < len(cores) and cores[nxt_i].start < q.end:
        nxt_i += 1
    if nxt_i < len(cores) and hedge != "vague":
        nxt = cores[nxt_i]
        sep = _RANGE_SEP_RE.fullmatch(text, q.end, _prefix_start(text, nxt.start))
        if sep:
            word = sep.group(0).strip().lower()
            between = _BETWEEN_RE.search(text, max(0, q.start - 10), q.start)
            from_ = _FROM_RE.search(text, max(0, q.start - 12), q.start)
            ok = (word in ("and", "et") and between) or (
                word in ("to", "à", "a", "-", "–", "—") and (
                    not from_ or is_range_from(text, from_.start())) and not (
                    word == "a" and lang == "en"))
            if word == "-" and (" " in sep.group(0)) != (sep.group(0).strip() != sep.group(0)):
                ok = False
            if word in ("to", "à") and q.unit not in (None, "count") and \
                    CHANGE_BEFORE_RE.search(text, max(0, q.start - 30), q.start):
                ok = False  # "rose 18 sen to RM23.50", "a gagné 2 € à 50 €": change, new level
            q2 = _extend(text, lang, nxt, in_range=True) if ok or word in (
                "to", "à", "or", "ou", "and", "et") else None
            if q2 is not None and not ok:
                if word not in ("and", "et") or _prefix_start(text, nxt.start) == nxt.start:
                    _inherit(q, q2)
                q2 = None
            if q2 is not None and word in ("-", "–") and q.unit == q2.unit == "count" and \
                    q.value >= q2.value:
                return None, q2.end, 1  # a score "2-0", "3-2"
            if q2 is not None and (_yearish(text, q) or _yearish(text, q2)):
                q2 = None
            if q2 is not None and q.unit != q2.unit and q2.unit.startswith(f"{q.unit}/"):
                q.unit = q2.unit
            if q2 is not None and q.unit == "years old" and q2.unit == "count" and not q2.noun:
                q2.unit = "years old"  # "aged 18 to 34"
            if q2 is not None and q.unit in ("count", q2.unit) and (
                    q.noun is None or q.unit != "count"):
                scale = _scale_of(q2)
                if q.unit == "count" and q2.unit != "count" or q.mult == 1 and scale > 1:
                    if q.mult == 1 and scale > 1 and q.value < 1000 and "," not in q.raw:
                        q.value *= scale  # "$3 to $5 million", "four to five thousand"
                    q.unit = q2.unit
                if q.unit == q2.unit and not (word == "-" and q.value > q2.value and
                                              q.unit == "count"):
                    lo, hi = sorted((q.value, q2.value))
                    q.end, q.noun, skip, hedge = q2.end, q2.noun, 1, "range"
                    q.value = (lo + hi) / 2
    if hedge != "range":
        if not _keep(text, lang, c, q):
            return None, q.end, 0
        lo, hi = _bounds(q.value, hedge)
    if hedge == "vague":
        hedge = "vague"
    qty = Quantity(text=text[q.start:q.end], start=q.start, end=q.end, value=q.value,
                   value_low=lo, value_high=hi, unit=q.unit or "count", hedge=hedge,
                   noun=q.noun if (q.unit or "count") == "count" else None)
    return qty, q.end, skip


def _add_coins(text: str, lang: str, q: _Cand, cores: list[_Cand], idx: int) -> int:
    """"3 dollars 50 cents", "thirteen dollars and forty-five cents": one amount; cores skipped."""
    if q.unit not in SUBUNITS.values() or q.mult != 1 or q.value != int(q.value) or \
            idx + 1 >= len(cores) or not CENTS_AFTER_RE.fullmatch(text, q.end, cores[idx + 1].start):
        return 0
    nxt = cores[idx + 1]
    q2 = _extend(text, lang, nxt, in_range=True)
    if q2 is None or q2.unit != q.unit or not 0 < q2.value < 1 or \
            not SUBUNIT_RE[lang].match(text, nxt.end):
        return 0
    q.value += q2.value
    q.end = q2.end
    return 1


def _scale_of(q: _Cand) -> float:
    """The multiplier a range's second number carries ("5 million", "five thousand")."""
    if q.mult > 1:
        return q.mult
    last = q.raw.lower().split()[-1:] if q.word else []
    return MULTIPLIERS.get(last[0], 1.0) if last and last[0] not in ("m", "b", "k", "t") else 1.0


def _inherit(q: _Cand, q2: _Cand) -> None:
    """"eight or nine euros", "from 4.8 to 4.7 percent": the first number takes the unit."""
    if q.unit == q2.unit != "count" and q.mult == 1 and q2.mult > 1 and q.value < 1000 and \
            "," not in q.raw and not q.word:
        q.value *= q2.mult  # "from $10 to $15 billion"
        q.mult = q2.mult
    if q.unit == "count" and q.noun is None and q2.unit != "count" and q.word == q2.word:
        if q.mult == 1 and q2.mult > 1:
            q.value *= q2.mult
            q.mult = q2.mult
        q.unit = q2.unit


def _yearish(text: str, q: _Cand) -> bool:
    return q.unit == "count" and q.mult == 1 and re.fullmatch(r"\d{4}", q.raw) is not None and \
        is_year(text, q.start, q.start + 4, q.value, False)


def _prefix_start(text: str, start: int) -> int:
    pm = _PREFIX_RE.search(text, max(0, start - 8), start)
    return pm.start() if pm else start


def _noun_next(text: str, q: _Cand) -> bool:
    """The counted noun follows the number at once or after modifiers ("2000 new jobs")."""
    if not q.noun:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text[q.end:q.end + 60])[:3]
    while words and words[0].lower() in COUNT_MODIFIERS:
        words.pop(0)
    return bool(words) and words[0].lower() == q.noun and (
        q.noun in BUSINESS_NOUNS or (q.noun.endswith(("s", "x")) and not q.noun.endswith("ss")))


def _keep(text: str, lang: str, c: _Cand, q: _Cand) -> bool:
    """Drop bare numbers that are years, dates, times, names or pronoun-like "one"."""
    if q.unit != "count" or q.mult > 1 or c.vague:
        return True
    before = text[max(0, c.start - 30):c.start]
    after = text[c.end:c.end + 15]
    raw = c.raw.strip()
    if re.fullmatch(r"\d{4}", raw) and is_year(text, c.start, c.end, c.value, _noun_next(text, q)):
        return False
    if re.search(rf"\b(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s*$", before,
                 re.I) or _MONTH_AFTER_RE.match(text, c.end):
        return False
    if _AMPM_RE.match(after):
        return False
    if not c.word and q.noun is None and before.endswith("(") and after.startswith(")"):
        return False  # "Dak Prescott (4)": a shirt or list number
    cap = _CAP_WORD_RE.search(before)
    if cap and not c.word and (cap.group(1)[:1].isupper() or re.search(r"[a-z][A-Z]", cap.group(1))) \
            and cap.group(1) not in _FUNCTION_CAPS:
        return False  # "iPhone 15", "Section 427", "Windows 11"
    name = NAME_AFTER_RE.match(text, c.end)
    if name and not c.word and q.noun and "," not in raw and name.group(1) not in _FUNCTION_CAPS \
            and not name.group(1).isupper() and len(name.group(1)) > 2 and not plural_soon(text, name.end()) and \
            q.noun not in BUSINESS_NOUNS and q.noun not in MEASURE_UNITS and \
            q.noun not in MONTHS and not re.search(r"(?:^|[.!?]\s*|\n\s*)$", before):
        return False  # "787 Dreamliner", "737 Max jets", "11 Pro Max", "49 Zorro Ranch Road"
    if c.word:
        if q.noun is None:
            return False
        if c.raw.lower() in ("one", "un", "une") and re.search(
                r"\b(?:no|any|every|each|the|this|that|which|only|same|another|last|other)\s+$", before, re.I):
            return False
    return True
