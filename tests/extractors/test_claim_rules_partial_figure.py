"""Revenue from one counterparty and the recipients of an email are parts, not the company's
revenue or customer count (own sentences, English and French)."""

from datetime import datetime, timezone

import pytest

from claimwatch.extractors.pipeline import Extractor
from claimwatch.records import Article


def _claims(text, language):
    article = Article(article_id="a1", url="https://example.org/a1", title="Vexly under scrutiny",
                      text=text, source="example", language=language,
                      published_at=datetime(2026, 3, 1, tzinfo=timezone.utc))
    return {c.value: c for c in Extractor().extract(article).claims}


@pytest.mark.parametrize("language, text, value, metric", [
    ("en", "People familiar with the deals say Vexly booked about $40 million in revenue from "
           "Orbiton over three years.", 40e6, "other"),
    ("en", "Vexly said its revenue reached $40 million in 2025.", 40e6, "revenue"),
    ("en", "The bank says a newsletter it sent to 250,000 Vexly customers mostly bounced.",
     250000, "other"),
    ("en", "Vexly says it has 250,000 customers.", 250000, "other_than_recipients"),
    ("en", "Vexly said it sent an email to 250,000 customers last week.", 250000, "other"),
    ("fr", "Selon des documents, Vexly a réalisé 40 millions d'euros de chiffre d'affaires "
           "auprès de Orbiton en trois ans.", 40e6, "other"),
    ("fr", "La banque affirme avoir envoyé un courriel à 250 000 clients de Vexly.", 250000, "other"),
])
def test_claim_rules_partial_figure(language, text, value, metric):
    claim = _claims(text, language).get(value)
    if metric == "other_than_recipients":
        assert claim is not None and claim.metric == "customers"
        return
    if metric != "other":
        assert claim is not None and claim.metric == metric
        return
    # a part is never the company's revenue or customer count: kept as ``other`` or left out
    assert claim is None or (claim.metric == "other" and claim.other_kind in
                             ("revenue from one counterparty", "customers contacted"))


def _q(sentence, figure, unit="USD"):
    from claimwatch.extractors.models import Quantity
    start = sentence.index(figure)
    return Quantity(figure, start, start + len(figure), 1.0, None, None, unit)


@pytest.mark.parametrize("sentence, figure, metric, unit, expected", [
    ("Vexly booked $40 million in revenue from Orbiton.", "$40 million", "revenue", "USD",
     "revenue from one counterparty"),
    ("Vexly made $40 million from its largest customer.", "$40 million", "revenue", "USD",
     "revenue from one counterparty"),
    ("Vexly a réalisé 40 millions d'euros de chiffre d'affaires auprès de Orbiton.",
     "40 millions d'euros", "revenue", "EUR", "revenue from one counterparty"),
    ("Vexly's revenue was $40 million from January to March.", "$40 million", "revenue", "USD", None),
    ("Vexly's revenue rose to $40 million from $20 million.", "$40 million", "revenue", "USD", None),
    ("Vexly now serves 9,000 customers.", "9,000", "customers", "count", None),
])
def test_claim_rules_partial_figure_rule(sentence, figure, metric, unit, expected):
    from claimwatch.extractors.claim_rules import partial_figure
    assert partial_figure(sentence, _q(sentence, figure, unit), metric) == expected
