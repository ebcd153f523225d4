"""A dispute's metric is the figure its words are about, not the people deceived
(own sentences, English and French)."""

from claimwatch.extractors.claimant import find_dispute
from claimwatch.extractors.companies import CompanyRegistry


def _metric(sentence, language="en"):
    d = find_dispute("a1", language, sentence, 3, [], "Volta Rail", CompanyRegistry())
    return d.metric if d else "no dispute"


def test_claimant_dispute_metric_not_the_deceived_investors_en():
    s = ("The short seller says Volta Rail misled investors with misleading demos and "
         "inflated its revenue through related-party deals.")
    assert _metric(s) == "revenue"


def test_claimant_dispute_metric_not_the_deceived_investors_fr():
    s = ("Le rapport affirme que Volta Rail a trompé ses investisseurs avec des démonstrations "
         "truquées et un chiffre d'affaires gonflé.")
    assert _metric(s, "fr") == "revenue"


def test_claimant_dispute_metric_funding_still_found():
    s = "The lawsuit says Volta Rail inflated its funding round to attract customers."
    assert _metric(s) == "funding"
