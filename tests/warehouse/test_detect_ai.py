"""AI claims (issue 14): automation against human involvement, accuracy against error rates, bots,
AI-built shares; complements (100 - x), directions, plain-word explanations, the digest."""

from __future__ import annotations

from datetime import date

import pytest

from claimwatch.digest.render import render_digest
from claimwatch.warehouse import outbox
from claimwatch.warehouse.explain import explain


def _two(store, claim: dict, report: dict, day1="2025-02-01", day2="2025-05-01", company="Quenby"):
    a1 = store.article("Quenby newsroom", day1)
    store.claim(a1, company, **claim)
    a2 = store.article("Fieldnote", day2)
    store.claim(a2, company, **{"by": "reporter", **report})
    store.detect()
    return store.rows()


def test_detect_ai_automation_against_human_share_is_shown_on_one_scale(store):
    rows = _two(store,
                dict(metric="automation_rate", value=95, unit="percent", hedge="more_than", high=None,
                     sentence="Quenby says its voice agent takes 95% of orders without any staff help."),
                dict(metric="human_involvement", value=70, unit="percent", hedge="more_than", high=None,
                     sentence="A filing shows more than 70% of orders needed a remote worker."))
    [row] = rows
    assert (row["kind"], row["metric"]) == ("numeric", "automation_rate")
    assert (row["claimed_value"], row["reported_value"]) == (95, 30)
    text = row["explanation"]
    assert "95% of orders without a person" in text
    assert "less than 30%" in text and "(70% needed a human)" in text


def test_detect_ai_company_filing_admitting_human_work_contradicts_its_automation_claim(store):
    # the company's own later filing: a complement figure from the company still contradicts
    rows = _two(store, dict(metric="automation_rate", value=90, unit="percent"),
                dict(metric="human_involvement", value=60, unit="percent", by="company"))
    assert [(r["claimed_value"], r["reported_value"]) for r in rows] == [(90, 40)]


def test_detect_ai_consistent_complements_stay_quiet(store):
    assert _two(store, dict(metric="automation_rate", value=95, unit="percent"),
                dict(metric="human_involvement", value=4, unit="percent")) == []


def test_detect_ai_all_accurate_against_a_measured_miss_rate(store):
    rows = _two(store,
                dict(metric="accuracy", value=100, unit="percent",
                     sentence="Quenby claims its scanner finds every concealed blade."),
                dict(metric="error_rate", value=42, unit="percent",
                     sentence="Field trials found it missed 42% of knives."))
    [row] = rows
    assert (row["metric"], row["claimed_value"], row["reported_value"]) == ("accuracy", 100, 58)
    assert "100% accuracy" in row["explanation"] and "(42% missed or wrong)" in row["explanation"]


@pytest.mark.parametrize("metric", ["error_rate", "bot_share"])
def test_detect_ai_higher_is_worse_for_errors_and_bots(store, metric):
    rows = _two(store, dict(metric=metric, value=2, unit="percent"),
                dict(metric=metric, value=15, unit="percent"))
    assert [(r["claimed_value"], r["reported_value"]) for r in rows] == [(2, 15)]
    assert "higher" in rows[0]["explanation"]


@pytest.mark.parametrize("metric", ["error_rate", "bot_share"])
def test_detect_ai_lower_errors_or_bots_are_no_contradiction(store, metric):
    assert _two(store, dict(metric=metric, value=15, unit="percent"),
                dict(metric=metric, value=2, unit="percent")) == []


def test_detect_ai_people_behind_the_ai_counted(store):
    rows = _two(store, dict(metric="human_involvement", value=20, unit="count"),
                dict(metric="human_involvement", value=700, unit="count"))
    [row] = rows
    assert (row["claimed_value"], row["reported_value"]) == (20, 700)
    assert "20 people doing the work" in row["explanation"]


def test_detect_ai_built_share_lower_in_a_french_report(store):
    a1 = store.article("Quenby blog", "2025-02-01")
    store.claim(a1, "Quenby", "ai_built_share", 80, "percent",
                sentence="Quenby says its assistant writes 80% of each app.")
    a2 = store.article("Le Quotidien Tech", "2025-03-01", language="fr")
    store.claim(a2, "Quenby", "ai_built_share", 10, "percent", by="reporter", language="fr",
                sentence="Selon d'anciens salariés, à peine 10 % du code venait de l'outil.")
    assert store.detect() == 1
    assert "80% of" in store.rows()[0]["explanation"] and "built by AI" in store.rows()[0]["explanation"]


