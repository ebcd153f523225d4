"""Detection with partial publication dates: a "2025-06" article runs to the end of June."""

from __future__ import annotations

from claimwatch.warehouse.detect import detect_contradictions


def _partial(store, article_id: str, written: str) -> None:
    """Give an article a partial publication date, as an archive line "published": "2025-06" would."""
    from claimwatch.ingest.dates import parse_published
    start, precision = parse_published(written)
    store.con.execute("UPDATE articles SET published_at = ?, published_precision = ? WHERE article_id = ?",
                      [start, precision, article_id])
    store.con.execute("UPDATE claims SET published_at = ? WHERE article_id = ?", [start, article_id])
    store.con.execute("UPDATE disputes SET published_at = ? WHERE article_id = ?", [start, article_id])


def test_detect_month_dated_report_is_not_taken_for_the_first_of_the_month(store):
    claim = store.article("Wire", "2025-06-18")
    report = store.article("Monthly Review", "2025-06-18")
    store.claim(claim, "Pellucid", "arr", 12e6)
    store.claim(report, "Pellucid", "arr", 4e6, by="reporter")
    _partial(store, report, "2025-06")  # the report came out in June: maybe after the 18th
    assert detect_contradictions(store.con) == 1
    kind, claimed, reported = store.con.execute(
        "SELECT kind, claimed_value, reported_value FROM contradictions").fetchone()
    assert (kind, claimed, reported) == ("numeric", 12e6, 4e6)


def test_detect_day_dated_report_before_the_claim_still_not_compared(store):
    claim = store.article("Wire", "2025-06-18")
    report = store.article("Daily", "2025-06-02")
    store.claim(claim, "Pellucid", "arr", 12e6)
    store.claim(report, "Pellucid", "arr", 4e6, by="reporter")
    assert detect_contradictions(store.con) == 0


def test_detect_year_dated_dispute_links_a_claim_from_that_year(store):
    claim = store.article("Wire", "2024-09-10")
    store.claim(claim, "Orvane", "customers", 900, unit="count")
    disputing = store.article("Annual Review", "2024-09-10")
    store.dispute(disputing, "Orvane", "inflated", "Former staff said Orvane's customer numbers were inflated.",
                  metric="customers")
    _partial(store, disputing, "2024")
    assert detect_contradictions(store.con) == 1
    assert store.con.execute("SELECT kind, claimed_value FROM contradictions").fetchone() == ("dispute", 900)
