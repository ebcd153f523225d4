"""Bracketed conversions and carried currencies (own sentences, English and French)."""

from claimwatch.extractors.claim_rules import carried_currency, conversions
from claimwatch.extractors.quantities import find_quantities


def test_claim_rules_conversions_bracketed_amount_is_an_alternative():
    text = "Kestrel raised $450m (£350m) last year and $20m in 2020."
    kept, alternatives = conversions(text, find_quantities(text, "en"))
    assert [(q.value, q.unit) for q in kept] == [(450e6, "USD"), (20e6, "USD")]
    assert (alternatives[kept[0].start].value, alternatives[kept[0].start].unit) == (350e6, "GBP")
    fr = "Kestrel a levé 300 millions de dollars (275 millions d'euros)."
    kept, alternatives = conversions(fr, find_quantities(fr, "fr"))
    assert [(q.value, q.unit) for q in kept] == [(300e6, "USD")]
    assert alternatives[kept[0].start].unit == "EUR"


def test_claim_rules_conversions_two_amounts_in_one_currency_stay_two():
    text = "Revenue rose from $3m ($2m in 2022) to $5m."
    kept, alternatives = conversions(text, find_quantities(text, "en"))
    assert len(kept) == 3 and not alternatives


def test_claim_rules_carried_currency_from_earlier_figure():
    fr = "Elle a levé 20 millions d'euros, après les 80 millions déjà levés."
    q = find_quantities(fr, "fr")[1]
    assert q.unit == "count"
    assert carried_currency(fr, q, ["EUR"]) == "EUR"
    assert carried_currency(fr, q, ["count"]) is None
    users = "Elle compte 3 millions d'utilisateurs."
    assert carried_currency(users, find_quantities(users, "fr")[0], ["EUR"]) is None
    en = "It has 5 million users."
    assert carried_currency(en, find_quantities(en, "en")[0], ["USD"]) is None


def test_claim_rules_hyphenated_scale_word():
    assert [(q.value, q.unit) for q in find_quantities("a $120-million round", "en")] == [
        (120e6, "USD")]
    assert [(q.value, q.unit) for q in find_quantities("a C$45-million loan", "en")] == [
        (45e6, "CAD")]
