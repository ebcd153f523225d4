"""A company's claim and the reporter's own finding inside one article; pairs across languages and names."""

from __future__ import annotations

import pytest

from claimwatch.names import company_stem as company_group_key
from claimwatch.warehouse.companies import company_groups
from claimwatch.warehouse.periods import normalize_period


def test_detect_intra_claim_and_finding_in_one_english_article(store):
    a = store.article("Ledger Weekly", "2025-04-02")
    claim = store.claim(a, "Tarnwell", "arr", 10e6, hedge="about", low=10e6, high=10e6, pos=1,
                        sentence="Tarnwell has advertised about $10 million of annual recurring revenue.")
    finding = store.claim(a, "Tarnwell", "arr", 3e6, by="reporter", hedge="about", pos=4,
                          sentence="Invoices seen by Ledger Weekly put the figure closer to $3 million.")
    assert store.detect() == 1
    [row] = store.rows()
    assert row["kind"] == "numeric"
    assert (row["claim_id"], row["contradicting_claim_id"]) == (claim, finding)
    assert row["claim_article_id"] == row["contradicting_article_id"] == a
    assert (row["claimed_value"], row["reported_value"]) == (10e6, 3e6)
    assert "same article" in row["explanation"] and "$3M" in row["explanation"]


def test_detect_intra_claim_and_finding_in_one_french_article(store):
    a = store.article("Journal des Startups", "2025-05-12", language="fr")
    store.claim(a, "Ornive", "revenue", 12e6, "EUR", pos=0, language="fr",
                sentence="Ornive affirme réaliser 12 millions d'euros de revenus annuels.")
    store.claim(a, "Ornive", "revenue", 4e6, "EUR", by="reporter", pos=1, language="fr",
                sentence="Selon des documents internes, ses revenus étaient plutôt de 4 millions d'euros.")
    assert store.detect() == 1
    [row] = store.rows()
    assert row["claim_article_id"] == row["contradicting_article_id"] == a
    assert "€12M" in row["explanation"] and "€4M" in row["explanation"]


def test_detect_intra_one_row_per_period_stated(store):
    a = store.article("Paper", "2025-05-20")
    store.claim(a, "Tarnwell", "revenue", 200e6, period="2024", pos=1)
    store.claim(a, "Tarnwell", "revenue", 150e6, period="2023", pos=2)
    store.claim(a, "Tarnwell", "revenue", 50e6, by="reporter", period="2024", pos=5)
    store.claim(a, "Tarnwell", "revenue", 40e6, by="reporter", period="2023", pos=6)
    assert store.detect() == 2
    pairs = {(r["claimed_value"], r["reported_value"]) for r in store.rows()}
    assert pairs == {(200e6, 50e6), (150e6, 40e6)}  # never 2024's claim against 2023's finding


def test_detect_intra_flattering_finding_is_not_a_contradiction(store):
    a = store.article("Paper", "2025-05-20")
    store.claim(a, "Tarnwell", "customers", 500, "count", pos=1)
    store.claim(a, "Tarnwell", "customers", 800, "count", by="reporter", pos=2)
    assert store.detect() == 0


def test_detect_intra_quote_also_pairs_with_a_later_report_in_another_language(store):
    report = store.article("Ledger Weekly", "2025-04-02")
    store.claim(report, "Tarnwell", "arr", 10e6, pos=1)
    store.claim(report, "Tarnwell", "arr", 3e6, by="reporter", pos=2)
    later = store.article("Le Quotidien Tech", "2025-04-20", language="fr")
    store.claim(later, "Tarnwell", "arr", 2.5e6, by="reporter", pos=0, language="fr")
    assert store.detect() == 2
    rows = sorted(store.rows(), key=lambda r: r["contradicting_article_id"] == later)
    assert rows[0]["claim_article_id"] == rows[0]["contradicting_article_id"] == report
    assert (rows[1]["claim_article_id"], rows[1]["contradicting_article_id"]) == (report, later)


def test_detect_intra_two_claimed_figures_against_one_finding(store):
    a1 = store.article("Blog", "2025-01-05")
    store.claim(a1, "Tarnwell", "users", 5e6, "count", hedge="more_than", high=None)
    a2 = store.article("Wire", "2025-01-20")
    store.claim(a2, "Tarnwell", "users", 4.1e6, "count")
    a3 = store.article("Court reporter", "2025-02-10")
    store.claim(a3, "Tarnwell", "users", 3e5, "count", by="reporter", hedge="less_than", low=None)
    store.detect()
    assert sorted(r["claimed_value"] for r in store.rows("numeric")) == [4.1e6, 5e6]


def test_detect_intra_re_reported_claim_is_one_figure(store):
    a1 = store.article("Blog", "2025-01-05")
    store.claim(a1, "Tarnwell", "users", 4.0e6, "count")
    a2 = store.article("Wire", "2025-01-20")
    store.claim(a2, "Tarnwell", "users", 4.1e6, "count")
    a3 = store.article("Court reporter", "2025-02-10")
    store.claim(a3, "Tarnwell", "users", 3e5, "count", by="reporter")
    assert store.detect() == 1


def test_detect_intra_claim_in_french_finding_in_english_under_another_name(store):
    fr = store.article("Le Quotidien Tech", "2025-01-15", language="fr")
    store.claim(fr, "Vardeno", "revenue", 30e6, "USD", period="2024", language="fr",
                sentence="Vardeno revendique 30 millions de dollars de revenus en 2024.")
    en = store.article("Ledger Weekly", "2025-03-01")
    store.claim(en, "Vardeno AI", "revenue", 8e6, "USD", by="reporter", period="2024",
                sentence="An audit found Vardeno AI's 2024 revenue was $8 million.")
    assert store.detect() == 1
    [row] = store.rows()
    assert (row["claim_article_id"], row["contradicting_article_id"]) == (fr, en)


def test_detect_intra_undated_articles_still_pair(store):
    claim_article = store.article("Blog", "2025-01-05")
    finding_article = store.article("Archive", "2025-01-05")
    store.con.execute("UPDATE articles SET published_at = NULL, first_seen_at = TIMESTAMPTZ '2026-11-30 00:00+00' "
                      "WHERE article_id = ?", [finding_article])
    store.con.execute("UPDATE claims SET published_at = NULL WHERE article_id = ?", [finding_article])
    store.claim(claim_article, "Tarnwell", "customers", 2000, "count")
    store.claim(finding_article, "Tarnwell", "customers", 400, "count", by="reporter")
    assert store.detect() == 1
    assert "undated" in store.rows()[0]["explanation"]


@pytest.mark.parametrize("names, together", [
    (("Vardeno", "Vardeno AI", "vardeno.ai"), True),
    (("Kestrel Motors", "Kestrel Motor Company", "Kestrel"), True),
    (("Kestrel", "Kestrel One"), False),      # a product keeps its own name
    (("Zed AI", "Zed Labs"), False),          # too short a core to merge on
])
def test_detect_intra_company_groups(names, together):
    mapping = company_groups({n: i + 1 for i, n in enumerate(names)})
    assert (len({mapping[n] for n in names}) == 1) is together


def test_detect_intra_company_key_and_year_ranges():
    assert company_group_key("Vardeno.ai") == company_group_key("VARDENO AI") == "vardeno"
    assert normalize_period("2021-2024")[0] == normalize_period("entre 2021 et 2024")[0]
    assert normalize_period("2021-2024")[0] != normalize_period("2024")[0]
