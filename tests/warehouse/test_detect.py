"""Contradiction detection on hand-made claims in a real DuckDB file: one test per kind, plus
idempotency, recomputation and the explanation text."""

from __future__ import annotations


import pytest

from claimwatch.config import DetectConfig
from claimwatch.figures import format_figure
from claimwatch.warehouse.explain import explain
from claimwatch.warehouse.periods import normalize_period

def _eleven_x(store):
    a1 = store.article("11x blog", "2024-10-03")
    c1 = store.claim(a1, "11x", "arr", 10e6)
    a2 = store.article("TechCrunch", "2025-03-24")
    c2 = store.claim(a2, "11x", "arr", 3e6, by="reporter", hedge="about", low=2.7e6, high=3.3e6)
    return a1, c1, a2, c2


def test_detect_numeric_flags_lower_later_report(store):
    _, c1, a2, c2 = _eleven_x(store)
    assert store.detect() == 1
    [row] = store.rows()
    assert (row["kind"], row["company"], row["metric"]) == ("numeric", "11x", "arr")
    assert (row["claim_id"], row["contradicting_claim_id"]) == (c1, c2)
    assert row["contradicting_article_id"] == a2
    assert row["severity"] == pytest.approx((10e6 - 3.3e6) / 10e6)
    assert (row["claimed_value"], row["reported_value"], row["unit"]) == (10e6, 3e6, "USD")


def test_detect_explanation_names_sources_dates_and_figures(store):
    _eleven_x(store)
    store.detect()
    text = store.rows()[0]["explanation"]
    for part in ("11x blog", "2024-10-03", "TechCrunch", "2025-03-24", "$10M", "about $3M",
                 "ARR"):
        assert part in text, (part, text)


def test_detect_is_idempotent(store):
    _eleven_x(store)
    assert store.detect(run_id="r1") == 1
    before = store.rows()
    assert store.detect(run_id="r2") == 0
    after = store.rows()
    assert after == before
    assert after[0]["run_id"] == "r1"


def test_detect_recompute_drops_contradiction_when_claim_disappears(store):
    _, _, _, c2 = _eleven_x(store)
    assert store.detect() == 1
    store.con.execute("DELETE FROM claims WHERE claim_id = ?", [c2])
    assert store.detect() == 0
    assert store.rows() == []


def test_detect_companies_scope_leaves_other_companies_alone(store):
    _, _, _, c2 = _eleven_x(store)
    store.detect()
    store.con.execute("DELETE FROM claims WHERE claim_id = ?", [c2])
    store.detect(companies=["Acme"])
    assert len(store.rows()) == 1  # 11x was not in scope
    store.detect(companies=["11x"])
    assert store.rows() == []


def test_detect_keeps_status_of_rows_still_supported(store):
    _eleven_x(store)
    store.detect()
    store.con.execute("UPDATE contradictions SET status = 'dismissed'")
    assert store.detect() == 0
    assert store.rows()[0]["status"] == "dismissed"


def test_detect_numeric_one_row_per_reporting_article(store):
    a1 = store.article("Blog", "2024-10-01")
    store.claim(a1, "Acme", "revenue", 20e6)
    a2 = store.article("Wire", "2024-11-01")
    latest = store.claim(a2, "Acme", "revenue", 21e6)  # re-reported company figure
    a3 = store.article("Paper", "2025-01-10")
    store.claim(a3, "Acme", "revenue", 5e6, by="reporter", pos=1)
    store.claim(a3, "Acme", "revenue", 5.5e6, by="reporter", pos=2)
    assert store.detect() == 1
    assert store.rows()[0]["claim_id"] == latest


def test_detect_numeric_churn_higher_is_the_contradiction(store):
    a1 = store.article("Blog", "2025-01-05")
    store.claim(a1, "Acme", "churn", 5, "percent")
    a2 = store.article("TechCrunch", "2025-03-24")
    store.claim(a2, "Acme", "churn", 75, "percent", by="reporter", low=70, high=80, hedge="range")
    assert store.detect() == 1
    row = store.rows()[0]
    assert "70–80%" in row["explanation"] and "5%" in row["explanation"]


