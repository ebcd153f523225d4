from datetime import datetime, timezone

import pytest

from claimwatch.config import CompaniesConfig, ExtractConfig
from claimwatch.errors import ModelNotFoundError
from claimwatch.extractors import EXTRACTOR_VERSION, Extractor, quantities_for
from claimwatch.extractors.pipeline import combined_text, title_offset
from claimwatch.records import Article

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
        # plain narration is the reporter's (no company cue): deliberately changed in issue 12
        ("Elevenx", "funding", 50_000_000, "USD", "reporter"),
        ("Elevenx", "valuation", 350_000_000, "USD", "reporter"),
        ("Elevenx", "employees", 120, "count", "reporter"),
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


def _rows(extraction):
    return sorted((c.company, c.metric, c.value, c.claimed_by, c.is_forecast, c.period)
                  for c in extraction.claims)


def test_pipeline_numeric_name_found_by_context_everywhere_in_article(extractor):
    text = ("7digital, the music licensing company that has touted about $25 million in annual "
            "recurring revenue, lost several partners. According to filings reviewed by reporters, "
            "7digital's revenue was closer to $9 million in 2023. Former staff said 7digital had "
            "lost 40 to 50% of its customers.")
    result = extractor.extract(_article("n1", "Inside 7digital's numbers", text))
    assert {c.company for c in result.claims} == {"7digital"}
    assert ("7digital", "arr", 25_000_000, "company") in {
        (c.company, c.metric, c.value, c.claimed_by) for c in result.claims}
    assert ("7digital", "revenue", 9_000_000, "reporter") in {
        (c.company, c.metric, c.value, c.claimed_by) for c in result.claims}


def test_pipeline_numeric_name_french_adjectives_before_name(extractor):
    text = ("La start-up britannique d'intelligence artificielle 4Sight aurait gonflé son chiffre "
            "d'affaires, selon une enquête. Des partenaires affirment n'avoir jamais été clientes "
            "de 4Sight. Selon d'anciens salariés, l'entreprise perdait 30 à 40 % de ses clients.")
    result = extractor.extract(_article("n2", "4Sight, la start-up accusée d'avoir menti", text, "fr"))
    assert {d.company for d in result.disputes} == {"4Sight"}
    assert {d.metric for d in result.disputes} == {"revenue", "customers"}
    assert _claims(result) == {("4Sight", "churn", 35, "percent", "reporter")}


def test_pipeline_claimant_is_subject_not_investor_or_customer_spokesperson(extractor):
    text = ("Harbor Metrics, a data startup, has raised $22 million in a Series A round led by "
            "Quarry Capital. A spokesperson for Globex said the company was never a customer and "
            "that Harbor Metrics had shown its logo to investors. Harbor Metrics has about 400 "
            "customers, according to analysts at Pinegrove Research.")
    result = extractor.extract(_article("n3", "Harbor Metrics raises $22M", text))
    assert _rows(result) == [
        ("Harbor Metrics", "customers", 400, "reporter", False, None),
        ("Harbor Metrics", "funding", 22_000_000, "reporter", False, None),  # narration
    ]
    assert [(d.company, d.metric) for d in result.disputes] == [("Harbor Metrics", "customers")]


def test_pipeline_french_claimant_is_subject_not_lead_investor(extractor):
    text = ("Brume, une start-up de cybersécurité, a levé 12 millions d'euros lors d'un tour de "
            "table mené par Vallée Ventures. Brume compte 90 salariés.")
    result = extractor.extract(_article("n4", "Brume lève 12 millions d'euros", text, "fr"))
    assert {c.company for c in result.claims} == {"Brume"}
    assert {(c.metric, c.value) for c in result.claims} == {("funding", 12_000_000),
                                                             ("employees", 90)}


