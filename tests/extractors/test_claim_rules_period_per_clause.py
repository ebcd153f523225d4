"""Two years in one sentence: each figure takes its own clause's year (own sentences)."""

from datetime import datetime, timezone

import pytest

from claimwatch.extractors.claim_rules import figure_clause
from claimwatch.extractors.pipeline import Extractor
from claimwatch.records import Article


def test_claim_rules_period_per_clause_clause_text():
    s = "Sales for 2025 fell from $90 million to $30 million, and 2024 sales from $70 million to $20 million."
    assert "2025" in figure_clause(s, s.index("$30"))
    assert "2024" in figure_clause(s, s.index("$20"))
    assert figure_clause("Revenue reached $9 million in 2024.", 16) is None


@pytest.mark.parametrize("language, text, first, second", [
    ("en", "Auditors said Vexly's 2025 revenue was cut from $90 million to $30 million, and its "
           "2024 revenue was lowered from $70 million to $20 million.", 90e6, 20e6),
    ("fr", "Vexly a réalisé un chiffre d'affaires de 30 millions d'euros en 2025, et un chiffre "
           "d'affaires de 20 millions d'euros en 2024.", 30e6, 20e6),
])
def test_claim_rules_period_per_clause_in_pipeline(language, text, first, second):
    article = Article(article_id="a1", url="https://example.org/a1", title="Vexly restates",
                      text=text, source="example", language=language,
                      published_at=datetime(2026, 3, 1, tzinfo=timezone.utc))
    claims = {c.value: c for c in Extractor().extract(article).claims}
    assert claims[first].period == "2025"
    assert claims[second].period == "2024"
