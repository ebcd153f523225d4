from datetime import datetime, timezone

import pytest

from claimwatch.config import CompaniesConfig, ExtractConfig
from claimwatch.errors import ModelNotFoundError
from extractors import EXTRACTOR_VERSION, Extractor, quantities_for
from extractors.pipeline import combined_text, title_offset
from ingest.models import Article

EN_TEXT = (
    "Elevenx, an AI sales startup, told customers it had $10 million in ARR in 2024. "
    "According to former employees, the company lost 70 to 80% of its customers. "
    "The startup raised $50 million in a Series B round, which valued it at $350 million. "
    "Several logos on its website were never customers. The weather was nice. It has 120 employees."
)
FR_TEXT = (
    "Selon nos sources, la start-up d'IA Elevenx perdait 70 à 80 % de ses clients. "
    "L'entreprise affirmait réaliser 10 millions de dollars de revenus récurrents annuels. "
    "Elle vise 100 millions de dollars de revenus d'ici 2026. "
    "D'anciens salariés parlent de chiffres gonflés."
)


@pytest.fixture(scope="session")
def extractor():
    companies = CompaniesConfig(watchlist=["Builder.ai"], aliases={"Engineer.ai": "Builder.ai"})
    return Extractor(companies=companies, known_companies=["H Company"])


def _article(article_id, title, text, language="en"):
    return Article(article_id, None, title, "test feed", datetime(2025, 3, 24, tzinfo=timezone.utc),
                   language, text)


def _claims(extraction):
    return {(c.company, c.metric, c.value, c.unit, c.claimed_by) for c in extraction.claims}


def test_pipeline_english_claims_attribution_and_dispute(extractor):
    result = extractor.extract(_article("a1", "Elevenx's ARR claims questioned", EN_TEXT))
    assert result.language == "en"
    assert _claims(result) == {
        ("Elevenx", "arr", 10_000_000, "USD", "company"),
        ("Elevenx", "churn", 75, "percent", "reporter"),
        ("Elevenx", "funding", 50_000_000, "USD", "company"),
        ("Elevenx", "valuation", 350_000_000, "USD", "company"),
        ("Elevenx", "employees", 120, "count", "company"),
    }
    assert [c.name for c in result.companies] == ["Elevenx"] and result.companies[0].is_ai
    arr = next(c for c in result.claims if c.metric == "arr")
    assert arr.period == "2024" and arr.sentence_index == 1
    assert EN_TEXT[arr.char_start:arr.char_start + len(arr.quantity_text)] == "$10 million"
    churn = next(c for c in result.claims if c.metric == "churn")
    assert (churn.value_low, churn.value_high, churn.company_mention) == (70, 80, "the company")
    assert [(d.company, d.metric) for d in result.disputes] == [("Elevenx", "customers")]


def test_pipeline_french_article_declared_english(extractor):
    result = extractor.extract(_article("a2", "Elevenx : des chiffres contestés", FR_TEXT, "en"))
    assert result.language == "fr"
    assert _claims(result) == {
        ("Elevenx", "churn", 75, "percent", "reporter"),
        ("Elevenx", "arr", 10_000_000, "USD", "company"),
        ("Elevenx", "revenue", 100_000_000, "USD", "company"),
    }
    forecast = next(c for c in result.claims if c.metric == "revenue")
    assert forecast.is_forecast and forecast.period == "2026"
    assert not next(c for c in result.claims if c.metric == "arr").is_forecast
    assert [(d.company, d.cue) for d in result.disputes] == [("Elevenx", "gonflés")]


def test_pipeline_gazetteer_alias_and_title_offsets(extractor):
    article = _article("a3", "Engineer.ai raised $29.5 million", "H Company has 40 employees.")
    result = extractor.extract(article)
    by_company = {c.company: c for c in result.claims}
    assert set(by_company) == {"Builder.ai", "H Company"}
    title_claim = by_company["Builder.ai"]
    assert title_claim.sentence_index == 0 and title_claim.char_start < 0
    start = title_claim.char_start + title_offset(article)
    assert combined_text(article)[start:start + len(title_claim.quantity_text)] == "$29.5 million"
    assert by_company["H Company"].sentence_index == 1 and by_company["H Company"].char_start == 14


def test_pipeline_quantities_for_offsets(extractor):
    article = _article("a4", "Acme hits $5M", "Acme has 300 customers.")
    quantities = quantities_for(article)
    assert [(q.text, q.start) for q in quantities] == [("$5M", 10 - title_offset(article)), ("300", 9)]


def test_pipeline_extract_many_keeps_order_and_skips_numberless_articles(extractor):
    articles = [_article(f"b{i}", "News", text) for i, text in enumerate(
        ["Acme has 300 customers.", "Nothing to see here.", "Globex Corp raised $5 million."])]
    results = list(extractor.extract_many(articles, batch_size=2))
    assert [r.article_id for r in results] == ["b0", "b1", "b2"]
    assert [len(r.claims) for r in results] == [1, 0, 1]
    assert results[2].claims[0].company == "Globex"


def test_pipeline_missing_model_is_actionable_error():
    broken = Extractor(extract=ExtractConfig(model_en="xx_missing_model_sm"))
    with pytest.raises(ModelNotFoundError, match="pip install xx-missing-model-sm"):
        broken.extract(_article("c1", "Acme", "Acme raised $5 million."))


def test_pipeline_version_is_set():
    assert EXTRACTOR_VERSION.count(".") == 2
