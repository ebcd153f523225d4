""""Acme founder says ..." in the title: the one person the article names is that executive,
so "according to <surname>" is the company speaking (own sentences, English and French)."""

from claimwatch.extractors.attribution import claimed_by
from claimwatch.extractors.claimant import speakers, title_executive


def test_claimant_title_executive_one_person():
    assert title_executive("Volta Rail founder says the company is ready", ["Dana Okafor"]) == {"Okafor"}
    assert title_executive("Le fondateur de Volta Rail affirme que tout va bien",
                           ["Okafor"]) == {"Okafor"}


def test_claimant_title_executive_needs_title_and_one_person():
    assert title_executive("Volta Rail posts record quarter", ["Okafor"]) == set()
    assert title_executive("Volta Rail CEO says demand is strong", ["Okafor", "Lind"]) == set()


def test_claimant_title_executive_makes_according_to_a_company_claim():
    s = "According to Okafor, the company has a $4 billion order book."
    people = title_executive("Volta Rail founder says orders are pouring in", ["Okafor"])
    assert claimed_by(s, s.index("$4"), speakers([], s, people)) == "company"
    assert claimed_by(s, s.index("$4"), speakers([], s, set())) == "reporter"
