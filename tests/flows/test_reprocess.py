"""`reprocess` re-extracts stored articles after an extractor change, as if the new version ran from the start."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import duckdb

from claimwatch.extractors import EXTRACTOR_VERSION
from claimwatch.flows.daily import import_flow, reprocess_flow

STORY = [
    {"id": "rp-1", "url": "https://news.example.com/a", "title": "Quillon says it passed $8 million in ARR",
     "published": "2024-09-02T08:00:00Z", "source": "Example News", "language": "en",
     "text": "Quillon, an AI startup that automates invoice disputes, said it has passed $8 million in "
             "annual recurring revenue. The company told Example News it has 150 customers."},
    {"id": "rp-2", "url": "https://news.example.com/b", "title": "Quillon's revenue is far lower than it says",
     "published": "2025-01-15T08:00:00Z", "source": "Example News", "language": "en",
     "text": "According to internal documents reviewed by Example News, Quillon's annual recurring revenue "
             "was closer to $2 million at the end of 2024. Former employees said the figures were inflated."},
]


def _rows(path, query):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def test_reprocess_replaces_stale_claims_and_keeps_valid_contradictions(prefect_harness, tmp_path):
    archive = tmp_path / "story.jsonl"
    archive.write_text("\n".join(json.dumps(item) for item in STORY) + "\n", encoding="utf-8")
    stale_db, fresh_db = tmp_path / "stale.duckdb", tmp_path / "fresh.duckdb"
    import_flow(path=str(archive), db=str(stale_db))
    import_flow(path=str(archive), db=str(fresh_db))
    before = _rows(stale_db, "select contradiction_id, detected_at from contradictions order by 1")
    assert before, "the story must produce at least one contradiction"

    # Pretend an older extractor wrote this warehouse: other version stamps and a claim
    # (with its contradiction) that the current extractor does not produce.
    con = duckdb.connect(str(stale_db))
    first_id = con.execute("select article_id from articles where guid = 'rp-1'").fetchone()[0]
    con.execute("update claims set extractor_version = 'old'")
    con.execute("update extractions set extractor_version = 'old'")
    con.execute("""insert into claims (claim_id, article_id, company, metric, value, value_low, value_high, unit,
                       claimed_by, sentence, quantity_text, sentence_index, char_start, extractor_version,
                       created_at)
                   values ('stale-claim', ?, 'Quillon', 'employees', 999, 999, 999, 'count', 'company',
                           'an old misreading', '999', 9, 999, 'old', ?)""", [first_id, datetime.now(timezone.utc)])
    con.execute("""insert into contradictions (contradiction_id, company, metric, kind, claim_id,
                       contradicting_article_id, severity, explanation, detected_at)
                   values ('stale-contradiction', 'Quillon', 'employees', 'numeric', 'stale-claim', 'x',
                           0.9, 'from the old extractor', ?)""", [datetime.now(timezone.utc)])
    con.close()

    summary = reprocess_flow(db=str(stale_db))
    assert summary["articles_extracted"] == len(STORY)

    claims_query = ("select claim_id, company, metric, value, unit, claimed_by, extractor_version "
                    "from claims order by claim_id")
    assert _rows(stale_db, claims_query) == _rows(fresh_db, claims_query)
    assert {r[0] for r in _rows(stale_db, "select distinct extractor_version from claims")} == {EXTRACTOR_VERSION}
    after = _rows(stale_db, "select contradiction_id, detected_at from contradictions order by 1")
    assert [r[0] for r in after] == [r[0] for r in _rows(fresh_db, "select contradiction_id from contradictions order by 1")]
    assert "stale-contradiction" not in {r[0] for r in after}
    # contradictions that still hold are carried over, with their first detection time
    assert dict(after) == {cid: when for cid, when in before}

    # nothing left to do: a second reprocess re-extracts nothing
    assert reprocess_flow(db=str(stale_db))["articles_extracted"] == 0
