"""The benchmark corpus generator: deterministic, bilingual, with numbers in it."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

# benchmarks/ is not an installed package: make the checkout importable under `.venv/bin/pytest`
# too (`python -m pytest`, as `make test` runs it, already has it on sys.path).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.corpus import generate_articles, word_count, write_jsonl  # noqa: E402


def test_corpus_same_seed_gives_same_articles():
    first = generate_articles(40, seed=7)
    second = generate_articles(40, seed=7)
    assert [(a.article_id, a.title, a.text) for a in first] == [(a.article_id, a.title, a.text) for a in second]
    other = generate_articles(40, seed=8)
    assert [a.text for a in other] != [a.text for a in first]


def test_corpus_has_both_languages_with_numbers_and_mostly_plain_sentences():
    articles = generate_articles(60, seed=3, french_share=0.4)
    languages = {a.language for a in articles}
    assert languages == {"en", "fr"}
    for language in ("en", "fr"):
        texts = [a.text for a in articles if a.language == language]
        assert any(re.search(r"\d", t) for t in texts)
    french = " ".join(a.text for a in articles if a.language == "fr")
    assert re.search(r"\d+(,\d+)? (%|millions? d'euros|M€)", french)
    english = " ".join(a.text for a in articles if a.language == "en")
    assert re.search(r"[$€£]\d", english) and "%" in english
    sentences = [s for t in (a.text for a in articles) for s in re.split(r"(?<=[.!?])\s+", t) if s]
    with_digit = sum(bool(re.search(r"\d", s)) for s in sentences) / len(sentences)
    assert 0.1 < with_digit < 0.5


def test_corpus_english_only_and_jsonl_round_trip(tmp_path):
    from claimwatch.ingest import read_jsonl
    articles = generate_articles(25, seed=1, french_share=0.0)
    assert {a.language for a in articles} == {"en"}
    assert word_count(articles) > 25 * 150
    path = write_jsonl(articles, tmp_path / "corpus.jsonl")
    assert len(path.read_text(encoding="utf-8").splitlines()) == 25
    json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    back = list(read_jsonl(path))
    assert [a.article_id for a in back] == [a.article_id for a in articles]
    assert [a.text for a in back] == [a.text for a in articles]


def test_corpus_startup_real_english_corpus_cycles_to_the_word_count():
    from benchmarks.corpus import load_real_feeds
    from benchmarks.startup import real_english_corpus
    if not load_real_feeds()[0]:
        import pytest
        pytest.skip("the saved feeds of ../shared/benchmarks are absent")
    articles, words, distinct = real_english_corpus(30_000)
    assert words >= 30_000 and words == sum(len(a.text.split()) for a in articles)
    assert len({a.article_id for a in articles}) == len(articles) == len({a.url for a in articles})
    assert 0 < distinct <= len(articles)