def test_pipeline_source_counts_are_not_claims_and_title_repeat_is_dropped(extractor):
    text = ("Tallow raised $30 million, more than twenty current and former employees told "
            "reporters. Tallow employs 150 people. Three people familiar with the matter said "
            "the round closed in May.")
    result = extractor.extract(_article("n5", "Tallow raised $30 million", text))
    assert _rows(result) == [("Tallow", "employees", 150, "reporter", False, None),
                             ("Tallow", "funding", 30_000_000, "reporter", False, None)]
    assert result.claims[0].sentence_index > 0 and result.claims[1].sentence_index > 0
    fr = ("Selon une dizaine d'anciens salariés, Tallow compte 150 salariés. Trois sources "
          "proches du dossier ont confié que Tallow a levé 30 millions d'euros.")
    fr_result = extractor.extract(_article("n6", "Tallow", fr, "fr"))
    assert {(c.metric, c.value) for c in fr_result.claims} == {("employees", 150),
                                                               ("funding", 30_000_000)}


def test_pipeline_said_subject_is_company_claim_with_main_company(extractor):
    text = ("Quillon said on Monday that its 2023 revenue was $14 million, revising the figure "
            "after an audit found that some deals had been counted twice.")
    result = extractor.extract(_article("n7", "Quillon revises its 2023 revenue", text))
    assert _rows(result) == [("Quillon", "revenue", 14_000_000, "company", False, "2023")]
    fr = ("Quillon a déclaré lundi que son chiffre d'affaires 2023 était de 14 millions "
          "d'euros, après un audit.")
    fr_result = extractor.extract(_article("n8", "Quillon révise ses comptes", fr, "fr"))
    assert [(c.company, c.metric, c.value, c.claimed_by) for c in fr_result.claims] == [
        ("Quillon", "revenue", 14_000_000, "company")]


def test_pipeline_units_forecast_and_outcome_share_period(extractor):
    forecast = extractor.extract(_article("n9", "Voltra's scooter plans", (
        "E-scooter maker Voltra plans to sell 50,000 scooters in its first year, its chief "
        "executive said.")))
    outcome = extractor.extract(_article("n10", "Voltra's first year", (
        "Voltra delivered about 8,000 scooters in its first year, according to registration "
        "data reviewed by reporters.")))
    assert _rows(forecast) == [("Voltra", "units", 50_000, "company", True, "first year")]
    assert _rows(outcome) == [("Voltra", "units", 8_000, "reporter", False, "first year")]
    fr = extractor.extract(_article("n11", "Voltra", (
        "Voltra prévoit de vendre 50 000 trottinettes électriques, soit 50 000 unités, "
        "la première année. Voltra a livré 8 000 véhicules en sa première année.")))
    assert {(c.metric, c.value, c.is_forecast) for c in fr.claims} >= {
        ("units", 50_000, True), ("units", 8_000, False)}
    assert {c.period for c in fr.claims if c.value == 8_000} == {"first year"}


def test_pipeline_french_claimed_figure_vs_reported_figure(extractor):
    text = ("D'après des documents consultés par la rédaction, ses revenus récurrents annuels "
            "étaient plus proches de 2 millions d'euros, loin des 6 millions d'euros revendiqués.")
    result = extractor.extract(_article("n12", "Zéphyr, la start-up qui enjolivait ses chiffres",
                                        "La start-up Zéphyr est sous le feu des critiques. " + text,
                                        "fr"))
    assert _claims(result) == {("Zéphyr", "arr", 2_000_000, "EUR", "reporter"),
                               ("Zéphyr", "arr", 6_000_000, "EUR", "company")}
    assert {c.period for c in result.claims} == {None}


def test_pipeline_one_of_the_customers_is_not_a_count(extractor):
    from datetime import datetime, timezone
    from claimwatch.records import Article
    article = Article(article_id="one", url=None, title="Quarrel over logos", source="t",
                      published_at=datetime(2025, 3, 1, tzinfo=timezone.utc), language="en",
                      text="A spokesperson for one of the customers listed by Acme AI said it never paid. "
                           "Acme AI says it has 40 customers.")
    values = sorted(c.value for c in extractor.extract(article).claims if c.metric == "customers")
    assert values == [40]
