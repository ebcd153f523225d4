"""Situations that look like contradictions but are not: each must produce no row."""

from __future__ import annotations


def _pair(store, company_fig: dict, report_fig: dict, day1="2025-01-10", day2="2025-02-10",
          src1="Blog", src2="Paper"):
    company = f"Acme {store._n}"  # a fresh company per pair: pairs never mix
    a1 = store.article(src1, day1)
    store.claim(a1, company, **company_fig)
    a2 = store.article(src2, day2)
    store.claim(a2, company, by=report_fig.pop("by", "reporter"), **report_fig)
    return store.detect()


def test_detect_traps_growth_later_higher(store):
    assert _pair(store, dict(metric="arr", value=10e6), dict(metric="arr", value=25e6),
                 day2="2025-09-10") == 0
    assert _pair(store, dict(metric="users", value=1e6, unit="count"),
                 dict(metric="users", value=1.8e6, unit="count"), day2="2025-03-01") == 0


def test_detect_traps_different_metric(store):
    assert _pair(store, dict(metric="arr", value=10e6), dict(metric="revenue", value=3e6)) == 0
    assert _pair(store, dict(metric="gmv", value=50e6), dict(metric="bookings", value=5e6)) == 0


def test_detect_traps_different_period(store):
    assert _pair(store, dict(metric="revenue", value=10e6, period="2024"),
                 dict(metric="revenue", value=3e6, period="2023")) == 0
    assert _pair(store, dict(metric="revenue", value=10e6, period="Q4 2024"),
                 dict(metric="revenue", value=2e6, period="Q3 2024")) == 0
    # the reporter's explicit period ended long before the company's undated figure
    assert _pair(store, dict(metric="arr", value=10e6),
                 dict(metric="arr", value=2e6, period="2022")) == 0
    # a monthly figure against an undated one
    assert _pair(store, dict(metric="revenue", value=12e6),
                 dict(metric="revenue", value=1e6, period="monthly")) == 0


def test_detect_traps_different_currency(store):
    assert _pair(store, dict(metric="revenue", value=10e6, unit="USD"),
                 dict(metric="revenue", value=5e6, unit="EUR")) == 0


def test_detect_traps_rounding_and_slight_differences(store):
    assert _pair(store, dict(metric="arr", value=10e6), dict(metric="arr", value=9.5e6)) == 0
    assert _pair(store, dict(metric="customers", value=3000, unit="count"),
                 dict(metric="customers", value=2800, unit="count", hedge="about")) == 0
    assert _pair(store, dict(metric="churn", value=5, unit="percent"),
                 dict(metric="churn", value=5.8, unit="percent")) == 0  # under one point


def test_detect_traps_reporters_disagreeing_with_each_other(store):
    assert _pair(store, dict(metric="arr", value=10e6, by="reporter"),
                 dict(metric="arr", value=3e6)) == 0


def test_detect_traps_funding_round_vs_total(store):
    assert _pair(store, dict(metric="funding", value=100e6,
                             sentence="Acme has raised $100M in total since 2020."),
                 dict(metric="funding", value=30e6,
                      sentence="Acme raised a $30M round led by Index.")) == 0
    assert _pair(store, dict(metric="funding", value=20e6,
                             sentence="Acme raised a $20M Series A."),
                 dict(metric="funding", value=4e6,
                      sentence="Acme's seed round was $4M.")) == 0
    assert _pair(store, dict(metric="funding", value=50e6,
                             sentence="Acme a levé 50 millions d'euros au total.", unit="EUR"),
                 dict(metric="funding", value=15e6,
                      sentence="Acme lève 15 millions d'euros.", unit="EUR")) == 0


def test_detect_traps_same_claim_re_reported(store):
    for i, source in enumerate(("Blog", "Wire", "Paper", "Daily")):
        a = store.article(source, f"2025-01-1{i}")
        store.claim(a, "Acme", "arr", 10e6 if i % 2 else 10.2e6)
    assert store.detect() == 0


def test_detect_traps_agreeing_figures_inside_one_article(store):
    a = store.article("Paper", "2025-03-24")
    store.claim(a, "Acme", "arr", 10e6, pos=1)
    store.claim(a, "Acme", "arr", 9.4e6, by="reporter", hedge="about", pos=2)
    assert store.detect() == 0  # the report confirms the company's figure


