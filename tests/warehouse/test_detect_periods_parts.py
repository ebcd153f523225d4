"""Periods and parts: a quoted figure takes the period the company gives it elsewhere, a
finding for another year or for several years stays apart, revenue from one partner is not the
total, AI claims against counts of people doing the work, one row per fact."""

from __future__ import annotations


def test_detect_quoted_figure_takes_the_period_given_elsewhere(store):
    a1 = store.article("Tallow Wire", "2025-03-01")
    store.claim(a1, "Marrowind", "revenue", 90e6, period="2026", by="company",
                sentence="Marrowind expects revenue of $90 million for 2026.")
    a2 = store.article("Ledger Post", "2025-06-01")
    store.claim(a2, "Marrowind", "revenue", 90e6, by="company",
                sentence="Marrowind had pitched $90 million to investors.")
    store.claim(a2, "Marrowind", "revenue", 20e6, period="2025", by="reporter", pos=1,
                sentence="Its 2025 sales are tracking near $20 million.")
    store.detect()
    # the $90M is 2026's; the $20M is 2025's: not the same figure
    assert store.rows() == []


def test_detect_quoted_figure_without_period_elsewhere_still_pairs(store):
    a1 = store.article("Ledger Post", "2025-06-01")
    store.claim(a1, "Marrowind", "revenue", 90e6, by="company",
                sentence="Marrowind had pitched $90 million to investors.")
    store.claim(a1, "Marrowind", "revenue", 20e6, by="reporter", pos=1,
                sentence="An audit found $20 million.")
    store.detect()
    assert [(r["claimed_value"], r["reported_value"]) for r in store.rows()] == [(90e6, 20e6)]


def test_detect_finding_for_another_year_does_not_pair(store):
    a1 = store.article("Tallow Wire", "2025-03-01")
    store.claim(a1, "Marrowind", "revenue", 90e6, period="2025", by="company")
    a2 = store.article("Ledger Post", "2025-06-01")
    store.claim(a2, "Marrowind", "revenue", 20e6, period="2024", by="reporter")
    store.detect()
    assert store.rows() == []


def test_detect_multi_year_total_does_not_pair_with_a_yearly_claim(store):
    a1 = store.article("Tallow Wire", "2025-03-01")
    store.claim(a1, "Marrowind", "revenue", 90e6, by="company")
    a2 = store.article("Ledger Post", "2025-06-01")
    store.claim(a2, "Marrowind", "revenue", 30e6, period="3 years", by="reporter")
    store.claim(a2, "Marrowind", "revenue", 25e6, period="2021-2024", by="reporter", pos=1)
    store.detect()
    assert store.rows() == []


def test_detect_revenue_from_one_partner_is_a_part(store):
    a1 = store.article("Tallow Wire", "2025-03-01")
    store.claim(a1, "Marrowind", "revenue", 90e6, by="company",
                sentence="Marrowind said its revenue reached $90 million.")
    a2 = store.article("Ledger Post", "2025-06-01")
    store.claim(a2, "Marrowind", "revenue", 30e6, by="reporter",
                sentence="Marrowind booked about $30 million in revenue from Kestrelon, a reseller.")
    a3 = store.article("Le Courrier", "2025-06-02", language="fr")
    store.claim(a3, "Marrowind", "revenue", 30e6, by="reporter", language="fr",
                sentence="Le chiffre d'affaires réalisé avec son principal client atteint 30 millions.")
    store.detect()
    assert store.rows() == []


def test_detect_revenue_from_customers_is_still_the_total(store):
    a1 = store.article("Tallow Wire", "2025-03-01")
    store.claim(a1, "Marrowind", "revenue", 90e6, by="company",
                sentence="Marrowind said its revenue reached $90 million.")
    a2 = store.article("Ledger Post", "2025-06-01")
    store.claim(a2, "Marrowind", "revenue", 30e6, by="reporter",
                sentence="Documents show revenue from customers was closer to $30 million.")
    store.detect()
    assert [(r["claimed_value"], r["reported_value"]) for r in store.rows()] == [(90e6, 30e6)]


def test_detect_ai_built_share_disputed_by_people_doing_the_work(store):
    a1 = store.article("Quill Daily", "2025-01-10")
    store.claim(a1, "Corvane", "ai_built_share", 85, unit="percent", by="company",
                sentence="Corvane says its assistant writes 85% of each app.")
    a2 = store.article("Fieldnote", "2025-04-02")
    store.claim(a2, "Corvane", "human_involvement", 450, unit="count", by="reporter",
                sentence="About 450 contractors wrote the code by hand, former staff said.")
    store.claim(a2, "Corvane", "human_involvement", 300, unit="count", by="reporter", pos=1,
                sentence="Another 300 testers checked each build.")
    store.detect()
    [row] = store.rows()
    assert (row["kind"], row["metric"], row["claimed_value"]) == ("dispute", "ai_built_share", 85)
    assert row["reported_value"] is None
    assert "people" in row["explanation"] and "85%" in row["explanation"]


def test_detect_people_count_before_the_claim_stays_quiet(store):
    a1 = store.article("Fieldnote", "2024-04-02")
    store.claim(a1, "Corvane", "human_involvement", 450, unit="count", by="reporter")
    a2 = store.article("Quill Daily", "2025-01-10")
    store.claim(a2, "Corvane", "automation_rate", 90, unit="percent", by="company")
    store.detect()
    assert store.rows() == []


def test_detect_dispute_left_out_when_the_article_has_claim_and_finding(store):
    a1 = store.article("Tallow Wire", "2025-03-01")
    store.claim(a1, "Marrowind", "revenue", 90e6, by="company")
    a2 = store.article("Ledger Post", "2025-06-01")
    store.claim(a2, "Marrowind", "revenue", 90e6, by="company", pos=1)
    store.claim(a2, "Marrowind", "revenue", 20e6, by="reporter", pos=1)
    store.dispute(a2, "Marrowind", "inflated", "Its revenue was inflated.", metric="revenue", index=2)
    store.detect()
    assert [r["kind"] for r in store.rows()] == ["numeric"]


def test_detect_dispute_prefers_a_recent_claim_to_an_old_one_of_its_metric(store):
    a1 = store.article("Rig Weekly", "2019-05-01")
    store.claim(a1, "Harrowgate", "funding", 200e6, by="company")
    a2 = store.article("Rig Weekly", "2023-02-01")
    store.claim(a2, "Harrowgate", "other", 8e9, by="company", other_kind="order backlog")
    a3 = store.article("Short Report", "2023-09-01")
    store.dispute(a3, "Harrowgate", "misleading", "It misled investors with inflated orders.",
                  metric="funding")
    store.detect()
    [row] = store.rows()
    assert (row["kind"], row["claimed_value"]) == ("dispute", 8e9)


def test_detect_dispute_keeps_an_old_claim_when_nothing_recent(store):
    a1 = store.article("Rig Weekly", "2019-05-01")
    store.claim(a1, "Harrowgate", "funding", 200e6, by="company")
    a3 = store.article("Short Report", "2023-09-01")
    store.dispute(a3, "Harrowgate", "misleading", "It misled investors.", metric="funding")
    store.detect()
    assert [r["claimed_value"] for r in store.rows()] == [200e6]