def test_detect_ai_target_is_not_an_outcome(store):
    # "we aim for 99% of orders without a person": a target, not a figure to contradict
    assert _two(store, dict(metric="automation_rate", value=99, unit="percent", forecast=True, period="2026"),
                dict(metric="automation_rate", value=60, unit="percent", period="2026"),
                day2="2026-11-01") == []


def test_detect_ai_rate_for_another_period_is_not_the_same_claim(store):
    assert _two(store, dict(metric="accuracy", value=98, unit="percent", period="2025"),
                dict(metric="accuracy", value=70, unit="percent", period="2023")) == []


def test_detect_ai_later_improvement_is_not_a_contradiction(store):
    assert _two(store, dict(metric="automation_rate", value=60, unit="percent"),
                dict(metric="automation_rate", value=85, unit="percent")) == []


def test_detect_ai_other_figures_pair_only_with_the_same_descriptor(store):
    a1 = store.article("Quenby newsroom", "2025-02-01")
    store.claim(a1, "Quenby", "other", 7000, "count", other_kind="reservations", pos=1)
    store.claim(a1, "Quenby", "other", 2e9, "USD", other_kind="order value", pos=2)
    a2 = store.article("Fieldnote", "2025-04-01")
    store.claim(a2, "Quenby", "other", 900, "count", by="reporter", other_kind="units sold", pos=1)
    store.claim(a2, "Quenby", "other", 1e7, "USD", by="reporter", other_kind="deposits", pos=2)
    assert store.detect() == 0
    a3 = store.article("Fieldnote", "2025-05-01")
    store.claim(a3, "Quenby", "other", 1500, "count", by="reporter", other_kind="reservations", pos=1)
    assert store.detect() == 1
    [row] = store.rows()
    assert (row["metric"], row["claimed_value"], row["reported_value"]) == ("other", 7000, 1500)
    assert row["explanation"].startswith("Quenby reservations:")


def test_detect_ai_explain_renders_a_complement_in_plain_words():
    row = {"kind": "numeric", "company": "Quenby", "metric": "automation_rate", "unit": "percent",
           "claimed_value": 95.0, "reported_value": 30.0, "severity": 0.68, "c_source": "Quenby site",
           "c_date": date(2025, 2, 1), "r_source": "Fieldnote", "r_date": date(2025, 5, 1),
           "claim_article_id": "a", "contradicting_article_id": "b", "r_metric": "human_involvement",
           "r_orig": 70.0, "c_sentence": "95% of orders are taken with no staff involved."}
    text = explain(row)
    assert text == ("Quenby automation rate: the company claimed 95% of orders without a person "
                    "(Quenby site, 2025-02-01); Fieldnote (2025-05-01) reported 30% (70% needed a human), "
                    "68% lower.")


def test_detect_ai_digest_shows_the_automation_contradiction(store):
    _two(store, dict(metric="automation_rate", value=95, unit="percent",
                     sentence="Quenby says 95% of orders are completed without any staff."),
         dict(metric="human_involvement", value=70, unit="percent",
              sentence="Records show 70% of orders were finished by contractors."))
    items = outbox.candidate_items(store.con, "desk@example.com")
    digest = render_digest(items, recipient="desk@example.com", day=date(2025, 5, 2))
    assert digest.counts["contradictions"] == 1
    for out in (digest.text, digest.html):
        assert "95% of orders without a person" in out
        assert "(70% needed a human)" in out
        assert "30%" in out


def test_detect_ai_french_automation_claim_against_english_finding(store):
    fr = store.article("Le Quotidien Tech", "2025-02-01", language="fr")
    store.claim(fr, "Quenby", "automation_rate", 100, "percent", language="fr",
                sentence="Quenby assure que ses commandes sont traitées sans aucune intervention humaine.")
    en = store.article("Fieldnote", "2025-04-01")
    store.claim(en, "Quenby AI", "human_involvement", 60, "percent",
                sentence="Contractors handled 60% of the orders, according to former staff.")
    assert store.detect() == 1
    [row] = store.rows()
    assert (row["claim_article_id"], row["contradicting_article_id"]) == (fr, en)
    assert (row["claimed_value"], row["reported_value"]) == (100, 40)
    assert "100% of orders without a person" in row["explanation"]
    assert "(60% needed a human)" in row["explanation"]
