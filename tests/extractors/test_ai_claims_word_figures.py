"""Words that are figures ("no human intervention", "every weapon", "none had been sold",
"aucun", "sans intervention humaine"), and the sentences where they are not."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from claimwatch.config import CompaniesConfig
from claimwatch.extractors import Extractor
from claimwatch.extractors.sentences import is_candidate
from claimwatch.extractors.word_figures import (
    has_word_figure, with_word_figures, word_figures, word_metric,
)
from claimwatch.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor(companies=CompaniesConfig(
        watchlist=["Orderly", "Commandia", "Scanwise", "Vigilo", "Gizmo Labs", "Voltrack"]))


def _rows(extractor, text, language):
    article = Article("w1", None, "", "test feed", datetime(2025, 6, 1, tzinfo=timezone.utc),
                      language, text)
    return {(c.company, c.metric, c.value, c.unit, c.other_kind)
            for c in extractor.extract(article).claims}


@pytest.mark.parametrize("text,language,expected", [
    ("Orderly claims its platform processes orders with no human intervention.", "en",
     ("Orderly", "automation_rate", 100, "percent", "orders")),
    ("Commandia affirme que sa plateforme traite les commandes sans intervention humaine.", "fr",
     ("Commandia", "automation_rate", 100, "percent", "commandes")),
    ("Scanwise claims its AI system detects every weapon.", "en",
     ("Scanwise", "accuracy", 100, "percent", "weapon")),
    ("Vigilo assure que son système détecte toutes les armes.", "fr",
     ("Vigilo", "accuracy", 100, "percent", "armes")),
    ("Scanwise says its gate never misses a threat.", "en",
     ("Scanwise", "error_rate", 0, "percent", None)),
    ("Gizmo Labs admitted that none had been sold.", "en",
     ("Gizmo Labs", "units", 0, "count", "units sold")),
    ("Gizmo Labs has not sold a single unit.", "en",
     ("Gizmo Labs", "units", 0, "count", "unit sold")),
    ("Gizmo Labs reconnaît qu'aucun appareil n'a été vendu.", "fr",
     ("Gizmo Labs", "units", 0, "count", "appareil vendus")),
])
def test_word_figures_are_values_both_languages(extractor, text, language, expected):
    assert expected in _rows(extractor, text, language)


@pytest.mark.parametrize("text,language", [
    # a hedge: no figure
    ("Orderly pitched a bot that could take orders with almost no human intervention.", "en"),
    ("Commandia promet des commandes presque sans intervention humaine.", "fr"),
    # no metric the phrase answers (no task handled, nothing detected, nothing sold)
    ("Voltrack's trucks are fully autonomous on test tracks.", "en"),
    ("Scanwise thanked every customer at its event.", "en"),
    ("Aucun commentaire n'a été fait par Vigilo.", "fr"),
    ("Gizmo Labs sold a single unit to a museum.", "en"),
])
def test_word_figures_quiet_without_a_metric(extractor, text, language):
    assert not any(r[2] in (0, 100) for r in _rows(extractor, text, language))


def test_word_figures_digits_in_the_clause_win():
    sentence = "Orderly's AI handles 93% of orders with no human intervention."
    assert word_figures(sentence) == []


def test_word_figures_merge_without_overlap():
    sentence = "Gizmo Labs has sold zero units so far."
    from claimwatch.extractors.quantities import find_quantities
    written = find_quantities(sentence, language="en")
    merged = with_word_figures(written, sentence)
    spans = [(q.start, q.end) for q in merged]
    assert len(spans) == len(set(spans))
    assert all(not (a[0] < b[1] and b[0] < a[1]) for a, b in zip(spans, spans[1:]))


def test_word_figures_metric_of_each_phrase():
    assert word_metric("no human intervention") == "automation_rate"
    assert word_metric("sans intervention humaine") == "automation_rate"
    assert word_metric("every weapon") == "accuracy"
    assert word_metric("never misses") == "error_rate"
    assert word_metric("none") == "count"
    assert word_metric("Voltrack") is None


def test_word_figures_make_a_sentence_worth_parsing():
    sentence = "Orderly says its AI kiosk takes orders with no human intervention."
    assert has_word_figure(sentence) and is_candidate(sentence)
    assert not is_candidate("The weather was nice at the Orderly offices.")


@pytest.mark.parametrize("text,language,expected", [
    ("Humans handle 7 in 10 orders at Orderly's AI kiosks, the firm concedes.", "en",
     ("Orderly", "human_involvement", 70, "percent", "orders")),
    ("Sept commandes sur dix passent par un humain chez Commandia.", "fr",
     ("Commandia", "human_involvement", 70, "percent", "commandes")),
])
def test_word_figures_ratio_is_a_share(extractor, text, language, expected):
    rows = _rows(extractor, text, language)
    assert expected in rows
    assert not any(r[3] == "count" for r in rows)  # not two counts, 7 and 10


def test_word_figures_ratio_needs_a_share():
    from claimwatch.extractors.word_figures import ratio_figures
    assert ratio_figures("Voltrack raised money 3 times in 10 years.") == []
    assert [q.value for q in ratio_figures("Nine out of ten users pay.")] == [90.0]


@pytest.mark.parametrize("text,language,expected", [
    ("At Orderly, contractors reviewed every transaction by hand.", "en",
     ("Orderly", "human_involvement", 100, "percent", "transaction")),
    ("Chez Commandia, des opérateurs vérifiaient chaque commande.", "fr",
     ("Commandia", "human_involvement", 100, "percent", "commande")),
])
def test_word_figures_people_on_every_task(extractor, text, language, expected):
    assert expected in _rows(extractor, text, language)


def test_word_figures_an_ai_on_every_task_is_no_figure(extractor):
    assert _rows(extractor, "Orderly's AI reviews every transaction in real time.", "en") == set()
