import re

import pytest

from claimwatch.extractors.attribution import claimed_by, dispute_cue, is_forecast


def _first_number(sentence):
    return re.search(r"\d", sentence).start()


@pytest.mark.parametrize("sentence,expected", [
    ("AI startup Elevenx told customers it had $10 million in ARR.", "company"),
    ("Elevenx advertised $10 million in ARR on its website.", "company"),
    ("In a statement, Acme said it has 300 customers.", "company"),
    ("Acme's CEO said revenue tripled to $30 million.", "company"),
    ("Acme raised $50 million in a Series B round.", "reporter"),  # plain narration (issue 12)
    ("L'entreprise affirme compter 300 clients.", "company"),
    ("Selon l'entreprise, le chiffre d'affaires atteint 30 millions d'euros.", "company"),
    ("Lumo a annoncé une levée de 20 millions d'euros.", "company"),
    ("According to former employees, the startup lost 70 to 80% of its customers.", "reporter"),
    ("People familiar with the matter said revenue was closer to $3 million.", "reporter"),
    ("Documents seen by the newspaper show revenue of $3 million.", "reporter"),
    ("Selon nos sources, la start-up d'IA perdait 70 à 80 % de ses clients.", "reporter"),
    ("D'anciens salariés estiment que 40 % des clients sont partis.", "reporter"),
    ("According to sources, Acme told investors it had $10 million in ARR.", "company"),
])
def test_attribution_claimed_by_both_languages(sentence, expected):
    assert claimed_by(sentence, _first_number(sentence)) == expected


def test_attribution_claimed_by_without_position_prefers_independent_source():
    assert claimed_by("Former employees said the startup claimed $10M.") == "reporter"
    assert claimed_by("Acme said it has 300 customers.") == "company"


@pytest.mark.parametrize("sentence,expected", [
    ("Acme expects to reach $100 million in ARR by 2026.", True),
    ("The company aims to hire 200 people.", True),
    ("It plans to double revenue next year.", True),
    ("Revenue will hit $50 million.", True),
    ("La start-up vise 100 millions d'euros de chiffre d'affaires.", True),
    ("Elle prévoit de recruter 200 personnes d'ici 2026.", True),
    ("Le fondateur ambitionne 1 milliard de valorisation.", True),
    ("Revenue was better than expected at $5 million.", False),
    ("Acme raised $50 million last year.", False),
    ("La société a levé 20 millions d'euros.", False),
])
def test_attribution_forecast_both_languages(sentence, expected):
    assert is_forecast(sentence) is expected


@pytest.mark.parametrize("sentence,cue", [
    ("Staff said the ARR figure was inflated.", "inflated"),
    ("Several logos on its site were never customers.", "never customers"),
    ("The startup overstated its revenue.", "overstated"),
    ("Many of those firms were not paying customers.", "were not paying customers"),
    ("Des chiffres gonflés, selon d'anciens salariés.", "gonflés"),
    ("Plusieurs entreprises n'ont jamais été clients.", "n'ont jamais été clients"),
    ("Le site affichait de faux clients.", "faux clients"),
    ("Une présentation mensongère aux investisseurs.", "mensongère"),
])
def test_attribution_dispute_cues_both_languages(sentence, cue):
    assert dispute_cue(sentence) == cue


def test_attribution_no_dispute_cue_in_plain_claims():
    assert dispute_cue("Acme has 300 customers.") is None
    assert dispute_cue("La société compte 300 clients.") is None


def test_attribution_claim_word_fastened_to_figure_and_speaking_company():

    en = "According to records seen by reporters, sales were $4 million, not the advertised $9 million."
    assert claimed_by(en, en.index("$4")) == "reporter"
    assert claimed_by(en, en.index("$9")) == "company"
    fr = "Selon nos informations, le chiffre réel est de 4 millions, loin des 9 millions revendiqués."
    assert claimed_by(fr, fr.index("4 m")) == "reporter"
    assert claimed_by(fr, fr.index("9 m")) == "company"
    said = ("Brixton said on Friday its revenue was $8 million after an audit found that deals "
            "were booked early.")
    assert claimed_by(said, said.index("$8")) == "reporter"
    assert claimed_by(said, said.index("$8"), [(0, 7)]) == "company"


def test_attribution_forecast_cue_after_figure_stays_in_its_clause():

    en = "Brixton employs 60 people and plans to hire more next year."
    assert not is_forecast(en, en.index("60")) and is_forecast(en)
    assert is_forecast("Brixton expects to ship 5,000 units.", 25)
    fr = "Brixton emploie 60 salariés et prévoit d'en recruter davantage."
    assert not is_forecast(fr, fr.index("60"))
    assert is_forecast("Brixton prévoit de livrer 5 000 robots.", 27)


def test_attribution_french_never_customer_feminine():
    assert dispute_cue("Ces marques affirment n'avoir jamais été clientes de Brixton.")
    assert dispute_cue("Several firms said they were never paying customers.")


def test_attribution_dispute_words_need_a_figure_nearby():
    from claimwatch.extractors.attribution import dispute_cue
    # about a figure or customers: a dispute
    assert dispute_cue("Former staff say the startup's revenue figures were inflated.") == "inflated"
    assert dispute_cue("Des salariés affirment que la jeune pousse a gonflé ses chiffres.") == "gonflé"
    assert dispute_cue("Two retailers listed on its site were never customers.") is not None
    # the same words about something else: not a dispute
    assert dispute_cue("The dating app is cracking down on fake profiles and bots.") is None
    assert dispute_cue("Regulators opened an inquiry into fraud at a crypto exchange.") is None
    assert dispute_cue("Le jeu affiche de fausses images générées par l'IA.") is None
