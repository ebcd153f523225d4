"""Two years in one sentence: each figure takes the year named with it (own sentences)."""

from datetime import datetime, timezone

import pytest

from claimwatch.extractors.pipeline import Extractor
from claimwatch.records import Article


@pytest.mark.parametrize("language, text, first, second", [
    ("en", "Auditors said Vexly's 2025 revenue was cut from $90 million to $30 million, and its "
           "2024 revenue was lowered from $70 million to $20 million.", 90e6, 20e6),
    ("fr", "Vexly a réalisé un chiffre d'affaires de 30 millions d'euros en 2025, et un chiffre "
           "d'affaires de 20 millions d'euros en 2024.", 30e6, 20e6),
])
def test_pipeline_period_per_figure_in_two_clauses(language, text, first, second):
    article = Article(article_id="a1", url="https://example.org/a1", title="Vexly restates",
                      text=text, source="example", language=language,
                      published_at=datetime(2026, 3, 1, tzinfo=timezone.utc))
    claims = {c.value: c for c in Extractor().extract(article).claims}
    assert claims[first].period == "2025"
    assert claims[second].period == "2024"