def test_detect_numeric_open_interval(store):
    a1 = store.article("Blog", "2025-01-05")
    store.claim(a1, "Acme", "customers", 1000, "count", hedge="more_than", high=None)
    a2 = store.article("Paper", "2025-02-05")
    store.claim(a2, "Acme", "customers", 1500, "count", by="reporter")
    assert store.detect() == 0  # inside the half-line
    a3 = store.article("Other paper", "2025-02-06")
    store.claim(a3, "Acme", "customers", 300, "count", by="reporter")
    assert store.detect() == 1
    assert "more than 1,000 customers" in store.rows()[0]["explanation"]


def test_detect_numeric_same_period_higher_report_is_flagged(store):
    a1 = store.article("Blog", "2025-01-05")
    store.claim(a1, "Acme", "revenue", 10e6, period="2024")
    a2 = store.article("Paper", "2025-06-05")
    store.claim(a2, "Acme", "revenue", 20e6, by="reporter", period="2024")
    assert store.detect() == 1
    assert "well above" in store.rows()[0]["explanation"]


def test_detect_dispute_links_latest_earlier_claim_of_metric(store):
    a0 = store.article("Blog", "2024-06-01")
    store.claim(a0, "11x", "arr", 5e6)
    a1 = store.article("Blog", "2024-10-03")
    c1 = store.claim(a1, "11x", "arr", 10e6)
    store.claim(a1, "11x", "customers", 300, "count", pos=5)
    a2 = store.article("TechCrunch", "2025-03-24")
    d1 = store.dispute(a2, "11x", "inflated", "11x inflated its ARR, sources say.", "arr", 2)
    store.dispute(a2, "11x", "never a customer", "We were never a customer.", "customers", 7)
    assert store.detect() == 1  # one per disputing article and company
    [row] = store.rows("dispute")
    assert (row["claim_id"], row["dispute_id"], row["metric"]) == (c1, d1, "arr")
    assert row["severity"] == pytest.approx(0.5)
    assert "“inflated”" in row["explanation"] and "$10M" in row["explanation"]
    assert "TechCrunch (2025-03-24)" in row["explanation"]


def test_detect_dispute_takes_figure_from_disputing_article(store):
    a1 = store.article("Blog", "2024-10-03")
    store.claim(a1, "11x", "arr", 10e6)
    a2 = store.article("TechCrunch", "2025-03-24")
    c2 = store.claim(a2, "11x", "arr", 3e6, by="reporter", hedge="about")
    store.dispute(a2, "11x", "inflated", "11x inflated its ARR.", "arr")
    store.detect()
    [row] = store.rows("dispute")
    assert row["contradicting_claim_id"] == c2
    assert row["severity"] == pytest.approx(0.7)


def test_detect_dispute_without_any_claim(store):
    a2 = store.article("TechCrunch", "2025-03-24")
    store.dispute(a2, "Ghost", "fabricated", "Ghost fabricated its customer list.", "customers")
    assert store.detect() == 1
    row = store.rows()[0]
    assert row["claim_id"] is None and row["metric"] == "customers"
    assert "No figure from the company" in row["explanation"]


def test_detect_dispute_falls_back_to_quote_in_same_article(store):
    a2 = store.article("TechCrunch", "2025-03-24")
    quoted = store.claim(a2, "11x", "arr", 10e6)
    store.dispute(a2, "11x", "inflated", "The ARR was inflated.", "arr")
    assert store.detect() == 1
    [row] = store.rows()
    assert row["kind"] == "dispute" and row["claim_id"] == quoted
    assert "quotes the company's figure of $10M" in row["explanation"]


def test_detect_dispute_beside_a_finding_in_the_same_article_is_one_numeric_row(store):
    a2 = store.article("TechCrunch", "2025-03-24")
    quoted = store.claim(a2, "11x", "arr", 10e6)
    finding = store.claim(a2, "11x", "arr", 3e6, by="reporter", pos=3)
    store.dispute(a2, "11x", "inflated", "The ARR was inflated.", "arr")
    assert store.detect() == 1  # the dispute is folded into the figure-against-figure row
    [row] = store.rows()
    assert row["kind"] == "numeric"
    assert (row["claim_id"], row["contradicting_claim_id"]) == (quoted, finding)
    assert row["claim_article_id"] == row["contradicting_article_id"] == a2


