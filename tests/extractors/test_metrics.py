from datetime import date

import pytest

from claimwatch.extractors.metrics import metric_for, period_for


def _metric(sentence, quantity, unit, noun=None):
    start = sentence.index(quantity)
    return metric_for(sentence, start, start + len(quantity), unit, noun)


@pytest.mark.parametrize("sentence,quantity,unit,noun,expected", [
    ("AI startup Elevenx told customers it had $10 million in ARR.", "$10 million", "USD", None, "arr"),
    ("L'entreprise revendiquait 10 millions de dollars de revenus récurrents annuels.", "10 millions de dollars", "USD", None, "arr"),
    ("Acme posted revenue of $12 million last year.", "$12 million", "USD", None, "revenue"),
    ("La société a réalisé un chiffre d'affaires de 12 millions d'euros.", "12 millions d'euros", "EUR", None, "revenue"),
    ("Acme was valued at $1.5 billion after the round.", "$1.5 billion", "USD", None, "valuation"),
    ("Lumo est désormais valorisée à 2 milliards d'euros.", "2 milliards d'euros", "EUR", None, "valuation"),
    ("Acme raised $200 million in a Series C.", "$200 million", "USD", None, "funding"),
    ("Mistral AI a levé 600 millions d'euros, valorisée à 6 milliards.", "600 millions d'euros", "EUR", None, "funding"),
    ("It now serves 300 paying customers.", "300", "count", "customers", "customers"),
    ("Elle compte 300 clients.", "300", "count", "clients", "customers"),
    ("It has 2 million monthly active users.", "2 million", "count", "users", "users"),
    ("L'application revendique 2 millions d'utilisateurs.", "2 millions", "count", "utilisateurs", "users"),
    ("The startup has 120 employees.", "120", "count", "employees", "employees"),
    ("La start-up emploie 120 salariés.", "120", "count", "salariés", "employees"),
    ("Staff said it lost 70 to 80% of its customers.", "70 to 80%", "percent", None, "churn"),
    ("La start-up perdait 70 à 80 % de ses clients.", "70 à 80 %", "percent", None, "churn"),
    ("Its revenue grew 40% year over year.", "40%", "percent", None, "growth"),
    ("Sa croissance atteint 40 % sur un an.", "40 %", "percent", None, "growth"),
    ("It posted a net loss of $30 million.", "$30 million", "USD", None, "loss"),
    ("Elle affiche une perte de 30 millions d'euros.", "30 millions d'euros", "EUR", None, "loss"),
    ("It reported a profit of $5 million.", "$5 million", "USD", None, "profit"),
    ("Bookings reached $40 million.", "$40 million", "USD", None, "bookings"),
    ("GMV hit $1 billion.", "$1 billion", "USD", None, "gmv"),
    ("The office cost $3 million.", "$3 million", "USD", None, "other"),
])
def test_metrics_metric_for_both_languages(sentence, quantity, unit, noun, expected):
    assert _metric(sentence, quantity, unit, noun) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Revenue reached $5 million in Q3 2024.", ("Q3 2024", date(2024, 9, 30))),
    ("Au troisième trimestre 2024, le chiffre d'affaires a atteint 5 millions.", ("Q3 2024", date(2024, 9, 30))),
    ("Its 2024 revenue was $5 million.", ("2024", date(2024, 12, 31))),
    ("Elle vise 100 millions d'euros d'ici 2026.", ("2026", date(2026, 12, 31))),
    ("It made $5 million in H1 2025.", ("H1 2025", date(2025, 6, 30))),
    ("Au premier semestre 2025, elle a réalisé 5 millions.", ("H1 2025", date(2025, 6, 30))),
    ("It made $5 million in its first year.", ("first year", None)),
    ("It charges $20 per month.", ("monthly", None)),
    ("Elle facture 20 euros par mois.", ("monthly", None)),
    ("Revenue doubled last quarter.", ("last quarter", None)),
    ("It raised $5 million.", (None, None)),
])
def test_metrics_period_for_both_languages(sentence, expected):
    assert period_for(sentence) == expected


def test_metrics_last_year_needs_publication_date():
    assert period_for("Revenue was $5M last year.") == ("last year", None)
    assert period_for("Son chiffre d'affaires l'an dernier: 5 M€.", date(2025, 3, 1)) == (
        "2024", date(2024, 12, 31))


def test_metrics_units_counts_and_arr_is_not_a_period():

    en = "The maker shipped 4,000 headsets and sold 900 units to schools."
    assert metric_for(en, en.index("4,000"), en.index("4,000") + 5, "count") == "units"
    assert metric_for(en, en.index("900"), en.index("900") + 3, "count") == "units"
    fr = "Le constructeur a livré 3 000 véhicules."
    assert metric_for(fr, fr.index("3 000"), fr.index("3 000") + 5, "count") == "units"
    assert period_for("It had $5M in annual recurring revenue.")[0] is None
    assert period_for("Ses revenus récurrents annuels atteignent 5 millions.")[0] is None
    assert period_for("It charges $5,000 per year.")[0] == "annual"


def test_metrics_joined_cues_keep_case_sensitivity():
    from claimwatch.extractors.metrics import find_metric_cues

    assert ("arr", 13, 16) in find_metric_cues("Acme reports ARR of $5M.")
    assert not [c for c in find_metric_cues("they arr ca gmv") if c[0] in ("arr", "revenue", "gmv")]
    # cached calls return equal, independent lists
    first = find_metric_cues("Acme raised $5M in revenue.")
    first.append(("x", 0, 0))
    assert ("x", 0, 0) not in find_metric_cues("Acme raised $5M in revenue.")


def test_metrics_count_metric_by_verb_en_fr():
    from claimwatch.extractors.metrics import count_metric_by_verb

    text = "Some 450 clinics rely on Acme."
    assert count_metric_by_verb(text, 5, 8) == "customers"
    fr = "Acme travaille avec 30 hôpitaux."
    assert count_metric_by_verb(fr, fr.index("30"), fr.index("30") + 2) == "customers"
    assert count_metric_by_verb("Acme has 30 engineers.", 9, 11) is None
