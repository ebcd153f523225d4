"""Counted nouns to their singular lemma, English and French."""

from __future__ import annotations

import pytest

from claimwatch.extractors.nouns import singular


@pytest.mark.parametrize("plural, lemma", [
    ("employees", "employee"), ("solutions", "solution"), ("companies", "company"), ("businesses", "business"),
    ("boxes", "box"), ("branches", "branch"), ("people", "person"), ("staff", "staff"), ("GPUs", "GPU"),
    ("data centers", "data center"), ("start-ups", "start-up"), ("cases", "case"), ("movies", "movie"),
    ("Customers", "customer"), ("series", "series"), ("status", "status"), ("women", "woman"),
])
def test_nouns_english_plurals_become_singular(plural, lemma):
    assert singular(plural, "en") == lemma


@pytest.mark.parametrize("plural, lemma", [
    ("salariés", "salarié"), ("clients", "client"), ("bureaux", "bureau"), ("journaux", "journal"),
    ("jeux", "jeu"), ("mois", "mois"), ("pays", "pays"), ("entreprises", "entreprise"), ("travaux", "travail"),
    ("prix", "prix"), ("Utilisateurs", "utilisateur"), ("bijoux", "bijou"),
])
def test_nouns_french_plurals_become_singular(plural, lemma):
    assert singular(plural, "fr") == lemma


def test_nouns_missing_noun_stays_none():
    assert singular(None) is None and singular("  ") is None
