"""Cheap rule-based sentence splitting and the filter that picks sentences worth parsing.

Running spaCy's statistical NER only on sentences that may hold a claim (a digit, a number
word or a dispute cue) is what makes extraction fast; splitting therefore must not need
a parser.
"""

from __future__ import annotations

import re

from claimwatch.extractors.numbers import figure_words
from claimwatch.extractors.attribution import DISPUTE_CUES
from claimwatch.extractors.word_figures import has_word_figure

__all__ = ["is_candidate", "split_sentences"]

_BOUNDARY = re.compile(r"[.!?…]+[\"”»')\]]*\s+(?=[\"“«'(\[]?[A-Z0-9À-ÖØ-Þ$€£])|\n\s*")
_ABBREVIATIONS = frozenset(
    "inc corp co ltd llc plc mr mrs ms dr st jr sr vs no nos approx est dept gov sen rep gen "
    "jan feb mar apr jun jul aug sep sept oct nov dec fig mme mlle mm av cf env ex p u.s u.k "
    "e.g i.e etc.al al".split())

_DIGIT = re.compile(r"\d")
_CANDIDATE = re.compile(r"\d|\b(?:" + "|".join(sorted(figure_words(), key=len, reverse=True)) + r")\b",
                        re.IGNORECASE)


_FIGURE_WORDS = figure_words()
_FIGURE_WORD = re.compile("|".join(sorted(_FIGURE_WORDS, key=len, reverse=True)), re.IGNORECASE)
_WORD = re.compile(r"\w+")
_WHOLE_WORDS = all(_WORD.fullmatch(w) for w in _FIGURE_WORDS)


def _has_figure_word(sentence: str) -> bool:
    """``_CANDIDATE.search(sentence)`` for a sentence without a digit, faster. Every figure word
    is made of word characters only, so a match is a whole run of word characters: an ASCII run
    matches when its lower case is a figure word (``str.lower`` is the regex's case-folding on
    ASCII); any other run goes through the regex."""
    if not _WHOLE_WORDS:
        return _CANDIDATE.search(sentence) is not None
    for word in _WORD.findall(sentence):
        if word.isascii():
            if word.lower() in _FIGURE_WORDS:
                return True
        elif _FIGURE_WORD.fullmatch(word):
            return True
    return False


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, stripped of surrounding blanks.

    Splits after ., !, ? or … followed by a blank and a capital, digit or quote, and at
    line breaks; not after abbreviations ("Inc.", "Mr.", "U.S.") or single initials.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] not in "\n \t":
            word = re.search(r"([\w.]+)[.!?…]+[\"”»')\]]*$", text[start:m.start() + len(
                m.group(0).rstrip())])
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        end = m.start() + len(m.group(0).rstrip())
        _append(text, spans, start, end)
        start = m.end()
    _append(text, spans, start, len(text))
    return spans


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def is_candidate(sentence: str) -> bool:
    """True when ``sentence`` may hold a claim or a dispute: a digit, number word or cue."""
    if _DIGIT.search(sentence):  # most candidates: skip the long number-word alternation
        return True
    if _has_figure_word(sentence) or DISPUTE_CUES.search(sentence):
        return True
    return has_word_figure(sentence)  # "none had been sold", "with no human intervention"
