"""Periods per figure: a sentence naming two years gives each figure the year named nearest
before it; spans of years and multi-year totals are their own period. Invented sentences."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from claimwatch.config import CompaniesConfig
from claimwatch.extractors import Extractor
from claimwatch.extractors.metrics import period_for
from claimwatch.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor(companies=CompaniesConfig(watchlist=["Quillory", "Brenvax"]))


def _periods(extractor, text, language):
    article = Article("p1", None, "", "test feed", datetime(2026, 3, 1, tzinfo=timezone.utc),
                      language, text)
    return {c.value: c.period for c in extractor.extract(article).claims}


def test_metrics_two_years_in_one_sentence_each_figure_its_own(extractor):
    text = ("Quillory's forecast for 2025 revenue was lowered from $90 million to about $30 million, "
            "and the total for 2024 sales went from $70 million to roughly $25 million.")
    got = _periods(extractor, text, "en")
    assert got[90e6] == "2025" and got[30e6] == "2025"
    assert got[70e6] == "2024" and got[25e6] == "2024"


def test_metrics_two_years_in_one_sentence_french(extractor):
    text = ("Le chiffre d'affaires de Brenvax pour 2025 a été ramené de 80 millions d'euros à "
            "20 millions d'euros, et celui de 2024 de 60 millions d'euros à 15 millions d'euros.")
    got = _periods(extractor, text, "fr")
    assert got[80e6] == "2025" and got[20e6] == "2025"
    assert got[60e6] == "2024" and got[15e6] == "2024"


def test_metrics_year_right_after_figure_wins():
    text = "In 2024, Quillory made $5M, and it expects $10M in 2025."
    i = text.index("$10M")
    assert period_for(text, None, i, i + 4)[0] == "2025"
    j = text.index("$5M")
    assert period_for(text, None, j, j + 3)[0] == "2024"


@pytest.mark.parametrize("text,period", [
    ("Quillory billed close to $40 million to one partner from 2020 to 2023.", "2020-2023"),
    ("Quillory billed close to $40 million over the 2021-24 period.", "2021-2024"),
    ("Quillory billed close to $40 million to one partner over the three-year period.", "3 years"),
    ("Brenvax a facturé 40 millions d'euros à ce partenaire entre 2021 et 2023.", "2021-2023"),
    ("Brenvax a facturé 40 millions d'euros à ce partenaire sur trois ans.", "3 years"),
])
def test_metrics_multi_year_totals_have_their_span(text, period):
    assert period_for(text)[0] == period


def test_metrics_single_year_unchanged():
    assert period_for("Quillory's revenue in 2023 reached $12M.") == ("2023", period_for("in 2023")[1])