def test_detect_revision_downward_same_period(store):
    a1 = store.article("Blog", "2025-01-10")
    store.claim(a1, "Acme", "revenue", 10e6, period="2024")
    a2 = store.article("Press release", "2025-04-10")
    store.claim(a2, "Acme", "revenue", 6e6, period="2024")
    assert store.detect() == 1
    row = store.rows()[0]
    assert row["kind"] == "revision" and row["severity"] == pytest.approx(0.4)
    assert "$6M for 2024" in row["explanation"] and "$10M" in row["explanation"]


def test_detect_revision_later_as_of_inside_earlier_period(store):
    a1 = store.article("Blog", "2025-01-10")
    store.claim(a1, "Acme", "bookings", 10e6, period="Q4 2024")
    a2 = store.article("Press release", "2025-02-10")
    store.claim(a2, "Acme", "bookings", 4e6, as_of=__import__("datetime").date(2024, 12, 31))
    assert store.detect() == 1
    assert store.rows()[0]["kind"] == "revision"


def test_detect_projection_missed_forecast(store):
    a1 = store.article("Blog", "2025-03-01")
    store.claim(a1, "Acme", "revenue", 100e6, period="2025", forecast=True)
    a2 = store.article("Paper", "2026-02-15")
    store.claim(a2, "Acme", "revenue", 40e6, by="reporter", period="2025")
    assert store.detect() == 1
    row = store.rows()[0]
    assert row["kind"] == "projection"
    assert "$100M" in row["explanation"] and "$40M" in row["explanation"]


def test_detect_tolerance_from_config(store):
    a1 = store.article("Blog", "2025-01-05")
    store.claim(a1, "Acme", "revenue", 10e6)
    a2 = store.article("Paper", "2025-02-05")
    store.claim(a2, "Acme", "revenue", 8e6, by="reporter")
    assert store.detect(config=DetectConfig(tolerance=0.25)) == 0
    assert store.detect(config=DetectConfig(tolerance=0.1)) == 1


def test_detect_format_figure():
    assert format_figure(10e6, unit="USD") == "$10M"
    assert format_figure(1.5e9, unit="EUR") == "€1.5B"
    assert format_figure(75, 70, 80, "range", "percent") == "70–80%"
    assert format_figure(3e6, 2.7e6, 3.3e6, "about", "USD") == "about $3M"
    assert format_figure(3000, unit="count", metric="customers") == "3,000 customers"
    assert format_figure(1e6, 1e6, None, "more_than", "USD") == "more than $1M"
    assert format_figure(2e6, unit="CHF") == "CHF 2M"


def test_detect_normalize_period():
    assert normalize_period("Q3 2024")[0] == normalize_period("q3 2024")[0] == "2024Q3"
    assert normalize_period("Q4 2024")[2].isoformat() == "2024-12-31"
    assert normalize_period("H1 2025")[1:] == normalize_period("H1 2025")[1:]
    assert normalize_period("annual") == (None, None, None)
    assert normalize_period("first year") == ("first year", None, None)


def test_detect_explain_dispute_truncates_long_sentence():
    text = explain({"kind": "dispute", "company": "X", "metric": "arr", "unit": None,
                    "severity": 0.5, "cue": "inflated", "d_sentence": "word " * 200,
                    "r_source": "Paper", "r_date": None, "claim_id": None})
    assert len(text) < 400 and "..." in text


def test_detect_dispute_falls_back_to_claim_of_another_metric(store):
    a1 = store.article("VentureWire", "2024-10-03")
    c1 = store.claim(a1, "11x", "arr", 10e6, period="annual")
    a2 = store.article("TechCrunch", "2025-03-24")
    store.dispute(a2, "11x", "never customers", "They were never customers.", "customers")
    store.detect()
    [row] = store.rows()
    assert row["claim_id"] == c1 and row["metric"] == "customers"
    assert "had claimed $10M ARR (VentureWire, 2024-10-03)" in row["explanation"]
    assert "annual" not in row["explanation"]


def test_detect_failure_is_a_clear_error_and_keeps_rows(store):
    from claimwatch.errors import WarehouseError

    _eleven_x(store)
    store.detect()
    store.con.execute("DROP TABLE disputes")  # a broken schema
    with pytest.raises(WarehouseError, match="contradiction detection failed"):
        store.detect()
    assert len(store.rows()) == 1
