"""Context rules that tell a company from a person, a place or a common word.

Pure functions over text offsets (and spaCy entities), used by ``companies.company_spans``:

- ``has_company_context`` — the words around a name say it is a company ("X's shares",
  "analyst at X", "property developer X", "X (NYSE: XX)", "X Inc"), so an entity the model
  read as PERSON/GPE/PRODUCT/NORP... is taken as an organisation;
- ``ticker_spans`` — tickers quoted with a price move ("VLKAY 0.06%", "BMW-0.49%");
- ``acronym_after`` — "Asian Development Bank (ADB)": the bracketed acronym of a name;
- ``platform_spans`` — "follow us on Twitter", "Share on LinkedIn";
- ``is_person_title`` / ``is_common_opener`` — "Mr Cecil", "Moreover": never companies;
- ``trim_figures`` — "Manchester United 10", a name said twice: the name once;
- ``split_coordination`` — "Garrison Investment Group and Victory Park Capital" is two.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path


def _spacy_stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words for ``language``, read from their module file alone: importing
    ``spacy.lang.fr.stop_words`` runs ``spacy.lang.fr``, whose tokenizer exceptions take ~2 s
    to compile, in every process, even with no French text."""
    folder = Path(importlib.util.find_spec("spacy").origin).parent / "lang" / language
    spec = importlib.util.spec_from_file_location(f"_claimwatch_{language}_stop_words", folder / "stop_words.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


STOP_WORDS = _spacy_stop_words("en")
FR_STOP_WORDS = _spacy_stop_words("fr")

from claimwatch.names import LEGAL_PATTERN_CASED

__all__ = ["acronym_after", "has_company_context", "is_common_opener", "is_person_title",
           "platform_spans", "split_coordination", "ticker_spans", "trim_figures"]

_LEGAL = LEGAL_PATTERN_CASED
_EXCHANGES = (r"(?:NYSE(?: Arca| American| MKT)?|NYSEAmex|NASDAQ(?: Other)?|Nasdaq(?:GS|GM|CM)?|"
              r"NasdaqGS|AMEX|LSE|LON|TSX|TSXV|ASX|OTC|OTCQX|OTCQB|Other OTC|Euronext|ETR|FRA|"
              r"HKEX|HKG|SGX|TYO|BSE|NSE|JSE|SIX|BMV)")
# words after a name that only a company has: "X's shares", "X chief executive", "X Inc"
_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:shares?\b|share price|stock(?:holders)?\b|shareholders|stake\b|"
    r"chief executive|chief financial|CEO\b|CFO\b|chairman|chairwoman|board\b|spokes\w+|"
    r"subsidiary|subsidiaries|unit\b|revenues?\b|profits?\b|earnings\b|sales\b|customers\b|"
    r"executives?\b|analysts?\b|economists?\b|strategists?\b|partner\b|founders?\b|"
    r"co-?founders?\b|managing director|headquarters|employees|staff\b|products\b|"
    r"brands?\b|platform\b|IPO\b|listing\b|annual report|quarterly|fiscal|"
    r"(?:said|says|announced|reported|posted) (?:on \w+ )?its\b)"
    rf"|^,?\s+{_LEGAL}\b|^\s*\(\s*{_EXCHANGES}\s*:"
    # "Acme, a payments startup,", "Acme, la jeune pousse lyonnaise"
    r"|^,\s+(?:a|an|the|une?|la|le|l['’])\s*(?:[\w'’-]+\s+){0,3}?(?:startup|start-up|company|"
    r"firm|unicorn|scale-?up|maker|platform|provider|developer|société|entreprise|"
    r"jeune pousse|licorne|pépite|plateforme|éditeur|spécialiste|fabricant|"
    r"(?:fin|insur|assur|health|med|ed|prop|legal|bio|food|deep|clean|agri|reg)tech)\b")
# words before a name: "analyst at X", "investment bank X", "shares of X", "joined X"
_BEFORE = re.compile(
    r"(?:\b(?:analysts?|economists?|strategists?|executives?|directors?|head|partners?|"
    r"chairman|chairwoman|chief executive|CEO|CFO|founders?|co-?founders?|spokes\w+|"
    r"managers?|officers?|president|employees?|staff|engineers?|shares|stock|stake|"
    r"shareholders?|investors?|acquisition|takeover|merger|subsidiary|unit|division|"
    r"rival|customers?|clients?|suppliers?) (?:at|of|in|with|for|from)\s+|"
    r"\b(?:company|companies|firm|group|bank|maker|makers|retailer|provider|developer|giant|"
    r"carrier|lender|insurer|miner|operator|specialist|brand|startup|start-up|incubator|"
    r"manufacturer|supplier|publisher|conglomerate|chain|broker|brokerage|airline|automaker|"
    r"carmaker|bottler|producer|distributor|fund|funds|investor|consultancy|agency|fintech|"
    r"healthtech|insurtech|proptech|edtech|unicorn|scale-?up|"
    r"outlet|service|platform|network)[,]?\s+|"
    r"\b(?:joined|rivals?|competitors?|acquired|bought|merged with|spun off from)\s+)$")

