from claimwatch.extractors.claim_rules import elliptical_parent, is_distractor_count, refers_back
from claimwatch.records import Claim
from claimwatch.extractors.quantities import find_quantities


def _q(text, language, index=0):
    return find_quantities(text, language=language)[index]


def _claim(text, q, unit, metric):
    return Claim(article_id="a", company="Acme", metric=metric, value=q.value,
                 value_low=q.value_low, value_high=q.value_high, unit=unit, claimed_by="company",
                 sentence=text, quantity_text=q.text, sentence_index=1, char_start=q.start)


def test_claim_rules_distractor_counts_en_fr():
    text = "Acme sells in 30 countries and has 200 employees."
    assert is_distractor_count(text, _q(text, "en", 0))
    assert not is_distractor_count(text, _q(text, "en", 1))
    fr = "Acme est présente dans 12 pays."
    assert is_distractor_count(fr, _q(fr, "fr"))
    age = "Its chief executive, 38, said the startup is growing."
    assert is_distractor_count(age, _q(age, "en"))


def test_claim_rules_elliptical_parent_by_link_word():
    text = "Acme has 800 customers, up from 350 last year."
    first, second = find_quantities(text, language="en")
    parent = _claim(text, first, "count", "customers")
    assert elliptical_parent(text, second, [parent], 0) is parent
    fr = "Acme a levé 12 millions d'euros, contre 5 millions en 2023."
    first, second = find_quantities(fr, language="fr")
    parent = _claim(fr, first, "EUR", "funding")
    assert elliptical_parent(fr, second, [parent], 0) is parent


def test_claim_rules_no_parent_for_figure_with_its_own_noun():
    text = "Acme raised $5 million and hired 40 engineers."
    first, second = find_quantities(text, language="en")
    assert elliptical_parent(text, second, [_claim(text, first, "USD", "funding")], 0) is None


def test_claim_rules_refers_back():
    assert refers_back("Two former staff said the real figure was closer to $2 million.")
    assert refers_back("En réalité, le chiffre serait de 3 millions.")
    assert not refers_back("Acme raised $2 million in 2024.")
