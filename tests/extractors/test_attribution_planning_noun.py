"""'planning' as a noun (financial planning, a planning tool) is no forecast cue; the verb is."""

import pytest

from claimwatch.extractors.attribution import is_forecast


@pytest.mark.parametrize("sentence, figure", [
    ("Lumora, a retirement planning app, says it has 2 million members.", "2 million"),
    ("The founder boasted that her tax-planning platform served 800,000 households.", "800,000"),
    ("Planova, un outil de planning pour PME, revendique 40 000 clients.", "40 000"),
])
def test_attribution_planning_noun_is_not_forecast(sentence, figure):
    assert is_forecast(sentence, sentence.index(figure)) is False


@pytest.mark.parametrize("sentence, figure", [
    ("Lumora is planning to reach 5 million members.", "5 million"),
    ("Lumora plans to hire 300 engineers.", "300"),
    ("Planova prévoit 90 000 clients.", "90 000"),
])
def test_attribution_planning_verb_is_forecast(sentence, figure):
    assert is_forecast(sentence, sentence.index(figure)) is True