_TICKER_MOVE = re.compile(r"(?<![\w$€£.])([A-Z][A-Z0-9]{0,5})(?:\s+|(?=[-+]))[-+]?\d{1,3}\.\d{1,2}%")
_ACRONYM = re.compile(r"^\s*\(\s*([A-Z][A-Za-z0-9&]*[A-Z0-9](?:\.[A-Z]{1,2})?)\s*\)")
_PLATFORM = re.compile(r"\b(?:[Ss]hare|[Ff]ollow(?: us)?|fan|[Ll]ike us|[Ff]ind us|[Jj]oin us|"
                       r"[Ss]ubscribe|[Ww]atch|us) on\s+([A-Z][A-Za-z]+(?:\s\+)?)")
_TITLES = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Senator|Sen|Rep|"
                     r"Minister|President|Premier|Governor|Gov|Judge|Justice|Rev|Father|"
                     r"Captain|Capt|General|Gen|Colonel|Col|Sgt)\.?\s", re.UNICODE)
_OPENERS = frozenset("""additionally also although anyway certainly clearly consequently
    finally first firstly furthermore hence however indeed instead likewise meanwhile
    moreover nevertheless next nonetheless notably obviously overall perhaps plus second
    secondly similarly so still then therefore thus today tomorrow yesterday ultimately
    unfortunately yet yes no okay ok please thanks welcome imagine let got get take
    it this that these those there here they we he she you i one""".split())


def has_company_context(text: str, start: int, end: int) -> bool:
    """True when the words right around ``text[start:end]`` say it names a company."""
    if _AFTER.match(text[end:end + 40]):
        return True
    return bool(_BEFORE.search(text[max(0, start - 40):start]))


def ticker_spans(text: str) -> list[tuple[int, int]]:
    """Tickers quoted with their price move: "Daimler AG DDAIY 0.85%", "BMW-0.49%"."""
    found = []
    for m in _TICKER_MOVE.finditer(text):
        ticker = m.group(1)
        if ticker.isupper() and not ticker.isdigit() and not re.fullmatch(r"[QH]\d", ticker):
            found.append(m.span(1))
    return found


def acronym_after(text: str, end: int) -> tuple[int, int] | None:
    """The span of "(ADB)" right after a name ending at ``end``, or None."""
    m = _ACRONYM.match(text[end:end + 16])
    if not m or sum(c.isupper() for c in m.group(1)) < 2 or m.group(1) in ("AM", "PM"):
        return None
    return end + m.start(1), end + m.end(1)


def platform_spans(text: str) -> list[tuple[int, int]]:
    """Names after "Share on", "follow us on", "a fan on": online platforms."""
    out = []
    for m in _PLATFORM.finditer(text):
        start, end = m.span(1)
        out.append((start, start + len(m.group(1).rstrip(" +"))))
    return out


def is_person_title(surface: str) -> bool:
    """True for "Mr Cecil", "Senator Mitch Fifield", "Dr. Smith"."""
    return bool(_TITLES.match(surface + " ")) and len(surface.split()) > 1


def is_common_opener(word: str, after: str = "") -> bool:
    """True for a capitalised common word, not a name: "Moreover", "There", and an
    adverb opening a clause ("Unfortunately," -- ``after`` is the text that follows)."""
    low = word.casefold()
    if not word[:1].isupper() or word.isupper() or any(c.isdigit() for c in word):
        return False
    if any(c.isupper() for c in word[1:]):
        return False
    return (low in _OPENERS or low in STOP_WORDS or low in FR_STOP_WORDS
            or low.endswith("ly") and len(low) > 5 and after.startswith(","))


def split_coordination(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "A B Group and C D Capital" into its two names when each side has two or
    more capitalised words (a single word joined by "and" is one name: "Procter and
    Gamble", "Research and Markets"); otherwise the span itself."""
    surface = text[start:end]
    m = re.search(r"\s(?:and|&)\s", surface)
    if not m:
        return [(start, end)]
    left, right = surface[:m.start()], surface[m.end():]

    def named(part: str) -> bool:
        words = part.split()
        return len(words) >= 2 and all(w[:1].isupper() for w in words)

    if named(left) and named(right) and not re.search(rf"\b{_LEGAL}\.?$", right):
        return [(start, start + m.start()), (start + m.end(), end)]
    return [(start, end)]


def trim_figures(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut trailing prices and moves and a repeated name off an entity: "Baidu Inc. 1.40",
    "Balboa Capital Balboa Capital" -> the name once ("S&P 500" keeps its number)."""
    m = re.search(r"(?:\s+[-+]?\d[\d,]*[.%][\d.,%]*)+\s*$", text[start:end])
    if m and m.start() > 0:
        end = start + m.start()
    words = text[start:end].split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        end = start + len(" ".join(words[:half]))
    return start, end