def test_detect_traps_reporter_figure_for_another_year_in_the_same_article(store):
    a = store.article("Paper", "2025-03-24")
    store.claim(a, "Acme", "revenue", 40e6, period="2024", pos=1)
    store.claim(a, "Acme", "revenue", 12e6, by="reporter", period="2022", pos=2)
    assert store.detect() == 0


def test_detect_traps_upward_revision(store):
    assert _pair(store, dict(metric="revenue", value=10e6, period="2024"),
                 dict(metric="revenue", value=14e6, period="2024", by="company")) == 0


def test_detect_traps_forecasts_are_not_figures(store):
    assert _pair(store, dict(metric="revenue", value=100e6, forecast=True),
                 dict(metric="revenue", value=20e6)) == 0
    # an actual above the forecast is no contradiction
    assert _pair(store, dict(metric="revenue", value=50e6, forecast=True, period="2025"),
                 dict(metric="revenue", value=60e6, period="2025"), day2="2026-02-01") == 0


def test_detect_traps_report_before_claim(store):
    assert _pair(store, dict(metric="arr", value=10e6), dict(metric="arr", value=3e6),
                 day1="2025-03-01", day2="2025-01-01") == 0


def test_detect_traps_decline_long_after_claim(store):
    assert _pair(store, dict(metric="customers", value=3000, unit="count"),
                 dict(metric="customers", value=1000, unit="count"), day2="2026-06-01") == 0


def test_detect_traps_layoffs_are_not_revisions(store):
    assert _pair(store, dict(metric="employees", value=500, unit="count"),
                 dict(metric="employees", value=300, unit="count", by="company"),
                 day2="2025-03-10") == 0


def test_detect_traps_quote_yields_to_the_original_claim(store):
    report = store.article("Paper", "2025-03-24")
    quote = store.claim(report, "Acme", "arr", 10e6, pos=1)
    store.claim(report, "Acme", "arr", 3e6, by="reporter", pos=2)
    original = store.article("Blog", "2024-10-15")
    claim = store.claim(original, "Acme", "arr", 10e6, pos=1)
    retelling = store.article("Journal", "2025-03-31", language="fr")
    store.claim(retelling, "Acme", "arr", 3e6, by="reporter", pos=1)
    store.detect()
    across = [r for r in store.rows("numeric") if r["claim_article_id"] != r["contradicting_article_id"]]
    # the company's own statement is what later reports contradict, not the quote of it
    assert {r["claim_id"] for r in across} == {claim}
    assert quote not in {r["claim_id"] for r in across}


def test_detect_traps_change_over_time_stated_in_one_sentence(store):
    a = store.article("Paper", "2025-08-14")
    sentence = "Tolvane reported $64 million in revenue, up from $21 million in the same quarter a year earlier."
    store.claim(a, "Tolvane", "revenue", 64e6, period="Q2 2025", sentence=sentence, pos=3)
    store.claim(a, "Tolvane", "revenue", 21e6, by="reporter", period="Q2 2025", sentence=sentence, pos=3)
    b = store.article("Journal", "2025-08-15", language="fr")
    phrase = "Le chiffre d'affaires de Tolvane atteint 9 millions d'euros, contre 14 millions un an plus tôt."
    store.claim(b, "Tolvane", "revenue", 14e6, "EUR", sentence=phrase, pos=2)
    store.claim(b, "Tolvane", "revenue", 9e6, "EUR", by="reporter", sentence=phrase, pos=2)
    assert store.detect() == 0


def test_detect_traps_revised_estimate_in_one_sentence_is_still_a_contradiction(store):
    a = store.article("Paper", "2025-05-20")
    sentence = "Auditors cut Tolvane's 2024 revenue estimate from $90 million to about $20 million."
    store.claim(a, "Tolvane", "revenue", 90e6, period="2024", sentence=sentence, pos=2)
    store.claim(a, "Tolvane", "revenue", 20e6, by="reporter", period="2024", hedge="about", sentence=sentence, pos=2)
    assert store.detect() == 1


def test_detect_traps_undated_claim_does_not_precede_a_dated_report(store):
    report = store.article("Paper", "2024-09-20")
    store.claim(report, "Ulmo", "users", 5000, "count", by="reporter")
    claim = store.article("Archive", "2024-09-01")
    store.con.execute("UPDATE articles SET published_at = NULL, first_seen_at = TIMESTAMPTZ "
                      "'2026-11-30 00:00+00' WHERE article_id = ?", [claim])  # seen at import
    store.claim(claim, "Ulmo", "users", 100000, "count")
    assert store.detect() == 0  # nothing says the company said it before the report
